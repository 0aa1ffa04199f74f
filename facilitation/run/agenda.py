"""The planned agenda: every step with its block, planned start (clock time) and duration."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitation.models import Block, SessionScript, Step


@dataclass(frozen=True)
class StepInfo:
    index: int  # position in SessionScript.flat_steps()
    block: Block
    step: Step
    planned_start: dt.time | None  # from the block's start and the steps before; None if unknown

    @property
    def planned_seconds(self) -> float:
        return self.step.minutes * 60.0


def _add_minutes(start: dt.time, minutes: int) -> dt.time:
    moment = dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=minutes)
    return moment.time()


def step_infos(script: SessionScript) -> list[StepInfo]:
    """Every step in running order with its planned start: the block's start plus the minutes
    of the steps before it in that block. The console, the projector and the synthesis all use
    this, so they agree on planned times."""
    infos: list[StepInfo] = []
    for block in script.blocks:
        before = 0  # minutes since the block's start
        for step in block.steps:
            start = _add_minutes(block.start, before) if block.start is not None else None
            infos.append(StepInfo(len(infos), block, step, start))
            before += step.minutes
    return infos


def planned_starts(script: SessionScript) -> list[dt.time | None]:
    return [info.planned_start for info in step_infos(script)]


def planned_durations(script: SessionScript) -> list[float]:
    """Planned seconds of every step, in running order (what the transitions take)."""
    return [step.minutes * 60.0 for _, step in script.flat_steps()]
