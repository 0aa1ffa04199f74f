"""The baseline: fill one round at a time, each group into the table where it adds fewest
repeats and mixing violations. Also the way every hard constraint is met before the search."""

from __future__ import annotations

import random

from facilitation.seating.problem import Problem
from facilitation.seating.state import State


class Stuck(Exception):
    """No table can take a group without breaking a hard constraint (retry another order)."""


def _fill_round(state: State, r: int, rng: random.Random) -> None:
    problem = state.problem
    tables = problem.tables
    sizes = [0] * tables
    members = state.members[r]
    for group in problem.units:
        t = problem.fixed[group[0]]
        if t >= 0:
            for x in group:
                state.place(r, x, t)
            sizes[t] += len(group)
    order = problem.movable_units()
    rng.shuffle(order)
    # Big groups first: they are the hardest to fit.
    order.sort(key=lambda u: -len(problem.units[u]))
    for u in order:
        group = problem.units[u]
        k = len(group)
        full = sum(1 for s in sizes if s == problem.hi) if problem.lo < problem.hi else 0
        best, best_key = -1, None
        for t in range(tables):
            size = sizes[t] + k
            if size > problem.hi:
                continue
            if problem.lo < problem.hi and size == problem.hi and full >= problem.n_hi:
                continue
            here = members[t]
            if any(problem.apart[x] and any(z in problem.apart[x] for z in here) for x in group):
                continue
            cost = 0
            for x in group:
                meet_x = state.meet[x]
                cost += sum(1 for z in here if meet_x[z])
                for c, values in enumerate(problem.mix):
                    v = values[x]
                    if v >= 0 and state.count[c][r][t][v] >= problem.caps[c][v]:
                        cost += 1
            key = (cost, sizes[t], rng.random())
            if best_key is None or key < best_key:
                best, best_key = t, key
        if best < 0:
            raise Stuck
        for x in group:
            state.place(r, x, best)
        sizes[best] += k


def greedy(problem: Problem, rng: random.Random, attempts: int = 30) -> State:
    for _attempt in range(attempts):
        state = State(problem)
        try:
            for r in range(problem.block):
                _fill_round(state, r, rng)
        except Stuck:
            continue
        return state
    raise Stuck
