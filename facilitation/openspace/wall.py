"""The agenda wall of one Open Space block, read from the event file, and the writes that
the marketplace makes on it (placing a suggestion, pinning topics).

A topic is *pinned* (fixed by hand) when a person put it in its cell: the agenda suggestion
never moves it (`topics.pinned` in the event file).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from facilitation.errors import UserError
from facilitation.i18n import _
from facilitation.models import Block, SessionScript
from facilitation.openspace.conflicts import Conflict, find_conflicts
from facilitation.openspace.problem import (
    AgendaProblem,
    TopicInfo,
    capacity_in_label,
    person_key,
    space_name,
)
from facilitation.openspace.ranking import final_topic
from facilitation.openspace.suggest import Suggestion
from facilitation.store import Event
from facilitation.store.live import live_block
from facilitation.store.openspace import Topic


def open_space_blocks(script: SessionScript) -> list[Block]:
    return [b for b in script.blocks if b.is_open_space]


def resolve_block(script: SessionScript, number: int | None = None) -> Block:
    """Block `number` (as numbered in the script), or the first Open Space block."""
    blocks = open_space_blocks(script)
    if number is None:
        if not blocks:
            raise UserError(_("this event has no Open Space block"))
        return blocks[0]
    if not 1 <= number <= len(script.blocks) or not script.block(number).is_open_space:
        choices = ", ".join(str(b.number) for b in blocks) or "-"
        raise UserError(
            _("block {n} is not an Open Space block (Open Space blocks: {choices})").format(
                n=number, choices=choices
            )
        )
    return script.block(number)


def info(topic: Topic) -> TopicInfo:
    return TopicInfo(topic.id, topic.title, topic.convener, topic.slot, topic.space)


@dataclass
class Wall:
    """What the agenda wall shows: active topics in cells, the tray of topics not yet placed,
    and the conflicts."""

    block: Block
    slots: list[str]
    spaces: list[str]  # names, without a capacity written in the label
    capacities: list[int | None]
    topics: list[Topic]  # every topic of the block, inactive ones too
    demand: dict[int, int] = field(default_factory=dict)
    pinned: set[int] = field(default_factory=set)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def active(self) -> list[Topic]:
        return [t for t in self.topics if t.status == "active"]

    def at(self, slot: int, space: int) -> list[Topic]:
        return [t for t in self.active if t.slot == slot and t.space == space]

    def tray(self) -> list[Topic]:
        """Active topics not on the wall (or outside it)."""
        return [
            t
            for t in self.active
            if t.slot is None
            or t.space is None
            or not 0 <= t.slot < len(self.slots)
            or not 0 <= t.space < len(self.spaces)
        ]

    def titles(self) -> dict[int, str]:
        return {t.id: t.title for t in self.topics}

    def conflicting(self) -> set[int]:
        return {i for c in self.conflicts for i in c.topic_ids}

    def topic(self, topic_id: int) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)


def interests_by_participant(event: Event, topics: Sequence[Topic]) -> dict[int, set[int]]:
    """Participant -> the active topics of these they want (an interest in a merged topic
    counts for the topic it was merged into)."""
    by_id = {t.id: t for t in topics}
    out: dict[int, set[int]] = {}
    for interest in event.list_interests():
        if interest.topic_id not in by_id:
            continue
        target = final_topic(interest.topic_id, by_id)
        if target in by_id and by_id[target].status == "active":
            out.setdefault(interest.participant_id, set()).add(target)
    return out


def load_wall(event: Event, block_number: int, capacities: dict[int, int] | None = None) -> Wall:
    block = live_block(event, block_number)  # with the slots and spaces added live
    topics = event.list_topics(block_number)
    caps = [capacity_in_label(label) for label in block.spaces]
    for index, value in (capacities or {}).items():
        if 0 <= index < len(caps):
            caps[index] = value
    wanted = interests_by_participant(event, topics)
    demand: dict[int, int] = {}
    for chosen in wanted.values():
        for topic_id in chosen:
            demand[topic_id] = demand.get(topic_id, 0) + 1
    wall = Wall(
        block=block,
        slots=list(block.slots),
        spaces=[space_name(label) for label in block.spaces],
        capacities=caps,
        topics=topics,
        demand=demand,
        pinned={topic.id for topic in topics if topic.pinned},
    )
    wall.conflicts = find_conflicts(
        [info(t) for t in wall.active],
        len(wall.slots),
        len(wall.spaces),
        capacities=caps,
        demand=demand if demand else None,
    )
    return wall


# ---- pins (topics fixed by hand) ---------------------------------------------------------


def pinned_topics(event: Event, block: int) -> set[int]:
    return {topic.id for topic in event.list_topics(block) if topic.pinned}


def pin(event: Event, block: int, topic_id: int, pinned: bool = True) -> None:
    event.pin_topic(topic_id, pinned)


# ---- suggestion --------------------------------------------------------------------------


def build_problem(
    event: Event,
    wall: Wall,
    *,
    unavailable: dict[str, set[int]] | None = None,
    fixed: Iterable[int] = (),
    keep_placed: bool = False,
) -> AgendaProblem:
    """The suggestion problem of a wall: pinned topics (and `fixed`, and every placed topic
    with `keep_placed`) stay where they are."""
    active = wall.active
    fixed_ids = set(wall.pinned) | set(fixed)
    if keep_placed:
        fixed_ids |= {t.id for t in active if t.slot is not None and t.space is not None}
    return AgendaProblem(
        topics=[info(t) for t in active],
        slots=len(wall.slots),
        spaces=len(wall.spaces),
        interests=interests_by_participant(event, wall.topics),
        capacities=list(wall.capacities),
        unavailable=dict(unavailable or {}),
        fixed={i for i in fixed_ids if any(t.id == i for t in active)},
    )


def apply_suggestion(event: Event, suggestion: Suggestion, topics: Sequence[Topic]) -> int:
    """Write the suggested cells (unplaced topics go to the tray), in one transaction;
    returns how many topics moved."""
    places = {}
    for topic in topics:
        if topic.status != "active" or topic.id in suggestion.fixed:
            continue
        slot, space = suggestion.cells.get(topic.id, (None, None))
        if (slot, space) != (topic.slot, topic.space):
            places[topic.id] = (slot, space)
    event.place_topics(places)
    return len(places)


# ---- options of the command line ----------------------------------------------------------


def _find_label(value: str, labels: Sequence[str], what: str) -> int:
    value = value.strip()
    if value.isdigit() and 1 <= int(value) <= len(labels):
        return int(value) - 1
    key = person_key(value)
    for index, label in enumerate(labels):
        if person_key(space_name(label)) == key or person_key(label) == key:
            return index
    raise UserError(
        _("no {what} \u201c{value}\u201d (choose among: {labels})").format(
            what=what, value=value, labels="; ".join(labels)
        )
    )


def parse_capacities(values: Iterable[str], spaces: Sequence[str]) -> dict[int, int]:
    """ "Salle A=40" (or "2=40": the second space) -> {space index: 40}."""
    out: dict[int, int] = {}
    for item in values:
        for part in filter(None, (p.strip() for p in re.split(r"[;|]", item))):
            name, sep, number = part.rpartition("=")
            if not sep or not number.strip().isdigit():
                raise UserError(
                    _(
                        "--capacity: write SPACE=NUMBER, e.g. \u201cSalle A=40\u201d, not \u201c{value}\u201d"
                    ).format(value=part)
                )
            out[_find_label(name, spaces, _("space"))] = int(number)
    return out


def parse_unavailable(values: Iterable[str], slots: Sequence[str]) -> dict[str, set[int]]:
    """ "Marie Tremblay=1,3" or "Marie Tremblay=13:45-15:00" -> {person key: {slot indexes}}."""
    out: dict[str, set[int]] = {}
    for item in values:
        name, sep, which = item.partition("=")
        if not sep or not name.strip() or not which.strip():
            raise UserError(
                _(
                    "--unavailable: write NAME=SLOT[,SLOT], e.g. \u201cMarie Tremblay=2\u201d, not \u201c{value}\u201d"
                ).format(value=item)
            )
        chosen = {_find_label(s, slots, _("slot")) for s in re.split(r"[,;]", which) if s.strip()}
        out.setdefault(person_key(name), set()).update(chosen)
    return out
