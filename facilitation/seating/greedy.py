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
    lo, hi, n_hi, apart, mix = problem.lo, problem.hi, problem.n_hi, problem.apart, problem.mix
    has_apart = any(apart)
    columns = [
        (values, caps, by_round[r])
        for values, caps, by_round in zip(mix, problem.caps, state.count, strict=True)
    ]
    meet, uniform = state.meet, rng.random
    for u in order:
        group = problem.units[u]
        k = len(group)
        full = sum(1 for s in sizes if s == hi) if lo < hi else 0
        best, best_key = -1, None
        for t in range(tables):
            size = sizes[t] + k
            if size > hi:
                continue
            if lo < hi and size == hi and full >= n_hi:
                continue
            here = members[t]
            if has_apart and any(apart[x] and any(z in apart[x] for z in here) for x in group):
                continue
            cost = 0
            for x in group:
                meet_x = meet[x]
                for z in here:
                    if meet_x[z]:
                        cost += 1
                for values, caps, count in columns:
                    v = values[x]
                    if v >= 0 and count[t][v] >= caps[v]:
                        cost += 1
            key = (cost, sizes[t], uniform())
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
