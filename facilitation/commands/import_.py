"""`facilitation import EVENT.db FILE.csv --kind KIND`: add rows of a spreadsheet to an event.

All or nothing: every bad row is listed as FILE:LINE: message and nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitation.commands.language import use_event_language
from facilitation.errors import UserErrors
from facilitation.i18n import _, ngettext


def register(subparsers, common) -> None:
    from facilitation.tabular import IMPORT_KINDS as KINDS

    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help=_("import participants, notes, topics... from a CSV file"),
        description=_(
            "Import a CSV file (comma or semicolon, UTF-8, headers in French or English) into "
            "an event. Every bad row is listed; nothing is imported unless every row is good. "
            "Columns: see docs/event-file.md."
        ),
    )
    parser.add_argument("event", metavar=_("EVENT.db"), help=_("the event file"))
    parser.add_argument(
        "file", metavar=_("FILE.csv"), help=_("the CSV file to import (photos: a folder or a CSV)")
    )
    parser.add_argument(
        "--kind", required=True, choices=(*KINDS, "photos"), help=_("what the rows of the file are")
    )
    parser.add_argument(
        "--keep-duplicates",
        action="store_true",
        help=_("import rows that repeat an earlier row exactly (refused by default)"),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facilitation.commands.waiting import say_waiting
    from facilitation.store import Event
    from facilitation.store.importing import import_csv

    with Event.open(args.event) as event:
        use_event_language(args, event)
        event.on_lock_wait = say_waiting
        try:
            if args.kind == "photos":
                from facilitation.store.photos import import_photos

                count = import_photos(event, Path(args.file))
            else:
                count = import_csv(
                    event, Path(args.file), args.kind, keep_duplicates=args.keep_duplicates
                )
        except UserErrors as exc:
            for problem in exc.errors:
                print(_("error: {message}").format(message=problem), file=sys.stderr)
            print(
                ngettext(
                    "{n} bad row: nothing was imported",
                    "{n} bad rows: nothing was imported",
                    len(exc.errors),
                ).format(n=len(exc.errors)),
                file=sys.stderr,
            )
            return 1
    print(
        ngettext("Imported {n} row into {path}", "Imported {n} rows into {path}", count).format(
            n=count, path=args.event
        )
    )
    return 0
