"""Pilot tests of the Open Space report form and the typist's bulk view."""

from __future__ import annotations

import pytest
from capture_support import at_the_welcome, copied_event
from pilot_support import wait_for

from facilitation.store import Event
from facilitation.store.people import Participant
from facilitation.tui.capture.app import CaptureApp
from tests.test_capture_editor import SIZE, clock, draft_texts, screen_text, sync, type_text


@pytest.fixture
def new_event(tmp_path_factory, tmp_path):
    """The sample event, just created (a copy of one built once: capture_support.py)."""
    return copied_event(tmp_path_factory, tmp_path, at_the_welcome)


@sync
async def test_report_form_saves_revisions_with_participants_from_the_list(new_event):
    path = new_event
    with Event.open(path) as event:
        topic = event.add_topic(2, "Transport collectif", convener="Lise")
        event.add_participants([Participant(0, "Ana Roy"), Participant(0, "Paul Tremblay")])
    app = CaptureApp(Event.open(path, clock=clock), who="scribe", clock=clock, start="reports")
    async with app.run_test(size=SIZE) as pilot:
        assert "Transport collectif" in screen_text(app) and "no report yet" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "Key points of the discussion" in screen_text(app)
        await pilot.press("tab", "tab")  # title, convener, participants
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("space", "down", "space", "enter")
        await pilot.press("tab")
        await type_text(pilot, "- buses every 15 min")
        await pilot.press("ctrl+s")
        await pilot.pause()
        with Event.open(path) as event:
            report = event.report(topic)
        assert report.revision == 1 and report.convener == "Lise"
        assert report.participants == "Ana Roy\nPaul Tremblay"
        assert report.key_points == "- buses every 15 min"
        await pilot.press("tab")
        await type_text(pilot, "ask the MRC")
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert "report, revision 2" in screen_text(app)
    with Event.open(path) as event:
        history = event.report_history(topic)
    assert [r.revision for r in history] == [1, 2]
    assert history[-1].recommendations == "ask the MRC" and history[0].recommendations == ""


@sync
async def test_report_draft_survives_a_restart(new_event):
    path = new_event
    with Event.open(path) as event:
        topic = event.add_topic(2, "Logement")
    app = CaptureApp(Event.open(path, clock=clock), who="x", clock=clock, start="reports")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter", "tab", "tab", "tab")
        await type_text(pilot, "not saved")
        await wait_for(pilot, lambda: any("not saved" in text for text in draft_texts(path)))
    app = CaptureApp(Event.open(path, clock=clock), who="x", clock=clock, start="reports")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "not saved" in screen_text(app)
    with Event.open(path) as event:
        assert event.report(topic) is None


@sync
async def test_typist_types_a_round_table_after_table(new_event):
    path = new_event
    app = CaptureApp(Event.open(path, clock=clock), clock=clock, start="typist")
    async with app.run_test(size=SIZE) as pilot:
        assert "Table 1 · Ronde 1" in screen_text(app)
        await type_text(pilot, "first idea #housing")
        await pilot.press("enter")
        await type_text(pilot, "second idea")
        await pilot.press("enter", "pagedown")
        await type_text(pilot, "at table two")
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Table 1  (2)" in text and "Table 2  (1)" in text
        await type_text(pilot, "half typed")
        await pilot.press("pagedown")  # the line stays with table 2 as a draft
        await pilot.press("pageup")
        await pilot.pause()
        assert app.screen.query_one("#line").value == "half typed"
    with Event.open(path) as event:
        notes = event.list_notes()
        assert [(n.table, n.round, n.text, n.tags) for n in notes] == [
            (1, 1, "first idea", ["housing"]),
            (1, 1, "second idea", []),
            (2, 1, "at table two", []),
        ]
        assert all(n.origin == "typist" for n in notes)
