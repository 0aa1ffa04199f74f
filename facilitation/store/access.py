"""Join codes: a short random code per table (for browser note-takers) and one for the
facilitator. Codes are made on first use and then never change for the event."""

from __future__ import annotations

import secrets

from facilitation.store.base import EventCore

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
TABLE_CODE_LENGTH = 5
FACILITATOR_CODE_LENGTH = 8


def _new_code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(code: str) -> str:
    """What a person typed -> a stored code: case, spaces and dashes ignored."""
    return "".join(c for c in code.upper() if c.isalnum())


class AccessMixin(EventCore):
    def table_count(self) -> int:
        """How many tables the event has: the script's `tables`, else its largest block's."""
        script = self.script
        counts = [b.tables for b in script.blocks if b.tables]
        return script.event.tables or max(counts, default=0)

    def table_codes(self, tables: int | None = None) -> dict[int, str]:
        """{table number: join code} for tables 1..`tables` (default `table_count()`),
        creating the missing codes."""
        wanted = tables if tables is not None else self.table_count()
        with self._read() as conn:
            rows = conn.execute(
                "SELECT table_no, code FROM access_codes WHERE role = 'table'"
            ).fetchall()
        codes = dict(rows)
        if any(n not in codes for n in range(1, wanted + 1)):
            with self._write() as conn:
                codes = dict(
                    conn.execute(
                        "SELECT table_no, code FROM access_codes WHERE role = 'table'"
                    ).fetchall()
                )
                for n in range(1, wanted + 1):
                    if n not in codes:
                        codes[n] = self._insert_code(conn, "table", n, TABLE_CODE_LENGTH)
        return {n: codes[n] for n in sorted(codes) if n <= wanted}

    def facilitator_code(self) -> str:
        """The facilitator's code (made on first call)."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT code FROM access_codes WHERE role = 'facilitator'"
            ).fetchone()
            if row:
                return row[0]
            return self._insert_code(conn, "facilitator", None, FACILITATOR_CODE_LENGTH)

    def table_for_code(self, code: str) -> int | None:
        """The table a join code opens, or None (unknown code, or the facilitator's)."""
        role = self.code_role(code)
        return role[1] if role and role[0] == "table" else None

    def code_role(self, code: str) -> tuple[str, int | None] | None:
        """("table", n), ("facilitator", None), or None for an unknown code."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT role, table_no FROM access_codes WHERE code = ?", (normalise_code(code),)
            ).fetchone()
        return (row[0], row[1]) if row else None

    def _insert_code(self, conn, role: str, table: int | None, length: int) -> str:
        while True:
            code = _new_code(length)
            if not conn.execute("SELECT 1 FROM access_codes WHERE code = ?", (code,)).fetchone():
                conn.execute(
                    "INSERT INTO access_codes (code, role, table_no, created_at)"
                    " VALUES (?, ?, ?, ?)",
                    (code, role, table, self._now()),
                )
                return code
