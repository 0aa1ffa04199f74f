"""What the console and the projector share: the event and its steps, the timer state read
from the event file, the countdown recomputed from the clock, and following the file's
changes. Each app adds its own layout and `refresh_view`."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.css.query import NoMatches
from textual.screen import Screen

from facilitation.i18n import _
from facilitation.i18n.formatting import format_minutes
from facilitation.run import timer
from facilitation.run.agenda import planned_durations, step_infos
from facilitation.run.late import adjusted_minutes, dropped_steps
from facilitation.run.timer import DEFAULT_WARN_SECONDS, Phase
from facilitation.store import Event, RunLogEntry, TimerState
from facilitation.tui.help import translate_bindings
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.textual_words import TextualInUserLanguage
from facilitation.tui.watch import watch_event_file
from facilitation.tui.widgets.countdown import BigCountdown

TICK_SECONDS = 0.25  # the countdown is recomputed from the clock this often
PHASES = ("idle", "running", "warning", "over", "paused", "ended")


def phase_caption(phase: str, warn_seconds: float) -> str:
    """The line under the countdown, for the facilitator and for the room."""
    if phase == "idle":
        return _("Ready: not started")
    if phase == "paused":
        return _("Paused")
    if phase == "warning":
        return _("Less than {duration} left").format(duration=format_minutes(warn_seconds / 60))
    if phase == "over":
        return _("Overtime")
    if phase == "ended":
        return _("The event is over")
    return ""


class StageApp(TextualInUserLanguage):
    """Base of the console and the projector (not run by itself)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]
    # Captions under the countdown in these phases (the projector leaves out "not started").
    CAPTION_PHASES: tuple[Phase, ...] = ("idle", "warning", "over", "paused", "ended")
    _main: Screen  # the app's own screen (set by start_following)

    def __init__(
        self,
        event: Event,
        *,
        clock: Callable[[], float] = time.time,
        warn_seconds: float = DEFAULT_WARN_SECONDS,
        watch: bool = True,
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.event = event
        self.clock = clock
        self.warn_seconds = warn_seconds
        self.watch_file = watch  # (not `watch`: that is the method Textual watches with)
        self.script = event.script
        self.infos = step_infos(self.script)
        self.planned_minutes = [step.minutes for _block, step in self.script.flat_steps()]
        self.durations = planned_durations(self.script)
        self.minutes = list(self.planned_minutes)  # after the re-plans of the run log
        self.dropped: set[int] = set()
        self.title = self.script.event.title
        self.state: TimerState = event.read_timer()
        self.first_log = event.run_log()  # the console's agenda reads it too
        self.follow_run_log(self.first_log)

    def follow_run_log(self, log: list[RunLogEntry]) -> None:
        """The steps' durations after the re-plans (running late) of the run log."""
        self.minutes = adjusted_minutes(self.planned_minutes, log)
        self.durations = [60.0 * m for m in self.minutes]
        self.dropped = dropped_steps(log)

    @property
    def current(self) -> int:
        return min(self.state.step_index, len(self.infos) - 1)

    @property
    def ended(self) -> bool:
        return self.state.status == "ended"

    def part(self, selector, kind=None):
        """A widget of the app's own screen (queries on the app would search a pop-up screen
        while one is open)."""
        return self._main.query_one(selector, kind) if kind else self._main.query_one(selector)

    def start_following(self) -> None:
        """From on_mount: the countdown's clock, and the event file's changes."""
        self._main = self.screen
        self.set_interval(TICK_SECONDS, self.tick, name="countdown")
        if self.watch_file:
            watch_event_file(self, self.event)

    def reload(self) -> None:
        state = self.event.read_timer()
        if state.revision != self.state.revision:  # a re-plan comes with a timer write
            self.follow_run_log(self.event.run_log())
        self.state = state

    def refresh_view(self) -> None:
        raise NotImplementedError

    def on_event_file_changed(self, message: EventFileChanged) -> None:
        self.reload()
        try:
            self.refresh_view()
        except NoMatches:  # a change noticed while the app closes
            return

    def show_countdown(self, now: float) -> Phase | None:
        """Set the countdown from the stored state and the clock; its phase, or None while
        the app closes."""
        planned = self.durations[self.current] if self.durations else 0.0
        phase = timer.phase(self.state, now, planned, self.warn_seconds)
        try:
            countdown = self.part(BigCountdown)
        except NoMatches:
            return None
        countdown.seconds = timer.remaining_seconds(self.state, now, planned)
        shown = phase in self.CAPTION_PHASES
        countdown.caption = phase_caption(phase, self.warn_seconds) if shown else ""
        # One change of classes, one restyle (Textual restyles the widget at once for each
        # class added or removed: a phase change was two).
        countdown.update_classes({f"-{name}": phase == name for name in PHASES})
        return phase

    def tick(self) -> None:
        self.show_countdown(self.clock())
