"""Clash scoring: a clash is two topics that the same participant wants, in the same slot.

The score of a wall is the number of such (participant, pair of topics) in one slot; a
participant who wants three topics of one slot counts three clashes (three pairs).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations

Pair = tuple[int, int]


def co_interest(interests: Mapping[int, Iterable[int]]) -> dict[Pair, int]:
    """(topic a, topic b) with a < b -> number of participants who want both."""
    counts: dict[Pair, int] = {}
    for wanted in interests.values():
        for a, b in combinations(sorted(set(wanted)), 2):
            counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


def clash_pairs(
    slot_of: Mapping[int, int | None], interests: Mapping[int, Iterable[int]]
) -> list[tuple[int, int, int, int]]:
    """(topic a, topic b, slot, participants wanting both) for every clashing pair, worst
    first. `slot_of` maps a topic id to its slot (None or missing: not on the wall)."""
    out = []
    for (a, b), n in co_interest(interests).items():
        slot = slot_of.get(a)
        if slot is not None and slot == slot_of.get(b):
            out.append((a, b, slot, n))
    out.sort(key=lambda item: (-item[3], item[2], item[0], item[1]))
    return out


def clash_count(slot_of: Mapping[int, int | None], interests: Mapping[int, Iterable[int]]) -> int:
    """The number of clashes of a wall (see the module's docstring)."""
    total = 0
    for wanted in interests.values():
        per_slot: dict[int, int] = {}
        for topic_id in set(wanted):
            slot = slot_of.get(topic_id)
            if slot is not None:
                per_slot[slot] = per_slot.get(slot, 0) + 1
        total += sum(k * (k - 1) // 2 for k in per_slot.values())
    return total
