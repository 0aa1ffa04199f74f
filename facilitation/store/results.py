"""Convergence results shown to the room, and what the phones brought in, for the console.

- whether the facilitator revealed the dot votes of an Open Space block, kept in the `meta`
  table (`votes.revealed.block.<n>`, no schema change) so the console, the projector and the
  phones' server all follow the same flag;
- the interests ticked per topic and the reports filed, counted for the marketplace screen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitation.store.live import _get_meta, _set_meta

if TYPE_CHECKING:
    from facilitation.models import Block, Step
    from facilitation.store.event import Event

REVEALED_KEY = "votes.revealed.block.{n}"


def results_revealed(event: Event, block: int) -> bool:
    """True once the facilitator showed the block's vote results to the room."""
    return _get_meta(event, REVEALED_KEY.format(n=block)) == "1"


def reveal_results(event: Event, block: int, shown: bool) -> None:
    """Show (True) or hide (False) the block's vote results on the projector and phones."""
    _set_meta(event, REVEALED_KEY.format(n=block), "1" if shown else None)


def results_due(block: Block, step: Step) -> bool:
    """True on `step` of `block` from the block's convergence step (the step capturing
    votes) on: the revealed results are shown to the room only then."""
    steps = block.steps
    votes = next((i for i, s in enumerate(steps) if s.capture == "votes"), None)
    return votes is not None and step in steps and steps.index(step) >= votes


@dataclass(frozen=True)
class RoomCounts:
    """What participants and conveners brought in for one block."""

    interests: dict[int, int]  # topic id -> participants who ticked it
    people: int  # participants who ticked at least one topic of the block
    reports: int  # topics of the block with a report
    topics: int  # active topics of the block


def room_counts(event: Event, block: int) -> RoomCounts:
    topics = {t.id for t in event.list_topics(block, include_inactive=False)}
    interests = [i for i in event.list_interests() if i.topic_id in topics]
    reports = [r for r in event.list_reports(block) if r.topic_id in topics]
    return RoomCounts(
        dict(Counter(i.topic_id for i in interests)),
        len({i.participant_id for i in interests}),
        len(reports),
        len(topics),
    )
