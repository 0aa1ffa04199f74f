"""How good a plan is (repeated pairs, mixing violations) and how good any plan could be."""

from __future__ import annotations

from math import comb

from facilitation.seating.model import Participant, Plan
from facilitation.seating.problem import Problem, resolve_column
from facilitation.textmatch import fold


def pair_meetings(plan: Plan) -> dict[tuple[str, str], int]:
    """How many rounds each pair of people shares a table (pairs that meet at least once)."""
    meetings: dict[tuple[str, str], int] = {}
    for rnd in range(1, plan.rounds + 1):
        for members in plan.table_members(rnd).values():
            ordered = sorted(members)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    meetings[(a, b)] = meetings.get((a, b), 0) + 1
    return meetings


def repeats(plan: Plan) -> int:
    """Pairs sharing a table in more than one round; a pair meeting k times counts k - 1."""
    return sum(k - 1 for k in pair_meetings(plan).values() if k > 1)


def mixing_violations(plan: Plan, participants: list[Participant], columns, rounds=None) -> int:
    """For each mixing column, round and table: people beyond ceil(count / tables) of one value.

    With an organisation of fewer members than tables that is "two colleagues at one table";
    a sector with many members must be spread evenly over the tables.
    """
    by_name = {p.name: p for p in participants}
    total = 0
    for column in columns:
        key = resolve_column(column, participants)
        if key is None:
            continue
        for rnd in rounds or range(1, plan.rounds + 1):
            tables = plan.table_members(rnd)
            values: dict[int, list[str]] = {}
            present: dict[str, int] = {}
            for t, members in tables.items():
                values[t] = []
                for name in members:
                    p = by_name.get(name)
                    text = fold(p.attributes.get(key, "")) if p else ""
                    if text:
                        values[t].append(text)
                        present[text] = present.get(text, 0) + 1
            for found in values.values():
                for text in set(found):
                    cap = -(-present[text] // plan.tables)
                    total += max(0, found.count(text) - cap)
    return total


def _spread_overlap(size: int, groups: int) -> int:
    """Fewest pairs of a table of `size` who sat at one table of an earlier round of `groups`
    tables: the table takes at best an even share from each (pigeonhole, convexity)."""
    q, rem = divmod(size, groups)
    return rem * comb(q + 1, 2) + (groups - rem) * comb(q, 2)


def _per_person(n: int, rounds: int, lo: int, hi: int, n_hi: int) -> int:
    """Each person x meets sum_r (s_r(x) - 1) table-mates over the rounds but has only n - 1
    possible partners, so x takes part in at least that excess of repeated meetings; every
    repeat is counted by both people of the pair. Seats at big tables are shared out as evenly
    as possible (the excess is convex in them), which is the most favourable case."""
    seats_hi = rounds * n_hi * hi if lo < hi else 0
    q, rem = divmod(seats_hi, n)

    def excess(h: int) -> int:
        return max(0, rounds * (lo - 1) + h - (n - 1))

    total = rem * excess(q + 1) + (n - rem) * excess(q)
    return -(-total // 2)


def orthogonal_array_exists(tables: int, rounds: int) -> bool:
    """Whether `rounds - 2` mutually orthogonal Latin squares of order `tables` can exist:
    never more than tables - 1 of them, and no two of order 6 (Tarry, 1900). Other orders
    are treated as possible (true for prime powers; unknown or true for the rest)."""
    if rounds <= 2:
        return True
    return rounds <= tables + 1 and not (tables == 6 and rounds >= 4)


def lower_bound_parts(problem: Problem) -> dict[str, int]:
    """Every valid lower bound on the repeats of the planned rounds, by name.

    - count: each round seats sum C(s, 2) pairs; only C(N, 2) distinct pairs exist, so R
      rounds repeat at least R * sum C(s, 2) - C(N, 2);
    - person: the same count per person (see `_per_person`), which can only be larger;
    - pigeon: for any two rounds, a table of s people spread over the T tables of the other
      round holds at least `_spread_overlap(s, T)` pairs seated together in both, O in all.
      Summing over the C(R, 2) pairs of rounds, sum over pairs of C(k, 2) >= C(R, 2) * O for
      pairs meeting k times; as k - 1 >= (2 / R) * C(k, 2) for 1 <= k <= R, repeats >= (R - 1) * O;
    - pigeon+1: equality above needs every pair to meet 0, 1 or R times and every two rounds
      to overlap in exactly O pairs. With tables of at least T people the people who always
      sit together then form T * T classes, one per (table, table) of any two rounds: an
      orthogonal array OA(R, T), i.e. R - 2 orthogonal Latin squares of order T. Where that
      cannot exist (T = 6 and R >= 4, or R > T + 1), one more repeat is forced;
    - together: a keep-together group of k meets every round, C(k, 2) * (R - 1) repeats.
    Repeats of rounds kept from a previous plan are not included (they cannot change).
    """
    n, tables, rounds = problem.n, problem.tables, problem.block
    lo, hi, n_hi = problem.lo, problem.hi, problem.n_hi
    sizes = [hi] * n_hi + [lo] * (tables - n_hi)
    per_round = sum(comb(s, 2) for s in sizes)
    pigeon = (rounds - 1) * sum(_spread_overlap(s, tables) for s in sizes)
    parts = {
        "count": max(0, rounds * per_round - comb(n, 2)),
        "person": _per_person(n, rounds, lo, hi, n_hi),
        "pigeon": pigeon,
        "together": (rounds - 1) * sum(comb(len(u), 2) for u in problem.units),
    }
    if rounds >= 2 and lo >= tables and not orthogonal_array_exists(tables, rounds):
        parts["pigeon+1"] = pigeon + 1
    return parts


def lower_bound_source(problem: Problem) -> tuple[int, str]:
    """The best lower bound and the name of the part that gives it (see `lower_bound_parts`)."""
    parts = lower_bound_parts(problem)
    best = max(parts.values())
    if best == 0:
        return 0, "trivial"
    return best, next(name for name, value in parts.items() if value == best)


def lower_bound(problem: Problem) -> int:
    """A number of repeats no plan can go below, for the planned rounds."""
    return lower_bound_source(problem)[0]


def meeting_histogram(plan: Plan) -> dict[int, int]:
    """How many pairs share a table in exactly k rounds, for each k >= 1 (whole plan)."""
    out: dict[int, int] = {}
    for k in pair_meetings(plan).values():
        out[k] = out.get(k, 0) + 1
    return dict(sorted(out.items()))


def _sizes(problem: Problem) -> list[int]:
    return [problem.hi] * problem.n_hi + [problem.lo] * (problem.tables - problem.n_hi)


def _even_spread(total: int, slots: int) -> int:
    """Least sum of C(k, 2) over `slots` integers summing to `total` (the even split)."""
    if slots <= 0:
        return 0
    q, rem = divmod(total, slots)
    return rem * comb(q + 1, 2) + (slots - rem) * comb(q, 2)


def spread_bound_parts(problem: Problem) -> dict[str, int]:
    """Lower bounds on the spread (sum over pairs of C(k, 2)) of the planned rounds.

    - pigeon: every two rounds share at least sum_s `_spread_overlap(s, T)` pairs, and the
      spread is exactly the number of (pair, two rounds it shares) — C(R, 2) such overlaps;
    - count: the R * sum C(s, 2) meetings spread as evenly as possible over the C(N, 2) pairs;
    - person: the same per person over their N - 1 partners (seats at big tables shared out
      evenly), each pair counted by both people;
    - together: a keep-together group of k shares every round, C(k, 2) * C(R, 2).
    """
    n, rounds = problem.n, problem.block
    sizes = _sizes(problem)
    meetings = rounds * sum(comb(s, 2) for s in sizes)
    lo, hi, n_hi = problem.lo, problem.hi, problem.n_hi
    seats_hi = rounds * n_hi * hi if lo < hi else 0
    q, rem = divmod(seats_hi, n)
    person = rem * _even_spread(rounds * (lo - 1) + q + 1, n - 1)
    person += (n - rem) * _even_spread(rounds * (lo - 1) + q, n - 1)
    return {
        "pigeon": comb(rounds, 2) * sum(_spread_overlap(s, problem.tables) for s in sizes),
        "count": _even_spread(meetings, comb(n, 2)),
        "person": -(-person // 2),
        "together": comb(rounds, 2) * sum(comb(len(u), 2) for u in problem.units),
    }


def spread_bound(problem: Problem) -> int:
    return max(spread_bound_parts(problem).values())


def most_meetings_bound(problem: Problem, together: bool = True) -> int:
    """No plan can keep every pair below this many shared rounds (planned rounds): the even
    split of all meetings over the pairs, or of a person's meetings over their partners; 2 as
    soon as some repeat is forced; every round for a keep-together group (if `together`)."""
    n, rounds = problem.n, problem.block
    sizes = _sizes(problem)
    meetings = rounds * sum(comb(s, 2) for s in sizes)
    if meetings == 0:
        return 0
    best = max(1, -(-meetings // comb(n, 2)), -(-rounds * (problem.lo - 1) // (n - 1)))
    parts = lower_bound_parts(problem)
    parts.pop("together")
    if max(parts.values()) > 0:
        best = max(best, 2)
    if together and any(len(u) > 1 for u in problem.units):
        best = max(best, rounds)
    return best
