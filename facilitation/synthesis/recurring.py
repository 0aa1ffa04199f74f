"""What came up at several tables, for the synthesis: a thin door to `facilitation.analysis`
(lemmatised phrases counted once per table, wordings of one idea grouped, short quotes)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from facilitation.analysis import Idea, Quote, Reader, Source, find_ideas
from facilitation.synthesis.collect import BlockData, EventData, RoundData

RecurringIdea = Idea


def recurring_ideas(
    texts_by_table: dict[int, Iterable[str]],
    lang: str,
    *,
    limit: int = 8,
    question: str = "",
    background: Sequence[Sequence[str]] = (),
    reader: Reader | None = None,
) -> list[Idea]:
    """The ideas at least two tables raised, most tables first (at most `limit`). The words of
    `question` (the round's question, the event's theme) never make an idea; `background` (the
    other rounds' notes, one list per round) tells this round's ideas from what every round says."""
    sources = [
        Source(n, table, text)
        for n, (table, text) in enumerate(
            (table, text) for table, texts in texts_by_table.items() for text in texts
        )
    ]
    return find_ideas(
        sources, reader or Reader(lang), limit=limit, asked=question, background=background
    )


def round_ideas(
    data: EventData,
    block: BlockData,
    rnd: RoundData,
    lang: str,
    *,
    limit: int = 8,
    reader: Reader | None = None,
) -> list[Idea]:
    """The ideas of one round as the document shows them: its question, the event's and the
    block's theme left out, the event's other rounds as background (for the summary page)."""
    theme = (data.info.title, data.info.purpose, block.block.title, block.block.question)
    return recurring_ideas(
        {t: [n.text for n in notes] for t, notes in rnd.notes_by_table.items()},
        lang,
        limit=limit,
        question="\n".join((rnd.step.question, *theme)),
        background=other_rounds(data, block.block.number, rnd.number),
        reader=reader,
    )


def other_rounds(data: EventData, block: int, number: int) -> list[list[str]]:
    """The notes of the event's other rounds, one list per round: what every round says is not
    this round's idea."""
    return [texts for key, texts in data.round_texts.items() if key != (block, number)]


def new_reader(lang: str) -> Reader:
    return Reader(lang)


__all__ = [
    "Idea",
    "Quote",
    "RecurringIdea",
    "new_reader",
    "other_rounds",
    "recurring_ideas",
    "round_ideas",
]
