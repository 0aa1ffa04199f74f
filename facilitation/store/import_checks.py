"""The checks of one CSV cell during an import: whole numbers in a sensible range (never
"inf", "1e400" or a 5,000-digit number), dates in sensible years, a table within its block.
Each failure is a _RowError, reported as FILE:LINE: message by facilitation.store.importing."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from facilitation.i18n import N_, _
from facilitation.tabular import Row

if TYPE_CHECKING:
    from facilitation.store.event import Event

_NOT_A_NUMBER = N_("{column}: a whole number is expected, not \u201c{value}\u201d")
# A whole number as a spreadsheet writes it: "12", "+12", "12.0", "12,00" (never "1e3", "inf").
_WHOLE = re.compile(r"[+-]?(\d+)(?:[.,]0*)?")
# The largest sensible value of each number column (a table 99999999999999999999999 is a typo).
MAXIMUM = {"block": 1_000, "round": 1_000, "table": 10_000, "votes": 1_000_000}
EARLIEST_YEAR, LATEST_YEAR = 1970, 2200  # a note's created_at must fall in these years


class _RowError(Exception):
    pass


def _shown(value: str, width: int = 30) -> str:
    return value if len(value) <= width else value[: width - 1] + "\u2026"


def _number(row: Row, column: str, *, minimum: int = 1) -> int | None:
    """The whole number in `column`, None when empty; _RowError for anything else or out of
    the range `minimum`..MAXIMUM[column]."""
    value = row.values.get(column, "").strip()
    if not value:
        return None
    match = _WHOLE.fullmatch(value)
    if match is None:
        raise _RowError(_(_NOT_A_NUMBER).format(column=column, value=_shown(value)))
    digits = match.group(1).lstrip("0") or "0"
    maximum = MAXIMUM.get(column, 1_000_000)
    negative = value.startswith("-") and digits != "0"
    if negative or len(digits) > len(str(maximum)) or not minimum <= int(digits) <= maximum:
        raise _RowError(
            _("{column}: must be between {minimum} and {maximum}, not {value}").format(
                column=column, minimum=minimum, maximum=maximum, value=_shown(value)
            )
        )
    return int(digits)


def _parse_time(value: str) -> float | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value[:64].replace("Z", "+00:00"))
    except ValueError:
        raise _RowError(
            _("created_at: a date and time like 2026-05-14T10:30:00 is expected")
        ) from None
    if not EARLIEST_YEAR <= when.year <= LATEST_YEAR:
        raise _RowError(
            _("created_at: the year must be between {first} and {last}, not {year}").format(
                first=EARLIEST_YEAR, last=LATEST_YEAR, year=when.year
            )
        )
    try:
        if when.tzinfo is None:
            when = when.astimezone()  # local time of this computer
        return when.timestamp()
    except (OverflowError, OSError, ValueError):
        raise _RowError(
            _("created_at: a date and time like 2026-05-14T10:30:00 is expected")
        ) from None


def _check_table(event: Event, block: int, table: int | None) -> None:
    """A table outside the block's count is refused, naming the block's tables (the same
    rule as capture: `SessionScript.tables_of`)."""
    if table is None or not event.script.blocks or block > len(event.script.blocks):
        return
    count = event.script.tables_of(event.script.block(block))
    if count and table > count:
        raise _RowError(
            _("table: block {block} has tables 1 to {count}, there is no table {number}").format(
                block=block, count=count, number=table
            )
        )
