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
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.widgets import Static

from facilitation.i18n import N_, _
from facilitation.run.agenda import StepInfo
from facilitation.run.stage import stage_text
from facilitation.run.timer import DEFAULT_WARN_SECONDS
from facilitation.store import Event
from facilitation.tui.help import HelpScreen
from facilitation.tui.stage import StageApp
from facilitation.tui.widgets.countdown import BigCountdown
from facilitation.tui.widgets.inline_markdown import inline_markdown
from facilitation.tui.widgets.qr import JoinQr


def agenda_wall_due(info: StepInfo) -> bool:
    """True on an Open Space block once its marketplace (the step capturing topics) is over."""
    steps = info.block.steps
    marketplace = next((i for i, s in enumerate(steps) if s.capture == "topics"), None)
    return marketplace is not None and steps.index(info.step) > marketplace


class ProjectorApp(StageApp):
    CSS_PATH = "projector.tcss"
    CAPTION_PHASES = ("warning", "over", "paused", "ended")  # the room needs no "not started"
    BINDINGS = [
        Binding("f1", "help", N_("Help")),
        Binding("q", "quit", N_("Quit")),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="stage"):
            yield JoinQr(self.event, id="join-qr")  # while `facilitation serve` runs
            yield Static(Text(self.script.event.title), id="event-title")
            yield Static(id="block")
            yield Static(id="step")
            yield Static(id="question")
            yield BigCountdown(id="countdown")
            yield Static(id="next-step")
        # The Open Space agenda wall: shown, and the stage shrinks, once the block's
        # marketplace is over (mounted by show_wall).
        yield Container(id="agenda-wall")

    def on_mount(self) -> None:
        self.start_following()
        self.refresh_view()

    def refresh_view(self) -> None:
        if not self.infos:
            return
        info = self.infos[self.current]
        text = stage_text(self.infos, self.current, self.ended)
        self.part("#block", Static).update(Text(text.block))
        self.part("#step", Static).update(Text(text.step))
        self.part("#question", Static).update(inline_markdown(text.question, justify="center"))
        self.part("#question").display = bool(text.question)
        self.part("#next-step", Static).update(Text(text.next))
        wall = agenda_wall_due(info) and not self.ended
        if wall:
            self.show_wall(info.block.number)
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
