"""`facilitation export EVENT.db -o OUT.json|OUT.csv`: everything out of the event file.

JSON: the whole event in one object; CSV: the current notes, readable by `import --kind notes`.
The shapes are documented in docs/event-file.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitation.commands.language import use_event_language
from facilitation.errors import UserError
from facilitation.i18n import _


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help=_("export an event to JSON (everything) or CSV (the notes)"),
        description=_(
            "Export an event: to a .json file, everything it holds; to a .csv file, its notes "
            "(one row per note, readable by `facilitation import --kind notes`)."
        ),
    )
    parser.add_argument("event", metavar=_("EVENT.db"), help=_("the event file"))
    parser.add_argument(
        "-o", "--output", required=True, metavar=_("OUT.json|OUT.csv"), help=_("the file to write")
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facilitation.outputs import output_error
    from facilitation.store import Event
    from facilitation.store.exporting import export_json, export_notes_csv

    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise UserError(_("the output file must end in .json or .csv"), path=out)
    if not out.parent.is_dir():
        raise UserError(_("this folder does not exist"), path=out.parent)
    with Event.open(args.event) as event:
        use_event_language(args, event)
        try:
            if suffix == ".json":
                export_json(event, out)
            else:
                export_notes_csv(event, out)
        except OSError as exc:  # a full disk, a read-only folder: nothing is left behind
            raise output_error(exc, out) from None
    print(_("Exported {event} to {path}").format(event=args.event, path=out))
    return 0
