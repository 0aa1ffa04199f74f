"""The facilitator reveals the dot votes (key r on the console's votes screen): the flag is in
the event file, and the projector (another process, another connection) follows it."""

from __future__ import annotations

import pytest
from pilot_support import FakeClock, notifications, screen_text, sync, wait_for

from facilitation.store import Event
from facilitation.store.results import results_revealed
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.help import HelpScreen
from facilitation.tui.marketplace import ConvergenceScreen
from facilitation.tui.projector import make_projector_app

CONVERGENCE = 8  # the sample script's convergence step (block 2)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def path(tmp_path, clock):
    path = tmp_path / "forum.db"
    with Event.create(path, sample_script("en"), "", "forum.md", clock=clock) as event:
        mobility = event.add_topic(2, "Mobilité active", "Luc", slot=0, space=0)
        event.add_topic(2, "Jardins partagés", "Béa", slot=0, space=1)
        event.set_votes(2, 7, topic_id=mobility)
        event.write_timer(event.read_timer().with_(step_index=CONVERGENCE), "goto")
    return path


@sync
async def test_r_reveals_then_hides_the_results_on_the_projector(path, clock):
    with Event.open(path, clock=clock) as mine, Event.open(path, clock=clock) as screen:
        console = make_console_app(mine, clock=clock, watch=False)
        projector = make_projector_app(screen, clock=clock)
        async with console.run_test(size=(110, 30)) as c, projector.run_test(size=(120, 40)) as p:
            await c.press("v")
            await c.pause()
            assert isinstance(console.screen, ConvergenceScreen)
            assert "Results hidden from the room" in screen_text(console)
            await p.pause()
            assert "Results of the votes" not in screen_text(projector)
            assert "Mobilité active" in screen_text(projector)  # the wall stays
            assert not projector.query_one("#results").display

            await c.press("r")
            await c.pause()
            assert results_revealed(screen, 2)
            assert "Results shown on the projector" in screen_text(console)
            await wait_for(p, lambda: "Results of the votes" in screen_text(projector), seconds=5)
            shown = screen_text(projector)
            line = next(x for x in shown.splitlines() if "Mobilité active" in x and "1" in x)
            assert " 7 " in line
            assert not projector.query_one("#agenda-wall").display  # the results take the room

            await c.press("r")
            await c.pause()
            assert not results_revealed(screen, 2)
            await wait_for(
                p, lambda: "Results of the votes" not in screen_text(projector), seconds=5
            )
            assert "Results of the votes" not in screen_text(projector)
            assert "Mobilité active" in screen_text(projector)  # the wall stays


@sync
async def test_the_reveal_key_is_in_the_footer_and_the_help(path, clock):
    with Event.open(path, clock=clock) as event:
        console = make_console_app(event, clock=clock, watch=False)
        async with console.run_test(size=(140, 30)) as c:
            await c.press("v")
            await c.pause()
            assert "Reveal/hide results" in screen_text(console)
            await c.press("f1")
            await c.pause()
            assert isinstance(console.screen, HelpScreen)
            assert "Reveal/hide results" in screen_text(console)


@sync
async def test_r_on_a_read_only_event_is_refused_in_plain_words(path, clock):
    with Event.open(path, clock=clock) as event:
        console = make_console_app(event, clock=clock, watch=False)
        async with console.run_test(size=(110, 30)) as c:
            await c.press("v")
            await c.pause()
            event._conn.execute("PRAGMA query_only = ON")
            await c.press("r")
            await c.pause()
            assert console.is_running
            assert "read-only" in notifications(console)
            assert "Results hidden from the room" in screen_text(console)
            event._conn.execute("PRAGMA query_only = OFF")
            await c.press("r")
            await c.pause()
            assert results_revealed(event, 2)
