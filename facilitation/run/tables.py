"""Which tables exist now: the one rule for capture, import and serve. A block has its own
`tables:` (else the event's, `facilitation.seating.event_plan.block_tables`); a note for a
table outside that count is refused with a message naming the block's tables."""

from __future__ import annotations

from facilitation.i18n import _
from facilitation.models import Block
from facilitation.store import Event


def current_block(event: Event) -> Block | None:
    """The block of the step the timer is on (None for an event without steps)."""
    steps = event.script.flat_steps()
    if not steps:
        return None
    index = min(max(event.read_timer().step_index, 0), len(steps) - 1)
    return steps[index][0]


def block_table_count(event: Event, block: Block | None) -> int:
    count = event.script.tables_of(block) if block is not None else event.script.event.tables
    return count or event.table_count()


def table_problem(event: Event, table: int, block: Block | None = None) -> str | None:
    """Why `table` cannot take notes in `block` (default: the current block); None if it
    can."""
    block = block if block is not None else current_block(event)
    count = block_table_count(event, block)
    if 1 <= table <= count:
        return None
    where = (
        _("block {n} \u201c{title}\u201d").format(n=block.number, title=block.title)
        if block is not None
        else _("this event")
    )
    if count == 0:
        return _("there is no table {table}: {where} has no tables").format(
            table=table, where=where
        )
    if count == 1:
        return _("there is no table {table}: {where} has only table 1").format(
            table=table, where=where
        )
    return _("there is no table {table}: {where} has tables 1 to {count}").format(
        table=table, where=where, count=count
    )
