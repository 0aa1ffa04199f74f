"""`Event`: one event file, opened by one process (many processes may open the same file).

    with Event.create("cafe.db", script, source_text, "cafe.md") as event: ...
    with Event.open("cafe.db") as event:
        note_id = event.add_note(block=1, round=1, table=3, text="...", author="Ana")
        if event.changed(): refresh()

Every method of the families (notes, people, run log, Open Space, access codes, drafts) lives on
`Event` through the mixins of `facilitation.store.<family>`. Every change is one
`BEGIN IMMEDIATE` transaction that has been committed (and synced) when the method returns.
An `Event` may be shared by the threads of one process (an internal lock serialises them).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path

from facilitation.errors import UserError
from facilitation.i18n import _
from facilitation.models import SessionScript
from facilitation.store import connection, schema
from facilitation.store.access import AccessMixin
from facilitation.store.drafts import DraftsMixin
from facilitation.store.notes import NotesMixin
from facilitation.store.openspace import OpenSpaceMixin
from facilitation.store.people import PeopleMixin
from facilitation.store.runlog import RunLogMixin
from facilitation.store.text import clean

SQLITE_HEADER = b"SQLite format 3\x00"


class Event(NotesMixin, PeopleMixin, RunLogMixin, OpenSpaceMixin, AccessMixin, DraftsMixin):
    """An open event file. Build it with `Event.create`, `Event.open` or `Event.open_or_create`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, clock: Callable[[], float]):
        self.path = path
        self._conn = conn
        self._clock = clock
        self._lock = threading.RLock()
        self._depth = 0  # nesting of transaction()
        self._own_writes = 0  # commits through this object (data_version does not see them)
        self._last_seen = self.change_marker()  # for changed()

    # ---- opening -------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: str | Path,
        script: SessionScript,
        source_text: str,
        source_name: str,
        *,
        clock: Callable[[], float] = time.time,
    ) -> Event:
        """Create a new event file from `script` (its snapshot is stored) and open it.

        Raises UserError if `path` already exists (an event is never overwritten). The file is
        built under a temporary name and linked into place, so a crash leaves no half-made event.
        """
        path = Path(path)
        if path.exists():
            raise UserError(_("this file already exists; choose another name"), path=path)
        if not path.parent.is_dir():
            raise UserError(_("this folder does not exist"), path=path.parent)
        # A -wal/-shm left by a deleted event (its console was killed) would be replayed into
        # the new file: without their database they belong to nothing, so they go.
        for orphan in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            with contextlib.suppress(FileNotFoundError):
                orphan.unlink()
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            conn = connection.connect_raw(tmp)
            try:
                connection.apply_pragmas(conn)
                with connection.write(conn):
                    schema.migrate(conn, 0)
                    now = clock()
                    conn.execute(
                        "INSERT INTO script (id, json, source_text, source_name, created_at)"
                        " VALUES (1, ?, ?, ?, ?)",
                        (script.model_dump_json(), clean(source_text), clean(source_name), now),
                    )
                    from facilitation import __version__

                    meta = {
                        "event_id": uuid.uuid4().hex,
                        "created_at": repr(now),
                        "created_by": f"facilitation {__version__}",
                    }
                    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
            finally:
                conn.close()  # checkpoints and removes the -wal file
            try:
                os.link(tmp, path)  # fails if someone created `path` meanwhile
            except FileExistsError:
                raise UserError(
                    _("this file already exists; choose another name"), path=path
                ) from None
            except OSError:  # a file system without hard links (FAT, some network shares)
                if path.exists():
                    raise UserError(
                        _("this file already exists; choose another name"), path=path
                    ) from None
                os.replace(tmp, path)
        except OSError as exc:
            raise UserError(
                _("cannot create the event file: {reason}").format(reason=exc.strerror), path=path
            ) from None
        except sqlite3.Error as exc:  # e.g. a folder we may not write in
            raise UserError(
                _("cannot create the event file: {reason}").format(reason=exc), path=path
            ) from None
        finally:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        return cls.open(path, clock=clock)

    @classmethod
    def open(cls, path: str | Path, *, clock: Callable[[], float] = time.time) -> Event:
        """Open an existing event file, migrating it (after a backup copy beside it) if it was
        made by an older version. Raises UserError if the file is missing, is not an event file,
        or was made by a newer version."""
        path = Path(path)
        check_header(path)
        try:
            conn = connection.connect_raw(path)
        except sqlite3.Error as exc:
            raise UserError(
                _("cannot open the event file: {reason}").format(reason=exc), path=path
            ) from None
        try:
            version = _recognise(conn, path)
            connection.apply_pragmas(conn)
            if version < schema.SCHEMA_VERSION:
                _migrate_with_backup(conn, path)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise UserError(
                _("cannot open the event file: {reason}").format(reason=exc), path=path
            ) from None
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, clock)

    @classmethod
    def open_or_create(
        cls,
        path: str | Path,
        script: SessionScript,
        source_text: str,
        source_name: str,
        *,
        clock: Callable[[], float] = time.time,
    ) -> Event:
        """Open `path`, or create it from `script` when it does not exist yet (`run`)."""
        path = Path(path)
        if not path.exists():
            try:
                return cls.create(path, script, source_text, source_name, clock=clock)
            except UserError:
                if not path.exists():
                    raise  # the error was not "someone else created it first"
        return cls.open(path, clock=clock)

    # ---- the event -----------------------------------------------------------------------

    @cached_property
    def script(self) -> SessionScript:
        """The script as it was when the event was created (later edits of the file do not
        change it)."""
        with self._read() as conn:
            row = conn.execute("SELECT json FROM script WHERE id = 1").fetchone()
        return SessionScript.model_validate_json(row[0])

    @property
    def script_source(self) -> tuple[str, str]:
        """(source_name, source_text) of the script snapshot."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT source_name, source_text FROM script WHERE id = 1"
            ).fetchone()
        return row[0], row[1]

    @property
    def language(self) -> str:
        """The event's language ("fr" or "en"); commands speak it unless --lang says otherwise."""
        return self.script.event.language

    @property
    def title(self) -> str:
        return self.script.event.title

    def meta(self) -> dict[str, str]:
        """event_id, created_at, created_by, ... (free key/values)."""
        with self._read() as conn:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())

    def schema_version(self) -> int:
        with self._read() as conn:
            return schema.user_version(conn)

    def change_marker(self) -> tuple[int, int]:
        """A value that differs as soon as anything was committed to the file, by any process
        or through this object. Cheap (one `PRAGMA data_version`). Each watcher keeps the last
        marker it saw, so several watchers on one Event never take each other's news."""
        with self._lock:
            return self._pragma_data_version(), self._own_writes

    def changed(self) -> bool:
        """True if anything was committed since the previous call (for a single watcher; screens
        use `change_marker` through facilitation.tui.watch). The first call after opening
        returns False unless something changed since the file was opened."""
        marker = self.change_marker()
        changed = marker != self._last_seen
        self._last_seen = marker
        return changed

    def integrity_check(self) -> str:
        """ "ok", or SQLite's description of the damage."""
        with self._read() as conn:
            return "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> Event:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Event({str(self.path)!r})"

    # ---- transactions --------------------------------------------------------------------

    def _now(self) -> float:
        return float(self._clock())

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, for bulk work (an import, a generated event): every method
        called inside it joins it, and everything is committed (and synced) once, at the end,
        or not at all if an exception leaves the block. Nested calls join the outer one."""
        with self._lock:
            if self._conn is None:
                raise RuntimeError("the event is closed")
            if self._depth:
                self._depth += 1
                try:
                    yield self._conn
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            try:
                with connection.write(self._conn) as conn:
                    yield conn
                self._own_writes += 1
            finally:
                self._depth = 0

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A consistent view of the file for several reads (an export), even while other
        processes write."""
        with self._lock:
            if self._conn is None:
                raise RuntimeError("the event is closed")
            with connection.read(self._conn) as conn:
                yield conn

    # The names the family mixins use (see facilitation.store.base.EventCore).
    _write = transaction
    _read = snapshot

    def _pragma_data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]


def check_header(path: Path) -> None:
    """UserError unless `path` is a file that starts like an SQLite database."""
    if not path.exists():
        raise UserError(_("no such event file"), path=path)
    if not path.is_file():
        raise UserError(_("this is not a file"), path=path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UserError(
            _("cannot read this file: {reason}").format(reason=exc.strerror), path=path
        ) from None
    if not head:
        raise UserError(_("this file is empty: it is not an event file"), path=path)
    if head != SQLITE_HEADER:
        raise UserError(_("this is not an event file (not an SQLite database)"), path=path)


def _recognise(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of an event file; UserError for any other database."""
    try:
        app_id = schema.application_id(conn)
        version = schema.user_version(conn)
    except sqlite3.DatabaseError as exc:
        raise UserError(
            _("this is not an event file ({reason})").format(reason=exc), path=path
        ) from None
    if app_id != schema.APPLICATION_ID:
        raise UserError(
            _("this is an SQLite database, but not an event file of facilitation"), path=path
        )
    if version > schema.SCHEMA_VERSION:
        raise UserError(
            _(
                "this event file was made by a newer version of facilitation (schema {found},"
                " this version reads up to {supported}); update facilitation to open it"
            ).format(found=version, supported=schema.SCHEMA_VERSION),
            path=path,
        )
    if version < 1:
        raise UserError(_("this event file is incomplete (it has no tables)"), path=path)
    return version


def _migrate_with_backup(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the file to SCHEMA_VERSION, after writing a copy of it beside it. Several processes
    opening the same old file at once: each may write a backup, the first migrates, the others
    find it done. (The copy is made before taking the write lock: SQLite's backup cannot run
    inside the connection's own write transaction.)"""
    version = schema.user_version(conn)
    target = schema.backup_path(path, version)
    try:
        schema.backup(conn, target)
    except (sqlite3.Error, OSError) as exc:
        raise UserError(
            _("cannot write a backup before upgrading the event file: {reason}").format(reason=exc),
            path=target,
        ) from None
    with connection.write(conn):
        version = schema.user_version(conn)
        if version < schema.SCHEMA_VERSION:
            schema.migrate(conn, version)
