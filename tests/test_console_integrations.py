"""The console's keys that reach the other parts: Open Space screens, seating, synthesis."""

from __future__ import annotations

import re

import pytest
from docx import Document
from pilot_support import notifications, screen_text, sync, wait_for

from facilitation.run.agenda import step_infos
from facilitation.store import Event, Participant
from facilitation.store.sample import sample_script
from facilitation.synthesis import pdf
from facilitation.tui.console import make_console_app
from facilitation.tui.marketplace import ActionsScreen, ConvergenceScreen, MarketplaceScreen

T0 = 1_800_000_000.0
SIZE = (110, 32)


@pytest.fixture
def event(tmp_path):
    with Event.create(tmp_path / "forum.db", sample_script("en"), "", "forum.md") as ev:
        yield ev


def go_to(event, predicate) -> None:
    index = next(i.index for i in step_infos(event.script) if predicate(i))
    event.write_timer(event.read_timer().with_(step_index=index), "goto")


@sync
async def test_open_space_keys_open_their_screens_and_follow_the_file(event, tmp_path):
    go_to(event, lambda i: i.step.capture == "topics")
    app = make_console_app(event, clock=lambda: T0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MarketplaceScreen)
        with Event.open(event.path) as helper:  # a second helper typing topics elsewhere
            helper.add_topic(2, "Logement abordable", "Marie Roy", slot=0, space=0)
        await wait_for(pilot, lambda: "Logement abordable" in screen_text(app), seconds=10)
        assert "Logement abordable" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ConvergenceScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)


@sync
async def test_open_space_keys_say_so_on_a_world_cafe_block(event):
    app = make_console_app(event, clock=lambda: T0, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "v")
        await pilot.pause()
        assert not isinstance(app.screen, (MarketplaceScreen, ConvergenceScreen))
        assert "not an Open Space block" in notifications(app)
        assert "Open Space" not in screen_text(app)  # the footer does not offer it here


@sync
async def test_seating_key_shows_the_plan_and_replans_only_once_confirmed(event, tmp_path):
    app = make_console_app(event, clock=lambda: T0, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert "No seating plan yet" in screen_text(app)
        await pilot.press("r", "y")
        await wait_for(pilot, lambda: "no participants" in notifications(app), seconds=10)
        assert "no participants yet" in notifications(app)
        assert app.is_running
        event.add_participants(
            Participant(0, f"Person {n}", organisation=f"Org {n % 5}", role="host" if n < 4 else "")
            for n in range(18)
        )
        await pilot.press("r", "n")  # asked, and refused: nothing happens
        await pilot.pause()
        assert event.seating(1) == []
        await pilot.press("r", "y")
        await wait_for(pilot, lambda: "Seating stored" in notifications(app), seconds=10)
        await wait_for(pilot, lambda: "Person 7" in screen_text(app), seconds=5)
        text = screen_text(app)
        assert "Round 1" in text and "18 people seated" in text
        await pilot.press("t")  # by person: one line each, the tables of each round
        await pilot.pause()
        assert re.search(r"Person 10\s+\d", screen_text(app))
        seats = event.seating(1)
        await pilot.press("escape", "a")  # showing it again never re-plans
        await pilot.pause()
        assert event.seating(1) == seats
    assert "Seating stored for 18 people" in notifications(app)
    seats = event.seating(1)
    rounds = {s.round for s in seats}
    assert rounds == {r.round for r in event.script.blocks[0].rounds()}
    assert len(seats) == 18 * len(rounds)
    cards = tmp_path / "forum-bloc1-cards.docx"
    text = "\n".join(p.text for p in Document(cards).paragraphs) + "\n".join(
        cell.text for table in Document(cards).tables for row in table.rows for cell in row.cells
    )
    assert "Person 7" in text


@sync
async def test_synthesis_key_writes_the_document_beside_the_event(event, tmp_path, monkeypatch):
    # As on a laptop without LibreOffice (no page numbers in the contents): the console's
    # document with them is test_console_synthesis_is_the_commands_document's, in
    # test_synthesis_outputs_faults.py.
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    event.add_note(1, "La **confiance** d'abord", round=1, table=2, author="Ana")
    app = make_console_app(event, clock=lambda: T0, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        await wait_for(pilot, lambda: "Synthesis written" in notifications(app), seconds=30)
        assert not app.query_one("#work-progress").display
    path = tmp_path / "forum-synthesis.docx"
    assert f"Synthesis written to {path}" in notifications(app)
    body = "\n".join(p.text for p in Document(path).paragraphs)
    assert "La confiance d'abord" in body and event.script.event.title in body


@sync
async def test_notes_from_the_tables_do_not_make_the_console_reread_the_run_log(event, timer_ticks):
    """Every run-log row comes with a timer write: a note or a draft (several a second in a
    busy room) only refreshes the counts."""
    go_to(event, lambda i: i.step.capture == "table")
    reads = []
    real_run_log = event.run_log
    app = make_console_app(event, clock=lambda: T0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        event.run_log = lambda *a, **k: reads.append(1) or real_run_log(*a, **k)
        with Event.open(event.path) as table:
            table.add_note(1, "Une idée", round=1, table=2)
            table.save_draft("table:3", "en cours")
        table_two = re.compile(r"^\W*2\s+1\s", re.M)  # the capture panel: table 2, 1 note
        await wait_for(pilot, lambda: table_two.search(screen_text(app)))
        assert table_two.search(screen_text(app))
        looks = timer_ticks["watch-event-file"] + 2  # the draft's change too: the console has
        await wait_for(pilot, lambda: timer_ticks["watch-event-file"] >= looks)  # looked since
        assert timer_ticks["watch-event-file"] >= looks
        assert reads == []
        with Event.open(event.path) as other_console:  # the timer moves: now it is read
            other_console.write_timer(other_console.read_timer().with_(status="running"), "started")
        await wait_for(pilot, lambda: reads != [])
        assert reads
