"""Importing many notes without holding the event file's write lock for long.

The rows (already checked, see facilitation.store.importing) go first into a staging table
in the connection's TEMP database, in chunks: writing there takes no lock on the event file,
so capture, the console and other imports write as usual meanwhile. Then the staging table is
copied into `notes` and `note_revisions` with INSERT ... SELECT (no Python per row), in
transactions sized to hold the write lock about COPY_TARGET_S each, so another writer never
waits long (bench/import_lock.py). All or nothing: a journal row in `meta` lists what was
copied; the last transaction removes it. If the import fails, what was copied is taken out;
if its process is killed, the next opening of the event file does it (`recover_imports`).
While the copy runs (a second or two for a million notes), other screens may see the notes
arrive; a small import (up to COPY_FIRST_ROWS) is one transaction.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from facilitation.store.text import clean, dumps

if TYPE_CHECKING:
    from facilitation.store.event import Event

STAGING_CHUNK = 5_000  # rows per insert into the staging table
COPY_TARGET_S = 0.2  # each copy transaction aims at holding the write lock this long
COPY_FIRST_ROWS, COPY_MIN_ROWS, COPY_MAX_ROWS = 10_000, 500, 50_000
JOURNAL_PREFIX = "import-in-progress/"


@dataclass
class NoteRow:
    """One checked note of an import, ready to be written."""

    block: int
    text: str
    round: int | None = None
    table: int | None = None
    topic_id: int | None = None
    kind: str | None = None
    author: str = ""
    tags: list[str] = field(default_factory=list)  # codebook ids, already resolved
    created_at: float | None = None

    def __call__(self, event: Event) -> int:
        """Write this one note the ordinary way (small imports, other callers)."""
        return event.add_note(
            self.block,
            self.text,
            round=self.round,
            table=self.table,
            topic_id=self.topic_id,
            kind=self.kind,
            author=self.author,
            tags=self.tags,
            origin="import",
            created_at=self.created_at,
        )

    def values(self) -> tuple:
        kind = self.kind or (
            "topic"
            if self.topic_id is not None
            else "table"
            if self.table is not None
            else "plenary"
        )
        return (
            self.block,
            self.round,
            self.table,
            self.topic_id,
            kind,
            clean(self.author),
            clean(self.text),
            dumps(self.tags),
            self.created_at,
        )


def _chunks(rows: Iterable[NoteRow], size: int) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row.values())
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_notes_staged(event: Event, rows: list[NoteRow], chunk: int = STAGING_CHUNK) -> int:
    """Write `rows` as new notes (origin "import"), all or nothing; returns how many."""
    now = event._now()
    with event._lock:
        conn = event._conn
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS import_notes (seq INTEGER PRIMARY KEY, block, round,"
            " table_no, topic_id, kind, author, text, tags, created_at)"
        )
        try:
            conn.execute("DELETE FROM temp.import_notes")
            for part in _chunks(rows, chunk):
                conn.execute("BEGIN")  # the TEMP database only: no lock on the event file
                try:
                    conn.executemany(
                        "INSERT INTO temp.import_notes (block, round, table_no, topic_id, kind,"
                        " author, text, tags, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                        part,
                    )
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            _copy(event, len(rows), now)
        finally:
            if not conn.in_transaction:
                conn.execute("DROP TABLE IF EXISTS temp.import_notes")
    return len(rows)


def _copy(event: Event, total: int, now: float) -> None:
    """Copy the staging table into the event file in transactions of about COPY_TARGET_S,
    each recorded in a journal (a `meta` row) that is removed by the last one: if the import
    fails, or its process is killed, what was copied is taken out again (`undo_import`, or
    `recover_imports` at the next opening of the file)."""
    key = f"{JOURNAL_PREFIX}{uuid.uuid4().hex}"
    journal: dict = {"pid": os.getpid(), "host": socket.gethostname(), "ranges": []}
    with event._write() as tx:
        tx.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, json.dumps(journal)))
    try:
        seq, size = 1, COPY_FIRST_ROWS
        while seq <= total:
            last = min(total, seq + size - 1)
            start = time.perf_counter()
            with event._write() as tx:
                first = tx.execute("SELECT coalesce(max(id), 0) FROM notes").fetchone()[0]
                offset = first - seq + 1  # note id = offset + seq
                tx.execute(
                    "INSERT INTO notes (id, block, round, table_no, topic_id, kind, author, text,"
                    " tags, created_at, updated_at, revision, origin)"
                    " SELECT ? + seq, block, round, table_no, topic_id, kind, author, text, tags,"
                    " coalesce(created_at, ?), coalesce(created_at, ?), 1, 'import'"
                    " FROM temp.import_notes WHERE seq BETWEEN ? AND ? ORDER BY seq",
                    (offset, now, now, seq, last),
                )
                tx.execute(
                    "INSERT INTO note_revisions (note_id, revision, action, text, tags, author,"
                    " at) SELECT ? + seq, 1, 'created', text, tags, author,"
                    " coalesce(created_at, ?) FROM temp.import_notes"
                    " WHERE seq BETWEEN ? AND ? ORDER BY seq",
                    (offset, now, seq, last),
                )
                journal["ranges"].append([offset + seq, offset + last])
                if last < total:
                    tx.execute(
                        "UPDATE meta SET value = ? WHERE key = ?", (json.dumps(journal), key)
                    )
                else:  # the last part: the import is whole, the journal goes
                    tx.execute("DELETE FROM meta WHERE key = ?", (key,))
            took = time.perf_counter() - start
            # Checkpoint here, outside the write lock: else the next small commit of another
            # writer would checkpoint the import's whole WAL itself (a second's wait).
            event._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            seq = last + 1
            size = max(
                COPY_MIN_ROWS, min(COPY_MAX_ROWS, int(size * COPY_TARGET_S / max(took, 1e-3)))
            )
    except BaseException:
        with contextlib.suppress(Exception):  # else the next opening of the file undoes it
            undo_import(event, key)
        raise


def undo_import(event: Event, key: str) -> None:
    """Take out the notes an unfinished import copied (its journal `key`), in short
    transactions, then its journal."""
    with event._read() as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        return
    for first, last in json.loads(row[0]).get("ranges", []):
        for low in range(int(first), int(last) + 1, COPY_MAX_ROWS):
            high = min(int(last), low + COPY_MAX_ROWS - 1)
            with event._write() as tx:
                tx.execute("DELETE FROM note_revisions WHERE note_id BETWEEN ? AND ?", (low, high))
                tx.execute(
                    "DELETE FROM notes WHERE id BETWEEN ? AND ? AND origin = 'import'", (low, high)
                )
    with event._write() as tx:
        tx.execute("DELETE FROM meta WHERE key = ?", (key,))


def recover_imports(event: Event) -> int:
    """Undo the imports whose process was killed half-way (on this computer); how many."""
    with event._read() as conn:
        rows = conn.execute(
            "SELECT key, value FROM meta WHERE key LIKE ?", (JOURNAL_PREFIX + "%",)
        ).fetchall()
    undone = 0
    for key, value in rows:
        try:
            journal = json.loads(value)
            pid, host = int(journal["pid"]), str(journal.get("host", ""))
        except (ValueError, KeyError, TypeError):
            continue
        if host != socket.gethostname() or _alive(pid):
            continue
        undo_import(event, key)
        undone += 1
    return undone


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True
