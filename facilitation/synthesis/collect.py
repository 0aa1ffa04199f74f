"""Read an event file once into plain data the outline is built from (no docx, no gettext).

Every query runs once (all notes in one SELECT, grouped here), so the time to collect grows
with the size of the event and nothing else.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from facilitation.models import Block, EventInfo, SessionScript, Step
from facilitation.store import Action, Event, Note, Participant, Seat, SessionReport, Topic, Vote
from facilitation.store.photos import Photo, list_photos
from facilitation.store.runlog import RunLogEntry


@dataclass
class RoundData:
    step: Step
    number: int  # the round's number in its block
    notes_by_table: dict[int, list[Note]] = field(default_factory=dict)  # table -> notes, sorted
    loose_notes: list[Note] = field(default_factory=list)  # notes of the round without a table

    @property
    def note_count(self) -> int:
        return sum(len(notes) for notes in self.notes_by_table.values()) + len(self.loose_notes)


@dataclass
class BlockData:
    block: Block
    rounds: list[RoundData] = field(default_factory=list)
    plenary: list[Note] = field(default_factory=list)  # harvest notes
    other_notes: list[Note] = field(default_factory=list)  # notes nothing else places
    topics: list[Topic] = field(default_factory=list)
    reports: dict[int, SessionReport] = field(default_factory=dict)  # topic id -> report
    topic_notes: dict[int, list[Note]] = field(default_factory=dict)  # topic id -> notes
    votes: list[Vote] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    seats: list[Seat] = field(default_factory=list)

    @property
    def note_count(self) -> int:
        return (
            sum(r.note_count for r in self.rounds)
            + len(self.plenary)
            + len(self.other_notes)
            + sum(len(n) for n in self.topic_notes.values())
        )

    def has_content(self) -> bool:
        return bool(self.note_count or self.topics or self.reports or self.votes or self.actions)


@dataclass
class EventData:
    info: EventInfo
    blocks: list[BlockData]
    participants: list[Participant]
    run_log: list[RunLogEntry]
    script: SessionScript  # the event's script (its agenda: facilitation.synthesis.agenda)
    notes: list[Note]  # every current note, in block / round / table order
    photos: list[Photo] = field(default_factory=list)  # by block, round, table

    @property
    def participants_by_id(self) -> dict[int, Participant]:
        return {p.id: p for p in self.participants}

    @cached_property
    def round_texts(self) -> dict[tuple[int, int], list[str]]:
        """(block, round) -> the texts of the round's notes at tables, listed once: each
        round's recurring ideas read every other round as their background."""
        return {
            (block.block.number, rnd.number): [
                note.text for notes in rnd.notes_by_table.values() for note in notes
            ]
            for block in self.blocks
            for rnd in block.rounds
        }

    def has_content(self) -> bool:
        return bool(self.participants or any(b.has_content() for b in self.blocks))


def _note_order(note: Note) -> tuple:
    return (note.block, note.round or 0, note.table or 0, note.created_at, note.id)


def collect(event: Event) -> EventData:
    """Everything the synthesis shows, read from `event` in a handful of queries."""
    script = event.script
    notes = sorted(event.list_notes(), key=_note_order)
    topics = event.list_topics()
    reports = {r.topic_id: r for r in event.list_reports()}
    votes = event.list_votes()
    actions = event.list_actions()
    seats = event.seating()

    by_block: dict[int, BlockData] = {}
    for block in script.blocks:
        data = BlockData(block=block)
        for step in block.steps:
            if step.round is not None and step.capture == "table":
                data.rounds.append(RoundData(step=step, number=step.round))
        by_block[block.number] = data

    def block_data(number: int) -> BlockData:
        if number not in by_block:  # a note for a block the script does not have
            by_block[number] = BlockData(
                block=Block(number=number, title=f"{number}", format="", steps=[])
            )
        return by_block[number]

    for topic in topics:
        block_data(topic.block).topics.append(topic)
    topic_block = {t.id: t.block for t in topics}
    for topic_id, report in reports.items():
        if topic_id in topic_block:
            block_data(topic_block[topic_id]).reports[topic_id] = report
    for vote in votes:
        block_data(vote.block).votes.append(vote)
    for action in actions:
        block_data(action.block).actions.append(action)
    for seat in seats:
        block_data(seat.block).seats.append(seat)

    rounds_index: dict[tuple[int, int], RoundData] = {}
    for number, data in by_block.items():
        for rnd in data.rounds:
            rounds_index[(number, rnd.number)] = rnd
    grouped: dict[tuple[int, int], dict[int, list[Note]]] = defaultdict(lambda: defaultdict(list))
    for note in notes:
        data = block_data(note.block)
        if note.topic_id is not None or note.kind == "topic":
            data.topic_notes.setdefault(note.topic_id or 0, []).append(note)
        elif note.round is not None and (note.block, note.round) in rounds_index:
            if note.table is None:
                rounds_index[(note.block, note.round)].loose_notes.append(note)
            else:
                grouped[(note.block, note.round)][note.table].append(note)
        elif note.kind == "plenary":
            data.plenary.append(note)
        elif note.round is not None and note.table is not None:
            # a round the script does not capture table notes for: make one so nothing is lost
            rnd = RoundData(step=Step(kind="round", title="", minutes=0), number=note.round)
            data.rounds.append(rnd)
            rounds_index[(note.block, note.round)] = rnd
            grouped[(note.block, note.round)][note.table].append(note)
        else:
            data.other_notes.append(note)
    for key, tables in grouped.items():
        rounds_index[key].notes_by_table = {t: tables[t] for t in sorted(tables)}
    for data in by_block.values():
        data.rounds.sort(key=lambda r: r.number)

    return EventData(
        info=script.event,
        blocks=[by_block[n] for n in sorted(by_block)],
        participants=event.list_participants(),
        run_log=event.run_log(),
        script=script,
        notes=notes,
        photos=list_photos(event),
    )
