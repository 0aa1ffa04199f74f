"""The restricted (served) mode: a join-code screen, one table only, nothing else reachable."""

from __future__ import annotations

import pytest
from capture_support import at_the_welcome, copied_event
from pilot_support import notifications, wait_for
from textual.widgets import Input

from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.capture.app import CaptureApp
from facilitation.tui.capture.editor import NoteEditorScreen
from tests.test_capture_editor import SIZE, clock, screen_text, sync, type_text


@pytest.fixture(autouse=True)
def short_code_pause(fast_timers, monkeypatch):
    """The field stays disabled 30 ms after a wrong code (1 s in use, 0.1 s in the other
    tests): each test waits for the field to come back, five times at most. Longer than
    pilot_support.SHORT_TIMER, so a pause after Enter does not wait it out."""
    monkeypatch.setattr(fast_timers, "WRONG_CODE_PAUSE", 0.03)


def code_field(app) -> Input:
    return app.screen.query_one("#code", Input)


def at_round_one_not_started(path) -> None:
    with Event.create(path, sample_script("fr"), "s", "s.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1), "goto")
        event.table_codes()  # the codes are made once, with the event
        event.facilitator_code()


def event_with_codes(tmp_path_factory, tmp_path):
    path = copied_event(tmp_path_factory, tmp_path, at_round_one_not_started)
    with Event.open(path) as event:
        codes = event.table_codes()
        facilitator = event.facilitator_code()
    return path, codes, facilitator


@sync
async def test_join_screen_shows_nothing_of_the_event_and_refuses_wrong_codes(
    tmp_path_factory, tmp_path
):
    path, codes, facilitator = event_with_codes(tmp_path_factory, tmp_path)
    app = CaptureApp(Event.open(path, clock=clock), restricted=True, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "Type the code written on your table's card" in text
        assert "Forum régional" not in text and "^p" not in text  # no title, no palette
        for wrong in ("ZZZZZ", facilitator):  # the facilitator's code opens nothing here
            await type_text(pilot, wrong)
            await pilot.press("enter")
            await pilot.pause()
            assert "This code opens nothing" in screen_text(app)
            assert not isinstance(app.screen, NoteEditorScreen)
            # The field is disabled for a moment (timings.WRONG_CODE_PAUSE) after a wrong code.
            await wait_for(pilot, lambda: not code_field(app).disabled)
            assert not code_field(app).disabled and code_field(app).value == ""
        await type_text(pilot, codes[3][:2] + "-" + codes[3][2:].lower())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen) and app.screen.table == 3
        assert "Table 3" in screen_text(app)
        await pilot.press("ctrl+p")  # no command palette in a browser
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)


@sync
async def test_too_many_wrong_codes_end_the_session(tmp_path_factory, tmp_path):
    path, _codes, _facilitator = event_with_codes(tmp_path_factory, tmp_path)
    app = CaptureApp(Event.open(path, clock=clock), restricted=True, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        for attempt in range(5):
            await type_text(pilot, "WRONG")
            await pilot.press("enter")
            await pilot.pause()
            if attempt < 4:
                await wait_for(pilot, lambda: not code_field(app).disabled)
        assert code_field(app).disabled  # for good
        assert "Too many wrong codes" in screen_text(app)
        await wait_for(pilot, lambda: app.return_code is not None)  # the session ends
        assert app.return_code == 0
        assert not isinstance(app.screen, NoteEditorScreen)


@sync
async def test_typed_before_the_first_round_goes_to_round_one(tmp_path_factory, tmp_path):
    path = copied_event(tmp_path_factory, tmp_path, at_the_welcome)  # at the welcome
    app = CaptureApp(Event.open(path, clock=clock), table=1, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert "waiting for a step that takes notes" in screen_text(app)
        await type_text(pilot, "early words")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "No round has started yet" in notifications(app)
        with Event.open(path) as console:
            state = console.read_timer()
            console.write_timer(state.with_(step_index=1), "goto")
        await wait_for(pilot, lambda: "waiting for a step" not in screen_text(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
    with Event.open(path) as event:
        assert [(n.round, n.text) for n in event.list_notes()] == [(1, "early words")]


@sync
async def test_chooser_opens_a_table_by_code(tmp_path_factory, tmp_path):
    path, codes, _facilitator = event_with_codes(tmp_path_factory, tmp_path)
    app = CaptureApp(Event.open(path, clock=clock), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "Table 4" in text and "Plenary" in text and "Typist" in text
        await pilot.press("shift+tab")
        await type_text(pilot, codes[4])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen) and app.screen.table == 4
