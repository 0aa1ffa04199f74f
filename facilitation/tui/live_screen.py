"""What every full screen opened from the console shares (the Open Space screens, the notes
board, the seating view): Escape goes back, F1 lists its keys (and the console's, which keep
working on it), and a line at the top shows the current step and its countdown, so the
facilitator never loses the room's time."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from facilitation.i18n import N_, _
from facilitation.tui.help import HelpScreen, translate_bindings
from facilitation.tui.widgets.shown import show


class LiveScreen(Screen):
    HELP_TITLE = ""  # marked with N_() by each screen; shown translated at the top of F1
    BINDINGS = [
        Binding("escape", "back", N_("Back to the console")),
        Binding("f1", "keys", N_("Keys")),
    ]
    DEFAULT_CSS = """
    LiveScreen #step-line { height: 1; padding: 0 1; background: $boost; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def step_line(self) -> Static:
        """Yield it from compose(): the console fills it every quarter second."""
        return Static("", id="step-line", markup=False)

    def on_screen_resume(self) -> None:
        """Shown (again): the step line at once, not at the next tick."""
        line = getattr(self.app, "step_line", None)
        clock = getattr(self.app, "clock", None)
        if callable(line) and callable(clock):
            self.show_step(line(clock()))

    def show_step(self, text: str) -> None:
        """The step line: at each tick of the countdown, laid out again only when its text
        changed (one line high, its size never changes with it)."""
        for line in self.query("#step-line").results(Static):
            show(line, text, layout=False)

    def action_back(self) -> None:
        """Back to the screen below (the console)."""
        if len(self.app.screen_stack) > 1 and self.app.screen is self:
            self.app.pop_screen()

    def action_keys(self) -> None:
        self.app.push_screen(HelpScreen.of(self.app, _(self.HELP_TITLE) or None))
