"""The run state machine: which step is current and how much time it has left.

Pure functions over `TimerState` (`facilitation.run.state`) and an injected clock (`now`, UTC
epoch seconds): no Textual, no SQLite. The console writes what a transition returns with
`event.write_timer(t.state, t.action, detail=t.detail, expect_revision=old.revision)`, so every
screen (and a restarted console) computes the same remaining time from the stored state.

    from facilitation.run import remaining_seconds, start, pause, extend, next_step
    t = start(state, now=clock(), planned_seconds=20 * 60)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitation.run.actuals import StepTiming, step_timings
    from facilitation.run.agenda import StepInfo, planned_starts, step_infos
    from facilitation.run.timer import (
        DEFAULT_WARN_SECONDS,
        Clock,
        Phase,
        Transition,
        extend,
        goto,
        next_step,
        pause,
        phase,
        previous_step,
        remaining_seconds,
        resume,
        start,
        toggle,
    )

# Names are imported on first use, so that the timer arithmetic (`facilitation.run.timer`) can be
# imported alone: without the agenda's pydantic models, without SQLite.
_WHERE = {
    "StepTiming": "actuals",
    "step_timings": "actuals",
    "StepInfo": "agenda",
    "planned_starts": "agenda",
    "step_infos": "agenda",
}


def __getattr__(name: str) -> object:
    if name in __all__:
        module = importlib.import_module(f"facilitation.run.{_WHERE.get(name, 'timer')}")
        return getattr(module, name)
    raise AttributeError(f"module 'facilitation.run' has no attribute {name!r}")


__all__ = [
    "DEFAULT_WARN_SECONDS",
    "Clock",
    "Phase",
    "StepInfo",
    "StepTiming",
    "Transition",
    "extend",
    "goto",
    "next_step",
    "pause",
    "phase",
    "planned_starts",
    "previous_step",
    "remaining_seconds",
    "resume",
    "start",
    "step_infos",
    "step_timings",
    "toggle",
]
