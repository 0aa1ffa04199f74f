"""Participants and seating (who sits at which table, per round of a World Café block)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from facilitation.roles import is_host_role
from facilitation.store.base import EventCore, new_id
from facilitation.store.text import clean, dumps


def normalise_role(role: str) -> str:
    """ "Hôte", "HOST", "hôtesse de table" -> "host"; any other role is kept as typed."""
    role = clean(role).strip()
    return "host" if is_host_role(role) else role


@dataclass
class Participant:
    id: int
    name: str
    organisation: str = ""
    sector: str = ""
    role: str = ""  # "host" marks a World Café table host
    language: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # other columns of the import

    @property
    def is_host(self) -> bool:
        return self.role == "host"


@dataclass
class Seat:
    """Participant `participant_id` sits at `table` in `round` of `block` (hosting it if
    `host`)."""

    block: int
    round: int
    table: int
    participant_id: int
    host: bool = False


_P_COLUMNS = "id, name, organisation, sector, role, language, extra"
_EDITABLE = ("name", "organisation", "sector", "role", "language", "extra")


def _participant(row: tuple) -> Participant:
    return Participant(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]))


class PeopleMixin(EventCore):
    def add_participant(
        self,
        name: str,
        organisation: str = "",
        sector: str = "",
        role: str = "",
        language: str = "",
        extra: dict[str, str] | None = None,
    ) -> int:
        """Add one participant; returns its id. `role` "host"/"hôte" is stored as "host"."""
        return self.add_participants(
            [Participant(0, name, organisation, sector, role, language, extra or {})]
        )[0]

    def add_participants(self, people: Iterable[Participant]) -> list[int]:
        """Add several participants in one transaction (their `id` is ignored); returns ids."""
        ids: list[int] = []
        with self._write() as conn:
            now = self._now()
            for p in people:
                cursor = conn.execute(
                    "INSERT INTO participants (name, organisation, sector, role, language, extra,"
                    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        clean(p.name).strip(),
                        clean(p.organisation).strip(),
                        clean(p.sector).strip(),
                        normalise_role(p.role),
                        clean(p.language).strip(),
                        dumps({clean(k): clean(v) for k, v in (p.extra or {}).items()}),
                        now,
                    ),
                )
                ids.append(new_id(cursor))
        return ids

    def update_participant(self, participant_id: int, **fields: object) -> None:
        """Change some of name, organisation, sector, role, language, extra (a dict)."""
        unknown = set(fields) - set(_EDITABLE)
        if unknown:
            raise TypeError(f"unknown participant field(s): {sorted(unknown)}")
        if not fields:
            return
        values = []
        for key, value in fields.items():
            if key == "extra":
                values.append(
                    dumps({clean(k): clean(v) for k, v in dict(cast("dict", value)).items()})
                )
            elif key == "role":
                values.append(normalise_role(str(value)))
            else:
                values.append(clean(value).strip())
        sets = ", ".join(f"{key} = ?" for key in fields)
        with self._write() as conn:
            cursor = conn.execute(
                f"UPDATE participants SET {sets} WHERE id = ?", (*values, participant_id)
            )
            if cursor.rowcount == 0:
                raise KeyError(f"no participant {participant_id}")

    def remove_participant(self, participant_id: int) -> None:
        """Remove a participant, their seats and their interests."""
        with self._write() as conn:
            conn.execute("DELETE FROM participants WHERE id = ?", (participant_id,))

    def get_participant(self, participant_id: int) -> Participant | None:
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {_P_COLUMNS} FROM participants WHERE id = ?", (participant_id,)
            ).fetchone()
        return _participant(row) if row else None

    def list_participants(self) -> list[Participant]:
        """Every participant, in the order they were added."""
        with self._read() as conn:
            rows = conn.execute(f"SELECT {_P_COLUMNS} FROM participants ORDER BY id").fetchall()
        return [_participant(row) for row in rows]

    def set_seating(self, block: int, seats: Iterable[Seat]) -> None:
        """Replace the whole seating plan of `block` at once (the seats' `block` is ignored)."""
        with self._write() as conn:
            conn.execute("DELETE FROM seating WHERE block = ?", (block,))
            conn.executemany(
                "INSERT INTO seating (block, round, table_no, participant_id, host)"
                " VALUES (?, ?, ?, ?, ?)",
                [(block, s.round, s.table, s.participant_id, int(s.host)) for s in seats],
            )

    def seating(self, block: int | None = None) -> list[Seat]:
        """The seats of `block` (or of every block), by block, round, table."""
        sql = "SELECT block, round, table_no, participant_id, host FROM seating"
        params: tuple = ()
        if block is not None:
            sql += " WHERE block = ?"
            params = (block,)
        with self._read() as conn:
            rows = conn.execute(
                sql + " ORDER BY block, round, table_no, host DESC, participant_id", params
            )
            return [Seat(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows.fetchall()]
