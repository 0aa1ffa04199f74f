"""Running late (`l` on the console): when the block and the day end at this pace, and a way
to catch up: shorten the steps left in proportion (`p`), or drop the highlighted one (`d`);
`a` applies what is proposed, which is written to the run log ("replanned") with the timer,
so the projector, a restarted console and the synthesis's agenda all see it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitation.i18n import N_, _
from facilitation.i18n.formatting import format_minutes, format_time
from facilitation.run import timer
from facilitation.run.late import Forecast, Replan, drop_step, forecast, shorten_in_proportion
from facilitation.run.timer import Transition
from facilitation.tui.help import translate_bindings

if TYPE_CHECKING:
    from facilitation.tui.console.app import ConsoleApp


def clock_time(epoch: float) -> str:
    return format_time(dt.datetime.fromtimestamp(epoch))


class RunningLateScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("p", "proportional", N_("Shorten the steps left in proportion")),
        Binding("d", "drop", N_("Drop the highlighted step")),
        Binding("a", "apply", N_("Apply")),
        Binding("escape,l", "close", N_("Close")),
    ]
    DEFAULT_CSS = """
    RunningLateScreen { align: center middle; }
    RunningLateScreen > Vertical { width: 80; max-width: 100%; height: auto; max-height: 95%;
        border: round $warning; background: $surface; padding: 0 1; }
    RunningLateScreen #late-steps { height: auto; max-height: 12; }
    RunningLateScreen .hint { color: $text-muted; }
    """

    def __init__(self, console: ConsoleApp) -> None:
        super().__init__()
        translate_bindings(self)
        self.console = console
        self.proposal: Replan | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Running late")
            yield Static(id="late-forecast")
            yield OptionList(id="late-steps")
            yield Static(id="late-proposal")
            yield Static(
                _(
                    "p: shorten in proportion · d: drop the highlighted step · a: apply · "
                    "Escape: close"
                ),
                classes="hint",
            )

    def on_mount(self) -> None:
        self.refresh_forecast()
        self.query_one(OptionList).focus()

    # ---- the forecast ------------------------------------------------------------------

    def planned_block_end(self) -> float:
        """When the block was planned to end: its start in the script on the day it started
        (or today), else its actual start, plus its planned minutes; 0 if unknown."""
        app = self.console
        info = app.infos[app.current]
        block = info.block
        first = next(i.index for i in app.infos if i.block is block)
        minutes = sum(app.planned_minutes[i.index] for i in app.infos if i.block is block)
        started = app.timings[first].started_at
        if block.start is not None:
            day = dt.datetime.fromtimestamp(started or app.clock()).date()
            start = dt.datetime.combine(day, block.start).timestamp()
        elif started is not None:
            start = started
        else:
            return 0.0
        return start + 60.0 * minutes

    def current_forecast(self) -> Forecast:
        app = self.console
        now = app.clock()
        left = timer.remaining_seconds(app.state, now, app.durations[app.current])
        return forecast(app.infos, app.current, app.minutes, left, now, self.planned_block_end())

    def refresh_forecast(self) -> None:
        app = self.console
        fc = self.current_forecast()
        lines = Text()
        lines.append(
            _("End of the block at this pace: {time}").format(time=clock_time(fc.forecast_end)),
            style="bold",
        )
        if fc.planned_end:
            late = round(fc.late_seconds / 60)
            lines.append(" · " + _("planned: {time}").format(time=clock_time(fc.planned_end)))
            if late > 0:
                lines.append(
                    "\n" + _("{duration} late").format(duration=format_minutes(late)),
                    style="bold red",
                )
            else:
                lines.append("\n" + _("On time."), style="green")
        lines.append(
            "\n" + _("End of the day: {time}").format(time=clock_time(fc.day_forecast_end))
        )
        self.query_one("#late-forecast", Static).update(lines)
        steps = self.query_one("#late-steps", OptionList)
        highlighted = steps.highlighted
        steps.clear_options()
        for index in fc.block_steps:
            step = app.infos[index].step
            minutes = app.minutes[index]
            label = f"{step.title} · {format_minutes(minutes)}"
            if index in app.dropped:
                label = f"{step.title} · " + _("dropped")
            if self.proposal is not None and index in self.proposal.minutes:
                label += " → " + format_minutes(self.proposal.minutes[index])
            if self.proposal is not None and index in self.proposal.dropped:
                label += " → " + _("dropped")
            steps.add_option(Option(label, id=str(index)))
        if not fc.block_steps:
            steps.add_option(Option(_("No step left in this block."), disabled=True))
        elif highlighted is not None:
            steps.highlighted = min(highlighted, steps.option_count - 1)
        else:
            steps.highlighted = 0

    def say(self, text: str) -> None:
        self.query_one("#late-proposal", Static).update(text)

    # ---- the keys ----------------------------------------------------------------------

    def action_proportional(self) -> None:
        fc = self.current_forecast()
        if fc.late_seconds < 60:
            self.say(_("The block is on time: nothing to shorten."))
            return
        new = shorten_in_proportion(self.console.minutes, fc.block_steps, fc.late_seconds)
        if not new:
            self.say(_("No step left to shorten."))
            return
        saved = sum(self.console.minutes[i] - m for i, m in new.items())
        self.proposal = Replan(minutes=new, late_minutes=round(fc.late_seconds / 60))
        self.refresh_forecast()
        self.say(_("Proposed: {duration} saved. a: apply").format(duration=format_minutes(saved)))

    def action_drop(self) -> None:
        steps = self.query_one("#late-steps", OptionList)
        if steps.highlighted is None:
            return
        option = steps.get_option_at_index(steps.highlighted)
        if option.id is None:
            return
        index = int(option.id)
        replan = drop_step(self.console.minutes, index)
        if not replan.dropped:
            self.say(_("That step is already dropped."))
            return
        fc = self.current_forecast()
        self.proposal = Replan(dropped=replan.dropped, late_minutes=round(fc.late_seconds / 60))
        self.refresh_forecast()
        title = self.console.infos[index].step.title
        self.say(_("Proposed: drop \u201c{title}\u201d. a: apply").format(title=title))

    def action_apply(self) -> None:
        proposal = self.proposal
        if proposal is None:
            self.say(_("Nothing proposed yet: p or d first."))
            return
        detail = proposal.detail()
        written = self.console.apply(lambda s, now: Transition(s, "replanned", detail))
        self.proposal = None
        if written:
            self.console.notify(_("Agenda re-planned (recorded in the run log)."), timeout=5)
        self.refresh_forecast()
        self.say("")

    def action_close(self) -> None:
        self.dismiss(None)
