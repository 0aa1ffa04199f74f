"""A yes/no question in a pop-up, for anything that cannot be undone by a key (quit the
console, replace a seating plan, remove a time slot with topics in it)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitation.i18n import N_, _
from facilitation.tui.help import translate_bindings


class ConfirmScreen(ModalScreen[bool]):
    """A question answered with y (yes) or n / Escape (no); dismisses with the answer."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical { width: 60; max-width: 95%; height: auto;
        border: round $accent; background: $surface; padding: 0 1; }
    ConfirmScreen .popup-hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("y,o,enter", "answer(True)", N_("Yes")),
        Binding("n,escape", "answer(False)", N_("No")),
    ]

    def __init__(self, question: str, yes_key: str = "") -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question
        self.yes_key = yes_key  # the key that asked (q asked to quit: q again confirms)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Confirm")
            yield Static(self.question, id="confirm-question")
            yield Static(_("y or Enter: yes · n or Escape: no"), classes="popup-hint")

    def on_key(self, event: events.Key) -> None:
        if self.yes_key and event.key == self.yes_key:
            event.stop()
            self.dismiss(True)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
