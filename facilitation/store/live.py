"""What the live day changes in an event beyond notes and the timer, kept in the `meta` table
(free key/values, no schema change):

- the harvest board: the notes the console sends to the projector (`projector.board`);
- the Open Space wall's time slots and spaces when some are added or removed live
  (`layout.block.<n>`), which `Event.script` applies over the script's snapshot, so the wall,
  the agenda suggestion, export and the synthesis all follow.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitation.models import Block, SessionScript
    from facilitation.store.event import Event

BOARD_KEY = "projector.board"
LAYOUT_KEY = "layout.block.{n}"


# ---- the harvest board -------------------------------------------------------------------


@dataclass(frozen=True)
class Board:
    """Notes shown on the projector while step `step_index` is current."""

    title: str
    note_ids: list[int] = field(default_factory=list)
    step_index: int = 0


def _set_meta(event: Event, key: str, value: str | None) -> None:
    with event._write() as conn:
        if value is None:
            conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _get_meta(event: Event, key: str) -> str | None:
    with event._read() as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def show_on_projector(event: Event, board: Board | None) -> None:
    """Put `board` on the projector (None takes it down)."""
    value = None
    if board is not None:
        value = json.dumps(
            {"title": board.title, "notes": board.note_ids, "step": board.step_index},
            ensure_ascii=False,
        )
    _set_meta(event, BOARD_KEY, value)


def projector_board(event: Event) -> Board | None:
    raw = _get_meta(event, BOARD_KEY)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        return Board(str(data["title"]), [int(i) for i in data["notes"]], int(data["step"]))
    except (ValueError, KeyError, TypeError):
        return None


# ---- time slots and spaces changed live ---------------------------------------------------


def block_layout(event: Event, block: int) -> tuple[list[str], list[str]] | None:
    """(slots, spaces) of an Open Space block as changed live; None if never changed."""
    raw = _get_meta(event, LAYOUT_KEY.format(n=block))
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        return [str(s) for s in data["slots"]], [str(s) for s in data["spaces"]]
    except (ValueError, KeyError, TypeError):
        return None


def apply_layouts(event: Event, script: SessionScript) -> SessionScript:
    """`script` with the slots and spaces changed live (for Event.script)."""
    with event._read() as conn:
        rows = conn.execute("SELECT key, value FROM meta WHERE key LIKE 'layout.block.%'")
        found = rows.fetchall()
    for key, _value in found:
        try:
            number = int(key.rsplit(".", 1)[1])
        except ValueError:
            continue
        layout = block_layout(event, number)
        if layout is not None and 1 <= number <= len(script.blocks):
            script.blocks[number - 1].slots, script.blocks[number - 1].spaces = layout
    return script


def change_layout(
    event: Event,
    block: int,
    *,
    slots: list[str],
    spaces: list[str],
    slot_moves: dict[int, int | None] | None = None,
    space_moves: dict[int, int | None] | None = None,
) -> None:
    """Store the block's new slots and spaces and move its topics in the same transaction:
    `slot_moves` maps an old slot index to its new one (None: the slot is gone, its topics go
    back to the tray); the same for spaces."""
    value = json.dumps({"slots": slots, "spaces": spaces}, ensure_ascii=False)
    with event._write() as conn:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (LAYOUT_KEY.format(n=block), value),
        )
        rows = conn.execute(
            "SELECT id, slot, space FROM topics WHERE block = ? AND slot IS NOT NULL", (block,)
        ).fetchall()
        for topic_id, slot, space in rows:
            new_slot = (slot_moves or {}).get(slot, slot)
            new_space = (space_moves or {}).get(space, space) if space is not None else None
            if new_slot is None or (space is not None and new_space is None):
                conn.execute(
                    "UPDATE topics SET slot = NULL, space = NULL, pinned = 0 WHERE id = ?",
                    (topic_id,),
                )
            elif (new_slot, new_space) != (slot, space):
                conn.execute(
                    "UPDATE topics SET slot = ?, space = ? WHERE id = ?",
                    (new_slot, new_space, topic_id),
                )
    event.__dict__.pop("script", None)  # Event.script is cached: read it again


def live_block(event: Event, number: int) -> Block:
    """Block `number` with its slots and spaces as they are now in the file (another process
    may have added one since this one read the script)."""
    block = event.script.block(number)
    layout = block_layout(event, number)
    if layout is None or (layout[0], layout[1]) == (block.slots, block.spaces):
        return block
    return block.model_copy(update={"slots": layout[0], "spaces": layout[1]})


def notes_marker(event: Event, block: int) -> tuple:
    """A cheap value that changes whenever a note of `block` is added, edited, deleted or
    restored (the notes board reads the notes again only then, not at every draft saved)."""
    with event._read() as conn:
        row = conn.execute(
            "SELECT COUNT(*), MAX(updated_at), MAX(deleted_at), SUM(revision) FROM notes"
            " WHERE block = ?",
            (block,),
        ).fetchone()
    return tuple(row)
