"""Convergence: dot votes per topic or per free proposal, ranked, ties made visible.

Ranks are "competition" ranks (1, 2, 2, 4): two items with the same count share a rank and are
both marked `tied`. Votes given to a topic later merged into another are counted for the topic
it was merged into (following the chain), so merging during convergence keeps every dot.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from facilitation.store.openspace import Topic, Vote


@dataclass(frozen=True)
class RankedItem:
    rank: int
    tied: bool
    count: int
    label: str  # the topic's title or the proposal's text
    topic_id: int | None = None
    proposal: str | None = None
    convener: str = ""


def final_topic(topic_id: int, topics: dict[int, Topic]) -> int:
    """The topic that `topic_id` was (perhaps successively) merged into."""
    seen = set()
    while topic_id in topics and topics[topic_id].status == "merged":
        target = topics[topic_id].merged_into
        if target is None or target in seen:
            break
        seen.add(topic_id)
        topic_id = target
    return topic_id


def rank_votes(
    votes: Iterable[Vote], topics: Sequence[Topic], *, include_unvoted: bool = True
) -> list[RankedItem]:
    """Ranked items, most votes first (then by title). Active topics without votes are
    included with 0 when `include_unvoted`; withdrawn topics only if they received votes."""
    by_id = {t.id: t for t in topics}
    counts: dict[tuple[int | None, str | None], int] = {}
    if include_unvoted:
        for t in topics:
            if t.status == "active":
                counts[(t.id, None)] = 0
    for vote in votes:
        key: tuple[int | None, str | None]
        if vote.topic_id is not None:
            key = (final_topic(vote.topic_id, by_id), None)
        else:
            key = (None, vote.proposal or "")
        counts[key] = counts.get(key, 0) + vote.count
    items = []
    for (topic_id, proposal), count in counts.items():
        topic = by_id.get(topic_id) if topic_id is not None else None
        label = topic.title if topic else (proposal or f"#{topic_id}")
        items.append((count, label, topic_id, proposal, topic.convener if topic else ""))
    items.sort(key=lambda item: (-item[0], item[1].casefold(), item[2] or 0))
    tally: dict[int, int] = {}
    for count, *_rest in items:
        tally[count] = tally.get(count, 0) + 1
    out, rank = [], 0
    for position, (count, label, topic_id, proposal, convener) in enumerate(items, start=1):
        if position == 1 or count != items[position - 2][0]:
            rank = position
        out.append(RankedItem(rank, tally[count] > 1, count, label, topic_id, proposal, convener))
    return out
