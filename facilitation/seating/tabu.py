"""Tabu search on whole rounds with numpy (optional: `pip install facilitation[fast]`).

Each step takes one round and evaluates at once every swap of two people sitting at different
tables there, for everyone who has a repeated table-mate in that round: with the matrix
`inc[meet]` (cost change if a pair meets once more) and `dec[meet]` (once less), and T the
people x tables membership of the round, Si = inc[meet] @ T and Sd = dec[meet] @ T give

    delta(x, y) = Sd[x, a] + Sd[y, b] + Si[y, a] + Si[x, b] - 2 inc[meet[x, y]]

for x at table a and y at table b. The best swap not forbidden is made, even when it costs;
a person may not go back to the table they left in that round for a few steps (unless that
gives the best plan so far). It is used for the `distinct` objective on plans without mixing,
keep-apart or keep-together constraints, whose plateaus defeat the annealing; people with a
fixed table never move. The budget is a number of steps (same seed, same plan), with an
optional time limit.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from facilitation.seating.objective import Objective
from facilitation.seating.problem import Problem

TENURE = 15  # steps a move back is forbidden: TENURE + a random 0..TENURE
STALL = 4000  # steps without a new best before going back to the best plan, shaken
SHAKE = 6  # random swaps of that restart
CANDIDATES = 8  # best swaps looked at in turn until one is allowed
BARRED = 1e12  # added to the delta of a swap that is not possible


def available() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


def suitable(problem: Problem, objective: Objective) -> bool:
    return (
        objective.name == "distinct"
        and not problem.mix
        and not any(problem.apart)
        and all(len(u) == 1 for u in problem.units)
        and problem.tables >= 2
        and available()
    )


def _meetings(np: Any, problem: Problem, assign: Any) -> Any:
    meet = np.array(problem.meet0, dtype=np.int64)
    for row in assign:
        meet += row[:, None] == row[None, :]
    np.fill_diagonal(meet, 0)
    return meet


def tabu_search(
    problem: Problem,
    assign: list[list[int]],
    objective: Objective,
    seed: int,
    steps: int,
    target: int,
    clock: Callable[[], float] | None = None,
    seconds: float | None = None,
) -> tuple[list[list[int]], int, int]:
    """Improve `assign`; returns the best assignment, its cost and the steps made."""
    import numpy as np

    rng = random.Random(seed)
    noise_rng = np.random.default_rng(seed)
    n, rounds, tables = problem.n, problem.block, problem.tables
    plan = np.array(assign, dtype=np.int64)
    meet = _meetings(np, problem, plan)
    cost = np.array(objective.cost, dtype=np.int64)
    inc = np.array(objective.inc, dtype=np.float64)
    dec = np.array(objective.dec, dtype=np.float64)
    inc_m, dec_m = inc[meet], dec[meet]
    current = int(np.triu(cost[meet], 1).sum())
    best, best_plan = current, plan.copy()
    fixed = np.array([t >= 0 for t in problem.fixed])
    moving, any_fixed = ~fixed, bool(fixed.any())
    tabu = np.zeros((rounds, n, tables), dtype=np.int64)
    eye = np.eye(tables)
    noise = noise_rng.random((16, n, n)) * 0.5 + np.where(fixed, BARRED, 0.0)[None, None, :]
    everyone = np.arange(n)
    deadline = None
    if clock is not None and seconds is not None:
        deadline = clock() + seconds
    tenure = max(1, min(TENURE, n // 4))  # small plans have few moves: keep most allowed
    last_best = step = 0
    while step < steps and best > target:
        step += 1
        if deadline is not None and step % 64 == 0 and clock() >= deadline:  # type: ignore[misc]
            break
        if step - last_best > STALL:
            plan, meet = _restart(np, problem, best_plan, fixed, rng)
            inc_m, dec_m = inc[meet], dec[meet]
            current = int(np.triu(cost[meet], 1).sum())
            last_best = step
        r = rng.randrange(rounds)
        a = plan[r]
        member = eye[a]
        s_inc = inc_m @ member
        s_dec = dec_m @ member
        own = s_dec[everyone, a]
        rows = np.flatnonzero((own < 0) & moving if any_fixed else own < 0)
        if not len(rows):
            continue  # nobody gains by leaving their table in this round
        # (sums of whole numbers below 2**53: exact in any order)
        join = s_inc[:, a]  # join[x, y]: x joins y's table
        delta = join[rows]
        delta += join[:, rows].T  # y joins x's table
        delta += own[rows, None]
        delta += own
        delta -= 2.0 * inc_m[rows]
        # noise breaks ties at random; people with a fixed table and table-mates are barred
        scored = np.dot(member[rows] * BARRED, member.T)
        scored += delta
        scored += noise[step & 15][: len(rows)]
        chosen = None
        for _look in range(CANDIDATES):
            k = int(scored.argmin())
            i, y = divmod(k, n)
            if scored[i, y] >= BARRED / 2:
                break
            x = int(rows[i])
            if (tabu[r, x, a[y]] > step or tabu[r, y, a[x]] > step) and (
                current + delta[i, y] >= best
            ):
                scored[i, y] = BARRED  # a move back, and no new best: forbidden for now
                continue
            chosen = i, y
            break
        if chosen is None:
            continue
        i, y = chosen
        x = int(rows[i])
        d = int(delta[i, y])
        ax, ay = int(a[x]), int(a[y])
        _swap(np, plan, meet, inc_m, dec_m, inc, dec, r, x, y)
        tabu[r, x, ax] = step + tenure + rng.randrange(tenure + 1)
        tabu[r, y, ay] = step + tenure + rng.randrange(tenure + 1)
        current += d
        if current < best:
            best, best_plan, last_best = current, plan.copy(), step
    return best_plan.tolist(), best, step


def _swap(
    np: Any,
    plan: Any,
    meet: Any,
    inc_m: Any,
    dec_m: Any,
    inc: Any,
    dec: Any,
    r: int,
    x: int,
    y: int,
) -> None:
    """x and y trade tables in round r; the meetings and their cost changes follow."""
    a = plan[r]
    change = (a == a[y]).astype(np.int64) - (a == a[x])
    change[x] = change[y] = 0
    for person, sign in ((x, 1), (y, -1)):
        row = meet[person]
        row += sign * change
        meet[:, person] = row
        inc_m[person] = inc_m[:, person] = inc[row]
        dec_m[person] = dec_m[:, person] = dec[row]
    plan[r, x], plan[r, y] = a[y], a[x]


def _restart(
    np: Any, problem: Problem, best_plan: Any, fixed: Any, rng: random.Random
) -> tuple[Any, Any]:
    """The best plan so far with a few random swaps, to leave a basin the search circles in."""
    plan = best_plan.copy()
    movable = [x for x in range(problem.n) if not fixed[x]]
    for _ in range(SHAKE):
        r = rng.randrange(problem.block)
        x, y = rng.sample(movable, 2)
        if plan[r, x] != plan[r, y]:
            plan[r, x], plan[r, y] = plan[r, y], plan[r, x]
    return plan, _meetings(np, problem, plan)
