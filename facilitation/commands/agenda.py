"""`facilitation agenda`: the Open Space agenda wall of an event, its conflicts, a suggested
agenda that minimises clashes, and the wall to print (.docx or .md)."""

from __future__ import annotations

import argparse

from facilitation.i18n import _


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "agenda",
        parents=[common],
        help=_("show, suggest or print the agenda wall of an Open Space"),
        description=_(
            "Without options: print the agenda wall (time slots x spaces) and its conflicts. "
            "--suggest places the topics so that few people must choose between two topics "
            "they want, never double-booking a convener, never over a space's capacity, never "
            "moving a pinned topic. --print writes the wall to post."
        ),
    )
    parser.add_argument("event", metavar="EVENT.db", help=_("the event file"))
    parser.add_argument(
        "--block", type=int, metavar="N", help=_("the Open Space block (default: the first)")
    )
    parser.add_argument("--suggest", action="store_true", help=_("suggest an agenda"))
    parser.add_argument(
        "-o", "--output", metavar="AGENDA.csv", help=_("write the suggested agenda (CSV)")
    )
    parser.add_argument(
        "--apply", action="store_true", help=_("put the suggested agenda on the wall")
    )
    parser.add_argument(
        "--capacity",
        action="append",
        default=[],
        metavar=_("SPACE=N"),
        help=_("people a space holds, e.g. \u201cSalle A=40\u201d (repeat for each space)"),
    )
    parser.add_argument(
        "--unavailable",
        action="append",
        default=[],
        metavar=_("NAME=SLOT"),
        help=_("a convener who cannot attend slots, e.g. \u201cMarie Tremblay=1,2\u201d"),
    )
    parser.add_argument(
        "--fix",
        action="append",
        default=[],
        metavar=_("TOPIC"),
        help=_("keep this topic (title or number) where it is, like a pinned one"),
    )
    parser.add_argument(
        "--keep-placed",
        action="store_true",
        help=_("keep every topic already on the wall where it is; place only the others"),
    )
    parser.add_argument(
        "--objective",
        choices=("missed", "pairs"),
        default="missed",
        help=_(
            "what the suggestion minimises: missed (default: sessions participants want but "
            "cannot attend) or pairs (pairs of wanted topics in one slot)"
        ),
    )
    parser.add_argument("--seed", type=int, default=0, help=_("same seed, same agenda"))
    parser.add_argument(
        "--agendas",
        metavar="AGENDAS.docx",
        help=_(
            "write each participant's personal agenda, the session to attend in each slot "
            "(.docx cards or .md); with --suggest, of the suggested agenda"
        ),
    )
    parser.add_argument(
        "--print",
        dest="print_to",
        metavar="WALL.docx",
        help=_("write the wall to print (.docx or .md)"),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facilitation.commands import agenda_wall

    return agenda_wall.run(args)
