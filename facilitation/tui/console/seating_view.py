"""The seating plan of a World Café block, from the console (`a`): by table or by person
(`t` switches), and `r` to make or remake it, always after a confirmation (a new plan
replaces the stored one and rewrites the cards)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitation.i18n import N_, _, ngettext
from facilitation.store import Event
from facilitation.tui.live_screen import LiveScreen
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.widgets.fitting_footer import FittingFooter


class SeatingScreen(LiveScreen):
    HELP_TITLE = N_("Seating plan: keys")
    BINDINGS = [
        Binding("t", "switch_view", N_("By table / by person")),
        Binding("r", "replan", N_("Make the plan again")),
        Binding("a", "back", N_("Back to the console"), show=False),
    ]
    DEFAULT_CSS = """
    SeatingScreen #seating-title { height: 1; background: $primary; color: $text;
        text-style: bold; padding: 0 1; }
    SeatingScreen #seating-body { height: 1fr; padding: 0 1; }
    SeatingScreen #seating-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, event: Event, block_number: int) -> None:
        super().__init__()
        self.event = event
        self.block_number = block_number
        self.by_person = False

    def compose(self) -> ComposeResult:
        block = self.event.script.block(self.block_number)
        yield self.step_line()
        yield Static(_("Seating plan \u2014 {title}").format(title=block.title), id="seating-title")
        with VerticalScroll(id="seating-body"):
            yield Static(id="seating-plan")
        yield Static("", id="seating-status")
        yield FittingFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_plan()
        self.query_one("#seating-body").focus()

    def on_event_file_changed(self, message: EventFileChanged) -> None:
        self.refresh_plan()

    def refresh_plan(self) -> None:
        seats = self.event.seating(self.block_number)
        names = {p.id: p.name for p in self.event.list_participants()}
        plan = self.query_one("#seating-plan", Static)
        status = self.query_one("#seating-status", Static)
        if not seats:
            plan.update(
                Text(
                    _(
                        "No seating plan yet for this block. r: make one (the cards and the "
                        "table lists are written beside the event file)."
                    )
                )
            )
            status.update("")
            return
        rounds = sorted({s.round for s in seats})
        people = {s.participant_id for s in seats}
        status.update(
            ngettext("{n} person seated", "{n} people seated", len(people)).format(n=len(people))
            + " · "
            + ngettext("{n} round", "{n} rounds", len(rounds)).format(n=len(rounds))
            + " · "
            + _("* hosts the table")
        )
        table = Table(box=None, pad_edge=False, expand=True, show_header=True)
        if self.by_person:
            table.add_column(_("Person"), no_wrap=True, ratio=2)
            for number in rounds:
                table.add_column(_("Round {n}").format(n=number), justify="right", ratio=1)
            where = {(s.participant_id, s.round): s for s in seats}
            for pid in sorted(people, key=lambda p: names.get(p, "").casefold()):
                cells = []
                for number in rounds:
                    seat = where.get((pid, number))
                    mark = "*" if seat and seat.host else ""
                    cells.append(f"{seat.table}{mark}" if seat else "—")
                table.add_row(names.get(pid, "?"), *cells)
        else:
            table.add_column(_("Table"), justify="right", no_wrap=True, width=6)
            for number in rounds:
                table.add_column(_("Round {n}").format(n=number), ratio=1)
            tables = sorted({s.table for s in seats})
            for number in tables:
                cells = []
                for r in rounds:
                    here = [s for s in seats if s.round == r and s.table == number]
                    cells.append(
                        ", ".join(
                            names.get(s.participant_id, "?") + ("*" if s.host else "") for s in here
                        )
                    )
                table.add_row(str(number), *cells)
        themes = self.event.script.block(self.block_number).table_themes
        legend = [
            _("Table {n}").format(n=n) + " \u00b7 " + theme
            for n, theme in enumerate(themes, start=1)
            if theme
        ]
        # the theme each table carries, under the plan (the cards and lists name it too)
        plan.update(Group(table, Text("\n" + "\n".join(legend), style="dim")) if legend else table)

    def action_switch_view(self) -> None:
        self.by_person = not self.by_person
        self.refresh_plan()

    def action_replan(self) -> None:
        from facilitation.tui.confirm import ConfirmScreen

        stored = bool(self.event.seating(self.block_number))
        question = (
            _("Replace the stored seating plan and rewrite the cards and table lists?")
            if stored
            else _("Make the seating plan and write the cards and table lists?")
        )

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            worker = getattr(self.app, "seating_worker", None)
            if worker is not None:
                self.query_one("#seating-status", Static).update(_("Making the seating plan…"))
                worker(self.event.script.block(self.block_number))

        self.app.push_screen(ConfirmScreen(question), answered)
