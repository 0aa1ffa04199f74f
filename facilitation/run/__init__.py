"""The run state machine: which step is current and how much time it has left.

Pure functions over `facilitation.store.TimerState` and an injected clock (`now`, UTC epoch
seconds): no Textual, no SQLite. The console writes what a transition returns with
`event.write_timer(t.state, t.action, detail=t.detail, expect_revision=old.revision)`, so every
screen (and a restarted console) computes the same remaining time from the stored state.

    from facilitation.run import remaining_seconds, start, pause, extend, next_step
    t = start(state, now=clock(), planned_seconds=20 * 60)
"""

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
