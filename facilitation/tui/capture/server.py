"""The textual-serve server for note capture: one restricted capture process per browser tab.

Differences from textual-serve's `Server`: the page builds its websocket URL from the address
the browser used (so a server bound to 0.0.0.0 works from any interface), the start message is
ours, and the number of tabs (processes) at once is capped.
"""

from __future__ import annotations

import logging
import shlex
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

log = logging.getLogger("textual-serve")

MAX_TABS = 60


def capture_command(event_path: Path, lang: str) -> str:
    """The only command a browser can run: capture on the join-code screen."""
    return " ".join(
        [
            shlex.quote(sys.executable),
            "-m",
            "facilitation",
            "capture",
            "--restricted",
            "--lang",
            shlex.quote(lang),
            shlex.quote(str(event_path.resolve())),
        ]
    )


class CaptureServer(Server):
    def __init__(
        self,
        command: str,
        host: str,
        port: int,
        title: str,
        banner: str = "",
        max_tabs: int = MAX_TABS,
    ) -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.banner = banner
        self.max_tabs = max_tabs
        self.tabs = 0

    def initialize_logging(self) -> None:
        logging.basicConfig(level="WARNING", format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        if self.banner:
            print(self.banner, flush=True)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        base = f"{request.scheme}://{request.host}"
        ws_base = ("wss://" if request.scheme == "https" else "ws://") + request.host
        static = request.app.router["static"].url_for(filename="/")
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": ws_base + str(request.app.router["websocket"].url_for()),
            "config": {"static": {"url": (base + str(static)).rstrip("/") + "/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]  # a 503 is no websocket
        if self.tabs >= self.max_tabs:
            return web.Response(status=503, text="too many connections")
        self.tabs += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.tabs -= 1
