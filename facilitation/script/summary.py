"""The one-screen summary `facilitation check` prints for a valid script."""

from __future__ import annotations

import datetime as dt

from facilitation.i18n import _, ngettext
from facilitation.i18n.formatting import format_date, format_date_range, format_minutes, format_time
from facilitation.models import SessionScript


def _clock(minutes: int) -> dt.time:
    minutes = max(0, min(minutes, 24 * 60 - 1))
    return dt.time(minutes // 60, minutes % 60)


def _minutes_of(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def warnings(script: SessionScript) -> list[str]:
    """Timing problems that do not stop the event from running (over time, overlapping blocks)."""
    out: list[str] = []
    event = script.event
    available = event.available_minutes_per_day()
    for day in script.days():
        blocks = [b for b in script.blocks if b.day == day]
        planned = sum(b.minutes for b in blocks)
        if available is not None and planned > available:
            out.append(
                _("day {day}: {planned} planned but only {available} available").format(
                    day=day, planned=format_minutes(planned), available=format_minutes(available)
                )
            )
        for before, after in zip(blocks, blocks[1:], strict=False):
            if before.start and after.start:
                ends = _minutes_of(before.start) + before.minutes
                if ends > _minutes_of(after.start):
                    out.append(
                        _("'{a}' runs until {end} but '{b}' starts at {start}").format(
                            a=before.title,
                            end=format_time(_clock(ends)),
                            b=after.title,
                            start=format_time(after.start),
                        )
                    )
        for block in blocks:
            sessions = [s for s in block.steps if s.round is not None and s.capture == "reports"]
            if block.slots and sessions and len(sessions) != len(block.slots):
                out.append(
                    _("'{block}' has {slots} but {sessions}").format(
                        block=block.title,
                        slots=ngettext("{n} time slot", "{n} time slots", len(block.slots)).format(
                            n=len(block.slots)
                        ),
                        sessions=ngettext("{n} session", "{n} sessions", len(sessions)).format(
                            n=len(sessions)
                        ),
                    )
                )
        if event.end and blocks and blocks[-1].start:
            ends = _minutes_of(blocks[-1].start) + blocks[-1].minutes
            if ends > _minutes_of(event.end):
                out.append(
                    _("day {day} ends at {end}, after the planned end ({planned})").format(
                        day=day, end=format_time(_clock(ends)), planned=format_time(event.end)
                    )
                )
    return out


def summary_lines(script: SessionScript) -> list[str]:
    event = script.event
    lines = [event.title]
    facts = [format_date_range(event.dates)] if event.dates else []
    facts += [fact for fact in (event.place, event.organiser) if fact]
    if event.tables:
        facts.append(ngettext("{n} table", "{n} tables", event.tables).format(n=event.tables))
    if facts:
        lines.append(" · ".join(facts))
    available = event.available_minutes_per_day()
    for day in script.days():
        blocks = [b for b in script.blocks if b.day == day]
        heading = _("Day {day}").format(day=day)
        if len(event.dates) >= day:
            heading += " — " + format_date(event.dates[day - 1])
        if event.start and event.end:
            heading += f" ({format_time(event.start)}–{format_time(event.end)})"
        lines += ["", heading]
        for block in blocks:
            parts = [f"{block.number}. {block.title}", block.format_name]
            if block.start:
                parts.append(format_time(block.start))
            parts.append(format_minutes(block.minutes))
            lines.append("  " + " · ".join(parts))
            steps = ", ".join(f"{s.title} {format_minutes(s.minutes)}" for s in block.steps)
            lines.append("     " + steps)
        planned = sum(b.minutes for b in blocks)
        if available is not None:
            lines.append(
                "  "
                + _("Planned: {planned} of {available} available").format(
                    planned=format_minutes(planned), available=format_minutes(available)
                )
            )
        else:
            lines.append("  " + _("Planned: {planned}").format(planned=format_minutes(planned)))
    rounds = sum(len(b.rounds()) for b in script.blocks)
    lines += [
        "",
        _("Total: {blocks}, {rounds}, {minutes}").format(
            blocks=ngettext("{n} block", "{n} blocks", len(script.blocks)).format(
                n=len(script.blocks)
            ),
            rounds=ngettext("{n} round or slot", "{n} rounds or slots", rounds).format(n=rounds),
            minutes=format_minutes(script.minutes),
        ),
    ]
    if event.codebook:
        lines.append(
            _("Codebook: {themes}").format(themes=", ".join(theme.id for theme in event.codebook))
        )
    return lines
