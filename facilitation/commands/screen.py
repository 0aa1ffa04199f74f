"""`facilitation screen EVENT.db`: the projector view, following the console through the file."""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitation.commands.language import use_event_language
from facilitation.commands.run import add_warn_option, warn_seconds
from facilitation.i18n import _


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "screen",
        parents=[common],
        help=_("show the countdown and the question on the projector"),
        description=_(
            "The projector view: the block, the round, the question and the countdown, in "
            "large type. Run it in a second terminal on the projector; it follows the "
            "facilitator's console through the event file and changes nothing."
        ),
    )
    parser.add_argument("event", metavar=_("EVENT.db"), help=_("the event file"))
    add_warn_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facilitation.store import Event

    with Event.open(Path(args.event)) as event:
        use_event_language(args, event)
        from facilitation.tui.projector import make_projector_app

        make_projector_app(event, warn_seconds=warn_seconds(args)).run()
    return 0
