"""Drafts: the text being typed in a capture screen, saved every second or two, so that a
killed capture process loses at most the last seconds. A draft is keyed by who/where is typing
(e.g. "b2/r1/t3/alice"; the capture screen chooses the key) and dropped once the note is saved.
It carries the tags chosen for the note (schema v4), kept as given: they are checked against
the codebook only when the note is saved, so a draft is never refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from facilitation.store.base import EventCore
from facilitation.store.text import clean, clean_tags, dumps

_COLUMNS = "key, text, note_id, updated_at, tags"


@dataclass
class Draft:
    key: str
    text: str
    note_id: int | None  # the note being edited, None for a new note
    updated_at: float
    tags: list[str] = field(default_factory=list)  # the tags chosen so far (codebook ids)


def _draft(row: tuple) -> Draft:
    key, text, note_id, updated_at, tags = row
    return Draft(key, text, note_id, updated_at, json.loads(tags))


class DraftsMixin(EventCore):
    def save_draft(
        self,
        key: str,
        text: str,
        note_id: int | None = None,
        tags: Iterable[str] | str | None = None,
    ) -> None:
        """Store (replace) the draft under `key`, with its `tags` (none by default). An empty
        text drops it."""
        if not text:
            self.drop_draft(key)
            return
        with self._write() as conn:
            conn.execute(
                "INSERT INTO drafts (key, text, note_id, updated_at, tags) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET text = excluded.text,"
                " note_id = excluded.note_id, updated_at = excluded.updated_at,"
                " tags = excluded.tags",
                (clean(key), clean(text), note_id, self._now(), dumps(clean_tags(tags))),
            )

    def get_draft(self, key: str) -> Draft | None:
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM drafts WHERE key = ?", (clean(key),)
            ).fetchone()
        return _draft(row) if row else None

    def drop_draft(self, key: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM drafts WHERE key = ?", (clean(key),))

    def list_drafts(self, prefix: str = "") -> list[Draft]:
        """Drafts whose key starts with `prefix` (all by default), oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM drafts WHERE substr(key, 1, ?) = ? ORDER BY updated_at",
                (len(prefix), clean(prefix)),
            ).fetchall()
        return [_draft(row) for row in rows]
