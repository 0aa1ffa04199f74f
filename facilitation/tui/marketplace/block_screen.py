"""What the Open Space screens of one block share (marketplace, convergence, action plan):
the event and the block, translated keys, and F1 for their help."""

from __future__ import annotations

from textual.screen import Screen

from facilitation.i18n import _
from facilitation.models import Block
from facilitation.store import Event
from facilitation.tui.help import HelpScreen, translate_bindings


class BlockScreen(Screen):
    HELP_TITLE = ""  # marked with N_() by each screen; shown translated at the top of F1

    def __init__(self, event: Event, block_number: int) -> None:
        super().__init__()
        translate_bindings(self)
        self.event = event
        self.block_number = block_number

    @property
    def block(self) -> Block:
        return self.event.script.block(self.block_number)

    def action_keys(self) -> None:
        self.app.push_screen(HelpScreen.of(self.app, _(self.HELP_TITLE)))
