"""The console's timer keys when the event file cannot be written: refused in plain words,
the console stays up, and the same key works once the file can be written again."""

from __future__ import annotations

import sqlite3

import pytest
from pilot_support import NapClock, notifications, sync

from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app


@pytest.fixture
def event(tmp_path, clock):
    with Event.create(
        tmp_path / "forum.db", sample_script("fr"), "", "forum.md", clock=clock
    ) as ev:
        yield ev


@sync
async def test_space_on_a_read_only_event_is_refused_then_works(event, clock):
    set_language("fr")
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        event._conn.execute("PRAGMA query_only = ON")
        await pilot.press("space")
        await pilot.pause()
        assert app.is_running
        assert "Le fichier d'événement est en lecture seule" in notifications(app)
        assert event.read_timer().status != "running"
        event._conn.execute("PRAGMA query_only = OFF")
        await pilot.press("space")
        await pilot.pause()
        assert event.read_timer().status == "running"


@sync
async def test_a_held_lock_refuses_the_key_quickly_instead_of_freezing(event, clock, monkeypatch):
    from facilitation.store import connection
    from facilitation.tui.write_faults import SCREEN_LOCK_WAIT_S

    waited = NapClock()  # the key's wait for the lock, without waiting it for real
    monkeypatch.setattr(connection, "lock_wait_clock", waited)
    monkeypatch.setattr(connection, "lock_wait_sleep", waited.sleep)
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        other = sqlite3.connect(event.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("n")  # next step
            await pilot.pause()
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert app.is_running
        assert "Another program has been holding the event file" in notifications(app)
        assert SCREEN_LOCK_WAIT_S <= waited.now < SCREEN_LOCK_WAIT_S + 0.01  # not a minute
        assert event.read_timer().step_index == 0
        await pilot.press("n")
        await pilot.pause()
        assert event.read_timer().step_index == 1


@sync
async def test_a_full_disk_refuses_the_timer_key_in_french(event, clock, monkeypatch):
    from facilitation.store import connection

    set_language("fr")
    real = connection._commit

    def full(conn: sqlite3.Connection, deadline: float) -> None:
        conn.execute("ROLLBACK")
        exc = sqlite3.OperationalError("database or disk is full")
        exc.sqlite_errorcode = connection.SQLITE_FULL  # type: ignore[attr-defined]
        raise exc

    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(connection, "_commit", full)
        await pilot.press("space")
        await pilot.pause()
        assert app.is_running
        assert "Rien n'a été fait : Le disque est plein" in notifications(app)
        assert event.read_timer().status != "running"
        monkeypatch.setattr(connection, "_commit", real)
        await pilot.press("space")
        await pilot.pause()
        assert event.read_timer().status == "running"
