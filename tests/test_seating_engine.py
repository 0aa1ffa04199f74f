"""Properties of seating plans on many seeded random instances."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from facilitation.seating import Options, Participant, make_plan
from facilitation.seating.gf import Field
from facilitation.seating.quality import mixing_violations, repeats


def people(n, *, hosts=0, orgs=0, sectors=0, seed=0):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        org = f"Org {rng.randrange(orgs)}" if orgs else ""
        sector = f"Sector {rng.randrange(sectors)}" if sectors else ""
        out.append(
            Participant(
                name=f"Person {i}",
                organisation=org,
                sector=sector,
                role="host" if i < hosts else "",
                attributes={"organisation": org, "sector": sector},
            )
        )
    return out


def sizes_per_round(plan):
    return [
        sorted(len(m) for m in plan.table_members(r).values()) for r in range(1, plan.rounds + 1)
    ]


def assert_complete_and_balanced(plan, participants):
    for name in (p.name for p in participants):
        assert sorted(plan.seats[name]) == list(range(1, plan.rounds + 1))
    for sizes in sizes_per_round(plan):
        assert max(sizes) - min(sizes) <= 1
        assert min(sizes) >= 3


# Feasible "common cases": R(p-1) <= N-1, at least as many tables as seats, tables of 4 to 8.
FEASIBLE = [
    (n, t, r, hosts)
    for (n, t, r) in [
        (20, 5, 4),
        (24, 6, 5),
        (30, 6, 4),
        (40, 8, 5),
        (45, 9, 5),
        (50, 10, 5),
        (63, 9, 5),
        (70, 14, 5),
        (99, 20, 5),
        (100, 20, 5),
        (120, 15, 5),
        (160, 20, 5),
        (200, 25, 5),
        (200, 40, 5),
        (35, 7, 5),
        (64, 8, 5),
    ]
    for hosts in (0, t)
]


@pytest.mark.parametrize(("n", "tables", "rounds", "hosts"), FEASIBLE)
def test_zero_repeats_when_feasible(n, tables, rounds, hosts):
    group = people(n, hosts=hosts, seed=n)
    result = make_plan(group, Options(rounds=rounds, tables=tables, hosts_stay=bool(hosts), seed=3))
    assert result.quality.repeats == 0 == repeats(result.plan)
    assert result.lower_bound == 0
    assert_complete_and_balanced(result.plan, group)
    for host in group[:hosts]:
        assert len(set(result.plan.seats[host.name].values())) == 1


@pytest.mark.parametrize("q", [3, 4, 5, 7, 8, 9])
def test_affine_plane_gives_q_plus_one_rounds_without_repeat(q):
    group = people(q * q)
    result = make_plan(group, Options(rounds=q + 1, tables=q, seed=1))
    assert result.quality.repeats == 0
    assert result.method == "construction"
    # Every pair meets exactly once: the plan is a resolvable design.
    met = set()
    for r in range(1, q + 2):
        for members in result.plan.table_members(r).values():
            met.update(frozenset(p) for p in combinations(members, 2))
    assert len(met) == q * q * (q * q - 1) // 2


@pytest.mark.parametrize("q", [4, 8, 9, 16, 25, 27])
def test_finite_field_arithmetic(q):
    field = Field(q)
    for a in range(1, q):
        assert sum(1 for b in range(q) if field.mul(a, b) == 1) == 1
    rng = random.Random(q)
    for _ in range(200):
        a, b, c = (rng.randrange(q) for _ in range(3))
        assert field.mul(a, field.add(b, c)) == field.add(field.mul(a, b), field.mul(a, c))


# Fewer tables than seats: repeats are forced; the plan must reach the pigeonhole bound.
@pytest.mark.parametrize(
    ("n", "tables", "rounds", "expected"),
    [(32, 4, 4, 48), (100, 5, 4, 450), (96, 8, 5, 128), (33, 4, 4, 54), (15, 3, 7, 105)],
)
def test_forced_repeats_reach_the_lower_bound(n, tables, rounds, expected):
    options = Options(rounds=rounds, tables=tables, seed=0, objective="distinct")
    result = make_plan(people(n), options)
    assert result.lower_bound == expected
    assert result.quality.repeats == expected == repeats(result.plan)


def balanced_key(quality, rounds, cap):
    """How `balanced` compares plans: mixing, then pairs at each level above the cap from the
    top, then the spread."""
    levels = tuple(quality.histogram.get(k, 0) for k in range(rounds, cap, -1))
    return (quality.mixing, *levels, quality.spread)


@pytest.mark.parametrize("objective", ["distinct", "balanced"])
@pytest.mark.parametrize("seed", range(12))
def test_never_worse_than_greedy_and_hard_constraints_hold(seed, objective):
    rng = random.Random(seed)
    n = rng.randrange(18, 90)
    tables = rng.randrange(3, max(4, n // 4))
    rounds = rng.randrange(2, 6)
    hosts = rng.randrange(0, tables + 1)
    group = people(n, hosts=hosts, orgs=rng.randrange(3, 15), sectors=3, seed=seed)
    movers = group[hosts:]
    rng.shuffle(movers)
    a, b, c, d, e, f = movers[:6]
    a.keep_apart = (b.name,)
    c.keep_with = (d.name,)
    e.fixed_table = 1 if hosts == 0 else None
    f.keep_apart = (c.name, a.name)
    # A tenth of the default search budget: on these 24 instances "strictly better than
    # greedy" holds even at a thirtieth of it (measured when the budget was cut); the budget
    # is a number of moves, so a seed gives the same plan on any machine.
    options = Options(
        rounds=rounds,
        tables=tables,
        hosts_stay=True,
        mix_by=("organisation", "sector"),
        seed=seed,
        objective=objective,
        effort=0.1,
    )
    result = make_plan(group, options)
    plan = result.plan
    assert result.quality.repeats >= result.lower_bound
    assert result.quality.spread >= result.spread_bound
    assert result.quality.most >= result.most_bound
    # Never worse than greedy, and strictly better wherever the greedy plan leaves room.
    if objective == "distinct":
        if result.greedy.repeats > result.lower_bound or result.greedy.mixing:
            assert result.quality.score < result.greedy.score
        else:
            assert result.quality.score == result.greedy.score
    else:
        cap = max(2, result.most_bound if result.most_bound < rounds else 2)
        assert balanced_key(result.quality, rounds, cap) <= balanced_key(result.greedy, rounds, cap)
    assert result.quality.mixing == mixing_violations(plan, group, options.mix_by)
    assert_complete_and_balanced(plan, group)
    for r in range(1, rounds + 1):
        seat = {name: by_round[r] for name, by_round in plan.seats.items()}
        assert seat[a.name] != seat[b.name]
        assert seat[c.name] == seat[d.name]
        assert seat[f.name] not in (seat[c.name], seat[a.name])
        if hosts == 0:
            assert seat[e.name] == 1
        for i, host in enumerate(group[:hosts]):
            assert seat[host.name] == i + 1


def test_same_seed_same_plan_and_other_seed_other_plan():
    group = people(61, orgs=9, sectors=3, seed=5)
    options = dict(rounds=4, tables=8, mix_by=("organisation",), effort=0.05)  # a short search
    first = make_plan(group, Options(seed=7, **options)).plan.seats
    assert make_plan(group, Options(seed=7, **options)).plan.seats == first
    assert make_plan(group, Options(seed=8, **options)).plan.seats != first


def test_mixing_keeps_colleagues_apart_when_possible():
    group = people(40, orgs=10, sectors=4, seed=2)
    options = Options(rounds=4, tables=8, mix_by=("organisation", "sector"), seed=1)
    result = make_plan(group, options)
    assert result.quality.mixing == 0
    assert result.quality.repeats == 0


def test_replan_keeps_earlier_rounds_and_seats_newcomers():
    group = people(40, hosts=8, seed=4)
    first = make_plan(group, Options(rounds=5, tables=8, hosts_stay=True, seed=2)).plan
    leaving = group[20]
    later = [p for p in group if p is not leaving] + [Participant(name="Late Arrival")]
    result = make_plan(
        later,
        Options(rounds=5, tables=8, hosts_stay=True, seed=2, replan_from=3, previous=first),
    )
    plan = result.plan
    for name, by_round in first.seats.items():
        for r in (1, 2):
            assert plan.seats[name][r] == by_round[r]
    assert sorted(plan.seats[leaving.name]) == [1, 2]
    assert sorted(plan.seats["Late Arrival"]) == [3, 4, 5]
    for host in group[:8]:
        assert len(set(plan.seats[host.name].values())) == 1
    assert result.quality.repeats == repeats(plan)
    assert result.quality.repeats == 0


def test_200_people_a_seed_always_gives_the_same_plan():
    # The search's budget is a number of moves, not seconds: on any machine, under any load,
    # a seed gives the same plan (a tenth of the budget shows it as well as all of it). (Its
    # time is measured by bench/seating.py.)
    group = people(200, hosts=6, orgs=40, sectors=5, seed=9)
    options = Options(
        rounds=5,
        tables=6,
        hosts_stay=True,
        mix_by=("organisation", "sector"),
        effort=0.1,
        objective="distinct",  # the greedy plan's score counts repeats as "distinct" does
    )
    first, again = make_plan(group, options), make_plan(group, options)
    assert first.plan.seats == again.plan.seats
    assert first.quality == again.quality
    assert first.quality.score <= first.greedy.score
    assert_complete_and_balanced(first.plan, group)


# Six tables: no affine plane of order 6; the blown-up grid schedule of grid6.py starts the
# search much closer to the bound than the greedy (150 and 769 repeats before it existed).
# What is checked is that start: 3 % of the search budget is enough (the construction
# alone is within `most`; the full budget only improves on it, as bench/seating.py shows).
@pytest.mark.parametrize(
    ("n", "rounds", "hosts", "most"), [(61, 5, 0, 135), (61, 4, 0, 80), (137, 4, 6, 700)]
)
def test_six_tables_start_from_a_grid_schedule(n, rounds, hosts, most):
    group = people(n, hosts=hosts, orgs=n // 4 if hosts else 0, sectors=5 if hosts else 0, seed=n)
    mix = ("organisation", "sector") if hosts else ()
    options = Options(
        rounds=rounds,
        tables=6,
        hosts_stay=bool(hosts),
        mix_by=mix,
        seed=1,
        objective="distinct",
        effort=0.03,
    )
    result = make_plan(group, options)
    assert result.quality.repeats == repeats(result.plan) <= most
    assert result.lower_bound < result.quality.repeats
    assert result.quality.score < result.greedy.score
    assert_complete_and_balanced(result.plan, group)
    for i, host in enumerate(group[:hosts]):
        assert set(result.plan.seats[host.name].values()) == {i + 1}
