"""Messages of the capture screens."""

from __future__ import annotations

from textual.message import Message


class Joined(Message):
    """A valid join code was typed (restricted mode): open the editor of `table`."""

    def __init__(self, table: int) -> None:
        super().__init__()
        self.table = table
