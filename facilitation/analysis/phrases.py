"""The candidate phrases of a note: runs of content words that may hold the small linking
words ("listes d'attente en CPE", "reconnaissance des diplômes", "guichet unique régional"),
each keyed by its lemmas so that "liste d'attente" and "les listes d'attente" count as one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from facilitation.analysis.text import ARTICLE, CONTENT, LINK, STOP, Token, clauses, language

MAX_WORDS = 4  # content words in one phrase
ARTICLES = frozenset(["le", "la", "les", "l'", "un", "une", "des", "the", "a", "an"])

Key = tuple[str, ...]


@dataclass(slots=True)
class Parsed:
    """One note, read once: for each clause, its phrases (key -> surface as written, with the
    article that came before it, if any)."""

    lang: str
    clauses: list[dict[Key, tuple[str, str]]] = field(default_factory=list)
    keys: frozenset[Key] | None = None  # the phrases of all its clauses, once asked for
    single: frozenset[str] | None = None  # the lemmas that are a phrase on their own
    by_clause: list[frozenset[str]] | None = None  # the same, clause by clause

    def phrase_keys(self) -> frozenset[Key]:
        if self.keys is None:
            self.keys = frozenset(chain.from_iterable(self.clauses))
        return self.keys

    def words(self) -> frozenset[str]:
        if self.single is None:
            self.single = frozenset().union(*self.clause_words())
        return self.single

    def clause_words(self) -> list[frozenset[str]]:
        if self.by_clause is None:
            self.by_clause = [
                frozenset(w for key in clause if len(key) == 1 for w in key)
                for clause in self.clauses
            ]
        return self.by_clause


def phrases(tokens: list[Token]) -> dict[Key, tuple[str, str]]:
    found: dict[Key, tuple[str, str]] = {}
    count = len(tokens)
    for start, first in enumerate(tokens):
        if first.kind != CONTENT:
            continue
        before = tokens[start - 1].lemma if start and tokens[start - 1].kind == STOP else ""
        article = before if before in ARTICLES else ""
        key: Key = ()
        written = ""  # the tokens from start to end as written, grown token by token
        for end in range(start, count):
            token = tokens[end]
            kind = token.kind
            if kind == STOP:
                break
            if written and written[-1] != "'":
                written = f"{written} {token.surface}"
            else:
                written += token.surface
            if kind in (LINK, ARTICLE):
                continue
            if len(key) == MAX_WORDS:
                break
            key = (*key, token.lemma)
            if key not in found:
                found[key] = (article, written)
    return found


def parse(text: str, lang: str) -> Parsed:
    lang = language(text, lang)
    read = clauses(text, lang)
    # A content word is a phrase on its own (its key has one lemma), and only it is.
    single = [frozenset([t.lemma for t in tokens if t.kind == CONTENT]) for tokens in read]
    return Parsed(lang, [phrases(tokens) for tokens in read], by_clause=single)


COUNTS_KEPT = 64  # phrase counts of this many lists of notes are kept (a round, a theme)


class Reader:
    """Parses notes once (a live console asks again every few seconds), and counts the phrases
    of a list of notes once (a round's counts are the background of every other round)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._seen: dict[str, Parsed] = {}
        self._counts: dict[tuple[str, ...], Counter[Key]] = {}

    def __call__(self, text: str) -> Parsed:
        found = self._seen.get(text)
        if found is None:
            found = parse(text, self.lang)
            if len(self._seen) < 100_000:
                self._seen[text] = found
        return found

    def counts(self, texts: Sequence[str]) -> Counter[Key]:
        """In how many of `texts` each phrase is written (a text counts once per phrase). The
        same list of texts is counted once; the Counter returned is shared: do not change it."""
        key = tuple(texts)
        found = self._counts.get(key)
        if found is None:
            found = Counter()
            for text in key:
                found.update(self(text).phrase_keys())
            if len(self._counts) >= COUNTS_KEPT:
                del self._counts[next(iter(self._counts))]  # the oldest
            self._counts[key] = found
        return found

    def lemmas(self, text: str) -> set[str]:
        """The content lemmas of `text` (a question, the event's purpose)."""
        return {lemma for key in self(text).phrase_keys() for lemma in key}


__all__ = ["ARTICLE", "LINK", "Key", "Parsed", "Reader", "parse", "phrases"]
