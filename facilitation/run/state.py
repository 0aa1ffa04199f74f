"""The timer's stored state and the run log's entries, as plain dataclasses.

They live here, in the pure `facilitation.run` package, so that the timer arithmetic
(`facilitation.run.timer`) imports neither SQLite nor the store; `facilitation.store` stores
and returns them (and re-exports them: `from facilitation.store import TimerState` works).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

TimerStatus = Literal["idle", "running", "paused", "ended"]
TIMER_STATUSES = ("idle", "running", "paused", "ended")
# What the run log records; "goto" is "gone to another step", "reset" back to idle.
RUN_ACTIONS = (
    "started",
    "paused",
    "resumed",
    "extended",
    "ended",
    "goto",
    "reset",
    "replanned",  # running late: new minutes for the steps left (facilitation.run.late)
)


@dataclass(frozen=True)
class TimerState:
    step_index: int = 0
    status: TimerStatus = "idle"
    deadline: float | None = None  # UTC epoch seconds the step ends at, when running
    remaining: float | None = None  # seconds left, when paused
    started_at: float | None = None  # UTC epoch seconds the current step was started
    updated_at: float = 0.0  # set by write_timer
    revision: int = 0  # +1 at each write_timer; for compare-and-set

    def with_(self, **changes: object) -> TimerState:
        """A copy with some fields changed: `state.with_(status="paused", remaining=42.0)`."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class RunLogEntry:
    id: int
    at: float  # UTC epoch seconds
    action: str  # one of RUN_ACTIONS
    step_index: int | None
    detail: str  # free text, e.g. "+5 min" or "from 3"
