"""How good a plan is (repeated pairs, mixing violations) and how good any plan could be."""

from __future__ import annotations

from math import comb

from facilitation.seating.model import Participant, Plan
from facilitation.seating.problem import Problem, resolve_column


def repeats(plan: Plan) -> int:
    """Pairs sharing a table in more than one round; a pair meeting k times counts k - 1."""
    meetings: dict[tuple[str, str], int] = {}
    for rnd in range(1, plan.rounds + 1):
        for members in plan.table_members(rnd).values():
            ordered = sorted(members)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    meetings[(a, b)] = meetings.get((a, b), 0) + 1
    return sum(k - 1 for k in meetings.values() if k > 1)


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
                    text = p.attributes.get(key, "").strip().casefold() if p else ""
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


def lower_bound(problem: Problem) -> int:
    """A number of repeats no plan can go below, for the planned rounds.

    - counting: each round seats sum C(s, 2) pairs; only C(N, 2) distinct pairs exist, so R
      rounds repeat at least R * sum C(s, 2) - C(N, 2);
    - pigeonhole: each later round, a table of s people drawn from the T tables of the first
      planned round holds at least `_spread_overlap(s, T)` pairs who already met;
    - keep-together: a group of k meets every round, C(k, 2) * (R - 1) repeats.
    Each is a valid bound; the largest is returned. Repeats of rounds kept from a previous plan
    are not included (they cannot change).
    """
    n, tables, rounds = problem.n, problem.tables, problem.block
    sizes = [problem.hi] * problem.n_hi + [problem.lo] * (tables - problem.n_hi)
    per_round = sum(comb(s, 2) for s in sizes)
    counting = max(0, rounds * per_round - comb(n, 2))
    pigeonhole = (rounds - 1) * sum(_spread_overlap(s, tables) for s in sizes)
    together = (rounds - 1) * sum(comb(len(u), 2) for u in problem.units)
    return max(counting, pigeonhole, together)
