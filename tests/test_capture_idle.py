"""An idle capture screen leaves the event file alone: no draft is written or dropped while
nothing is typed (each write locks the file and makes every other screen on the event look
again), exactly one write per change when something is; and another note-taker's draft does
not make the editor redo its room and its notes list."""

from __future__ import annotations

import json

import pytest
from capture_support import at_round_one, at_the_welcome, copied_event
from pilot_support import screen_text, sync, wait_for
from textual.widgets import OptionList, Static, TextArea

from facilitation.store import Event
from facilitation.tui.capture import editor, notes_pane, reports, typist
from facilitation.tui.capture.app import CaptureApp
from facilitation.tui.capture.where import Target, draft_key
from tests.test_capture_editor import SIZE, clock, go_to_step, type_text

TICK = 0.002  # the draft timers run this often here (1 s in use): many ticks in little time
IDLE_TICKS = 12  # an idle app is left alone for this many ticks of its draft timer


@pytest.fixture
def fast_drafts(fast_timers, monkeypatch):
    monkeypatch.setattr(fast_timers, "DRAFT_SECONDS", TICK)


@pytest.fixture
def draft_writes(monkeypatch):
    """Every save_draft / drop_draft call, as (event, name, key)."""
    calls: list[tuple[Event, str, str]] = []
    for name in ("save_draft", "drop_draft"):
        original = getattr(Event, name)

        def spy(self, key, *args, _name=name, _original=original, **kwargs):
            calls.append((self, _name, key))
            return _original(self, key, *args, **kwargs)

        monkeypatch.setattr(Event, name, spy)
    return calls


def made_by(calls, app) -> list[tuple[str, str]]:
    return [(name, key) for event, name, key in calls if event is app.event]


@pytest.fixture
def event_path(tmp_path_factory, tmp_path):
    """The sample event at round 1 (a copy of one built once: capture_support.py)."""
    return copied_event(tmp_path_factory, tmp_path, at_round_one)


@pytest.fixture
def idle(timer_ticks):
    """`await idle(pilot, watcher)`: leave the app alone for IDLE_TICKS ticks of its draft
    timer (counted, not guessed from real time); whether anything was committed meanwhile."""

    async def leave_alone(pilot, watcher: Event) -> bool:
        watcher.changed()
        until = timer_ticks["drafts"] + IDLE_TICKS
        await wait_for(pilot, lambda: timer_ticks["drafts"] >= until)
        assert timer_ticks["drafts"] >= until, "the draft timer stopped ticking"
        await pilot.pause()  # the last tick's write, if any, is done
        return watcher.changed()

    return leave_alone


def paste(app, selector: str, text: str) -> None:
    """Put `text` in a field as one edit (a paste): keys typed one by one may span ticks."""
    app.screen.query_one(selector).insert(text)


def erase(app, selector: str) -> None:
    app.screen.query_one(selector).clear()


ROUND_1 = Target(1, 1, 1, 2, "table", "Ronde 1")  # where table 2's notes go at step 1


@sync
async def test_an_idle_editor_writes_nothing_a_change_writes_once(
    idle, event_path, fast_drafts, draft_writes
):
    app = CaptureApp(Event.open(event_path, clock=clock), table=2, who="ana", clock=clock)
    key = draft_key(ROUND_1, "ana")
    with Event.open(event_path) as watcher:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not await idle(pilot, watcher), "an empty editor wrote to the event file"
            assert made_by(draft_writes, app) == []

            paste(app, "#text", "more buses")
            await wait_for(pilot, lambda: made_by(draft_writes, app))
            assert not await idle(pilot, watcher), "an unchanged draft was written again"
            assert made_by(draft_writes, app) == [("save_draft", key)]
            assert watcher.get_draft(key).text == "more buses"

            await pilot.press("f3", "2", "enter")  # a tag: written at once, once
            assert not await idle(pilot, watcher)
            assert made_by(draft_writes, app)[1:] == [("save_draft", key)]
            assert watcher.get_draft(key).tags == ["housing"]

            await type_text(pilot, " now")  # typed key by key: at most a write a tick...
            await wait_for(pilot, lambda: len(made_by(draft_writes, app)) > 2)
            typed = made_by(draft_writes, app)[2:]
            assert typed and set(typed) == {("save_draft", key)}
            assert not await idle(pilot, watcher)  # ...and none once the typing stopped
            assert watcher.get_draft(key).text == "more buses now"

            erase(app, "#text")
            await wait_for(pilot, lambda: len(made_by(draft_writes, app)) > 2 + len(typed))
            assert not await idle(pilot, watcher)
            assert made_by(draft_writes, app)[2 + len(typed) :] == [("drop_draft", key)]
            assert watcher.get_draft(key) is None


@sync
async def test_an_untouched_note_opened_for_editing_makes_no_draft(
    idle, event_path, fast_drafts, draft_writes
):
    with Event.open(event_path) as event:
        note = event.add_note(1, "a saved note", round=1, table=2, kind="table", author="ana")
    app = CaptureApp(Event.open(event_path, clock=clock), table=2, who="ana", clock=clock)
    with Event.open(event_path) as watcher:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f4", "down", "enter")
            await pilot.pause()
            assert app.screen.query_one("#text", TextArea).text == "a saved note"
            assert not await idle(pilot, watcher)
            assert made_by(draft_writes, app) == []
            await pilot.press("end", "!")
            await wait_for(pilot, lambda: made_by(draft_writes, app))
            assert not await idle(pilot, watcher)
            assert made_by(draft_writes, app) == [("save_draft", draft_key(ROUND_1, "ana", note))]


@sync
async def test_a_restored_draft_is_not_written_again(idle, event_path, fast_drafts, draft_writes):
    with Event.open(event_path) as event:
        event.save_draft(draft_key(ROUND_1, "ana"), "typed before a crash", tags=["housing"])
    app = CaptureApp(Event.open(event_path, clock=clock), table=2, who="ana", clock=clock)
    with Event.open(event_path) as watcher:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.screen.query_one("#text", TextArea).text == "typed before a crash"
            assert not await idle(pilot, watcher)
            assert made_by(draft_writes, app) == []


@sync
async def test_other_note_takers_drafts_do_not_rebuild_the_editor(
    event_path, monkeypatch, draft_writes, timer_ticks
):
    rendered, rooms, looks = [], [], []
    render, refresh_room = notes_pane.markdown_text, editor.NoteEditorScreen.refresh_room
    look = editor.NoteEditorScreen.on_event_file_changed
    monkeypatch.setattr(
        notes_pane, "markdown_text", lambda text, **kw: rendered.append(text) or render(text, **kw)
    )

    def counting_room(self, *args, **kwargs):
        rooms.append(1)
        return refresh_room(self, *args, **kwargs)

    def counting_look(self, message):
        looks.append(1)
        return look(self, message)

    monkeypatch.setattr(editor.NoteEditorScreen, "refresh_room", counting_room)
    monkeypatch.setattr(editor.NoteEditorScreen, "on_event_file_changed", counting_look)
    with Event.open(event_path) as event:
        event.add_note(1, "already said", round=1, table=2, kind="table", author="ana")
    app = CaptureApp(Event.open(event_path, clock=clock), table=2, who="ana", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "already said" in screen_text(app)
        rendered.clear()
        rooms.clear()
        with Event.open(event_path) as other:  # another note-taker's drafts, other tables' notes
            for n in range(3):
                seen = len(looks)
                other.save_draft(f"capture/t3/paul/b1/r1/new-{n}", f"draft {n}")
                await wait_for(pilot, lambda seen=seen: len(looks) > seen)
                assert len(looks) > seen
            other.add_note(1, "at table three", round=1, table=3, kind="table", author="paul")
            await wait_for(pilot, lambda: len(looks) > seen + 1)
            assert rendered == [] and rooms == []

            other.add_note(1, "from the other tab", round=1, table=2, kind="table")
            await wait_for(pilot, lambda: "from the other tab" in screen_text(app))
            assert "from the other tab" in screen_text(app)
            assert sorted(rendered) == ["already said", "from the other tab"] and rooms == []

            rendered.clear()
            other.edit_note(1, "already said, and more")
            await wait_for(pilot, lambda: "and more" in screen_text(app))
            assert "already said, and more" in screen_text(app) and rooms == []

        go_to_step(event_path, 2)  # the console moves: the room is refreshed, once
        await wait_for(pilot, lambda: rooms)
        polls = timer_ticks["watch-event-file"] + 3  # and not again in the next looks
        await wait_for(pilot, lambda: timer_ticks["watch-event-file"] >= polls)
        assert timer_ticks["watch-event-file"] >= polls
        assert len(rooms) == 1 and "Ronde 2" in screen_text(app)


def report_event(tmp_path_factory, tmp_path, draft: dict | None = None) -> tuple:
    path = copied_event(tmp_path_factory, tmp_path, at_the_welcome)
    with Event.open(path) as event:
        topic = event.add_topic(2, "Logement", convener="Lise")
        if draft is not None:
            values = {"title": "Logement", "convener": "Lise", "participants": ""}
            values |= {"key_points": "", "recommendations": "", "next_steps": "", "resources": ""}
            event.save_draft(f"report/{topic}/x", json.dumps(values | draft))
    return path, f"report/{topic}/x"


async def open_report(pilot, app) -> None:
    await pilot.press("down", "enter")
    await pilot.pause()
    assert "Key points of the discussion" in screen_text(app)


@sync
async def test_an_idle_report_form_writes_nothing_a_change_writes_once(
    idle, tmp_path_factory, tmp_path, fast_drafts, draft_writes
):
    path, key = report_event(tmp_path_factory, tmp_path)
    app = CaptureApp(Event.open(path, clock=clock), who="x", clock=clock, start="reports")
    with Event.open(path) as watcher:
        async with app.run_test(size=SIZE) as pilot:
            await open_report(pilot, app)
            assert not await idle(pilot, watcher), "an untouched form wrote to the event file"
            assert made_by(draft_writes, app) == []

            paste(app, "#f-key_points", "more housing")
            await wait_for(pilot, lambda: made_by(draft_writes, app))
            assert not await idle(pilot, watcher), "an unchanged draft was written again"
            assert made_by(draft_writes, app) == [("save_draft", key)]
            assert json.loads(watcher.get_draft(key).text)["key_points"] == "more housing"

            erase(app, "#f-key_points")  # back to the saved report
            await wait_for(pilot, lambda: len(made_by(draft_writes, app)) > 1)
            assert not await idle(pilot, watcher)
            assert made_by(draft_writes, app)[1:] == [("drop_draft", key)]
            assert watcher.get_draft(key) is None


@sync
async def test_a_restored_report_draft_is_not_written_again(
    idle, tmp_path_factory, tmp_path, fast_drafts, draft_writes
):
    path, key = report_event(tmp_path_factory, tmp_path, {"key_points": "typed before a crash"})
    app = CaptureApp(Event.open(path, clock=clock), who="x", clock=clock, start="reports")
    with Event.open(path) as watcher:
        async with app.run_test(size=SIZE) as pilot:
            await open_report(pilot, app)
            assert "typed before a crash" in screen_text(app)
            assert not await idle(pilot, watcher)
            assert made_by(draft_writes, app) == []


@sync
async def test_a_report_draft_equal_to_the_report_is_dropped_once(
    idle, tmp_path_factory, tmp_path, fast_drafts, draft_writes
):
    path, key = report_event(tmp_path_factory, tmp_path, {})
    app = CaptureApp(Event.open(path, clock=clock), who="x", clock=clock, start="reports")
    with Event.open(path) as watcher:
        async with app.run_test(size=SIZE) as pilot:
            await open_report(pilot, app)
            await wait_for(pilot, lambda: made_by(draft_writes, app))
            assert not await idle(pilot, watcher)
            assert made_by(draft_writes, app) == [("drop_draft", key)]
            assert watcher.get_draft(key) is None


@sync
async def test_an_idle_typist_writes_nothing_a_change_writes_once(
    idle, tmp_path_factory, tmp_path, fast_drafts, draft_writes
):
    path = copied_event(tmp_path_factory, tmp_path, at_the_welcome)
    app = CaptureApp(Event.open(path, clock=clock), clock=clock, start="typist")
    key = draft_key(Target(1, 1, 1, 1, "table", "Ronde 1"), "typist--")
    with Event.open(path) as watcher:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not await idle(pilot, watcher)
            assert made_by(draft_writes, app) == []
            app.screen.query_one("#line").insert_text_at_cursor("half typed")
            await wait_for(pilot, lambda: made_by(draft_writes, app))
            assert not await idle(pilot, watcher)
            assert made_by(draft_writes, app) == [("save_draft", key)]
            assert watcher.get_draft(key).text == "half typed"


@pytest.fixture
def rebuilt(monkeypatch):
    """The ids of the option lists cleared to be filled again (a list built anew)."""
    cleared: list[str | None] = []
    clear = OptionList.clear_options

    def counting(self):
        cleared.append(self.id)
        return clear(self)

    monkeypatch.setattr(OptionList, "clear_options", counting)
    return cleared


def counted_looks(monkeypatch, screen_class) -> list[int]:
    """One item each time a screen of `screen_class` hears that the event file changed."""
    looks: list[int] = []
    look = screen_class.on_event_file_changed

    def counting(self, message):
        looks.append(1)
        return look(self, message)

    monkeypatch.setattr(screen_class, "on_event_file_changed", counting)
    return looks


@sync
async def test_the_typists_own_draft_does_not_rebuild_its_lists(
    tmp_path_factory, tmp_path, monkeypatch, rebuilt
):
    looks = counted_looks(monkeypatch, typist.TypistScreen)
    path = copied_event(tmp_path_factory, tmp_path, at_the_welcome)
    app = CaptureApp(Event.open(path, clock=clock), clock=clock, start="typist")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Table 1  (0)" in screen_text(app)
        rebuilt.clear()
        app.screen.query_one("#line").insert_text_at_cursor("half typed")
        await wait_for(pilot, lambda: looks)  # its draft written, the screen looked again
        assert looks and rebuilt == []
        with Event.open(path) as other:  # a note typed elsewhere for table 1: counted, listed
            other.add_note(1, "from the web", round=1, table=1, kind="table")
        await wait_for(pilot, lambda: "from the web" in screen_text(app))
        assert "from the web" in screen_text(app) and "Table 1  (1)" in screen_text(app)
        assert rebuilt == ["tables"]


@sync
async def test_a_report_forms_drafts_do_not_rebuild_the_topics_below(
    tmp_path_factory, tmp_path, monkeypatch, rebuilt
):
    looks = counted_looks(monkeypatch, reports.ReportListScreen)
    path, key = report_event(tmp_path_factory, tmp_path)
    app = CaptureApp(Event.open(path, clock=clock), who="x", clock=clock, start="reports")
    async with app.run_test(size=SIZE) as pilot:
        await open_report(pilot, app)
        rebuilt.clear()
        paste(app, "#f-key_points", "more housing")
        await wait_for(pilot, lambda: looks)  # the draft written, the list below looked again
        assert looks and rebuilt == []
        await pilot.press("ctrl+s", "escape")  # saved: the list shows it, built again
        await pilot.pause()
        assert "Logement — Lise  (report, revision 1)" in screen_text(app)
        assert rebuilt == ["topics"]


@sync
async def test_the_heading_is_laid_out_again_only_when_it_changes(event_path, monkeypatch, clock):
    """The countdown timer shows the heading again every second: a Static's update lays the
    whole screen out again, so an unchanged heading (a paused clock) is left alone."""
    updated: list[str | None] = []
    update = Static.update

    def counting(self, *args, **kwargs):
        updated.append(self.id)
        return update(self, *args, **kwargs)

    monkeypatch.setattr(Static, "update", counting)
    app = CaptureApp(Event.open(event_path, clock=clock), table=2, who="ana", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "20:00 left" in screen_text(app)
        updated.clear()
        for _ in range(3):
            app.screen.show_where()  # the countdown timer's tick, the clock standing still
            await pilot.pause()
        assert updated == []
        clock.now += 65
        app.screen.show_where()
        await pilot.pause()
        assert updated == ["where"] and "18:55 left" in screen_text(app)
