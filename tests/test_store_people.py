"""Participants and seating."""

from __future__ import annotations

import pytest

from facilitation.store import Event, Seat
from facilitation.store.sample import sample_script


@pytest.fixture
def event(tmp_path):
    with Event.create(tmp_path / "e.db", sample_script(), "src", "s.md") as ev:
        yield ev


def test_participants(event):
    a = event.add_participant("Ana Lévesque", "CLD", "santé", "Hôte", "fr", {"Courriel": "a@x"})
    b = event.add_participant("Bob", role="participant")
    people = event.list_participants()
    assert [p.name for p in people] == ["Ana Lévesque", "Bob"]
    assert people[0].is_host and people[0].role == "host"
    assert people[0].extra == {"Courriel": "a@x"}
    assert not people[1].is_host
    event.update_participant(b, organisation="Ville", role="host")
    assert event.get_participant(b).organisation == "Ville"
    assert event.get_participant(b).is_host
    event.remove_participant(a)
    assert [p.id for p in event.list_participants()] == [b]
    with pytest.raises(KeyError):
        event.update_participant(999, name="x")


def test_seating_replaces_a_block_at_once(event):
    ids = [event.add_participant(f"P{i}") for i in range(4)]
    event.set_seating(1, [Seat(1, 1, 1, ids[0], host=True), Seat(1, 1, 2, ids[1])])
    event.set_seating(
        1,
        [
            Seat(1, 1, 1, ids[0], host=True),
            Seat(1, 1, 1, ids[2]),
            Seat(1, 2, 2, ids[0]),
            Seat(1, 2, 1, ids[3]),
        ],
    )
    seats = event.seating(1)
    assert [(s.round, s.table, s.participant_id, s.host) for s in seats] == [
        (1, 1, ids[0], True),
        (1, 1, ids[2], False),
        (2, 1, ids[3], False),
        (2, 2, ids[0], False),
    ]
    event.remove_participant(ids[3])  # their seats go with them
    assert len(event.seating(1)) == 3
    assert event.seating(2) == []
