"""Nothing typed is lost when the event file cannot be written (read-only, full disk, a lock
held by another program, an I/O error): the note editor's part that handles it.

The text stays in the editor and is copied to a fallback file (beside the event, or in the
user's data folder); a red banner says what is wrong in plain words; the writes are tried
again with back-off (facilitation.tui.write_faults); when one works, the draft (or the note
whose Ctrl+S failed) is written, the fallback file removed and the banner replaced by a word
that all is saved. On start, a fallback file left by an earlier run is restored first.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static, TextArea

from facilitation.i18n import _
from facilitation.store.connection import WriteUnavailable
from facilitation.tui.capture.fallback import FallbackFile, Kept
from facilitation.tui.capture.parts import EditorBase
from facilitation.tui.write_faults import WriteFaults


class KeepsTyped(EditorBase):
    """A mixin of NoteEditorScreen (`self` is the editor)."""

    def init_keeping(self) -> None:
        self.faults = WriteFaults()
        self._fallback = None
        self._retry = None
        self._save_pending = False  # Ctrl+S failed: save the note when the file can be written

    @property
    def fallback(self) -> FallbackFile:
        if self._fallback is None:
            self._fallback = FallbackFile(self.event.path, self.table, self.capture_app.who)
        return self._fallback

    def write_failed(self, exc: WriteUnavailable) -> None:
        """A write gave up: keep the text outside the event file, say so, retry later."""
        self.faults.failed(exc)
        self.keep_fallback()
        self.show_fault()
        if self._retry is not None:
            self._retry.stop()
        self._retry = self.set_timer(self.faults.next_delay(), self.retry_writes, name="retry")

    def write_worked(self) -> None:
        """A write to the event file worked: if it was failing until now, say all is saved."""
        if self.faults.recovered():
            if self._retry is not None:
                self._retry.stop()
                self._retry = None
            self.show_fault()
            self.notify(WriteFaults.recovered_message(), timeout=8)

    def keep_fallback(self) -> None:
        text = self.query_one("#text", TextArea).text
        if not text.strip():
            if self.fallback.written is not None:
                self.fallback.remove()
            return
        target = self.target
        self.fallback.keep(
            Kept(
                text=text,
                tags=list(self.tags),
                block=target.block if target else 0,
                round=target.round if target else None,
                note_id=self.editing.id if self.editing else None,
                save=self._save_pending,
            )
        )

    def drop_fallback(self) -> None:
        if self.fallback.written is not None:
            self.fallback.remove()

    def retry_writes(self) -> None:
        """The back-off timer: try again what could not be written."""
        self._retry = None
        if self._save_pending:
            self.action_save()
        else:
            self.flush_draft(retry=True)
        if self.faults.failing:
            self.show_fault()
            if self._retry is None:
                delay = self.faults.next_delay()
                self._retry = self.set_timer(delay, self.retry_writes, name="retry")

    def show_fault(self) -> None:
        banner = self.query_one("#fault", Static)
        where = self.fallback.written
        text = self.faults.banner(str(where) if where else "")
        if text and self._save_pending:
            text = _("Not saved yet.") + " " + text
        banner.update(Text(text))
        banner.display = bool(text)

    def restore_fallback(self) -> bool:
        """Load a text kept in a fallback file by an earlier run; True if there was one."""
        kept = self.fallback.find()
        if kept is None:
            return False
        from facilitation.tui.capture.where import Target, target_for

        pinned: Target | None
        if kept.block:
            pinned = target_for(self.event.script, kept.block, kept.round, self.kind, self.table)
        else:
            pinned = self.room
        note = self.event.get_note(kept.note_id) if kept.note_id else None
        self.load(kept.text, pinned, note, kept.tags)
        self._stored_text = ""  # not in the event file yet: the next flush writes it
        self._draft_at = None
        self.notify(_("Text recovered from {path}.").format(path=self.fallback.written))
        return True
