"""Open Space data, the convergence and after: votes (per topic or per free proposal),
interests (who wants to join which topic) and actions (action planning), each action from a
topic or from a free proposal."""

from __future__ import annotations

from dataclasses import dataclass

from facilitation.store.base import EventCore, new_id
from facilitation.store.text import clean

ACTION_FIELDS = (
    "title",
    "lead",
    "partners",
    "first_step",
    "deadline",
    "topic_id",
    "block",
    "proposal",
)


@dataclass
class Vote:
    id: int
    block: int
    topic_id: int | None
    proposal: str | None  # free text when not a topic
    count: int
    updated_at: float = 0.0


@dataclass
class Interest:
    participant_id: int
    topic_id: int


@dataclass
class Action:
    id: int
    block: int
    topic_id: int | None
    title: str
    lead: str = ""
    partners: str = ""
    first_step: str = ""
    deadline: str = ""  # as typed
    created_at: float = 0.0
    updated_at: float = 0.0
    proposal: str | None = None  # the free proposal of the convergence it comes from


_ACTION = (
    "id, block, topic_id, title, lead, partners, first_step, deadline, created_at, updated_at,"
    " proposal"
)


def _where(**filters: object) -> tuple[str, list]:
    parts, params = [], []
    for column, value in filters.items():
        if value is not None:
            parts.append(f"{column} = ?")
            params.append(value)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


class VotesActionsMixin(EventCore):
    # ---- votes --------------------------------------------------------------------------

    def set_votes(
        self,
        block: int,
        count: int,
        *,
        topic_id: int | None = None,
        proposal: str | None = None,
    ) -> int:
        """Set the number of votes of a topic (or of a free proposal) in `block`; returns the
        vote row's id."""
        return self._votes(block, topic_id, proposal, count, add=False)

    def add_votes(
        self,
        block: int,
        delta: int = 1,
        *,
        topic_id: int | None = None,
        proposal: str | None = None,
    ) -> int:
        """Add `delta` votes (atomic, safe with several typists); returns the new count."""
        vote_id = self._votes(block, topic_id, proposal, delta, add=True)
        with self._read() as conn:
            return conn.execute("SELECT count FROM votes WHERE id = ?", (vote_id,)).fetchone()[0]

    def _votes(
        self, block: int, topic_id: int | None, proposal: str | None, n: int, add: bool
    ) -> int:
        if (topic_id is None) == (proposal is None):
            raise ValueError("give either topic_id or proposal")
        proposal = None if proposal is None else clean(proposal).strip()
        with self._write() as conn:
            now = self._now()
            if topic_id is not None:
                row = conn.execute(
                    "SELECT id FROM votes WHERE block = ? AND topic_id = ?", (block, topic_id)
                ).fetchone()
            else:
                row = conn.execute(
                    "SELECT id FROM votes WHERE block = ? AND topic_id IS NULL AND proposal = ?",
                    (block, proposal),
                ).fetchone()
            if row:
                expr = "count + ?" if add else "?"
                conn.execute(
                    f"UPDATE votes SET count = {expr}, updated_at = ? WHERE id = ?",
                    (n, now, row[0]),
                )
                return row[0]
            cursor = conn.execute(
                "INSERT INTO votes (block, topic_id, proposal, count, updated_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (block, topic_id, proposal, n, now),
            )
            return new_id(cursor)

    def list_votes(self, block: int | None = None) -> list[Vote]:
        """Votes, most votes first."""
        where, params = _where(block=block)
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, block, topic_id, proposal, count, updated_at FROM votes"
                f"{where} ORDER BY count DESC, id",
                params,
            ).fetchall()
        return [Vote(*row) for row in rows]

    # ---- interests ----------------------------------------------------------------------

    def add_interest(self, participant_id: int, topic_id: int) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO interests (participant_id, topic_id, created_at)"
                " VALUES (?, ?, ?)",
                (participant_id, topic_id, self._now()),
            )

    def remove_interest(self, participant_id: int, topic_id: int) -> None:
        with self._write() as conn:
            conn.execute(
                "DELETE FROM interests WHERE participant_id = ? AND topic_id = ?",
                (participant_id, topic_id),
            )

    def list_interests(
        self, *, topic_id: int | None = None, participant_id: int | None = None
    ) -> list[Interest]:
        where, params = _where(topic_id=topic_id, participant_id=participant_id)
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT participant_id, topic_id FROM interests{where}"
                " ORDER BY topic_id, participant_id",
                params,
            ).fetchall()
        return [Interest(*row) for row in rows]

    # ---- actions ------------------------------------------------------------------------

    def add_action(
        self,
        block: int,
        title: str,
        *,
        topic_id: int | None = None,
        lead: str = "",
        partners: str = "",
        first_step: str = "",
        deadline: str = "",
        proposal: str | None = None,
    ) -> int:
        """Record an action (action planning), from a topic or a free proposal; its id."""
        with self._write() as conn:
            now = self._now()
            cursor = conn.execute(
                "INSERT INTO actions (block, topic_id, title, lead, partners, first_step,"
                " deadline, created_at, updated_at, proposal)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    block,
                    topic_id,
                    clean(title).strip(),
                    clean(lead).strip(),
                    clean(partners).strip(),
                    clean(first_step),
                    clean(deadline).strip(),
                    now,
                    now,
                    clean(proposal).strip() if proposal else None,
                ),
            )
            return new_id(cursor)

    def update_action(self, action_id: int, **changes: object) -> None:
        """Change some of ACTION_FIELDS."""
        if set(changes) - set(ACTION_FIELDS):
            raise TypeError(f"unknown action field(s): {sorted(set(changes) - set(ACTION_FIELDS))}")
        if not changes:
            return
        values = [clean(v) if isinstance(v, str) else v for v in changes.values()]
        sets = ", ".join(f"{key} = ?" for key in changes)
        with self._write() as conn:
            cursor = conn.execute(
                f"UPDATE actions SET {sets}, updated_at = ? WHERE id = ?",
                (*values, self._now(), action_id),
            )
            if cursor.rowcount == 0:
                raise KeyError(f"no action {action_id}")

    def delete_action(self, action_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM actions WHERE id = ?", (action_id,))

    def list_actions(self, block: int | None = None) -> list[Action]:
        where, params = _where(block=block)
        with self._read() as conn:
            rows = conn.execute(f"SELECT {_ACTION} FROM actions{where} ORDER BY id", params)
            return [Action(*row) for row in rows.fetchall()]
