"""What the phones' web server keeps in the event file (schema v5, tables `web_*`).

- the room code (participants) and the reports code (conveners), beside the table codes of
  `access_codes` (whose CHECK admits only tables and the facilitator);
- devices: one random id per browser (in its signed cookie), with its role, table and, for a
  participant, the participant row it ticks interests for;
- join attempts (failed ones are what the facilitator's console shows);
- dots placed per device, so a phone cannot place more than the facilitator allows;
- saved forms: a note form's one-time id, so a form sent twice (a retry, a reload) makes one
  note;
- settings: the secret that signs cookies (kept, so a restarted server keeps its sessions),
  the number of dots allowed.

`WebStore(event)` reads and writes them through the event's own transactions.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from facilitation.store.access import CODE_ALPHABET, normalise_code
from facilitation.store.event import Event
from facilitation.store.text import clean
from facilitation.store.web_schema import add_web_tables

__all__ = ["Device", "WebStore", "failed_attempts", "add_web_tables"]

ROOM_CODE_LENGTH = 6
DEFAULT_DOTS = 3


@dataclass(frozen=True)
class Device:
    device: str
    role: str  # "table" | "room" | "reports"
    table: int | None
    participant_id: int | None
    name: str


class WebStore:
    """The web server's tables of one open event."""

    def __init__(self, event: Event) -> None:
        self.event = event

    # ---- codes ---------------------------------------------------------------------------

    def role_code(self, role: str) -> str:
        """The code of `role` ("room" or "reports"), made on first call."""
        with self.event._write() as conn:
            row = conn.execute("SELECT code FROM web_codes WHERE role = ?", (role,)).fetchone()
            if row:
                return row[0]
            while True:
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(ROOM_CODE_LENGTH))
                taken = conn.execute(
                    "SELECT 1 FROM web_codes WHERE code = ? UNION"
                    " SELECT 1 FROM access_codes WHERE code = ?",
                    (code, code),
                ).fetchone()
                if not taken:
                    break
            conn.execute(
                "INSERT INTO web_codes (role, code, created_at) VALUES (?, ?, ?)",
                (role, code, self.event._now()),
            )
            return code

    def existing_code(self, role: str) -> str | None:
        """The code of `role` if one was made (reads only: for the projector)."""
        with self.event._read() as conn:
            row = conn.execute("SELECT code FROM web_codes WHERE role = ?", (role,)).fetchone()
        return row[0] if row else None

    def resolve_code(self, code: str) -> tuple[str, int | None] | None:
        """("table", n), ("room", None), ("reports", None), or None. The facilitator's code
        opens nothing here: no facilitator function is served over HTTP."""
        wanted = normalise_code(code)
        if not wanted:
            return None
        role = self.event.code_role(wanted)
        if role is not None:
            return role if role[0] == "table" else None
        with self.event._read() as conn:
            row = conn.execute("SELECT role FROM web_codes WHERE code = ?", (wanted,)).fetchone()
        return (row[0], None) if row else None

    # ---- devices -------------------------------------------------------------------------

    def add_device(self, role: str, table: int | None, name: str = "") -> Device:
        device = secrets.token_urlsafe(16)
        now = self.event._now()
        with self.event._write() as conn:
            conn.execute(
                "INSERT INTO web_devices (device, role, table_no, name, created_at, seen_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (device, role, table, clean(name).strip()[:80], now, now),
            )
        return Device(device, role, table, None, clean(name).strip()[:80])

    def device(self, device: str) -> Device | None:
        with self.event._read() as conn:
            row = conn.execute(
                "SELECT device, role, table_no, participant_id, name FROM web_devices"
                " WHERE device = ?",
                (device,),
            ).fetchone()
        return Device(*row) if row else None

    def set_participant(self, device: str, name: str) -> int:
        """Link a participant's device to the participant called `name` (made if new)."""
        name = clean(name).strip()[:80]
        with self.event._write() as conn:
            # casefold in Python: SQLite's lower() leaves "É" as it is
            rows = conn.execute("SELECT id, name FROM participants ORDER BY id").fetchall()
            wanted = name.casefold()
            found = next((pid for pid, known in rows if known.casefold() == wanted), None)
            pid = found if found is not None else self.event.add_participant(name)
            conn.execute(
                "UPDATE web_devices SET participant_id = ?, name = ? WHERE device = ?",
                (pid, name, device),
            )
        return int(pid)

    # ---- attempts ------------------------------------------------------------------------

    def log_attempt(self, address: str, ok: bool) -> None:
        with self.event._write() as conn:
            conn.execute(
                "INSERT INTO web_attempts (at, address, ok) VALUES (?, ?, ?)",
                (self.event._now(), clean(address)[:64], int(ok)),
            )

    def recent_failures(self, since: float) -> list[tuple[float, str]]:
        """(time, address) of the wrong codes since `since`, oldest first."""
        with self.event._read() as conn:
            rows = conn.execute(
                "SELECT at, address FROM web_attempts WHERE ok = 0 AND at >= ? ORDER BY at",
                (since,),
            ).fetchall()
        return [(float(at), str(address)) for at, address in rows]

    def failed_attempts(self, since: float = 0.0) -> tuple[int, int]:
        """(failed code attempts since `since`, distinct addresses they came from)."""
        return failed_attempts(self.event, since)

    # ---- dots ----------------------------------------------------------------------------

    def dots_allowed(self) -> int:
        value = self.setting("dots")
        return int(value) if value and value.isdigit() else DEFAULT_DOTS

    def my_dots(self, device: str, block: int) -> dict[int, int]:
        with self.event._read() as conn:
            rows = conn.execute(
                "SELECT topic_id, count FROM web_dots WHERE device = ? AND block = ? AND count > 0",
                (device, block),
            ).fetchall()
        return dict(rows)

    def place_dot(self, device: str, block: int, topic_id: int, delta: int) -> bool:
        """Add (+1) or take back (-1) one of the device's dots on a topic; False if refused
        (no dot left, or none there to take back)."""
        with self.event._write() as conn:
            used = conn.execute(
                "SELECT COALESCE(SUM(count), 0) FROM web_dots WHERE device = ? AND block = ?",
                (device, block),
            ).fetchone()[0]
            row = conn.execute(
                "SELECT count FROM web_dots WHERE device = ? AND block = ? AND topic_id = ?",
                (device, block, topic_id),
            ).fetchone()
            here = row[0] if row else 0
            if (delta > 0 and used >= self.dots_allowed()) or (delta < 0 and here <= 0):
                return False
            conn.execute(
                "INSERT INTO web_dots (device, block, topic_id, count) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (device, block, topic_id) DO UPDATE SET count = excluded.count",
                (device, block, topic_id, here + delta),
            )
            self.event.add_votes(block, delta, topic_id=topic_id)
        return True

    # ---- forms and settings --------------------------------------------------------------

    def note_of_form(self, form: str) -> int | None:
        with self.event._read() as conn:
            row = conn.execute("SELECT note_id FROM web_forms WHERE form = ?", (form,)).fetchone()
        return row[0] if row else None

    def remember_form(self, form: str, note_id: int) -> None:
        with self.event._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO web_forms (form, note_id, at) VALUES (?, ?, ?)",
                (form, note_id, self.event._now()),
            )

    def setting(self, key: str) -> str | None:
        with self.event._read() as conn:
            row = conn.execute("SELECT value FROM web_settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self.event._write() as conn:
            conn.execute(
                "INSERT INTO web_settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def secret(self) -> bytes:
        """The key that signs the cookies of this event (made on first call)."""
        with self.event._write() as conn:
            row = conn.execute("SELECT value FROM web_settings WHERE key = 'secret'").fetchone()
            if row:
                return bytes.fromhex(row[0])
            value = secrets.token_hex(32)
            conn.execute("INSERT INTO web_settings (key, value) VALUES ('secret', ?)", (value,))
            return bytes.fromhex(value)


def failed_attempts(event: Event, since: float = 0.0) -> tuple[int, int]:
    """(failed code attempts on the phones since `since`, distinct addresses): for the console."""
    with event._read() as conn:
        row = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT address) FROM web_attempts WHERE ok = 0 AND at >= ?",
            (since,),
        ).fetchone()
    return int(row[0]), int(row[1])
