"""`facilitation run SCRIPT.md|EVENT.db [--event EVENT.db]`: the facilitator's console.

Given a script without --event, the event file is made beside it (SCRIPT.db); given a script
and an event file that exists, the event is opened and its stored snapshot wins.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitation.commands.language import use_event_language
from facilitation.errors import UserError
from facilitation.i18n import _


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "run",
        parents=[common],
        help=_("run an event: the facilitator's console"),
        description=_(
            "Open the facilitator's console on an event: the agenda, what to say, the question, "
            "the countdown and the notes coming in. Given a session script, the event file is "
            "created beside it (SCRIPT.db) or, if it exists, opened as it is."
        ),
    )
    parser.add_argument(
        "target", metavar=_("SCRIPT.md|EVENT.db"), help=_("a session script or an event file")
    )
    parser.add_argument(
        "--event", metavar=_("EVENT.db"), help=_("the event file (default: SCRIPT.db)")
    )
    add_warn_option(parser)
    parser.set_defaults(func=run)


def add_warn_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--warn",
        type=float,
        metavar=_("MINUTES"),
        help=_("signal when this many minutes are left (default: 2)"),
    )


def warn_seconds(args: argparse.Namespace) -> float:
    from facilitation.run.timer import DEFAULT_WARN_SECONDS

    return DEFAULT_WARN_SECONDS if args.warn is None else args.warn * 60


def is_event_file(path: Path) -> bool:
    from facilitation.store.event import SQLITE_HEADER

    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def open_event(target: Path, event_path: Path | None, lang: str | None = None):
    """(open Event, what happened: "created", "opened" or None) for `run TARGET [--event]`."""
    from facilitation.commands.new import create_event
    from facilitation.store import Event

    if is_event_file(target):
        if event_path is not None and event_path.resolve() != target.resolve():
            raise UserError(_("give either an event file or --event, not both"), path=target)
        return Event.open(target), None
    if not target.exists():
        raise UserError(_("this file does not exist"), path=target)
    event_path = event_path or target.with_suffix(".db")
    if event_path.exists():
        return Event.open(event_path), "opened"
    return create_event(target, event_path, lang), "created"


def notice_for(what: str | None, event_path: Path) -> str | None:
    if what == "created":
        return _("Created the event file {path} beside the script.").format(path=event_path)
    if what == "opened":
        return _("Opened the existing event {path}: its stored script is used.").format(
            path=event_path
        )
    return None


def run(args: argparse.Namespace) -> int:
    event_path = Path(args.event) if args.event else None
    event, what = open_event(Path(args.target), event_path, args.lang)
    with event:
        use_event_language(args, event)
        from facilitation.tui.console import make_console_app

        app = make_console_app(
            event, warn_seconds=warn_seconds(args), notice=notice_for(what, event.path)
        )
        app.run()
    return 0
