"""make_plan: the pure entry point (participants + options in, plan + quality out)."""

from __future__ import annotations

import random
import time
from math import comb

from facilitation.errors import UserError
from facilitation.i18n import _
from facilitation.seating import tabu
from facilitation.seating.cells import grid_blow_up
from facilitation.seating.constructions import construct
from facilitation.seating.greedy import Stuck, greedy
from facilitation.seating.model import Options, Participant, Plan, PlanResult, Quality
from facilitation.seating.objective import OBJECTIVES, Objective, distinct_of, make_objective
from facilitation.seating.problem import Problem, build_problem
from facilitation.seating.quality import (
    lower_bound_source,
    meeting_histogram,
    most_meetings_bound,
    spread_bound,
)
from facilitation.seating.search import Search
from facilitation.seating.state import State, feasible

# Moves of the local search per person and planned round, at effort 1.0: about 1 s for
# 100 people and 3 s for 200 on one core in the worst case; most instances stop earlier, as
# soon as the lower bound is reached.
MOVES_PER_SEAT = 110
MAX_MOVES = 90_000
MIN_MOVES = 40_000
# The tabu search (distinct objective, with numpy): steps per person and round, each a
# whole round's best swap, about 60 microseconds for 60 people.
TABU_STEPS_PER_SEAT = 100
TABU_MIN_STEPS = 5_000
TABU_MAX_STEPS = 30_000
TABU_STEPS_PER_SECOND = 40_000
# With a time budget (--seconds): at most this many moves per second, the clock stops it.
MOVES_PER_SECOND = 400_000


def _budget(problem: Problem, effort: float) -> int:
    # A move costs about one step per person at the two tables involved.
    per_move = max(1.0, problem.hi / 8)
    moves = max(MIN_MOVES, MOVES_PER_SEAT * problem.n * problem.block)
    return int(effort * min(MAX_MOVES / per_move, moves))


def _objective(problem: Problem, name: str, kept: dict[int, int]) -> Objective:
    cap = max([most_meetings_bound(problem, together=False), *kept])
    return make_objective(name, problem.rounds, cap, comb(problem.n, 2))


def _score(state: State, objective: Objective) -> int:
    return objective.score(state.pair_meetings(), state.mixing())


def _target(problem: Problem, objective: Objective, kept_state: State, kept_here: int) -> int:
    """A score no plan can beat, where the search may stop."""
    if objective.name == "distinct":
        return kept_here + lower_bound_source(problem)[0]
    target = objective.total(kept_state.pair_meetings()) + spread_bound(problem)
    if not problem.first:
        rounds = problem.block
        forced = objective.cost[rounds] - comb(rounds, 2)
        target += forced * sum(comb(len(u), 2) for u in problem.units)
    return target


def _tabu_steps(problem: Problem, options: Options) -> int:
    steps = max(TABU_MIN_STEPS, TABU_STEPS_PER_SEAT * problem.n * problem.block)
    steps = int(options.effort * min(TABU_MAX_STEPS, steps))
    if options.seconds is not None:
        steps = max(steps, int(options.seconds * TABU_STEPS_PER_SECOND))
    return steps


def _iterations(problem: Problem, options: Options) -> int:
    moves = _budget(problem, options.effort)
    if options.seconds is not None:
        moves = max(moves, int(options.seconds * MOVES_PER_SECOND))
    return moves


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


def _quality(problem: Problem, kept: Plan, assign: list[list[int]], mixing: int) -> Quality:
    histogram = meeting_histogram(_to_plan(problem, kept, assign))
    return Quality(distinct_of(histogram), mixing, histogram)


def make_plan(participants: list[Participant], options: Options) -> PlanResult:
    clock = options.clock or time.perf_counter
    started = clock()
    if options.objective not in OBJECTIVES:
        raise UserError(_("--objective must be one of {names}").format(names=", ".join(OBJECTIVES)))
    problem = build_problem(participants, options)
    rng = random.Random(options.seed)
    kept = _kept_plan(problem, options)
    kept_histogram = meeting_histogram(kept)
    kept_state = State(problem)
    kept_here = kept_state.repeats()
    # Repeats already made in kept rounds, with people still here or gone: they cannot change.
    kept_all = distinct_of(kept_histogram)
    bound, bound_source = lower_bound_source(problem)
    objective = _objective(problem, options.objective, kept_histogram)
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
    greedy_quality = _quality(problem, kept, base.assign, base.mixing())
    start, method = base, "greedy"
    for built in (construct(problem), grid_blow_up(problem, rng)):
        if built is not None and feasible(problem, built):
            candidate = State.from_assignment(problem, built)
            if _score(candidate, objective) < _score(start, objective) or (
                method == "greedy" and _score(candidate, objective) == _score(start, objective)
            ):
                start, method = candidate, "construction"
    start_score = _score(start, objective)
    target = _target(problem, objective, kept_state, kept_here)
    search = Search(start, rng, target, objective, clock)
    seconds = None
    if options.seconds is not None:
        seconds = max(0.0, options.seconds - (clock() - started))
    if start_score > target and tabu.suitable(problem, objective):
        steps = _tabu_steps(problem, options)
        assign, score, moves = tabu.tabu_search(
            problem, start.snapshot(), objective, options.seed, steps, target, clock, seconds
        )
        search.moves_done = moves
    else:
        assign, score = search.run(_iterations(problem, options), seconds=seconds)
    if score < start_score:
        method = "search"
    final = State.from_assignment(problem, assign)
    plan = _to_plan(problem, kept, assign)
    quality = _quality(problem, kept, assign, final.mixing())
    sizes = [problem.hi] * problem.n_hi + [problem.lo] * (problem.tables - problem.n_hi)
    kept_spread = sum(comb(k, 2) * count for k, count in kept_histogram.items())
    return PlanResult(
        plan=plan,
        quality=quality,
        lower_bound=kept_all + bound,
        greedy=greedy_quality,
        method=method,
        seconds=clock() - started,
        table_sizes=sizes,
        bound_source=bound_source,
        objective=options.objective,
        spread_bound=kept_spread + spread_bound(problem),
        most_bound=max([most_meetings_bound(problem), *kept_histogram]),
        moves=search.moves_done,
    )
