"""What the family mixins (notes, people, run log, Open Space, access codes, drafts) need from
`Event`: its transactions, its clock and its script snapshot.

The mixins subclass this Protocol instead of annotating `self: Event`, so that mypy checks them
and `facilitation.store.event` is the only module that knows the whole `Event` (no import
circle between `event.py` and the families).
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from facilitation.models import SessionScript


class EventCore(Protocol):
    @property
    def script(self) -> SessionScript:
        """The script snapshot of the event."""
        ...

    def _now(self) -> float:
        """The event's clock (UTC epoch seconds)."""
        ...

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction (nested calls join the outer one)."""
        ...

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        """A consistent snapshot for several SELECTs."""
        ...


def new_id(cursor: sqlite3.Cursor) -> int:
    """The rowid the INSERT just run on `cursor` made."""
    if cursor.lastrowid is None:  # only after something else than an INSERT
        raise RuntimeError("no row was inserted")
    return cursor.lastrowid
