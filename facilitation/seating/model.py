"""The data the seating engine works on: participants, options, plans and their quality."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from math import comb

from facilitation.roles import is_host_role

# A mixing violation (two colleagues at one table) costs as much as two repeated pairs:
# facilitators ask first for mixed tables, and repeats are often forced anyway.
MIX_WEIGHT = 2


@dataclass
class Participant:
    name: str
    organisation: str = ""
    sector: str = ""
    role: str = ""
    # Every column of the source row, keyed by normalised header (for --mix-by).
    attributes: dict[str, str] = field(default_factory=dict)
    fixed_table: int | None = None  # 1-based; the person never moves (accessibility)
    keep_apart: tuple[str, ...] = ()  # names never to share a table with
    keep_with: tuple[str, ...] = ()  # names to share every table with
    line: int | None = None  # line in the source file, for error messages

    @property
    def is_host(self) -> bool:
        return is_host_role(self.role)


@dataclass
class Plan:
    """Who sits where: seats[name][round] = table (both 1-based). Absent rounds have no entry."""

    rounds: int
    tables: int
    seats: dict[str, dict[int, int]] = field(default_factory=dict)

    def rows(self) -> list[tuple[str, int, int]]:
        out = []
        for name, by_round in self.seats.items():
            for rnd in sorted(by_round):
                out.append((name, rnd, by_round[rnd]))
        return out

    def table_members(self, rnd: int) -> dict[int, list[str]]:
        members: dict[int, list[str]] = {t: [] for t in range(1, self.tables + 1)}
        for name, by_round in self.seats.items():
            if rnd in by_round:
                members.setdefault(by_round[rnd], []).append(name)
        return members


@dataclass
class Options:
    rounds: int
    tables: int | None = None
    table_size: int | None = None
    hosts_stay: bool = False
    mix_by: tuple[str, ...] = ()
    seed: int = 0
    allow_small_tables: bool = False
    # Re-planning: rounds before `replan_from` are copied from `previous`.
    replan_from: int | None = None
    previous: Plan | None = None
    # Scales the local-search budget (1.0 keeps N <= 200 under about 3 s).
    effort: float = 1.0
    # What the search minimises (see objective.py): "balanced", "spread" or "distinct".
    objective: str = "balanced"
    # A time budget for the search: without it the budget is a number of moves (same seed,
    # same plan); with it the search may run longer, up to this many seconds of `clock`.
    seconds: float | None = None
    clock: Callable[[], float] | None = None
    source: str | None = None  # the participants file, named in error messages


@dataclass
class Quality:
    repeats: int  # pairs meeting k times count k - 1 (the "distinct" objective)
    mixing: int
    # How many pairs share a table in exactly k rounds, for k >= 1.
    histogram: dict[int, int] = field(default_factory=dict)

    @property
    def score(self) -> int:
        return self.repeats + MIX_WEIGHT * self.mixing

    @property
    def spread(self) -> int:
        """Sum over pairs of C(k, 2): the "spread" objective."""
        return sum(comb(k, 2) * count for k, count in self.histogram.items())

    @property
    def most(self) -> int:
        """The most rounds any pair shares."""
        return max((k for k, count in self.histogram.items() if count), default=0)

    def at_least(self, k: int) -> int:
        """Pairs sharing k rounds or more."""
        return sum(count for m, count in self.histogram.items() if m >= k)


@dataclass
class PlanResult:
    plan: Plan
    quality: Quality
    lower_bound: int  # no plan can have fewer repeats than this
    greedy: Quality  # the round-by-round greedy baseline on the same instance
    method: str  # "construction", "search" or "greedy": where the returned plan came from
    seconds: float
    table_sizes: list[int] = field(default_factory=list)
    # Which argument gives `lower_bound` (see quality.lower_bound_parts), e.g. "pigeon".
    bound_source: str = ""
    objective: str = "balanced"
    spread_bound: int = 0  # no plan has a smaller spread (sum of C(k, 2))
    most_bound: int = 0  # no plan keeps every pair under this many shared rounds
    moves: int = 0  # moves of the local search
