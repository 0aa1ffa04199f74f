"""Small modal dialogs of the capture screens: confirm, pick tags."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from facilitation.i18n import N_, _
from facilitation.models import Theme
from facilitation.tui.help import translate_bindings
from facilitation.tui.widgets.fitting_footer import FittingFooter

TAG_KEYS = "123456789abcdefghijklmnopqrstuvwxyz"


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,o", "answer(True)", N_("Yes")),
        Binding("n,escape", "answer(False)", N_("No")),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question))
            yield Static(_("y: yes   n: no"), classes="dialog-keys")
        yield FittingFooter()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class TagPicker(ModalScreen[list[str]]):
    """The codebook with a key per theme: press the key to tag or untag, Enter to close.
    With an empty codebook, tags are free: type them separated by commas."""

    BINDINGS = [
        Binding("enter", "done", N_("Done"), priority=True),
        Binding("escape", "cancel", N_("Cancel")),
    ]

    def __init__(self, codebook: list[Theme], selected: list[str]) -> None:
        super().__init__()
        translate_bindings(self)
        self.codebook = codebook[: len(TAG_KEYS)]
        self.selected = list(selected)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="tag-picker"):
            if self.codebook:
                yield Static(_("Press a theme's key to tag or untag; Enter when done."))
                yield Static("", id="tag-list")
            else:
                yield Static(_("Tags, separated by commas; Enter when done."))
                yield Input(", ".join(self.selected), id="free-tags")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        if not self.codebook:
            return
        lines = Text()
        for key, theme in zip(TAG_KEYS, self.codebook, strict=False):
            mark = "[x]" if theme.id in self.selected else "[ ]"
            style = "bold" if theme.id in self.selected else ""
            lines.append(f" {key}  {mark} {theme.label}\n", style=style)
        self.query_one("#tag-list", Static).update(lines)

    def on_key(self, event: Key) -> None:
        if not self.codebook or event.character is None:
            return
        index = TAG_KEYS.find(event.character.lower())
        if 0 <= index < len(self.codebook):
            tag = self.codebook[index].id
            if tag in self.selected:
                self.selected.remove(tag)
            else:
                self.selected.append(tag)
            self.show()
            event.stop()

    @on(Input.Submitted)
    def free_done(self) -> None:
        self.action_done()

    def action_done(self) -> None:
        if not self.codebook:
            value = self.query_one("#free-tags", Input).value
            self.selected = [t.strip() for t in value.split(",") if t.strip()]
        self.dismiss(self.selected)

    def action_cancel(self) -> None:
        self.dismiss(None)
