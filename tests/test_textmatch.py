"""Names people type loosely match: case, accents, ligatures, spaces and punctuation ignored,
in the script, in CSV headers and in the seating's mixing columns alike."""

from __future__ import annotations

from facilitation.seating import Options, Participant, make_plan
from facilitation.seating.quality import mixing_violations
from facilitation.textmatch import fold


def test_fold_ignores_case_accents_ligatures_and_punctuation():
    assert fold("  Café de CONVERSATION!") == "cafe de conversation"
    assert fold("Œuvre Léger") == fold("oeuvre leger") == fold("OEUVRE-LÉGER") == "oeuvre leger"
    assert fold("Ex æquo") == "ex aequo"
    assert fold("Centre A") != fold("Centre B")


def test_seating_counts_an_organisation_typed_two_ways_as_one():
    spellings = ["Œuvre Léger", "oeuvre leger", "Oeuvre Léger", "ŒUVRE LEGER"]
    group = [
        Participant(
            name=f"Person {i}",
            organisation=org,
            attributes={"organisation": org},
        )
        for i, org in enumerate(spellings + [f"Org {i}" for i in range(8)])
    ]
    plan = make_plan(group, Options(rounds=2, tables=4, mix_by=("organisation",), seed=1)).plan
    for rnd in (1, 2):  # the four colleagues sit at four different tables
        tables = {plan.seats[f"Person {i}"][rnd] for i in range(len(spellings))}
        assert len(tables) == len(spellings)
    # ...and seating them together counts as a violation, whatever the spelling.
    together = plan.__class__(rounds=1, tables=4, seats={})
    for i, person in enumerate(group):
        together.seats[person.name] = {1: 1 if i < 2 else 2 + i % 3}
    assert mixing_violations(together, group, ("organisation",)) >= 1
