"""Missed sessions: what a participant lives when topics they want share a slot.

A participant who wants k topics of one slot attends one of them and misses k - 1; their
missed sessions are the sum over slots. (Clashes, in clashes.py, count the pairs instead:
three wanted topics in one slot are 3 clashes but 2 missed sessions.)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


def missed_per_person(
    slot_of: Mapping[int, int | None], interests: Mapping[int, Iterable[int]]
) -> dict[int, int]:
    """Participant -> sessions they want but cannot attend (topics off the wall not counted)."""
    out = {}
    for person, wanted in interests.items():
        per_slot: dict[int, int] = {}
        for topic_id in set(wanted):
            slot = slot_of.get(topic_id)
            if slot is not None:
                per_slot[slot] = per_slot.get(slot, 0) + 1
        out[person] = sum(k - 1 for k in per_slot.values())
    return out


@dataclass(frozen=True)
class Missed:
    total: int  # missed sessions, summed over participants
    people: int  # participants who miss at least one session
    more_than_one: int  # participants who miss more than one


def missed_summary(
    slot_of: Mapping[int, int | None], interests: Mapping[int, Iterable[int]]
) -> Missed:
    per_person = missed_per_person(slot_of, interests)
    return Missed(
        total=sum(per_person.values()),
        people=sum(1 for k in per_person.values() if k),
        more_than_one=sum(1 for k in per_person.values() if k > 1),
    )
