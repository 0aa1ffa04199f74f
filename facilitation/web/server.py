"""Running the phones' server: one event loop, guarded connections, a log file, a quick stop.

Ctrl+C (or SIGTERM) stops listening at once, gives the requests under way one second, then
finishes the saves already queued and closes the event file: every note and draft received
is written, and the whole stop takes well under two seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import ssl
from collections.abc import Iterator
from pathlib import Path

from aiohttp import web

from facilitation.web.app import DRAFT_EVERY_S, STATE_EVERY_S, make_app
from facilitation.web.db import Db
from facilitation.web.security import ConnectionCap

KEEPALIVE_S = 15.0  # an idle connection (also one that never sends a request) is closed
SHUTDOWN_S = 1.0
LINGER_S = 1.0


LOGGERS = ("facilitation.web", "aiohttp", "asyncio")


@contextlib.contextmanager
def log_to_file(path: Path) -> Iterator[None]:
    """While serving, everything the server logs goes to `path`, nothing to the terminal."""
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    saved = []
    for name in LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.handlers[:], logger.level, logger.propagate))
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO if name == "facilitation.web" else logging.WARNING)
        logger.propagate = False
    try:
        yield
    finally:
        for logger, handlers, level, propagate in saved:
            logger.handlers[:] = handlers
            logger.setLevel(level)
            logger.propagate = propagate
        handler.close()


async def start(
    db: Db,
    host: str,
    port: int,
    language: str,
    ssl_context: ssl.SSLContext | None = None,
    *,
    keepalive: float = KEEPALIVE_S,
    draft_every: float = DRAFT_EVERY_S,
    state_every: float = STATE_EVERY_S,
) -> tuple[web.AppRunner, ConnectionCap]:
    """Start listening (port 0: any free port, see `runner.addresses`); returns the runner
    (await `runner.cleanup()` to stop) and the connection cap. `draft_every`, `state_every`:
    the pages' own timers (see `make_app`)."""
    app = make_app(db, language=language, draft_every=draft_every, state_every=state_every)
    runner = web.AppRunner(
        app,
        access_log=None,
        handle_signals=False,
        shutdown_timeout=SHUTDOWN_S,
        keepalive_timeout=keepalive,
        lingering_time=LINGER_S,
        max_line_size=4096,
        max_field_size=4096,
    )
    await runner.setup()
    cap = ConnectionCap()
    cap.install(runner.server)
    site = web.TCPSite(runner, host, port, ssl_context=ssl_context, backlog=512)
    await site.start()
    return runner, cap


async def serve_until_stopped(
    path: Path,
    host: str,
    port: int,
    language: str,
    ssl_context: ssl.SSLContext | None,
    url: str,
    banner: str = "",
) -> None:
    db = Db(path)
    log = logging.getLogger("facilitation.web")
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda _loop, ctx: log.error("%s", ctx.get("message", ctx)))
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    try:
        runner, _cap = await start(db, host, port, language, ssl_context)
    except BaseException:
        db.close()
        raise
    await db.write(db.web_writer.set_setting, "url", url)  # the projector shows its QR code
    log.info("listening on %s:%s", host, port)
    if banner:  # only once listening: a busy port gives an error, not a banner then an error
        print(banner, flush=True)
    try:
        await stop.wait()
        log.info("stopping")
    finally:
        await runner.cleanup()
        await db.write(db.web_writer.set_setting, "url", "")
        db.close()
        log.info("stopped")


def run_server(
    path: Path,
    host: str,
    port: int,
    language: str,
    ssl_context: ssl.SSLContext | None,
    url: str,
    log_file: Path,
    banner: str = "",
) -> None:
    """Serve until Ctrl+C. OSError when the address cannot be listened on."""
    with log_to_file(log_file), contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_until_stopped(path, host, port, language, ssl_context, url, banner))
