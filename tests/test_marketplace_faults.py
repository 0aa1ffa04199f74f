"""The marketplace, votes and action plan when the event file cannot be written (read-only,
a lock held by another program): the key is refused in plain words, the screen stays up,
what was typed stays in the entry line, and the same key works once writes work again."""

from __future__ import annotations

import sqlite3

import pytest
from pilot_support import NapClock, notifications, sync
from textual.widgets import Input

from facilitation.i18n import set_language
from facilitation.run.agenda import step_infos
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.marketplace import ActionsScreen, ConvergenceScreen, MarketplaceScreen

READ_ONLY = "Le fichier d'événement est en lecture seule"


@pytest.fixture
def event(tmp_path, clock):
    with Event.create(
        tmp_path / "forum.db", sample_script("fr"), "", "forum.md", clock=clock
    ) as ev:
        index = next(i.index for i in step_infos(ev.script) if i.step.capture == "topics")
        ev.write_timer(ev.read_timer().with_(step_index=index), "goto")
        yield ev


def open_space_block(event) -> int:
    return next(b.number for b in event.script.blocks if b.format == "open-space")


@sync
async def test_adding_a_topic_on_a_read_only_event_keeps_the_title_then_adds_it(event, clock):
    set_language("fr")
    block = open_space_block(event)
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MarketplaceScreen)
        event._conn.execute("PRAGMA query_only = ON")
        await pilot.press("a", *"Transport rural", "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MarketplaceScreen)
        assert READ_ONLY in notifications(app)
        assert app.screen.query_one("#entry", Input).value == "Transport rural"  # kept
        assert event.list_topics(block) == []
        event._conn.execute("PRAGMA query_only = OFF")
        await pilot.press("enter")
        await pilot.pause()
        assert [t.title for t in event.list_topics(block)] == ["Transport rural"]


@sync
async def test_votes_and_actions_on_a_read_only_event_are_refused_not_crashed(event, clock):
    set_language("fr")
    block = open_space_block(event)
    topic = event.add_topic(block, "Logement", "Ana")
    event.add_action(block, "Un comité logement", topic_id=topic, lead="Ana")
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ConvergenceScreen)
        event._conn.execute("PRAGMA query_only = ON")
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press("n", *"Un marché public / 4", "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ConvergenceScreen)
        assert notifications(app).count(READ_ONLY) == 2
        assert app.screen.query_one("#entry", Input).value == "Un marché public / 4"
        assert event.list_votes(block) == []
        await pilot.press("escape", "escape", "x")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("d", "d")
        await pilot.pause()
        assert app.is_running and notifications(app).count(READ_ONLY) == 3
        assert len(event.list_actions(block)) == 1
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Une navette", "ctrl+s")
        await pilot.pause()
        assert app.is_running and notifications(app).count(READ_ONLY) == 4
        form = app.screen  # the form again, with what was typed
        assert form.query_one("#f-title", Input).value == "Une navette"
        event._conn.execute("PRAGMA query_only = OFF")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Une navette" in [a.title for a in event.list_actions(block)]
        await pilot.press("home", "d", "d")
        await pilot.pause()
        assert [a.title for a in event.list_actions(block)] == ["Une navette"]


@sync
async def test_a_held_lock_refuses_a_move_quickly(event, clock, monkeypatch):
    from facilitation.store import connection
    from facilitation.tui.write_faults import SCREEN_LOCK_WAIT_S

    waited = NapClock()  # the screen's wait for the lock, without waiting it for real
    monkeypatch.setattr(connection, "lock_wait_clock", waited)
    monkeypatch.setattr(connection, "lock_wait_sleep", waited.sleep)
    block = open_space_block(event)
    event.add_topic(block, "Logement", "Ana", slot=0, space=0)
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        other = sqlite3.connect(event.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("u")  # back to the tray
            await pilot.pause()
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert app.is_running and "Not done" in notifications(app)
        assert event.list_topics(block)[0].slot == 0
        assert SCREEN_LOCK_WAIT_S <= waited.now < SCREEN_LOCK_WAIT_S + 0.01  # not a minute
