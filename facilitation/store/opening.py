"""Recognising an event file before opening it, and upgrading an old one after a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitation.errors import UserError
from facilitation.i18n import _
from facilitation.store import connection, schema

SQLITE_HEADER = b"SQLite format 3\x00"
__all__ = ["SQLITE_HEADER", "_migrate_with_backup", "_recognise", "check_header"]


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
