"""A failing background job never takes the console down: the synthesis, the seating plan and
the agenda suggestion are forced to fail; the console keeps running, says what happened, and
a line lands in the log file beside the event."""

from __future__ import annotations

import pytest
from pilot_support import notifications, screen_text, sync, wait_for

from facilitation.run.agenda import step_infos
from facilitation.store import Event, Participant
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.failures import failure_log_path
from facilitation.tui.marketplace import MarketplaceScreen

T0 = 1_800_000_000.0
SIZE = (110, 32)


@pytest.fixture
def event(tmp_path):
    with Event.create(tmp_path / "forum.db", sample_script("en"), "", "forum.md") as ev:
        yield ev


def boom(*args, **kwargs):
    raise RuntimeError("disk on fire")


def log_text(event) -> str:
    path = failure_log_path(event.path)
    return path.read_text(encoding="utf-8") if path.exists() else ""


@sync
async def test_a_failing_synthesis_leaves_the_console_running(event, monkeypatch):
    monkeypatch.setattr("facilitation.tui.console.work.write_synthesis", boom)
    app = make_console_app(event, clock=lambda: T0, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        await wait_for(pilot, lambda: "failed" in notifications(app), seconds=10)
        assert "The synthesis failed: RuntimeError: disk on fire" in notifications(app)
        assert "forum-errors.log" in notifications(app)
        await pilot.press("space")  # the console still answers
        await pilot.pause()
        assert app.is_running and event.read_timer().status == "running"
        assert not app.query_one("#work-progress").display
    assert app.return_code in (None, 0)
    assert "synthesis: RuntimeError: disk on fire" in log_text(event)
    assert "Traceback" in log_text(event)


@sync
async def test_a_failing_seating_plan_leaves_the_console_running(event, monkeypatch):
    event.add_participants(Participant(0, f"P{n}") for n in range(12))
    monkeypatch.setattr("facilitation.tui.console.work.seat_block", boom)
    app = make_console_app(event, clock=lambda: T0, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", "y")
        await wait_for(pilot, lambda: "failed" in notifications(app), seconds=10)
        assert "The seating plan failed: RuntimeError: disk on fire" in notifications(app)
        await pilot.press("escape", "n")
        await pilot.pause()
        assert app.is_running and event.read_timer().step_index == 1
    assert "seating: RuntimeError: disk on fire" in log_text(event)


@sync
async def test_a_failing_agenda_suggestion_leaves_the_marketplace_running(event, monkeypatch):
    index = next(i.index for i in step_infos(event.script) if i.step.capture == "topics")
    event.write_timer(event.read_timer().with_(step_index=index), "goto")
    event.add_topic(2, "Logement", "Marie")
    monkeypatch.setattr("facilitation.tui.marketplace.suggest_keys.suggest_agenda", boom)
    app = make_console_app(event, clock=lambda: T0, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "s")
        await wait_for(pilot, lambda: "failed" in notifications(app), seconds=10)
        assert isinstance(app.screen, MarketplaceScreen)
        assert "The agenda suggestion failed" in screen_text(app)
        assert notifications(app).count("The agenda suggestion failed") == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, MarketplaceScreen)
    assert "suggest: RuntimeError: disk on fire" in log_text(event)
