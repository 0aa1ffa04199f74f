"""The console's timer keys: every key computes a transition with `facilitation.run.timer`
and writes it with `write_timer(..., expect_revision=...)`; another console writing first
wins, and its state is shown. Dropped steps (running late) are passed over by next/previous."""

from __future__ import annotations

from collections.abc import Callable

from facilitation.i18n import _
from facilitation.run import timer
from facilitation.run.timer import Transition
from facilitation.store import TimerConflict, TimerState
from facilitation.tui.stage import StageApp
from facilitation.tui.write_faults import refuse_if_unwritable, short_lock_wait


class TimerKeys(StageApp):
    """Part of ConsoleApp: space, s, p, +, -, n/→, b/←, g."""

    def after_timer_write(self) -> None:
        """The run log and the view, once a transition was written (ConsoleApp's)."""
        self.refresh_view()

    def apply(self, make: Callable[[TimerState, float], Transition | None]) -> bool:
        """Compute a transition from the current state and write it; False if the key does
        nothing now. If another console wrote first, show its state instead."""
        now = self.clock()
        self.reload()  # act on what the file says, not on what was on screen
        transition = make(self.state, now)
        if transition is None:
            return False
        try:
            with short_lock_wait(self.event), refuse_if_unwritable(self.notify) as refused:
                self.state = self.event.write_timer(
                    transition.state,
                    transition.action,
                    detail=transition.detail,
                    expect_revision=self.state.revision,
                )
            if refused.refused:  # read-only, full disk, held lock: refused in plain words
                return True
        except TimerConflict as conflict:
            self.state = conflict.current
            self.notify(
                _("Another console changed the timer at the same moment: here is its state."),
                severity="warning",
            )
        self.after_timer_write()
        return True

    def action_toggle(self) -> None:  # type: ignore[override]  # the timer, not DOMNode's
        self.apply(lambda s, now: timer.toggle(s, now, self.durations))

    def action_start(self) -> None:
        if not self.apply(lambda s, now: timer.start(s, now, self.durations)):
            self.notify(_("The timer is already running."), timeout=3)

    def action_pause(self) -> None:
        if not self.apply(lambda s, now: timer.pause(s, now) or timer.resume(s, now)):
            self.notify(_("The step has not started yet: Space starts it."), timeout=3)

    def action_add_minute(self) -> None:
        self.apply(lambda s, now: timer.extend(s, now, self.durations, 60))

    def action_remove_minute(self) -> None:
        self.apply(lambda s, now: timer.extend(s, now, self.durations, -60))

    def step_after(self, index: int, direction: int) -> int | None:
        """The next (or previous) step that was not dropped; None past either end."""
        index += direction
        while 0 <= index < len(self.durations) and index in self.dropped:
            index += direction
        return index if 0 <= index < len(self.durations) else None

    def action_next_step(self) -> None:
        target = self.step_after(self.current, 1)
        if target is not None and target != self.current + 1 and not self.ended:
            self.apply(lambda s, now: timer.goto(s, now, self.durations, target, "next"))
            return
        self.apply(lambda s, now: timer.next_step(s, now, self.durations))

    def action_previous_step(self) -> None:
        target = self.step_after(self.current, -1)
        if target is not None and target != self.current - 1 and not self.ended:
            self.apply(lambda s, now: timer.goto(s, now, self.durations, target, "previous"))
            return
        self.apply(lambda s, now: timer.previous_step(s, now, self.durations))

    def goto_step(self, index: int | None) -> None:
        if index is not None:
            self.apply(lambda s, now: timer.goto(s, now, self.durations, index))

    def action_jump(self) -> None:
        from facilitation.tui.console.screens import JumpScreen

        self.push_screen(JumpScreen(self.infos, self.current), self.goto_step)
