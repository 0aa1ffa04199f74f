"""The recurring ideas of a round against notes whose truth is known: the hand-written French
corpus (tests/ideas_corpus/main-fr.yaml) and notes generated from the idea bank, in French and
English, with and without the other rounds as background."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "ideas_corpus"))

from generate import Corpus, generate, handwritten  # noqa: E402

from facilitation.analysis import Idea, Reader, Source, find_ideas  # noqa: E402

FILLER = ["exemple donné", "idée forte", "consensus", "revient souvent", "d'accord", "démarche"]
FILLER += ["example given", "strong idea", "keeps coming up", "agreed", "took part", "process"]


def stands_for(idea: Idea, corpus: Corpus) -> str:
    """The true idea most of the item's notes were written from ("" for none)."""
    by_id = {n.id: n for n in corpus.notes}
    votes = Counter(t for nid in idea.notes for t in by_id[nid].ideas or ("",))
    truth, count = votes.most_common(1)[0]
    return truth if count * 2 >= len(idea.notes) else "?"


def ideas_of(corpus: Corpus, number: int, background: bool = True) -> list[Idea]:
    return find_ideas(
        [Source(n.id, n.table, n.text) for n in corpus.notes if n.round == number],
        Reader(corpus.lang),
        asked="\n".join((corpus.questions[number], corpus.title, corpus.purpose)),
        background=[
            [n.text for n in corpus.notes if n.round == other]
            for other in corpus.questions
            if other != number and background
        ],
    )


def assert_no_filler(ideas: list[Idea], corpus: Corpus) -> None:
    for idea in ideas:
        assert not any(f in idea.label.lower() for f in FILLER), idea.label
        assert stands_for(idea, corpus) != "", idea.label


def test_the_hand_written_notes():
    corpus = handwritten()
    ideas = ideas_of(corpus, 1)
    truth = set(corpus.top(1, 8))
    found = {stands_for(i, corpus) for i in ideas}
    assert len(found & truth) >= 6, [(i.label, stands_for(i, corpus)) for i in ideas]
    assert_no_filler(ideas, corpus)
    first = ideas[0]
    assert first.label == "la reconnaissance des diplômes" and first.tables == 6
    by_table = {(n.table, n.id): n.text.replace("*", "") for n in corpus.notes}
    for quote in first.quotes:  # verbatim, from the table it names
        assert any(t == quote.table and quote.text in text for (t, _i), text in by_table.items())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_generated_notes_recall_of_the_top_ideas(lang):
    corpus = generate(lang, tables=40, rounds=4, seed=3)
    hits = []
    for number in corpus.questions:
        ideas = ideas_of(corpus, number)
        assert len(ideas) == 8
        assert_no_filler(ideas, corpus)
        hits.append(len({stands_for(i, corpus) for i in ideas} & set(corpus.top(number, 8))))
        for idea in ideas:
            assert idea.tables >= 2 and 1 <= len(idea.quotes) <= 2, idea
            if len(idea.quotes) == 2:  # two tables, two different pieces
                first, second = idea.quotes
                assert first.table != second.table and first.text != second.text
    assert sum(hits) / len(hits) >= 5.5, hits


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_round_alone_shows_no_filler(lang):
    """Without the other rounds to compare with, note-taking talk still never counts."""
    corpus = generate(lang, tables=40, rounds=1, seed=4)
    ideas = ideas_of(corpus, 1, background=False)
    assert len(ideas) >= 6
    assert_no_filler(ideas, corpus)


def test_the_question_and_purpose_words_alone_are_no_idea():
    corpus = generate("fr", tables=30, rounds=1, seed=2)
    asked = Reader("fr").lemmas(corpus.questions[1] + " " + corpus.title + " " + corpus.purpose)
    for idea in ideas_of(corpus, 1, background=False):
        assert set(idea.lemmas) - asked, idea.label


def test_a_remark_written_word_for_word_at_many_tables_is_no_idea():
    """A set phrase about the discussion that no list knows ("Très belle énergie!") is told
    by its being the same note word for word at table after table; ideas get reworded."""
    wordings = [
        "Le transport collectif en région.",
        "Pas d'autobus vers le parc industriel : le transport collectif manque.",
        "Point soulevé : le transport collectif le soir.",
    ]
    sources = []
    for table in range(1, 9):
        sources.append(Source(len(sources), table, "Très belle énergie autour de la table."))
        sources.append(Source(len(sources), table, wordings[table % 3]))
    ideas = find_ideas(sources, Reader("fr"), asked="Quels défis?")
    assert (ideas[0].label, ideas[0].tables) == ("le transport collectif", 8)
    assert not [i.label for i in ideas if "énergie" in i.label or "table" in i.label]
