"""`facilitation capture`: the note-takers' screens (tables, plenary, session reports, typist)."""

from __future__ import annotations

from pathlib import Path

from facilitation.commands.language import use_event_language
from facilitation.errors import UserError
from facilitation.i18n import _


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "capture",
        parents=[common],
        help=_("take notes at a table, in plenary or for an Open Space session"),
        description=_(
            "Note capture: choose a table (or type its join code), then type what the table "
            "says; the screen follows the facilitator's console round after round."
        ),
    )
    parser.add_argument("event", metavar=_("EVENT.db"), help=_("the event file"))
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--table", type=int, metavar="T", help=_("go straight to table T"))
    where.add_argument("--plenary", action="store_true", help=_("take the plenary notes (harvest)"))
    where.add_argument(
        "--reports", action="store_true", help=_("fill the Open Space session reports")
    )
    where.add_argument(
        "--typist",
        action="store_true",
        help=_("type in the notes of every table of a round (after the event)"),
    )
    parser.add_argument("--name", default="", metavar=_("NAME"), help=_("who is typing"))
    parser.set_defaults(func=run)


def run(args) -> int:
    from facilitation.store import Event
    from facilitation.tui.capture.app import make_capture_app

    path = Path(args.event)
    if not path.exists():
        raise UserError(_("no such event file"), path=path)
    with Event.open(path) as event:
        use_event_language(args, event)
        if args.table is not None:
            from facilitation.run.tables import table_problem

        problem = table_problem(event, args.table)
        if problem:
            raise UserError(problem, path=path)
    start = "reports" if args.reports else "typist" if args.typist else None
    app = make_capture_app(
        path,
        table=args.table,
        plenary=args.plenary,
        who=args.name,
        start=start,
    )
    try:
        app.run()
    finally:
        app.event.close()
    return 0
