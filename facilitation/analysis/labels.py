"""How an idea is shown: its label (the phrase of its group that most tables wrote, in the
form written most often, with its article when most wrote one; for an idea written around one
word, the short piece of note that holds it) and one or two short verbatim quotes (the piece
of a note that holds the idea, cut where openers and fillers sit, the most often written
first, from different tables)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitation.analysis.text import clean

if TYPE_CHECKING:
    from facilitation.analysis.phrases import Key
    from facilitation.analysis.recurring import _Round

QUOTE_LENGTH = 110


@dataclass(frozen=True)
class Quote:
    text: str
    table: int


def _form(surface: str) -> str:
    first = surface.split(" ", 1)[0]
    if first[:1].isupper() and not (len(first) > 1 and first[1:2].isupper()):
        return surface[:1].lower() + surface[1:]
    return surface


def surface(rnd: _Round, key: Key, occurrences: list[tuple[int, int]]) -> str:
    forms: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for n, c in occurrences:
        article, surface = rnd.parsed[n].clauses[c][key]
        forms[_form(surface)] += 1
        articles[article.lower()] += 1
    label = forms.most_common(1)[0][0]
    article, count = articles.most_common(1)[0]
    if article and count * 2 >= len(occurrences):
        label = f"{article}{label}" if article.endswith("'") else f"{article} {label}"
    return label


LABEL_WORDS = 7


def piece_label(rnd: _Round, key: Key, live: list[tuple[int, int]], min_tables: int) -> str:
    """For an idea written around one word: the short piece of note that holds it, as most
    tables wrote it ("too many websites and brochures" for "brochures")."""
    pieces: Counter[str] = Counter()
    tables: dict[str, set[int]] = defaultdict(set)
    for n, c in live:
        _article, surface = rnd.parsed[n].clauses[c][key]
        for piece in _pieces(rnd.sources[n].text):
            if surface.lower() in piece.lower() and 2 <= len(piece.split()) <= LABEL_WORDS:
                form = _form(piece.rstrip(".!…"))
                pieces[form] += 1
                tables[form].add(rnd.sources[n].table)
    best = max(pieces, key=lambda p: (len(tables[p]), -len(p)), default="")
    return best if best and len(tables[best]) >= min_tables else ""


_PIECE = re.compile(r"\s*(?:[.!?;:…()\[\]—–\n]+|,\s|\s-\s)\s*")


def _pieces(text: str) -> list[str]:
    """The note cut where a note-taker's opener or filler would sit ("Point soulevé : ...",
    "..., ça revient souvent"): each piece is verbatim."""
    return [" ".join(p.split()) for p in _PIECE.split(clean(text)) if len(p.split()) >= 2]


_LEADING = re.compile(r"^(?:(?:et|ou|mais|puis|aussi|and|or|but|then|also)\s+)+", re.IGNORECASE)


def quotes(rnd: _Round, notes: list[int], label: str, count: int = 2) -> tuple[Quote, ...]:
    """One or two short verbatim quotes that say the idea the way most tables did: the piece
    of each note that holds the label (or most of its words), the most often written first,
    from different tables."""
    words = label.lower().split()
    core = " ".join(words[1:]) if len(words) > 1 and len(words[0]) <= 3 else label.lower()
    core = core.split("'", 1)[1] if core[:2] in ("l'", "d'") else core
    keywords = [w for w in re.findall(r"\w{4,}", core)] or [core]
    found: list[tuple[int, str, int]] = []
    for n in notes:
        source = rnd.sources[n]
        pieces = _pieces(source.text) or [" ".join(clean(source.text).split())]
        holding = [p for p in pieces if core in p.lower()]
        if holding:
            piece, rank = min(holding, key=len), 0
        else:
            shared = max(pieces, key=lambda p: (sum(k in p.lower() for k in keywords), len(p)))
            # Another wording of the idea; a list's heading ("Défis nommés") only if nothing else.
            rank = 1 if any(k in shared.lower() for k in keywords) else 2
            piece = shared
        piece = _LEADING.sub("", piece)
        if len(piece) > QUOTE_LENGTH:
            piece = piece[: QUOTE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        if piece:
            found.append((rank, piece, source.table))
    often = Counter(p.lower().rstrip(".!…") for _r, p, _t in found)
    found.sort(key=lambda f: (f[0], -often[f[1].lower().rstrip(".!…")], len(f[1])))
    chosen: list[Quote] = []
    for _rank, piece, table in found:
        same = [q for q in chosen if q.table == table or q.text.lower() == piece.lower()]
        if not same:
            chosen.append(Quote(piece, table))
        if len(chosen) == count:
            break
    return tuple(chosen)
