"""The agenda as planned (script) and as it happened (run log).

The run log records started / paused / resumed / extended / ended / goto / reset with a step
index into `script.flat_steps()`. A step's actual start is the first time it was started (or
gone to); its actual duration runs from there until it ended or another step began (pauses
included: it is the time the room spent on it); each "extended" row counts as an extension,
with the minutes read from its detail ("+5 min") when it says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from facilitation.models import Block, Step
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
    extensions: list[float] = field(default_factory=list)  # minutes added, one per extension


_MINUTES = re.compile(r"(\d+(?:[.,]\d+)?)\s*(s|sec|secs|seconds?|min|minutes?|m)?\b", re.I)


def extension_minutes(detail: str) -> float:
    """`+5 min` -> 5.0, `+300 s` -> 5.0, `` -> 0.0 (unknown)."""
    found = _MINUTES.search(detail or "")
    if not found:
        return 0.0
    value = float(found.group(1).replace(",", "."))
    unit = (found.group(2) or "min").lower()
    return value / 60 if unit.startswith("s") else value


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
    """One row per step, planned times filled, actual times filled from the run log."""
    rows = planned_rows(flat_steps)
    current: int | None = None
    since: float | None = None  # when the current step began

    def close(at: float) -> None:
        nonlocal current, since
        if current is not None and since is not None and 0 <= current < len(rows):
            row = rows[current]
            row.actual_seconds = (row.actual_seconds or 0.0) + max(0.0, at - since)
        current, since = None, None

    def begin(index: int | None, at: float) -> None:
        nonlocal current, since
        if index is None or not 0 <= index < len(rows):
            return
        current, since = index, at
        if rows[index].actual_start is None:
            rows[index].actual_start = at

    for entry in log:
        action, index = entry.action, entry.step_index
        if action in ("started", "goto"):
            if index != current:
                close(entry.at)
                begin(index, entry.at)
            elif since is None:
                since = entry.at
        elif action == "resumed":
            if current is None:
                begin(index, entry.at)
        elif action == "extended":
            target = index if index is not None else current
            if target is not None and 0 <= target < len(rows):
                rows[target].extensions.append(extension_minutes(entry.detail))
        elif action in ("ended", "reset"):
            close(entry.at)
    if log and current is not None and since is not None:
        close(log[-1].at)  # still running when the synthesis was written
    return rows
