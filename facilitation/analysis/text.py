"""Notes as the analysis reads them: cleaned of Markdown and tags, cut into clauses, each word
with its lemma (simplemma: "listes" -> "liste", "reconnues" -> "reconnu") and its role: a
content word, a small word that may sit inside a phrase ("de", "d'", "des", "du", "à", "au",
"en"; "of", "for", "in"), or a stop word that ends one."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import simplemma

from facilitation.analysis import lemma_store

LEXICON = Path(__file__).parent / "lexicon"

# Words that may sit inside a phrase ("listes d'attente en CPE", "recognition of credentials"),
# and the articles that may follow them ("de la", "à l'", "in the").
LINKS = {
    "fr": frozenset(["de", "d'", "des", "du", "à", "au", "aux", "en"]),
    "en": frozenset(["of", "for", "in", "at", "on"]),
}
LINK_ARTICLES = {
    "fr": frozenset(["la", "l'", "le", "les"]),
    "en": frozenset(["the", "a", "an"]),
}
# Clause breaks besides punctuation: conjunctions join two ideas more often than one.
CONJUNCTIONS = {
    "fr": frozenset(["et", "ou", "mais", "car", "donc", "puis", "ni"]),
    "en": frozenset(["and", "or", "but", "so", "then", "nor"]),
}

_MARKUP = re.compile(r"(\*\*|__|\*|`|~~|^#+\s|^\s*(?:[-*•+]|\d+[.)])\s+)", re.M)
_TAG = re.compile(r"(?<!\w)#[\w-]+")
_URL = re.compile(r"https?://\S+")
_CLAUSE = re.compile(r"[.!?;:…()\[\]«»\"“”—–\n]+|,\s|\s-\s")
_TOKEN = re.compile(
    r"(?:jusqu|lorsqu|puisqu|quoiqu|qu|[ldjnmstc])['’]|[^\W\d_]+(?:[-'’][^\W\d_]+)*",
    re.IGNORECASE,
)

CONTENT, LINK, ARTICLE, STOP = "c", "l", "a", "s"


@dataclass(frozen=True, slots=True)
class Token:
    surface: str  # as written ("CPE", "listes", "d'")
    lemma: str  # lowercase lemma ("cpe", "liste", "d'")
    kind: str  # CONTENT, LINK, ARTICLE or STOP


def _read(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (LEXICON / name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


@cache
def stop_words(lang: str) -> frozenset[str]:
    return _read(f"stop-{lang}.txt")


@cache
def filler_words(lang: str) -> frozenset[str]:
    """Note-taking words ("exemple", "consensus") as lemmas and as written."""
    words = _read(f"filler-{lang}.txt")
    return words | {lemma(lang, w) for w in words}


_LEMMAS: dict[tuple[str, str], str] = {}


@cache
def _lemmatize() -> Callable[[str, str], str]:
    """simplemma's lemmatize, its dictionaries decoded once per machine (`lemma_store`)."""
    found = lemma_store.lemmatizer()
    return found.lemmatize if found is not None else simplemma.lemmatize


def lemma(lang: str, word: str) -> str:
    key = (lang, word)
    found = _LEMMAS.get(key)
    if found is None:
        found = _lemmatize()(word, lang).lower()
        if len(_LEMMAS) < 500_000:
            _LEMMAS[key] = found
    return found


def clean(text: str) -> str:
    """The note without Markdown marks, tags or links, apostrophes made plain."""
    text = _URL.sub(" ", text.replace("’", "'"))
    return _TAG.sub(" ", _MARKUP.sub(" ", text))


def language(text: str, default: str) -> str:
    """French or English, by which language's stop words the text uses more."""
    words = [w.lower() for w in _TOKEN.findall(text)]
    french, english = stop_words("fr"), stop_words("en")
    fr = sum(1 for w in words if w in french)
    en = sum(1 for w in words if w in english)
    if fr == en:
        return default
    return "fr" if fr > en else "en"


def clauses(text: str, lang: str) -> list[list[Token]]:
    """The note's clauses, each a list of tokens with their role."""
    stop, links, articles = stop_words(lang), LINKS[lang], LINK_ARTICLES[lang]
    conjunctions = CONJUNCTIONS[lang]
    out: list[list[Token]] = []
    for part in _CLAUSE.split(clean(text)):
        tokens: list[Token] = []
        for surface in _TOKEN.findall(part):
            low = surface.lower()
            if low in conjunctions:
                if tokens:
                    out.append(tokens)
                tokens = []
                continue
            if low in links:
                kind = LINK
            elif low in articles and tokens and tokens[-1].kind == LINK:
                kind = ARTICLE
            elif low in stop or low.endswith("'") or (len(low) < 3 and not surface.isupper()):
                kind = STOP
            else:
                kind = CONTENT
            base = lemma(lang, low) if kind == CONTENT else low
            if kind == CONTENT and base in stop:
                kind, base = STOP, low  # "took", "taking": forms of a stop word
            tokens.append(Token(surface, base, kind))
        if tokens:
            out.append(tokens)
    return out
