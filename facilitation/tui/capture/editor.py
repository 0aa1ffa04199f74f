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

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static, TextArea

from facilitation.i18n import N_, _
from facilitation.store import TimerState
from facilitation.store.connection import WriteUnavailable
from facilitation.store.notes import Note
from facilitation.tui import timings
from facilitation.tui.capture.dialogs import TagPicker
from facilitation.tui.capture.heading import RoomHeading, round_name
from facilitation.tui.capture.keeping import KeepsTyped
from facilitation.tui.capture.notes_pane import NotesList, NotesPane
from facilitation.tui.capture.photo import attach_photo
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
from facilitation.tui.widgets.fitting_footer import FittingFooter

if TYPE_CHECKING:
    from facilitation.tui.capture.app import CaptureApp


def waiting(kind: str, table: int | None) -> Target:
    """Where a draft typed before any round is kept (block 0 in its key)."""
    return Target(-1, 0, None, table, kind, "")


class NoteArea(TextArea):
    """The text being typed; Ctrl+End / Ctrl+Home go to the end / start of the whole text.

    Ctrl+S (and F2) save from here, in the order of the keys: a binding would only run once
    the key has bubbled up to the app, after the text area has taken the keys typed after it
    (a fast typist's "note one" Ctrl+S "note two" Ctrl+S became one note).
    """

    SAVE_KEYS = ("ctrl+s", "f2")
    BINDINGS = [
        Binding("ctrl+end", "cursor_to_end", N_("End of the note"), show=False),
        Binding("ctrl+home", "cursor_to_start", N_("Start of the note"), show=False),
    ]

    def __init__(self, on_save: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)
        self.on_save = on_save

    async def _on_key(self, event: events.Key) -> None:
        if event.key in self.SAVE_KEYS:
            event.stop()
            event.prevent_default()
            self.on_save()  # now: after the keys before it, before the keys after it
            return
        await super()._on_key(event)

    def action_cursor_to_end(self) -> None:
        self.move_cursor(self.document.end)

    def action_cursor_to_start(self) -> None:
        self.move_cursor((0, 0))


class NoteEditorScreen(KeepsTyped, NotesPane, RoomHeading):
    app: CaptureApp  # typed for mypy: the app this screen runs in

    # Ctrl+S is not a priority binding (a priority one ran before the keys typed just before
    # it); in the text area, NoteArea saves in the order of the keys.
    BINDINGS = [
        Binding("ctrl+s,f2", "save", N_("Save note")),
        Binding("f3", "tags", N_("Tags")),
        Binding("f8", "move_to_room", N_("Move to current round")),
        Binding("escape", "cancel_edit", N_("Cancel edit")),
        Binding("f4", "focus_notes", N_("Notes list")),
        Binding("f5", "photo", N_("Attach a photo"), show=False),  # listed by F1
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
        self.init_keeping()

    # ---- building ----------------------------------------------------------------------

    @property
    def writer(self) -> NoteWriter:
        origin = "web" if self.capture_app.restricted else "capture"
        return NoteWriter(self.event, self.capture_app.who, origin)

    def compose(self) -> ComposeResult:
        yield Static("", id="where")
        yield Static("", id="question")
        yield Static("", id="banner")
        yield Static("", id="fault")
        with Horizontal(id="body"):
            with Vertical(id="edit-pane"):
                yield Static("", id="mode")
                yield NoteArea(self.action_save, id="text", soft_wrap=True, tab_behavior="focus")
                yield Static("", id="tags-line")
            with Vertical(id="notes-pane"):
                yield Static("", id="notes-title")
                yield NotesList(id="notes")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#fault", Static).display = False
        self.refresh_room(announce=False)
        if self.restore_fallback():
            self.flush_draft()  # into the event file now if it can take it
        else:
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

    def flush_draft(self, retry: bool = False) -> None:
        """Write the draft only if something changed since it was last written: the text or
        the tags, or where it belongs (a draft moved). An idle editor writes nothing. While
        the event file cannot be written, only the fallback file is (the retry timer tries
        the event file again, `retry=True`)."""
        text = self.query_one("#text", TextArea).text
        if self.faults.failing and not retry:
            if text != self._stored_text or list(self.tags) != self._stored_tags:
                self.keep_fallback()
            return
        try:
            self._write_draft(text)
        except WriteUnavailable as exc:
            self.write_failed(exc)
            return
        self.drop_fallback()
        self.write_worked()

    def _write_draft(self, text: str) -> None:
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
        area = self.query_one("#text", TextArea)
        area.load_text(text)
        area.move_cursor(area.document.end)  # typing goes on after what is there
        self.show_mode()
        self.show_banner()

    def restore_next_draft(self) -> bool:
        """Load the latest draft this person left for this table, if any."""
        drafts = self.event.list_drafts(draft_prefix(self.table, self.capture_app.who))
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
            with self.event._write():  # the note and the end of its draft, or nothing
                self.writer.save(target, text, self.tags, note_id)
                if self._draft_at is not None:
                    self.writer.drop_draft(*self._draft_at)
        except WriteUnavailable as exc:  # read-only, full disk, held lock: keep it, retry
            self._save_pending = True
            self.write_failed(exc)
            return
        except Exception as exc:  # a tag gone from the codebook: keep the text
            self.flush_draft()
            self.notify(str(exc), severity="error")
            return
        self._save_pending = False
        self.drop_fallback()
        self.write_worked()
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
        if self.faults.failing:
            self.notify(
                _("Not now: the event file cannot be written and your text stays here."),
                severity="warning",
            )
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

    def action_photo(self) -> None:
        attach_photo(self)  # facilitation/tui/capture/photo.py

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
        if self.faults.failing:
            self.notify(
                _("Not now: the event file cannot be written and your text stays here."),
                severity="warning",
            )
            return
        self.flush_draft()  # what was being typed stays as a draft, restored after
        if self.editing is not None and self._draft_at is not None:
            self.writer.drop_draft(*self._draft_at)
        target = target_for(self.event.script, note.block, note.round, self.kind, self.table)
        self.load(note.text, target, note, note.tags)
        self.query_one("#text", TextArea).focus()
