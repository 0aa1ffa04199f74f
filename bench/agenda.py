"""Benchmark of the agenda suggestion (Open Space) on a generated event.

    .venv/bin/python bench/agenda.py [--seed N] [--uniform | --both]

50 topics, 5 slots x 10 spaces, 150 participants with about 8 interests each. Interests
follow themes (each person cares about two or three of ten themes, as at a real forum),
or are uniform with --uniform. Spaces have capacities, a few conveners hold two topics,
two conveners are unavailable for a slot, and 5 topics are fixed by hand. Prints, for random
placements (one topic per cell, mean of 20) and for the suggestion optimising each objective
(missed sessions, the default, and pairs of wanted topics in one slot, "clashes"): the missed
sessions, the participants who miss more than one, the clashes, the time, and checks the hard
constraints. --both runs the instance by theme and the uniform one.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from facilitation.openspace import AgendaProblem, TopicInfo, clash_count, find_conflicts
from facilitation.openspace.missed import missed_summary
from facilitation.openspace.problem import person_key
from facilitation.openspace.suggest import Suggestion, suggest_agenda

TOPICS, SLOTS, SPACES, PEOPLE, INTERESTS, THEMES = 50, 5, 10, 150, 8, 10
CAPACITIES = [80, 60, 50, 45, 40, 40, 35, 35, 30, 30]
RANDOM_PLACEMENTS = 20


def generate(seed: int, uniform: bool) -> AgendaProblem:
    rng = random.Random(seed)
    conveners = [f"Porteur {i}" for i in range(42)]
    names = [conveners[i] if i < 42 else conveners[i - 42] for i in range(TOPICS)]
    theme_of = [i % THEMES for i in range(TOPICS)]
    interests: dict[int, set[int]] = {}
    for person in range(PEOPLE):
        k = max(3, min(14, round(rng.gauss(INTERESTS, 2))))
        if uniform:
            wanted = set(rng.sample(range(TOPICS), k))
        else:
            mine = rng.sample(range(THEMES), rng.choice((2, 3)))
            pool = [t for t in range(TOPICS) if theme_of[t] in mine]
            wanted = set(rng.sample(pool, min(len(pool), k - 2)))
            while len(wanted) < k:
                wanted.add(rng.randrange(TOPICS))
        interests[person] = {t + 1 for t in wanted}
    topics = []
    cells = [(s, sp) for s in range(SLOTS) for sp in range(SPACES)]
    rng.shuffle(cells)
    fixed = set()
    for i in range(TOPICS):
        slot = space = None
        if i % 10 == 3:  # five topics placed by hand in the opening circle
            slot, space = cells.pop()
            fixed.add(i + 1)
        topics.append(TopicInfo(i + 1, f"Sujet {i + 1}", names[i], slot, space))
    unavailable = {person_key("Porteur 5"): {0}, person_key("Porteur 17"): {3, 4}}
    problem = AgendaProblem(topics, SLOTS, SPACES, interests, list(CAPACITIES), unavailable, fixed)
    # a fixed topic must not break a capacity by itself: give it the demand its room allows
    return problem


def random_slots(problem: AgendaProblem, rng: random.Random) -> dict[int, int]:
    cells = [(s, sp) for s in range(problem.slots) for sp in range(problem.spaces)]
    rng.shuffle(cells)
    return {t.id: cells[n][0] for n, t in enumerate(problem.topics)}


def random_clashes(problem: AgendaProblem, rng: random.Random) -> int:
    return clash_count(random_slots(problem, rng), problem.interests)


def lower_bound(problem: AgendaProblem) -> int:
    """Clashes if every person's topics could be spread evenly over the slots (not reachable
    for everyone at once, but no agenda does better)."""
    total = 0
    for wanted in problem.interests.values():
        q, r = divmod(len(wanted), problem.slots)
        total += r * (q + 1) * q // 2 + (problem.slots - r) * q * (q - 1) // 2
    return total


def missed_bound(problem: AgendaProblem) -> int:
    """Missed sessions if nobody wanted two topics of one slot beyond their count of slots."""
    return sum(max(0, len(wanted) - problem.slots) for wanted in problem.interests.values())


def run(seed: int, uniform: bool) -> None:
    problem = generate(seed, uniform)
    rng = random.Random(seed + 1000)
    placements = [random_slots(problem, rng) for _ in range(RANDOM_PLACEMENTS)]
    clashes = statistics.mean(clash_count(p, problem.interests) for p in placements)
    summaries = [missed_summary(p, problem.interests) for p in placements]
    missed = statistics.mean(m.total for m in summaries)
    more = statistics.mean(m.more_than_one for m in summaries)
    interests = sum(len(v) for v in problem.interests.values())
    kind = "uniform" if uniform else "by theme"
    print(
        f"instance: {len(problem.topics)} topics, {problem.slots} slots x {problem.spaces} spaces,"
        f" {len(problem.interests)} participants, {interests / len(problem.interests):.1f}"
        f" interests each ({kind}), {len(problem.fixed)} fixed, seed {seed}"
    )
    print(f"  lower bounds: missed {missed_bound(problem)}, clashes {lower_bound(problem)}")
    print(f"  {'placement':<22}{'missed':>8}{'>1 missed':>11}{'clashes':>9}{'ratio':>7}{'time':>8}")
    print(
        f"  {f'random (mean of {RANDOM_PLACEMENTS})':<22}{missed:>8.1f}{more:>11.1f}"
        f"{clashes:>9.1f}{1.0:>7.2f}"
    )
    for objective in ("missed", "pairs"):
        started = time.perf_counter()
        result = suggest_agenda(problem, seed=seed, objective=objective)
        seconds = time.perf_counter() - started
        ratio = (result.missed.total if objective == "missed" else result.clashes) / (
            missed if objective == "missed" else clashes
        )
        print(
            f"  {f'suggested, {objective}':<22}{result.missed.total:>8}"
            f"{result.missed.more_than_one:>11}{result.clashes:>9}{ratio:>7.2f}{seconds:>7.2f}s"
        )
        _check(problem, result, objective)


def _check(problem: AgendaProblem, result: Suggestion, objective: str) -> None:
    placed = [
        TopicInfo(t.id, t.title, t.convener, *result.cells.get(t.id, (None, None)))
        for t in problem.topics
    ]
    conflicts = find_conflicts(
        placed,
        problem.slots,
        problem.spaces,
        capacities=problem.capacities,
        demand=problem.demand(),
        unavailable=problem.unavailable,
    )
    moved_fixed = [
        t.id for t in problem.topics if t.id in problem.fixed and result.cells.get(t.id) != t.cell
    ]
    if result.unplaced or conflicts or moved_fixed:
        print(
            f"    {objective}: unplaced {len(result.unplaced)}, conflicts {len(conflicts)},"
            f" fixed topics moved {len(moved_fixed)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--uniform", action="store_true", help="interests without themes")
    parser.add_argument("--both", action="store_true", help="by theme, then uniform")
    args = parser.parse_args()
    for uniform in (False, True) if args.both else (args.uniform,):
        run(args.seed, uniform)
    print("(ratio: to random placement, of the objective optimised; hard constraints checked)")


if __name__ == "__main__":
    main()
