"""Snapshots of the capture screens (fixed clock): the editor after the room moved on while a
note was being typed (fr and en, 80x24 and 120x36), the join screen, the report form."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.capture.app import CaptureApp

T0 = 1_800_000_000.0


def clock() -> float:
    return T0


def no_blink(app) -> None:
    for widget in app.screen.query(TextArea):
        widget.cursor_blink = False
    for widget in app.screen.query(Input):
        widget.cursor_blink = False


async def steady_cursor(pilot, app) -> None:
    """The focused field's cursor shown, whatever a blink that was due when blinking stopped
    did (on a loaded machine it hid the cursor in some snapshots and not in others)."""
    await pilot.pause()
    focused = app.focused
    if focused is not None:
        focused.blur()
        await pilot.pause()
        focused.focus()
        await pilot.pause()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_editor_after_the_round_changed(snap_compare, tmp_path, lang, size):
    set_language(lang)
    path = tmp_path / "event.db"
    with Event.create(path, sample_script(lang), "", "forum.md", clock=clock) as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=2, status="running", deadline=T0 + 450), "started")
        event.add_note(1, "- confiance d'abord\n- **logement**", round=1, table=2, tags=["housing"])
        event.add_note(1, "Les jeunes partent", round=1, table=2)
        # A draft left in round 1 (the room is at round 2 now): restored, pinned to round 1.
        event.save_draft("capture/t2/-/b1/r1/new", "une idée à finir")
    app = CaptureApp(Event.open(path, clock=clock), table=2, clock=clock)

    async def run_before(pilot):
        await pilot.pause()
        no_blink(app)
        app.clear_notifications()
        await steady_cursor(pilot, app)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_join_screen(snap_compare, tmp_path, fast_timers, monkeypatch):
    monkeypatch.setattr(fast_timers, "WRONG_CODE_PAUSE", 60.0)  # shown while disabled
    set_language("fr")
    path = tmp_path / "event.db"
    Event.create(path, sample_script("fr"), "", "forum.md").close()
    app = CaptureApp(Event.open(path, clock=clock), restricted=True, clock=clock)

    async def run_before(pilot):
        await pilot.pause()
        no_blink(app)
        await pilot.press(*"ZZZZZ", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_report_form(snap_compare, tmp_path):
    set_language("fr")
    path = tmp_path / "event.db"
    with Event.create(path, sample_script("fr"), "", "forum.md", clock=clock) as event:
        topic = event.add_topic(2, "Transport collectif en région", convener="Lise Gagnon")
        event.save_report(topic, key_points="- autobus aux 15 min\n- covoiturage", author="Lise")
    app = CaptureApp(Event.open(path, clock=clock), clock=clock, start="reports")

    async def run_before(pilot):
        await pilot.press("down", "enter")
        await pilot.pause()
        no_blink(app)
        await steady_cursor(pilot, app)

    assert snap_compare(app, terminal_size=(100, 36), run_before=run_before)
