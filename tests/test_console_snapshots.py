"""Snapshots of the console mid-round (fixed clock, a few notes), 80x24 and 160x48, fr and en."""

from __future__ import annotations

import time

import pytest
from pilot_support import FakeClock

from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app

T0 = 1_800_000_000.0  # 2027-01-15 08:00 UTC


@pytest.fixture
def utc(monkeypatch):
    """Clock times on screen in UTC, whatever the machine's time zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def mid_round_event(path, lang: str, clock: FakeClock) -> Event:
    script = sample_script(lang)
    round_one = script.blocks[0].steps[1]
    round_one.prompt = (
        "Invite each table to **choose a host**. Remind them:\n\n"
        "- speak from the heart\n- listen to understand\n- write or draw on the tablecloth"
    )
    event = Event.create(path, script, "", "forum.md", clock=clock)
    clock.now += 60
    event.add_note(1, "La confiance d'abord", round=1, table=1, author="Ana")
    clock.now += 120
    event.add_note(1, "Le logement", round=1, table=1, author="Ana")
    event.add_note(1, "Les jeunes", round=1, table=3, author="Bo")
    return event


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_console_mid_round(snap_compare, tmp_path, utc, lang, size):
    set_language(lang)
    clock = FakeClock()
    event = mid_round_event(tmp_path / "forum.db", lang, clock)
    clock.now = T0
    app = make_console_app(event, clock=clock, watch=False)

    async def run_before(pilot):
        await pilot.press("space")
        clock.now += 600
        await pilot.press("n")  # round 1 starts at T0 + 10 min
        clock.now += 750  # 7 min 30 s left in round 1
        app.refresh_view()
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=size, run_before=run_before)
    finally:
        event.close()
