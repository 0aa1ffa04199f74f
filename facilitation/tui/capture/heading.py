"""The top of a note editor: where the room is (table, block, round, time left), the
round's question, the banner when the room moved on, and the editing mode with the tags."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from facilitation.i18n import _
from facilitation.i18n.formatting import format_clock
from facilitation.tui.capture.parts import EditorBase
from facilitation.tui.capture.where import Target


def round_name(target: Target | None) -> str:
    if target is None:
        return "-"
    return target.title


class RoomHeading(EditorBase):
    """A mixin of NoteEditorScreen (`self` is the editor)."""

    def show_where(self) -> None:
        event = self.event
        where = _("Table {n}").format(n=self.table) if self.table else _("Plenary")
        parts = [Text(where, style="bold"), Text(event.title)]
        room = self.room
        if room is not None:
            block = event.script.block(room.block)
            parts.append(Text(block.title))
            parts += [Text(t, style="italic") for t in [block.table_theme(self.table or 0)] if t]
            label = room.title
            if room.ended:
                label += " " + _("(ended)")
            parts.append(Text(label, style="bold"))
            left = self.seconds_left()
            if left is not None and not room.ended:
                parts.append(Text(_("{time} left").format(time=format_clock(left))))
        else:
            parts.append(Text(_("waiting for a step that takes notes")))
        self.show_text("#where", Text(" · ").join(parts))
        question = room.question if room else ""
        self.show_text("#question", Text(question.strip()))

    def seconds_left(self) -> float | None:
        timer = self._timer
        if timer is None:
            return None
        if timer.status == "running" and timer.deadline is not None:
            return timer.deadline - self.capture_app.clock()
        if timer.status == "paused" and timer.remaining is not None:
            return timer.remaining
        return None

    def show_banner(self) -> None:
        banner = self.query_one("#banner", Static)
        pinned, room = self.pinned, self.room
        text = self._announce
        if self.has_text() and pinned is not None and (room is None or pinned.place != room.place):
            text = _(
                "The room is now at {room}. The note you are typing stays in {pinned}: "
                "Ctrl+S saves it there, F8 moves it to {room}."
            ).format(room=round_name(room), pinned=pinned.title)
            banner.set_class(True, "warning")
        else:
            banner.set_class(False, "warning")
        self.show_text("#banner", Text(text))
        banner.display = bool(text)
        self.refresh_bindings()  # F6 and Escape depend on what is pinned and edited

    def show_mode(self) -> None:
        target = self.target
        if self.editing is not None:
            mode = _("Editing a note of {round} (revision {n})").format(
                round=round_name(target), n=self.editing.revision
            )
        elif target is None:
            mode = _("Waiting for a round: what you type now will go to the next one.")
        else:
            mode = _("New note for {round}").format(round=target.title)
        self.show_text("#mode", Text(mode))
        codebook = {t.id: t.label for t in self.event.script.event.codebook}
        labels = [codebook.get(tag, tag) for tag in self.tags]
        self.show_text(
            "#tags-line",
            Text(
                _("Tags: {tags}").format(tags=", ".join(labels) if labels else "-")
                + "   "
                + _("(F3 to tag)")
            ),
        )
