"""The projector view (`facilitation screen EVENT.db`): what the room sees.

It only reads the event file: `watch_event_file` notices the console's writes (4 times a
second) and the countdown is recomputed from the stored deadline and the clock every quarter
second, so it follows the console within a second, and a projector opened late, or restarted,
shows the right time at once. The countdown grows with the terminal (BigCountdown).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.css.query import NoMatches
from textual.widgets import Static

from facilitation.i18n import N_, _
from facilitation.i18n.formatting import format_minutes
from facilitation.run import timer
from facilitation.run.agenda import StepInfo, planned_durations, step_infos
from facilitation.run.timer import DEFAULT_WARN_SECONDS
from facilitation.store import Event
from facilitation.tui.console.app import phase_caption
from facilitation.tui.help import HelpScreen, translate_bindings
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.watch import watch_event_file
from facilitation.tui.widgets.countdown import BigCountdown
from facilitation.tui.widgets.inline_markdown import inline_markdown

TICK_SECONDS = 0.25


def agenda_wall_due(info: StepInfo) -> bool:
    """True on an Open Space block once its marketplace (the step capturing topics) is over."""
    steps = info.block.steps
    marketplace = next((i for i, s in enumerate(steps) if s.capture == "topics"), None)
    return marketplace is not None and steps.index(info.step) > marketplace


class ProjectorApp(App):
    CSS_PATH = "projector.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]
    BINDINGS = [
        Binding("f1", "help", N_("Help")),
        Binding("q", "quit", N_("Quit")),
    ]

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
        self.watch = watch
        self.script = event.script
        self.infos = step_infos(self.script)
        self.durations = planned_durations(self.script)
        self.title = self.script.event.title
        self.state = event.read_timer()

    def compose(self) -> ComposeResult:
        with Vertical(id="stage"):
            yield Static(Text(self.script.event.title), id="event-title")
            yield Static(id="block")
            yield Static(id="step")
            yield Static(id="question")
            yield BigCountdown(id="countdown")
            yield Static(id="next-step")
        # The Open Space agenda wall: shown, and the stage shrinks, once the block's
        # marketplace is over (mounted by show_wall).
        yield Container(id="agenda-wall")

    def part(self, selector, kind=None):
        """A widget of the projector's own screen (not of the help screen, when open)."""
        return self._main.query_one(selector, kind) if kind else self._main.query_one(selector)

    def on_mount(self) -> None:
        self._main = self.screen
        self.refresh_view()
        self.set_interval(TICK_SECONDS, self.tick, name="countdown")
        if self.watch:
            watch_event_file(self, self.event)

    @property
    def current(self) -> int:
        return min(self.state.step_index, len(self.infos) - 1)

    def on_event_file_changed(self, message: EventFileChanged) -> None:
        self.state = self.event.read_timer()
        try:
            self.refresh_view()
        except NoMatches:  # a change noticed while the app closes
            return

    def refresh_view(self) -> None:
        if not self.infos:
            return
        info = self.infos[self.current]
        block, step = info.block, info.step
        ended = self.state.status == "ended"
        self.part("#block", Static).update(
            Text(_("Block {n}: {title}").format(n=block.number, title=block.title))
        )
        self.part("#step", Static).update(Text("" if ended else step.title))
        question = "" if ended else step.question or block.question
        self.part("#question", Static).update(inline_markdown(question, justify="center"))
        self.part("#question").display = bool(question)
        nxt = self.infos[self.current + 1] if self.current + 1 < len(self.infos) else None
        self.part("#next-step", Static).update(
            Text(
                _("Next: {title} · {duration}").format(
                    title=nxt.step.title, duration=format_minutes(nxt.step.minutes)
                )
                if nxt and not ended
                else ""
            )
        )
        wall = agenda_wall_due(info) and not ended
        if wall:
            self.show_wall(block.number)
        self.part("#agenda-wall").display = wall
        self.tick()

    def show_wall(self, block_number: int) -> None:
        """The block's agenda wall, read again from the event file (topics land as typed)."""
        from facilitation.tui.marketplace.wall_widget import AgendaWall

        container = self.part("#agenda-wall")
        shown = next(iter(container.children), None)
        if isinstance(shown, AgendaWall) and shown.block_number == block_number:
            shown.refresh_wall()
            return
        container.remove_children()
        container.mount(AgendaWall(self.event, block_number, show_cursor=False))

    def tick(self) -> None:
        now = self.clock()
        planned = self.durations[self.current] if self.durations else 0.0
        phase = timer.phase(self.state, now, planned, self.warn_seconds)
        try:
            countdown = self.part(BigCountdown)
        except NoMatches:  # a tick while the app closes
            return
        countdown.seconds = timer.remaining_seconds(self.state, now, planned)
        countdown.caption = (
            "" if phase in ("running", "idle") else phase_caption(phase, self.warn_seconds)
        )
        for name in ("idle", "running", "warning", "over", "paused", "ended"):
            countdown.set_class(phase == name, f"-{name}")

    def action_help(self) -> None:
        self.push_screen(HelpScreen.of(self, _("Projector: keys")))


def make_projector_app(
    event: Event,
    *,
    clock: Callable[[], float] = time.time,
    warn_seconds: float = DEFAULT_WARN_SECONDS,
    watch: bool = True,
) -> ProjectorApp:
    return ProjectorApp(event, clock=clock, warn_seconds=warn_seconds, watch=watch)
