"""Opening an event file with the right pragmas, and the write transaction every change uses.

Choices (see docs/event-file.md):

- `journal_mode=WAL`: readers never block the writer and the writer never blocks readers, so the
  projector and the console keep refreshing while a note-taker saves.
- `synchronous=FULL`: in WAL mode, FULL syncs the log at every commit, so a commit that has
  returned survives a pulled plug, not only a killed process (NORMAL only guarantees the latter).
  Measured by bench/note_latency.py: the cost is small next to the lock wait with many writers.
- `foreign_keys=ON`, and a busy timeout for reads.
- Every change runs in `BEGIN IMMEDIATE`: the write lock is taken at the start, so concurrent
  writers wait their turn (retrying every 0.1-2 ms, up to WRITE_DEADLINE_S) instead of failing
  with SQLITE_BUSY when a read transaction would have to be upgraded to a write one.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from facilitation.errors import UserError
from facilitation.i18n import _

BUSY_TIMEOUT_MS = 5_000  # for reads and pragmas (rare waits, e.g. a crash recovery)
WRITE_DEADLINE_S = 60.0  # give up (and raise) after waiting this long for the write lock
SYNCHRONOUS = "FULL"
SPIN_TIMEOUT_MS = 0  # busy timeout while `write()` waits for the lock with its own short sleeps
SPIN_MIN_SLEEP_S = 0.0002
SPIN_MAX_SLEEP_S = 0.002


WAIT_REPORT_S = 1.0  # `on_wait` is called about this often while a write waits for the lock
# The clock and the sleep of that wait for the write lock (a test gives a fake clock whose
# sleep only moves it on, to wait out a deadline without waiting).
lock_wait_clock: Callable[[], float] = time.monotonic
lock_wait_sleep: Callable[[float], None] = time.sleep

# SQLite's primary result codes (the low byte of `sqlite3.Error.sqlite_errorcode`).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 10, 13, 14
FAULT_KINDS = ("readonly", "full", "locked", "io")
_KIND_OF_CODE = {
    SQLITE_PERM: "readonly",
    SQLITE_READONLY: "readonly",
    SQLITE_FULL: "full",
    SQLITE_BUSY: "locked",
    SQLITE_LOCKED: "locked",
    SQLITE_IOERR: "io",
    SQLITE_CANTOPEN: "io",
}


class WriteUnavailable(UserError):
    """A change cannot be written to the event file now: `kind` is "readonly", "full",
    "locked" (another program held the write lock for `waited` seconds) or "io". Nothing of
    the change was written; the caller keeps what it meant to write and may try again."""

    def __init__(self, kind: str, *, waited: float = 0.0, reason: str = "", path: object = None):
        self.kind = kind
        self.waited = waited
        self.reason = reason
        super().__init__(fault_message(kind, waited, reason), path=path)  # type: ignore[arg-type]


def fault_message(kind: str, waited: float = 0.0, reason: str = "") -> str:
    """The plain words for a write that cannot happen now, in the user's language."""
    if kind == "readonly":
        return _("The event file is read-only: nothing can be saved to it")
    if kind == "full":
        return _("The disk is full")
    if kind == "locked":
        return _("Another program has been holding the event file for {seconds} s").format(
            seconds=max(1, round(waited))
        )
    return _("The event file cannot be written ({reason})").format(reason=reason or "I/O")


def fault_kind(exc: BaseException) -> str | None:
    """ "readonly", "full", "locked" or "io" for an SQLite error that means "cannot write now"
    (told by its result code, never by its text); None for any other error."""
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(exc, sqlite3.Error) or not isinstance(code, int):
        return None
    return _KIND_OF_CODE.get(code & 0xFF)


def _is_busy(exc: sqlite3.Error) -> bool:
    return fault_kind(exc) == "locked"


def connect_raw(path: str | Path) -> sqlite3.Connection:
    """A connection without any pragma, to look at a file before deciding it is an event."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """A read-only connection, for an event file in a folder (or on a disk) we may not write:
    `mode=ro`, else `immutable=1` when not even the WAL index can be made (a read-only file
    system, where nobody can change the file behind our back)."""
    from urllib.parse import quote

    base = "file:" + quote(str(Path(path).resolve()))
    last: sqlite3.Error | None = None
    for options in ("?mode=ro", "?mode=ro&immutable=1"):
        conn = sqlite3.connect(
            base + options,
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            conn.execute("PRAGMA user_version").fetchone()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            conn.close()
            last = exc
            continue
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    assert last is not None
    raise last


def apply_pragmas(conn: sqlite3.Connection) -> None:
    """WAL, synchronous, foreign keys: set on every connection to an event file."""
    deadline = time.monotonic() + WRITE_DEADLINE_S
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            break
        except sqlite3.OperationalError as exc:  # another process is switching it right now
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
    if str(mode).lower() != "wal":  # e.g. a read-only folder: keep going, but say so in tests
        raise sqlite3.OperationalError(f"cannot switch the event file to WAL mode ({mode})")
    conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    conn.execute("PRAGMA foreign_keys = ON")


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection to an event file with every pragma set (autocommit; use `write()`)."""
    conn = connect_raw(path)
    apply_pragmas(conn)
    return conn


@contextmanager
def write(
    conn: sqlite3.Connection,
    *,
    deadline_s: float | None = None,
    on_wait: Callable[[float], None] | None = None,
) -> Iterator[sqlite3.Connection]:
    """`with write(conn):` runs the block in one `BEGIN IMMEDIATE` transaction.

    Commits when the block ends, rolls back if it raises. While another process holds the write
    lock, `BEGIN IMMEDIATE` is retried every fraction of a millisecond (SQLite's own busy
    handler sleeps up to 100 ms between tries, which lets newcomers overtake a waiting writer
    again and again: with 20 writers flat out its p99 was ~80 ms and its worst case over 1 s).
    After `deadline_s` (WRITE_DEADLINE_S by default) the `sqlite3.OperationalError` ("database
    is locked") goes up. `on_wait(seconds)` is called about every WAIT_REPORT_S while waiting.
    """
    limit = WRITE_DEADLINE_S if deadline_s is None else deadline_s
    _begin_immediate(conn, limit, on_wait)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        _commit(conn, time.monotonic() + limit)


def _begin_immediate(
    conn: sqlite3.Connection, limit: float, on_wait: Callable[[float], None] | None
) -> None:
    clock, sleep = lock_wait_clock, lock_wait_sleep
    start = clock()
    deadline = start + limit
    reported = start
    conn.execute(f"PRAGMA busy_timeout = {SPIN_TIMEOUT_MS}")
    try:
        delay = SPIN_MIN_SLEEP_S
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                now = clock()
                if not _is_busy(exc) or now > deadline:
                    raise
                if on_wait is not None and now - reported >= WAIT_REPORT_S:
                    reported = now
                    on_wait(now - start)
            sleep(random.uniform(0.5, 1.0) * delay)
            delay = min(delay * 1.5, SPIN_MAX_SLEEP_S)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _commit(conn: sqlite3.Connection, deadline: float) -> None:
    while True:
        try:
            conn.execute("COMMIT")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            time.sleep(random.uniform(0.001, 0.01))


@contextmanager
def read(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """`with read(conn):` several SELECTs see one consistent snapshot (a deferred transaction)."""
    if conn.in_transaction:  # nested in a write: already consistent
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
