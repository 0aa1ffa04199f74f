"""Open Space data: topics (the agenda wall) and session reports (with revisions); votes,
interests and actions are in openspace_votes.py (re-exported here).

Topics are never deleted: a topic is "active", "withdrawn" or "merged" (into `merged_into`).
`slot` and `space` are 0-based indexes into the block's `slots` and `spaces` (None: not placed).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from facilitation.store.base import new_id
from facilitation.store.openspace_votes import (
    ACTION_FIELDS,
    Action,
    Interest,
    Vote,
    VotesActionsMixin,
    _where,
)
from facilitation.store.text import clean

REPORT_FIELDS = (
    "convener",
    "participants",
    "key_points",
    "recommendations",
    "next_steps",
    "resources",
)


@dataclass
class Topic:
    id: int
    block: int
    title: str
    convener: str = ""
    description: str = ""
    slot: int | None = None
    space: int | None = None
    status: str = "active"
    merged_into: int | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    pinned: bool = False  # placed by hand: the agenda suggestion never moves it


@dataclass
class SessionReport:
    """The report of one Open Space session (one per topic); every field is Markdown."""

    topic_id: int
    convener: str = ""
    participants: str = ""
    key_points: str = ""
    recommendations: str = ""
    next_steps: str = ""
    resources: str = ""
    author: str = ""
    revision: int = 1
    at: float = 0.0  # when this revision was written


_TOPIC = (
    "id, block, title, convener, description, slot, space, status, merged_into, created_at,"
    " updated_at, pinned"
)
_REPORT = ", ".join(REPORT_FIELDS)


class OpenSpaceMixin(VotesActionsMixin):
    # ---- topics -------------------------------------------------------------------------

    def add_topic(
        self,
        block: int,
        title: str,
        convener: str = "",
        description: str = "",
        slot: int | None = None,
        space: int | None = None,
    ) -> int:
        """Put a topic on the wall; returns its id."""
        with self._write() as conn:
            now = self._now()
            cursor = conn.execute(
                "INSERT INTO topics (block, title, convener, description, slot, space,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    block,
                    clean(title).strip(),
                    clean(convener).strip(),
                    clean(description),
                    slot,
                    space,
                    now,
                    now,
                ),
            )
            return new_id(cursor)

    def update_topic(self, topic_id: int, **changes: object) -> None:
        """Change some of title, convener, description, slot, space (slot/space None: unplaced)."""
        allowed = {"title", "convener", "description", "slot", "space"}
        if set(changes) - allowed:
            raise TypeError(f"unknown topic field(s): {sorted(set(changes) - allowed)}")
        self._update_topic(topic_id, changes)

    def place_topic(self, topic_id: int, slot: int | None, space: int | None) -> None:
        """Move a topic on the agenda wall (None, None: take it off the wall)."""
        self._update_topic(topic_id, {"slot": slot, "space": space})

    def pin_topic(self, topic_id: int, pinned: bool = True) -> None:
        """Pin a topic to its cell (the suggestion never moves it), or unpin it."""
        self._update_topic(topic_id, {"pinned": int(pinned)})

    def place_topics(self, places: dict[int, tuple[int | None, int | None]]) -> None:
        """Move several topics at once, in one transaction (an agenda suggestion applied)."""
        with self._write() as conn:
            now = self._now()
            for topic_id, (slot, space) in places.items():
                conn.execute(
                    "UPDATE topics SET slot = ?, space = ?, updated_at = ? WHERE id = ?",
                    (slot, space, now, topic_id),
                )

    def withdraw_topic(self, topic_id: int) -> None:
        self._update_topic(topic_id, {"status": "withdrawn", "merged_into": None})

    def merge_topic(self, topic_id: int, into: int) -> None:
        """Mark `topic_id` as merged into `into` (its notes and report stay where they are)."""
        if topic_id == into:
            raise ValueError("a topic cannot be merged into itself")
        self._update_topic(topic_id, {"status": "merged", "merged_into": into})

    def reactivate_topic(self, topic_id: int) -> None:
        self._update_topic(topic_id, {"status": "active", "merged_into": None})

    def _update_topic(self, topic_id: int, changes: dict[str, object]) -> None:
        if not changes:
            return
        values = [
            clean(v).strip()
            if isinstance(v, str) and k != "description"
            else clean(v)
            if isinstance(v, str)
            else v
            for k, v in changes.items()
        ]
        sets = ", ".join(f"{key} = ?" for key in changes)
        with self._write() as conn:
            cursor = conn.execute(
                f"UPDATE topics SET {sets}, updated_at = ? WHERE id = ?",
                (*values, self._now(), topic_id),
            )
            if cursor.rowcount == 0:
                raise KeyError(f"no topic {topic_id}")

    def get_topic(self, topic_id: int) -> Topic | None:
        with self._read() as conn:
            row = conn.execute(f"SELECT {_TOPIC} FROM topics WHERE id = ?", (topic_id,)).fetchone()
        return Topic(*row) if row else None

    def list_topics(
        self, block: int | None = None, *, include_inactive: bool = True
    ) -> list[Topic]:
        """Topics in the order they were posted (withdrawn and merged ones too, unless
        `include_inactive=False`)."""
        where, params = _where(block=block)
        if not include_inactive:
            where += (" AND" if where else " WHERE") + " status = 'active'"
        with self._read() as conn:
            rows = conn.execute(f"SELECT {_TOPIC} FROM topics{where} ORDER BY id", params)
            return [Topic(*row) for row in rows.fetchall()]

    # ---- session reports ----------------------------------------------------------------

    def save_report(self, topic_id: int, *, author: str = "", **values: str) -> int:
        """Write a new revision of the topic's session report; returns the revision number.
        `values` are some of REPORT_FIELDS; the fields not given keep their current text."""
        if set(values) - set(REPORT_FIELDS):
            raise TypeError(f"unknown report field(s): {sorted(set(values) - set(REPORT_FIELDS))}")
        with self._write() as conn:
            now = self._now()
            row = conn.execute(
                f"SELECT {_REPORT}, revision FROM reports WHERE topic_id = ?", (topic_id,)
            ).fetchone()
            current = dict(zip(REPORT_FIELDS, row[:-1], strict=True)) if row else {}
            merged = {f: clean(values.get(f, current.get(f, ""))) for f in REPORT_FIELDS}
            revision = row[-1] + 1 if row else 1
            author = clean(author)
            cols = ", ".join(REPORT_FIELDS)
            marks = ", ".join("?" for _ in REPORT_FIELDS)
            data = [merged[f] for f in REPORT_FIELDS]
            if row:
                sets = ", ".join(f"{f} = ?" for f in REPORT_FIELDS)
                conn.execute(
                    f"UPDATE reports SET {sets}, author = ?, revision = ?, updated_at = ?"
                    " WHERE topic_id = ?",
                    (*data, author, revision, now, topic_id),
                )
            else:
                conn.execute(
                    f"INSERT INTO reports (topic_id, {cols}, author, revision, created_at,"
                    f" updated_at) VALUES (?, {marks}, ?, 1, ?, ?)",
                    (topic_id, *data, author, now, now),
                )
            conn.execute(
                f"INSERT INTO report_revisions (topic_id, revision, {cols}, author, at)"
                f" VALUES (?, ?, {marks}, ?, ?)",
                (topic_id, revision, *data, author, now),
            )
        return revision

    def report(self, topic_id: int) -> SessionReport | None:
        """The current report of a topic, or None if nobody wrote one."""
        with self._read() as conn:
            row = conn.execute(
                f"SELECT topic_id, {_REPORT}, author, revision, updated_at FROM reports"
                " WHERE topic_id = ?",
                (topic_id,),
            ).fetchone()
        return SessionReport(*row) if row else None

    def list_reports(self, block: int | None = None) -> list[SessionReport]:
        """Current reports (of the topics of `block`), in topic order."""
        sql = (
            f"SELECT r.topic_id, {', '.join('r.' + f for f in REPORT_FIELDS)}, r.author,"
            " r.revision, r.updated_at FROM reports r JOIN topics t ON t.id = r.topic_id"
        )
        params: list = []
        if block is not None:
            sql += " WHERE t.block = ?"
            params.append(block)
        with self._read() as conn:
            return [SessionReport(*row) for row in conn.execute(sql + " ORDER BY t.id", params)]

    def report_history(self, topic_id: int) -> list[SessionReport]:
        """Every revision of a topic's report, the first first."""
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT topic_id, {_REPORT}, author, revision, at FROM report_revisions"
                " WHERE topic_id = ? ORDER BY revision",
                (topic_id,),
            ).fetchall()
        return [SessionReport(*row) for row in rows]


assert [f.name for f in fields(SessionReport)][1:7] == list(REPORT_FIELDS)


__all__ = [
    "ACTION_FIELDS",
    "Action",
    "Interest",
    "OpenSpaceMixin",
    "SessionReport",
    "Topic",
    "Vote",
]
