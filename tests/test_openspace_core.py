"""Open Space core: clash scoring, wall conflicts, agenda suggestion constraints, ranking."""

from __future__ import annotations

import random

import pytest

from facilitation.openspace import AgendaProblem, TopicInfo, clash_count, find_conflicts
from facilitation.openspace.clashes import clash_pairs, co_interest
from facilitation.openspace.problem import capacity_in_label, convener_keys, person_key
from facilitation.openspace.ranking import rank_votes
from facilitation.openspace.suggest import suggest_agenda
from facilitation.store.openspace import Topic, Vote


def test_clash_counts_pairs_of_wanted_topics_in_one_slot():
    interests = {1: {10, 11, 12}, 2: {10, 11}, 3: {12}}
    # all three in slot 0: person 1 has 3 pairs, person 2 one pair
    assert clash_count({10: 0, 11: 0, 12: 0}, interests) == 4
    assert clash_count({10: 0, 11: 1, 12: 2}, interests) == 0
    assert clash_count({10: 0, 11: 0, 12: 1}, interests) == 2
    # topics not on the wall clash with nothing
    assert clash_count({10: 0, 11: None}, interests) == 0
    assert co_interest(interests)[(10, 11)] == 2
    assert clash_pairs({10: 0, 11: 0, 12: 1}, interests) == [(10, 11, 0, 2)]


def test_conveners_and_capacities_are_read_loosely():
    assert convener_keys("Marie Tremblay et Luc Côté") == {"marie tremblay", "luc cote"}
    assert convener_keys("  MARIE  tremblay ") == {"marie tremblay"}
    assert convener_keys("") == frozenset()
    assert capacity_in_label("Salle A (40)") == 40
    assert capacity_in_label("Salon [12 places]") == 12
    assert capacity_in_label("Salle 2") is None
    assert person_key("Hélène") == "helene"


def test_conflicts_of_a_wall():
    topics = [
        TopicInfo(1, "A", "Marie", 0, 0),
        TopicInfo(2, "B", "marie", 0, 1),  # same convener, same slot
        TopicInfo(3, "C", "Luc", 1, 1),
        TopicInfo(4, "D", "Ana", 1, 1),  # same cell as C
        TopicInfo(5, "E", "Zoé", 7, 0),  # no slot 8
        TopicInfo(6, "F", "Zoé", None, None),  # in the tray: no conflict
    ]
    kinds = {(c.kind, c.topic_ids) for c in find_conflicts(topics, 2, 2)}
    assert kinds == {("convener", (1, 2)), ("space", (3, 4)), ("outside", (5,))}
    over = find_conflicts([TopicInfo(1, "A", "", 0, 0)], 1, 1, capacities=[10], demand={1: 12})
    assert [(c.kind, c.detail) for c in over] == [("capacity", 12)]
    busy = find_conflicts([TopicInfo(1, "A", "Luc", 1, 0)], 2, 1, unavailable={"luc": {1}})
    assert [c.kind for c in busy] == ["unavailable"]


def random_problem(seed, topics=30, slots=4, spaces=8, people=80, fixed=4):
    rng = random.Random(seed)
    conveners = [f"Person {i % (topics - 6)}" for i in range(topics)]  # 6 people hold two
    cells = [(s, sp) for s in range(slots) for sp in range(spaces)]
    rng.shuffle(cells)
    infos = []
    for i in range(topics):
        slot, space = cells.pop() if i < fixed else (None, None)
        infos.append(TopicInfo(i + 1, f"T{i + 1}", conveners[i], slot, space))
    interests = {p: set(rng.sample(range(1, topics + 1), rng.randint(3, 9))) for p in range(people)}
    capacities = [rng.choice((None, 15, 25, 40)) for _ in range(spaces)]
    unavailable = {person_key("Person 3"): {0, 1}, person_key("Person 10"): {2}}
    return AgendaProblem(
        infos, slots, spaces, interests, capacities, unavailable, fixed=set(range(1, fixed + 1))
    )


@pytest.mark.parametrize("seed", range(6))
def test_suggestion_respects_every_hard_constraint(seed):
    problem = random_problem(seed)
    result = suggest_agenda(problem, seed=seed)
    demand = problem.demand()
    placed = [
        TopicInfo(t.id, t.title, t.convener, *result.cells.get(t.id, (None, None)))
        for t in problem.topics
    ]
    conflicts = find_conflicts(
        placed,
        problem.slots,
        problem.spaces,
        capacities=problem.capacities,
        demand=demand,
        unavailable=problem.unavailable,
    )
    # fixed topics may break a capacity themselves; nothing else may
    assert [c for c in conflicts if not set(c.topic_ids) <= problem.fixed] == []
    for t in problem.topics:
        if t.id in problem.fixed:
            assert result.cells[t.id] == t.cell  # never moved
    assert set(result.cells) | set(result.unplaced) == {t.id for t in problem.topics}
    # no convener double-booked, one topic per cell
    seen_cells, seen_conveners = set(), set()
    for t in placed:
        if t.cell is None:
            continue
        assert t.cell not in seen_cells
        seen_cells.add(t.cell)
        for key in t.conveners:
            assert (key, t.slot) not in seen_conveners
            seen_conveners.add((key, t.slot))
        if t.id in problem.fixed:
            continue  # placed by hand: the facilitator sees its conflicts on the wall
        assert t.slot not in problem.unavailable.get(next(iter(t.conveners)), set())
        cap = problem.capacities[t.space]
        assert cap is None or demand[t.id] <= cap


def test_suggestion_beats_random_placement_and_is_deterministic():
    problem = random_problem(1, topics=32, slots=4, spaces=8, fixed=0)
    problem.capacities = [None] * 8
    result = suggest_agenda(problem, seed=3)
    rng = random.Random(0)
    randoms = []
    for _ in range(10):
        cells = [(s, sp) for s in range(4) for sp in range(8)]
        rng.shuffle(cells)
        randoms.append(
            clash_count(
                {t.id: cells[n][0] for n, t in enumerate(problem.topics)}, problem.interests
            )
        )
    assert result.clashes <= 0.85 * sum(randoms) / len(randoms)
    assert result.unplaced == []
    assert suggest_agenda(problem, seed=3).cells == result.cells


def test_a_topic_that_fits_nowhere_is_left_unplaced():
    topics = [TopicInfo(1, "Big", "Ana"), TopicInfo(2, "Small", "Ana")]
    interests = {p: {1} for p in range(30)}
    problem = AgendaProblem(topics, 1, 2, interests, capacities=[20, 20])
    result = suggest_agenda(problem)
    assert result.unplaced == [1]
    assert result.cells == {2: (0, 0)}
    # Ana cannot convene two topics in the only slot
    problem = AgendaProblem(topics, 1, 2, {}, capacities=[None, None])
    assert len(suggest_agenda(problem).unplaced) == 1


def test_largest_demand_gets_the_largest_room():
    topics = [TopicInfo(i, f"T{i}", f"P{i}") for i in (1, 2, 3)]
    interests = {p: {1} for p in range(30)} | {100 + p: {2} for p in range(10)}
    problem = AgendaProblem(topics, 1, 3, interests, capacities=[10, 35, 5])
    result = suggest_agenda(problem)
    assert result.cells[1] == (0, 1)
    assert result.cells[2] == (0, 0)
    assert result.cells[3] == (0, 2)


def topic(i, title, status="active", merged_into=None):
    return Topic(i, 2, title, status=status, merged_into=merged_into)


def test_ranking_shows_ties_and_folds_merged_topics():
    topics = [
        topic(1, "Logement"),
        topic(2, "Transport"),
        topic(3, "Autobus", "merged", 2),
        topic(4, "Culture"),
        topic(5, "Retiré", "withdrawn"),
    ]
    votes = [
        Vote(1, 2, 1, None, 5),
        Vote(2, 2, 2, None, 3),
        Vote(3, 2, 3, None, 2),
        Vote(4, 2, None, "Une table jeunesse", 5),
    ]
    ranked = rank_votes(votes, topics)
    assert [(r.rank, r.tied, r.count, r.label) for r in ranked] == [
        (1, True, 5, "Logement"),
        (1, True, 5, "Transport"),
        (1, True, 5, "Une table jeunesse"),
        (4, False, 0, "Culture"),
    ]
