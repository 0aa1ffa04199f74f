"""A schedule under construction, with the counters that make local moves cheap to evaluate.

`assign[r][x]` is the 0-based table of person x in planned round r (-1 while unplaced),
`members[r][t]` the people at table t, `meet[x][y]` how many rounds x and y share a table
(including kept earlier rounds), `count[c][r][t][v]` how many people with value v of mixing
column c sit at table t. Repeats are sum(max(0, meet - 1)) over pairs.
"""

from __future__ import annotations

from facilitation.seating.problem import Problem


class State:
    def __init__(self, problem: Problem):
        self.problem = problem
        n, rounds, tables = problem.n, problem.block, problem.tables
        self.assign = [[-1] * n for _ in range(rounds)]
        self.members: list[list[list[int]]] = [[[] for _ in range(tables)] for _ in range(rounds)]
        self.meet = [row[:] for row in problem.meet0]
        # Pairs who met more than once, for the search to aim at (list + position index so
        # that adding, removing and drawing at random are all O(1)).
        self.bad: list[tuple[int, int]] = []
        self.bad_at: dict[tuple[int, int], int] = {}
        n = problem.n
        for x, row in enumerate(self.meet):
            if max(row, default=0) >= 2:  # only after kept rounds (re-planning)
                for y in range(x + 1, n):
                    if row[y] >= 2:
                        self._flag((x, y))
        self.count = [
            [[[0] * len(caps) for _ in range(tables)] for _ in range(rounds)]
            for caps in problem.caps
        ]

    def place(self, r: int, x: int, t: int) -> None:
        meet = self.meet
        meet_x = meet[x]
        at = self.members[r][t]
        for z in at:
            meet_x[z] += 1
            meet[z][x] += 1
            if meet_x[z] == 2:
                self._flag((x, z) if x < z else (z, x))
        at.append(x)
        self.assign[r][x] = t
        if self.problem.mix:
            for c, values in enumerate(self.problem.mix):
                v = values[x]
                if v >= 0:
                    self.count[c][r][t][v] += 1

    def remove(self, r: int, x: int) -> None:
        t = self.assign[r][x]
        at = self.members[r][t]
        at.remove(x)
        meet = self.meet
        meet_x = meet[x]
        for z in at:
            meet_x[z] -= 1
            meet[z][x] -= 1
            if meet_x[z] == 1:
                self._unflag((x, z) if x < z else (z, x))
        self.assign[r][x] = -1
        if self.problem.mix:
            for c, values in enumerate(self.problem.mix):
                v = values[x]
                if v >= 0:
                    self.count[c][r][t][v] -= 1

    def _flag(self, pair: tuple[int, int]) -> None:
        self.bad_at[pair] = len(self.bad)
        self.bad.append(pair)

    def _unflag(self, pair: tuple[int, int]) -> None:
        at = self.bad_at.pop(pair)
        last = self.bad.pop()
        if last != pair:
            self.bad[at] = last
            self.bad_at[last] = at

    def repeats(self) -> int:
        total = 0
        for x, row in enumerate(self.meet):
            for y in range(x + 1, len(row)):
                if row[y] > 1:
                    total += row[y] - 1
        return total

    def pair_meetings(self) -> list[int]:
        """How many rounds each pair (x < y) shares, kept rounds included."""
        return [k for x, row in enumerate(self.meet) for k in row[x + 1 :]]

    def mixing(self) -> int:
        total = 0
        for c, caps in enumerate(self.problem.caps):
            for by_table in self.count[c]:
                for counts in by_table:
                    for v, k in enumerate(counts):
                        if k > caps[v]:
                            total += k - caps[v]
        return total

    def snapshot(self) -> list[list[int]]:
        return [row[:] for row in self.assign]

    @classmethod
    def from_assignment(cls, problem: Problem, assign: list[list[int]]) -> State:
        state = cls(problem)
        for r, row in enumerate(assign):
            for x, t in enumerate(row):
                state.place(r, x, t)
        return state


def feasible(problem: Problem, assign: list[list[int]]) -> bool:
    """Hard constraints: table sizes balanced, fixed seats, keep-together, keep-apart."""
    for row in assign:
        sizes = [0] * problem.tables
        for t in row:
            if not 0 <= t < problem.tables:
                return False
            sizes[t] += 1
        if any(s < problem.lo or s > problem.hi for s in sizes):
            return False
        for x, t in enumerate(row):
            if problem.fixed[x] >= 0 and problem.fixed[x] != t:
                return False
            if any(row[y] == t for y in problem.apart[x]):
                return False
        for members in problem.units:
            if len({row[x] for x in members}) > 1:
                return False
    return True
