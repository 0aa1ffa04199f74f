"""What came up at several tables, for the synthesis: a thin door to `facilitation.analysis`
(lemmatised phrases counted once per table, wordings of one idea grouped, short quotes)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from facilitation.analysis import Idea, Quote, Reader, Source, find_ideas

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


def new_reader(lang: str) -> Reader:
    return Reader(lang)


__all__ = ["Idea", "Quote", "RecurringIdea", "new_reader", "recurring_ideas"]
