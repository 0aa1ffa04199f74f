"""The .docx's recurring ideas are those a fresh analysis of each round finds: the document
shares one reader and the rounds' counts between the summary, the rounds and the themes, and
that sharing changes nothing a reader of the document sees."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).parent / "ideas_corpus"))

from corpus_event import corpus_event  # noqa: E402
from generate import generate  # noqa: E402
from synthesis_support import styled  # noqa: E402

from facilitation.analysis import Reader  # noqa: E402
from facilitation.synthesis import write_synthesis  # noqa: E402
from facilitation.synthesis.collect import collect  # noqa: E402
from facilitation.synthesis.outline_blocks import idea_line  # noqa: E402
from facilitation.synthesis.recurring import round_ideas  # noqa: E402
from facilitation.synthesis.words import Words  # noqa: E402

TABLES = 20
HEADING = {"fr": "Ce qui est revenu à plusieurs tables", "en": "What came up at several tables"}


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_documents_ideas_are_those_of_a_fresh_analysis(tmp_path: Path, lang: str):
    corpus = generate(lang, tables=TABLES, rounds=3, seed=7)
    with corpus_event(tmp_path / "e.db", corpus, lang, TABLES) as event:
        path = write_synthesis(event, tmp_path / "synthese.docx", lang=lang)
        data = collect(event)
    shown: list[list[str]] = []
    current: list[str] | None = None
    for style, text in styled(docx.Document(str(path))):
        if plain(text) == HEADING[lang]:
            current = []
            shown.append(current)
        elif current is not None and style == "List Bullet":
            current.append(plain(text))
        else:
            current = None
    w = Words(lang)
    expected = [
        [plain(idea_line(idea, w)) for idea in round_ideas(data, block, rnd, lang, reader=reader)]
        for block in data.blocks
        for rnd in block.rounds
        if rnd.note_count
        for reader in [Reader(lang)]  # a reader of its own for each round: nothing shared
    ]
    assert len(shown) == 3 and all(shown), shown
    assert shown == expected
