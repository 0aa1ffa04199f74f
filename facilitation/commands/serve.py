"""`facilitation serve`: the phones' web server (note-takers, participants, conveners) in one
process. Loopback only unless `--host` says otherwise; errors go to a log file beside the event.
"""

from __future__ import annotations

import argparse
import errno
import ssl
import sys
from pathlib import Path

from facilitation.commands.language import use_event_language
from facilitation.errors import UserError
from facilitation.i18n import _


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "serve",
        parents=[common],
        help=_("serve the phones: note-takers, participants and conveners on the local network"),
        description=_(
            "Serve the event to phones and laptops: each table's note-taker types notes, "
            "participants tick sessions and place dots, conveners write their reports. Each "
            "joins with a code (or its QR code). Only this computer can connect unless --host "
            "says otherwise."
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
    parser.add_argument("--certfile", help=_("certificate file, to serve HTTPS"))
    parser.add_argument("--keyfile", help=_("private key of the certificate"))
    parser.add_argument(
        "--dots", type=int, default=None, metavar="N", help=_("dots each participant may place")
    )
    parser.set_defaults(func=run)


def start_message(
    title: str,
    codes: dict[int, str],
    host: str,
    port: int,
    roles: dict[str, str] | None = None,
    scheme: str = "http",
) -> str:
    from facilitation.serve.addresses import ALL_INTERFACES, is_loopback, reachable_urls

    urls = reachable_urls(host, port, scheme)
    lines = [_("Phones for “{title}”").format(title=title), ""]
    if is_loopback(host):
        lines.append(_("Only this computer can connect: {url}").format(url=urls[0]))
        lines.append(
            _("To serve the room, run again with --host 0.0.0.0 (see docs/capture-and-serve.md).")
        )
    else:
        lines.append(_("Phones open one of these addresses:"))
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
    roles = roles or {}
    if "room" in roles:
        lines.append(_("    Participants: {code}").format(code=roles["room"]))
    if "reports" in roles:
        lines.append(_("    Session reports: {code}").format(code=roles["reports"]))
    return "\n".join(lines)


def log_path(event_path: Path) -> Path:
    """The log beside the event: cafe.db -> cafe.web.log."""
    return event_path.with_name(event_path.stem + ".web.log")


def server_ssl_context(certfile: str | None, keyfile: str | None) -> ssl.SSLContext | None:
    if not certfile and not keyfile:
        return None
    if not certfile:
        raise UserError(_("--keyfile needs --certfile"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(certfile, keyfile)
    except (OSError, ssl.SSLError) as exc:
        raise UserError(
            _("cannot use this certificate: {reason}").format(reason=exc), path=Path(certfile)
        ) from None
    return context


def run(args: argparse.Namespace) -> int:
    from facilitation.serve.addresses import reachable_urls
    from facilitation.serve.codesheet import write_code_sheet
    from facilitation.serve.qr import join_url, qr_lines
    from facilitation.store import Event
    from facilitation.store.web_access import WebStore
    from facilitation.web.server import run_server

    path = Path(args.event)
    if not path.exists():
        raise UserError(_("no such event file"), path=path)
    if not 0 < args.port < 65536:
        raise UserError(_("the port must be between 1 and 65535"))
    if args.dots is not None and not 0 <= args.dots <= 50:
        raise UserError(_("--dots must be between 0 and 50"))
    context = server_ssl_context(args.certfile, args.keyfile)
    scheme = "https" if context else "http"
    with Event.open(path) as event:
        lang = use_event_language(args, event)
        codes = event.table_codes()
        title = event.title
        store = WebStore(event)
        roles = {"room": store.role_code("room"), "reports": store.role_code("reports")}
        if args.dots is not None:
            store.set_setting("dots", str(args.dots))
    urls = reachable_urls(args.host, args.port, scheme)
    if args.print_codes:
        sheet = Path(args.print_codes)
        write_code_sheet(sheet, title, codes, urls, lang, roles)
        print(_("Join codes written to {path}").format(path=sheet))
    room_url = join_url(urls[0], roles["room"])
    # On a terminal (light text on dark) the light modules are drawn; in a file, the dark ones.
    qr = qr_lines(room_url, dark_as_block=not sys.stdout.isatty())
    banner = "\n".join(
        [
            start_message(title, codes, args.host, args.port, roles, scheme),
            "",
            _("Participants scan this code ({url}):").format(url=room_url),
            *qr,
            "",
            _("Press Ctrl+C to stop."),
        ]
    )
    try:
        run_server(path, args.host, args.port, lang, context, urls[0], log_path(path), banner)
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
    print(_("Stopped. Every note and draft received is in the event file."), flush=True)
    return 0
