"""What is coming up at the tables, live on the console at the harvest: the recurring ideas of
the current round so far (on a harvest step, of the block's last round with table notes), each
with how many tables raised it and a short quote. Key `i`; it follows the event file."""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitation.analysis import Idea, Reader, Source, find_ideas
from facilitation.i18n import _, ngettext
from facilitation.run import StepInfo
from facilitation.store import Event, Note
from facilitation.tui.console.screens import _Popup
from facilitation.tui.messages import EventFileChanged

LIMIT = 8


def round_of(info: StepInfo, notes: list[Note]) -> int | None:
    """The round the ideas are about: the current step's, or on another step of the block (the
    harvest) the last round with table notes."""
    if info.step.round is not None and info.step.capture == "table":
        return info.step.round
    rounds = [n.round for n in notes if n.block == info.block.number and n.round and n.table]
    return max(rounds, default=None)


class IdeasScreen(_Popup):
    """The recurring ideas of a round, recomputed whenever the event file changes."""

    def __init__(self, event: Event, info: StepInfo, theme: str = "") -> None:
        super().__init__()
        self.event = event
        self.info = info
        self.theme = theme  # the event's title and purpose: never an idea
        self.reader = Reader(event.language)  # parses each note once
        self.round: int | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="popup", id="ideas") as box:
            box.border_title = _("What is coming up at the tables")
            yield Static(_("Reading the notes…"), id="ideas-body")
            yield Static(_("Escape: close"), classes="popup-hint")

    def on_mount(self) -> None:
        self.refresh_ideas()

    def on_event_file_changed(self, message: EventFileChanged) -> None:
        self.refresh_ideas()

    def refresh_ideas(self) -> None:
        notes = [n for n in self.event.list_notes() if n.kind == "table" and n.table is not None]
        self.round = round_of(self.info, notes)
        by_round: dict[tuple[int, int | None], list[Note]] = defaultdict(list)
        for note in notes:
            by_round[(note.block, note.round)].append(note)
        here = by_round.pop((self.info.block.number, self.round), [])
        question = self.info.step.question if self.info.step.round == self.round else ""
        question = question or next(
            (s.question for s in self.info.block.steps if s.round == self.round), ""
        )
        self.compute(
            [Source(n.id, n.table or 0, n.text) for n in here],
            [[n.text for n in other] for other in by_round.values()],
            "\n".join((question, self.info.block.question, self.theme)),
            len({n.table for n in here}),
        )

    @work(thread=True, exclusive=True, exit_on_error=False)
    def compute(
        self, sources: list[Source], background: list[list[str]], asked: str, tables: int
    ) -> None:
        ideas = find_ideas(sources, self.reader, limit=LIMIT, asked=asked, background=background)
        self.app.call_from_thread(self.show, ideas, tables)

    def show(self, ideas: list[Idea], tables: int) -> None:
        body = Text()
        if self.round is None:
            body.append(_("No round of this block has table notes yet."))
        else:
            body.append(_("Round {n}, so far").format(n=self.round), style="bold")
            body.append(
                "  "
                + ngettext("{n} table has notes", "{n} tables have notes", tables).format(n=tables)
                + "\n\n"
            )
            if not ideas:
                body.append(_("Nothing has come up at two tables yet."))
        for rank, idea in enumerate(ideas, 1):
            count = ngettext("{n} table", "{n} tables", idea.tables).format(n=idea.tables)
            body.append(f"{rank}. ")
            body.append(idea.label, style="bold")
            body.append(f" — {count}\n")
            for quote in idea.quotes[:1]:
                line = _("“{quote}” (table {table})").format(quote=quote.text, table=quote.table)
                body.append(f"   {line}\n", style="italic")
        self.query_one("#ideas-body", Static).update(body)
