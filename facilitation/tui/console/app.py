"""The facilitator's console: agenda, current step and prompt, countdown, next step, capture.

Built by `make_console_app(event, clock=...)` (used by `facilitation run` and by the tests).
The timer lives in the event file: every key computes a transition with `facilitation.run`
and writes it with `write_timer(..., expect_revision=...)`; the screen shows what the file
says (another console, or this one before a crash) and the countdown is recomputed from the
stored deadline and the clock four times a second, never counted down by ticks.

To add a key (e.g. the synthesis, seating, the Open Space marketplace): one `Binding` line in
BINDINGS and one `action_<name>` method; the command palette and F1 list it by themselves.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, Static

from facilitation.errors import UserError
from facilitation.i18n import N_, _
from facilitation.i18n.formatting import format_minutes
from facilitation.run import timer
from facilitation.run.actuals import step_timings
from facilitation.run.stage import stage_text
from facilitation.run.timer import DEFAULT_WARN_SECONDS, Phase, Transition, crossed
from facilitation.store import Event, TimerConflict, TimerState
from facilitation.tui.console.messages import (
    SeatingDone,
    SynthesisProgress,
    SynthesisWritten,
    WorkFailed,
)
from facilitation.tui.console.panels import AgendaPanel, CapturePanel
from facilitation.tui.help import HelpScreen
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.stage import StageApp
from facilitation.tui.widgets.countdown import BigCountdown
from facilitation.tui.widgets.inline_markdown import inline_markdown
from facilitation.tui.widgets.teleprompter import Teleprompter


class ConsoleApp(StageApp):
    CSS_PATH = "console.tcss"
    ENABLE_COMMAND_PALETTE = True

    # Descriptions in English with N_(); translate_bindings() translates them at start-up.
    BINDINGS = [
        Binding("space", "toggle", N_("Start/pause")),
        Binding("f1", "help", N_("Help")),
        Binding("s", "start", N_("Start the step"), show=False),
        Binding("p", "pause", N_("Pause or resume"), show=False),
        Binding("plus,equals_sign", "add_minute", N_("+1 min"), key_display="+"),
        Binding("minus", "remove_minute", N_("-1 min"), key_display="-"),
        Binding("n,right", "next_step", N_("Next step"), key_display="→"),
        Binding("b,left", "previous_step", N_("Previous step"), key_display="←"),
        Binding("g", "jump", N_("Jump to a step")),
        Binding("t", "toggle_prompt", N_("Show/hide the prompt"), show=False),
        Binding("o", "projector", N_("Projector instructions"), show=False),
        Binding("c", "codes", N_("Join codes of the tables"), show=False),
        Binding("m", "marketplace", N_("Open Space: marketplace and agenda wall")),
        Binding("v", "votes", N_("Open Space: votes"), show=False),
        Binding("x", "actions", N_("Open Space: action plan"), show=False),
        Binding("a", "seating", N_("Seating plan for this World Café block"), show=False),
        Binding("y", "synthesis", N_("Write the synthesis (.docx)"), show=False),
        Binding("q", "quit", N_("Quit"), show=False),
    ]

    def __init__(
        self,
        event: Event,
        *,
        clock: Callable[[], float] = time.time,
        warn_seconds: float = DEFAULT_WARN_SECONDS,
        notice: str | None = None,
        watch: bool = True,
    ) -> None:
        super().__init__(event, clock=clock, warn_seconds=warn_seconds, watch=watch)
        self.notice = notice
        self.timings = step_timings(event.run_log(), self.durations)
        self._phase: Phase | None = None  # the countdown's phase at the previous tick
        self._shown_step: int | None = None
        self._slow_tick = 0

    def run(self, *args, **kwargs):
        """Run the console. What is loaded by then (modules, the script) lives as long as the
        console: it is frozen, so the garbage collector stops walking it, and collection waits
        until the first frame is drawn (together they cost its start-up about 25 ms)."""
        gc.freeze()
        gc.disable()
        self.call_after_refresh(gc.enable)
        try:
            return super().run(*args, **kwargs)
        finally:
            gc.enable()

    # ---- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="topbar")
        with Horizontal(id="body"):
            with Vertical(id="side"):
                agenda = AgendaPanel(self.infos, wide=self.size.width >= 120, id="agenda")
                agenda.border_title = _("Agenda")
                yield agenda
                capture = CapturePanel(id="capture")
                capture.border_title = _("Notes from the tables")
                yield capture
            with Vertical(id="main"):
                yield Static(id="step-title")
                yield Static(id="question")
                yield BigCountdown(id="countdown")
                yield Static(id="next-step")
                prompt = Teleprompter(id="prompt")
                prompt.border_title = _("What to say")
                yield prompt
                # the synthesis's progress bar (#work-progress) is mounted when first needed
        yield Footer(compact=True)

    def breakpoint_classes(self) -> dict[str, bool]:
        """The classes Textual gives the screen for the app's size (HORIZONTAL_BREAKPOINTS,
        VERTICAL_BREAKPOINTS): each on if it is the largest breakpoint the size reaches."""
        classes: dict[str, bool] = {}
        for breakpoints, cells in (
            (self.HORIZONTAL_BREAKPOINTS, self.size.width),
            (self.VERTICAL_BREAKPOINTS, self.size.height),
        ):
            reached = [(limit, name) for limit, name in breakpoints or [] if cells >= limit]
            chosen = max(reached)[1] if reached else None
            classes.update({name: name == chosen for _limit, name in breakpoints or []})
        return classes

    def on_mount(self) -> None:
        self.start_following()
        # The breakpoint classes now, not on the first Resize: the screen's styles are then
        # computed once, and its first layout is already the right one.
        self._main.update_classes(self.breakpoint_classes(), update=False)
        name = self.event.path.name
        self.part("#topbar", Static).update(Text.assemble((self.title, "bold"), f"  ·  {name}"))
        self.refresh_view()
        self.part(Teleprompter).focus()
        if self.notice:
            self.notify(self.notice, timeout=15)

    # ---- showing the state ---------------------------------------------------------------

    def reload(self) -> None:
        """Read the timer again (another process may have written), and the run log only when
        the timer moved: every run-log row is written with the timer, while most changes to
        the file are notes and drafts, several a second in a busy room."""
        state = self.event.read_timer()
        if state.revision != self.state.revision:
            self.timings = step_timings(self.event.run_log(), self.durations)
        self.state = state

    def refresh_view(self) -> None:
        """Everything on screen from the state, the run log and the clock."""
        if not self.infos:
            return
        now = self.clock()
        info = self.infos[self.current]
        block, step = info.block, info.step
        ended = self.ended
        text = stage_text(self.infos, self.current, ended)
        heading = text.block
        if block.format_name:
            heading += f" · {block.format_name}"
        title = Text(f"{heading}\n")
        title.append(step.title, style="bold")
        title.append(f" · {format_minutes(step.minutes)}")
        self.part("#step-title", Static).update(title)
        self.part("#question", Static).update(inline_markdown(text.question))
        self.part("#question").display = bool(text.question)
        if self._shown_step != self.current:
            prompt = step.prompt
            if step is block.steps[0] and block.intro:
                prompt = block.intro + ("\n\n" + prompt if prompt else "")
            self.part(Teleprompter).show(prompt or _("*(Nothing written for this step.)*"))
            self._shown_step = self.current
            self.refresh_bindings()  # the footer's keys depend on the block
        self.part("#next-step", Static).update(Text(text.next))
        self.part(AgendaPanel).show(self.current, ended, self.timings, now)
        self.show_capture(now)
        self.tick()

    def show_capture(self, now: float) -> None:
        info = self.infos[self.current]
        tables = info.block.tables or self.event.table_count()
        counts = None
        if info.step.capture == "table":
            counts = self.event.note_counts(info.block.number, info.step.round)
        self.part(CapturePanel).show(tables, counts, now)

    def tick(self) -> None:
        """Recompute the countdown from the stored state and the clock; ring on a threshold."""
        now = self.clock()
        phase = self.show_countdown(now)
        if phase is None:  # a tick while the app closes
            return
        if crossed(self._phase, phase):
            self.bell()
        self._phase = phase
        if int(now) // 5 != self._slow_tick:  # every 5 s: "x min ago", the step's duration
            self._slow_tick = int(now) // 5
            self.part(AgendaPanel).show(
                self.current, self.state.status == "ended", self.timings, now
            )
            self.show_capture(now)

    def on_event_file_changed(self, message: EventFileChanged) -> None:
        super().on_event_file_changed(message)
        for screen in self.screen_stack:  # Open Space screens (and their pop-ups) refresh too
            if screen is not self._main:
                screen.post_message(EventFileChanged())

    # ---- the timer keys ------------------------------------------------------------------

    def apply(self, make: Callable[[TimerState, float], Transition | None]) -> bool:
        """Compute a transition from the current state and write it; False if the key does
        nothing now. If another console wrote first, show its state instead."""
        now = self.clock()
        self.reload()  # act on what the file says, not on what was on screen
        transition = make(self.state, now)
        if transition is None:
            return False
        try:
            self.state = self.event.write_timer(
                transition.state,
                transition.action,
                detail=transition.detail,
                expect_revision=self.state.revision,
            )
        except TimerConflict as conflict:
            self.state = conflict.current
            self.notify(
                _("Another console changed the timer at the same moment: here is its state."),
                severity="warning",
            )
        self.timings = step_timings(self.event.run_log(), self.durations)
        self.refresh_view()
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

    def action_next_step(self) -> None:
        self.apply(lambda s, now: timer.next_step(s, now, self.durations))

    def action_previous_step(self) -> None:
        self.apply(lambda s, now: timer.previous_step(s, now, self.durations))

    def goto_step(self, index: int | None) -> None:
        if index is not None:
            self.apply(lambda s, now: timer.goto(s, now, self.durations, index))

    def action_jump(self) -> None:
        from facilitation.tui.console.screens import JumpScreen

        self.push_screen(JumpScreen(self.infos, self.current), self.goto_step)

    # ---- other keys ----------------------------------------------------------------------

    def action_toggle_prompt(self) -> None:
        prompt = self.part(Teleprompter)
        prompt.display = not prompt.display
        self.part("#main").set_class(not prompt.display, "-no-prompt")

    def action_projector(self) -> None:
        from facilitation.tui.console.screens import ProjectorHelpScreen

        self.push_screen(ProjectorHelpScreen(self.event.path.resolve()))

    def action_codes(self) -> None:
        from facilitation.tui.console.screens import TableCodesScreen

        tables = self.infos[self.current].block.tables or self.event.table_count()
        self.push_screen(TableCodesScreen(self.event.table_codes(tables)))

    def action_help(self) -> None:
        self.push_screen(HelpScreen.of(self, _("Facilitator's console: keys")))

    # ---- Open Space, seating and synthesis --------------------------------------------------

    def open_space_block(self):
        """The current block if it is run as an Open Space (it has an agenda wall)."""
        block = self.infos[self.current].block
        return block if block.is_open_space else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer offers the marketplace only on an Open Space block (the other block keys
        are in F1 and the palette, and say so when they mean nothing here)."""
        if action == "marketplace" and getattr(self, "infos", None):
            return self.open_space_block() is not None
        return True

    def _open_space_screen(self, kind: str):
        block = self.open_space_block()
        if block is None:
            self.notify(_("This is not an Open Space block."), severity="warning", timeout=4)
            return
        from facilitation.tui.marketplace import ActionsScreen, ConvergenceScreen, MarketplaceScreen

        screen = {"marketplace": MarketplaceScreen, "votes": ConvergenceScreen}.get(
            kind, ActionsScreen
        )
        self.push_screen(screen(self.event, block.number))

    def action_marketplace(self) -> None:
        self._open_space_screen("marketplace")

    def action_votes(self) -> None:
        self._open_space_screen("votes")

    def action_actions(self) -> None:
        self._open_space_screen("actions")

    def action_seating(self) -> None:
        from facilitation.seating.event_plan import is_seatable

        block = self.infos[self.current].block
        if not is_seatable(block):
            self.notify(_("This is not a World Café block."), severity="warning", timeout=4)
            return
        self.notify(_("Making the seating plan…"), timeout=3)
        self.seating_worker(block)

    @work(thread=True, exclusive=True, group="seating")
    def seating_worker(self, block) -> None:
        from facilitation.tui.console.work import seat_block

        try:
            summary, files = seat_block(self.event, block)
        except UserError as exc:
            self.post_message(WorkFailed(exc.message))
        else:
            self.post_message(SeatingDone(summary, files))

    def action_synthesis(self) -> None:
        from textual.widgets import ProgressBar

        try:
            bar = self.part("#work-progress", ProgressBar)
            bar.update(progress=0)
        except NoMatches:  # the first synthesis: not mounted at start-up, which it would slow
            bar = ProgressBar(id="work-progress", total=1.0, show_eta=False)
            self.part("#main").mount(bar)
        bar.display = True
        self.synthesis_worker()

    def hide_work_progress(self) -> None:
        for bar in self._main.query("#work-progress"):
            bar.display = False

    @work(thread=True, exclusive=True, group="synthesis")
    def synthesis_worker(self) -> None:
        from facilitation.tui.console.work import write_synthesis

        def progress(fraction: float, what: str) -> None:
            self.post_message(SynthesisProgress(fraction, what))

        try:
            path = write_synthesis(self.event, progress)
        except UserError as exc:
            self.post_message(WorkFailed(exc.message))
        except OSError as exc:
            self.post_message(
                WorkFailed(_("cannot write the synthesis: {reason}").format(reason=exc))
            )
        else:
            self.post_message(SynthesisWritten(path))

    def on_synthesis_progress(self, message: SynthesisProgress) -> None:
        from textual.widgets import ProgressBar  # loaded by action_synthesis already

        for bar in self._main.query("#work-progress").results(ProgressBar):
            bar.update(progress=message.fraction)

    def on_synthesis_written(self, message: SynthesisWritten) -> None:
        self.hide_work_progress()
        self.notify(_("Synthesis written to {path}").format(path=message.path), timeout=20)

    def on_seating_done(self, message: SeatingDone) -> None:
        files = ", ".join(path.name for path in message.files)
        self.notify(
            message.summary + "\n" + _("Cards and table lists: {files}").format(files=files),
            timeout=20,
        )

    def on_work_failed(self, message: WorkFailed) -> None:
        self.hide_work_progress()
        self.notify(message.message, severity="error", timeout=15)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette offers the console's keys (as F1 lists them), then Textual's own."""
        if screen is getattr(self, "_main", None):  # not from a pop-up
            offered = set()
            for active in screen.active_bindings.values():
                binding = active.binding
                if active.node is not self or not binding.description or binding.key == "q":
                    continue
                method = getattr(self, f"action_{binding.action}", None)
                if method is not None and binding.action not in offered:
                    offered.add(binding.action)  # "n" and "→": one command
                    key = self.get_key_display(binding)
                    yield SystemCommand(binding.description, f"[{key}]", method)
        yield from super().get_system_commands(screen)


def make_console_app(
    event: Event,
    *,
    clock: Callable[[], float] = time.time,
    warn_seconds: float = DEFAULT_WARN_SECONDS,
    notice: str | None = None,
    watch: bool = True,
) -> ConsoleApp:
    """The console for an open event (the CLI and the tests build it the same way)."""
    return ConsoleApp(event, clock=clock, warn_seconds=warn_seconds, notice=notice, watch=watch)


__all__ = ["ConsoleApp", "make_console_app"]
