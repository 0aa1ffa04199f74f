"""`facilitation synthesize EVENT.db -o SYNTHESE.docx [--template REF.docx] [--lang fr|en]`:
the book of proceedings, in Word (or Markdown with `-o FILE.md`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitation.commands.language import use_event_language
from facilitation.i18n import _


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "synthesize",
        aliases=["synthese"],
        parents=[common],
        help=_("write the synthesis (book of proceedings) of an event as .docx or .md"),
        description=_(
            "Write the synthesis of an event: cover, contents, agenda, participation, what each "
            "table said and what came up at several tables, Open Space reports, votes and "
            "action plan, themes and appendices. In the event's language unless --lang says "
            "otherwise."
        ),
    )
    parser.add_argument("event", metavar=_("EVENT.db"), help=_("the event file"))
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=_("SYNTHESIS.docx|SYNTHESIS.md"),
        help=_("the file to write (.docx for Word, .md for Markdown)"),
    )
    parser.add_argument(
        "--template",
        metavar=_("REFERENCE.docx"),
        help=_("a Word document whose styles, headers and footers (logo, fonts, colours) are used"),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facilitation.store import Event
    from facilitation.synthesis import write_synthesis

    with Event.open(args.event) as event:
        lang = args.lang or event.language
        use_event_language(args, event)
        progress = None
        if sys.stderr.isatty():

            def progress(fraction: float, message: str) -> None:
                print(f"\r{int(fraction * 100):3d}% {message}\033[K", end="", file=sys.stderr)
                if fraction >= 1:
                    print(file=sys.stderr)

        out = write_synthesis(
            event,
            Path(args.output),
            lang=lang,
            template=Path(args.template) if args.template else None,
            progress=progress,
        )
    print(_("Wrote the synthesis of {event} to {path}").format(event=args.event, path=out))
    return 0
