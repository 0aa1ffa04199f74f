"""Opening, creating, recognising and migrating event files."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from facilitation.errors import UserError
from facilitation.store import SCHEMA_VERSION, Event, schema
from facilitation.store.sample import sample_script


def make(tmp_path, name="event.db", **kw):
    script = sample_script(**kw)
    return Event.create(tmp_path / name, script, "# source\n", "cafe.md")


def test_create_stores_a_snapshot_of_the_script(tmp_path):
    script = sample_script()
    with Event.create(tmp_path / "e.db", script, "# Café\ntexte", "cafe.md") as event:
        assert event.script == script
        assert event.language == "fr"
        assert event.title == "Forum régional 2026"
        assert event.script_source == ("cafe.md", "# Café\ntexte")
    script.event.title = "changed later"
    with Event.open(tmp_path / "e.db") as event:
        assert event.script.event.title == "Forum régional 2026"
        assert event.schema_version() == SCHEMA_VERSION
        assert event.integrity_check() == "ok"
        assert event.meta()["event_id"]


@pytest.mark.durable
def test_pragmas(tmp_path):
    with make(tmp_path) as event:
        conn = event._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_create_refuses_an_existing_file(tmp_path):
    make(tmp_path).close()
    with pytest.raises(UserError, match="already exists"):
        make(tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_open_or_create(tmp_path):
    path = tmp_path / "e.db"
    with Event.open_or_create(path, sample_script(), "x", "x.md") as event:
        event.add_note(1, "first", table=1, round=1)
    with Event.open_or_create(path, sample_script(language="en"), "y", "y.md") as event:
        assert event.language == "fr"  # the existing event, not a new one
        assert len(event.list_notes()) == 1


def test_missing_file(tmp_path):
    with pytest.raises(UserError, match="no such event file"):
        Event.open(tmp_path / "nope.db")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(UserError, match="empty") as info:
        Event.open(path)
    assert info.value.path == str(path)


def test_random_file(tmp_path):
    path = tmp_path / "random.db"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(UserError, match="not an event file"):
        Event.open(path)
    text = tmp_path / "notes.txt"
    text.write_text("Bonjour\n", encoding="utf-8")
    with pytest.raises(UserError, match="not an event file"):
        Event.open(text)


def test_other_sqlite_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="not an event file"):
        Event.open(path)
    assert path.read_bytes() == before  # not switched to WAL, not touched


def test_newer_version_is_refused(tmp_path):
    path = tmp_path / "e.db"
    make(tmp_path, "e.db").close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(UserError, match="newer version"):
        Event.open(path)


def _make_v1(path, script):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    schema.migrate(conn, 0, target=1)
    conn.execute(
        "INSERT INTO script (id, json, source_text, source_name, created_at) VALUES (1,?,?,?,0)",
        (script.model_dump_json(), "src", "v1.md"),
    )
    conn.execute(
        "INSERT INTO notes (block, round, table_no, kind, text, created_at, updated_at)"
        " VALUES (1, 1, 2, 'table', 'written by v1', 1, 1)"
    )
    conn.execute(
        "INSERT INTO note_revisions (note_id, revision, action, text, at)"
        " VALUES (1, 1, 'created', 'written by v1', 1)"
    )
    conn.execute("COMMIT")
    conn.close()


def test_v1_file_is_migrated_after_a_backup(tmp_path):
    path = tmp_path / "old.db"
    _make_v1(path, sample_script())
    with Event.open(path) as event:
        assert event.schema_version() == SCHEMA_VERSION
        notes = event.list_notes()
        assert [n.text for n in notes] == ["written by v1"]
        assert notes[0].origin == ""
        event.add_note(1, "after", table=1, round=1, origin="capture")
        assert event.list_notes()[-1].origin == "capture"
    backups = sorted(tmp_path.glob("old.v1-backup-*.db"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT text FROM notes").fetchall() == [("written by v1",)]
    conn.close()
    # opening again: nothing to migrate, no second backup
    Event.open(path).close()
    assert len(list(tmp_path.glob("old.v1-backup-*.db"))) == 1


def _make_v3(path, script):
    """A v3 file (before drafts had tags) with a note and two drafts: one new, one an edit."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    schema.migrate(conn, 0, target=3)
    conn.execute(
        "INSERT INTO script (id, json, source_text, source_name, created_at) VALUES (1,?,?,?,0)",
        (script.model_dump_json(), "src", "v3.md"),
    )
    conn.execute(
        "INSERT INTO notes (block, round, table_no, kind, text, tags, created_at, updated_at)"
        """ VALUES (1, 1, 2, 'table', 'tagged by v3', '["housing"]', 1, 1)"""
    )
    conn.executemany(
        "INSERT INTO drafts (key, text, note_id, updated_at) VALUES (?, ?, ?, ?)",
        [
            ("capture/t2/ana/b1/r1/new", "typed under v3", None, 5),
            ("capture/t2/ana/b1/r1/n1", "tagged by v3, edited", 1, 6),
        ],
    )
    conn.execute("COMMIT")
    conn.close()


def test_v3_file_is_migrated_to_v4_after_a_backup_and_keeps_its_drafts(tmp_path):
    path = tmp_path / "v3.db"
    _make_v3(path, sample_script())
    with Event.open(path) as event:
        assert event.schema_version() == SCHEMA_VERSION
        drafts = event.list_drafts()
        assert [(d.key, d.text, d.note_id) for d in drafts] == [
            ("capture/t2/ana/b1/r1/new", "typed under v3", None),
            ("capture/t2/ana/b1/r1/n1", "tagged by v3, edited", 1),
        ]
        # A new note's draft had no tags; an edit's draft had the tags of its note.
        assert [d.tags for d in drafts] == [[], ["housing"]]
        event.save_draft("capture/t2/ana/b1/r1/new", "typed under v4", tags=["youth"])
        assert event.get_draft("capture/t2/ana/b1/r1/new").tags == ["youth"]
    [backup] = tmp_path.glob("v3.v3-backup-*.db")
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert conn.execute("SELECT text FROM drafts ORDER BY updated_at").fetchall() == [
        ("typed under v3",),
        ("tagged by v3, edited",),
    ]
    conn.close()
    Event.open(path).close()  # migrated once: no second backup
    assert len(list(tmp_path.glob("v3.v3-backup-*.db"))) == 1


def test_changed_sees_other_connections(tmp_path):
    with make(tmp_path) as watcher:
        assert watcher.changed() is False
        assert watcher.changed() is False
        with Event.open(tmp_path / "event.db") as writer:
            writer.add_note(1, "hello", table=1, round=1)
        assert watcher.changed() is True
        assert watcher.changed() is False
        watcher.add_note(1, "own write", table=1, round=1)
        assert watcher.changed() is True
        assert watcher.changed() is False


def test_shared_between_threads(tmp_path):
    with make(tmp_path) as event:

        def work(n):
            for i in range(20):
                event.add_note(1, f"{n}-{i}", table=n, round=1)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(event.list_notes()) == 80


def test_closed_event_refuses_work(tmp_path):
    event = make(tmp_path)
    event.close()
    event.close()
    with pytest.raises(RuntimeError):
        event.list_notes()


def test_changed_is_cheap(tmp_path):
    # Cheap by construction: one `PRAGMA data_version` a call, no table read. (How fast that
    # is belongs to a benchmark, not to a test that a loaded machine could fail.)
    with make(tmp_path) as event:
        statements: list[str] = []
        event._conn.set_trace_callback(statements.append)
        for _ in range(100):
            event.changed()
        assert statements == ["PRAGMA data_version"] * 100


def test_cli_new_creates_an_event_from_a_script(tmp_path, capsys):
    from pathlib import Path

    from facilitation.cli import main

    source = Path(__file__).parent.parent / "sessions" / "english-community-cafe.md"
    script = tmp_path / "cafe.md"
    script.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["new", str(script), "--event", str(tmp_path / "cafe.db"), "--lang", "en"]) == 0
    assert "Created" in capsys.readouterr().out
    script.write_text("# changed after the event was created\n", encoding="utf-8")
    with Event.open(tmp_path / "cafe.db") as event:
        assert event.script.blocks
        assert event.script_source[1] == source.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert main(["new", str(script), "--event", str(tmp_path / "cafe.db"), "--lang", "en"]) == 1
    assert "already exists" in capsys.readouterr().err
    # default event name: the script's, with .db
    script.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cafe.db").rename(tmp_path / "old.db")
    assert main(["new", str(script), "--lang", "en"]) == 0
    assert (tmp_path / "cafe.db").exists()


def test_cli_new_refuses_a_bad_script(tmp_path, capsys):
    from facilitation.cli import main

    script = tmp_path / "bad.md"
    script.write_text("no front matter, no block\n", encoding="utf-8")
    assert main(["new", str(script), "--event", str(tmp_path / "e.db"), "--lang", "en"]) == 1
    assert str(script) in capsys.readouterr().err
    assert not (tmp_path / "e.db").exists()


def test_a_writer_waits_for_the_lock_instead_of_failing(tmp_path):
    import time

    with make(tmp_path) as event:
        other = sqlite3.connect(
            tmp_path / "event.db", isolation_level=None, check_same_thread=False
        )
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        committed_at: list[float] = []

        def commit() -> None:
            committed_at.append(time.perf_counter())
            other.execute("COMMIT")

        timer = threading.Timer(0.3, commit)
        timer.start()
        note_id = event.add_note(1, "waited", table=1, round=1)
        done = time.perf_counter()
        timer.join()
        assert committed_at and done > committed_at[0]  # it waited for the other writer
        other.close()
        assert event.get_note(note_id).text == "waited"
        assert event.meta()["x"] == "y"


def test_many_processes_opening_an_old_file_at_once(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "old.db"
    _make_v1(path, sample_script())

    def open_and_write(n):
        with Event.open(path) as event:
            return event.add_note(1, f"n{n}", table=1, round=1)

    with ThreadPoolExecutor(6) as pool:
        ids = list(pool.map(open_and_write, range(6)))
    assert len(set(ids)) == 6
    with Event.open(path) as event:
        assert event.schema_version() == SCHEMA_VERSION
        assert len(event.list_notes()) == 7
    assert list(tmp_path.glob("old.v1-backup-*.db"))


def test_create_ignores_the_wal_of_a_deleted_event(tmp_path):
    """A console killed on an event that was then deleted leaves EVENT.db-wal behind; a new
    event at the same path must not replay it."""
    import shutil

    from facilitation.store.sample import sample_script

    path = tmp_path / "cafe.db"
    wal = tmp_path / "cafe.db-wal"
    with Event.create(path, sample_script("fr"), "", "old.md") as old:
        old.add_note(1, "ancienne note", round=1, table=1)
        shutil.copy(wal, tmp_path / "left-behind")  # what a killed process leaves
    path.unlink()
    shutil.copy(tmp_path / "left-behind", wal)
    with Event.create(path, sample_script("en"), "", "new.md") as event:
        assert event.list_notes() == []
        assert event.script.event.language == "en"
        assert event.integrity_check() == "ok"
