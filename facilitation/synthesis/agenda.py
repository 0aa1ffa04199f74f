"""The agenda as planned (script) and as it happened (run log).

Planned times come from `facilitation.run.agenda.step_infos` and actual times from
`facilitation.run.actuals.step_timings`: the same arithmetic as the console's agenda. A step's
actual start is the first time its timer started; its actual duration runs from there until it
ended or another step began (pauses included: it is the time the room spent on it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitation.models import Block, SessionScript, Step
from facilitation.run.actuals import step_timings
from facilitation.run.agenda import step_infos
from facilitation.run.late import adjusted_minutes
from facilitation.store.runlog import RunLogEntry


@dataclass
class AgendaRow:
    index: int
    block: Block
    step: Step
    planned_start: dt.time | None  # from the block's start and the steps before it
    planned_minutes: int
    actual_start: float | None = None  # UTC epoch seconds
    actual_seconds: float | None = None
    extensions: int = 0  # how many times time was added or removed
    extended_minutes: float = 0.0  # minutes added minus minutes removed
    replanned_minutes: int | None = None  # new planned minutes after running late; 0: dropped


def agenda(script: SessionScript, log: list[RunLogEntry]) -> list[AgendaRow]:
    """One row per step of `script`, planned times filled, actual times filled from the run log."""
    infos = step_infos(script)
    rows = [
        AgendaRow(info.index, info.block, info.step, info.planned_start, info.step.minutes)
        for info in infos
    ]
    timings = step_timings(log, [info.planned_seconds for info in infos])
    replanned = adjusted_minutes([row.planned_minutes for row in rows], log)
    for row, minutes in zip(rows, replanned, strict=True):
        if minutes != row.planned_minutes:
            row.replanned_minutes = minutes
    last = log[-1].at if log else None  # a step still running when the synthesis was written
    for row, timing in zip(rows, timings, strict=True):
        if timing.started_at is None:
            continue
        row.actual_start = timing.started_at
        seconds = timing.actual_seconds(now=last)
        if seconds is not None:
            row.actual_seconds = max(0.0, seconds)
        row.extensions = timing.extensions
        row.extended_minutes = timing.extended_seconds / 60
    return rows
