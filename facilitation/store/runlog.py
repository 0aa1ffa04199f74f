"""The run log (what happened when) and the timer state every screen reads.

The timer arithmetic (remaining time, overrun) belongs to `facilitation.run` with an injected
clock; this module only stores the state so that any process can compute it: the current step
index (in `SessionScript.flat_steps()` order), the status, the deadline (UTC epoch seconds,
when running), the seconds left (when paused) and when the step was started. `write_timer`
writes the new state and its run-log row in one transaction: they can never disagree.
"""

from __future__ import annotations

from dataclasses import replace

from facilitation.run.state import RUN_ACTIONS, TIMER_STATUSES, RunLogEntry, TimerState
from facilitation.store.base import EventCore
from facilitation.store.text import clean


class TimerConflict(Exception):
    """`write_timer(..., expect_revision=n)` found that another process wrote the timer first."""

    def __init__(self, current: TimerState):
        super().__init__(f"the timer was changed meanwhile (revision {current.revision})")
        self.current = current


_T_COLUMNS = "step_index, status, deadline, remaining, started_at, updated_at, revision"


class RunLogMixin(EventCore):
    def read_timer(self) -> TimerState:
        """The timer state as last written by any process."""
        with self._read() as conn:
            row = conn.execute(f"SELECT {_T_COLUMNS} FROM timer WHERE id = 1").fetchone()
        return TimerState(*row)

    def write_timer(
        self,
        state: TimerState,
        action: str,
        step_index: int | None = None,
        detail: str = "",
        *,
        expect_revision: int | None = None,
    ) -> TimerState:
        """Store `state` and log `action` (one of RUN_ACTIONS) for `step_index` (default:
        `state.step_index`) in one transaction; returns the state as stored (new `revision` and
        `updated_at`). With `expect_revision`, raises TimerConflict instead of writing if the
        stored revision is not that one (two consoles pressing a key at the same moment)."""
        if state.status not in TIMER_STATUSES:
            raise ValueError(f"timer status must be one of {TIMER_STATUSES}")
        if action not in RUN_ACTIONS:
            raise ValueError(f"run-log action must be one of {RUN_ACTIONS}")
        if step_index is None:
            step_index = state.step_index
        with self._write() as conn:
            now = self._now()
            current = TimerState(
                *conn.execute(f"SELECT {_T_COLUMNS} FROM timer WHERE id = 1").fetchone()
            )
            if expect_revision is not None and current.revision != expect_revision:
                raise TimerConflict(current)
            stored = replace(state, updated_at=now, revision=current.revision + 1)
            conn.execute(
                "UPDATE timer SET step_index = ?, status = ?, deadline = ?, remaining = ?,"
                " started_at = ?, updated_at = ?, revision = ? WHERE id = 1",
                (
                    stored.step_index,
                    stored.status,
                    stored.deadline,
                    stored.remaining,
                    stored.started_at,
                    stored.updated_at,
                    stored.revision,
                ),
            )
            conn.execute(
                "INSERT INTO run_log (at, action, step_index, detail) VALUES (?, ?, ?, ?)",
                (now, action, step_index, clean(detail)),
            )
        return stored

    def log_run(self, action: str, step_index: int | None = None, detail: str = "") -> None:
        """A run-log row without touching the timer."""
        if action not in RUN_ACTIONS:
            raise ValueError(f"run-log action must be one of {RUN_ACTIONS}")
        with self._write() as conn:
            conn.execute(
                "INSERT INTO run_log (at, action, step_index, detail) VALUES (?, ?, ?, ?)",
                (self._now(), action, step_index, clean(detail)),
            )

    def run_log(self, since_id: int = 0) -> list[RunLogEntry]:
        """The run log in order (only the rows after `since_id`, to poll cheaply)."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, at, action, step_index, detail FROM run_log WHERE id > ? ORDER BY id",
                (since_id,),
            ).fetchall()
        return [RunLogEntry(*row) for row in rows]
