"""Planned versus actual, from the run log (for the agenda panel and the synthesis)."""

from __future__ import annotations

import pytest

from facilitation.run import step_timings
from facilitation.run.agenda import planned_durations, step_infos
from facilitation.run.timer import extend, next_step, pause, resume, start
from facilitation.store import Event, RunLogEntry
from facilitation.store.sample import sample_script

T0 = 1_800_000_000.0


def _log(rows):
    return [
        RunLogEntry(i, at, action, step, detail)
        for i, (at, action, step, detail) in enumerate(rows, 1)
    ]


def test_a_step_with_a_pause_and_an_extension():
    log = _log(
        [
            (T0, "started", 0, ""),
            (T0 + 100, "paused", 0, "500 s left"),
            (T0 + 160, "resumed", 0, ""),
            (T0 + 200, "extended", 0, "+60 s"),
            (T0 + 760, "started", 1, "from 0 (next)"),
        ]
    )
    first, second, third = step_timings(log, [600, 1200, 1200], now=T0 + 800)
    assert first.started_at == T0 and first.ended_at == T0 + 760
    assert first.actual_seconds() == 760
    assert first.running_seconds == 700  # the 60 s pause excluded
    assert first.pauses == 1 and first.extended_seconds == 60
    assert second.started_at == T0 + 760 and second.ended_at is None
    assert second.actual_seconds(now=T0 + 800) == 40
    assert second.running_seconds == 40
    assert third.started_at is None and not third.skipped


def test_skipped_steps_and_the_end():
    log = _log(
        [
            (T0, "started", 0, ""),
            (T0 + 50, "started", 2, "from 0 (jump)"),
            (T0 + 90, "ended", 2, ""),
        ]
    )
    t = step_timings(log, [60, 60, 60])
    assert t[1].skipped and not t[0].skipped and not t[2].skipped
    assert t[2].actual_seconds() == 40 and t[2].ended_at == T0 + 90


def test_timings_from_a_real_event_file(tmp_path):
    clock = [T0]
    script = sample_script()
    durations = planned_durations(script)
    with Event.create(tmp_path / "e.db", script, "", "s.md", clock=lambda: clock[0]) as event:

        def apply(transition):
            state = event.read_timer()
            event.write_timer(
                transition.state,
                transition.action,
                detail=transition.detail,
                expect_revision=state.revision,
            )

        apply(start(event.read_timer(), clock[0], durations))
        clock[0] += 300
        apply(pause(event.read_timer(), clock[0]))
        clock[0] += 30
        apply(resume(event.read_timer(), clock[0]))
        apply(extend(event.read_timer(), clock[0], durations, 60))
        clock[0] += 400
        apply(next_step(event.read_timer(), clock[0], durations))
        timings = step_timings(event.run_log(), durations, now=clock[0] + 10)
    assert timings[0].actual_seconds() == pytest.approx(730)
    assert timings[0].running_seconds == pytest.approx(700)
    assert timings[1].started_at == pytest.approx(T0 + 730)
    assert timings[1].running_seconds == pytest.approx(10)


def test_planned_starts_follow_the_block_start():
    import datetime as dt

    script = sample_script()
    script.blocks[0].start = dt.time(9, 0)
    infos = step_infos(script)
    assert [i.planned_start for i in infos[:3]] == [dt.time(9, 0), dt.time(9, 10), dt.time(9, 30)]
    assert infos[5].planned_start is None  # block 2 has no start
    assert infos[1].planned_seconds == 1200
