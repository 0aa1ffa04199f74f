"""What came up at several tables, read back from the .docx of an event whose notes were
written from a known idea bank (tests/ideas_corpus): phrases with a table count and a verbatim
quote, no stem, no note-taking filler, no item made of the question's or purpose's words only;
the themes section never shows a note twice."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).parent / "ideas_corpus"))

from corpus_event import shared_documents  # noqa: E402
from synthesis_support import styled  # noqa: E402

HEADINGS = {
    "fr": ("Ce qui est revenu à plusieurs tables", "Thèmes transversaux", "Idées principales"),
    "en": ("What came up at several tables", "Cross-cutting themes", "Main ideas"),
}
ITEM = {
    "fr": re.compile(
        r"^(?P<label>.+) : (?P<n>\d+) tables — « (?P<quote>.+?) » \(table (?P<t>\d+)\)"
    ),
    "en": re.compile(r"^(?P<label>.+): (?P<n>\d+) tables — “(?P<quote>.+?)” \(table (?P<t>\d+)\)"),
}
# What note-takers write around ideas (the issue's examples), never an idea.
FILLER = {
    "fr": ["exemple donné", "idée forte", "consensus", "revient souvent", "à creuser", "d'accord"],
    "en": ["example given", "strong idea", "consensus", "keeps coming up", "dig into", "agreed"],
}
SMALL = {"fr": set("le la les l de d des du un une à au aux en et"), "en": set()}
SMALL["fr"] = {"le", "la", "les", "l", "de", "d", "des", "du", "un", "une", "à", "au", "aux", "en"}
SMALL["en"] = {"the", "a", "an", "of", "for", "in", "at", "on", "to"}
TABLES = 24


def _plain(text: str) -> str:
    """Paragraph text with French non-breaking spaces read as spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.lower().replace("’", "'"))


@pytest.fixture(scope="module", params=["fr", "en"])
def written(request, tmp_path_factory):
    """The language, the corpus, and the (style name, text) of each paragraph of the .docx,
    written once per worker (test_synthesis_shared_analysis.py reads the same one)."""
    lang = request.param
    corpus, _event, path = shared_documents(tmp_path_factory)(lang, TABLES, 3, 5)
    return lang, corpus, styled(docx.Document(str(path)))


def sections(paragraphs: list[tuple[str, str]], title: str) -> list[list[str]]:
    """The bullets right after each paragraph that reads `title` (a heading or a label)."""
    out: list[list[str]] = []
    current: list[str] | None = None
    for style, text in paragraphs:
        if _plain(text) == title:
            current = []
            out.append(current)
        elif current is not None and style == "List Bullet":
            current.append(_plain(text))
        else:
            current = None
    return out


def test_recurring_ideas_are_phrases_with_a_count_and_a_quote(written):
    lang, corpus, paragraphs = written
    rounds = sections(paragraphs, HEADINGS[lang][0])
    assert len(rounds) == 3
    notes_by_table: dict[tuple[int, int], str] = {}
    for note in corpus.notes:
        key = (note.round, note.table)
        notes_by_table[key] = notes_by_table.get(key, "") + "\n" + note.text.replace("*", "")
    written_words = {w for note in corpus.notes for w in words(note.text)}
    for number, items in enumerate(rounds, 1):
        assert 5 <= len(items) <= 8, items
        asked = set(words(corpus.questions[number] + " " + corpus.title + " " + corpus.purpose))
        for item in items:
            match = ITEM[lang].match(item)
            assert match, item
            label = match["label"]
            assert len(words(label)) >= 2, item  # a phrase, not a word
            assert set(words(label)) <= written_words, item  # words as written, no stem
            assert not any(f in label.lower() for f in FILLER[lang]), item
            assert set(words(label)) - asked - SMALL[lang], item  # not only the question's words
            assert 2 <= int(match["n"]) <= TABLES
            quote, table = match["quote"], int(match["t"])
            assert quote.lower() in notes_by_table[(number, table)].lower(), item  # verbatim
        # What the notes were written from: most items are one of the round's true top ideas.
        truth = corpus.top(number, 8)
        wordings = [" ".join(corpus.ideas[i]["wordings"]).lower() for i in truth]
        hits = sum(
            any(ITEM[lang].match(item)["label"].lower().split(" ", 1)[-1] in w for w in wordings)
            for item in items
        )
        assert hits >= 5, (items, truth)


def test_the_method_is_said_in_one_plain_line(written):
    lang, _corpus, paragraphs = written
    captions = [_plain(text) for style, text in paragraphs if style == "Caption"]
    method = [c for c in captions if c.startswith(("Comment ces idées", "How these were found"))]
    assert len(method) == 3
    text = "\n".join(_plain(text) for _style, text in paragraphs).lower()
    assert "racinisation" not in text and "stemming" not in text


def test_themes_show_main_ideas_and_never_a_note_twice(written):
    lang, corpus, paragraphs = written
    _ideas, themes_title, main_ideas = HEADINGS[lang]
    texts = {note.text.replace("*", "").strip() for note in corpus.notes}
    shown: list[str] = []
    in_themes = False
    headings = 0
    for style, text in paragraphs:
        if style == "Heading 1":
            in_themes = _plain(text) == themes_title
        elif in_themes and style == "Heading 2":
            headings += 1
        elif in_themes and _plain(text).strip() in texts:
            shown.append(_plain(text).strip())
    assert headings == len(corpus.codebook)
    assert len(shown) >= 2 * len(corpus.codebook)
    assert len(shown) == len(set(shown)), [t for t in shown if shown.count(t) > 1]
    ideas = sections(paragraphs, main_ideas)
    assert len(ideas) == len(corpus.codebook) and all(ideas)
    for item in (i for section in ideas for i in section):
        assert ITEM[lang].match(item), item
