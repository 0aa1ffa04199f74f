"""Notes: what the tables, the plenary and the Open Space sessions said. Nothing typed is lost.

A note has a current state (table `notes`) and every state it ever had (table `note_revisions`):
`add_note` writes revision 1, each `edit_note` a new revision, `delete_note` a revision marked
"deleted" and sets `deleted_at` (the text stays), `restore_note` undoes a delete.

Where a note belongs: `block` (1-based, script order), `round` (1-based within the block, or
None), `table` (1-based, or None), `topic_id` (an Open Space topic, or None). Its `kind` is
"table" (World Café table notes), "plenary" (harvest) or "topic" (Open Space session notes).
Tags are ids of the event's codebook (see `resolve_tags`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from facilitation.errors import UserError
from facilitation.i18n import ngettext
from facilitation.store.base import EventCore, new_id
from facilitation.store.text import clean, clean_tags, dumps, loose

NOTE_KINDS = ("table", "plenary", "topic")

_NOTE_COLUMNS = (
    "id, block, round, table_no, topic_id, kind, author, text, tags, created_at, updated_at,"
    " deleted_at, revision, origin"
)


@dataclass
class Note:
    """The current state of a note."""

    id: int
    block: int
    round: int | None
    table: int | None
    topic_id: int | None
    kind: str  # "table" | "plenary" | "topic"
    author: str
    text: str  # Markdown
    tags: list[str] = field(default_factory=list)  # codebook ids
    created_at: float = 0.0  # UTC epoch seconds
    updated_at: float = 0.0
    deleted_at: float | None = None
    revision: int = 1
    origin: str = ""  # "capture", "web", "import", ... (free)

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass
class NoteRevision:
    """One state a note had. `action` is "created", "edited", "deleted" or "restored"."""

    note_id: int
    revision: int
    action: str
    text: str
    tags: list[str]
    author: str
    at: float


def _note(row: tuple) -> Note:
    return Note(
        id=row[0],
        block=row[1],
        round=row[2],
        table=row[3],
        topic_id=row[4],
        kind=row[5],
        author=row[6],
        text=row[7],
        tags=json.loads(row[8]),
        created_at=row[9],
        updated_at=row[10],
        deleted_at=row[11],
        revision=row[12],
        origin=row[13],
    )


class NotesMixin(EventCore):
    def resolve_tags(self, tags: Iterable[str] | str | None) -> list[str]:
        """Codebook ids for `tags`: ids or labels, matched ignoring case, accents and
        punctuation. A string is split on `;` or `|`, and a part that is not a tag as a whole is
        split on `,` too ("mobilisation, table"). Raises UserError naming the unknown tags.
        With an empty codebook, tags are free and kept as typed."""
        values = clean_tags(tags)
        codebook = self.script.event.codebook
        if not codebook:
            return [part for value in values for part in clean_tags(value.split(","))]
        index: dict[str, str] = {}
        for theme in codebook:
            index.setdefault(loose(theme.label), theme.id)
        for theme in codebook:
            index[loose(theme.id)] = theme.id
        out: list[str] = []
        unknown: list[str] = []
        for value in values:
            parts = [value] if loose(value) in index else clean_tags(value.split(","))
            for part in parts:
                found = index.get(loose(part))
                if found is None:
                    unknown.append(part)
                elif found not in out:
                    out.append(found)
        if unknown:
            raise UserError(
                ngettext(
                    "unknown tag: {tags} (the codebook has: {known})",
                    "unknown tags: {tags} (the codebook has: {known})",
                    len(unknown),
                ).format(tags=", ".join(unknown), known=", ".join(t.id for t in codebook))
            )
        return out

    def add_note(
        self,
        block: int,
        text: str,
        *,
        round: int | None = None,
        table: int | None = None,
        topic_id: int | None = None,
        kind: str | None = None,
        author: str = "",
        tags: Iterable[str] | str | None = None,
        origin: str = "",
        created_at: float | None = None,
    ) -> int:
        """Save a new note; returns its id once committed. `kind` defaults to "topic" with a
        topic, "table" with a table, else "plenary". Raises UserError on unknown tags.
        `created_at` (UTC epoch seconds) is for imports that keep the original time."""
        if kind is None:
            kind = "topic" if topic_id is not None else "table" if table is not None else "plenary"
        if kind not in NOTE_KINDS:
            raise ValueError(f"note kind must be one of {NOTE_KINDS}, not {kind!r}")
        tag_ids = dumps(self.resolve_tags(tags))
        text, author = clean(text), clean(author)
        with self._write() as conn:
            now = self._now() if created_at is None else float(created_at)
            cursor = conn.execute(
                "INSERT INTO notes (block, round, table_no, topic_id, kind, author, text, tags,"
                " created_at, updated_at, revision, origin) VALUES (?,?,?,?,?,?,?,?,?,?,1,?)",
                (
                    block,
                    round,
                    table,
                    topic_id,
                    kind,
                    author,
                    text,
                    tag_ids,
                    now,
                    now,
                    clean(origin),
                ),
            )
            note_id = new_id(cursor)
            conn.execute(
                "INSERT INTO note_revisions (note_id, revision, action, text, tags, author, at)"
                " VALUES (?, 1, 'created', ?, ?, ?, ?)",
                (note_id, text, tag_ids, author, now),
            )
        return note_id

    def get_note(self, note_id: int) -> Note | None:
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id = ?", (note_id,)
            ).fetchone()
        return _note(row) if row else None

    def edit_note(
        self,
        note_id: int,
        text: str,
        tags: Iterable[str] | str | None = None,
        author: str = "",
    ) -> int:
        """Write a new revision of a note (its previous text stays in the history); returns the
        new revision number. `tags=None` keeps the current tags. Raises KeyError if no such
        note."""
        text, author = clean(text), clean(author)
        new_tags = None if tags is None else dumps(self.resolve_tags(tags))
        return self._revise(note_id, "edited", text=text, tags=new_tags, author=author)

    def delete_note(self, note_id: int, author: str = "") -> int:
        """Soft delete: the note leaves `list_notes()` but keeps its text and history."""
        return self._revise(note_id, "deleted", author=clean(author))

    def restore_note(self, note_id: int, author: str = "") -> int:
        """Undo `delete_note`."""
        return self._revise(note_id, "restored", author=clean(author))

    def _revise(
        self,
        note_id: int,
        action: str,
        *,
        text: str | None = None,
        tags: str | None = None,
        author: str = "",
    ) -> int:
        with self._write() as conn:
            row = conn.execute(
                "SELECT text, tags, author, revision, deleted_at FROM notes WHERE id = ?",
                (note_id,),
            ).fetchone()
            if row is None:
                raise KeyError(f"no note {note_id}")
            old_text, old_tags, old_author, revision, deleted_at = row
            text = old_text if text is None else text
            tags = old_tags if tags is None else tags
            author = author or old_author
            revision += 1
            now = self._now()
            if action == "deleted":
                deleted_at = now if deleted_at is None else deleted_at
            elif action == "restored":
                deleted_at = None
            conn.execute(
                "UPDATE notes SET text = ?, tags = ?, author = ?, revision = ?, updated_at = ?,"
                " deleted_at = ? WHERE id = ?",
                (text, tags, author, revision, now, deleted_at, note_id),
            )
            conn.execute(
                "INSERT INTO note_revisions (note_id, revision, action, text, tags, author, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (note_id, revision, action, text, tags, author, now),
            )
        return revision

    def list_notes(
        self,
        block: int | None = None,
        round: int | None = None,
        table: int | None = None,
        kind: str | None = None,
        *,
        topic_id: int | None = None,
        include_deleted: bool = False,
    ) -> list[Note]:
        """Current notes, oldest first; each argument given narrows the list."""
        where, params = [], []
        for column, value in (
            ("block", block),
            ("round", round),
            ("table_no", table),
            ("kind", kind),
            ("topic_id", topic_id),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if not include_deleted:
            where.append("deleted_at IS NULL")
        sql = f"SELECT {_NOTE_COLUMNS} FROM notes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._read() as conn:
            rows = conn.execute(sql + " ORDER BY created_at, id", params).fetchall()
        return [_note(row) for row in rows]

    def note_history(self, note_id: int) -> list[NoteRevision]:
        """Every revision of a note, the first (created) first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT note_id, revision, action, text, tags, author, at FROM note_revisions"
                " WHERE note_id = ? ORDER BY revision",
                (note_id,),
            ).fetchall()
        return [NoteRevision(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]

    def note_counts(self, block: int, round: int | None) -> dict[int, tuple[int, float]]:
        """{table: (number of current notes, time of the latest change)} for one round of a
        block (for the console's live capture panel). Tables without notes are absent."""
        sql = (
            "SELECT table_no, COUNT(*), MAX(updated_at) FROM notes WHERE block = ?"
            " AND deleted_at IS NULL AND table_no IS NOT NULL"
        )
        params: list = [block]
        if round is None:
            sql += " AND round IS NULL"
        else:
            sql += " AND round = ?"
            params.append(round)
        with self._read() as conn:
            rows = conn.execute(sql + " GROUP BY table_no", params).fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}

    def block_note_counts(self, block: int) -> dict[int, tuple[int, float]]:
        """{table: (current notes of every round, time of the latest change)} for a block (the
        console's capture panel on a plenary step)."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT table_no, COUNT(*), MAX(updated_at) FROM notes WHERE block = ?"
                " AND deleted_at IS NULL AND table_no IS NOT NULL GROUP BY table_no",
                (block,),
            ).fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}
