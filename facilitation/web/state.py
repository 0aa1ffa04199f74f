"""Where the room is, for the phones: the step, its question and time left, where a table's
notes go now, and which Open Space block the participants see (read from the event file)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from facilitation.models import Block, SessionScript
from facilitation.run.agenda import planned_durations
from facilitation.run.timer import remaining_seconds
from facilitation.store import Event
from facilitation.store.results import results_due, results_revealed
from facilitation.tui.capture.where import Target, target_at, target_for


@dataclass(frozen=True)
class RoomState:
    step_index: int
    step_title: str
    status: str  # idle | running | paused | ended
    remaining: float  # seconds (negative: overrun)
    capture: str  # what the current step takes: "table", "topics", "votes", ...
    block: int
    revealed: bool = False  # the room sees the block's vote results now (revealed, convergence)

    def as_json(self) -> dict[str, object]:
        return {
            "step": self.step_index,
            "title": self.step_title,
            "status": self.status,
            "remaining": round(self.remaining),
            "capture": self.capture,
            "block": self.block,
            "revealed": self.revealed,
        }


def room_state(event: Event, now: float | None = None) -> RoomState:
    script = event.script
    steps = script.flat_steps()
    timer = event.read_timer()
    if not steps:
        return RoomState(0, "", timer.status, 0.0, "none", 0)
    index = max(0, min(timer.step_index, len(steps) - 1))
    block, step = steps[index]
    planned = planned_durations(script)[index]
    left = remaining_seconds(timer, time.time() if now is None else now, planned)
    revealed = results_due(block, step) and results_revealed(event, block.number)
    return RoomState(index, step.title, timer.status, left, step.capture, block.number, revealed)


def table_target(event: Event, table: int) -> Target | None:
    """Where the notes of `table` go now (None before the first round)."""
    return target_at(event.script, event.read_timer().step_index, "table", table)


def place_target(script: SessionScript, table: int, block: int, round_: int | None) -> Target:
    """The target of a note form that names its place; ValueError if no round takes table
    notes there."""
    target = target_for(script, block, round_, "table", table)
    if target.step_index < 0:
        raise ValueError("no such round")
    return target


def open_space_block(script: SessionScript, step_index: int) -> Block | None:
    """The Open Space block participants see: the current one, else the next one, else the
    last one before."""
    steps = script.flat_steps()
    walls = [b for b in script.blocks if b.is_open_space]
    if not walls:
        return None
    if steps:
        current = steps[max(0, min(step_index, len(steps) - 1))][0]
        if current.is_open_space:
            return current
        later = [b for b in walls if b.number > current.number]
        if later:
            return later[0]
    return walls[-1]
