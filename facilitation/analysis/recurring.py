"""What came up at several tables of a round, as phrases a person would write.

1. Every note is read once (`phrases.Reader`): clauses, words reduced to their lemma, and the
   phrases they form (a run of content words that may hold "de", "d'", "des", "à", "en"...).
2. A phrase counts once per table. It is left out when all its words are the question's or
   the event's own words, or note-taking words ("exemple donné", "idée forte", "consensus").
3. Distinctiveness: when at least two other rounds of the event are given (`background`), a
   phrase not twice as frequent here as there, or written in every other round, is background
   talk (the event's own vocabulary, the note-takers' habits), not this round's idea.
   A remark written word for word at many tables is boilerplate, not an idea.
4. Greedy choice: the phrase raised at the most tables wins (a longer phrase wins over its own
   words when it is nearly as widespread; a single word that is the hub of several recurring
   phrases is no idea); the clauses it was found in are then spent, so the words that came
   with it ("attente" beside "CPE") cannot come back as another idea.
5. Wordings of one idea are grouped when they share a word the round uses almost only in them
   and rarely come from the same table, or (in one round) come from tables far more apart than
   chance would have it.
6. Labels and quotes (`labels.py`): the phrase of the group that most tables wrote, in the
   form written most often, with its article; one or two short verbatim quotes.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter

from facilitation.analysis.labels import Quote, piece_label, quotes, surface
from facilitation.analysis.phrases import Key, Reader
from facilitation.analysis.text import clean, filler_words

MIN_TABLES = 2
EVERY_ROUND = 4  # notes in each other round that make a phrase the event's own vocabulary
MIN_DISTINCTIVENESS = 2.0  # how much more often in this round than in the others
LABEL_SHARE = 0.3  # a longer label must be written at this share of the idea's tables
LABEL_SINGLE = 0.3


@dataclass(frozen=True)
class Idea:
    label: str  # "les listes d'attente en CPE"
    tables: int  # how many tables raised it
    mentions: int = 0  # in how many notes
    quotes: tuple[Quote, ...] = ()
    notes: tuple[int, ...] = ()  # the ids of the notes it was found in
    lemmas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """A note as the analysis needs it."""

    id: int
    table: int
    text: str


@dataclass
class _Stats:
    occurrences: list[tuple[int, int]] = field(default_factory=list)  # (note, clause)
    notes: set[int] = field(default_factory=set)


# A phrase says more than a word: a single word used at many tables is often shared by several
# ideas ("entreprises", "famille"), a phrase rarely is. Words of the question do not count.
WEIGHTS = (0.0, 0.5, 1.0, 1.15, 1.25)


def _weight(key: Key, ignored: frozenset[str] = frozenset()) -> float:
    return WEIGHTS[min(len([w for w in key if w not in ignored]), len(WEIGHTS) - 1)]


def _label_weight(key: Key, ignored: frozenset[str]) -> float:
    """A label reads best as a phrase: one word only when no phrase is written nearly as often."""
    weight = _weight(key, ignored)
    return LABEL_SINGLE if weight == WEIGHTS[1] else weight


def _informative(key: Key, ignored: frozenset[str]) -> bool:
    return not ignored.issuperset(key)  # some word of it is neither asked nor filler


_UNSEEN: list[tuple[int, int]] = []  # a phrase not met yet in the round (a sentinel)


class _Round:
    def __init__(self, reader: Reader, sources: Sequence[Source], ignored: frozenset[str]) -> None:
        self.sources = sources
        self.parsed = [reader(s.text) for s in sources]
        # phrase -> where it is written (note, clause), or None for a phrase left out (all
        # its words asked or filler): a phrase is written in many notes, decided once.
        occurrences: dict[Key, list[tuple[int, int]] | None] = {}
        spotted = occurrences.get
        for n, parsed in enumerate(self.parsed):
            for c, clause in enumerate(parsed.clauses):
                where = (n, c)
                for key in clause:
                    spots = spotted(key, _UNSEEN)
                    if spots is _UNSEEN:
                        occurrences[key] = [where] if _informative(key, ignored) else None
                    elif spots is not None:
                        spots.append(where)
        note = itemgetter(0)
        self.stats: dict[Key, _Stats] = defaultdict(
            _Stats,
            {
                key: _Stats(spots, set(map(note, spots)))
                for key, spots in occurrences.items()
                if spots is not None
            },
        )

    def tables(self, occurrences: Iterable[tuple[int, int]]) -> set[int]:
        return {self.sources[n].table for n, _c in occurrences}


@dataclass(frozen=True)
class Counts:
    """Phrase counts of some notes (another round, the notes of other themes), possibly in
    several parts counted once each and added up only for the phrases asked about."""

    parts: tuple[Counter[Key], ...]
    notes: int

    def __getitem__(self, key: Key) -> int:
        # dict.get: a Counter's own lookup of a missing phrase goes through __missing__.
        parts = self.parts
        if len(parts) == 1:
            return parts[0].get(key, 0)
        return sum([part.get(key, 0) for part in parts])


Background = Sequence[Sequence[str]] | Sequence[Counts]


def find_ideas(
    sources: Sequence[Source],
    reader: Reader,
    *,
    limit: int = 8,
    asked: str = "",
    background: Background = (),
    one_round: bool = True,
) -> list[Idea]:
    """The recurring ideas of one round's notes, most tables first. `background`: the notes of
    the other rounds, one list of texts (or their `Counts`) per round."""
    if len({s.table for s in sources}) < MIN_TABLES:
        return []
    ignored = frozenset(_family(rnd_lemmas(reader, sources), reader.lemmas(asked)))
    ignored |= filler_words(reader.lang)
    rnd = _Round(reader, sources, ignored)
    distinctive = _Distinctiveness(rnd, reader, background)
    distinct = {k for k, stats in rnd.stats.items() if distinctive(k, len(stats.notes))}
    spent: set[tuple[int, int]] = set()
    heap: list[tuple[float, Key]] = []
    for key, stats in rnd.stats.items():
        if len(stats.notes) < MIN_TABLES or key not in distinct:
            continue  # fewer notes than tables needed: no need to count its tables
        count = len(rnd.tables(stats.occurrences))
        if count >= MIN_TABLES:
            heap.append((-count * _weight(key, ignored), key))
    heapq.heapify(heap)
    groups: list[tuple[Key, list[tuple[int, int]]]] = []
    while heap and len(groups) < 3 * limit:
        score, key = heapq.heappop(heap)
        live = [o for o in rnd.stats[key].occurrences if o not in spent]
        tables = rnd.tables(live)
        fresh = -len(tables) * _weight(key, ignored)
        if len(tables) < MIN_TABLES:
            continue
        if heap and fresh > heap[0][0]:  # its score fell: try it again later
            heapq.heappush(heap, (fresh, key))
            continue
        if not distinctive(key, len({n for n, _c in live})):
            continue  # what is left of it is what every round says ("manque de temps")
        if _boilerplate(rnd, live):
            spent.update(live)  # the same remark word for word at table after table
            continue
        if len(key) == 1 and not _focused(rnd, key[0], live, ignored):
            continue  # a word that several ideas use ("travail", "entreprise"), not an idea
        spent.update(live)
        groups.append((key, live))
    groups = _merge(rnd, groups, ignored, one_round)
    groups.sort(key=lambda g: -len(rnd.tables(g[1])))
    return [_idea(rnd, key, live, distinct, ignored) for key, live in groups[:limit]]


SHARED = 0.3  # a word in this share of both groups' clauses...
EXCLUSIVE = 0.8  # ...and nearly nowhere else in the round: one idea in two wordings
APART = 0.6  # ...if they share fewer tables than this share of what chance would give
FAR_APART = 0.25  # without a shared word, wordings this far apart...
MIN_EXPECTED = 3.0  # ...where chance would give this many tables in common


def _merge(
    rnd: _Round,
    groups: list[tuple[Key, list[tuple[int, int]]]],
    ignored: frozenset[str],
    one_round: bool,
) -> list[tuple[Key, list[tuple[int, int]]]]:
    """Groups two wordings of one idea ("historique de crédit", "dossier de crédit") when they
    share a word that the round uses almost only in them, or (in one round, where the tables
    are the same people all along) when they come from tables far more apart than chance."""
    used: Counter[str] = Counter()  # in how many clauses of the round each word is
    if len(groups) > 1:  # only then are two groups compared
        used = Counter(
            chain.from_iterable(
                words - ignored for parsed in rnd.parsed for words in parsed.clause_words()
            )
        )

    def profile(live: list[tuple[int, int]]) -> Counter[str]:
        words: Counter[str] = Counter()
        for n, c in live:
            words.update({w for key in rnd.parsed[n].clauses[c] for w in key if w not in ignored})
        return words

    tables = len({s.table for s in rnd.sources})
    merged: list[tuple[Key, list[tuple[int, int]], Counter[str], set[int]]] = []
    for key, live in groups:
        mine, here = profile(live), rnd.tables(live)
        for i, (first, other, theirs, there) in enumerate(merged):
            # Two wordings of one idea rarely come from the same table; two ideas do, as often
            # as chance has it.
            expected = len(here) * len(there) / tables
            apart = len(here & there) < APART * expected or not one_round
            shared = any(
                mine[w] >= SHARED * len(live)
                and theirs[w] >= SHARED * len(other)
                and mine[w] + theirs[w] >= EXCLUSIVE * used[w]
                for w in mine
            )
            far = one_round and expected >= MIN_EXPECTED
            if apart and (shared or (far and len(here & there) < FAR_APART * expected)):
                merged[i] = (first, other + live, theirs + mine, there | here)
                break
        else:
            merged.append((key, live, mine, here))
    return [(key, live) for key, live, _p, _t in merged]


BOILERPLATE = 0.6  # share of a phrase's notes that are one and the same remark...
BOILERPLATE_TABLES = 4  # ...written at this many tables at least (and a tenth of them)
_NOT_WORD = re.compile(r"[^\w']+")


def _boilerplate(rnd: _Round, live: list[tuple[int, int]]) -> bool:
    """Whether most notes holding a phrase are the very same remark, word for word, at many
    tables ("Les échanges ont été riches."): ideas get reworded from table to table, set
    phrases about the discussion do not."""
    notes = {n for n, _c in live}
    tables: dict[str, set[int]] = defaultdict(set)
    for n in notes:
        text = " ".join(_NOT_WORD.sub(" ", clean(rnd.sources[n].text).lower()).split())
        tables[text].add(n)
    text = max(tables, key=lambda t: len(tables[t]))
    many = max(BOILERPLATE_TABLES, 0.1 * len({s.table for s in rnd.sources}))
    same = tables[text]
    return (
        len(text.split()) >= 2
        and len(same) >= BOILERPLATE * len(notes)
        and len({rnd.sources[n].table for n in same}) >= many
    )


FAMILY_PREFIX = 6
FOCUS = 0.5  # a word is one idea when one phrase holds this share of its tables...
HUB = 0.15  # ...or fewer than two phrases hold this share each


def rnd_lemmas(reader: Reader, sources: Sequence[Source]) -> set[str]:
    return set().union(*(reader(s.text).words() for s in sources))


def _family(words: set[str], asked: set[str]) -> set[str]:
    """The asked words and the words of their family ("travailleur" asked: "travail" too),
    told by a long shared beginning."""
    prefixes = {w[:FAMILY_PREFIX] for w in asked if len(w) >= FAMILY_PREFIX}
    return asked | {
        w for w in words if len(w) >= FAMILY_PREFIX - 1 and w[:FAMILY_PREFIX] in prefixes
    }


def _focused(rnd: _Round, word: str, live: list[tuple[int, int]], ignored: frozenset[str]) -> bool:
    """Whether a single word is one idea rather than a part of several: a word that sits in
    two or more phrases each written at several tables ("milieu de travail", "permis de
    travail", "horaires de travail"), none of them most of its uses, is a hub, not an idea."""
    tables = rnd.tables(live)
    phrases: dict[Key, list[tuple[int, int]]] = defaultdict(list)
    for n, c in live:
        for key in rnd.parsed[n].clauses[c]:
            if word in key and _weight(key, ignored) >= 1.0:
                phrases[key].append((n, c))
    strong = [
        k
        for k, occ in phrases.items()
        if len(rnd.tables(occ)) >= max(MIN_TABLES, HUB * len(tables))
    ]
    if len(strong) < 2:
        return True
    top = max(len(rnd.tables(phrases[k])) for k in strong)
    return top >= FOCUS * len(tables)


class _Distinctiveness:
    """Whether a phrase is this round's rather than what every round says: at least
    MIN_DISTINCTIVENESS times as frequent among this round's notes as among the others', and
    not the event's own vocabulary, written in every other round ("les nouveaux arrivants")."""

    def __init__(self, rnd: _Round, reader: Reader, background: Background) -> None:
        rounds = [
            part if isinstance(part, Counts) else Counts((reader.counts(part),), len(part))
            for part in background
        ]
        # Only the phrases of this round are asked about, and all of them are informative: the
        # counts need no filtering by the ignored words.
        self.rounds = [counts for counts in rounds if counts.notes]
        # One other round only: an idea of both rounds is not background talk.
        self.active = len(self.rounds) >= 2
        self.everywhere = self.active
        self.here = len(rnd.sources)
        self.there = max(1, sum(counts.notes for counts in rounds))

    def __call__(self, key: Key, notes: int) -> bool:
        if not self.active:
            return True
        values = [counts[key] for counts in self.rounds]
        if self.everywhere and all(value >= EVERY_ROUND for value in values):
            return False
        there = (sum(values) + 0.5) / self.there
        return (notes + 0.5) / self.here >= MIN_DISTINCTIVENESS * there


def _idea(
    rnd: _Round, key: Key, live: list[tuple[int, int]], distinct: set[Key], ignored: frozenset[str]
) -> Idea:
    tables = rnd.tables(live)
    # The label: the phrase of the group that holds the idea's words and reads best.
    within: dict[Key, list[tuple[int, int]]] = defaultdict(list)
    for n, c in live:
        for other in rnd.parsed[n].clauses[c]:
            if other in distinct and _weight(other, ignored) > 0:
                within[other].append((n, c))
    best = max(
        (k for k, occ in within.items() if len(rnd.tables(occ)) >= LABEL_SHARE * len(tables)),
        key=lambda k: (len(rnd.tables(within[k])) * _label_weight(k, ignored), len(k)),
        default=key,
    )
    label = surface(rnd, best, within.get(best, live))
    if len(best) == 1:
        label = piece_label(rnd, best, within.get(best, live), MIN_TABLES) or label
    notes = sorted({n for n, _c in live})
    return Idea(
        label=label,
        tables=len(tables),
        mentions=len(notes),
        quotes=quotes(rnd, notes, label),
        notes=tuple(rnd.sources[n].id for n in notes),
        lemmas=best,
    )
