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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_MS = 5_000  # for reads and pragmas (rare waits, e.g. a crash recovery)
WRITE_DEADLINE_S = 60.0  # give up (and raise) after waiting this long for the write lock
SYNCHRONOUS = "FULL"
SPIN_TIMEOUT_MS = 0  # busy timeout while `write()` waits for the lock with its own short sleeps
SPIN_MIN_SLEEP_S = 0.0002
SPIN_MAX_SLEEP_S = 0.002


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def connect_raw(path: str | Path) -> sqlite3.Connection:
    """A connection without any pragma, to look at a file before deciding it is an event."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


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
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """`with write(conn):` runs the block in one `BEGIN IMMEDIATE` transaction.

    Commits when the block ends, rolls back if it raises. While another process holds the write
    lock, `BEGIN IMMEDIATE` is retried every fraction of a millisecond (SQLite's own busy
    handler sleeps up to 100 ms between tries, which lets newcomers overtake a waiting writer
    again and again: with 20 writers flat out its p99 was ~80 ms and its worst case over 1 s).
    After WRITE_DEADLINE_S the `sqlite3.OperationalError` ("database is locked") goes up.
    """
    _begin_immediate(conn)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        _commit(conn, time.monotonic() + WRITE_DEADLINE_S)


def _begin_immediate(conn: sqlite3.Connection) -> None:
    deadline = time.monotonic() + WRITE_DEADLINE_S
    conn.execute(f"PRAGMA busy_timeout = {SPIN_TIMEOUT_MS}")
    try:
        delay = SPIN_MIN_SLEEP_S
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(random.uniform(0.5, 1.0) * delay)
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
