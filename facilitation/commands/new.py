"""`facilitation new SCRIPT.md --event EVENT.db`: create an event file from a session script.

The script is checked, then stored in the new file as a snapshot: later edits of the Markdown
file do not change the event. No screen is opened.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitation.commands.language import use_event_language
from facilitation.errors import UserError
from facilitation.i18n import _, ngettext, set_language


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "new",
        parents=[common],
        help=_("create an event file from a session script"),
        description=_(
            "Create an event file (one SQLite file holding everything the event produces) from a "
            "session script. The script is copied into the file: later edits of the script do "
            "not change the event."
        ),
    )
    parser.add_argument("script", metavar=_("SCRIPT.md"), help=_("the session script"))
    parser.add_argument(
        "--event",
        metavar=_("EVENT.db"),
        help=_("the event file to create (default: the script's name with .db)"),
    )
    parser.set_defaults(func=run)


def default_event_path(script_path: Path) -> Path:
    return script_path.with_suffix(".db")


def create_event(script_path: Path, event_path: Path, lang: str | None = None):
    """Check the script and create the event; returns the open Event (also used by `run`).
    Problems in the script are told in its own language (`langue: fr`) unless `lang` (the
    user's --lang) says otherwise: the file is read once, its language sniffed first."""
    from facilitation.script import parse_script
    from facilitation.script.frontmatter import sniff_language
    from facilitation.script.source import read_text
    from facilitation.store import Event

    if event_path.exists():  # say it before checking the script
        raise UserError(_("this file already exists; choose another name"), path=event_path)
    source_text = read_text(script_path)
    if lang is None:
        set_language(sniff_language(source_text))
    script = parse_script(source_text, script_path)
    return Event.create(event_path, script, source_text, script_path.name)


def run(args: argparse.Namespace) -> int:
    script_path = Path(args.script)
    event_path = Path(args.event) if args.event else default_event_path(script_path)
    with create_event(script_path, event_path, args.lang) as event:
        use_event_language(args, event)
        script = event.script
        blocks = len(script.blocks)
        print(
            _("Created {path}: {title}").format(path=event_path, title=script.event.title)
            + " ("
            + ngettext("{n} block", "{n} blocks", blocks).format(n=blocks)
            + ", "
            + ngettext("{n} step", "{n} steps", len(script.flat_steps())).format(
                n=len(script.flat_steps())
            )
            + ")"
        )
    return 0
