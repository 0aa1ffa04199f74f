"""Running late: the forecast end of the block, shortening the steps left in proportion or
dropping one, recorded in the run log, followed by the console's keys and the synthesis's
agenda. The clock is a fake one."""

from __future__ import annotations

import json

import pytest
from pilot_support import screen_text, sync

from facilitation.run.late import adjusted_minutes, shorten_in_proportion
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.synthesis.agenda import agenda
from facilitation.tui.console import make_console_app
from facilitation.tui.console.late_screen import RunningLateScreen
from facilitation.tui.projector import make_projector_app
from facilitation.tui.widgets.countdown import BigCountdown

SIZE = (110, 32)


@pytest.fixture
def event(tmp_path, clock):
    with Event.create(
        tmp_path / "forum.db", sample_script("en"), "", "forum.md", clock=clock
    ) as ev:
        yield ev


def test_shortening_in_proportion_catches_up_whole_minutes():
    minutes = [10, 20, 20, 20, 20]
    assert shorten_in_proportion(minutes, [2, 3, 4], 12 * 60) == {2: 16, 3: 16, 4: 16}
    new = shorten_in_proportion([10, 30, 15], [1, 2], 7 * 60)
    assert sum(new.values()) == 45 - 7 and all(m >= 1 for m in new.values())
    assert shorten_in_proportion(minutes, [2], 0) == {}
    assert shorten_in_proportion([5, 2, 2], [1, 2], 10 * 60) == {1: 1, 2: 1}  # at least 1 min


async def late_by_twelve_minutes(app, pilot, clock):
    await pilot.press("space")  # welcome starts at T0
    clock.now += 10 * 60
    await pilot.press("n")  # round 1 starts on time, and runs 12 minutes over
    clock.now += 32 * 60
    await pilot.press("l")
    await pilot.pause()
    assert isinstance(app.screen, RunningLateScreen)


@sync
async def test_running_late_shortens_the_steps_left_and_is_logged(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await late_by_twelve_minutes(app, pilot, clock)
        text = screen_text(app)
        assert "12 min late" in text
        assert "Ronde 2 · 20 min" in text and "Récolte · 20 min" in text
        await pilot.press("p")
        await pilot.pause()
        assert "Ronde 2 · 20 min → 16 min" in screen_text(app)
        assert event.run_log()[-1].action != "replanned"  # proposed only
        await pilot.press("a")
        await pilot.pause()
        assert "On time." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        entry = event.run_log()[-1]
        assert entry.action == "replanned"
        assert json.loads(entry.detail)["minutes"] == {"2": 16, "3": 16, "4": 16}
        assert json.loads(entry.detail)["late"] == 12
        await pilot.press("n")  # round 2 now starts with its new duration
        await pilot.pause()
        assert app.query_one(BigCountdown).text == "16:00"
        assert "16 min" in screen_text(app)
    projector = make_projector_app(event, clock=clock, watch=False)  # a projector opened now
    assert projector.durations[3] == 16 * 60 and projector.minutes[:5] == [10, 20, 16, 16, 16]
    rows = agenda(event.script, event.run_log())
    assert [r.replanned_minutes for r in rows[:5]] == [None, None, 16, 16, 16]
    assert rows[2].planned_minutes == 20


@sync
async def test_dropping_a_step_skips_it_and_a_restarted_console_knows(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await late_by_twelve_minutes(app, pilot, clock)
        await pilot.press("d", "a", "escape")  # the highlighted step: round 2
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.infos[app.current].step.title == "Ronde 3"
    assert adjusted_minutes([10, 20, 20, 20, 20], event.run_log())[:5] == [10, 20, 0, 20, 20]
    again = make_console_app(event, clock=clock, watch=False)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("b")  # back: over the dropped round, to round 1
        await pilot.pause()
        assert again.infos[again.current].step.title == "Ronde 1"
    rows = agenda(event.script, event.run_log())
    assert rows[2].replanned_minutes == 0


@sync
async def test_the_synthesis_agenda_shows_the_re_plan(event, clock, tmp_path):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await late_by_twelve_minutes(app, pilot, clock)
        await pilot.press("p", "a", "escape")
        await pilot.pause()
    from facilitation.synthesis import write_synthesis

    write_synthesis(event, tmp_path / "synthesis.md", lang="en")
    text = (tmp_path / "synthesis.md").read_text(encoding="utf-8")
    assert "(re-planned: 16 min)" in text
