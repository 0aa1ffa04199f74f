"""Timer state and run log, written together."""

from __future__ import annotations

import pytest

from facilitation.store import Event, TimerConflict, TimerState
from facilitation.store.sample import sample_script


@pytest.fixture
def event(tmp_path):
    clock = iter(range(1000, 100000))
    with Event.create(
        tmp_path / "e.db", sample_script(), "src", "s.md", clock=lambda: float(next(clock))
    ) as ev:
        yield ev


def test_timer_starts_idle(event):
    state = event.read_timer()
    assert state.status == "idle" and state.step_index == 0 and state.deadline is None


def test_write_timer_logs_the_action_atomically(event):
    running = TimerState(step_index=1, status="running", deadline=2200.0, started_at=1000.0)
    stored = event.write_timer(running, "started")
    assert stored.revision == 1
    assert event.read_timer() == stored
    paused = event.write_timer(
        stored.with_(status="paused", deadline=None, remaining=90.5), "paused"
    )
    assert event.read_timer().remaining == 90.5
    event.write_timer(paused.with_(step_index=3, status="idle"), "goto", detail="from 1")
    log = event.run_log()
    assert [(e.action, e.step_index, e.detail) for e in log] == [
        ("started", 1, ""),
        ("paused", 1, ""),
        ("goto", 3, "from 1"),
    ]
    assert log[0].at < log[1].at < log[2].at
    assert [e.action for e in event.run_log(since_id=log[1].id)] == ["goto"]


def test_compare_and_set(event, tmp_path):
    first = event.write_timer(TimerState(status="running", deadline=5.0), "started")
    with Event.open(tmp_path / "e.db") as other:
        other.write_timer(first.with_(status="paused", remaining=3.0), "paused")
    with pytest.raises(TimerConflict) as info:
        event.write_timer(first.with_(status="ended"), "ended", expect_revision=first.revision)
    assert info.value.current.status == "paused"
    assert [e.action for e in event.run_log()] == ["started", "paused"]


def test_bad_values_are_refused(event):
    with pytest.raises(ValueError):
        event.write_timer(TimerState(status="running"), "exploded")
    with pytest.raises(ValueError):
        event.write_timer(TimerState(status="flying"), "started")  # type: ignore[arg-type]
    event.log_run("extended", 2, "+5 min")
    assert event.run_log()[-1].detail == "+5 min"
