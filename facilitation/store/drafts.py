"""Drafts: the text being typed in a capture screen, saved every second or two, so that a
killed capture process loses at most the last seconds. A draft is keyed by who/where is typing
(e.g. "b2/r1/t3/alice"; the capture screen chooses the key) and dropped once the note is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitation.store.text import clean

if TYPE_CHECKING:
    from facilitation.store.event import Event


@dataclass
class Draft:
    key: str
    text: str
    note_id: int | None  # the note being edited, None for a new note
    updated_at: float


class DraftsMixin:
    def save_draft(self: Event, key: str, text: str, note_id: int | None = None) -> None:
        """Store (replace) the draft under `key`. An empty text drops it."""
        if not text:
            self.drop_draft(key)
            return
        with self._write() as conn:
            conn.execute(
                "INSERT INTO drafts (key, text, note_id, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET text = excluded.text,"
                " note_id = excluded.note_id, updated_at = excluded.updated_at",
                (clean(key), clean(text), note_id, self._now()),
            )

    def get_draft(self: Event, key: str) -> Draft | None:
        with self._read() as conn:
            row = conn.execute(
                "SELECT key, text, note_id, updated_at FROM drafts WHERE key = ?", (clean(key),)
            ).fetchone()
        return Draft(*row) if row else None

    def drop_draft(self: Event, key: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM drafts WHERE key = ?", (clean(key),))

    def list_drafts(self: Event, prefix: str = "") -> list[Draft]:
        """Drafts whose key starts with `prefix` (all by default), oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT key, text, note_id, updated_at FROM drafts WHERE substr(key, 1, ?) = ?"
                " ORDER BY updated_at",
                (len(prefix), clean(prefix)),
            ).fetchall()
        return [Draft(*row) for row in rows]
