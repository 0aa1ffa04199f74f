"""Local search over the whole schedule: simulated annealing on swaps of two people (or two
keep-together groups) between tables of the same round, with incremental cost deltas.

The budget is a number of moves, not seconds, so that a seed always gives the same plan.
"""

from __future__ import annotations

import math
import random

from facilitation.seating.model import MIX_WEIGHT
from facilitation.seating.state import State


def _mix_delta(state: State, r: int, moves: list[tuple[int, int, int]]) -> int:
    """Change in mixing violations when each (person, from, to) of `moves` happens."""
    problem = state.problem
    d = 0
    for c, values in enumerate(problem.mix):
        caps = problem.caps[c]
        count = state.count[c][r]
        touched: dict[tuple[int, int], int] = {}
        for x, a, b in moves:
            v = values[x]
            if v < 0:
                continue
            ka = touched.get((a, v), count[a][v])
            if ka > caps[v]:
                d -= 1
            touched[(a, v)] = ka - 1
            kb = touched.get((b, v), count[b][v])
            if kb >= caps[v]:
                d += 1
            touched[(b, v)] = kb + 1
    return d


def _pair_delta(state: State, group: list[int], stay: list[int], dest: list[int], skip) -> int:
    """Change in repeats when `group` leaves the table `stay` for the table `dest`."""
    meet = state.meet
    d = 0
    for x in group:
        row = meet[x]
        for z in stay:
            if row[z] >= 2 and z not in skip:
                d -= 1
        for z in dest:
            if row[z] >= 1 and z not in skip:
                d += 1
    return d


class Search:
    def __init__(self, state: State, rng: random.Random, lower_bound: int):
        self.state = state
        self.rng = rng
        self.problem = state.problem
        self.target = lower_bound  # no plan can do better: stop there
        self.movable = [x for u in self.problem.movable_units() for x in self.problem.units[u]]
        self.has_apart = any(self.problem.apart)
        self.singletons = all(len(self.problem.units[u]) == 1 for u in self.problem.movable_units())

    def _conflicted(self, r: int, x: int) -> bool:
        state = self.state
        t = state.assign[r][x]
        row = state.meet[x]
        if any(row[z] >= 2 for z in state.members[r][t]):
            return True
        for c, values in enumerate(self.problem.mix):
            v = values[x]
            if v >= 0 and state.count[c][r][t][v] > self.problem.caps[c][v]:
                return True
        return False

    def _candidate(self, r: int, group: list[int], a: int, y: int):
        """The swap of `group` (at table a) with y's group or with singletons around y, as
        (delta, group, a, other, b), or None if it breaks a hard constraint."""
        problem, state = self.problem, self.state
        b = state.assign[r][y]
        other = problem.units[problem.unit_of[y]]
        if len(other) != len(group) and not self.singletons:
            size_a = len(state.members[r][a]) - len(group) + len(other)
            size_b = len(state.members[r][b]) - len(other) + len(group)
            if not (problem.lo <= size_a <= problem.hi and problem.lo <= size_b <= problem.hi):
                if len(other) != 1:
                    return None
                # Trade a group for as many people of the other table who move alone.
                pool = [
                    z
                    for z in state.members[r][b]
                    if problem.fixed[z] < 0 and len(problem.units[problem.unit_of[z]]) == 1
                ]
                if len(pool) < len(group):
                    return None
                other = self.rng.sample(pool, len(group))
        members_a, members_b = state.members[r][a], state.members[r][b]
        if self.has_apart:
            for x in group:
                if problem.apart[x] and any(
                    z in problem.apart[x] and z not in other for z in members_b
                ):
                    return None
            for x in other:
                if problem.apart[x] and any(
                    z in problem.apart[x] and z not in group for z in members_a
                ):
                    return None
        if len(group) == 1 and len(other) == 1:
            x, z0 = group[0], other[0]
            rx, ry = state.meet[x], state.meet[z0]
            d = 0
            for z in members_a:
                if z != x:
                    d += (ry[z] >= 1) - (rx[z] >= 2)
            for z in members_b:
                if z != z0:
                    d += (rx[z] >= 1) - (ry[z] >= 2)
        else:
            skip = set(group) | set(other)
            d = _pair_delta(state, group, members_a, members_b, skip)
            d += _pair_delta(state, other, members_b, members_a, skip)
        if problem.mix:
            d += MIX_WEIGHT * _mix_delta(
                state, r, [(x, a, b) for x in group] + [(x, b, a) for x in other]
            )
        return d, group, a, other, b

    def _apply(self, r: int, group, a: int, other, b: int) -> None:
        state = self.state
        for x in group:
            state.remove(r, x)
        for x in other:
            state.remove(r, x)
        for x in group:
            state.place(r, x, b)
        for x in other:
            state.place(r, x, a)

    def run(self, iterations: int, tries: int = 4) -> tuple[list[list[int]], int]:
        """Anneal for at most `iterations` moves; return the best assignment and its score."""
        state, problem, rng = self.state, self.problem, self.rng
        current = state.repeats() + MIX_WEIGHT * state.mixing()
        best, best_assign = current, state.snapshot()
        movable, rounds = self.movable, problem.block
        if len(movable) < 2 or current <= self.target or problem.tables < 2:
            return best_assign, best
        temp0, temp1 = 1.2, 0.08
        # Several cooling cycles, each restarting from the best plan so far: a single long
        # schedule tends to freeze one repeat short of the optimum.
        cycles = 4
        per_cycle = max(iterations // cycles, 1)
        cool = (temp1 / temp0) ** (1.0 / per_cycle)
        temp = temp0
        for step in range(iterations):
            if step and step % per_cycle == 0:
                temp = temp0
                if current > best:
                    state = self.state = State.from_assignment(problem, best_assign)
                    current = best
            temp *= cool
            x = -1
            if state.bad and rng.random() < 0.5:
                # Aim at a repeated pair: move one of the two out of a round they share.
                a_, b_ = state.bad[rng.randrange(len(state.bad))]
                shared = [r for r in range(rounds) if state.assign[r][a_] == state.assign[r][b_]]
                choices = [p for p in (a_, b_) if problem.fixed[p] < 0]
                if shared and choices:
                    r = rng.choice(shared)
                    x = rng.choice(choices)
            if x < 0:
                r = rng.randrange(rounds)
                # Prefer moving someone who is part of a problem: most people are fine.
                for _pick in range(4):
                    x = rng.choice(movable)
                    if self._conflicted(r, x):
                        break
            group = problem.units[problem.unit_of[x]]
            a = state.assign[r][x]
            chosen = None
            for _try in range(tries):
                y = rng.choice(movable)
                if state.assign[r][y] == a:
                    continue
                cand = self._candidate(r, group, a, y)
                if cand is not None and (chosen is None or cand[0] < chosen[0]):
                    chosen = cand
            if chosen is None:
                continue
            d = chosen[0]
            if d <= 0 or rng.random() < math.exp(-d / temp):
                self._apply(r, *chosen[1:])
                current += d
                if current < best:
                    best, best_assign = current, state.snapshot()
                    if best <= self.target:
                        break
        return best_assign, best
