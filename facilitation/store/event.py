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
from facilitation.store.opening import (  # SQLITE_HEADER, check_header: public here too
    SQLITE_HEADER,
    _migrate_with_backup,
    _recognise,
    check_header,
)

__all__ = ["SQLITE_HEADER", "Event", "check_header"]
from facilitation.store.openspace import OpenSpaceMixin
from facilitation.store.people import PeopleMixin
from facilitation.store.runlog import RunLogMixin
from facilitation.store.text import clean


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
        # How long a change waits for another program's write lock before WriteUnavailable
        # ("locked"): screens use a short wait and retry, commands the default.
        self.read_only = False  # opened read-only (a read-only folder or disk): writes fail
        self._read_only_kind = ""  # "readonly", or "full" when a full disk forced it
        self.write_deadline_s: float | None = None
        self.on_lock_wait: Callable[[float], None] | None = None  # "still waiting (n s)"

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
            with contextlib.suppress(OSError):  # none, or a read-only folder (said below)
                orphan.unlink()
        schema.remove_stale_temporaries(path.parent)  # what a killed `new` left behind
        tmp = schema.temporary_path(path)
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
        except OSError as exc:  # a full disk, a read-only folder: named as such
            from facilitation.outputs import output_error

            raise output_error(exc, path) from None
        except sqlite3.Error as exc:  # e.g. a folder we may not write in
            kind = connection.fault_kind(exc)
            reason = connection.fault_message(kind, reason=str(exc)) if kind else str(exc)
            if kind == "full":
                reason = _("the disk is full: nothing was written; free some space and try again")
            elif kind in ("readonly", "io"):
                reason = _("this folder is read-only: nothing was written; choose another folder")
            raise UserError(
                _("cannot create the event file: {reason}").format(reason=reason), path=path
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
        read_only: str | None = None  # why it is opened read-only: "readonly" or "full"
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:  # a read-only folder or disk: the file can still be read
            kind = connection.fault_kind(exc)
            if kind not in ("readonly", "io", "full"):
                conn.close()
                raise UserError(
                    _("cannot open the event file: {reason}").format(reason=exc), path=path
                ) from None
            conn.close()
            try:
                conn = connection.connect_read_only(path)
            except sqlite3.Error as again:
                raise UserError(
                    _("cannot open the event file: {reason}").format(reason=again), path=path
                ) from None
            read_only = "full" if kind == "full" else "readonly"
        try:
            version = _recognise(conn, path)
            if read_only and version < schema.SCHEMA_VERSION:
                raise UserError(
                    _(
                        "this event file was made by an older version and is read-only here:"
                        " copy it to a folder you may write in to upgrade it"
                    ),
                    path=path,
                )
            if not read_only:
                connection.apply_pragmas(conn)
            if version < schema.SCHEMA_VERSION:
                _migrate_with_backup(conn, path)
        except sqlite3.DatabaseError as exc:
            conn.close()
            kind = connection.fault_kind(exc)
            reason = connection.fault_message(kind, reason=str(exc)) if kind else str(exc)
            raise UserError(
                _("cannot open the event file: {reason}").format(reason=reason), path=path
            ) from None
        except BaseException:
            conn.close()
            raise
        event = cls(path, conn, clock)
        event.read_only = read_only is not None
        event._read_only_kind = read_only or ""
        if not event.read_only:
            from facilitation.store.staging import recover_imports

            with contextlib.suppress(connection.WriteUnavailable):  # tried again next time
                recover_imports(event)  # an import killed half-way is taken out
        return event

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
        from facilitation.store.live import apply_layouts  # slots and spaces changed live

        with self._read() as conn:
            row = conn.execute("SELECT json FROM script WHERE id = 1").fetchone()
        return apply_layouts(self, SessionScript.model_validate_json(row[0]))

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
            if self.read_only and self._read_only_kind == "full" and not self._reopen_writable():
                raise connection.WriteUnavailable("full", path=self.path)
            self._depth = 1
            try:
                with connection.write(
                    self._conn, deadline_s=self.write_deadline_s, on_wait=self.on_lock_wait
                ) as conn:
                    yield conn
                self._own_writes += 1
            except sqlite3.Error as exc:
                kind = connection.fault_kind(exc)
                if kind is None:
                    raise
                waited = self.write_deadline_s or connection.WRITE_DEADLINE_S
                raise connection.WriteUnavailable(
                    kind,
                    waited=waited if kind == "locked" else 0.0,
                    reason=str(exc),
                    path=self.path,
                ) from exc
            finally:
                self._depth = 0

    def _reopen_writable(self) -> bool:
        """Opened read-only because the disk was full: if there is room now, go on with a
        normal connection (True)."""
        conn: sqlite3.Connection | None = None
        try:
            conn = connection.connect(self.path)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            if conn is not None:
                conn.close()
            return False
        self._conn.close()
        self._conn = conn
        self.read_only = False
        self._read_only_kind = ""
        return True

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
