"""Files made by `new`, upgrades and outputs are whole or absent: a killed run's temporary
files are removed by the next one, a failed backup leaves nothing."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys

import pytest

from facilitation.cli import main
from facilitation.outputs import atomic_output, output_error
from facilitation.paths import sessions_dir
from facilitation.store import schema

SCRIPT = sessions_dir() / "english-community-cafe.md"


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_new_removes_what_a_killed_new_left_and_keeps_a_running_ones(tmp_path, capsys):
    dead = tmp_path / f".cafe.db.{dead_pid()}.0123abcd.tmp"
    dead_wal = tmp_path / f"{dead.name}-wal"
    running = tmp_path / f".cafe.db.{os.getppid()}.4567cdef.tmp"
    someone_elses = tmp_path / ".notes.txt.tmp"
    for leftover in (dead, dead_wal, running, someone_elses):
        leftover.write_bytes(b"half")
    assert main(["new", str(SCRIPT), "--event", str(tmp_path / "cafe.db")]) == 0
    assert not dead.exists() and not dead_wal.exists()
    assert running.exists() and someone_elses.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["cafe.db"]


def test_a_failed_backup_leaves_no_half_made_file(tmp_path):
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.execute("CREATE TABLE t (x)")
    conn.close()  # backing up a closed connection fails half-way in
    target = tmp_path / "old.v1-backup.db"
    with pytest.raises(sqlite3.ProgrammingError):
        schema.backup(conn, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]


def test_a_backup_is_complete_when_it_appears(tmp_path):
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    target = tmp_path / "old.v1-backup.db"
    schema.backup(conn, target)
    conn.close()
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT x FROM t").fetchall() == [(1,)]
    copy.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db", "old.v1-backup.db"]


def test_an_output_failing_half_way_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "plan.csv"
    out.write_text("old plan", encoding="utf-8")
    with pytest.raises(OSError), atomic_output(out) as fh:
        fh.write("new pl")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert out.read_text(encoding="utf-8") == "old plan"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.csv"]


@pytest.mark.parametrize(
    ("number", "words"),
    [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "this folder is read-only")],
)
def test_output_errors_are_named_for_what_they_are(tmp_path, number, words):
    error = output_error(OSError(number, os.strerror(number)), tmp_path / "x.csv")
    assert words in str(error) and str(error).startswith(str(tmp_path / "x.csv"))
