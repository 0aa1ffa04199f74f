"""The facilitator's console: agenda, current step and prompt, countdown, next step, capture.

Built by `make_console_app(event, clock=...)` (used by `facilitation run` and by the tests).
The timer lives in the event file: every key computes a transition with `facilitation.run`
and writes it with `write_timer(..., expect_revision=...)`; the screen shows what the file
says (another console, or this one before a crash) and the countdown is recomputed from the
stored deadline and the clock four times a second, never counted down by ticks.

Its parts: the timer keys (timer_keys.py), the screens it opens and how to come back
(navigation.py), the long jobs in worker threads (jobs.py), the panels (panels.py). To add a
key: one `Binding` line in BINDINGS and one `action_<name>` method; the command palette and
F1 list it by themselves.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from facilitation.i18n import N_, _, ngettext
from facilitation.i18n.formatting import format_minutes
from facilitation.run.actuals import step_timings
from facilitation.run.stage import stage_text
from facilitation.run.tables import block_table_count
from facilitation.run.timer import DEFAULT_WARN_SECONDS, Phase, crossed
from facilitation.store import Event
from facilitation.tui.console.jobs import ConsoleJobs
from facilitation.tui.console.navigation import ConsoleScreens
from facilitation.tui.console.panels import AgendaPanel, CapturePanel
from facilitation.tui.console.timer_keys import TimerKeys
from facilitation.tui.help import HelpScreen
from facilitation.tui.live_screen import LiveScreen
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.widgets.countdown import BigCountdown
from facilitation.tui.widgets.fitting_footer import FittingFooter
from facilitation.tui.widgets.inline_markdown import inline_markdown
from facilitation.tui.widgets.shown import show
from facilitation.tui.widgets.teleprompter import Teleprompter


class ConsoleApp(ConsoleScreens, ConsoleJobs, TimerKeys):
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
        Binding("c", "codes", N_("Join codes (tables, room, reports)"), show=False),
        Binding("m", "marketplace", N_("Open Space: marketplace and agenda wall")),
        Binding("v", "votes", N_("Open Space: votes"), show=False),
        Binding("x", "actions", N_("Open Space: action plan"), show=False),
        Binding("h", "notes", N_("Notes board")),
        Binding("a", "seating", N_("Seating plan for this World Café block"), show=False),
        Binding("l", "late", N_("Running late: forecast and shorten"), show=False),
        Binding("y", "synthesis", N_("Write the synthesis (.docx)"), show=False),
        Binding("i", "ideas", N_("What is coming up at the tables"), show=False),
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
        self._opened_at, self._wrong_codes = clock(), 0  # wrong codes on the phones
        self.timings = step_timings(self.first_log, self.durations)
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
        yield FittingFooter(show_command_palette=False)

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
            self.follow_run_log(log := self.event.run_log())
            self.timings = step_timings(log, self.durations)
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
        title.append(f" · {format_minutes(self.minutes[self.current])}")
        show(self.part("#step-title", Static), title)
        show(self.part("#question", Static), inline_markdown(text.question))
        self.part("#question").display = bool(text.question)
        if self._shown_step != self.current:
            prompt = step.prompt
            if step is block.steps[0] and block.intro:
                prompt = block.intro + ("\n\n" + prompt if prompt else "")
            self.part(Teleprompter).show(prompt or _("*(Nothing written for this step.)*"))
            self._shown_step = self.current
            self.refresh_bindings()  # the footer's keys depend on the block
        show(self.part("#next-step", Static), Text(text.next), layout=False)  # one line
        self.part(AgendaPanel).show(self.current, ended, self.timings, now, self.minutes)
        self.show_capture(now)
        self.tick()

    def show_capture(self, now: float) -> None:
        """This round's notes per table; on another step of a block whose tables take notes
        (the plenary harvest), the whole block's (h: the notes themselves)."""
        info = self.infos[self.current]
        tables = block_table_count(self.event, info.block)
        counts = None
        whole_block = False
        if info.step.capture == "table":
            counts = self.event.note_counts(info.block.number, info.step.round)
        elif any(
            s.capture == "table" for s in info.block.steps[: info.block.steps.index(info.step)]
        ):
            counts = self.event.block_note_counts(info.block.number)
            whole_block = True
        self.part(CapturePanel).show(tables, counts, now, whole_block, info.block.table_themes)
        self.warn_wrong_codes()

    def warn_wrong_codes(self) -> None:
        """Wrong join codes typed on the phones since the console opened (facilitation/web)."""
        from facilitation.store.web_access import failed_attempts

        failed, addresses = failed_attempts(self.event, self._opened_at)
        if failed > self._wrong_codes:
            self._wrong_codes = failed
            codes = ngettext(
                "{n} wrong code on the phones", "{n} wrong codes on the phones", failed
            ).format(n=failed)
            where = ngettext("from {k} address", "from {k} addresses", addresses).format(
                k=addresses
            )
            self.notify(f"{codes}, {where}", severity="warning", timeout=10)

    def tick(self) -> None:
        """Recompute the countdown from the stored state and the clock; ring on a threshold."""
        now = self.clock()
        phase = self.show_countdown(now)
        if phase is None:  # a tick while the app closes
            return
        if crossed(self._phase, phase):
            self.bell()
        self._phase = phase
        if isinstance(self.screen, LiveScreen):
            self.screen.show_step(self.step_line(now))
        if int(now) // 5 != self._slow_tick:  # every 5 s: "x min ago", the step's duration
            self._slow_tick = int(now) // 5
            self.part(AgendaPanel).show(
                self.current, self.state.status == "ended", self.timings, now, self.minutes
            )
            self.show_capture(now)

    def step_line(self, now: float) -> str:
        """The line at the top of the screens opened from the console: the step, its
        countdown, and the way back."""
        countdown = self.part(BigCountdown)
        caption = f" ({countdown.caption})" if countdown.caption else ""
        step = self.infos[self.current].step.title
        return _("{step} · {time}{caption} · Escape: back").format(
            step=step, time=countdown.text, caption=caption
        )

    def on_event_file_changed(self, message: EventFileChanged) -> None:
        super().on_event_file_changed(message)
        for screen in self.screen_stack:  # Open Space screens (and their pop-ups) refresh too
            if screen is not self._main:
                screen.post_message(EventFileChanged())

    # ---- the timer keys (TimerKeys) and the other keys ------------------------------------

    def after_timer_write(self) -> None:
        self.follow_run_log(log := self.event.run_log())
        self.timings = step_timings(log, self.durations)
        self.refresh_view()

    def action_toggle_prompt(self) -> None:
        prompt = self.part(Teleprompter)
        prompt.display = not prompt.display
        self.part("#main").set_class(not prompt.display, "-no-prompt")

    def action_projector(self) -> None:
        from facilitation.tui.console.screens import ProjectorHelpScreen

        self.push_screen(ProjectorHelpScreen(self.event.path.resolve()))

    def action_codes(self) -> None:
        from facilitation.store.web_access import WebStore
        from facilitation.tui.console.screens import TableCodesScreen

        tables = block_table_count(self.event, self.infos[self.current].block)
        store = WebStore(self.event)
        roles = {role: store.existing_code(role) for role in ("room", "reports")}
        self.push_screen(TableCodesScreen(self.event.table_codes(tables), roles))

    def action_ideas(self) -> None:
        from facilitation.tui.console.ideas_panel import IdeasScreen

        info = self.script.event
        self.push_screen(
            IdeasScreen(self.event, self.infos[self.current], info.title + "\n" + info.purpose)
        )

    def action_help(self) -> None:
        self.push_screen(HelpScreen.of(self, _("Facilitator's console: keys")))

    def action_late(self) -> None:
        from facilitation.tui.console.late_screen import RunningLateScreen

        if self.ended:
            self.notify(_("The event is over."), timeout=3)
            return
        self.push_screen(RunningLateScreen(self))

    def action_synthesis(self) -> None:
        self.start_synthesis()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer offers the marketplace only on an Open Space block (the other block keys
        are in F1 and the palette, and say so when they mean nothing here)."""
        if action == "marketplace" and getattr(self, "infos", None):
            return self.open_space_block() is not None
        return True


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
