"""The live day from the console: one navigation model (Escape back from every screen, no
piling up), the notes board following the tables as they type (from other processes), and
what it sends to the projector; the projector's "find your table" between rounds."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pilot_support import notifications, screen_text, sync, wait_for

from facilitation.run.agenda import step_infos
from facilitation.store import Event, Participant, Seat
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.console.notes_board import NotesBoardScreen
from facilitation.tui.help import HelpScreen
from facilitation.tui.marketplace import ActionsScreen, ConvergenceScreen, MarketplaceScreen
from facilitation.tui.projector import make_projector_app

SIZE = (110, 32)
SAVE_NOTE = """
import sys
from facilitation.store import Event
with Event.open(sys.argv[1]) as event:
    event.add_note(1, sys.argv[2], round=2, table=2, author="Bo")
"""


@pytest.fixture
def event(tmp_path, clock):
    with Event.create(
        tmp_path / "forum.db", sample_script("en"), "", "forum.md", clock=clock
    ) as ev:
        yield ev


def go_to(event, predicate) -> int:
    index = next(i.index for i in step_infos(event.script) if predicate(i))
    event.write_timer(event.read_timer().with_(step_index=index), "goto")
    return index


@sync
async def test_escape_comes_back_from_every_open_space_screen_and_screens_never_pile_up(
    event, clock
):
    go_to(event, lambda i: i.step.capture == "topics")
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        console = app.screen
        for key, kind in (("m", MarketplaceScreen), ("v", ConvergenceScreen), ("x", ActionsScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, kind)
            assert "Escape: back" in screen_text(app)  # the step line
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is console, kind
        # from one Open Space screen to another: they replace each other
        await pilot.press("m", "v", "x", "m")
        await pilot.pause()
        assert isinstance(app.screen, MarketplaceScreen) and len(app.screen_stack) == 2
        # the console's step keys work there, and the step line shows the countdown
        await pilot.press("space")
        await pilot.pause()
        assert event.read_timer().status == "running"
        clock.now += 61
        app.tick()
        await pilot.pause()
        assert "Place du marché · 28:59" in screen_text(app)
        await pilot.press("f1")  # F1 on the marketplace tells its keys and the console's
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.pause()
        help_text = "\n".join(f"{keys} {what}" for keys, what in app.screen.rows)
        assert "Add topic" in help_text and "Next step" in help_text
        assert "Cancel, or back to the console" in help_text
        await pilot.press("x")  # a screen's key over a pop-up does nothing
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "x")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("x")  # its own key goes back too
        await pilot.pause()
        assert app.screen is console


@sync
async def test_notes_board_follows_notes_saved_by_another_process(event, clock):
    go_to(event, lambda i: i.step.round == 2 and i.step.capture == "table")
    event.add_note(1, "Round one idea", round=1, table=1, author="Ana")
    event.add_note(1, "La **confiance** d'abord", round=2, table=2, author="Bo")
    app = make_console_app(event, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, NotesBoardScreen)
        text = screen_text(app)
        assert "Notes board — Café · round 2" in text
        assert "Table 2  1 note" in text and "Table 1  0 notes" in text
        assert "Round one idea" not in text
        await pilot.press("down")  # table 2
        await pilot.pause()
        assert "La confiance d'abord" in screen_text(app)
        subprocess.run(  # a note-taker's process saves a note
            [sys.executable, "-c", SAVE_NOTE, str(event.path), "Transport en commun"], check=True
        )
        await wait_for(pilot, lambda: "Transport en commun" in screen_text(app), seconds=5)
        assert "Table 2  2 notes" in screen_text(app)
        await pilot.press("r")  # every round
        await pilot.pause()
        await pilot.press("up")
        await pilot.pause()
        assert "Round one idea" in screen_text(app)
        await pilot.press("slash", *"transport", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "1 note found" in text and "Table 2 · Bo · Transport en commun" in text
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, NotesBoardScreen)


@sync
async def test_a_note_sent_from_the_board_shows_on_the_projector(event, clock, tmp_path):
    go_to(event, lambda i: i.step.title == "Récolte")
    event.add_note(1, "Logement d'abord", round=1, table=3, author="Ana")
    event.add_note(1, "Jeunesse", round=2, table=3, author="Ana")
    console = make_console_app(event, clock=clock, watch=False)
    with Event.open(event.path, clock=clock) as screen:
        projector = make_projector_app(screen, clock=clock)
        async with console.run_test(size=SIZE) as c, projector.run_test(size=(100, 30)) as p:
            await c.press("h")
            await c.pause()
            assert "all rounds" in screen_text(console)  # a plenary step: every round
            await c.press("down", "down", "enter", "down", "p")  # table 3, its 2nd note
            await c.pause()
            assert "1 note on the projector (Table 3)" in screen_text(console)
            await wait_for(p, lambda: "Jeunesse" in screen_text(projector), seconds=5)
            text = screen_text(projector)
            assert "Table 3" in text and "Jeunesse" in text and "Logement d'abord" not in text
            await c.press("escape", "p")  # back on the tables: the whole table
            await wait_for(p, lambda: "Logement d'abord" in screen_text(projector), seconds=5)
            await c.press("c")
            await wait_for(p, lambda: "Jeunesse" not in screen_text(projector), seconds=5)
            assert "Jeunesse" not in screen_text(projector)


@sync
async def test_console_capture_panel_counts_the_block_at_the_plenary_harvest(event, clock):
    go_to(event, lambda i: i.step.title == "Récolte")
    event.add_note(1, "One", round=1, table=1)
    event.add_note(1, "Two", round=2, table=1)
    event.add_note(1, "Three", round=3, table=4)
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "No table notes" not in text
        assert "3 notes in the block" in text


@sync
async def test_projector_shows_find_your_table_between_rounds(event, clock):
    people = [Participant(0, name) for name in ("Zoé Tremblay", "Ana Roy", "Luc Caron")]
    event.add_participants(people)
    ids = {p.name: p.id for p in event.list_participants()}
    event.set_seating(
        1,
        [
            Seat(1, 1, 1, ids["Ana Roy"]),
            Seat(1, 1, 2, ids["Luc Caron"]),
            Seat(1, 1, 3, ids["Zoé Tremblay"]),
        ],
    )
    projector = make_projector_app(event, clock=clock, watch=False)
    async with projector.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(projector)  # the welcome step, before round 1
        assert "Find your table for round 1" in text
        for name, table in (("Ana Roy", 1), ("Luc Caron", 2), ("Zoé Tremblay", 3)):
            assert re.search(rf"{name}\s+{table}\b", text), name
        seats = [
            Seat(1, 1, 4 if s.participant_id == ids["Ana Roy"] else s.table, s.participant_id)
            for s in event.seating(1)
        ]
        event.set_seating(1, seats)  # replanned: Ana moves to table 4, the list follows
        projector.refresh_view()
        await pilot.pause()
        assert re.search(r"Ana Roy\s+4\b", screen_text(projector))
        go_to(event, lambda i: i.step.round == 1)
        projector.reload()
        projector.refresh_view()
        await pilot.pause()
        assert "Find your table" not in screen_text(projector)
    assert notifications(projector) == ""
