"""The seating objectives on generated instances: the default (balanced) never lets a pair
meet in every round when some plan avoids it (checked against every plan of small cases), the
printed quality matches the plan, and `distinct` is never worse than the earlier engine."""

from __future__ import annotations

import csv
import itertools
import random
import re
from math import comb

import numpy as np
import pytest

from facilitation.cli import main
from facilitation.seating import Options, Participant, make_plan
from facilitation.seating.objective import make_objective
from facilitation.seating.problem import build_problem
from facilitation.seating.quality import meeting_histogram, spread_bound


def people(n: int) -> list[Participant]:
    return [Participant(name=f"P{i}") for i in range(n)]


def partitions(n: int, sizes: list[int]) -> list[tuple[frozenset[int], ...]]:
    """Every way to seat people 0..n-1 at unlabelled tables of the given sizes."""
    out: list[tuple[frozenset[int], ...]] = []

    def split(rest: list[int], sizes: list[int], tables: list[frozenset[int]]) -> None:
        if not rest:
            out.append(tuple(tables))
            return
        first, others = rest[0], rest[1:]
        seen = set()
        for k, size in enumerate(sizes):
            if size in seen:
                continue
            seen.add(size)
            for mates in itertools.combinations(others, size - 1):
                left = [x for x in others if x not in mates]
                split(left, sizes[:k] + sizes[k + 1 :], [*tables, frozenset((first, *mates))])

    split(list(range(n)), sizes, [])
    return out


def best_by_most_then_spread(n: int, tables: int, rounds: int) -> tuple[int, int]:
    """(most meetings of a pair, spread) of the best plan, over every plan (the first round
    fixed: tables and rounds are interchangeable). Each seating is a 0/1 row over the pairs;
    for each choice of the rounds but the last, every last round is added at once."""
    lo, extra = divmod(n, tables)
    sizes = [lo + 1] * extra + [lo] * (tables - extra)
    parts = partitions(n, sizes)
    pair_index = {pair: k for k, pair in enumerate(itertools.combinations(range(n), 2))}
    seated = np.zeros((len(parts), len(pair_index)), dtype=np.int64)
    for row, part in zip(seated, parts, strict=True):
        for table in part:
            for pair in itertools.combinations(sorted(table), 2):
                row[pair_index[pair]] = 1
    best = (rounds + 1, 0)
    # The other rounds in non-decreasing order of their seating: `rest`, then the last.
    for rest in itertools.combinations_with_replacement(range(len(parts)), rounds - 2):
        meet = seated[0] + seated[list(rest)].sum(axis=0) + seated[rest[-1] if rest else 0 :]
        most = meet.max(axis=1)
        spread = (meet * (meet - 1) // 2).sum(axis=1)
        best = min(best, *zip(most.tolist(), spread.tolist(), strict=True))
    return best


SMALL = [
    (6, 2, 2),
    (6, 2, 3),
    (6, 3, 3),
    (6, 2, 4),
    (6, 3, 4),
    (7, 2, 3),
    (7, 2, 4),
    (8, 2, 3),
    (8, 2, 4),
    (8, 4, 3),
    (9, 3, 3),
    (9, 2, 3),
    (10, 2, 3),
]


@pytest.mark.parametrize(("n", "tables", "rounds"), SMALL)
def test_default_objective_is_the_best_most_then_spread(n, tables, rounds):
    most, spread = best_by_most_then_spread(n, tables, rounds)
    # A tenth of the default budget (the search cannot know it found the optimum of
    # (9, 2, 3) and (10, 2, 3), so it spends all of it): the optimum is still reached at a
    # twentieth, for six seeds (measured when the budget was cut).
    for seed in range(3):
        result = make_plan(
            people(n),
            Options(rounds=rounds, tables=tables, allow_small_tables=True, seed=seed, effort=0.1),
        )
        assert result.objective == "balanced"
        # Nobody meets in every round whenever some plan avoids it; and the most-repeated
        # pair meets as rarely as possible, then repeats are spread as well as possible.
        if most < rounds:
            assert result.quality.most < rounds
        assert (result.quality.most, result.quality.spread) == (most, spread)
        assert result.most_bound <= most and result.spread_bound <= spread


@pytest.mark.parametrize(("n", "tables", "rounds"), [(24, 3, 4), (30, 3, 5), (40, 4, 5)])
def test_default_objective_avoids_travel_companions_on_bigger_plans(n, tables, rounds):
    # Tables of 8 to 10 people at 3 or 4 tables: the distinct optimum glues people together
    # for every round; with the default nobody travels with the same person for more than
    # half the rounds (3 of 5, 2 of 4).
    # A tenth of the default budget: the outcome is the same down to a twentieth of it.
    default = make_plan(people(n), Options(rounds=rounds, tables=tables, seed=1, effort=0.1))
    distinct = make_plan(
        people(n),
        Options(rounds=rounds, tables=tables, seed=1, objective="distinct", effort=0.1),
    )
    assert distinct.quality.most == rounds
    assert default.quality.most <= (rounds + 1) // 2 < distinct.quality.most
    assert default.quality.repeats >= distinct.quality.repeats


@pytest.fixture(scope="module")
def spread_61():
    """61 people at 6 tables for 5 rounds, `spread`, seed 1, the default budget: one plan for
    the two tests that read it."""
    return make_plan(people(61), Options(rounds=5, tables=6, seed=1, objective="spread"))


def test_spread_reaches_its_bound_where_the_distinct_plan_glues(spread_61):
    result = spread_61
    problem = build_problem(people(61), Options(rounds=5, tables=6))
    assert result.spread_bound == spread_bound(problem) == 250
    assert result.quality.spread == 250
    assert result.quality.most <= 3


# The earlier engine (annealing on k - 1 only) on the bench instances that it did not solve
# exactly: 61 people at 6 tables for 5 rounds, and 137 at 6 with hosts and mixing.
@pytest.mark.parametrize(
    ("n", "rounds", "hosts", "earlier"), [(61, 5, False, 131), (137, 4, True, 657)]
)
def test_distinct_never_worse_than_the_earlier_engine(n, rounds, hosts, earlier):
    rng = random.Random(n)
    group = []
    for i in range(n):
        org = f"Org {rng.randrange(max(2, n // 4))}" if hosts else ""
        sector = f"Sector {rng.randrange(5)}" if hosts else ""
        group.append(
            Participant(
                name=f"Person {i}",
                organisation=org,
                sector=sector,
                role="host" if hosts and i < 6 else "",
                attributes={"organisation": org, "sector": sector},
            )
        )
    options = Options(
        rounds=rounds,
        tables=6,
        hosts_stay=hosts,
        mix_by=("organisation", "sector") if hosts else (),
        seed=1,
        objective="distinct",
        # Half the default budget: the tabu search finds the 117 repeats of the 61 people
        # after 7,800 to 8,400 of its 30,000 steps; the 137 people's plan has 646 or 647
        # from a fifth of the budget on.
        effort=0.5,
    )
    result = make_plan(group, options)
    assert result.lower_bound <= result.quality.repeats <= earlier


def test_cost_tables_of_each_objective():
    distinct = make_objective("distinct", 5)
    spread = make_objective("spread", 5)
    balanced = make_objective("balanced", 5, cap=2, pairs=100)
    assert distinct.cost[:6] == (0, 0, 1, 2, 3, 4)
    assert spread.cost[:6] == (0, 0, 1, 3, 6, 10)
    # Beyond its spread, one pair meeting 3 times costs more than the largest spread of the
    # 100 pairs (all meeting in every round), each level more than all the pairs below it.
    assert balanced.cost[2] == spread.cost[2]
    assert balanced.cost[3] - spread.cost[3] > 100 * comb(5, 2)
    assert balanced.cost[4] - balanced.cost[3] > 100 * balanced.cost[3]
    for objective in (distinct, spread, balanced):
        for k in range(5):
            assert objective.inc[k] == objective.cost[k + 1] - objective.cost[k]
            assert objective.dec[k + 1] == -objective.inc[k]


def test_a_time_budget_on_an_injected_clock_stops_the_search(spread_61):
    ticks = [0.0]

    def clock() -> float:
        ticks[0] += 0.001  # every reading of the clock: one millisecond later
        return ticks[0]

    options = Options(rounds=5, tables=6, seed=1, objective="spread", seconds=0.005, clock=clock)
    result = make_plan(people(61), options)
    # 0.005 s is 5 readings; the search reads the clock every 512 moves.
    assert 0 < result.moves <= 5 * 512
    assert result.seconds == pytest.approx(ticks[0], abs=0.002)
    assert all(len(by_round) == 5 for by_round in result.plan.seats.values())
    assert spread_61.moves > 5 * 512  # the same search without a time budget
    # A clock that stands still: the search runs until it reaches the bound. (A tenth of a
    # second adds no moves to the budget, MOVES_PER_SECOND: the clock alone could stop it.)
    still = Options(rounds=5, tables=6, seed=1, objective="spread", seconds=0.1, clock=lambda: 0.0)
    patient = make_plan(people(61), still)
    assert patient.moves > 5 * 512
    assert patient.quality.spread == patient.spread_bound


def test_printed_distribution_matches_the_plan(tmp_path, capsys):
    source = tmp_path / "people.csv"
    source.write_text("name\n" + "\n".join(f"Person {i}" for i in range(33)) + "\n", "utf-8")
    out = tmp_path / "plan.csv"
    args = ["--lang", "en", "seat", str(source), "--tables", "4", "--rounds", "4"]
    for objective in ("balanced", "distinct"):
        assert main([*args, "--objective", objective, "-o", str(out)]) == 0
        printed = capsys.readouterr().out
        with out.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        seats: dict[str, dict[int, int]] = {}
        for row in rows:
            seats.setdefault(row["name"], {})[int(row["round"])] = int(row["table"])
        from facilitation.seating.model import Plan

        histogram = meeting_histogram(Plan(rounds=4, tables=4, seats=seats))
        line = next(s for s in printed.splitlines() if s.startswith("pairs meeting more"))
        shown = {int(k): int(v) for k, v in re.findall(r"(\d+) times?: (\d+)", line)}
        assert shown == {k: v for k, v in histogram.items() if k > 1}
        assert f"objective: {objective} (" in printed
        spread = sum(comb(k, 2) * v for k, v in histogram.items())
        assert f"spread, sum of C(k, 2): {spread} (lower bound: 108)" in printed
        most = max(histogram)
        assert f"most meetings of one pair: {most} (lower bound: 2)" in printed
