"""Algebraic schedules with no avoidable repeat, from the affine plane over GF(q).

Points are pairs (i, j) of field elements; in the round of slope s a point sits at table
j + s*i (and at table i in the extra "vertical" round). Two points share a table in at most one
round, because two distinct lines of an affine plane meet in at most one point.

- `transversal`: q = T tables (a prime power) of at most q seats: people are the points of the
  first `hi` rows. Row 0 never moves (j + s*0 = j), which is where table hosts and people with
  a fixed table go. Zero repeats for up to q rounds (q + 1 when tables are full and nobody is
  fixed: the affine plane itself, g = p).
- `blown_up`: q = T tables of more than q seats: each point holds several people, who then
  always sit together; nobody else ever meets twice. This reaches the pigeonhole bound.

People of one organisation are laid out along a line that is never used as a round, so they
never share a table.
"""

from __future__ import annotations

from facilitation.seating.gf import Field, prime_power
from facilitation.seating.problem import Problem


def _order(problem: Problem, people: list[int]) -> list[int]:
    """Free people sorted by their mixing values, so that colleagues end up on one line."""
    return sorted(people, key=lambda x: tuple(values[x] for values in problem.mix))


def transversal(problem: Problem) -> list[list[int]] | None:
    q, hi, n, rounds = problem.tables, problem.hi, problem.n, problem.block
    if prime_power(q) is None or hi > q or any(len(u) > 1 for u in problem.units):
        return None
    fixed_tables = [t for t in problem.fixed if t >= 0]
    if len(set(fixed_tables)) != len(fixed_tables):
        return None  # two people fixed at one table: only one point per table never moves
    empties = hi * q - n
    vertical = rounds == q + 1 and hi == q and not fixed_tables and empties <= 1
    if rounds > q and not vertical:
        return None
    field = Field(q)
    point: list[tuple[int, int] | None] = [None] * n
    row0 = set()
    for x, t in enumerate(problem.fixed):
        if t >= 0:
            point[x] = (0, t)
            row0.add(t)
    slots = [(i, j) for i in range(1, hi) for j in range(q)]
    if empties:
        slots = slots[: len(slots) - empties]  # the gaps are in one row: tables of hi or hi-1
    slots += [(0, j) for j in range(q) if j not in row0]
    free = _order(problem, [x for x in range(n) if point[x] is None])
    if len(free) != len(slots):
        return None
    for x, slot in zip(free, slots, strict=True):
        point[x] = slot
    placed = [p for p in point if p is not None]  # everyone, now
    assign = []
    for r in range(rounds):
        if r == q:
            assign.append([i for i, _j in placed])  # the vertical parallel class
        else:
            assign.append([field.add(j, field.mul(r, i)) for i, j in placed])
    return assign


def blown_up(problem: Problem) -> list[list[int]] | None:
    q, hi, n, rounds = problem.tables, problem.hi, problem.n, problem.block
    if prime_power(q) is None or hi <= q or any(len(u) > 1 for u in problem.units):
        return None
    if any(t >= 0 for t in problem.fixed):
        return None  # no cell stays at one table in every round
    layers, extra = divmod(n, q * q)
    # The vertical class is spare (never a round) unless every cell holds as many people.
    if rounds > q + (0 if extra else 1) or layers == 0:
        return None
    field = Field(q)
    cells = [(x, y) for x in range(q) for y in range(q)]  # along vertical lines
    slots = cells * layers + cells[:extra]
    people = _order(problem, list(range(n)))
    point: list[tuple[int, int]] = [(0, 0)] * n
    for person, cell in zip(people, slots, strict=True):
        point[person] = cell
    assign = []
    for r in range(rounds):
        if r == q:
            assign.append([x for x, _y in point])
        else:
            # The line y = r*x + b of slope r: table b = y - r*x.
            assign.append([field.add(y, field.neg(field.mul(r, x))) for x, y in point])
    return assign


def construct(problem: Problem) -> list[list[int]] | None:
    return transversal(problem) or blown_up(problem)
