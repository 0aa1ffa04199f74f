"""Notes keep their history; nothing typed is lost or crashes a save."""

from __future__ import annotations

import pytest

from facilitation.errors import UserError
from facilitation.store import Event
from facilitation.store.sample import sample_script


class Clock:
    def __init__(self, t=1_000.0):
        self.t = t

    def __call__(self):
        self.t += 1.0
        return self.t


@pytest.fixture
def event(tmp_path):
    with Event.create(tmp_path / "e.db", sample_script(), "src", "s.md", clock=Clock()) as ev:
        yield ev


def test_add_and_list(event):
    a = event.add_note(1, "La confiance d'abord", round=1, table=2, author="Ana")
    b = event.add_note(1, "Harvest idea", author="Facilitator")
    note = event.get_note(a)
    assert (note.block, note.round, note.table, note.kind) == (1, 1, 2, "table")
    assert event.get_note(b).kind == "plenary"
    assert [n.id for n in event.list_notes(block=1)] == [a, b]
    assert [n.id for n in event.list_notes(table=2)] == [a]
    assert [n.id for n in event.list_notes(kind="plenary")] == [b]
    assert event.list_notes(block=2) == []


def test_edit_keeps_every_revision(event):
    note_id = event.add_note(1, "first", round=1, table=1, author="Ana", tags=["housing"])
    assert event.edit_note(note_id, "second", author="Bob") == 2
    assert event.edit_note(note_id, "third", tags="leadership; Jeunesse") == 3
    note = event.get_note(note_id)
    assert note.text == "third"
    assert note.tags == ["leadership", "youth"]
    assert note.revision == 3
    history = event.note_history(note_id)
    assert [(r.revision, r.action, r.text) for r in history] == [
        (1, "created", "first"),
        (2, "edited", "second"),
        (3, "edited", "third"),
    ]
    assert history[0].tags == ["housing"] and history[1].tags == ["housing"]
    assert history[1].author == "Bob"
    assert note.updated_at > note.created_at


def test_delete_is_soft_and_restorable(event):
    note_id = event.add_note(1, "oops", round=1, table=1)
    event.delete_note(note_id)
    assert event.list_notes() == []
    kept = event.list_notes(include_deleted=True)
    assert [n.text for n in kept] == ["oops"] and kept[0].deleted
    event.restore_note(note_id)
    assert [n.text for n in event.list_notes()] == ["oops"]
    assert [r.action for r in event.note_history(note_id)] == ["created", "deleted", "restored"]


def test_edit_unknown_note(event):
    with pytest.raises(KeyError):
        event.edit_note(999, "x")


def test_tags_match_the_codebook_loosely(event):
    note_id = event.add_note(1, "x", table=1, round=1, tags="LOGEMENT abordable|youth")
    assert event.get_note(note_id).tags == ["housing", "youth"]
    with pytest.raises(UserError, match="unknown tag"):
        event.add_note(1, "x", table=1, round=1, tags=["nope"])


def test_any_unicode_survives(event):
    texts = [
        "Émoji 🎉👩🏽‍🌾 fin",
        "مرحبا بالعالم",  # right to left
        "line\nbreak\ttab",
        "a\ud800b",  # a lone surrogate (a broken paste)
        "\ud83c\udf89",  # a surrogate pair written as two code points
        "",
    ]
    ids = [event.add_note(1, t, table=1, round=1, author="\udcff") for t in texts]
    got = [event.get_note(i).text for i in ids]
    assert got[:3] == texts[:3]
    assert got[3] == "a\ufffdb"
    assert got[4] == "🎉"
    assert got[5] == ""
    assert event.get_note(ids[0]).author == "\ufffd"
    event.edit_note(ids[0], "\udc80 edited")
    assert event.get_note(ids[0]).text == "\ufffd edited"


def test_note_counts_for_the_capture_panel(event):
    event.add_note(1, "a", round=1, table=1)
    event.add_note(1, "b", round=1, table=1)
    last = event.add_note(1, "c", round=1, table=3)
    event.add_note(1, "other round", round=2, table=1)
    gone = event.add_note(1, "deleted", round=1, table=4)
    event.delete_note(gone)
    counts = event.note_counts(1, 1)
    assert set(counts) == {1, 3}
    assert counts[1][0] == 2
    assert counts[3] == (1, event.get_note(last).updated_at)


def test_topic_notes(event):
    topic = event.add_topic(2, "Transport rural", convener="Luc")
    note_id = event.add_note(2, "bus", topic_id=topic)
    assert event.get_note(note_id).kind == "topic"
    assert [n.id for n in event.list_notes(topic_id=topic)] == [note_id]
