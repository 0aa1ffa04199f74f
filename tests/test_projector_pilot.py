"""The projector follows the console through the event file, and fits any terminal size."""

from __future__ import annotations

import pytest
from pilot_support import screen_text, sync, wait_for

from facilitation.i18n import set_language
from facilitation.run import timer
from facilitation.run.agenda import planned_durations
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.help import HelpScreen
from facilitation.tui.projector import agenda_wall_due, make_projector_app
from facilitation.tui.widgets.countdown import BigCountdown, big_lines

T0 = 1_800_000_000.0


@pytest.fixture
def path(tmp_path, clock):
    path = tmp_path / "forum.db"
    Event.create(path, sample_script("en"), "", "forum.md", clock=clock).close()
    return path


@sync
async def test_projector_follows_a_console(path, clock):
    # How fast it follows is measured by bench/console_to_screen.py, not bet on here.
    with Event.open(path, clock=clock) as console_event, Event.open(path, clock=clock) as screen:
        console = make_console_app(console_event, clock=clock, watch=False)
        projector = make_projector_app(screen, clock=clock)
        async with console.run_test(size=(100, 30)) as c, projector.run_test(size=(80, 24)) as p:
            await p.pause()
            assert projector.query_one(BigCountdown).text == "10:00"
            await c.press("space", "n")  # round 1 starts now
            await wait_for(p, lambda: projector.state.step_index == 1)
            assert projector.state.step_index == 1
            await p.pause()
            text = screen_text(projector)
            assert "Ronde 1" in text and "Qu'est-ce qui compte?" in text
            clock.now += 65
            projector.tick()
            assert projector.query_one(BigCountdown).text == "18:55"
            await c.press("space")  # pause
            await wait_for(p, lambda: projector.state.status == "paused")
            await p.pause()
            assert "Paused" in screen_text(projector)
            await c.press("plus")
            await wait_for(p, lambda: projector.state.remaining == pytest.approx(1135 + 60))
            projector.tick()
            assert projector.query_one(BigCountdown).text == "19:55"


@sync
async def test_projector_shows_overtime_and_the_end(path, clock):
    with Event.open(path, clock=clock) as event:
        durations = planned_durations(event.script)
        t = timer.start(event.read_timer(), clock.now, durations)
        event.write_timer(t.state, t.action)
        app = make_projector_app(event, clock=clock, watch=False)
        async with app.run_test(size=(80, 24)) as pilot:
            clock.now += 600 + 42
            app.tick()
            await pilot.pause()
            assert app.query_one(BigCountdown).has_class("-over")
            assert app.query_one(BigCountdown).text == "+00:42"
            assert "Overtime" in screen_text(app)
            state = event.read_timer().with_(step_index=len(durations) - 1)
            t = timer.next_step(state, clock.now, durations)
            event.write_timer(t.state, t.action)
            app.state = event.read_timer()
            app.refresh_view()
            await pilot.pause()
            assert "The event is over" in screen_text(app)


@pytest.mark.parametrize(
    ("size", "big"),
    [((30, 8), False), ((40, 10), True), ((80, 24), True), ((160, 48), True), ((480, 135), True)],
)
@sync
async def test_projector_fits_the_terminal(path, clock, size, big):
    with Event.open(path, clock=clock) as event:
        app = make_projector_app(event, clock=clock, watch=False)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert ("█" in text) is big
            if not big:
                assert "10:00" in text
            widget = app.query_one(BigCountdown)
            lines = [line for line in text.splitlines() if "█" in line]
            if big:  # the digits take most of the width, whatever the size
                assert len(lines) >= 5
                used = max(len(line.rstrip()) - (len(line) - len(line.lstrip())) for line in lines)
                assert used >= widget.content_size.width * 0.4


def test_big_digits_scale_with_the_space():
    assert big_lines("10:00", 10, 3) is None
    small = big_lines("10:00", 40, 5)
    large = big_lines("10:00", 400, 120)
    assert len([line for line in small if line.strip()]) == 5
    assert len([line for line in large if line.strip()]) > 5 * 10


@sync
async def test_projector_in_french_and_its_help(path, clock):
    set_language("fr")
    with Event.open(path, clock=clock) as event:
        app = make_projector_app(event, clock=clock, watch=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "Bloc 1 : Café" in screen_text(app)
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert "Quitter" in screen_text(app)
            await pilot.press("escape", "q")
        assert app.return_code == 0


def test_the_agenda_wall_is_shown_from_the_marketplace_on():
    from facilitation.run.agenda import step_infos

    infos = step_infos(sample_script())
    due = [info.step.title for info in infos if agenda_wall_due(info)]
    assert due == ["Place du marché", "Session 1", "Session 2", "Convergence", "Plan d'action"]


@sync
async def test_the_projector_shows_the_agenda_wall_as_it_fills(path, clock):
    from facilitation.run.agenda import step_infos

    infos = step_infos(sample_script("en"))
    session = next(info.index for info in infos if info.step.title == "Session 1")
    marketplace = next(info.index for info in infos if info.step.capture == "topics")
    with Event.open(path, clock=clock) as helper, Event.open(path, clock=clock) as screen:
        helper.add_topic(2, "Logement abordable", "Marie Roy", slot=0, space=0)
        state = helper.read_timer()
        helper.write_timer(state.with_(step_index=marketplace), "goto")
        projector = make_projector_app(screen, clock=clock)
        async with projector.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            wall = projector.query_one("#agenda-wall")
            assert wall.display  # during the marketplace, the room watches the wall fill
            assert "Logement abordable" in screen_text(projector)
            helper.add_topic(2, "Garderie", "Ana", slot=0, space=1)
            await wait_for(pilot, lambda: "Garderie" in screen_text(projector))
            assert "Garderie" in screen_text(projector)
            helper.write_timer(helper.read_timer().with_(step_index=session), "goto")
            await wait_for(pilot, lambda: projector.state.step_index == session)
            await pilot.pause()
            assert projector.query_one("#agenda-wall").display
            helper.add_topic(2, "Transport rural", "Luc Gagnon", slot=1, space=1)
            await wait_for(pilot, lambda: "Transport rural" in screen_text(projector))
            assert "Transport rural" in screen_text(projector)
