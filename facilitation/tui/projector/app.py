"""The projector view (`facilitation screen EVENT.db`): what the room sees.

It only reads the event file: `watch_event_file` notices the console's writes (4 times a
second) and the countdown is recomputed from the stored deadline and the clock every quarter
second, so it follows the console within a second, and a projector opened late, or restarted,
shows the right time at once. The countdown grows with the terminal (BigCountdown).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.columns import Columns
from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.widgets import Static

from facilitation.i18n import N_, _
from facilitation.run.agenda import StepInfo
from facilitation.run.stage import stage_text
from facilitation.run.timer import DEFAULT_WARN_SECONDS
from facilitation.store import Event
from facilitation.store.live import projector_board
from facilitation.tui.help import HelpScreen
from facilitation.tui.projector.results import results_text
from facilitation.tui.stage import StageApp
from facilitation.tui.widgets.countdown import BigCountdown
from facilitation.tui.widgets.inline_markdown import inline_markdown
from facilitation.tui.widgets.qr import JoinQr
from facilitation.tui.widgets.shown import show


def agenda_wall_due(info: StepInfo) -> bool:
    """True on an Open Space block from its marketplace (the step capturing topics) on: the
    room watches the wall fill as conveners announce their topics."""
    steps = info.block.steps
    marketplace = next((i for i, s in enumerate(steps) if s.capture == "topics"), None)
    return marketplace is not None and steps.index(info.step) >= marketplace


def round_to_find(info: StepInfo) -> int | None:
    """Between the rounds of a World Café block (a step that is not a round, with a round
    after it in the block): the number of that next round, for "find your table"."""
    if info.step.round is not None:
        return None
    steps = info.block.steps
    later = steps[steps.index(info.step) + 1 :]
    return next((s.round for s in later if s.round is not None and s.capture == "table"), None)


def table_themes_text(info: StepInfo) -> Text:
    """ "Table 1 · Mobility", one short line per table that carries a theme."""
    lines = [
        Text.assemble((_("Table {n}").format(n=n), "bold"), " \u00b7 ", theme)
        for n, theme in enumerate(info.block.table_themes, start=1)
        if theme
    ]
    return Text("\n", justify="center").join(lines)  # one line each (projector.tcss)


class ProjectorApp(StageApp):
    CSS_PATH = "projector.tcss"
    CAPTION_PHASES = ("warning", "over", "paused", "ended")  # the room needs no "not started"
    BINDINGS = [
        Binding("f1", "help", N_("Help")),
        Binding("q", "quit", N_("Quit")),
    ]

    _lookup_shown: tuple | None = None  # (round, rows) of "find your table", once shown

    def compose(self) -> ComposeResult:
        with Vertical(id="stage"):
            yield JoinQr(self.event, id="join-qr")  # while `facilitation serve` runs
            yield Static(Text(self.script.event.title), id="event-title")
            yield Static(id="block")
            yield Static(id="step")
            yield Static(id="question")
            yield Static(id="harvest")  # notes the console sends (the harvest board)
            yield Static(id="results")  # the dot votes, once the facilitator reveals them
            yield Static(id="table-themes")  # during a round: the theme of each table
            yield BigCountdown(id="countdown")
            yield Static(id="next-step")
        # The Open Space agenda wall: shown, and the stage shrinks, from the block's
        # marketplace on (mounted by show_wall).
        yield Container(id="agenda-wall")
        # "Find your table": between the rounds of a block with a stored seating plan.
        with VerticalScroll(id="seating-lookup"):
            yield Static(id="lookup-text")

    def on_mount(self) -> None:
        self.start_following()
        self.refresh_view()

    def refresh_view(self) -> None:
        if not self.infos:
            return
        info = self.infos[self.current]
        text = stage_text(self.infos, self.current, self.ended)
        show(self.part("#block", Static), Text(text.block))
        show(self.part("#step", Static), Text(text.step))
        show(self.part("#question", Static), inline_markdown(text.question, justify="center"))
        harvest = self.show_harvest()
        results = None if self.ended else results_text(self.event, info)
        show(self.part("#results", Static), results or "")
        self.part("#results").display = results is not None
        self.part("#question").display = bool(text.question) and not harvest and not results
        show(self.part("#next-step", Static), Text(text.next))
        wall = agenda_wall_due(info) and not self.ended and results is None
        if wall:
            self.show_wall(info.block.number)
        self.part("#agenda-wall").display = wall
        lookup = not wall and not self.ended and self.show_lookup(info)
        self.part("#seating-lookup").display = lookup
        themes = self.part("#table-themes", Static)
        show(themes, table_themes_text(info))
        themes.display = (
            bool(info.block.table_themes)
            and (info.step.round is not None or lookup)
            and not harvest
            and not self.ended
        )
        self.tick()

    def show_harvest(self) -> bool:
        """The notes the console put on the projector for this step; False if none."""
        board = projector_board(self.event)
        widget = self.part("#harvest", Static)
        if board is None or board.step_index != self.current:
            widget.display = False
            return False
        found = (self.event.get_note(note_id) for note_id in board.note_ids)
        notes = [n for n in found if n is not None and not n.deleted]
        text = Text(board.title + "\n", style="bold", justify="center")
        for note in notes:
            text.append("• ")
            text.append_text(inline_markdown(note.text))
            text.append("\n")
        text.rstrip()
        show(widget, text)
        widget.display = True
        return True

    def show_lookup(self, info: StepInfo) -> bool:
        """ "Find your table for round N": every person seated and their table; False when
        there is no next round or no stored plan for it."""
        number = round_to_find(info)
        if number is None:
            return False
        seats = [s for s in self.event.seating(info.block.number) if s.round == number]
        if not seats:
            return False
        names = {p.id: p.name for p in self.event.list_participants()}
        rows = sorted(
            ((names.get(s.participant_id, "?"), s.table) for s in seats),
            key=lambda row: row[0].casefold(),
        )
        if (number, rows) == self._lookup_shown:  # the same list: not laid out again
            return True
        self._lookup_shown = (number, rows)
        title = Text(_("Find your table for round {n}").format(n=number) + "\n", style="bold")
        width = max(len(name) for name, _table in rows)
        entries = [
            Text.assemble(f"{name:<{width}}  ", (f"{table:>2}", "bold")) for name, table in rows
        ]
        # a large room flows into columns, read top to bottom
        text = Group(title, Columns(entries, column_first=True, padding=(0, 3)))
        self.part("#lookup-text", Static).update(text)
        return True

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
