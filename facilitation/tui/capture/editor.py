"""The note editor of one table (or of the plenary), following the facilitator's console.

The room's position comes from the timer the console writes; notes go to the current round.
What is being typed is pinned to the round it was started in: when the room moves on, a banner
says so and the note stays there until saved (Ctrl+S) or moved to the new round (F8). Drafts
(the text and the tags chosen with F3) are written at most a second after a change of the text,
at once when the tags change, on every round change and on quit, and only when something
changed since the last write: an idle editor does not write to the event file (every write
makes every other screen on the event look again). On start, every draft this person left for
this table is restored with its tags, one after the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from facilitation.i18n import N_, _
from facilitation.i18n.formatting import format_clock
from facilitation.store import TimerState
from facilitation.store.notes import Note
from facilitation.tui import timings
from facilitation.tui.capture.dialogs import ConfirmScreen, TagPicker
from facilitation.tui.capture.where import (
    NoteWriter,
    Target,
    draft_key,
    draft_prefix,
    parse_draft_key,
    target_at,
    target_for,
)
from facilitation.tui.help import translate_bindings
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.watch import watch_event_file
from facilitation.tui.widgets.inline_markdown import markdown_text

if TYPE_CHECKING:
    from facilitation.tui.capture.app import CaptureApp


def waiting(kind: str, table: int | None) -> Target:
    """Where a draft typed before any round is kept (block 0 in its key)."""
    return Target(-1, 0, None, table, kind, "")


def round_name(target: Target | None) -> str:
    if target is None:
        return "-"
    return target.title


class NotesList(OptionList):
    """This table's notes, grouped by round; Enter edits, Delete deletes."""

    BINDINGS = [
        Binding("enter", "select", N_("Edit note")),
        Binding("delete,d", "screen.delete_note", N_("Delete note")),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)


class NoteEditorScreen(Screen):
    app: CaptureApp  # typed for mypy: the app this screen runs in

    BINDINGS = [
        Binding("ctrl+s,f2", "save", N_("Save note"), priority=True),
        Binding("f3", "tags", N_("Tags")),
        Binding("f8", "move_to_room", N_("Move to current round")),
        Binding("escape", "cancel_edit", N_("Cancel edit")),
        Binding("f4", "focus_notes", N_("Notes list")),
    ]

    def __init__(self, table: int | None) -> None:
        super().__init__()
        translate_bindings(self)
        self.table = table
        self.kind = "table" if table is not None else "plenary"
        self.room: Target | None = None  # where the room is
        self.pinned: Target | None = None  # where the text being typed belongs
        self.editing: Note | None = None
        self.tags: list[str] = []
        self._stored_text = ""  # what the event file holds for this text (draft or note)
        self._stored_tags: list[str] = []  # and for its tags
        self._draft_at: tuple[Target, int | None] | None = None  # where the draft is stored
        self._timer: TimerState | None = None
        self._announce = ""
        self._notes_shown: tuple | None = None  # what the notes list shows (see refresh_notes)

    # ---- building ----------------------------------------------------------------------

    @property
    def event(self):
        return self.app.event

    @property
    def writer(self) -> NoteWriter:
        origin = "web" if self.app.restricted else "capture"
        return NoteWriter(self.event, self.app.who, origin)

    def compose(self) -> ComposeResult:
        yield Static("", id="where")
        yield Static("", id="question")
        yield Static("", id="banner")
        with Horizontal(id="body"):
            with Vertical(id="edit-pane"):
                yield Static("", id="mode")
                yield TextArea(id="text", soft_wrap=True, tab_behavior="focus")
                yield Static("", id="tags-line")
            with Vertical(id="notes-pane"):
                yield Static("", id="notes-title")
                yield NotesList(id="notes")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_room(announce=False)
        self.restore_next_draft()
        self.refresh_notes()
        self.show_mode()
        self.query_one("#text", TextArea).focus()
        watch_event_file(self, self.event)
        self.set_interval(timings.DRAFT_SECONDS, self.flush_draft, name="drafts")
        self.set_interval(1.0, self.show_where, name="countdown")

    # ---- following the room ------------------------------------------------------------

    @property
    def target(self) -> Target | None:
        """Where a save goes now."""
        return self.pinned or self.room

    def on_event_file_changed(self, _message: EventFileChanged) -> None:
        # Any write to the event file lands here (another note-taker's draft, every second):
        # redo only what changed, the room when the console moved, the list when its notes did.
        timer = self.event.read_timer()
        if self._timer is None or timer.revision != self._timer.revision:
            self.refresh_room(timer=timer)
        self.refresh_notes()

    def refresh_room(self, announce: bool = True, timer: TimerState | None = None) -> None:
        self._timer = timer if timer is not None else self.event.read_timer()
        new = target_at(self.event.script, self._timer.step_index, self.kind, self.table)
        old, self.room = self.room, new
        if new is not None and self.pinned is None and self.has_text():
            self.pinned = new  # typed while waiting for the first round: it belongs there
        moved = (old is None) != (new is None) or (old and new and old.place != new.place)
        if announce and moved:
            self.flush_draft()
            if new is None:
                self._announce = _("The room has moved on: no notes are taken at this step.")
            else:
                self._announce = _("New round: {round}.").format(round=new.title)
        elif announce and old is not None and new is not None and old.ended != new.ended:
            self._announce = ""
        self.show_where()
        self.show_banner()
        self.show_mode()

    def show_where(self) -> None:
        event = self.event
        where = _("Table {n}").format(n=self.table) if self.table else _("Plenary")
        parts = [Text(where, style="bold"), Text(event.title)]
        room = self.room
        if room is not None:
            block = event.script.block(room.block)
            parts.append(Text(block.title))
            label = room.title
            if room.ended:
                label += " " + _("(ended)")
            parts.append(Text(label, style="bold"))
            left = self.seconds_left()
            if left is not None and not room.ended:
                parts.append(Text(_("{time} left").format(time=format_clock(left))))
        else:
            parts.append(Text(_("waiting for a step that takes notes")))
        self.query_one("#where", Static).update(Text(" · ").join(parts))
        question = room.question if room else ""
        self.query_one("#question", Static).update(Text(question.strip()))

    def seconds_left(self) -> float | None:
        timer = self._timer
        if timer is None:
            return None
        if timer.status == "running" and timer.deadline is not None:
            return timer.deadline - self.app.clock()
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
        banner.update(Text(text))
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
        self.query_one("#mode", Static).update(Text(mode))
        codebook = {t.id: t.label for t in self.event.script.event.codebook}
        labels = [codebook.get(tag, tag) for tag in self.tags]
        self.query_one("#tags-line", Static).update(
            Text(
                _("Tags: {tags}").format(tags=", ".join(labels) if labels else "-")
                + "   "
                + _("(F3 to tag)")
            )
        )

    # ---- typing and drafts -------------------------------------------------------------

    def has_text(self) -> bool:
        return bool(self.query_one("#text", TextArea).text.strip())

    @on(TextArea.Changed, "#text")
    def text_changed(self) -> None:
        text = self.query_one("#text", TextArea).text
        if text.strip() and self.pinned is None:
            self.pinned = self.room  # the note belongs to the round it was started in
            self.refresh_bindings()
        elif not text.strip() and self.editing is None and self.pinned is not None:
            self.pinned = None
            self.show_banner()
            self.show_mode()

    def flush_draft(self) -> None:
        """Write the draft only if something changed since it was last written: the text or
        the tags, or where it belongs (a draft moved). An idle editor writes nothing."""
        text = self.query_one("#text", TextArea).text
        tags = list(self.tags)
        note_id = self.editing.id if self.editing else None
        where = (self.target or waiting(self.kind, self.table), note_id)
        changed = text != self._stored_text or tags != self._stored_tags
        # A text makes a draft once it differs from what is stored (a note opened for editing
        # and left untouched needs none); tags alone make no draft: a note needs a text.
        wanted = bool(text.strip()) and (changed or self._draft_at is not None)
        if self._draft_at is not None and (not wanted or not self._same_draft(where)):
            self.writer.drop_draft(*self._draft_at)
            self._draft_at = None
        if wanted and (changed or self._draft_at is None):
            self.writer.keep_draft(where[0], text, note_id, tags)
            self._draft_at = where
        self._stored_text = text
        self._stored_tags = tags

    def _same_draft(self, where: tuple[Target, int | None]) -> bool:
        """Whether `where` is stored under the same draft key as the draft written last."""
        if self._draft_at is None:
            return False
        (target, note_id), (stored, stored_id) = where, self._draft_at
        who = self.writer.who
        return draft_key(target, who, note_id) == draft_key(stored, who, stored_id)

    def load(self, text: str, pinned: Target | None, editing: Note | None, tags: list[str]):
        self.pinned = pinned
        self.editing = editing
        self.tags = list(tags)
        self._stored_text = text
        self._stored_tags = list(tags)
        self._draft_at = None
        self.query_one("#text", TextArea).load_text(text)
        self.show_mode()
        self.show_banner()

    def restore_next_draft(self) -> bool:
        """Load the latest draft this person left for this table, if any."""
        drafts = self.event.list_drafts(draft_prefix(self.table, self.app.who))
        for draft in reversed(drafts):
            place = parse_draft_key(draft.key)
            if place is None:
                continue
            block, round_, note_id = place
            if block == 0:  # typed before any round: it goes to the next one
                target = waiting(self.kind, self.table)
            else:
                target = target_for(self.event.script, block, round_, self.kind, self.table)
            note = self.event.get_note(note_id) if note_id else None
            if note_id and note is None:
                continue
            pinned = self.room if block == 0 else target
            self.load(draft.text, pinned, note, draft.tags)
            self._draft_at = (target, note_id)
            self.notify(_("Unsaved text restored ({round}).").format(round=round_name(pinned)))
            return True
        return False

    # ---- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move_to_room":
            return (
                bool(self.room and self.pinned and self.pinned.place != self.room.place)
                and self.editing is None
            )
        if action == "cancel_edit":
            return self.editing is not None
        return True

    def action_save(self) -> None:
        area = self.query_one("#text", TextArea)
        text = area.text.strip()
        target = self.target
        if not text:
            self.notify(_("Nothing to save."), severity="warning")
            return
        if target is None:
            self.notify(
                _("No round has started yet: your text is kept and will go to the first one."),
                severity="warning",
            )
            return
        note_id = self.editing.id if self.editing else None
        try:
            self.writer.save(target, text, self.tags, note_id)
        except Exception as exc:  # a tag gone from the codebook, a locked disk: keep the text
            self.flush_draft()
            self.notify(str(exc), severity="error")
            return
        if self._draft_at is not None:
            self.writer.drop_draft(*self._draft_at)
        edited = note_id is not None
        self.load("", None, None, [])
        self._announce = ""
        self.notify(
            (_("Note edited ({round}).") if edited else _("Note saved to {round}.")).format(
                round=target.title
            )
        )
        self.restore_next_draft()
        self.refresh_notes()
        area.focus()

    def action_move_to_room(self) -> None:
        if self.room is None:
            return
        self.pinned = self.room
        self.flush_draft()
        self._announce = ""
        self.show_banner()
        self.show_mode()
        self.notify(_("The note now belongs to {round}.").format(round=self.room.title))

    def action_cancel_edit(self) -> None:
        if self.editing is None:
            return
        if self._draft_at is not None:
            self.writer.drop_draft(*self._draft_at)
        self.load("", None, None, [])
        self.notify(_("Edit cancelled; the note is unchanged."))
        self.restore_next_draft()
        self.query_one("#text", TextArea).focus()

    def action_tags(self) -> None:
        def chosen(tags: list[str] | None) -> None:
            if tags is not None:
                self.tags = tags
                self.show_mode()
                self.flush_draft()  # the tags are kept with the text at once
            self.query_one("#text", TextArea).focus()

        self.app.push_screen(TagPicker(self.event.script.event.codebook, self.tags), chosen)

    def action_focus_notes(self) -> None:
        self.query_one("#notes", NotesList).focus()

    @on(OptionList.OptionSelected, "#notes")
    def edit_selected(self, selected: OptionList.OptionSelected) -> None:
        note_id = selected.option.id
        if not note_id:
            return
        note = self.event.get_note(int(note_id))
        if note is None or note.deleted:
            return
        if self.editing is not None and self.editing.id == note.id:
            return
        self.flush_draft()  # what was being typed stays as a draft, restored after
        if self.editing is not None and self._draft_at is not None:
            self.writer.drop_draft(*self._draft_at)
        target = target_for(self.event.script, note.block, note.round, self.kind, self.table)
        self.load(note.text, target, note, note.tags)
        self.query_one("#text", TextArea).focus()

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
                self.event.delete_note(note.id, author=self.app.who)
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
                text = markdown_text(note.text, line_breaks=True)  # as the synthesis prints it
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
