"""Messages of the Open Space screens."""

from __future__ import annotations

from textual.message import Message

from facilitation.openspace.suggest import Suggestion


class SuggestionReady(Message):
    """The agenda suggestion (run in a worker) has finished."""

    def __init__(self, suggestion: Suggestion, clashes_before: int) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.clashes_before = clashes_before
