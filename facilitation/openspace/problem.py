"""The data of an agenda to build: topics, cells, capacities, interests and constraints.

Indexes are 0-based like the store's (`slot` into the block's slots, `space` into its spaces).
A topic's *demand* is the number of participants who marked an interest in it: it is what a
space's capacity is compared with (a conservative estimate: nobody attends two sessions of
one slot, so the real turnout is at most this).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from facilitation.textmatch import fold

Cell = tuple[int, int]  # (slot, space)

SPLIT = re.compile(r"\s*(?:[,;&/+]|\bet\b|\band\b)\s*", re.IGNORECASE)
_CAPACITY_IN_LABEL = re.compile(
    r"\s*[\(\[]\s*(\d+)\s*(?:places?|pers\.?|personnes?|people|seats?|p\.?)?\s*[\)\]]\s*$",
    re.IGNORECASE,
)


def person_key(name: str) -> str:
    """A loose key for a person's name: case, accents, spaces and punctuation ignored."""
    return fold(name)


def convener_keys(convener: str) -> frozenset[str]:
    """The people named in a convener field: "Ana et Luc", "Ana, Luc" and "Ana & Luc" name
    two people; each is a loose key."""
    return frozenset(k for k in (person_key(p) for p in SPLIT.split(convener or "")) if k)


def capacity_in_label(label: str) -> int | None:
    """ "Salle A (40)" or "Salon [12 places]" -> the capacity written in a space's label."""
    match = _CAPACITY_IN_LABEL.search(label)
    return int(match.group(1)) if match else None


def space_name(label: str) -> str:
    """A space's label without the capacity written in it ("Salle A (40)" -> "Salle A")."""
    return _CAPACITY_IN_LABEL.sub("", label).strip() or label


@dataclass(frozen=True)
class TopicInfo:
    id: int
    title: str
    convener: str = ""
    slot: int | None = None  # where it is now
    space: int | None = None

    @property
    def conveners(self) -> frozenset[str]:
        return convener_keys(self.convener)

    @property
    def cell(self) -> Cell | None:
        if self.slot is None or self.space is None:
            return None
        return (self.slot, self.space)


@dataclass
class AgendaProblem:
    """What `suggest_agenda` needs. `capacities[space]` is None when unlimited;
    `unavailable` maps a convener key (see `person_key`) to the slots they cannot convene;
    `fixed` topics stay in their current cell."""

    topics: list[TopicInfo]
    slots: int
    spaces: int
    interests: dict[int, set[int]] = field(default_factory=dict)  # participant -> topic ids
    capacities: list[int | None] = field(default_factory=list)
    unavailable: dict[str, set[int]] = field(default_factory=dict)
    fixed: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        if len(self.capacities) < self.spaces:
            self.capacities = [*self.capacities, *[None] * (self.spaces - len(self.capacities))]

    def demand(self) -> dict[int, int]:
        """Topic id -> number of participants interested in it."""
        counts = {t.id: 0 for t in self.topics}
        for wanted in self.interests.values():
            for topic_id in wanted:
                if topic_id in counts:
                    counts[topic_id] += 1
        return counts

    def fits(self, demand: int, space: int) -> bool:
        cap = self.capacities[space] if space < len(self.capacities) else None
        return cap is None or demand <= cap

    def unavailable_slots(self, topic: TopicInfo) -> set[int]:
        out: set[int] = set()
        for key in topic.conveners:
            out |= self.unavailable.get(key, set())
        return out
