"""Pilot tests of the table note editor: type, tag, save, edit, delete, follow the console,
never lose a word when the round changes, drafts restored after a restart."""

from __future__ import annotations

import pytest
from capture_support import at_round_one, copied_event
from pilot_support import screen_text, sync, wait_for
from textual import events
from textual.widgets import TextArea

from facilitation.store import Event
from facilitation.tui.capture.app import CaptureApp

SIZE = (80, 24)  # a common terminal: everything the tests read fits


T0 = 1_800_000_000.0


def clock() -> float:
    return T0


@pytest.fixture
def event_path(tmp_path_factory, tmp_path):
    """The sample event at round 1 (a copy of one built once: capture_support.py)."""
    return copied_event(tmp_path_factory, tmp_path, at_round_one)


def make_app(path, table=2, who="ana") -> CaptureApp:
    return CaptureApp(Event.open(path, clock=clock), table=table, who=who, clock=clock)


async def type_text(pilot, text: str) -> None:
    """Type `text` key by key as a fast typist would: the key events are queued at once (the
    app handles them in order, as it does a terminal's), then the app catches up. Pilot's
    `press` waits for the app to be idle after every key, which made typing most of the time
    of the capture tests."""
    keys = {" ": "space", "\n": "enter", "*": "asterisk", "-": "minus", "'": "apostrophe"}
    for char in text:
        pilot.app.post_message(events.Key(keys.get(char, char), "\r" if char == "\n" else char))
    # Each pause waits until every queue had handled what was in it: the app forwards the keys
    # to the focused widget, which then tells its screen (a change, a submission).
    for _ in range(3):
        await pilot.pause()


def draft_texts(path) -> list[str]:
    """The drafts in the event file, as another process sees them."""
    with Event.open(path) as event:
        return [d.text for d in event.list_drafts()]


def go_to_step(path, step_index: int) -> None:
    """What the console does when the facilitator moves to another step."""
    with Event.open(path) as console:
        state = console.read_timer()
        console.write_timer(state.with_(step_index=step_index), "goto")


@sync
async def test_type_tag_save_edit_delete(event_path):
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        assert "Table 2" in screen_text(app) and "Ronde 1" in screen_text(app)
        await type_text(pilot, "- more *housing* near the bus")
        await pilot.press("f3", "2", "enter")  # codebook key 2: Logement abordable
        assert "Logement abordable" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        with Event.open(event_path) as event:
            [note] = event.list_notes()
        assert (note.block, note.round, note.table, note.kind) == (1, 1, 2, "table")
        assert note.text == "- more *housing* near the bus"
        assert note.tags == ["housing"] and note.author == "ana"
        assert app.screen.query_one("#text", TextArea).text == ""
        shown = screen_text(app)  # the list renders the Markdown: a bullet, no asterisks
        assert "• more housing near the bus" in shown and "*housing*" not in shown

        # Edit: the notes list (F4), the note under the round's heading, Enter.
        await pilot.press("f4", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#text", TextArea).text == note.text
        assert "Editing" in screen_text(app)
        await pilot.press("end")
        await type_text(pilot, " and schools")
        await pilot.press("ctrl+s")
        await pilot.pause()
        with Event.open(event_path) as event:
            edited = event.get_note(note.id)
            history = event.note_history(note.id)
        assert edited.text == "- more *housing* near the bus and schools"
        assert [r.action for r in history] == ["created", "edited"]
        assert history[0].text == "- more *housing* near the bus"

        # Delete, with confirmation: gone from the list, kept in the history.
        await pilot.press("f4", "down", "delete")
        await pilot.pause()
        assert "Delete this note?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        with Event.open(event_path) as event:
            assert event.list_notes() == []
            assert [r.action for r in event.note_history(note.id)] == [
                "created",
                "edited",
                "deleted",
            ]
        shown = screen_text(app)  # the note's two lines (80 columns) are gone from the list
        assert "near the bus" not in shown and "and schools" not in shown


@sync
async def test_round_changes_while_typing_nothing_is_lost(event_path):
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "half a sentence")
        go_to_step(event_path, 2)  # the facilitator starts round 2
        await wait_for(pilot, lambda: "The room is now at Ronde 2" in screen_text(app))
        text = screen_text(app)
        assert "The room is now at Ronde 2" in text
        assert "stays in Ronde 1" in text
        assert app.screen.query_one("#text", TextArea).text == "half a sentence"
        with Event.open(event_path) as event:  # the round change wrote the draft
            [draft] = event.list_drafts()
            assert draft.text == "half a sentence" and "/b1/r1/" in draft.key
        await type_text(pilot, " finished")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # The next note goes to the new round.
        await type_text(pilot, "a round 2 idea")
        await pilot.press("ctrl+s")
        await pilot.pause()
        with Event.open(event_path) as event:
            notes = event.list_notes()
            assert [(n.round, n.text) for n in notes] == [
                (1, "half a sentence finished"),
                (2, "a round 2 idea"),
            ]
            assert event.list_drafts() == []
        assert "Ronde 2" in screen_text(app) and "(now)" in screen_text(app)
        # What the table said before stays listed, for briefing newcomers.
        assert "half a sentence finished" in screen_text(app)


@sync
async def test_moving_a_pinned_note_to_the_new_round(event_path):
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "late idea")
        go_to_step(event_path, 2)
        await wait_for(pilot, lambda: "The room is now at Ronde 2" in screen_text(app))
        await pilot.press("f8", "ctrl+s")
        await pilot.pause()
    with Event.open(event_path) as event:
        [note] = event.list_notes()
        assert note.round == 2


@sync
async def test_the_table_change_keeps_the_last_round(event_path):
    """A step that takes no notes (the harvest for a table) keeps the round that just ended."""
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        go_to_step(event_path, 4)  # harvest: plenary notes, not table notes
        await wait_for(pilot, lambda: "Ronde 3 (ended)" in screen_text(app))
        assert "Ronde 3 (ended)" in screen_text(app)
        await type_text(pilot, "after the bell")
        await pilot.press("ctrl+s")
        await pilot.pause()
    with Event.open(event_path) as event:
        assert [n.round for n in event.list_notes()] == [3]


@sync
async def test_draft_restored_after_a_restart(event_path):
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "words not saved yet")
        # drafts are written at most timings.DRAFT_SECONDS after a change
        await wait_for(pilot, lambda: draft_texts(event_path) == ["words not saved yet"])
        assert draft_texts(event_path) == ["words not saved yet"]
        # the process dies here: no quit, no save
    go_to_step(event_path, 2)
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#text", TextArea).text == "words not saved yet"
        assert "stays in Ronde 1" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    with Event.open(event_path) as event:
        assert [(n.round, n.text) for n in event.list_notes()] == [(1, "words not saved yet")]
        assert event.list_drafts() == []


@sync
async def test_a_crash_loses_neither_the_text_nor_its_tags(event_path):
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "more housing near the bus")
        await wait_for(pilot, lambda: draft_texts(event_path) == ["more housing near the bus"])
        await pilot.press("f3", "2", "3", "enter")  # Logement abordable, Jeunesse: not saved
        await pilot.pause()
        with Event.open(event_path) as other:  # the tags were written with the text at once
            [draft] = other.list_drafts()
            assert (draft.text, draft.tags) == ("more housing near the bus", ["housing", "youth"])
            assert other.list_notes() == []
        # the process dies here: no quit, no save
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#text", TextArea).text == "more housing near the bus"
        assert "Tags: Logement abordable, Jeunesse" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    with Event.open(event_path) as event:
        [note] = event.list_notes()
        assert (note.text, note.tags) == ("more housing near the bus", ["housing", "youth"])
        assert event.list_drafts() == []


@sync
async def test_an_edit_comes_back_with_the_tags_chosen_not_the_saved_ones(event_path):
    with Event.open(event_path) as event:
        event.add_note(1, "first idea", round=1, table=2, author="ana", tags=["housing"])
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "down", "enter")  # edit the note
        await pilot.pause()
        await pilot.press("f3", "2", "1", "enter")  # untag housing, tag leadership
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " and a second")
        await wait_for(pilot, lambda: draft_texts(event_path) == ["first idea and a second"])
        with Event.open(event_path) as other:
            [draft] = other.list_drafts()
            assert (draft.text, draft.tags) == ("first idea and a second", ["leadership"])
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#text", TextArea).text == "first idea and a second"
        assert "Editing" in screen_text(app)
        assert "Tags: Leadership" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    with Event.open(event_path) as event:
        [note] = event.list_notes()
        assert (note.text, note.tags, note.revision) == (
            "first idea and a second",
            ["leadership"],
            2,
        )


@sync
async def test_quitting_from_the_tag_picker_keeps_the_draft(event_path):
    app = make_app(event_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "3", "enter")  # tags before any text: kept once text comes
        await type_text(pilot, "youth centre")
        await pilot.press("f3", "1")  # the picker is open when the note-taker quits
        await pilot.press("ctrl+q")
        await pilot.pause()
    with Event.open(event_path) as event:
        [draft] = event.list_drafts()
        assert (draft.text, draft.tags) == ("youth centre", ["youth"])


@sync
async def test_plenary_scribe_takes_harvest_notes(event_path):
    go_to_step(event_path, 4)
    app = CaptureApp(Event.open(event_path, clock=clock), plenary=True, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert "Plenary" in screen_text(app) and "Récolte" in screen_text(app)
        await type_text(pilot, "what we heard")
        await pilot.press("ctrl+s")
        await pilot.pause()
    with Event.open(event_path) as event:
        [note] = event.list_notes()
        assert (note.kind, note.table, note.block) == ("plenary", None, 1)
