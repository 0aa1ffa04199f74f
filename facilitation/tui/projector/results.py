"""The dot votes of an Open Space block on the projector, once the facilitator revealed them
(key `r` on the console's convergence screen; the flag is in the event file)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from facilitation.i18n import _
from facilitation.openspace.ranking import rank_votes
from facilitation.run.agenda import StepInfo
from facilitation.store import Event
from facilitation.store.results import results_due, results_revealed

MAX_SHOWN = 12  # the room reads the first ones; the console keeps the whole list


def results_text(event: Event, info: StepInfo) -> RenderableType | None:
    """The ranking for the room, or None while hidden (or before convergence)."""
    number = info.block.number
    if not results_due(info.block, info.step) or not results_revealed(event, number):
        return None
    items = rank_votes(event.list_votes(number), event.list_topics(number), include_unvoted=False)
    title = Text(_("Results of the votes"), style="bold", justify="center")
    if not items:
        return Group(title, Text(_("No votes yet."), style="italic", justify="center"))
    table = Table(box=None, expand=True, pad_edge=False, header_style="dim")
    table.add_column(_("Rank"), justify="right", style="bold", no_wrap=True)  # "1=" when tied
    table.add_column(_("Votes"), justify="right", no_wrap=True)
    table.add_column(_("Topic or proposal"), ratio=1)  # wrapped
    for item in items[:MAX_SHOWN]:
        rank = f"{item.rank}=" if item.tied else str(item.rank)
        table.add_row(rank, str(item.count), item.label)
    return Group(title, table)
