"""Snapshots of the projector mid-round and in overtime, 80x24 and 160x48, fr and en."""

from __future__ import annotations

import time

import pytest

from facilitation.i18n import set_language
from facilitation.run import timer
from facilitation.run.agenda import planned_durations
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.projector import make_projector_app

T0 = 1_800_000_000.0


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def event_in_round_one(path, lang: str) -> Event:
    script = sample_script(lang)
    script.blocks[0].steps[1].question = (
        "Qu'est-ce qui compte le plus pour que les personnes immigrantes *restent* dans la région?"
        if lang == "fr"
        else "What matters most for newcomers to *stay* in the region?"
    )
    event = Event.create(path, script, "", "forum.md", clock=lambda: T0)
    durations = planned_durations(script)
    t = timer.goto(event.read_timer(), T0, durations, 1)
    event.write_timer(t.state, t.action, detail=t.detail)
    t = timer.start(event.read_timer(), T0, durations)
    event.write_timer(t.state, t.action, detail=t.detail)
    return event


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
@pytest.mark.parametrize("elapsed", [750, 1265], ids=["mid-round", "overtime"])
def test_projector(snap_compare, tmp_path, utc, lang, size, elapsed):
    set_language(lang)
    event = event_in_round_one(tmp_path / "forum.db", lang)
    app = make_projector_app(event, clock=lambda: T0 + elapsed, watch=False)
    try:
        assert snap_compare(app, terminal_size=size)
    finally:
        event.close()
