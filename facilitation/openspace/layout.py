"""Adding or removing an Open Space block's time slot or space while the marketplace runs
(more topics than planned, a room that is not free after all). The change is stored in the
event (facilitation.store.live), so the wall, the projector, the agenda suggestion and the
synthesis all follow; the topics of a removed slot or space go back to the tray, and those
after it keep their place."""

from __future__ import annotations

from facilitation.errors import UserError
from facilitation.i18n import _
from facilitation.store import Event
from facilitation.store.live import change_layout, live_block
from facilitation.textmatch import fold


def _check_new(label: str, existing: list[str], what: str) -> str:
    label = " ".join(label.split())
    if not label:
        raise UserError(_("a {what} needs a name").format(what=what))
    if fold(label) in {fold(e) for e in existing}:
        raise UserError(
            _("there is already a {what} called “{label}”").format(what=what, label=label)
        )
    return label


def add_slot(event: Event, block: int, label: str) -> int:
    """Add a time slot at the end; its index."""
    b = live_block(event, block)
    label = _check_new(label, b.slots, _("time slot"))
    change_layout(event, block, slots=[*b.slots, label], spaces=list(b.spaces))
    return len(b.slots)


def add_space(event: Event, block: int, label: str) -> int:
    """Add a space at the end ("Salle C (20)": a capacity in brackets); its index."""
    b = live_block(event, block)
    label = _check_new(label, b.spaces, _("space"))
    change_layout(event, block, slots=list(b.slots), spaces=[*b.spaces, label])
    return len(b.spaces)


def _moves(count: int, removed: int) -> dict[int, int | None]:
    return {i: (None if i == removed else i - (i > removed)) for i in range(count)}


def remove_slot(event: Event, block: int, index: int) -> str:
    """Remove time slot `index` (its topics go to the tray); its label."""
    b = live_block(event, block)
    if not 0 <= index < len(b.slots):
        raise UserError(_("there is no such time slot"))
    slots = [s for i, s in enumerate(b.slots) if i != index]
    change_layout(
        event, block, slots=slots, spaces=list(b.spaces), slot_moves=_moves(len(b.slots), index)
    )
    return b.slots[index]


def remove_space(event: Event, block: int, index: int) -> str:
    """Remove space `index` (its topics go to the tray); its label."""
    b = live_block(event, block)
    if not 0 <= index < len(b.spaces):
        raise UserError(_("there is no such space"))
    spaces = [s for i, s in enumerate(b.spaces) if i != index]
    change_layout(
        event,
        block,
        slots=list(b.slots),
        spaces=spaces,
        space_moves=_moves(len(b.spaces), index),
    )
    return b.spaces[index]
