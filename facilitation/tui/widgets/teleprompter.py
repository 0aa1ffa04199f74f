"""`Teleprompter`: what the facilitator says, rendered from Markdown, scrolled with the keys.

The text is drawn by `markdown_text` (the part of Markdown a prompt uses) in one Static,
rather than Textual's Markdown widget, which would cost the console's start-up about a fifth
of a second (markdown-it's import and one widget per paragraph).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitation.i18n import N_
from facilitation.tui.help import translate_bindings
from facilitation.tui.widgets.inline_markdown import markdown_text


class Teleprompter(VerticalScroll, inherit_bindings=False):
    """A scrollable Markdown text. Only vertical keys are bound, so left/right stay free for
    the app (previous/next step)."""

    DEFAULT_CSS = """
    Teleprompter { height: 1fr; padding: 0 1; }
    """
    BINDINGS = [
        Binding("up", "scroll_up", N_("Scroll up"), show=False),
        Binding("down", "scroll_down", N_("Scroll down"), show=False),
        Binding("pageup", "page_up", N_("Page up"), show=False),
        Binding("pagedown", "page_down", N_("Page down"), show=False),
        Binding("home", "scroll_home", N_("Top of the text"), show=False),
        Binding("end", "scroll_end", N_("End of the text"), show=False),
    ]

    def __init__(self, markdown: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)
        self._markdown = markdown

    @property
    def markdown(self) -> str:
        return self._markdown

    def compose(self) -> ComposeResult:
        yield Static(markdown_text(self._markdown), id="teleprompter-text")

    def show(self, markdown: str) -> None:
        """Replace the text (and go back to its top) if it changed."""
        if markdown == self._markdown:
            return
        self._markdown = markdown
        self.query_one("#teleprompter-text", Static).update(markdown_text(markdown))
        self.scroll_home(animate=False)
