"""The codebook's themes: for each, how many notes were tagged with it, its main ideas (the
recurring ideas of its notes, counted once per table and round) and a few short notes that
say them, never a note already shown under another theme."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from facilitation.analysis.phrases import Key, Reader
from facilitation.analysis.recurring import Counts, Idea, Quote, Source, find_ideas

EXAMPLE_LENGTH = 160


@dataclass(frozen=True)
class TaggedNote:
    id: int
    place: tuple[int, int, int]  # (block, round, table): one table of one round
    text: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class ThemeSummary:
    id: str
    label: str
    notes: int  # how many notes were tagged with it
    ideas: tuple[Idea, ...]
    examples: tuple[int, ...]  # ids of its representative notes


def _others(
    counted: list[tuple[frozenset[str], Counter[Key], int]], other: str, theme: str
) -> Counts:
    """The phrase counts of the notes tagged `other` and not `theme`."""
    parts = [(c, n) for tags, c, n in counted if other in tags and theme not in tags]
    return Counts(tuple(c for c, _n in parts), sum(n for _c, n in parts))


def summarise_themes(
    themes: Sequence[tuple[str, str]],
    notes: Sequence[TaggedNote],
    reader: Reader,
    *,
    asked: str = "",
    ideas: int = 3,
    examples: int = 3,
) -> list[ThemeSummary]:
    """One summary per theme (id, label) that has tagged notes, in the codebook's order."""
    places: dict[tuple[int, int, int], int] = {}
    used: set[int] = set()
    # The notes by their set of tags, each set's phrases counted once: the notes of another
    # theme but not this one are the sets that hold the other and not this.
    by_tags: dict[frozenset[str], list[str]] = {}
    for note in notes:
        by_tags.setdefault(frozenset(note.tags), []).append(note.text)
    counted = [(tags, reader.counts(texts), len(texts)) for tags, texts in by_tags.items()]
    out: list[ThemeSummary] = []
    for theme, label in themes:
        tagged = [n for n in notes if theme in n.tags]
        if not tagged:
            continue
        sources = [Source(n.id, places.setdefault(n.place, len(places)), n.text) for n in tagged]
        # The other themes' notes are the background: a theme's ideas are what its notes say
        # more often than the others'.
        others = [_others(counted, other, theme) for other, _label in themes if other != theme]
        found = find_ideas(
            sources,
            reader,
            limit=ideas,
            asked=f"{asked}\n{label}",
            background=others,
            one_round=False,  # its notes come from every round: tables are not people
        )
        # Quotes name the table they come from, not the place index used for counting.
        table_of = {index: place[2] for place, index in places.items()}
        found = [
            replace(i, quotes=tuple(Quote(q.text, table_of[q.table]) for q in i.quotes))
            for i in found
        ]
        saying = {nid for idea in found for nid in idea.notes}
        ranked = sorted(
            (n for n in tagged if n.id not in used and len(n.text) <= EXAMPLE_LENGTH),
            key=lambda n: (n.id not in saying, len(n.tags) > 1, abs(len(n.text) - 70), n.id),
        )
        chosen: list[int] = []
        seen_text: set[str] = set()
        for note in ranked:
            text = " ".join(note.text.split()).lower()
            if text not in seen_text:
                chosen.append(note.id)
                seen_text.add(text)
            if len(chosen) == examples:
                break
        used.update(chosen)
        out.append(ThemeSummary(theme, label, len(tagged), tuple(found), tuple(chosen)))
    return out
