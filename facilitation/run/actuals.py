"""Planned versus actual, from the run log: when each step really started and how long it took.

For the console's agenda and for the synthesis. The log is replayed in order; a row whose
step differs from the current one means the current step was left at that moment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from facilitation.run.state import RunLogEntry

_SECONDS = re.compile(r"^([+-]?\d+(?:\.\d+)?) s")


@dataclass
class StepTiming:
    index: int
    planned_seconds: float
    started_at: float | None = None  # first time its timer started (UTC epoch); None: never
    ended_at: float | None = None  # last time the event moved on from it
    running_seconds: float = 0.0  # time its timer ran, pauses excluded
    pauses: int = 0
    extended_seconds: float = 0.0  # minutes added minus minutes removed
    extensions: int = 0  # how many times time was added or removed
    visited: bool = False  # it was the current step at some point
    skipped: bool = False  # passed over (a later step was reached) without ever being started

    def actual_seconds(self, now: float | None = None) -> float | None:
        """Wall time from its first start to when it was left (or `now`, if still current)."""
        if self.started_at is None:
            return None
        end = self.ended_at if self.ended_at is not None else now
        return None if end is None else end - self.started_at


def step_timings(
    log: Iterable[RunLogEntry], durations: Sequence[float], now: float | None = None
) -> list[StepTiming]:
    """One StepTiming per step (planned seconds from `durations`). With `now`, the current
    step's running time includes the time since it last started or resumed."""
    timings = [StepTiming(i, float(seconds)) for i, seconds in enumerate(durations)]
    current: int | None = 0 if timings else None
    running_since: float | None = None

    def valid(index: int | None) -> bool:
        return index is not None and 0 <= index < len(timings)

    def leave(at: float) -> None:
        nonlocal running_since
        if valid(current):
            timing = timings[current]  # type: ignore[index]
            if running_since is not None:
                timing.running_seconds += at - running_since
            timing.ended_at = at
        running_since = None

    for entry in log:
        index = entry.step_index
        if entry.action == "reset":
            running_since = None
            continue
        if valid(index) and index != current:
            leave(entry.at)
            current = index
        if not valid(current):
            continue
        timing = timings[current]  # type: ignore[index]
        timing.visited = True
        if entry.action == "started":
            if timing.started_at is None:
                timing.started_at = entry.at
            timing.ended_at = None
            running_since = entry.at
        elif entry.action == "paused":
            if running_since is not None:
                timing.running_seconds += entry.at - running_since
            running_since = None
            timing.pauses += 1
        elif entry.action == "resumed":
            running_since = entry.at
        elif entry.action == "extended":
            match = _SECONDS.match(entry.detail)
            if match:
                timing.extended_seconds += float(match.group(1))
            timing.extensions += 1
        elif entry.action == "ended":
            leave(entry.at)
            current = None
    if now is not None and valid(current) and running_since is not None:
        timings[current].running_seconds += now - running_since  # type: ignore[index]
    furthest = max((t.index for t in timings if t.visited), default=-1)
    for timing in timings[: max(0, furthest)]:
        timing.skipped = timing.started_at is None
    return timings
