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

from corpus_event import shared_documents  # noqa: E402
from synthesis_support import styled  # noqa: E402
from test_recurring_docx import TABLES as TABLES_OF_RECURRING  # noqa: E402

from facilitation.analysis import Reader  # noqa: E402
from facilitation.store import Event  # noqa: E402
from facilitation.synthesis.collect import collect  # noqa: E402
from facilitation.synthesis.outline_blocks import idea_line  # noqa: E402
from facilitation.synthesis.recurring import round_ideas  # noqa: E402
from facilitation.synthesis.words import Words  # noqa: E402

# The corpus of test_recurring_docx.py: its synthesis written once per worker for both.
TABLES, ROUNDS, SEED = TABLES_OF_RECURRING, 3, 5
HEADING = {"fr": "Ce qui est revenu à plusieurs tables", "en": "What came up at several tables"}


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_documents_ideas_are_those_of_a_fresh_analysis(tmp_path_factory, lang: str):
    _corpus, event_path, path = shared_documents(tmp_path_factory)(lang, TABLES, ROUNDS, SEED)
    with Event.open(event_path) as event:
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
