"""`AgendaWall`: the agenda wall (time slots across, spaces down) as a Textual widget.

Used by the marketplace screen (with a cell cursor) and by the projector (without one).
Titles are fitted to the room the terminal gives: at 80x24 one line per space, on a large
screen the convener on a second line and long titles on two lines. Topics in conflict are
shown in red; pinned topics (placed by hand) carry a small mark.
"""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from facilitation.i18n import _
from facilitation.openspace.wall import Wall, load_wall
from facilitation.store import Event
from facilitation.store.openspace import Topic

PIN = "\u2022 "  # marks a topic placed by hand


def fit(text: str, width: int, lines: int) -> list[str]:
    """`text` in at most `lines` lines of `width`, an ellipsis when cut."""
    width = max(1, width)
    if lines <= 1 or len(text) <= width:
        return [text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"]
    wrapped = textwrap.wrap(text, width) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        last = wrapped[-1]
        wrapped[-1] = (last[: width - 1] if len(last) >= width else last).rstrip() + "\u2026"
    return wrapped


class AgendaWall(DataTable):
    """The wall of block `block_number`; call `refresh_wall()` when the event file changed."""

    DEFAULT_CSS = """
    AgendaWall {
        height: 1fr;
        scrollbar-size: 1 1;
    }
    AgendaWall > .datatable--header {
        text-style: bold;
    }
    """

    def __init__(
        self,
        event: Event,
        block_number: int,
        *,
        show_cursor: bool = True,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's name
        classes: str | None = None,
    ) -> None:
        super().__init__(
            show_cursor=show_cursor,
            cursor_type="cell",
            zebra_stripes=False,
            show_row_labels=True,
            cell_padding=1,
            name=name,
            id=id,
            classes=classes,
        )
        self.event = event
        self.block_number = block_number
        self.wall: Wall = load_wall(event, block_number)
        self.carrying: int | None = None  # topic being moved (shown highlighted)
        self.marked: int | None = None  # topic chosen for a merge
        self._shape: tuple[int, int] | None = None
        self._drawn: tuple | None = None  # what the table holds now (see _rebuild)

    # ---- what the screens ask -----------------------------------------------------------

    def refresh_wall(self) -> None:
        """Read the wall again from the event file and redraw it (cursor kept)."""
        self.wall = load_wall(self.event, self.block_number)
        self._rebuild()

    @property
    def cell(self) -> tuple[int, int] | None:
        """(slot, space) under the cursor."""
        if not self.wall.slots or not self.wall.spaces:
            return None
        row, column = self.cursor_coordinate
        return (column, row)

    def topics_here(self) -> list[Topic]:
        cell = self.cell
        return self.wall.at(*cell) if cell else []

    def go_to(self, slot: int, space: int) -> None:
        self.cursor_coordinate = Coordinate(space, slot)

    def next_free_cell(self) -> tuple[int, int] | None:
        """The first free cell after the cursor (spaces down, then the next slot)."""
        slots, spaces = len(self.wall.slots), len(self.wall.spaces)
        start = self.cell or (0, 0)
        order = [(s, sp) for s in range(slots) for sp in range(spaces)]
        pos = order.index(start) if start in order else 0
        for cell in order[pos + 1 :] + order[: pos + 1]:
            if not self.wall.at(*cell):
                return cell
        return None

    # ---- drawing ------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._rebuild()

    def on_resize(self) -> None:
        shape = (self.size.width, self.size.height)
        if shape != self._shape:
            self._rebuild()

    def _rebuild(self) -> None:
        """Fill the table again, unless it already shows this wall at this size: every
        change to the event file (a draft, a vote on a phone) reads the wall again, and
        rebuilding a table costs a layout of the screen."""
        wall = self.wall
        self._shape = (self.size.width, self.size.height)
        drawn = (
            self._shape,
            wall.slots,
            wall.spaces,
            wall.active,
            wall.pinned,
            wall.conflicts,
            self.carrying,
            self.marked,
        )
        if drawn == self._drawn:
            return
        self._drawn = drawn
        cursor = self.cursor_coordinate
        self.clear(columns=True)
        if not wall.slots or not wall.spaces:
            self.add_column(_("no time slots or spaces in this block"))
            return
        label_width = min(max(len(s) for s in wall.spaces), 18, max(6, self.size.width // 7))
        total = self.size.width or 80
        # each column costs its padding (2); the row labels their width and padding
        column_width = max(6, (total - label_width - 3 - 2 * len(wall.slots)) // len(wall.slots))
        free_lines = max(1, (self.size.height or 24) - 2)
        lines = max(1, min(4, free_lines // len(wall.spaces)))
        for slot in wall.slots:
            self.add_column(fit(slot, column_width, 1)[0], width=column_width)
        conflicting = wall.conflicting()
        for space_index, space in enumerate(wall.spaces):
            row = []
            for slot_index in range(len(wall.slots)):
                topics = wall.at(slot_index, space_index)
                row.append(self._cell_text(topics, column_width, lines, conflicting))
            label = Text(fit(space, label_width, 1)[0], style="bold")
            self.add_row(*row, height=lines, label=label)
        self.cursor_coordinate = cursor

    def _cell_text(
        self, topics: list[Topic], width: int, lines: int, conflicting: set[int]
    ) -> Text:
        if not topics:
            return Text("\u00b7", style="dim")
        text = Text()
        many = len(topics) > 1
        per_topic = max(1, lines // len(topics))
        for n, topic in enumerate(topics):
            if n:
                text.append("\n" if lines > 1 else " / ")
            style = "bold"
            if topic.id in conflicting:
                style = "bold white on dark_red"
            if topic.id in (self.carrying, self.marked):
                style = "bold black on yellow"
            mark = PIN if topic.id in self.wall.pinned else ""
            show_convener = per_topic >= 2 and bool(topic.convener) and not many
            title_lines = per_topic - 1 if show_convener else per_topic
            room = width if lines > 1 or not many else max(3, width // len(topics) - 2)
            title = fit(mark + topic.title, room, title_lines)
            text.append("\n".join(title), style=style)
            if show_convener:
                text.append("\n" + fit(topic.convener, width, 1)[0], style="italic")
        return text
