"""The tables of an event file, per schema version, and the forward migrations between them.

An event file is recognised by `PRAGMA application_id = APPLICATION_ID`; its schema version is
`PRAGMA user_version`. A new file is built by running every step from version 0, so the path an
old file takes when migrated is the path every new file takes too (and is always tested).

To change the schema: append a function to MIGRATIONS (never edit a released one); it gets a
connection inside the migrating transaction. SCHEMA_VERSION follows automatically.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from facilitation.store.web_schema import add_web_tables

APPLICATION_ID = 0x46434C54  # "FCLT": facilitation event file

_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE script (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL,            -- SessionScript.model_dump_json()
    source_text TEXT NOT NULL,     -- the Markdown as it was when the event was created
    source_name TEXT NOT NULL,     -- the script file's name
    created_at REAL NOT NULL
);

CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',          -- 'host' marks a World Café table host
    language TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',       -- JSON object: any other column of the import
    created_at REAL NOT NULL
);

CREATE TABLE seating (
    block INTEGER NOT NULL,
    round INTEGER NOT NULL,
    table_no INTEGER NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    host INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (block, round, participant_id)
);

CREATE TABLE run_log (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    action TEXT NOT NULL,          -- started, paused, resumed, extended, ended, goto, reset
    step_index INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);

CREATE TABLE timer (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    step_index INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'idle'
        CHECK (status IN ('idle', 'running', 'paused', 'ended')),
    deadline REAL,                 -- UTC epoch seconds when running
    remaining REAL,                -- seconds left when paused
    started_at REAL,               -- when the current step was started
    updated_at REAL NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    block INTEGER NOT NULL,
    title TEXT NOT NULL,
    convener TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    slot INTEGER,                  -- 0-based index into the block's slots
    space INTEGER,                 -- 0-based index into the block's spaces
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn', 'merged')),
    merged_into INTEGER REFERENCES topics(id),
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    block INTEGER NOT NULL,
    round INTEGER,
    table_no INTEGER,
    topic_id INTEGER REFERENCES topics(id),
    kind TEXT NOT NULL CHECK (kind IN ('table', 'plenary', 'topic')),
    author TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',        -- JSON list of codebook ids
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    deleted_at REAL,                        -- soft delete
    revision INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE note_revisions (
    note_id INTEGER NOT NULL REFERENCES notes(id),
    revision INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('created', 'edited', 'deleted', 'restored')),
    text TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    author TEXT NOT NULL DEFAULT '',
    at REAL NOT NULL,
    PRIMARY KEY (note_id, revision)
);

CREATE TABLE reports (
    topic_id INTEGER PRIMARY KEY REFERENCES topics(id),
    convener TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '',
    key_points TEXT NOT NULL DEFAULT '',
    recommendations TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    resources TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 1,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);

CREATE TABLE report_revisions (
    topic_id INTEGER NOT NULL REFERENCES topics(id),
    revision INTEGER NOT NULL,
    convener TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '',
    key_points TEXT NOT NULL DEFAULT '',
    recommendations TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    resources TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    at REAL NOT NULL,
    PRIMARY KEY (topic_id, revision)
);

CREATE TABLE votes (
    id INTEGER PRIMARY KEY,
    block INTEGER NOT NULL,
    topic_id INTEGER REFERENCES topics(id),
    proposal TEXT,                 -- free text when the vote is not on a topic
    count INTEGER NOT NULL DEFAULT 0,
    updated_at REAL NOT NULL,
    CHECK (topic_id IS NOT NULL OR proposal IS NOT NULL)
);

CREATE TABLE interests (
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics(id),
    created_at REAL NOT NULL,
    PRIMARY KEY (participant_id, topic_id)
);

CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    block INTEGER NOT NULL,
    topic_id INTEGER REFERENCES topics(id),
    title TEXT NOT NULL,
    lead TEXT NOT NULL DEFAULT '',
    partners TEXT NOT NULL DEFAULT '',
    first_step TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '',      -- as typed (a date or "before summer")
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);

CREATE TABLE access_codes (
    code TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('table', 'facilitator')),
    table_no INTEGER,
    created_at REAL NOT NULL,
    UNIQUE (role, table_no)
);

CREATE TABLE drafts (
    key TEXT PRIMARY KEY,          -- who/where is typing, e.g. "b2/r1/t3/alice"
    text TEXT NOT NULL,
    note_id INTEGER,               -- the note being edited, if any
    updated_at REAL NOT NULL
);

CREATE INDEX notes_by_place ON notes (block, round, table_no);
CREATE INDEX topics_by_block ON topics (block);
CREATE INDEX run_log_by_time ON run_log (at);
"""


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)
    now = time.time()
    conn.execute(
        "INSERT INTO timer (id, step_index, status, updated_at) VALUES (1, 0, 'idle', ?)", (now,)
    )


def _v2(conn: sqlite3.Connection) -> None:
    """v2: where a note came from ('' | 'capture' | 'web' | 'import' | ...), and an index to
    list a topic's notes."""
    conn.execute("ALTER TABLE notes ADD COLUMN origin TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX notes_by_topic ON notes (topic_id)")


def _v3(conn: sqlite3.Connection) -> None:
    """v3: a topic placed by hand on the agenda wall is pinned: the agenda suggestion never
    moves it."""
    conn.execute("ALTER TABLE topics ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")


def _v4(conn: sqlite3.Connection) -> None:
    """v4: a draft carries the tags chosen for it (JSON list, as in notes), so a crash loses
    neither the text nor its tags. A draft of an edit already written starts with the tags of
    the note it edits: the tags it was restored with until now."""
    conn.execute("ALTER TABLE drafts ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'")
    conn.execute(
        "UPDATE drafts SET tags = (SELECT notes.tags FROM notes WHERE notes.id = drafts.note_id)"
        " WHERE note_id IN (SELECT id FROM notes)"
    )


def _photos(conn: sqlite3.Connection) -> None:
    """Photos of what the room made (tablecloths, flipcharts, a graphic harvest), resized and
    stripped of their metadata (facilitation/store/photos.py). A table of its own."""
    conn.execute(
        """CREATE TABLE photos (
            id INTEGER PRIMARY KEY,
            block INTEGER,
            round INTEGER,
            table_no INTEGER,
            caption TEXT NOT NULL DEFAULT '',
            source_name TEXT NOT NULL DEFAULT '',
            mime TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            data BLOB NOT NULL,
            created_at REAL NOT NULL
        )"""
    )


def _action_from_a_proposal(conn: sqlite3.Connection) -> None:
    """An action may come from a free proposal of the convergence (a vote row without a
    topic): its label, NULL when the action comes from a topic or from nothing."""
    conn.execute("ALTER TABLE actions ADD COLUMN proposal TEXT")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1,
    _v2,
    _v3,
    _v4,
    add_web_tables,
    _photos,
    _action_from_a_proposal,
]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def application_id(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA application_id").fetchone()[0]


def migrate(conn: sqlite3.Connection, start: int, target: int = SCHEMA_VERSION) -> None:
    """Run the migrations from `start` to `target` on `conn` (the caller holds the transaction)."""
    for version in range(start, target):
        MIGRATIONS[version](conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {target}")


def backup_path(path: Path, version: int) -> Path:
    """Where the copy of a version-`version` file is written before migrating it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.v{version}-backup-{stamp}{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.v{version}-backup-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


def backup(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the database behind `conn` (works while others write), made under
    a temporary name beside `target` and renamed when complete: a killed upgrade leaves no
    half-made backup, a failed one nothing at all."""
    import contextlib
    import os

    tmp = temporary_path(target)
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def temporary_path(target: Path) -> Path:
    """`.NAME.PID.RANDOM.tmp` beside `target`: `remove_stale_temporaries` knows it by its PID."""
    import os
    import uuid

    return target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")


def remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files a killed `new` or upgrade left in `folder` (their process
    is gone); those of running processes stay."""
    import contextlib
    import os
    import re

    ours = re.compile(r"\..+\.(\d+)\.[0-9a-f]{8}\.tmp(?:-wal|-shm|-journal)?")
    try:
        candidates = list(folder.glob(".*.tmp*"))
    except OSError:
        return
    for leftover in candidates:
        match = ours.fullmatch(leftover.name)
        if match is None or int(match.group(1)) == os.getpid():
            continue
        pid = int(match.group(1))
        try:
            os.kill(pid, 0)
            continue  # still running: its file
        except ProcessLookupError:
            pass
        except (PermissionError, OSError):
            continue
        with contextlib.suppress(OSError):
            leftover.unlink()
