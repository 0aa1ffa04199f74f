"""The run state machine: remaining time, transitions and what they log, on a fake clock."""

from __future__ import annotations

import pytest

from facilitation.run.timer import (
    crossed,
    extend,
    goto,
    next_step,
    pause,
    phase,
    previous_step,
    remaining_seconds,
    resume,
    start,
    toggle,
)
from facilitation.store import Event, TimerConflict, TimerState
from facilitation.store.sample import sample_script

DURATIONS = [600.0, 1200.0, 1200.0]
T0 = 1_800_000_000.0


def test_idle_step_shows_its_planned_duration():
    assert remaining_seconds(TimerState(), T0, 600) == 600
    assert phase(TimerState(), T0, 600) == "idle"


def test_start_sets_a_deadline_and_the_countdown_follows_the_clock():
    t = start(TimerState(), T0, DURATIONS)
    assert t.action == "started"
    assert t.state.status == "running" and t.state.deadline == T0 + 600
    assert t.state.started_at == T0
    assert remaining_seconds(t.state, T0 + 100, 600) == 500
    assert phase(t.state, T0 + 100, 600) == "running"
    assert phase(t.state, T0 + 480, 600) == "warning"  # 2 minutes left
    assert phase(t.state, T0 + 479, 600, warn_seconds=60) == "running"
    assert phase(t.state, T0 + 600, 600) == "over"
    assert remaining_seconds(t.state, T0 + 665, 600) == -65  # overtime counts up


def test_start_is_refused_while_running_and_resumes_when_paused():
    running = start(TimerState(), T0, DURATIONS).state
    assert start(running, T0 + 1, DURATIONS) is None
    paused = pause(running, T0 + 100).state
    assert start(paused, T0 + 200, DURATIONS).action == "resumed"


def test_pause_keeps_the_seconds_left_and_resume_sets_a_new_deadline():
    running = start(TimerState(), T0, DURATIONS).state
    t = pause(running, T0 + 100)
    assert t.action == "paused" and t.detail == "500 s left"
    assert t.state.status == "paused" and t.state.remaining == 500 and t.state.deadline is None
    assert remaining_seconds(t.state, T0 + 10_000, 600) == 500  # time stands still
    r = resume(t.state, T0 + 1000)
    assert r.action == "resumed" and r.state.deadline == T0 + 1500
    assert pause(TimerState(), T0) is None
    assert resume(running, T0) is None


def test_toggle_starts_pauses_and_resumes():
    s = toggle(TimerState(), T0, DURATIONS)
    assert s.action == "started"
    p = toggle(s.state, T0 + 10, DURATIONS)
    assert p.action == "paused"
    assert toggle(p.state, T0 + 20, DURATIONS).action == "resumed"


@pytest.mark.parametrize("status", ["running", "paused", "idle"])
def test_extend_adds_or_removes_a_minute_in_every_state(status):
    state = TimerState()
    if status != "idle":
        state = start(state, T0, DURATIONS).state
    if status == "paused":
        state = pause(state, T0).state
    plus = extend(state, T0, DURATIONS, 60)
    assert plus.action == "extended" and plus.detail == "+60 s"
    assert remaining_seconds(plus.state, T0, 600) == 660
    minus = extend(state, T0, DURATIONS, -60)
    assert minus.detail == "-60 s"
    assert remaining_seconds(minus.state, T0, 600) == 540


def test_an_idle_step_cannot_go_below_zero_but_a_running_one_goes_into_overtime():
    state = TimerState(remaining=30.0)
    assert remaining_seconds(extend(state, T0, DURATIONS, -60).state, T0, 600) == 0
    running = start(state, T0, DURATIONS).state  # starts with the adjusted 30 s
    assert remaining_seconds(running, T0, 600) == 30
    assert remaining_seconds(extend(running, T0, DURATIONS, -60).state, T0, 600) == -30


def test_next_while_running_starts_the_next_step_on_time():
    running = start(TimerState(), T0, DURATIONS).state
    t = next_step(running, T0 + 700, DURATIONS)
    assert t.action == "started" and t.detail == "from 0 (next)"
    assert t.state.step_index == 1 and t.state.status == "running"
    assert t.state.deadline == T0 + 700 + 1200


def test_next_while_idle_or_paused_waits_on_the_next_step():
    t = next_step(TimerState(), T0, DURATIONS)
    assert t.action == "goto" and t.state == TimerState(step_index=1)
    paused = pause(start(TimerState(), T0, DURATIONS).state, T0 + 5).state
    assert next_step(paused, T0 + 9, DURATIONS).state.status == "idle"


def test_after_the_last_step_the_event_has_ended_and_previous_comes_back():
    last = TimerState(step_index=2, status="running", deadline=T0)
    t = next_step(last, T0, DURATIONS)
    assert t.action == "ended" and t.state.status == "ended" and t.state.step_index == 2
    assert next_step(t.state, T0, DURATIONS) is None
    assert remaining_seconds(t.state, T0, 600) == 0
    back = previous_step(t.state, T0, DURATIONS)
    assert back.action == "goto" and back.state == TimerState(step_index=2)


def test_previous_and_goto_bounds():
    assert previous_step(TimerState(), T0, DURATIONS) is None
    t = previous_step(TimerState(step_index=2), T0, DURATIONS)
    assert t.state.step_index == 1 and t.detail == "from 2 (previous)"
    assert goto(TimerState(), T0, DURATIONS, 5) is None
    assert goto(TimerState(), T0, DURATIONS, 0) is None
    assert goto(TimerState(), T0, DURATIONS, 2).detail == "from 0 (jump)"


def test_signals_are_given_once_when_crossing_a_threshold():
    assert crossed("running", "warning") == "warning"
    assert crossed("warning", "over") == "end"
    assert crossed("running", "over") == "end"
    assert crossed("warning", "warning") is None
    assert crossed(None, "over") is None  # a console opened in overtime does not ring
    assert crossed("paused", "over") is None


def test_a_restarted_process_computes_the_same_remaining_time_from_the_file(tmp_path):
    clock = [T0]
    path = tmp_path / "e.db"
    with Event.create(path, sample_script(), "", "s.md", clock=lambda: clock[0]) as event:
        state = event.read_timer()
        t = start(state, clock[0], DURATIONS)
        event.write_timer(t.state, t.action, detail=t.detail, expect_revision=state.revision)
    clock[0] += 123.4
    with Event.open(path, clock=lambda: clock[0]) as again:
        stored = again.read_timer()
        assert remaining_seconds(stored, clock[0], 600) == pytest.approx(600 - 123.4)


def test_two_consoles_cannot_clobber_each_other(tmp_path):
    path = tmp_path / "e.db"
    with Event.create(path, sample_script(), "", "s.md") as a, Event.open(path) as b:
        seen_a, seen_b = a.read_timer(), b.read_timer()
        t = start(seen_a, T0, DURATIONS)
        a.write_timer(t.state, t.action, expect_revision=seen_a.revision)
        other = next_step(seen_b, T0, DURATIONS)
        with pytest.raises(TimerConflict) as conflict:
            b.write_timer(other.state, other.action, expect_revision=seen_b.revision)
        assert conflict.value.current.status == "running"
