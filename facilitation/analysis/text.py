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


# (lang, word as written) -> its token, and its token right after a link word when it is an
# article ("de la"); None for a conjunction. Kept for the `lemma` function it was made with.
_WORDS: dict[tuple[str, str], tuple[Token, Token | None] | None] = {}
_words_made_with: Callable[[str, str], str] | None = None


def _word(lang: str, surface: str) -> tuple[Token, Token | None] | None:
    low = surface.lower()
    if low in CONJUNCTIONS[lang]:
        return None
    stop = stop_words(lang)
    if low in LINKS[lang]:
        return Token(surface, low, LINK), None
    after_link = Token(surface, low, ARTICLE) if low in LINK_ARTICLES[lang] else None
    if low in stop or low.endswith("'") or (len(low) < 3 and not surface.isupper()):
        return Token(surface, low, STOP), after_link
    base = lemma(lang, low)
    if base in stop:
        return Token(surface, low, STOP), after_link  # "took", "taking": forms of a stop word
    return Token(surface, base, CONTENT), after_link


def clauses(text: str, lang: str) -> list[list[Token]]:
    """The note's clauses, each a list of tokens with their role."""
    global _words_made_with
    if _words_made_with is not lemma:  # `lemma` replaced (bench/language_tools.py tries stems)
        _WORDS.clear()
        _words_made_with = lemma
    words = _WORDS
    out: list[list[Token]] = []
    for part in _CLAUSE.split(clean(text)):
        tokens: list[Token] = []
        for surface in _TOKEN.findall(part):
            key = (lang, surface)
            if key in words:
                word = words[key]
            else:
                word = _word(lang, surface)
                if len(words) < 500_000:
                    words[key] = word
            if word is None:  # a conjunction ends a clause
                if tokens:
                    out.append(tokens)
                tokens = []
                continue
            token, after_link = word
            if after_link is not None and tokens and tokens[-1].kind == LINK:
                token = after_link
            tokens.append(token)
        if tokens:
            out.append(tokens)
    return out
