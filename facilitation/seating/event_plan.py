"""Seating a World Café block of an event: its participants in, the plan stored back.

Shared by `facilitation seat EVENT.db` and the console's seating key.
"""

from __future__ import annotations

from facilitation.errors import UserError
from facilitation.i18n import _
from facilitation.models import Block
from facilitation.seating.io import participants_from_event
from facilitation.seating.model import Participant, Plan


def seatable_block(event, number: int | None = None) -> Block:
    """The World Café block to seat: the one asked for, else the first whose rounds take
    table notes."""
    blocks = event.script.blocks
    if number is not None:
        if not 1 <= number <= len(blocks):
            raise UserError(
                _("--block: the event has blocks 1 to {n}").format(n=len(blocks)), path=event.path
            )
        return blocks[number - 1]
    for block in blocks:
        if is_seatable(block):
            return block
    raise UserError(_("this event has no World Café block to seat"), path=event.path)


def is_seatable(block: Block) -> bool:
    return any(step.capture == "table" and step.round is not None for step in block.steps)


def block_tables(event, block: Block) -> int | None:
    """How many tables a block has: its own `tables:`, else the event's."""
    return event.script.tables_of(block)


def event_participants(event) -> list[Participant]:
    participants = participants_from_event(event)
    if not participants:
        raise UserError(
            _(
                "the event has no participants yet: import them with "
                "facilitation import EVENT.db FILE.csv --kind participants"
            ),
            path=event.path,
        )
    return participants


def mixing_columns(participants: list[Participant]) -> tuple[str, ...]:
    """The columns worth spreading across tables: organisation and sector, when filled in."""
    return tuple(
        column
        for column in ("organisation", "sector")
        if any(person.attributes.get(column) for person in participants)
    )


def store_plan(event, block_number: int, plan: Plan, participants: list[Participant]) -> None:
    """Replace the block's seating in the event with `plan`."""
    from facilitation.store import Seat

    ids = {person.name: person.id for person in event.list_participants()}
    hosts = {person.name for person in participants if person.is_host}
    seats = [
        Seat(block_number, rnd, table, ids[name], host=name in hosts)
        for name, by_round in plan.seats.items()
        if name in ids
        for rnd, table in sorted(by_round.items())
    ]
    event.set_seating(block_number, seats)
