"""Running late: the forecast end of the block and of the day, and new durations for the steps
left (shortened in proportion, or one step dropped), recorded in the run log.

A re-plan is one run-log row, action "replanned", whose detail is JSON:
`{"minutes": {"12": 15, "13": 8}, "dropped": [14], "late": 9}` (step index -> new planned
minutes; dropped steps get 0 minutes and are passed over by the console's next-step key).
`adjusted_minutes` replays every such row, so the console, the projector and the synthesis
read the same durations from the same file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from facilitation.run.agenda import StepInfo
from facilitation.run.state import RunLogEntry

REPLANNED = "replanned"
MIN_MINUTES = 1  # a shortened step keeps at least this long


@dataclass(frozen=True)
class Replan:
    minutes: dict[int, int] = field(default_factory=dict)  # step index -> new planned minutes
    dropped: tuple[int, ...] = ()
    late_minutes: int = 0  # how late the block was forecast when the facilitator re-planned

    def detail(self) -> str:
        return json.dumps(
            {
                "minutes": {str(k): v for k, v in sorted(self.minutes.items())},
                "dropped": list(self.dropped),
                "late": self.late_minutes,
            },
            sort_keys=True,
        )


def parse_replan(detail: str) -> Replan | None:
    """The re-plan a run-log detail holds; None if it is not one (hand-edited, older)."""
    try:
        data = json.loads(detail)
        minutes = {int(k): max(0, int(v)) for k, v in dict(data.get("minutes", {})).items()}
        dropped = tuple(int(i) for i in data.get("dropped", []))
        late = int(data.get("late", 0))
    except (ValueError, TypeError, AttributeError):
        return None
    return Replan(minutes, dropped, late)


def replans(log: Iterable[RunLogEntry]) -> list[Replan]:
    found = []
    for entry in log:
        if entry.action == REPLANNED:
            replan = parse_replan(entry.detail)
            if replan is not None:
                found.append(replan)
    return found


def adjusted_minutes(planned: Sequence[int], log: Iterable[RunLogEntry]) -> list[int]:
    """The planned minutes of every step after the re-plans of the run log, in order."""
    minutes = list(planned)
    for replan in replans(log):
        for index, value in replan.minutes.items():
            if 0 <= index < len(minutes):
                minutes[index] = value
        for index in replan.dropped:
            if 0 <= index < len(minutes):
                minutes[index] = 0
    return minutes


def dropped_steps(log: Iterable[RunLogEntry]) -> set[int]:
    """Steps a re-plan dropped (and no later re-plan gave minutes back)."""
    dropped: set[int] = set()
    for replan in replans(log):
        dropped |= set(replan.dropped)
        dropped -= {i for i, m in replan.minutes.items() if m > 0}
    return dropped


@dataclass(frozen=True)
class Forecast:
    block_steps: list[int]  # indexes of the block's steps still to come (after the current one)
    planned_end: float  # epoch seconds the block was planned to end (None -> 0: unknown start)
    forecast_end: float  # epoch seconds it will end at this pace
    day_forecast_end: float  # the same for the last block of the same day

    @property
    def late_seconds(self) -> float:
        return self.forecast_end - self.planned_end if self.planned_end else 0.0


def forecast(
    infos: Sequence[StepInfo],
    current: int,
    minutes: Sequence[int],
    current_left: float,
    now: float,
    planned_block_end: float,
) -> Forecast:
    """When the current block (and the day) ends if the current step has `current_left`
    seconds left and every later step takes its planned `minutes`."""
    block = infos[current].block
    later = [i.index for i in infos[current + 1 :] if i.block is block]
    end = now + max(0.0, current_left) + 60.0 * sum(minutes[i] for i in later)
    day_steps = [
        i.index for i in infos[current + 1 :] if i.block is not block and i.block.day == block.day
    ]
    day_end = end + 60.0 * sum(minutes[i] for i in day_steps)
    return Forecast(later, planned_block_end, end, day_end)


def shorten_in_proportion(
    minutes: Sequence[int], steps: Sequence[int], late_seconds: float
) -> dict[int, int]:
    """New minutes for `steps` so that together they take `late_seconds` less (rounded up to
    whole minutes; each keeps at least MIN_MINUTES). Steps already at 0 stay at 0."""
    live = [i for i in steps if minutes[i] > 0]
    total = sum(minutes[i] for i in live)
    if not live or late_seconds <= 0:
        return {}
    late = math.ceil(late_seconds / 60)
    target = max(total - late, MIN_MINUTES * len(live))
    factor = target / total
    new = {i: max(MIN_MINUTES, math.floor(minutes[i] * factor)) for i in live}
    # floor() may take a minute too many: give minutes back to the longest steps first
    for i in sorted(live, key=lambda i: -minutes[i]):
        if sum(new.values()) >= target:
            break
        if new[i] < minutes[i]:
            new[i] += 1
    return {i: m for i, m in new.items() if m != minutes[i]}


def drop_step(minutes: Sequence[int], step: int) -> Replan:
    return Replan(minutes={}, dropped=(step,)) if minutes[step] > 0 else Replan()
