"""Schema v5: the tables of the phones' web server (see facilitation/store/web_access.py).
Kept apart so that schema.py can list the migration without importing `Event`."""

from __future__ import annotations

import sqlite3

_V5 = """
CREATE TABLE web_codes (
    role TEXT PRIMARY KEY,          -- 'room' (participants) or 'reports' (conveners)
    code TEXT NOT NULL UNIQUE,
    created_at REAL NOT NULL
);
CREATE TABLE web_devices (
    device TEXT PRIMARY KEY,        -- random id kept in the browser's signed cookie
    role TEXT NOT NULL,             -- 'table', 'room' or 'reports'
    table_no INTEGER,
    participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    name TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL,
    seen_at REAL NOT NULL
);
CREATE TABLE web_attempts (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    address TEXT NOT NULL,
    ok INTEGER NOT NULL
);
CREATE TABLE web_dots (
    device TEXT NOT NULL,
    block INTEGER NOT NULL,
    topic_id INTEGER NOT NULL REFERENCES topics(id),
    count INTEGER NOT NULL,
    PRIMARY KEY (device, block, topic_id)
);
CREATE TABLE web_forms (
    form TEXT PRIMARY KEY,          -- the one-time id of a note form
    note_id INTEGER NOT NULL,
    at REAL NOT NULL
);
CREATE TABLE web_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE INDEX web_attempts_by_time ON web_attempts (at);
"""


def add_web_tables(conn: sqlite3.Connection) -> None:
    """The phones' web server's tables (new tables only, so this step can be placed after any
    other; see facilitation/store/web_access.py)."""
    for statement in _V5.split(";"):
        if statement.strip():
            conn.execute(statement)
