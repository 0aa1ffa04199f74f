"""Timer arithmetic and transitions on a `TimerState`, with the time passed in (`now`).

States (stored in the event file, see `facilitation.store.runlog`):

- idle: the step is current but not started; it shows its planned duration (or `remaining`,
  when minutes were added or removed before starting);
- running: `deadline` is when the step ends; remaining = deadline - now, negative in overtime;
- paused: `remaining` seconds are kept (negative when paused in overtime);
- ended: the last step is done.

Each transition returns a `Transition` (the new state and the run-log action and detail to
write with it), or None when the key means nothing in that state (e.g. pause while idle).
Moving to another step while the timer runs starts the new step at once (logged "started",
detail "from N (next)"), so the next round starts on time; otherwise the new step waits, idle
(logged "goto"). The details are read back by `facilitation.run.actuals`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from facilitation.run.state import TimerState

Clock = Callable[[], float]  # UTC epoch seconds, e.g. time.time; a fake one in tests
DEFAULT_WARN_SECONDS = 120.0
MINUTE = 60.0

# What the countdown looks like: "over" is overtime (counting up), "warning" the last minutes.
Phase = Literal["idle", "running", "warning", "over", "paused", "ended"]


@dataclass(frozen=True)
class Transition:
    state: TimerState
    action: str  # one of facilitation.store.RUN_ACTIONS
    detail: str = ""


def remaining_seconds(state: TimerState, now: float, planned_seconds: float) -> float:
    """Seconds left in the current step (negative in overtime; 0 when the event has ended)."""
    if state.status == "running" and state.deadline is not None:
        return state.deadline - now
    if state.status in ("paused", "idle") and state.remaining is not None:
        return state.remaining
    if state.status == "ended":
        return 0.0
    return float(planned_seconds)


def phase(
    state: TimerState,
    now: float,
    planned_seconds: float,
    warn_seconds: float = DEFAULT_WARN_SECONDS,
) -> Phase:
    if state.status != "running":
        return state.status
    left = remaining_seconds(state, now, planned_seconds)
    if left <= 0:
        return "over"
    if left <= warn_seconds:
        return "warning"
    return "running"


def crossed(before: Phase | None, after: Phase) -> Literal["warning", "end"] | None:
    """The signal to give when the countdown went from `before` to `after` (a bell)."""
    if before == "running" and after == "warning":
        return "warning"
    if before in ("running", "warning") and after == "over":
        return "end"
    return None


def _planned(durations: Sequence[float], index: int) -> float:
    return float(durations[index]) if 0 <= index < len(durations) else 0.0


def start(state: TimerState, now: float, durations: Sequence[float]) -> Transition | None:
    """Start the current step (an idle one), or resume a paused one."""
    if state.status == "paused":
        return resume(state, now)
    if state.status != "idle":
        return None
    seconds = remaining_seconds(state, now, _planned(durations, state.step_index))
    new = state.with_(status="running", deadline=now + seconds, remaining=None, started_at=now)
    return Transition(new, "started")


def pause(state: TimerState, now: float) -> Transition | None:
    if state.status != "running" or state.deadline is None:
        return None
    left = state.deadline - now
    new = state.with_(status="paused", deadline=None, remaining=left)
    return Transition(new, "paused", f"{left:.0f} s left")


def resume(state: TimerState, now: float) -> Transition | None:
    if state.status != "paused":
        return None
    left = state.remaining or 0.0
    new = state.with_(status="running", deadline=now + left, remaining=None)
    return Transition(new, "resumed")


def toggle(state: TimerState, now: float, durations: Sequence[float]) -> Transition | None:
    """Start, pause or resume: the one key a facilitator needs most."""
    if state.status == "running":
        return pause(state, now)
    return start(state, now, durations)


def extend(
    state: TimerState, now: float, durations: Sequence[float], seconds: float = MINUTE
) -> Transition | None:
    """Add (or, with a negative `seconds`, remove) time to the current step. A running step
    may go into overtime; a step not started yet keeps at least zero seconds."""
    detail = f"{seconds:+.0f} s"
    if state.status == "running" and state.deadline is not None:
        return Transition(state.with_(deadline=state.deadline + seconds), "extended", detail)
    if state.status == "paused":
        return Transition(
            state.with_(remaining=(state.remaining or 0.0) + seconds), "extended", detail
        )
    if state.status == "idle":
        planned = remaining_seconds(state, now, _planned(durations, state.step_index))
        return Transition(state.with_(remaining=max(0.0, planned + seconds)), "extended", detail)
    return None


def goto(
    state: TimerState, now: float, durations: Sequence[float], index: int, why: str = "jump"
) -> Transition | None:
    """Make step `index` current. If the timer was running, the new step starts now."""
    if not 0 <= index < len(durations):
        return None
    if index == state.step_index and state.status != "ended":
        return None
    origin = "end" if state.status == "ended" else str(state.step_index)
    detail = f"from {origin} ({why})"
    if state.status == "running":
        new = TimerState(
            step_index=index,
            status="running",
            deadline=now + _planned(durations, index),
            started_at=now,
            revision=state.revision,
        )
        return Transition(new, "started", detail)
    return Transition(TimerState(step_index=index, revision=state.revision), "goto", detail)


def next_step(state: TimerState, now: float, durations: Sequence[float]) -> Transition | None:
    """The next step; after the last one, the event has ended."""
    if state.status == "ended":
        return None
    if state.step_index + 1 >= len(durations):
        new = state.with_(status="ended", deadline=None, remaining=None)
        return Transition(new, "ended")
    return goto(state, now, durations, state.step_index + 1, "next")


def previous_step(state: TimerState, now: float, durations: Sequence[float]) -> Transition | None:
    """The previous step (from the end: the last step again, waiting)."""
    if state.status == "ended":
        return Transition(
            TimerState(step_index=state.step_index, revision=state.revision),
            "goto",
            "from end (previous)",
        )
    if state.step_index == 0:
        return None
    return goto(state, now, durations, state.step_index - 1, "previous")
