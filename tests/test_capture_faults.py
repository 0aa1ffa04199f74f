"""Capture when the event file cannot be written: read-only, disk full, a lock held by another
program. The screen stays up, the text stays on it and in a fallback file, a banner says what
is wrong, and the note is saved once writes work again. Also: the cursor after a restore, and
a burst of keys ending in Ctrl+S."""

from __future__ import annotations

import json
import sqlite3

import pytest
from capture_support import at_round_one, copied_event
from pilot_support import FakeClock, screen_text, sync, wait_for
from textual import events
from textual.widgets import TextArea

from facilitation.i18n import set_language
from facilitation.store import Event, connection
from facilitation.tui import write_faults
from facilitation.tui.capture.app import CaptureApp
from facilitation.tui.capture.fallback import fallback_paths
from tests.test_capture_editor import clock, type_text

SIZE = (110, 30)  # the French disk-full banner is read whole on one screen


@pytest.fixture
def event_path(tmp_path_factory, tmp_path):
    """The sample event at round 1 (a copy of one built once: capture_support.py)."""
    return copied_event(tmp_path_factory, tmp_path, at_round_one)


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch, tmp_path):
    monkeypatch.setattr(write_faults, "BACKOFF_S", (0.05,))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def make_app(path, table: int = 2, who: str = "ana") -> CaptureApp:
    app = CaptureApp(Event.open(path, clock=clock), table=table, who=who, clock=clock)
    return app


def text_of(app) -> str:
    return app.screen.query_one("#text", TextArea).text


def fallback_of(path, table: int = 2, who: str = "ana") -> dict | None:
    for candidate in fallback_paths(path, table, who):
        if candidate.exists():
            return json.loads(candidate.read_text(encoding="utf-8"))
    return None


def saved_texts(path) -> list[str]:
    with Event.open(path) as event:
        return [note.text for note in event.list_notes()]


def failing_commit(code: int, message: str):
    """A commit that fails the way SQLite does (same result code), for as long as `on[0]`."""
    real = connection._commit
    on = [True]

    def commit(conn: sqlite3.Connection, deadline: float) -> None:
        if on[0]:
            conn.execute("ROLLBACK")
            exc = sqlite3.OperationalError(message)
            exc.sqlite_errorcode = code  # type: ignore[attr-defined]
            raise exc
        real(conn, deadline)

    return commit, on


@sync
async def test_disk_full_keeps_the_text_and_saves_it_when_space_is_back(event_path, monkeypatch):
    set_language("fr")
    commit, on = failing_commit(connection.SQLITE_FULL, "database or disk is full")
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(connection, "_commit", commit)
        await type_text(pilot, "on garde les jardins")
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = screen_text(app)
        assert "Le disque est plein" in shown and "vos notes sont gardées sur cet écran" in shown
        assert text_of(app) == "on garde les jardins"  # still on the screen
        assert fallback_of(event_path)["text"] == "on garde les jardins"
        await type_text(pilot, " et les parcs")  # typing goes on while the disk is full
        assert text_of(app) == "on garde les jardins et les parcs"
        on[0] = False  # space was freed
        await wait_for(pilot, lambda: "Le disque est plein" not in screen_text(app), 3.0)
        assert "Le disque est plein" not in screen_text(app)
        assert text_of(app) == ""
    assert saved_texts(event_path) == ["on garde les jardins et les parcs"]
    assert fallback_of(event_path) is None


@sync
async def test_read_only_event_keeps_the_draft_and_recovers(event_path):
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        app.event._conn.execute("PRAGMA query_only = ON")  # SQLite: "readonly database"
        await type_text(pilot, "a word")
        app.screen.flush_draft()  # the draft timer's tick
        await pilot.pause()
        assert "The event file is read-only" in screen_text(app)
        assert fallback_of(event_path)["text"] == "a word"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not saved yet" in screen_text(app) and text_of(app) == "a word"
        assert fallback_of(event_path)["save"] is True
        app.event._conn.execute("PRAGMA query_only = OFF")
        await wait_for(pilot, lambda: saved_texts(event_path) == ["a word"], 3.0)
        await pilot.pause()
        assert "read-only" not in screen_text(app)
    assert saved_texts(event_path) == ["a word"]
    assert fallback_of(event_path) is None


@sync
async def test_a_lock_held_by_another_program_never_freezes_the_keys(event_path):
    faults_clock = FakeClock(0.0)
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.faults.clock = faults_clock
        app.event.write_deadline_s = 0.05  # the screen's short wait, shortened further
        other = sqlite3.connect(event_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        await type_text(pilot, "idea")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Another program has been holding the event file" in screen_text(app)
        faults_clock.now += 70  # the lock is held 70 s: the banner counts, the keys still work
        await type_text(pilot, " two")
        app.screen.show_fault()
        await pilot.pause()
        assert "for 70 s" in screen_text(app)
        assert text_of(app) == "idea two"
        other.execute("COMMIT")  # it lets go
        other.close()
        await wait_for(pilot, lambda: saved_texts(event_path) == ["idea two"], 3.0)
    assert saved_texts(event_path) == ["idea two"]


@sync
async def test_text_kept_in_the_fallback_file_comes_back_after_a_restart(event_path):
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        app.event._conn.execute("PRAGMA query_only = ON")
        await type_text(pilot, "lost")
        await pilot.press("ctrl+q")  # the laptop is shut while the file is read-only
    assert fallback_of(event_path)["text"] == "lost"
    again = make_app(event_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(again) == "lost"
        await type_text(pilot, "!")  # the cursor is at the end of the recovered text
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved_texts(event_path) == ["lost!"]
    assert fallback_of(event_path) is None


@sync
async def test_cursor_at_the_end_after_a_restored_draft_and_a_reopened_note(event_path):
    with Event.open(event_path) as event:
        event.save_draft("capture/t2/ana/b1/r1/new", "On garde les rencontres")
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, " XYZ")
        assert text_of(app) == "On garde les rencontres XYZ"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f4", "down", "enter")  # reopen the note to edit it
        await pilot.pause()
        await type_text(pilot, " ok")
        assert text_of(app) == "On garde les rencontres XYZ ok"
        await pilot.press("ctrl+home")
        await type_text(pilot, "A ")
        await pilot.press("ctrl+end")
        await type_text(pilot, ".")
        assert text_of(app) == "A On garde les rencontres XYZ ok."


@sync
async def test_a_burst_of_keys_then_ctrl_s_saves_every_character(event_path):
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"fast typist", "ctrl+s")  # one press call
        await pilot.pause()
        assert saved_texts(event_path) == ["fast typist"]
        # What a terminal driver does with a burst: every key posted at once, nothing handled
        # in between; the keys after a Ctrl+S belong to the next note.
        for key in [*"second note", "ctrl+s", *"third", "ctrl+s"]:
            char = {"space": " ", "ctrl+s": None}.get(key, key)
            app.post_message(
                events.Key("space" if key == " " else key, " " if key == " " else char)
            )
        await pilot.pause()
        await pilot.pause()
    assert saved_texts(event_path) == ["fast typist", "second note", "third"]


@sync
async def test_the_typists_burst_of_lines_and_table_keys_lands_in_order(event_path):
    app = CaptureApp(Event.open(event_path, clock=clock), who="ana", clock=clock, start="typist")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst = [*"one", "enter", "pagedown", *"two", "enter", *"three", "enter"]
        for key in burst:  # all at once, as a fast typist's keys reach the app
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
    with Event.open(event_path) as event:
        placed = [(note.table, note.text) for note in event.list_notes()]
    assert placed == [(1, "one"), (2, "two"), (2, "three")]
