"""make_plan: the pure entry point (participants + options in, plan + quality out)."""

from __future__ import annotations

import random
import time

from facilitation.errors import UserError
from facilitation.i18n import _
from facilitation.seating.cells import grid_blow_up
from facilitation.seating.constructions import construct
from facilitation.seating.greedy import Stuck, greedy
from facilitation.seating.model import MIX_WEIGHT, Options, Participant, Plan, PlanResult, Quality
from facilitation.seating.problem import Problem, build_problem
from facilitation.seating.quality import lower_bound_source, repeats
from facilitation.seating.search import Search
from facilitation.seating.state import State, feasible

# Moves of the local search per person and planned round, at effort 1.0: about 1 s for
# 100 people and 3 s for 200 on one core in the worst case; most instances stop earlier, as
# soon as the lower bound is reached.
MOVES_PER_SEAT = 110
MAX_MOVES = 90_000
MIN_MOVES = 40_000


def _budget(problem: Problem, effort: float) -> int:
    # A move costs about one step per person at the two tables involved.
    per_move = max(1.0, problem.hi / 8)
    moves = max(MIN_MOVES, MOVES_PER_SEAT * problem.n * problem.block)
    return int(effort * min(MAX_MOVES / per_move, moves))


def _score(state: State) -> int:
    return state.repeats() + MIX_WEIGHT * state.mixing()


def _kept_plan(problem: Problem, options: Options) -> Plan:
    plan = Plan(rounds=problem.rounds, tables=problem.tables)
    if problem.first and options.previous is not None:
        for name, by_round in options.previous.seats.items():
            kept = {r: t for r, t in by_round.items() if r <= problem.first}
            if kept:
                plan.seats[name] = kept
    return plan


def _to_plan(problem: Problem, kept: Plan, assign: list[list[int]]) -> Plan:
    plan = Plan(rounds=problem.rounds, tables=problem.tables)
    plan.seats = {name: dict(by_round) for name, by_round in kept.seats.items()}
    for x, name in enumerate(problem.names):
        seats = plan.seats.setdefault(name, {})
        for r, row in enumerate(assign):
            seats[problem.first + r + 1] = row[x] + 1
    return plan


def make_plan(participants: list[Participant], options: Options) -> PlanResult:
    started = time.perf_counter()
    problem = build_problem(participants, options)
    rng = random.Random(options.seed)
    kept = _kept_plan(problem, options)
    # Repeats already made in kept rounds: among people still here (counted by State) and
    # with people who left (only in the full plan); neither can change.
    kept_all = repeats(kept)
    kept_here = State(problem).repeats()
    bound, bound_source = lower_bound_source(problem)
    try:
        base = greedy(problem, rng)
    except Stuck:
        raise UserError(
            _(
                "cannot seat everyone without breaking a keep-apart or keep-together "
                "constraint: loosen the constraints or add tables"
            ),
            path=options.source,
        ) from None
    greedy_quality = Quality(base.repeats() - kept_here + kept_all, base.mixing())
    start, method = base, "greedy"
    for built in (construct(problem), grid_blow_up(problem, rng)):
        if built is not None and feasible(problem, built):
            candidate = State.from_assignment(problem, built)
            if _score(candidate) < _score(start) or (
                method == "greedy" and _score(candidate) == _score(start)
            ):
                start, method = candidate, "construction"
    start_score = _score(start)
    search = Search(start, rng, kept_here + bound)
    assign, score = search.run(_budget(problem, options.effort))
    if score < start_score:
        method = "search"
    final = State.from_assignment(problem, assign)
    plan = _to_plan(problem, kept, assign)
    quality = Quality(final.repeats() - kept_here + kept_all, final.mixing())
    sizes = [problem.hi] * problem.n_hi + [problem.lo] * (problem.tables - problem.n_hi)
    return PlanResult(
        plan=plan,
        quality=quality,
        lower_bound=kept_all + bound,
        greedy=greedy_quality,
        method=method,
        seconds=time.perf_counter() - started,
        table_sizes=sizes,
        bound_source=bound_source,
    )
