"""The conflicts of an agenda wall, found as topics are posted, moved or merged.

- "convener": a convener (porteur, porteuse) is in two places at once (two topics, one slot);
- "space": one space is used twice in one slot;
- "outside": a topic placed outside the block's slots or spaces (or with half a place);
- "capacity": more people interested than the space holds (when capacities are known);
- "unavailable": a convener placed in a slot they said they cannot attend.
Only active topics count; unplaced topics are in the tray and conflict with nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from facilitation.i18n import _
from facilitation.openspace.problem import SPLIT, TopicInfo, person_key

KINDS = ("convener", "space", "outside", "capacity", "unavailable")


@dataclass(frozen=True)
class Conflict:
    kind: str  # one of KINDS
    topic_ids: tuple[int, ...]
    slot: int | None = None
    space: int | None = None
    who: str = ""  # the convener, for "convener" and "unavailable"
    detail: int = 0  # people interested, for "capacity"


def find_conflicts(
    topics: Sequence[TopicInfo],
    slots: int,
    spaces: int,
    *,
    capacities: Sequence[int | None] = (),
    demand: Mapping[int, int] | None = None,
    unavailable: Mapping[str, set[int]] | None = None,
) -> list[Conflict]:
    """Every conflict of the wall, in wall order (slot, then space)."""
    out: list[Conflict] = []
    by_cell: dict[tuple[int, int], list[int]] = {}
    by_convener_slot: dict[tuple[str, int], list[int]] = {}
    names: dict[str, str] = {}
    for topic in topics:
        slot, space = topic.slot, topic.space
        if slot is None and space is None:
            continue
        if slot is None or space is None or not 0 <= slot < slots or not 0 <= space < spaces:
            out.append(Conflict("outside", (topic.id,), slot, space))
            continue
        by_cell.setdefault((slot, space), []).append(topic.id)
        for key in sorted(topic.conveners):
            by_convener_slot.setdefault((key, slot), []).append(topic.id)
            names.setdefault(key, _display_name(topic.convener, key))
            if unavailable and slot in unavailable.get(key, set()):
                out.append(Conflict("unavailable", (topic.id,), slot, space, who=names[key]))
        if demand is not None and space < len(capacities):
            cap, wanted = capacities[space], demand.get(topic.id, 0)
            if cap is not None and wanted > cap:
                out.append(Conflict("capacity", (topic.id,), slot, space, detail=wanted))
    for (slot, space), ids in by_cell.items():
        if len(ids) > 1:
            out.append(Conflict("space", tuple(ids), slot, space))
    for (key, slot), ids in by_convener_slot.items():
        if len(ids) > 1:
            out.append(Conflict("convener", tuple(ids), slot, None, who=names[key]))
    out.sort(
        key=lambda c: (c.slot if c.slot is not None else -1, c.space or 0, KINDS.index(c.kind))
    )
    return out


def _display_name(convener: str, key: str) -> str:
    for part in SPLIT.split(convener):
        if person_key(part) == key:
            return part.strip()
    return convener


def describe(
    conflict: Conflict,
    titles: Mapping[int, str],
    slot_labels: Sequence[str],
    space_labels: Sequence[str],
) -> str:
    """One line for a person, in the current language."""

    def slot(n: int | None) -> str:
        return slot_labels[n] if n is not None and 0 <= n < len(slot_labels) else "?"

    def space(n: int | None) -> str:
        return space_labels[n] if n is not None and 0 <= n < len(space_labels) else "?"

    quoted = [f"\u201c{titles.get(i, '#' + str(i))}\u201d" for i in conflict.topic_ids]
    if conflict.kind == "convener":
        return _("{who} is in two places at once at {slot}: {topics}").format(
            who=conflict.who, slot=slot(conflict.slot), topics=", ".join(quoted)
        )
    if conflict.kind == "space":
        return _("{space} is used twice at {slot}: {topics}").format(
            space=space(conflict.space), slot=slot(conflict.slot), topics=", ".join(quoted)
        )
    if conflict.kind == "outside":
        return _("{topic} is outside the available slots and spaces").format(topic=quoted[0])
    if conflict.kind == "capacity":
        return _("{topic}: {n} people interested, more than {space} holds").format(
            topic=quoted[0], n=conflict.detail, space=space(conflict.space)
        )
    return _("{who} is not available at {slot} ({topic})").format(
        who=conflict.who, slot=slot(conflict.slot), topic=quoted[0]
    )
