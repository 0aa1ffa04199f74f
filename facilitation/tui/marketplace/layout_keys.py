"""The marketplace's keys for the wall's shape, live: t adds a time slot, r a space (typed in
the entry line), T and R remove the slot or the space under the cursor (after a
confirmation when topics are there: they go back to the tray)."""

from __future__ import annotations

from textual.binding import Binding

from facilitation.errors import UserError
from facilitation.i18n import N_, _, ngettext
from facilitation.openspace.layout import add_slot, add_space, remove_slot, remove_space
from facilitation.tui.confirm import ConfirmScreen
from facilitation.tui.marketplace.block_screen import BlockScreen
from facilitation.tui.marketplace.wall_widget import AgendaWall
from facilitation.tui.write_faults import guarded

LAYOUT_BINDINGS = [
    Binding("t", "add_slot", N_("Add a time slot"), show=False),
    Binding("r", "add_space", N_("Add a space"), show=False),
    Binding("T", "remove_slot", N_("Remove this time slot"), show=False),
    Binding("R", "remove_space", N_("Remove this space"), show=False),
]


class LayoutKeys(BlockScreen):
    """Part of MarketplaceScreen (which provides open_entry, say, refresh_all)."""

    def open_entry(self, mode: str, placeholder: str, value: str = "") -> None:
        raise NotImplementedError

    def say(self, message: str) -> None:
        raise NotImplementedError

    def refresh_all(self) -> None:
        raise NotImplementedError

    def action_add_slot(self) -> None:
        self.open_entry("slot", _("New time slot, e.g. 15:00-16:00 (Enter: add)"))

    def action_add_space(self) -> None:
        self.open_entry("space", _("New space, e.g. Salle C (20) (Enter: add)"))

    def layout_entry(self, mode: str, text: str) -> None:
        """The entry line's text for "slot" or "space"."""
        try:
            if mode == "slot":
                add_slot(self.event, self.block_number, text)
                self.say(_("Time slot \u201c{label}\u201d added.").format(label=text.strip()))
            else:
                add_space(self.event, self.block_number, text)
                self.say(_("Space \u201c{label}\u201d added.").format(label=text.strip()))
        except UserError as error:
            self.say(error.message)

    def _remove(self, what: str) -> None:
        wall = self.query_one(AgendaWall)
        cell = wall.cell
        if cell is None:
            self.say(_("No time slot or space here."))
            return
        slot, space = cell
        if what == "slot":
            label, topics = wall.wall.slots[slot], [t for t in wall.wall.active if t.slot == slot]
        else:
            label = wall.wall.spaces[space]
            topics = [t for t in wall.wall.active if t.space == space]

        def remove(yes: bool | None = True) -> None:
            if not yes:
                return
            try:
                with guarded(self.event, self.notify) as refused:
                    if what == "slot":
                        remove_slot(self.event, self.block_number, slot)
                    else:
                        remove_space(self.event, self.block_number, space)
            except UserError as error:
                self.say(error.message)
                return
            if refused.refused:
                return
            self.refresh_all()
            self.say(_("\u201c{label}\u201d removed.").format(label=label))

        if not topics:
            remove()
            return
        question = ngettext(
            "Remove \u201c{label}\u201d? Its topic goes back to the tray.",
            "Remove \u201c{label}\u201d? Its {n} topics go back to the tray.",
            len(topics),
        ).format(label=label, n=len(topics))
        self.app.push_screen(ConfirmScreen(question), remove)

    def action_remove_slot(self) -> None:
        self._remove("slot")

    def action_remove_space(self) -> None:
        self._remove("space")
