"""Blown-up grid schedules: people are grouped into T * T cells that always sit together, and
the cells follow a schedule of T tables in which two cells share a table at most once (or as
rarely as possible). This is the structure that reaches the pigeonhole bound when tables hold
more than T people; it also gives 6 tables (no affine plane of order 6) a good start.

Cell c = T * i + j is the point (i, j) of the grid. Designs:
- T a prime power: the affine plane (table j + s*i in the round of slope s, table i in the
  vertical round): no two cells ever meet twice;
- T = 6: schedules found once by a long local search (grid6.py): no two orthogonal Latin
  squares of order 6 exist, so from 4 rounds on a few pairs of cells meet twice.
When people have a fixed table (table hosts), the design keeps row 0 at table j in every round
(cell j holds the host of table j) and has no vertical round.

The construction then chooses which cells hold one person more (balanced tables in every round,
few people in the cells that meet twice), places people in cells (the people of a mixing value
spread over cells that never meet, where the plan allows) and finally mends table sizes.
"""

from __future__ import annotations

import math
import random

from facilitation.seating.gf import Field, prime_power
from facilitation.seating.grid6 import DESIGNS
from facilitation.seating.problem import Problem

# Moves of the local searches of this construction (per cell, per person): a few milliseconds.
WEIGHT_MOVES_PER_CELL = 120
MIX_MOVES_PER_PERSON = 40


def cell_design(tables: int, rounds: int, fixed_row: bool) -> list[list[int]] | None:
    """Table of each cell in each round, or None when no design is known."""
    q = tables
    if prime_power(q) is not None:
        if rounds > q + (0 if fixed_row else 1):
            return None
        field = Field(q)
        cells = [(i, j) for i in range(q) for j in range(q)]
        if fixed_row:
            slopes: list[int | None] = list(range(rounds))  # slope 0 is "table j": the columns
        else:
            slopes = [None, 0] + list(range(1, q))  # rows, columns, then the other slopes
            slopes = slopes[:rounds]
        return [
            [i if s is None else field.add(j, field.mul(s, i)) for i, j in cells] for s in slopes
        ]
    if q != 6:
        return None
    for size in range(rounds, 8):
        rows = DESIGNS.get((size, fixed_row))
        if rows is not None:
            return [[int(ch) for ch in row] for row in rows[:rounds]]
    return None


def _meetings(design: list[list[int]], cells: int) -> list[list[int]]:
    meet = [[0] * cells for _ in range(cells)]
    for row in design:
        at: dict[int, list[int]] = {}
        for c, t in enumerate(row):
            at.setdefault(t, []).append(c)
        for together in at.values():
            for a in together:
                line = meet[a]
                for b in together:
                    line[b] += 1
                line[a] -= 1
    return meet


def _choose_heavier(problem: Problem, design, meet, base: int, extra: int, forced, rng):
    """Which `extra` cells hold base + 1 people: table sizes balanced in every round (a penalty
    otherwise), and as few repeats as possible among cells that meet more than once."""
    tables, cells = problem.tables, len(meet)
    twice = [
        [(b, k - 1) for b, k in enumerate(row) if k >= 2] if max(row, default=0) >= 2 else []
        for row in meet
    ]
    lo, hi = problem.lo, problem.hi
    heavy = [False] * cells
    order = sorted(range(cells), key=lambda c: (not forced[c], len(twice[c]), rng.random()))
    for c in order[:extra]:
        heavy[c] = True
    sizes = [[0] * tables for _ in design]
    for r, row in enumerate(design):
        for c in range(cells):
            sizes[r][row[c]] += base + heavy[c]

    rounds = list(zip(design, sizes, strict=True))  # each round's tables and their sizes
    moves = WEIGHT_MOVES_PER_CELL * cells
    temp = 2.0
    cool = (0.05 / temp) ** (1.0 / max(moves, 1))
    # Draws as rng.randrange(cells) makes them, from the same bits.
    getrandbits, k_cells = rng.getrandbits, cells.bit_length()
    for _step in range(moves):
        temp *= cool
        a = getrandbits(k_cells)
        while a >= cells:
            a = getrandbits(k_cells)
        b = getrandbits(k_cells)
        while b >= cells:
            b = getrandbits(k_cells)
        if not heavy[a] or heavy[b] or forced[a]:
            continue
        # The cost change when cell a loses its extra person and cell b gains one. The
        # penalty of a table of s people is max(0, s - hi) + max(0, lo - s): it changes by
        # (s <= lo) - (s > hi) when the table loses a person, by (s >= hi) - (s < lo) when
        # it gains one.
        d = pen = 0
        for z, k in twice[a]:
            if z != b:
                d -= k * (base + heavy[z])
        for z, k in twice[b]:
            if z != a:
                d += k * (base + heavy[z])
        for row, by_table in rounds:
            ta, tb = row[a], row[b]
            if ta != tb:
                sa, sb = by_table[ta], by_table[tb]
                pen += (sa <= lo) - (sa > hi) + (sb >= hi) - (sb < lo)
        d += 1000 * pen
        if d <= 0 or rng.random() < math.exp(-d / temp):
            heavy[a], heavy[b] = False, True
            for r, row in enumerate(design):
                sizes[r][row[a]] -= 1
                sizes[r][row[b]] += 1
    return heavy


def _spread_values(problem: Problem, design, cell_of: list[int], movers: list[int], rng) -> None:
    """Swap people between cells (which keeps every repeat as it is) to lower the mixing
    violations: hill climbing on random swaps."""
    if not problem.mix or len(movers) < 2:
        return
    rounds, tables = len(design), problem.tables
    counts = [
        [[[0] * len(caps) for _ in range(tables)] for _ in range(rounds)] for caps in problem.caps
    ]
    for x, c in enumerate(cell_of):
        for k, values in enumerate(problem.mix):
            if values[x] >= 0:
                for r in range(rounds):
                    counts[k][r][design[r][c]][values[x]] += 1

    def delta(x: int, y: int) -> int:
        cx, cy = cell_of[x], cell_of[y]
        d = 0
        for k, values in enumerate(problem.mix):
            vx, vy = values[x], values[y]
            if vx == vy:
                continue
            caps = problem.caps[k]
            for r in range(rounds):
                tx, ty = design[r][cx], design[r][cy]
                if tx == ty:
                    continue
                by = counts[k][r]
                if vx >= 0:
                    d -= by[tx][vx] > caps[vx]
                    d += by[ty][vx] >= caps[vx]
                if vy >= 0:
                    d -= by[ty][vy] > caps[vy]
                    d += by[tx][vy] >= caps[vy]
        return d

    def move(x: int, old: int, new: int) -> None:
        for k, values in enumerate(problem.mix):
            if values[x] >= 0:
                for r in range(rounds):
                    counts[k][r][design[r][old]][values[x]] -= 1
                    counts[k][r][design[r][new]][values[x]] += 1

    for _step in range(MIX_MOVES_PER_PERSON * len(movers)):
        x, y = rng.choice(movers), rng.choice(movers)
        cx, cy = cell_of[x], cell_of[y]
        if cx == cy or delta(x, y) > 0:
            continue
        move(x, cx, cy)
        move(y, cy, cx)
        cell_of[x], cell_of[y] = cy, cx


def _mend_sizes(problem: Problem, assign: list[list[int]]) -> None:
    """Move people from tables over their size to tables under it, choosing each time the
    person who adds the fewest meetings (weights of the cell structure are not always exact)."""
    n, tables = problem.n, problem.tables
    meet = [[0] * n for _ in range(n)]
    for row in assign:
        at: list[list[int]] = [[] for _ in range(tables)]
        for x, t in enumerate(row):
            at[t].append(x)
        for members in at:
            for a in members:
                for b in members:
                    if a != b:
                        meet[a][b] += 1
    for row in assign:
        while True:
            at = [[] for _ in range(tables)]
            for x, t in enumerate(row):
                at[t].append(x)
            sizes = [len(m) for m in at]
            full = sorted(range(tables), key=lambda t: -sizes[t])
            big, small = full[0], full[-1]
            n_hi = sum(1 for s in sizes if s == problem.hi)
            over = sizes[big] > problem.hi or (problem.lo < problem.hi and n_hi > problem.n_hi)
            if not over and sizes[small] >= problem.lo:
                break
            best, best_key = -1, None
            for x in at[big]:
                if problem.fixed[x] >= 0:
                    continue
                gain = sum(1 for z in at[small] if meet[x][z]) - sum(
                    1 for z in at[big] if z != x and meet[x][z] >= 2
                )
                if best_key is None or gain < best_key:
                    best, best_key = x, gain
            if best < 0:
                return
            for z in at[big]:
                if z != best:
                    meet[best][z] -= 1
                    meet[z][best] -= 1
            for z in at[small]:
                meet[best][z] += 1
                meet[z][best] += 1
            row[best] = small


def grid_blow_up(problem: Problem, rng: random.Random) -> list[list[int]] | None:
    tables, n, rounds = problem.tables, problem.n, problem.block
    if any(len(u) > 1 for u in problem.units) or tables < 2:
        return None
    fixed_at = [0] * tables
    for t in problem.fixed:
        if t >= 0:
            fixed_at[t] += 1
    fixed_row = any(fixed_at)
    design = cell_design(tables, rounds, fixed_row)
    if design is None:
        return None
    cells = tables * tables
    base, extra = divmod(n, cells)
    if max(fixed_at) > base + 1 or (fixed_row and sum(1 for f in fixed_at if f > base) > extra):
        return None
    forced = [c < tables and fixed_at[c] > base for c in range(cells)]
    meet = _meetings(design, cells)
    heavy = _choose_heavier(problem, design, meet, base, extra, forced, rng)
    room = [base + heavy[c] for c in range(cells)]
    cell_of = [-1] * n
    for x, t in enumerate(problem.fixed):
        if t >= 0:
            cell_of[x] = t  # row 0: cell t is at table t in every round
            room[t] -= 1
    movers = [x for x in range(n) if cell_of[x] < 0]
    # Colleagues one after the other along the diagonals, so that they start in different rows
    # and columns; the swaps of `_spread_values` do the rest.
    ordered = sorted(movers, key=lambda x: tuple(values[x] for values in problem.mix))
    diagonals = [(k % tables) * tables + (k // tables + k) % tables for k in range(cells)]
    slots = [c for c in diagonals for _ in range(max(room[c], 0))]
    if len(slots) != len(ordered):
        return None
    for x, c in zip(ordered, slots, strict=True):
        cell_of[x] = c
    _spread_values(problem, design, cell_of, movers, rng)
    assign = [[row[cell_of[x]] for x in range(n)] for row in design]
    _mend_sizes(problem, assign)
    return assign
