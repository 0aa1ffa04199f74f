"""What came up at several tables: shared significant terms, an explainable method.

For each table of a round, the words of its notes are lowercased and split at anything that is
not a letter (so "l'emploi" gives "emploi"); short words and stop words (the curated lists in
`stopwords/fr.txt` and `stopwords/en.txt`) are dropped; the rest are reduced to their stem with
the Snowball stemmer of the note's language (French or English, told apart by which list's
stop words it uses more), so "immigrants", "immigrante" and "immigration" count as one term.
Pairs of consecutive significant words are kept as terms too ("participation citoyenne").
The words of the round's question and of the event's theme are left out (every table answers
the one and talks about the other).
A term is a recurring idea when at least two tables used it; they are ranked by the number of
tables, then by how often they were used, a pair before the single words it contains. Each
term is shown by the form people wrote most often.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import snowballstemmer

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_STEMMERS = {"fr": "french", "en": "english"}
MIN_LENGTH = 3


@dataclass(frozen=True)
class RecurringIdea:
    label: str  # the form written most often, e.g. "participation citoyenne"
    tables: int  # how many tables used it
    mentions: int  # how many times in all


@cache
def stop_words(lang: str) -> frozenset[str]:
    path = Path(__file__).parent / "stopwords" / f"{lang}.txt"
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


class _Stems:
    """Stemmers with a cache (the same words come back thousands of times)."""

    def __init__(self) -> None:
        self._stemmers = {lang: snowballstemmer.stemmer(name) for lang, name in _STEMMERS.items()}
        self._cache: dict[tuple[str, str], str] = {}

    def stem(self, lang: str, word: str) -> str:
        key = (lang, word)
        found = self._cache.get(key)
        if found is None:
            found = self._stemmers[lang].stemWord(word)
            self._cache[key] = found
        return found


_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[.!?;:\n]")
_BREAKS = frozenset(".!?;:\n")


def _language(words: list[str], default: str) -> str:
    fr, en = stop_words("fr"), stop_words("en")
    score_fr = score_en = 0
    for word in words:
        if word in fr:
            score_fr += 1
        if word in en:
            score_en += 1
    if score_fr == score_en:
        return default
    return "fr" if score_fr > score_en else "en"


def terms(text: str, default_lang: str, stems: _Stems) -> list[tuple[str, str]]:
    """(stem key, surface form) of the significant words and word pairs of `text`."""
    tokens = _TOKEN.findall(text.lower().replace("’", "'"))
    lang = _language(tokens, default_lang)
    stop = stop_words(lang)
    stem = stems.stem
    out: list[tuple[str, str]] = []
    previous: tuple[str, str] | None = None
    for word in tokens:
        if len(word) < MIN_LENGTH or word in stop or word in _BREAKS:
            previous = None  # a pair is two significant words side by side in a sentence
            continue
        key = stem(lang, word)
        out.append((key, word))
        if previous is not None:
            out.append((f"{previous[0]} {key}", f"{previous[1]} {word}"))
        previous = (key, word)
    return out


def recurring_ideas(
    texts_by_table: dict[int, Iterable[str]],
    lang: str,
    *,
    limit: int = 8,
    question: str = "",
    stems: _Stems | None = None,
) -> list[RecurringIdea]:
    """The terms at least two tables used, most tables first (at most `limit`). The words of
    the round's `question` are left out: every table answers it, so they say nothing."""
    if len(texts_by_table) < 2:
        return []
    stems = stems or _Stems()
    asked = {key for key, _form in terms(question, lang, stems)}
    tables_of: dict[str, set[int]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for table, texts in texts_by_table.items():
        for text in texts:
            for key, form in terms(text, lang, stems):
                tables_of[key].add(table)
                mentions[key] += 1
                forms[key][form] += 1
    candidates = [k for k, t in tables_of.items() if len(t) >= 2 and k not in asked]
    candidates.sort(key=lambda k: (-len(tables_of[k]), -(" " in k), -mentions[k], k))
    chosen: list[str] = []
    for key in candidates:
        if " " not in key and any(
            key in other.split(" ") and len(tables_of[other]) == len(tables_of[key])
            for other in chosen
        ):
            continue  # "citoyenne" adds nothing to "participation citoyenne" at the same tables
        chosen.append(key)
        if len(chosen) >= limit:
            break
    return [
        RecurringIdea(forms[k].most_common(1)[0][0], len(tables_of[k]), mentions[k]) for k in chosen
    ]


def new_stemmer_cache() -> _Stems:
    return _Stems()
