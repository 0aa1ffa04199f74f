"""`facilitation check FILE...`: validate session scripts and format files."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from facilitation.errors import UserError, UserErrors
from facilitation.i18n import _, set_language

# Terminal control characters (C0 but newline and tab, DEL, C1, and the bidi overrides):
# printed as they are, a heading with ESC [2J would clear the facilitator's terminal.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` with every terminal control character shown as an escape (ESC as \\x1b)."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "check",
        parents=[common],
        help=_("check session scripts and formats"),
        description=_(
            "Check session scripts (.md) and format files (.yaml): every problem is printed as "
            "FILE:LINE: message; a valid script gets a one-screen summary."
        ),
    )
    parser.add_argument(
        "files", nargs="+", metavar=_("FILE"), help=_("a session script or a format")
    )
    parser.set_defaults(func=run)


def check_file(path: Path, lang_given: bool) -> list[str]:
    """The summary lines of a valid file; raises UserError(s) otherwise."""
    if path.suffix.lower() in (".yaml", ".yml"):
        from facilitation.script.formats import load_format

        definition = load_format(path)
        return [
            _("format '{id}': {n} phases").format(id=definition.id, n=len(definition.phases)),
        ]
    from facilitation.script import parse_script
    from facilitation.script.frontmatter import sniff_language
    from facilitation.script.source import read_text
    from facilitation.script.summary import summary_lines, warnings

    text = read_text(path)
    if not lang_given:
        set_language(sniff_language(text))
    script = parse_script(text, path)
    lines = summary_lines(script)
    lines += ["⚠ " + warning for warning in warnings(script)]
    return lines


def run(args: argparse.Namespace) -> int:
    failed = False
    for index, name in enumerate(args.files):
        set_language(args.lang)
        path = Path(name)
        try:
            lines = check_file(path, lang_given=args.lang is not None)
        except UserErrors as exc:
            failed = True
            for problem in exc.errors:
                print(visible(str(problem)), file=sys.stderr)
            continue
        except UserError as exc:
            failed = True
            print(visible(str(exc)), file=sys.stderr)
            continue
        if index:
            print()
        print(visible(_("{file}: ok").format(file=path)))
        print(visible("\n".join(lines)))
    return 1 if failed else 0
