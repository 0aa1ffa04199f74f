"""A large notes import never holds the write lock long, and stays all or nothing: a failure
half-way or a killed import leaves no note of it."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sqlite3
import threading
import time

import pytest
from pilot_support import NapClock

from facilitation.store import Event, connection, staging
from facilitation.store.connection import WriteUnavailable
from facilitation.store.importing import import_csv
from facilitation.store.sample import sample_script

ROWS = 10_000


@pytest.fixture
def small_copies(monkeypatch):
    """The copy transactions shrunk, as a million-row import would have them: ROWS notes are
    copied in 15 transactions or more."""
    monkeypatch.setattr(staging, "COPY_FIRST_ROWS", 300)
    monkeypatch.setattr(staging, "COPY_MIN_ROWS", 70)
    monkeypatch.setattr(staging, "COPY_MAX_ROWS", 700)


def make(tmp_path, rows: int = ROWS):
    path = tmp_path / "e.db"
    Event.create(path, sample_script("en"), "", "s.md").close()
    csv_path = tmp_path / "notes.csv"
    with csv_path.open("w", encoding="utf-8") as fh:
        fh.write("text,table,round\n")
        for i in range(rows):
            fh.write(f"note {i},{i % 4 + 1},{i % 3 + 1}\n")
    return path, csv_path


def counts(path) -> tuple[int, int, int]:
    conn = sqlite3.connect(path)
    try:
        notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
        revisions = conn.execute("SELECT count(*) FROM note_revisions").fetchone()[0]
        journals = conn.execute(
            "SELECT count(*) FROM meta WHERE key LIKE ?", (staging.JOURNAL_PREFIX + "%",)
        ).fetchone()[0]
    finally:
        conn.close()
    return notes, revisions, journals


def test_another_writer_gets_in_between_the_copies_of_a_large_import(tmp_path, small_copies):
    """A capture saving drafts while a large import runs is not held back until the end: its
    saves land between the import's copy transactions (how long it waits on a given machine is
    bench/import_lock.py's figure, not a bet of this test)."""
    path, csv_path = make(tmp_path)
    seen: list[int] = []  # the notes in the file right after each draft was saved
    stop = threading.Event()

    def note_taker() -> None:  # a capture saving drafts, through its own connection
        reader = sqlite3.connect(path)
        try:
            with Event.open(path) as other:
                n = 0
                while not stop.is_set():
                    other.save_draft(f"capture/t1/ana/b1/r1/new{n % 5}", f"draft {n}")
                    seen.append(reader.execute("SELECT count(*) FROM notes").fetchone()[0])
                    n += 1
                    time.sleep(0.005)
        finally:
            reader.close()

    thread = threading.Thread(target=note_taker)
    thread.start()
    try:
        with Event.open(path) as event:
            assert import_csv(event, csv_path, "notes") == ROWS
    finally:
        stop.set()
        thread.join()
    between = {count for count in seen if 0 < count < ROWS}
    assert len(between) >= 3, f"drafts saved only before or after the import: {sorted(set(seen))}"
    assert counts(path) == (ROWS, ROWS, 0)
    with Event.open(path) as event:
        notes = event.list_notes()
    assert [n.text for n in notes[:2]] == ["note 0", "note 1"] and notes[
        -1
    ].text == f"note {ROWS - 1}"
    assert {n.origin for n in notes} == {"import"}


def test_a_failure_half_way_takes_out_what_was_copied(tmp_path, small_copies, monkeypatch):
    path, csv_path = make(tmp_path, 4_000)  # 6 copy transactions or more (700 rows at most)
    real = connection._commit
    calls = [0]

    def commit(conn, deadline):  # the disk fills after a few copy transactions
        calls[0] += 1
        if calls[0] == 5:
            conn.execute("ROLLBACK")
            exc = sqlite3.OperationalError("database or disk is full")
            exc.sqlite_errorcode = connection.SQLITE_FULL  # type: ignore[attr-defined]
            raise exc
        real(conn, deadline)

    monkeypatch.setattr(connection, "_commit", commit)
    with Event.open(path) as event, pytest.raises(WriteUnavailable) as caught:
        import_csv(event, csv_path, "notes")
    assert caught.value.kind == "full"
    assert counts(path) == (0, 0, 0)


def _stuck_import(path: str, csv_path: str) -> None:
    original = connection.write

    def stuck(conn, **kwargs):  # once 1,000 notes are copied, the import hangs: time to kill it
        if conn.execute("SELECT count(*) FROM notes").fetchone()[0] >= 1_000:
            time.sleep(600)
        return original(conn, **kwargs)

    connection.write = stuck  # type: ignore[assignment]
    staging.COPY_FIRST_ROWS = staging.COPY_MIN_ROWS = staging.COPY_MAX_ROWS = 500
    with Event.open(path) as event:
        import_csv(event, csv_path, "notes")


def test_a_killed_import_is_taken_out_at_the_next_opening(tmp_path):
    path, csv_path = make(tmp_path, 5_000)
    child = mp.get_context("fork").Process(target=_stuck_import, args=(str(path), str(csv_path)))
    child.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        notes, _revisions, journals = counts(path)
        if journals and notes >= 1_000:
            break
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    notes, _revisions, journals = counts(path)
    assert journals == 1 and 0 < notes < 5_000  # killed half-way
    with Event.open(path) as event:
        assert event.list_notes() == []
    assert counts(path) == (0, 0, 0)


def test_import_says_it_waits_for_a_held_lock_then_names_it(tmp_path, monkeypatch, capsys):
    from facilitation.cli import main

    clock = NapClock()  # the wait for the lock on a clock of its own: no real second waited
    monkeypatch.setattr(connection, "lock_wait_clock", clock)
    monkeypatch.setattr(connection, "lock_wait_sleep", clock.sleep)
    monkeypatch.setattr(connection, "WRITE_DEADLINE_S", 3.0)  # 60 s in real life
    path, csv_path = make(tmp_path, 10)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        code = main(["import", str(path), str(csv_path), "--kind", "notes"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 1
    assert "waiting: another program is writing to the event file" in err
    assert "Another program has been holding the event file for 3 s" in err
    assert err.count("waiting: another program is writing") >= 2  # about once a second
    assert 3.0 < clock.now < 3.1  # it waited until the deadline, in tries a few ms apart
    assert clock.naps > 1_000
    assert "unexpected" not in err
    assert counts(path) == (0, 0, 0)
