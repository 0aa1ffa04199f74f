"""Where a note goes, following the facilitator's console (no Textual here).

The console writes the current step (`read_timer().step_index`, an index into
`script.flat_steps()`); a capture screen asks `target_at(script, step_index, kind)` where its
notes go now. A step that captures "table" (or "plenary") takes notes itself; a step that
does not (the table change, a break) keeps the last capturing step of the same block, marked
`ended`, so a note-taker can finish the round's notes; before the first one there is none.

`NoteWriter` is the one path from a capture screen to the event file (the editor, the typist's
view and the headless process test use it): save a new note or an edit, keep the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitation.models import SessionScript
from facilitation.store import Event


@dataclass(frozen=True)
class Target:
    """Where notes go: a block and round (a World Café round) and a table (None: plenary)."""

    step_index: int
    block: int
    round: int | None
    table: int | None
    kind: str  # "table" | "plenary"
    title: str  # the step's title, e.g. "Ronde 2"
    question: str = ""
    ended: bool = False  # the room has moved on to a step that takes no notes

    @property
    def place(self) -> tuple[int, int | None]:
        return (self.block, self.round)


def target_at(
    script: SessionScript, step_index: int, kind: str, table: int | None
) -> Target | None:
    """Where a note of `kind` ("table" or "plenary") goes when the room is at `step_index`."""
    steps = script.flat_steps()
    if not steps:
        return None
    step_index = max(0, min(step_index, len(steps) - 1))
    block = steps[step_index][0]
    for index in range(step_index, -1, -1):
        b, step = steps[index]
        if b.number != block.number:
            break
        if step.capture == kind:
            return Target(
                step_index=index,
                block=b.number,
                round=step.round,
                table=table if kind == "table" else None,
                kind=kind,
                title=step.title,
                question=step.question or b.question,
                ended=index != step_index,
            )
    return None


def table_rounds(script: SessionScript, block: int) -> list[tuple[int, int | None, str]]:
    """(step index, round, title) of the steps of `block` that take table notes."""
    return [
        (index, step.round, step.title)
        for index, (b, step) in enumerate(script.flat_steps())
        if b.number == block and step.capture == "table"
    ]


def draft_key(target: Target, who: str = "", note_id: int | None = None) -> str:
    """The draft key of what one person types at one place: `capture/t3/ana/b1/r2/new`."""
    where = f"t{target.table}" if target.table is not None else "plenary"
    person = re.sub(r"[^\w-]+", "-", who.strip().lower()).strip("-") or "-"
    return f"capture/{where}/{person}/b{target.block}/r{target.round or 0}/" + (
        f"n{note_id}" if note_id else "new"
    )


def draft_prefix(table: int | None, who: str = "") -> str:
    return draft_key(Target(0, 0, None, table, "table", ""), who).rsplit("/b", 1)[0] + "/"


_KEY = re.compile(r"/b(\d+)/r(\d+)/(new|n\d+)$")


def parse_draft_key(key: str) -> tuple[int, int | None, int | None] | None:
    """(block, round, note id) of a draft key made by `draft_key`, or None."""
    match = _KEY.search(key)
    if not match:
        return None
    block, round_, which = match.groups()
    return int(block), int(round_) or None, None if which == "new" else int(which[1:])


_INLINE_TAG = re.compile(r"(?:^|\s)#([\w-]+)")


def split_inline_tags(text: str) -> tuple[str, list[str]]:
    """`"Plus de logements #housing #youth"` -> ("Plus de logements", ["housing", "youth"])."""
    tags = _INLINE_TAG.findall(text)
    return _INLINE_TAG.sub("", text).strip(), tags


class NoteWriter:
    """Saves the notes of one person at one table (or the plenary), with drafts."""

    def __init__(self, event: Event, who: str = "", origin: str = "capture"):
        self.event = event
        self.who = who
        self.origin = origin

    def save(
        self,
        target: Target,
        text: str,
        tags: list[str],
        note_id: int | None = None,
    ) -> int:
        """Save a new note (or a new revision of `note_id`) and drop its draft; returns the id."""
        if note_id is None:
            note_id = self.event.add_note(
                target.block,
                text,
                round=target.round,
                table=target.table,
                kind=target.kind,
                author=self.who,
                tags=tags,
                origin=self.origin,
            )
            self.event.drop_draft(draft_key(target, self.who))
        else:
            self.event.edit_note(note_id, text, tags=tags, author=self.who)
            self.event.drop_draft(draft_key(target, self.who, note_id))
        return note_id

    def keep_draft(
        self,
        target: Target,
        text: str,
        note_id: int | None = None,
        tags: list[str] | None = None,
    ) -> None:
        self.event.save_draft(draft_key(target, self.who, note_id), text, note_id, tags)

    def drop_draft(self, target: Target, note_id: int | None = None) -> None:
        self.event.drop_draft(draft_key(target, self.who, note_id))


def target_for(
    script: SessionScript, block: int, round: int | None, kind: str, table: int | None
) -> Target:
    """The target of a note already placed at (block, round): for drafts and edits."""
    for index, (b, step) in enumerate(script.flat_steps()):
        if b.number == block and step.round == round and step.capture == kind:
            return Target(index, block, round, table, kind, step.title, step.question, False)
    title = f"{block}.{round}" if round else str(block)
    return Target(-1, block, round, table, kind, title)
