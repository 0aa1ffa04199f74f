"""The first screens: the join-code screen (browsers) and the chooser (a local note-taker)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitation.i18n import N_, _
from facilitation.store.access import normalise_code
from facilitation.tui import timings
from facilitation.tui.help import translate_bindings
from facilitation.tui.widgets.fitting_footer import FittingFooter

if TYPE_CHECKING:
    from facilitation.tui.capture.app import CaptureApp

MAX_WRONG_CODES = 5


class JoinScreen(Screen):
    """Asks for a table's join code; reads nothing of the event but the code table."""

    app: CaptureApp  # typed for mypy: the app this screen runs in

    BINDINGS = [Binding("escape", "clear", N_("Clear the code"))]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.wrong = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="join"):
            yield Static(_("Note capture"), id="join-title")
            yield Label(_("Type the code written on your table's card, then Enter."))
            yield Input(placeholder=_("code, e.g. K7M2Q"), id="code", max_length=16)
            yield Static("", id="join-message")
        yield FittingFooter()

    def action_clear(self) -> None:
        self.query_one("#code", Input).value = ""

    @on(Input.Submitted, "#code")
    def check_code(self, submitted: Input.Submitted) -> None:
        code = normalise_code(submitted.value)
        if not code:
            return
        role = self.app.event.code_role(code)
        if role is not None and role[0] == "table" and role[1] is not None:
            self.app.pop_screen()
            self.app.open_editor(role[1])
            return
        self.wrong += 1
        message = self.query_one("#join-message", Static)
        if self.wrong >= MAX_WRONG_CODES:
            message.update(_("Too many wrong codes. Reload the page to try again."))
            self.set_timer(timings.LOCKED_OUT_SECONDS, self.app.exit)
            submitted.input.disabled = True
            return
        message.update(_("This code opens nothing. Check the card on your table."))
        field = submitted.input
        field.value = ""
        field.disabled = True

        def enable() -> None:
            field.disabled = False
            field.focus()

        self.set_timer(timings.WRONG_CODE_PAUSE, enable)


class ChooseScreen(Screen):
    """Choose a table (or type its code), the plenary, the session reports or the typist view."""

    app: CaptureApp  # typed for mypy: the app this screen runs in

    AUTO_FOCUS = ""  # on_mount focuses the list: not the code field first

    BINDINGS = [Binding("escape", "app.quit", N_("Quit"))]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        event = self.app.event
        with Vertical(id="choose"):
            yield Static(event.title, id="choose-title")
            yield Label(_("Where do you take notes? (or type a table's join code)"))
            yield Input(placeholder=_("join code"), id="code", max_length=16)
            options = [
                Option(_("Table {n}").format(n=n), id=f"table-{n}")
                for n in range(1, event.table_count() + 1)
            ]
            options.append(Option(_("Plenary (harvest)"), id="plenary"))
            if any(b.is_open_space for b in event.script.blocks):
                options.append(Option(_("Open Space session reports"), id="reports"))
            options.append(Option(_("Typist: all the tables of a round"), id="typist"))
            yield OptionList(*options, id="places")
            yield Static("", id="join-message")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#places", OptionList).focus()

    @on(Input.Submitted, "#code")
    def check_code(self, submitted: Input.Submitted) -> None:
        table = self.app.event.table_for_code(submitted.value)
        if table is None:
            self.query_one("#join-message", Static).update(
                _("This code opens nothing. Check the card on your table.")
            )
            return
        self.app.open_editor(table)

    @on(OptionList.OptionSelected, "#places")
    def open_place(self, selected: OptionList.OptionSelected) -> None:
        choice = selected.option.id or ""
        if choice.startswith("table-"):
            self.app.open_editor(int(choice.removeprefix("table-")))
        elif choice == "plenary":
            self.app.plenary = True
            self.app.open_editor(None)
        elif choice == "reports":
            self.app.open_reports()
        elif choice == "typist":
            self.app.open_typist()
