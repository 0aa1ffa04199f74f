"""The notes list of a note editor: this table's notes grouped by round (the current one
first), Enter edits one, Delete deletes it after a confirmation."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitation.i18n import N_, _
from facilitation.store.connection import WriteUnavailable
from facilitation.store.notes import Note
from facilitation.tui.capture.dialogs import ConfirmScreen
from facilitation.tui.capture.parts import EditorBase
from facilitation.tui.capture.where import target_for
from facilitation.tui.help import translate_bindings
from facilitation.tui.widgets.inline_markdown import markdown_text


class NotesList(OptionList):
    """This table's notes, grouped by round; Enter edits, Delete deletes."""

    BINDINGS = [
        Binding("enter", "select", N_("Edit note")),
        Binding("delete,d", "screen.delete_note", N_("Delete note")),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)


class NotesPane(EditorBase):
    """The notes list's part of NoteEditorScreen (a mixin: `self` is the editor)."""

    def action_delete_note(self) -> None:
        notes = self.query_one("#notes", NotesList)
        index = notes.highlighted
        if index is None:
            return
        option = notes.get_option_at_index(index)
        if not option.id:
            return
        note = self.event.get_note(int(option.id))
        if note is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    self.event.delete_note(note.id, author=self.capture_app.who)
                except WriteUnavailable as exc:
                    self.notify(exc.message, severity="error")
                    return
                if self.editing is not None and self.editing.id == note.id:
                    self.action_cancel_edit()
                self.notify(_("Note deleted (it stays in the event file's history)."))
                self.refresh_notes()

        first = note.text.splitlines()[0] if note.text else ""
        self.app.push_screen(ConfirmScreen(_("Delete this note?") + f"\n\n{first[:80]}"), confirmed)

    # ---- the notes of this table -------------------------------------------------------

    def refresh_notes(self) -> None:
        """Rebuild the notes list if this table's notes (or the round they are shown for)
        changed since it was built: every edit, deletion or restore raises a revision."""
        target = self.target
        notes_list = self.query_one("#notes", NotesList)
        title = self.query_one("#notes-title", Static)
        if target is None:
            if self._notes_shown != ():
                notes_list.clear_options()
                title.update(_("This table's notes"))
                self._notes_shown = ()
            return
        notes = self.event.list_notes(block=target.block, table=self.table, kind=self.kind)
        room_round = self.room.round if self.room and self.room.block == target.block else None
        shown = (target.block, room_round, tuple((n.id, n.revision) for n in notes))
        if shown == self._notes_shown:
            return
        self._notes_shown = shown
        by_round: dict[int | None, list[Note]] = {}
        for note in notes:
            by_round.setdefault(note.round, []).append(note)
        codebook = {t.id: t.label for t in self.event.script.event.codebook}
        options: list[Option | None] = []  # None: a separator line between notes
        # The current round first, then what the table said before (for briefing newcomers).
        order = sorted(by_round, key=lambda r: (r != room_round, -(r or 0)))
        for round_ in order:
            label = target_for(self.event.script, target.block, round_, self.kind, self.table).title
            if round_ == room_round:
                label += " " + _("(now)")
            count = len(by_round[round_])
            options.append(Option(Text(f"{label} ({count})", style="bold"), disabled=True))
            for note in by_round[round_]:
                tags = ", ".join(codebook.get(t, t) for t in note.tags)
                text = markdown_text(note.text)  # bold, lists: as the synthesis will show them
                if tags:
                    text.append(f"\n[{tags}]", style="italic")
                options.append(Option(text, id=str(note.id)))
                options.append(None)
        highlighted = notes_list.highlighted
        notes_list.clear_options()
        notes_list.add_options(options)
        if highlighted is not None and options:
            notes_list.highlighted = min(highlighted, len(options) - 1)
        title.update(
            Text(
                (_("This table's notes") if self.table else _("Plenary notes")) + f" ({len(notes)})"
            )
        )
