"""Missed sessions: what a participant lives when wanted topics share a slot; the suggestion
optimising them (the default) or the pairs; personal agendas, printed."""

from __future__ import annotations

import itertools
import random

import pytest
from docx import Document

from facilitation.cli import main
from facilitation.openspace import AgendaProblem, TopicInfo, clash_count
from facilitation.openspace.agendas import personal_agenda
from facilitation.openspace.missed import missed_per_person, missed_summary
from facilitation.openspace.suggest import _construct, _cost, _State, suggest_agenda
from facilitation.store import Event
from facilitation.store.sample import sample_script


def test_three_wanted_topics_in_one_slot_are_two_missed_sessions_and_three_clashes():
    slot_of = {1: 0, 2: 0, 3: 0, 4: 1, 5: None}
    interests = {10: {1, 2, 3}, 11: {1, 4}, 12: {1, 2, 4, 5}}
    assert missed_per_person(slot_of, interests) == {10: 2, 11: 0, 12: 1}
    assert clash_count(slot_of, interests) == 3 + 0 + 1
    summary = missed_summary(slot_of, interests)
    assert (summary.total, summary.people, summary.more_than_one) == (3, 2, 1)


def small_problem(seed: int) -> AgendaProblem:
    rng = random.Random(seed)
    topics = [TopicInfo(i, f"T{i}") for i in range(1, 7)]
    interests = {p: set(rng.sample(range(1, 7), rng.choice((2, 3, 4)))) for p in range(12)}
    return AgendaProblem(topics, 3, 2, interests)


def agendas(ids: list[int], slots: int, per_slot: int):
    """Every agenda of `ids` with `per_slot` topics in each of `slots` slots (topic -> slot),
    each once: the spaces within a slot change neither missed sessions nor clashes."""
    if slots == 0:
        yield {}
        return
    for group in itertools.combinations(ids, per_slot):
        rest = [t for t in ids if t not in group]
        for tail in agendas(rest, slots - 1, per_slot):
            yield {**tail, **dict.fromkeys(group, slots - 1)}


def exhaustive(problem: AgendaProblem) -> tuple[int, int]:
    """Fewest missed sessions and fewest clashes over every agenda (2 topics per slot)."""
    ids = [t.id for t in problem.topics]
    best_missed = best_pairs = 10**9
    for slot_of in agendas(ids, problem.slots, 2):
        best_missed = min(best_missed, missed_summary(slot_of, problem.interests).total)
        best_pairs = min(best_pairs, clash_count(slot_of, problem.interests))
    return best_missed, best_pairs


@pytest.mark.parametrize("seed", range(6))
def test_each_objective_reaches_its_exhaustive_optimum(seed):
    problem = small_problem(seed)
    best_missed, best_pairs = exhaustive(problem)
    missed = suggest_agenda(problem, seed=1)
    pairs = suggest_agenda(problem, seed=1, objective="pairs")
    assert missed.objective == "missed" and pairs.objective == "pairs"
    assert missed.missed.total == best_missed
    assert pairs.clashes == best_pairs
    assert missed.missed == missed_summary(missed.slot_of(), problem.interests)
    assert missed.missed.total <= pairs.missed.total
    assert pairs.clashes <= missed.clashes


def test_the_objectives_disagree_where_three_wanted_topics_meet():
    # Anyone who wants A, B and C misses 2 sessions if all three share a slot (3 clashes),
    # and the same 2 if they fill two slots (A+B, C+D with D wanted): missed sees no
    # difference where pairs does; and the other way round below.
    topics = [TopicInfo(i, f"T{i}") for i in range(1, 5)]
    interests = {0: {1, 2, 3}, 1: {1, 2, 3}, 2: {4, 1}, 3: {4, 2}}
    problem = AgendaProblem(topics, 2, 3, interests)
    missed = suggest_agenda(problem, seed=0)
    pairs = suggest_agenda(problem, seed=0, objective="pairs")
    assert missed.missed.total == 2  # 1, 2, 3 together; 4 alone: 2 + 2 missed, 0 for others
    assert pairs.clashes <= missed.clashes


def test_incremental_missed_deltas_match_a_full_count():
    problem = small_problem(9)
    state = _State(problem, "missed")
    rng = random.Random(0)
    _construct(state, rng)
    for _ in range(200):
        i = rng.randrange(len(problem.topics))
        a = state.slot_of[i]
        b = rng.choice([s for s in range(problem.slots) if s != a])
        j = rng.choice(state.members[b])
        before = _cost(state)
        delta = state.swap_delta(i, a, j, b)
        state.remove(i)
        state.remove(j)
        state.add(i, b)
        state.add(j, a)
        assert _cost(state) - before == delta


def test_personal_agenda_attends_the_least_wanted_and_lists_the_missed():
    slot_of = {1: 0, 2: 0, 3: 1, 4: 2}
    demand = {1: 30, 2: 5, 3: 8, 4: 1}
    plans = personal_agenda({1, 2, 3}, slot_of, 3, demand)
    assert [(p.slot, p.attend, p.missed) for p in plans] == [
        (0, 2, (1,)),
        (1, 3, ()),
        (2, None, ()),
    ]


def make_event(tmp_path):
    path = tmp_path / "e.db"
    with Event.create(path, sample_script("en"), "s", "s.md") as ev, ev.transaction():
        a = ev.add_topic(2, "Transport", "Luc", slot=0, space=0)
        b = ev.add_topic(2, "Culture", "Ana", slot=0, space=1)
        c = ev.add_topic(2, "Logement", "Zoé", slot=1, space=0)
        d = ev.add_topic(2, "Parcs", "Léa", slot=1, space=1)
        people = [ev.add_participant(f"P{i}") for i in range(4)]
        for p in people:
            ev.add_interest(p, a)
            ev.add_interest(p, b)
        ev.add_interest(people[0], c)
        ev.add_interest(people[1], d)
    return path


def test_suggest_reports_missed_sessions_and_prints_personal_agendas(tmp_path, capsys):
    path = make_event(tmp_path)
    md = tmp_path / "agendas.md"
    assert main(["--lang", "en", "agenda", str(path), "--suggest", "--agendas", str(md)]) == 0
    out = capsys.readouterr().out
    # Everyone wants Transport and Culture, both in the first slot: 4 missed now. P0 and P1
    # want three topics of two slots: each must miss one, whatever the agenda.
    assert "optimised: sessions participants want but cannot attend (missed)" in out
    assert "missed sessions: 2, 0 participants miss more than one (current wall: 4, 0)" in out
    assert "clashes: 2 (current wall: 4)" in out
    assert "4 personal agendas written to" in out
    text = md.read_text(encoding="utf-8")
    p0 = text.split("## P0")[1].split("## P1")[0]
    p2 = text.split("## P2")[1].split("## P3")[0]
    assert p0.count("- **") == 2 == p2.count("- **")  # one line per slot
    assert p0.count("also wanted, at the same time:") == 1
    assert "also wanted" not in p2 and "Transport" in p2 and "Culture" in p2

    docx = tmp_path / "agendas.docx"
    assert main(["agenda", str(path), "--agendas", str(docx)]) == 0  # the wall as it is
    cards = Document(str(docx)).tables[0]
    texts = [cell.text for cell in cards._cells]
    first = next(t for t in texts if t.startswith("P0"))
    assert "also wanted, at the same time:" in first  # Transport and Culture share a slot
    assert "Logement" in first
    borders = cards._tbl.tblPr.xml
    assert 'w:val="dashed"' in borders


def test_pairs_objective_and_bad_agendas_file(tmp_path, capsys):
    path = make_event(tmp_path)
    assert main(["--lang", "en", "agenda", str(path), "--suggest", "--objective", "pairs"]) == 0
    assert "optimised: pairs of wanted topics in one slot (clashes)" in capsys.readouterr().out
    assert main(["--lang", "en", "agenda", str(path), "--agendas", str(tmp_path / "a.pdf")]) == 1
    err = capsys.readouterr().err
    assert "--agendas: the file name must end with .docx or .md" in err
    assert "Traceback" not in err
    assert main(["--lang", "fr", "agenda", str(path), "--suggest"]) == 0
    assert "ateliers manqués : 2, 0 participants en manquent plus d'un" in capsys.readouterr().out


def test_one_participants_agenda_for_a_phone(tmp_path):
    from facilitation.openspace.printing import participant_agenda_lines

    path = make_event(tmp_path)
    with Event.open(path) as ev:
        p0 = next(p for p in ev.list_participants() if p.name == "P0")
        lines = participant_agenda_lines(ev, 2, p0.id, "fr")
        nobody = ev.add_participant("Sans intérêt")
        assert participant_agenda_lines(ev, 2, nobody, "fr") == []
    assert [slot for slot, _what, _missed in lines] == ["9:30-10:30", "10:45-11:45"]
    first, second = lines
    assert first[2].startswith("aussi voulu, en même temps :")
    assert second[1] == "Logement (Salle A)"
