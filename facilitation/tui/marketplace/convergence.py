"""Convergence: dot votes per topic (or per free proposal) entered as they are counted,
ranked at once, ties shown ("=")."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from facilitation.i18n import N_, _, ngettext
from facilitation.openspace.ranking import RankedItem, rank_votes
from facilitation.store import Event
from facilitation.store.results import results_revealed, reveal_results
from facilitation.tui.marketplace.block_screen import BlockScreen
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.widgets.fitting_footer import FittingFooter
from facilitation.tui.widgets.row_table import RowTable
from facilitation.tui.widgets.shown import show
from facilitation.tui.write_faults import guarded_write, refuse_if_unwritable, short_lock_wait

CSS = str(Path(__file__).with_name("marketplace.tcss"))


class ConvergenceScreen(BlockScreen):
    HELP_TITLE = N_("Convergence: keys")
    CSS_PATH = CSS
    BINDINGS = [
        Binding("plus,equals_sign", "vote(1)", N_("+1 vote")),
        Binding("minus", "vote(-1)", N_("\u22121 vote")),
        Binding("v", "set_count", N_("Set count")),
        Binding("n", "proposal", N_("New proposal")),
        Binding("r", "reveal", N_("Reveal/hide results")),
        Binding("escape", "cancel", N_("Cancel, or back to the console"), show=False),
    ]

    def __init__(self, event: Event, block_number: int) -> None:
        super().__init__(event, block_number)
        self.items: list[RankedItem] = []
        self.entry_mode: str | None = None
        self._rows: list[tuple[str, str, str, str, str]] | None = None  # the table holds

    def compose(self) -> ComposeResult:
        block = self.block
        yield Static(_("Convergence \u2014 {title}").format(title=block.title), id="title")
        yield self.step_line()
        yield RowTable(id="ranking")
        yield Static("", id="status")
        yield Static("", id="revealed")
        yield Input(id="entry")
        yield FittingFooter(show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(_("Rank"), key="rank", width=5)
        table.add_column(_("Votes"), key="votes", width=6)
        table.add_column(_("Topic or proposal"), key="label")
        table.add_column(_("Convener"), key="convener")
        self.refresh_ranking()
        table.focus()

    def key_of(self, item: RankedItem) -> str:
        return f"t{item.topic_id}" if item.topic_id is not None else f"p:{item.proposal}"

    def refresh_ranking(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        if keep is None and self.items and table.cursor_row < len(self.items):
            keep = self.key_of(self.items[table.cursor_row])
        self.items = rank_votes(
            self.event.list_votes(self.block_number), self.event.list_topics(self.block_number)
        )
        rows = [
            (
                f"{item.rank}=" if item.tied else str(item.rank),
                str(item.count),
                item.label,
                item.convener,
                self.key_of(item),
            )
            for item in self.items
        ]
        if rows != self._rows:  # filled again only when the ranking changed (not at a draft)
            self._rows = rows
            table.clear()
            for rank, count, label, convener, key in rows:
                table.add_row(rank, count, label, convener, key=key)
        keys = [self.key_of(i) for i in self.items]
        if keep in keys:
            table.move_cursor(row=keys.index(keep))
        ties = sum(1 for i in self.items if i.tied and i.count)
        show(
            self.query_one("#status", Static),
            ngettext("{n} item tied (marked =)", "{n} items tied (marked =)", ties).format(n=ties)
            if ties
            else "",
        )
        show(
            self.query_one("#revealed", Static),
            _("Results shown on the projector and the phones (r: hide)")
            if results_revealed(self.event, self.block_number)
            else _("Results hidden from the room (r: reveal)"),
        )

    def action_reveal(self) -> None:
        """Show the ranking to the room (projector, phones), or hide it again."""
        shown = not results_revealed(self.event, self.block_number)
        with short_lock_wait(self.event), refuse_if_unwritable(self.notify):
            reveal_results(self.event, self.block_number, shown)  # refused: said, nothing done
        self.refresh_ranking()

    def on_event_file_changed(self, message: EventFileChanged) -> None:
        self.refresh_ranking()

    def current(self) -> RankedItem | None:
        table = self.query_one(DataTable)
        if not self.items or table.cursor_row >= len(self.items):
            return None
        return self.items[table.cursor_row]

    @guarded_write
    def action_vote(self, delta: int) -> None:
        item = self.current()
        if item is None:
            return
        if delta < 0 and item.count <= 0:
            return
        self.event.add_votes(
            self.block_number, delta, topic_id=item.topic_id, proposal=item.proposal
        )
        self.refresh_ranking(keep=self.key_of(item))

    def action_set_count(self) -> None:
        if self.current() is not None:
            self._open("count", _("Number of votes (Enter)"))

    def action_proposal(self) -> None:
        self._open("proposal", _("Proposal / number of votes (Enter)"))

    def _open(self, mode: str, placeholder: str) -> None:
        self.entry_mode = mode
        entry = self.query_one("#entry", Input)
        entry.placeholder = placeholder
        entry.add_class("-open")
        entry.focus()

    def action_cancel(self) -> None:
        entry = self.query_one("#entry", Input)
        if self.entry_mode is None:
            self.action_back()
            return
        entry.value = ""
        entry.remove_class("-open")
        self.entry_mode = None
        self.query_one(DataTable).focus()

    @on(Input.Submitted, "#entry")
    @guarded_write
    def submitted(self, message: Input.Submitted) -> None:
        text = message.value.strip()
        keep = None
        if self.entry_mode == "count" and text.isdigit():
            item = self.current()
            if item is not None:
                self.event.set_votes(
                    self.block_number, int(text), topic_id=item.topic_id, proposal=item.proposal
                )
                keep = self.key_of(item)
        elif self.entry_mode == "proposal" and text:
            label, _sep, count = text.rpartition("/")
            if not label.strip() or not count.strip().isdigit():
                label, count = text, "0"
            self.event.set_votes(self.block_number, int(count), proposal=label.strip())
            keep = f"p:{label.strip()}"
        self.action_cancel()
        self.refresh_ranking(keep=keep)
