"""The console's pop-up screens: jump to a step, projector instructions, table join codes
(and ConfirmScreen, from facilitation.tui.confirm)."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitation.i18n import N_, _
from facilitation.run import StepInfo
from facilitation.tui.confirm import ConfirmScreen
from facilitation.tui.help import translate_bindings
from facilitation.tui.widgets.inline_markdown import markdown_text


class _Popup(ModalScreen):
    BINDINGS = [Binding("escape,q", "close", N_("Close"))]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def action_close(self) -> None:
        self.dismiss(None)


class JumpScreen(_Popup):
    """Choose a step; dismisses with its index (None: cancelled)."""

    def __init__(self, infos: list[StepInfo], current: int) -> None:
        super().__init__()
        self.infos = infos
        self.current = current

    def compose(self) -> ComposeResult:
        options = [
            Option(
                f"{info.index + 1:>2}. [{info.block.number}] {info.step.title} · "
                f"{info.step.minutes} min",
                id=str(info.index),
            )
            for info in self.infos
        ]
        with Vertical(classes="popup") as box:
            box.border_title = _("Jump to a step (Enter)")
            yield OptionList(*options, id="jump-list")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = self.current
        listing.focus()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(int(message.option.id or 0))


class ProjectorHelpScreen(_Popup):
    """How to put the countdown on the projector: a second terminal running `screen`."""

    def __init__(self, event_path: Path) -> None:
        super().__init__()
        self.event_path = event_path

    def compose(self) -> ComposeResult:
        command = f"facilitation screen {self.event_path}"
        text = "\n".join(
            [
                "## " + _("Show the countdown on the projector"),
                "",
                "1. "
                + _(
                    "Open a second terminal window and move it to the projector's screen "
                    "(or, on the computer plugged into the projector, open a terminal that "
                    "can read this event file)."
                ),
                "2. " + _("Type this command:"),
                "",
                f"    {command}",
                "",
                "3. "
                + _(
                    "Make that window full screen (often F11) and enlarge the font if needed: "
                    "the countdown grows with the window."
                ),
                "",
                _(
                    "The projector follows this console within a second: starting, pausing, "
                    "adding time and changing steps here show there. It never changes the event."
                ),
            ]
        )
        with VerticalScroll(classes="popup") as box:
            box.border_title = _("Projector")
            yield Static(markdown_text(text))
            yield Static(_("Escape: close"), classes="popup-hint")


class TableCodesScreen(_Popup):
    """The join code of every table, for note-takers typing notes in a browser, and the codes
    of the room (participants) and of the reports (conveners) on the phones."""

    def __init__(self, codes: dict[int, str], roles: dict[str, str | None] | None = None) -> None:
        super().__init__()
        self.codes = codes
        self.roles = roles or {}

    def compose(self) -> ComposeResult:
        table = Table(box=None, pad_edge=False)
        table.add_column(_("Table"), justify="right")
        table.add_column(_("Join code"), style="bold")
        for number, code in self.codes.items():
            table.add_row(str(number), code)
        labels = {"room": _("Participants (room)"), "reports": _("Conveners (reports)")}
        for role, label in labels.items():
            if role in self.roles:
                table.add_row(label, self.roles[role] or _("made by `facilitation serve`"))
        with VerticalScroll(classes="popup") as box:
            box.border_title = _("Join codes")
            if self.codes or self.roles:
                yield Static(table)
            else:
                yield Static(_("This event has no tables."))
            yield Static(_("Escape: close"), classes="popup-hint")


__all__ = ["ConfirmScreen", "JumpScreen", "ProjectorHelpScreen", "TableCodesScreen"]
