"""The base of the note editor's parts (heading, notes pane, keeping what is typed): the
state they share and the methods each may call on the others, declared once for the type
checker. NoteEditorScreen inherits the parts; every method here is implemented by one of
them (this class comes last in the order, so it never hides an implementation)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

from facilitation.tui.widgets.shown import show

if TYPE_CHECKING:
    from textual.timer import Timer

    from facilitation.store import Event, TimerState
    from facilitation.store.connection import WriteUnavailable
    from facilitation.store.notes import Note
    from facilitation.tui.capture.app import CaptureApp
    from facilitation.tui.capture.fallback import FallbackFile
    from facilitation.tui.capture.where import Target
    from facilitation.tui.write_faults import WriteFaults


class EditorBase(Screen):
    table: int | None
    kind: str
    room: Target | None
    pinned: Target | None
    editing: Note | None
    tags: list[str]
    faults: WriteFaults
    _fallback: FallbackFile | None
    _retry: Timer | None
    _save_pending: bool
    _stored_text: str
    _stored_tags: list[str]
    _draft_at: tuple[Target, int | None] | None
    _notes_shown: tuple | None
    _timer: TimerState | None
    _announce: str

    def show_text(self, selector: str, text: Text) -> Static:
        """Show `text` in the Static at `selector`, unless it shows that already: an update
        lays the whole screen out again and repaints the line, and the heading is shown
        again every second (the time left), the mode and the banner at each save."""
        static = self.query_one(selector, Static)
        show(static, text)
        return static

    @property
    def capture_app(self) -> CaptureApp:
        return cast("CaptureApp", self.app)

    @property
    def event(self) -> Event:
        return self.capture_app.event

    @property
    def target(self) -> Target | None:
        raise NotImplementedError

    def has_text(self) -> bool:
        raise NotImplementedError

    def load(self, text: str, pinned: Target | None, editing: Note | None, tags: list[str]) -> None:
        raise NotImplementedError

    def flush_draft(self, retry: bool = False) -> None:
        raise NotImplementedError

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel_edit(self) -> None:
        raise NotImplementedError

    def refresh_notes(self) -> None:
        raise NotImplementedError

    def seconds_left(self) -> float | None:
        raise NotImplementedError

    def show_banner(self) -> None:
        raise NotImplementedError

    def show_mode(self) -> None:
        raise NotImplementedError

    def write_failed(self, exc: WriteUnavailable) -> None:
        raise NotImplementedError

    def keep_fallback(self) -> None:
        raise NotImplementedError

    def show_fault(self) -> None:
        raise NotImplementedError

    def retry_writes(self) -> None:
        raise NotImplementedError
