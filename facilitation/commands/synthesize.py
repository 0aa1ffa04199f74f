"""`facilitation synthesize EVENT.db -o SYNTHESE.docx|.pdf|.md [--template REF.docx] [--names]
[--appendices none|notes|all] [--participants] [--report-per-page] [--no-page-numbers]`:
the book of proceedings, in Word, PDF (through LibreOffice) or Markdown."""

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
        help=_("write the synthesis (book of proceedings) of an event as .docx, .pdf or .md"),
        description=_(
            "Write the synthesis of an event: cover, at a glance, contents, agenda, "
            "participation, what each table said and what came up at several tables, Open "
            "Space reports, votes and action plan, themes and appendices; as .docx, .pdf "
            "(through LibreOffice) or .md. Nobody is named next to what they said unless "
            "--names. In the event's language unless --lang says otherwise."
        ),
    )
    parser.add_argument("event", metavar=_("EVENT.db"), help=_("the event file"))
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=_("SYNTHESIS.docx|SYNTHESIS.pdf|SYNTHESIS.md"),
        help=_("the file to write (.docx for Word, .pdf through LibreOffice, .md for Markdown)"),
    )
    parser.add_argument(
        "--names",
        action="store_true",
        help=_(
            "name table hosts and note-takers (by default nobody is named next to what they said)"
        ),
    )
    parser.add_argument(
        "--appendices",
        choices=("none", "notes", "all"),
        default="notes",
        help=_(
            "none, notes (every note verbatim, the default) or all (with --names: the seating plan too)"
        ),
    )
    parser.add_argument(
        "--participants",
        action="store_true",
        help=_("add the list of participants with their organisations"),
    )
    parser.add_argument(
        "--report-per-page",
        action="store_true",
        help=_("each Open Space session report on a page of its own (as in Owen's proceedings)"),
    )
    parser.add_argument(
        "--no-page-numbers",
        action="store_true",
        help=_("do not lay the .docx out with LibreOffice to number its contents (faster)"),
    )
    parser.add_argument(
        "--template",
        metavar=_("REFERENCE.docx"),
        help=_("a Word document whose styles, headers and footers (logo, fonts, colours) are used"),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facilitation.store import Event
    from facilitation.synthesis import Options, write_synthesis
    from facilitation.synthesis.pdf import find_soffice

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
            options=Options(
                names=args.names,
                appendices=args.appendices,
                participants=args.participants,
                report_per_page=args.report_per_page,
            ),
            page_numbers=not args.no_page_numbers and find_soffice() is not None,
        )
    print(_("Wrote the synthesis of {event} to {path}").format(event=args.event, path=out))
    return 0
