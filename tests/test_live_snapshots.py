"""Snapshots of the screens a facilitator opens from the console during the day (notes board,
seating view, marketplace, votes, running late), in French at 80x24 and at 100 columns: no
header cut, nothing stray after the footer. Fixed clock, UTC."""

from __future__ import annotations

import time

import pytest
from pilot_support import FakeClock

from facilitation.i18n import set_language
from facilitation.store import Event, Participant, Seat
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app

T0 = 1_800_000_000.0


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def day_event(path, clock: FakeClock) -> Event:
    event = Event.create(path, sample_script("fr"), "", "forum.md", clock=clock)
    event.add_participants(
        Participant(0, f"Personne {n:02d}", organisation=f"Org {n % 4}") for n in range(12)
    )
    ids = [p.id for p in event.list_participants()]
    event.set_seating(
        1,
        [
            Seat(1, r, (i + r) % 4 + 1, pid, host=i < 4 and r == 1)
            for r in (1, 2, 3)
            for i, pid in enumerate(ids)
        ],
    )
    for table in range(1, 5):
        event.add_note(
            1, f"Table {table} : le **logement** et le transport collectif", round=1, table=table
        )
    event.add_note(1, "Une idée en plénière", kind="plenary")
    event.add_topic(2, "Logement abordable pour les familles", "Marie Roy", slot=0, space=0)
    event.add_topic(2, "Transport rural", "Luc Gagnon", slot=1, space=1)
    event.set_votes(2, 7, topic_id=event.list_topics(2)[0].id)
    return event


SCREENS = {
    "notes": (1, ["h", "down"]),
    "seating": (1, ["a"]),
    "marketplace": (5, ["m"]),
    "votes": (5, ["v"]),
    "actions": (5, ["x"]),
    "late": (1, ["l"]),
}


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_live_screens(snap_compare, tmp_path, utc, screen, size):
    set_language("fr")
    clock = FakeClock(T0)
    event = day_event(tmp_path / "forum.db", clock)
    step, keys = SCREENS[screen]
    event.write_timer(event.read_timer().with_(step_index=step), "goto")
    app = make_console_app(event, clock=clock, watch=False)

    async def run_before(pilot):
        await pilot.pause()  # the console drawn, its footer built, before the first key
        await pilot.press(*keys)
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=size, run_before=run_before)
    finally:
        event.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_console_at_100_columns(snap_compare, tmp_path, utc, lang):
    set_language(lang)
    clock = FakeClock(T0)
    event = Event.create(tmp_path / "forum.db", sample_script(lang), "", "forum.md", clock=clock)
    event.add_note(1, "La confiance d'abord", round=1, table=1, author="Ana")
    app = make_console_app(event, clock=clock, watch=False)

    async def run_before(pilot):
        await pilot.press("space", "n")
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)
    finally:
        event.close()


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_projector_find_your_table(snap_compare, tmp_path, utc, size):
    from facilitation.tui.projector import make_projector_app

    set_language("fr")
    clock = FakeClock(T0)
    event = day_event(tmp_path / "forum.db", clock)
    event.write_timer(event.read_timer().with_(step_index=0), "goto")  # the welcome
    app = make_projector_app(event, clock=clock, watch=False)
    try:
        assert snap_compare(app, terminal_size=size)
    finally:
        event.close()
