"""What the Open Space screens of one block share (marketplace, convergence, action plan):
the event and the block, translated keys, Escape back to the console and F1 for their help
(from LiveScreen)."""

from __future__ import annotations

from facilitation.models import Block
from facilitation.store import Event
from facilitation.tui.live_screen import LiveScreen


class BlockScreen(LiveScreen):
    def __init__(self, event: Event, block_number: int) -> None:
        super().__init__()
        self.event = event
        self.block_number = block_number

    @property
    def block(self) -> Block:
        return self.event.script.block(self.block_number)
