"""The room's QR code on the projector while `facilitation serve` runs: drawn with half-block
characters, dark on light so any phone camera reads it, with the short address under it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from facilitation.i18n import _
from facilitation.serve.qr import join_url, qr_lines
from facilitation.store import Event
from facilitation.store.web_access import WebStore
from facilitation.tui import timings

MIN_SCREEN_WIDTH = 100  # narrower, the stage needs the room


class JoinQr(Static):
    DEFAULT_CSS = """
    JoinQr { dock: right; width: auto; height: auto; padding: 1 1 0 2; }
    """

    def __init__(self, event: Event, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.event = event
        self.shown: tuple[str, str] | None = None

    def on_mount(self) -> None:
        self.refresh_qr()
        self.set_interval(timings.QR_SECONDS, self.refresh_qr)

    def refresh_qr(self) -> None:
        """Show the QR of the room's join page if the server said where it listens."""
        store = WebStore(self.event)
        url, code = store.setting("url") or "", store.existing_code("room") or ""
        wanted = (url, code) if url and code else None
        self.display = wanted is not None and self.app.size.width >= MIN_SCREEN_WIDTH
        if wanted == self.shown or wanted is None:
            return
        self.shown = wanted
        text = Text(justify="center")
        for line in qr_lines(join_url(url, code), border=2):
            text.append(line + "\n", style="black on white")
        text.append(url.removeprefix("http://").rstrip("/") + "\n", style="bold")
        text.append(_("code {code}").format(code=code))
        self.update(text)
