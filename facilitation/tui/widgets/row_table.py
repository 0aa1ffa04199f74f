"""A DataTable whose cursor is a row: Home and End go to the first and the last row (the
DataTable's own Home/End scroll sideways, which means nothing on a ranking), and ← → are left
to the app."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable

from facilitation.i18n import N_


class RowTable(DataTable):
    """Left and right mean nothing to a row cursor: they are left to the app (on the console,
    the previous and next step)."""

    BINDINGS = [
        Binding("home,ctrl+home", "first_row", N_("First row"), show=False),
        Binding("end,ctrl+end", "last_row", N_("Last row"), show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", **kwargs)  # type: ignore[arg-type]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("cursor_left", "cursor_right"):
            return False
        return super().check_action(action, parameters)

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)
