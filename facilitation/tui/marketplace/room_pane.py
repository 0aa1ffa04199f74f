"""The marketplace's pane of what the room brought in from the phones (or typed on the
console): the interests ticked per topic, most wanted first, and the session reports filed.
Read again from the event file at every change notice, so it follows within a second."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from facilitation.i18n import _, ngettext
from facilitation.store import Event
from facilitation.store.results import room_counts
from facilitation.tui.widgets.shown import show


class RoomPane(Vertical):
    """Interests per topic and reports filed for one Open Space block."""

    def compose(self) -> ComposeResult:
        yield Static("", classes="pane-title", id="room-title")
        yield Static("", id="room-counts")

    def show(self, event: Event, block: int) -> None:
        counts = room_counts(event, block)
        title = ngettext("Interests ({n} person)", "Interests ({n} people)", counts.people).format(
            n=counts.people
        )
        show(self.query_one("#room-title", Static), title)
        text = Text(no_wrap=True, overflow="ellipsis")
        reports = _("Reports filed: {n}/{total}").format(n=counts.reports, total=counts.topics)
        text.append(reports + "\n", style="italic")
        titles = {t.id: t.title for t in event.list_topics(block, include_inactive=False)}
        ranked = sorted(counts.interests.items(), key=lambda kv: (-kv[1], titles.get(kv[0], "")))
        if not ranked:
            text.append(_("No interests ticked yet."), style="dim")
        for topic_id, count in ranked:
            text.append(f"{count:>3} ", style="bold")
            text.append(titles.get(topic_id, "?") + "\n")
        text.rstrip()
        show(self.query_one("#room-counts", Static), text)
