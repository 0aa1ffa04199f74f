"""The agenda as planned (script) and as it happened (run log).

A step's actual start is the first time its timer started; its actual duration runs from there
until it ended or another step began (pauses included: it is the time the room spent on it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitation.models import Block, Step
from facilitation.run.actuals import step_timings
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


def planned_rows(flat_steps: list[tuple[Block, Step]]) -> list[AgendaRow]:
    rows: list[AgendaRow] = []
    clock: dict[int, int] = {}  # block number -> minutes since its start
    for index, (block, step) in enumerate(flat_steps):
        offset = clock.get(block.number, 0)
        start = None
        if block.start is not None:
            total = block.start.hour * 60 + block.start.minute + offset
            start = dt.time((total // 60) % 24, total % 60)
        rows.append(AgendaRow(index, block, step, start, step.minutes))
        clock[block.number] = offset + step.minutes
    return rows


def agenda(flat_steps: list[tuple[Block, Step]], log: list[RunLogEntry]) -> list[AgendaRow]:
    """One row per step, planned times filled, actual times filled from the run log (the same
    arithmetic as the console's agenda: facilitation.run.actuals)."""
    rows = planned_rows(flat_steps)
    timings = step_timings(log, [row.planned_minutes * 60 for row in rows])
    last = log[-1].at if log else None  # a step still running when the synthesis was written
    for row, timing in zip(rows, timings, strict=True):
        if timing.started_at is None:
            continue
        row.actual_start = timing.started_at
        end = timing.ended_at if timing.ended_at is not None else last
        if end is not None:
            row.actual_seconds = max(0.0, end - timing.started_at)
        row.extensions = timing.extensions
        row.extended_minutes = timing.extended_seconds / 60
    return rows
