"""The console's screens and how to move between them: one model for all. A screen opened
from the console (marketplace, votes, action plan, notes board, seating view) replaces the
one shown instead of piling up, Escape (or the key that opened it) comes back, and the
console's step keys keep working on each (the app's bindings). Pop-ups (F1, a form, a
confirmation) are left alone: a screen key pressed over one does nothing."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand
from textual.screen import Screen

from facilitation.i18n import _
from facilitation.models import Block
from facilitation.tui.live_screen import LiveScreen
from facilitation.tui.stage import StageApp


class ConsoleScreens(StageApp):
    """Part of ConsoleApp: m, v, x, h (notes board), a (seating), q (with a confirmation)."""

    def open_space_block(self) -> Block | None:
        """The current block if it is run as an Open Space (it has an agenda wall)."""
        block = self.infos[self.current].block
        return block if block.is_open_space else None

    def show_live_screen(self, screen: LiveScreen) -> None:
        """Show `screen` over the console: in place of another live screen, never over a
        pop-up; the same kind of screen again goes back to the console."""
        top = self.screen
        if top is self._main:
            self.push_screen(screen)
        elif isinstance(top, LiveScreen):
            if type(top) is type(screen):
                self.pop_screen()
            else:
                self.switch_screen(screen)

    def _open_space_screen(self, kind: str) -> None:
        block = self.open_space_block()
        if block is None:
            self.notify(_("This is not an Open Space block."), severity="warning", timeout=4)
            return
        from facilitation.tui.marketplace import (
            ActionsScreen,
            ConvergenceScreen,
            MarketplaceScreen,
        )

        kinds: dict[str, type[LiveScreen]] = {
            "marketplace": MarketplaceScreen,
            "votes": ConvergenceScreen,
            "actions": ActionsScreen,
        }
        self.show_live_screen(kinds[kind](self.event, block.number))  # type: ignore[call-arg]

    def action_marketplace(self) -> None:
        self._open_space_screen("marketplace")

    def action_votes(self) -> None:
        self._open_space_screen("votes")

    def action_actions(self) -> None:
        self._open_space_screen("actions")

    def action_notes(self) -> None:
        from facilitation.tui.console.notes_board import NotesBoardScreen

        info = self.infos[self.current]
        self.show_live_screen(NotesBoardScreen(self.event, info.block.number, info.step.round))

    def action_seating(self) -> None:
        from facilitation.seating.event_plan import is_seatable
        from facilitation.tui.console.seating_view import SeatingScreen

        block = self.infos[self.current].block
        if not is_seatable(block):
            self.notify(_("This is not a World Café block."), severity="warning", timeout=4)
            return
        self.show_live_screen(SeatingScreen(self.event, block.number))

    async def action_quit(self) -> None:
        """q, Ctrl+Q and the palette's Quit ask first: a console closed by a stray key in
        the middle of a round is the worst moment to find the terminal again."""
        from facilitation.tui.confirm import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            if self.screen.yes_key == "q":  # Ctrl+Q (or the palette) while asked: quit
                self.exit()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(
            ConfirmScreen(_("Quit the console? The timer keeps its state in the event file."), "q"),
            answered,
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette offers every key of the console, then Textual's own (in the
        user's language)."""
        if screen is getattr(self, "_main", None) or isinstance(screen, LiveScreen):
            seen: set[str] = set()
            for active in screen.active_bindings.values():
                binding = active.binding
                if not binding.description or binding.system or binding.action == "quit":
                    continue
                if binding.action in seen:
                    continue
                seen.add(binding.action)
                target = active.node
                method = getattr(target, f"action_{binding.action}", None)
                if method is None or "(" in binding.action:
                    continue
                yield SystemCommand(
                    binding.description, f"[{self.get_key_display(binding)}]", method
                )
        yield from super().get_system_commands(screen)
