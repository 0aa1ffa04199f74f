"""Local search over the whole schedule: simulated annealing on swaps of two people (or two
keep-together groups) between tables of the same round, and on moves of one person from a
larger table to a smaller one, with incremental cost deltas read from the objective's tables
(`objective.inc[k]`, `objective.dec[k]`: the cost change when a pair meeting k times meets
once more or once less).

The budget is a number of moves, so that a seed always gives the same plan; an optional
time limit (read from an injectable clock) stops the search earlier.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from facilitation.seating.objective import Objective
from facilitation.seating.state import State

Candidate = tuple[int, list[int], int, list[int], int]
CLOCK_EVERY = 512  # moves between two readings of the clock


def _below(getrandbits: Callable[[int], int], n: int) -> int:
    """A random integer in [0, n), drawn as `random.Random.randrange(n)` and `choice` draw it
    (the same bits: a seed gives the same plan as before the search was sped up)."""
    k = n.bit_length()
    r = getrandbits(k)
    while r >= n:
        r = getrandbits(k)
    return r


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


class Search:
    def __init__(
        self,
        state: State,
        rng: random.Random,
        lower_bound: int,
        objective: Objective,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.state = state
        self.rng = rng
        self.problem = state.problem
        self.objective = objective
        self.target = lower_bound  # no plan can do better: stop there
        self.clock = clock
        problem = self.problem
        self.movable = [x for u in problem.movable_units() for x in problem.units[u]]
        self.has_apart = any(problem.apart)
        self.singletons = all(len(problem.units[u]) == 1 for u in problem.movable_units())
        self.moves_done = 0

    def score(self) -> int:
        state = self.state
        return self.objective.score(state.pair_meetings(), state.mixing())

    def _apart_breaks(self, group: list[int], dest: list[int], leaving: list[int]) -> bool:
        apart = self.problem.apart
        for x in group:
            if apart[x] and any(z in apart[x] and z not in leaving for z in dest):
                return True
        return False

    def _pair_delta(self, group: list[int], stay: list[int], dest: list[int], skip) -> int:
        """Change in cost when `group` leaves the table `stay` for the table `dest`."""
        meet, inc, dec = self.state.meet, self.objective.inc, self.objective.dec
        d = 0
        for x in group:
            row = meet[x]
            for z in stay:
                if z not in skip:
                    d += dec[row[z]]
            for z in dest:
                if z not in skip:
                    d += inc[row[z]]
        return d

    def _candidate(self, r: int, group: list[int], a: int, y: int) -> Candidate | None:
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
        if self.has_apart and (
            self._apart_breaks(group, members_b, other)
            or self._apart_breaks(other, members_a, group)
        ):
            return None
        if len(group) == 1 and len(other) == 1:
            x, z0 = group[0], other[0]
            rx, ry = state.meet[x], state.meet[z0]
            inc, dec = self.objective.inc, self.objective.dec
            d = 0
            for z in members_a:
                if z != x:
                    d += inc[ry[z]] + dec[rx[z]]
            for z in members_b:
                if z != z0:
                    d += inc[rx[z]] + dec[ry[z]]
        else:
            skip = set(group) | set(other)
            d = self._pair_delta(group, members_a, members_b, skip)
            d += self._pair_delta(other, members_b, members_a, skip)
        if problem.mix:
            d += self.objective.mix_weight * _mix_delta(
                state, r, [(x, a, b) for x in group] + [(x, b, a) for x in other]
            )
        return d, group, a, other, b

    def _apply(self, r: int, group: list[int], a: int, other: list[int], b: int) -> None:
        state = self.state
        for x in group:
            state.remove(r, x)
        for x in other:
            state.remove(r, x)
        for x in group:
            state.place(r, x, b)
        for x in other:
            state.place(r, x, a)

    def run(
        self, iterations: int, tries: int = 4, seconds: float | None = None
    ) -> tuple[list[list[int]], int]:
        """Anneal for at most `iterations` moves (and `seconds` of the clock, if given);
        return the best assignment and its score."""
        state, problem, rng = self.state, self.problem, self.rng
        current = self.score()
        best, best_assign = current, state.snapshot()
        movable = self.movable
        if len(movable) < 2 or current <= self.target or problem.tables < 2 or iterations < 1:
            return best_assign, best
        clock = self.clock
        deadline = start = 0.0
        timed = seconds is not None and clock is not None
        if timed:
            start = clock()  # type: ignore[misc]
            deadline = start + seconds  # type: ignore[operator]
        singletons = self.singletons
        uneven = problem.lo < problem.hi and singletons
        temp0, temp1 = 1.2, 0.08
        log_ratio = math.log(temp1 / temp0)
        # The hot loop works on local names (the state's tables, the objective's, the random
        # generator's bits); every draw is `_below` or `rng.random()`, so that a seed gives
        # the same moves (and the same plans as before the loop was sped up).
        getrandbits, uniform, exp = rng.getrandbits, rng.random, math.exp
        units, unit_of, fixed, apart = problem.units, problem.unit_of, problem.fixed, problem.apart
        has_apart, block, lo, hi = self.has_apart, problem.block, problem.lo, problem.hi
        inc, dec = self.objective.inc, self.objective.dec
        mix_weight, target = self.objective.mix_weight, self.target
        columns = list(zip(problem.mix, problem.caps, strict=True))
        n_movable = len(movable)
        k_movable, k_block = n_movable.bit_length(), block.bit_length()
        assign, members, meet, count = state.assign, state.members, state.meet, state.count
        bad = state.bad
        # Several cooling cycles, each restarting from the best plan so far: a single long
        # schedule tends to freeze one repeat short of the optimum. Progress is the share of
        # the moves done, or of the time spent when that is larger.
        cycles = 4
        cycle = 0
        by_time = 0.0
        step = 0
        for step in range(iterations):
            if timed and step % CLOCK_EVERY == 0:
                now = clock()  # type: ignore[misc]
                if now >= deadline:
                    break
                by_time = (now - start) / seconds  # type: ignore[operator]
            progress = (max(step / iterations, by_time) if timed else step / iterations) * cycles
            if int(progress) > cycle:
                cycle = int(progress)
                if current > best:
                    state = self.state = State.from_assignment(problem, best_assign)
                    assign, members, meet, count = (
                        state.assign,
                        state.members,
                        state.meet,
                        state.count,
                    )
                    bad = state.bad
                    current = best
            temp = temp0 * math.exp(log_ratio * (progress - cycle))
            # The person to move: half the time one of a repeated pair, in a round they share;
            # otherwise someone who is part of a problem, when four draws find one.
            x = -1
            if bad and uniform() < 0.5:
                a_, b_ = bad[_below(getrandbits, len(bad))]
                shared = [r for r in range(block) if assign[r][a_] == assign[r][b_]]
                choices = [p for p in (a_, b_) if fixed[p] < 0]
                if shared and choices:
                    r = shared[_below(getrandbits, len(shared))]
                    x = choices[_below(getrandbits, len(choices))]
            if x < 0:
                r = getrandbits(k_block)
                while r >= block:
                    r = getrandbits(k_block)
                row_r, members_r = assign[r], members[r]
                for _pick in range(4):
                    i = getrandbits(k_movable)
                    while i >= n_movable:
                        i = getrandbits(k_movable)
                    x = movable[i]
                    # Part of a problem: x meets a table-mate again, or is one too many of a
                    # mixing value at the table.
                    t, rx = row_r[x], meet[x]
                    conflicted = False
                    for z in members_r[t]:
                        if rx[z] >= 2:
                            conflicted = True
                            break
                    if columns and not conflicted:
                        for c, (values, caps) in enumerate(columns):
                            v = values[x]
                            if v >= 0 and count[c][r][t][v] > caps[v]:
                                conflicted = True
                                break
                    if conflicted:
                        break
            row_r, members_r = assign[r], members[r]
            a = row_r[x]
            # The best of `tries` moves: x swaps with someone y of another table (or x's
            # keep-together group with y's, see `_candidate`), or x moves alone from a table
            # of the larger size to one of the smaller (table sizes stay balanced). The moves
            # of one or two people are evaluated here, without a call.
            alone = singletons or len(units[unit_of[x]]) == 1
            rx = meet[x]
            members_a = members_r[a]
            apart_x = apart[x] if has_apart else None
            leave = 0  # x's part of the cost change of leaving table a, whoever comes
            for z in members_a:
                leave += dec[rx[z]]
            best_d = 0
            best_y = best_b = -1  # best_y -1: x moves alone
            chosen: Candidate | None = None  # a move of groups, when it is the best
            for _try in range(tries):
                i = getrandbits(k_movable)
                while i >= n_movable:
                    i = getrandbits(k_movable)
                y = movable[i]
                b = row_r[y]
                if b == a:
                    continue
                members_b = members_r[b]
                if uneven and uniform() < 0.25:
                    if len(members_a) != hi or len(members_b) != lo:
                        continue
                    if apart_x and any(z in apart_x for z in members_b):
                        continue
                    d = leave
                    for z in members_b:
                        d += inc[rx[z]]
                    if columns:
                        m = 0
                        for c, (values, caps) in enumerate(columns):
                            v = values[x]
                            if v >= 0:
                                count_r = count[c][r]
                                cap = caps[v]
                                m += (count_r[b][v] >= cap) - (count_r[a][v] > cap)
                        d += mix_weight * m
                    y = -1
                elif alone and (singletons or len(units[unit_of[y]]) == 1):
                    if has_apart:
                        apart_y = apart[y]
                        if apart_x and any(z in apart_x and z != y for z in members_b):
                            continue
                        if apart_y and any(z in apart_y and z != x for z in members_a):
                            continue
                    ry = meet[y]
                    # Sums over whole tables: meet[x][x] = 0 and dec[0] = 0, so x's own term
                    # at table a is inc[meet[x][y]], as is y's at table b.
                    d = leave - 2 * inc[rx[y]]
                    for z in members_a:
                        d += inc[ry[z]]
                    for z in members_b:
                        d += inc[rx[z]] + dec[ry[z]]
                    if columns:
                        m = 0
                        for c, (values, caps) in enumerate(columns):
                            vx, vy = values[x], values[y]
                            if vx == vy:
                                continue  # both move: the counts stay
                            count_r = count[c][r]
                            if vx >= 0:
                                cap = caps[vx]
                                m += (count_r[b][vx] >= cap) - (count_r[a][vx] > cap)
                            if vy >= 0:
                                cap = caps[vy]
                                m += (count_r[a][vy] >= cap) - (count_r[b][vy] > cap)
                        d += mix_weight * m
                else:
                    cand = self._candidate(r, units[unit_of[x]], a, y)
                    if cand is not None and (best_b < 0 or cand[0] < best_d):
                        best_d, best_b, chosen = cand[0], cand[4], cand
                    continue
                if best_b < 0 or d < best_d:
                    best_d, best_y, best_b, chosen = d, y, b, None
            if best_b < 0:
                continue
            d = best_d
            if d <= 0 or (d < 50 * temp and uniform() < exp(-d / temp)):
                if chosen is not None:
                    self._apply(r, *chosen[1:])
                elif best_y >= 0:
                    state.remove(r, x)
                    state.remove(r, best_y)
                    state.place(r, x, best_b)
                    state.place(r, best_y, a)
                else:
                    state.remove(r, x)
                    state.place(r, x, best_b)
                current += d
                if current < best:
                    best, best_assign = current, state.snapshot()
                    if best <= target:
                        break
        self.moves_done = step + 1
        return best_assign, best
