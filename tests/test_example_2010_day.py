"""The 2010 example (two days: three World Café blocks, then an Open Space afternoon) run from
the console alone, with the keys written in docs/running-the-day.md, never quitting: seating
plan, notes coming in, the notes board, running late, the marketplace with a slot added, votes,
an action, the synthesis, to the end of the event."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from docx import Document
from pilot_support import FakeClock, notifications, screen_text, sync, wait_for
from textual import events

from facilitation.cli import main
from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.synthesis import pdf
from facilitation.tui.console import make_console_app
from facilitation.tui.console.notes_board import NotesBoardScreen
from facilitation.tui.marketplace import ActionsScreen, ConvergenceScreen, MarketplaceScreen

SESSIONS = Path(__file__).resolve().parent.parent / "sessions"
SCRIPT = "cre-capitale-nationale-2010-cafe-et-forum.md"


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[c if c != " " else "space" for c in text])


async def paste_text(pilot, text: str) -> None:
    """Text pasted into the focused field, as a terminal delivers a paste (one event, not a
    key press per character: the console's keys are what this test presses one by one)."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


@pytest.mark.slow  # the whole two days, seating search and synthesis included
@sync
async def test_the_2010_example_runs_end_to_end_from_the_console(tmp_path, monkeypatch):
    # The synthesis as on a laptop without LibreOffice: no page numbers laid out in its
    # contents, which nothing here looks at. The console's document with them (LibreOffice
    # installed) is checked by test_console_synthesis_is_the_commands_document, in
    # test_synthesis_outputs_faults.py.
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    shutil.copy(SESSIONS / SCRIPT, tmp_path / SCRIPT)
    event_path = tmp_path / "cre-2010.db"
    assert main(["new", str(tmp_path / SCRIPT), "--event", str(event_path)]) == 0
    csv = str(SESSIONS / "participants-exemple.csv")
    assert main(["import", str(event_path), csv, "--kind", "participants"]) == 0
    set_language("fr")
    clock = FakeClock()
    with Event.open(event_path, clock=clock) as event:
        start = event.script.block(1).start  # the day starts on time, by the script's clock
        clock.now = dt.datetime.combine(dt.date(2027, 1, 15), start).timestamp()
        steps = len(event.script.flat_steps())
        app = make_console_app(event, clock=clock, watch=False)
        async with app.run_test(size=(100, 30)) as pilot:
            # Day 1, block 1: the seating plan first (a, r, y), then the opening
            await pilot.press("a", "r", "y")
            await wait_for(pilot, lambda: "Plan de salle enregistré" in notifications(app), 20)
            assert "Plan de salle enregistré pour 29 personnes." in notifications(app)
            await pilot.press("escape", "space")
            for _ in range(2):  # opening, welcome: to round 1
                clock.now += 15 * 60
                await pilot.press("n")
            event.add_note(1, "Le **logement** d'abord", round=1, table=2, author="Ana")
            clock.now += 42 * 60  # round 1 runs 12 minutes over
            await pilot.press("l", "p", "a", "escape")  # running late: shorten what is left
            assert event.run_log()[-1].action == "replanned"
            await pilot.press("h")  # what the tables say
            await pilot.pause()
            assert isinstance(app.screen, NotesBoardScreen)
            await pilot.press("escape")
            # on through the café blocks and day 2's to the Open Space marketplace
            while "Place du marché" not in app.infos[app.current].step.title:
                clock.now += 60
                await pilot.press("n")
            await pilot.press("m")
            await pilot.pause()
            assert isinstance(app.screen, MarketplaceScreen)
            await pilot.press("a")
            await paste_text(pilot, "Accueil des familles / Hélène Tremblay")
            await pilot.press("enter", "escape", "t")
            await type_text(pilot, "15:30-16:30")  # "-" is a console key too: typed here
            await pilot.press("enter")
            await pilot.press("v")
            await pilot.pause()
            assert isinstance(app.screen, ConvergenceScreen)
            await pilot.press("plus", "plus", "x")
            await pilot.pause()
            assert isinstance(app.screen, ActionsScreen)
            await pilot.press("a")
            await paste_text(pilot, "Un guichet unique")
            await pilot.press("ctrl+s", "escape")
            await pilot.pause()
            await pilot.press("y")  # the synthesis, while the day goes on
            await wait_for(pilot, lambda: "Synthèse écrite" in notifications(app), 60)
            assert "Synthèse écrite" in notifications(app)
            while not app.ended:
                clock.now += 60
                await pilot.press("n")
            await pilot.pause()
            assert "L'événement est terminé" in screen_text(app)
            assert app.is_running
        assert app.return_code is None  # the console was never quit
        assert event.read_timer().status == "ended"
        assert len(event.seating(1)) > 0
        assert [t.title for t in event.list_topics(4)] == ["Accueil des familles"]
        assert event.script.block(4).slots[-1] == "15:30-16:30"
        assert event.list_votes(4)[0].count == 2
        assert [a.title for a in event.list_actions(4)] == ["Un guichet unique"]
        visited = {e.step_index for e in event.run_log()}
        assert visited >= set(range(steps - 1))
    docx = tmp_path / "cre-2010-synthese.docx"
    document = Document(docx)
    body = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "Le logement d'abord" in body and "Un guichet unique" in body
