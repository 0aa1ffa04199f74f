"""Personal agendas: for each participant, which session to attend in each slot, given the
topics they want. Where they want several topics of one slot they attend the one fewest others
want (small sessions gain most from one more person) and the others are listed as missed; a
slot with nothing they want is free (any session, or the hallway).

Pure functions: the printed agendas (printing.py) and a participant's phone read the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SlotPlan:
    slot: int
    attend: int | None  # topic id, None when the participant wants nothing in this slot
    missed: tuple[int, ...] = field(default=())  # other wanted topics of this slot


def personal_agenda(
    wanted: Iterable[int],
    slot_of: Mapping[int, int | None],
    slots: int,
    demand: Mapping[int, int] | None = None,
) -> list[SlotPlan]:
    """One SlotPlan per slot, in order. Topics off the wall are left out."""
    demand = demand or {}
    by_slot: dict[int, list[int]] = {}
    for topic_id in set(wanted):
        slot = slot_of.get(topic_id)
        if slot is not None and 0 <= slot < slots:
            by_slot.setdefault(slot, []).append(topic_id)
    out = []
    for slot in range(slots):
        topics = sorted(by_slot.get(slot, []), key=lambda t: (demand.get(t, 0), t))
        if topics:
            out.append(SlotPlan(slot, topics[0], tuple(topics[1:])))
        else:
            out.append(SlotPlan(slot, None))
    return out


def personal_agendas(
    interests: Mapping[int, Iterable[int]],
    slot_of: Mapping[int, int | None],
    slots: int,
) -> dict[int, list[SlotPlan]]:
    """Participant -> their agenda (see `personal_agenda`), demand counted from `interests`."""
    demand: dict[int, int] = {}
    for wanted in interests.values():
        for topic_id in set(wanted):
            demand[topic_id] = demand.get(topic_id, 0) + 1
    return {
        person: personal_agenda(wanted, slot_of, slots, demand)
        for person, wanted in interests.items()
    }
