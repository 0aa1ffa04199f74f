"""The command line: parse arguments, choose the language, hand over to a command module.

Each subcommand lives in `facilitation/commands/<name>.py` and exposes
`register(subparsers, common)`, which adds its parser and sets `func` (called with the parsed
arguments, returning an exit code). No logic of its own here.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback

from facilitation import __version__
from facilitation.errors import UserError
from facilitation.i18n import LANGUAGES, _, gettext, ngettext, set_language

# Order is the order shown in `facilitation --help`.
COMMANDS = (
    "check",
    "new",
    "run",
    "screen",
    "capture",
    "serve",
    "seat",
    "agenda",
    "import_",
    "export",
    "synthesize",
)


def _language_from_argv(argv: list[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    # argparse's own words ("usage:", "options", its error messages) come from our catalogue.
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("language of the interface (default: the event's language, else the system's)"),
    )
    parser = argparse.ArgumentParser(
        prog="facilitation",
        description=_("Script, run and write up World Café and Open Space workshops."),
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"facilitation {__version__}",
        help=_("show program's version number and exit"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"facilitation.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"facilitation.commands.{name}":
                continue  # a command not built yet
            raise
        module.register(subparsers, common)
    return parser


def _log_crash() -> str | None:
    """Write the traceback of an unexpected error to the user's log folder; return its path."""
    try:
        from platformdirs import user_log_path

        folder = user_log_path("facilitation", ensure_exists=True)
        path = folder / "crash.log"
        with path.open("a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
        return str(path)
    except Exception:  # the report itself must never crash
        return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_from_argv(argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    # `--lang` before the command is lost by argparse (the subcommand's default wins).
    args.lang = getattr(args, "lang", None) or _language_from_argv(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output was piped into `head` or a closed pager
        sys.stderr.close()
        return 0
    except Exception as exc:  # never show a traceback to a user
        where = _log_crash()
        print(
            _("unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}"),
            file=sys.stderr,
        )
        if where:
            print(_("details were written to {path}").format(path=where), file=sys.stderr)
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
