"""The shortcuts that make the analysis fast give the very ideas the plain way gives: a reader
shared by the rounds, the summary and the themes, each round's phrases counted once and reused
as the others' background, the themes' backgrounds added up from notes grouped by their tags."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "ideas_corpus"))

from generate import Corpus, generate  # noqa: E402

from facilitation.analysis import (  # noqa: E402
    Idea,
    Reader,
    Source,
    TaggedNote,
    find_ideas,
    summarise_themes,
)
from facilitation.analysis.phrases import COUNTS_KEPT, parse  # noqa: E402
from facilitation.analysis.recurring import Counts  # noqa: E402


def what_shows(ideas: list[Idea]) -> list[tuple[object, ...]]:
    """Everything an idea carries, the quotes' table numbers aside (the themes renumber them)."""
    return [
        (i.label, i.tables, i.mentions, i.notes, i.lemmas, tuple(q.text for q in i.quotes))
        for i in ideas
    ]


@pytest.fixture(scope="module", params=["fr", "en"])
def corpus(request: pytest.FixtureRequest) -> Corpus:
    return generate(request.param, tables=40, seed=3)


def round_ideas(corpus: Corpus, number: int, reader: Reader, counted: bool) -> list[Idea]:
    others = [
        [n.text for n in corpus.notes if n.round == other]
        for other in corpus.questions
        if other != number
    ]
    background = [Counts((reader.counts(t),), len(t)) for t in others] if counted else others
    return find_ideas(
        [Source(n.id, n.table, n.text) for n in corpus.notes if n.round == number],
        reader,
        asked="\n".join((corpus.questions[number], corpus.title, corpus.purpose)),
        background=background,
    )


def test_a_shared_reader_and_counted_rounds_give_the_ideas_of_fresh_readers(corpus: Corpus):
    shared = Reader(corpus.lang)
    for number in corpus.questions:
        fresh = round_ideas(corpus, number, Reader(corpus.lang), counted=False)
        assert fresh, number
        again = round_ideas(corpus, number, shared, counted=False)
        counted = round_ideas(corpus, number, shared, counted=True)
        assert what_shows(again) == what_shows(fresh)
        assert what_shows(counted) == what_shows(fresh)


def theme_ideas_the_plain_way(
    themes: list[tuple[str, str]], notes: list[TaggedNote], lang: str, asked: str
) -> dict[str, list[Idea]]:
    """Each theme against the notes of every other theme, listed note by note, a fresh reader."""
    places: dict[tuple[int, int, int], int] = {}
    out: dict[str, list[Idea]] = {}
    for theme, label in themes:
        tagged = [n for n in notes if theme in n.tags]
        if not tagged:
            continue
        sources = [Source(n.id, places.setdefault(n.place, len(places)), n.text) for n in tagged]
        others = [
            [n.text for n in notes if other in n.tags and theme not in n.tags]
            for other, _label in themes
            if other != theme
        ]
        out[theme] = find_ideas(
            sources,
            Reader(lang),
            limit=3,
            asked=f"{asked}\n{label}",
            background=others,
            one_round=False,
        )
    return out


def test_themes_grouped_by_tags_give_the_ideas_of_the_plain_way(corpus: Corpus):
    notes = [
        TaggedNote(n.id, (1, n.round, n.table), n.text, tuple(n.tags))
        for n in corpus.notes
        if n.tags
    ]
    themes = [(t["id"], t["label"]) for t in corpus.codebook]
    asked = f"{corpus.title}\n{corpus.purpose}"
    reader = Reader(corpus.lang)
    for number in corpus.questions:  # the rounds first, as the synthesis does
        round_ideas(corpus, number, reader, counted=False)
    summaries = summarise_themes(themes, notes, reader, asked=asked)
    plain = theme_ideas_the_plain_way(themes, notes, corpus.lang, asked)
    assert [s.id for s in summaries] == list(plain)
    assert any(s.ideas for s in summaries)
    for summary in summaries:
        assert what_shows(list(summary.ideas)) == what_shows(plain[summary.id]), summary.id


def test_counts_count_a_phrase_once_per_note_and_a_list_once():
    reader = Reader("fr")
    texts = [
        "Les listes d'attente, encore les listes d'attente.",
        "Listes d'attente en CPE",
        "Listes d'attente en CPE",
        "Le transport en région",
    ]
    counts = reader.counts(texts)
    assert counts[("liste", "attente")] == 3  # twice in the first note: counted once there
    assert counts[("transport",)] == 1
    assert counts[("absent",)] == 0
    expected: Counter[tuple[str, ...]] = Counter()
    for text in texts:
        expected.update(parse(text, "fr").phrase_keys())
    assert counts == expected
    assert reader.counts(list(texts)) is counts  # the same notes are not counted again
    assert reader.counts(texts[:2]) is not counts


def test_counts_keep_a_bounded_number_of_lists():
    reader = Reader("en")
    first = reader.counts(["Waiting lists for daycare"])
    for n in range(COUNTS_KEPT):
        reader.counts([f"Note number {n}"])
    again = reader.counts(["Waiting lists for daycare"])
    assert again == first and again is not first  # the oldest was let go, then counted again
    assert len(reader._counts) <= COUNTS_KEPT
