"""`facilitation serve`: note capture in the browsers of the room, one join code per table."""

from __future__ import annotations

import errno
from pathlib import Path

from facilitation.commands.language import use_event_language
from facilitation.errors import UserError
from facilitation.i18n import _, current_language


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "serve",
        parents=[common],
        help=_("serve note capture to browsers on the local network"),
        description=_(
            "Serve the note capture screens to web browsers: each table's note-taker opens the "
            "address and types the join code of their table. Only this computer can connect "
            "unless --host says otherwise."
        ),
    )
    parser.add_argument("event", metavar=_("EVENT.db"), help=_("the event file"))
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help=_("address to listen on; 0.0.0.0 for every network of this computer"),
    )
    parser.add_argument("--port", type=int, default=8000, help=_("port (default 8000)"))
    parser.add_argument(
        "--print-codes",
        metavar=_("CODES.docx"),
        help=_("write the sheet of join codes (.docx to print, .csv or .txt) and go on"),
    )
    parser.add_argument(
        "--max-tabs",
        type=int,
        default=60,
        metavar="N",
        help=_("at most N browser tabs at once (each is a process)"),
    )
    parser.set_defaults(func=run)


def start_message(title: str, codes: dict[int, str], host: str, port: int) -> str:
    from facilitation.serve.addresses import ALL_INTERFACES, is_loopback, reachable_urls

    urls = reachable_urls(host, port)
    lines = [_("Note capture for “{title}”").format(title=title), ""]
    if is_loopback(host):
        lines.append(_("Only this computer can connect: {url}").format(url=urls[0]))
        lines.append(
            _("To serve the room, run again with --host 0.0.0.0 (see docs/capture-and-serve.md).")
        )
    else:
        lines.append(_("Note-takers open one of these addresses:"))
        lines += [f"    {url}" for url in urls]
        where = _("every network this computer is on") if host in ALL_INTERFACES else host
        lines.append(
            _(
                "WARNING: anyone who can reach {where} can open this page; the join codes "
                "are the only lock. Use it on the venue's network, not on a public one."
            ).format(where=where)
        )
    lines += ["", _("Join codes:")]
    lines += [_("    Table {n}: {code}").format(n=n, code=code) for n, code in codes.items()]
    lines += ["", _("Press Ctrl+C to stop.")]
    return "\n".join(lines)


def run(args) -> int:
    from facilitation.serve.addresses import reachable_urls
    from facilitation.serve.codesheet import write_code_sheet
    from facilitation.store import Event
    from facilitation.tui.capture.server import CaptureServer, capture_command

    path = Path(args.event)
    if not path.exists():
        raise UserError(_("no such event file"), path=path)
    if not 0 < args.port < 65536:
        raise UserError(_("the port must be between 1 and 65535"))
    with Event.open(path) as event:
        lang = use_event_language(args, event)
        codes = event.table_codes()
        title = event.title
    if not codes:
        raise UserError(_("the event has no tables: set `tables:` in the script"), path=path)
    if args.print_codes:
        sheet = Path(args.print_codes)
        write_code_sheet(sheet, title, codes, reachable_urls(args.host, args.port), lang)
        print(_("Join codes written to {path}").format(path=sheet))
    server = CaptureServer(
        capture_command(path, current_language()),
        host=args.host,
        port=args.port,
        title=title,
        banner=start_message(title, codes, args.host, args.port),
        max_tabs=args.max_tabs,
    )
    try:
        server.serve()
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UserError(
                _("port {port} is already in use; choose another with --port").format(
                    port=args.port
                )
            ) from None
        raise UserError(
            _("cannot listen on {host}:{port}: {reason}").format(
                host=args.host, port=args.port, reason=exc.strerror or exc
            )
        ) from None
    return 0
