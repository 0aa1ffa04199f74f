"""The console at the harvest: key `i` shows what is coming up at several tables in the
current round (or, on the harvest step, in the block's last round), and follows new notes."""

from __future__ import annotations

import pytest
from pilot_support import screen_text, sync, wait_for

from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.console.ideas_panel import IdeasScreen
from facilitation.tui.messages import EventFileChanged

SIZE = (110, 36)

NOTES = {
    1: ["Long waiting lists for childcare.", "Good discussion, everyone took part."],
    2: ["Point raised: long waiting lists for childcare!", "Rents are too high."],
    3: ["**Foreign credentials** are not recognized.", "Consensus at the table."],
}


@pytest.fixture
def event(tmp_path, clock):
    script = sample_script("en")
    with Event.create(tmp_path / "forum.db", script, "", "forum.md", clock=clock) as ev:
        for table, texts in NOTES.items():
            for text in texts:
                ev.add_note(1, text, round=1, table=table, author="Ana")
        yield ev


def ideas_text(app) -> str:
    return screen_text(app) if isinstance(app.screen, IdeasScreen) else ""


@sync
async def test_i_shows_the_rounds_recurring_ideas_and_follows_new_notes(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")  # Ronde 1
        await pilot.press("i")
        await wait_for(pilot, lambda: "waiting lists" in ideas_text(app), 5.0)
        text = ideas_text(app)
        assert "What is coming up at the tables" in text
        assert "Round 1, so far" in text and "3 tables have notes" in text
        assert "1. long waiting lists for childcare — 2 tables" in text
        assert "(table 1)" in text or "(table 2)" in text  # a quote and where it was said
        assert "discussion" not in text.lower() and "consensus" not in text.lower()
        assert "credentials" not in text  # one table only
        # A fourth table writes: the screen follows the event file.
        event.add_note(1, "Foreign credentials not recognized", round=1, table=4, author="Bo")
        app.post_message(EventFileChanged())
        await wait_for(pilot, lambda: "credentials" in ideas_text(app), 5.0)
        text = ideas_text(app)
        assert "foreign credentials" in text.lower() and "4 tables have notes" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, IdeasScreen)


@sync
async def test_on_the_harvest_step_it_shows_the_last_round_with_notes(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(4):  # Accueil -> Ronde 1, 2, 3 -> Récolte
            await pilot.press("n")
        await pilot.press("i")
        await wait_for(pilot, lambda: "waiting lists" in ideas_text(app), 5.0)
        assert "Round 1, so far" in ideas_text(app)


@sync
async def test_a_block_without_table_notes_says_so_in_french(tmp_path, clock):
    set_language("fr")  # conftest sets English back after the test
    with Event.create(tmp_path / "e.db", sample_script("fr"), "", "e.md", clock=clock) as ev:
        app = make_console_app(ev, clock=clock, watch=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("i")
            await wait_for(pilot, lambda: "encore" in ideas_text(app), 5.0)
            text = ideas_text(app)
            assert "Ce qui revient aux tables" in text
            assert "Aucune ronde de ce bloc n'a encore de notes de table." in text


@sync
async def test_the_key_is_listed_in_the_help(event, clock):
    app = make_console_app(event, clock=clock, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert "What is coming up at the tables" in screen_text(app)
