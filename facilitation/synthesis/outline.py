"""What the synthesis says, in order: cover, contents, context, agenda, participation, each
block (World Café rounds, Open Space wall, reports, votes, actions), cross-cutting themes and
appendices. Each section is present only when it has something to say.

`build_outline(data, lang)` returns an `Outline` of plain elements (see `elements.py`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from facilitation.synthesis import outline_blocks, outline_extra, outline_summary
from facilitation.synthesis.agenda import AgendaRow, agenda
from facilitation.synthesis.collect import EventData
from facilitation.synthesis.elements import (
    Bullets,
    Cover,
    Heading,
    Markdown,
    Outline,
    Table,
    Text,
    Toc,
)
from facilitation.synthesis.options import Options
from facilitation.synthesis.sanitise import one_line
from facilitation.synthesis.words import Words

Progress = Callable[[float, str], None]


def build_outline(
    data: EventData,
    lang: str,
    progress: Progress | None = None,
    options: Options | None = None,
) -> Outline:
    options = options or Options()
    w = Words(lang)
    info = data.info
    title = one_line(info.title) or w("Synthesis")
    out = Outline(lang=w.lang, title=title, author=one_line(info.organiser), subject=w("Synthesis"))
    _cover(out, data, w)
    ideas: outline_blocks.IdeasCache = {}
    if data.has_content():
        outline_summary.at_a_glance(out, data, w, ideas)
    out.add(Toc(w("Contents")))
    if info.purpose.strip():
        out.add(Heading(1, w("Context and purpose")))
        out.add(Markdown(info.purpose))
    if not data.has_content():
        out.add(
            Text(
                w(
                    "Nothing has been captured for this event yet: no participants, notes,"
                    " session reports, votes or actions. Write the synthesis again once the"
                    " event has run."
                ),
                "empty",
            )
        )
    _agenda(out, data, w)
    _participation(out, data, w)
    photos = outline_blocks.Photos(data.photos, w)
    blocks = [b for b in data.blocks if b.has_content()]
    for index, block in enumerate(blocks):
        if progress:
            progress(
                0.1 + 0.3 * index / max(1, len(blocks)),
                w("Writing {title}", title=one_line(block.block.title)),
            )
        outline_blocks.block_section(out, block, data, w, options, photos, ideas)
    photos.rest(out)
    places = outline_extra.Places(data, w)
    outline_extra.themes(out, data, w, places)
    outline_extra.appendices(out, data, w, places, options)
    return out


def _cover(out: Outline, data: EventData, w: Words) -> None:
    info = data.info
    lines = []
    if info.organiser.strip():
        lines.append(one_line(info.organiser))
    when_where = [part for part in (w.date_range(info.dates), one_line(info.place)) if part]
    if when_where:
        lines.append(" · ".join(when_where))
    lines.append(w("Synthesis of the proceedings"))
    out.add(Cover(out.title, lines))


def _agenda(out: Outline, data: EventData, w: Words) -> None:
    rows = agenda(data.script, data.run_log)
    if not rows:
        return
    ran = any(row.actual_start is not None for row in rows)
    out.add(Heading(1, w("Agenda")))
    if ran:
        out.add(
            Text(w("The agenda as planned in the script, and as it happened (from the run log)."))
        )
    else:
        out.add(Text(w("The agenda as planned in the script (the event has not been run yet).")))
    headers = [w("Step"), w("Planned start"), w("Planned duration")]
    if ran:
        headers += [w("Actual start"), w("Actual duration"), w("Extensions")]
    by_block: dict[int, list] = {}
    for row in rows:
        by_block.setdefault(row.block.number, []).append(row)
    days = {row.block.day for row in rows}
    for number, block_rows in by_block.items():
        block = block_rows[0].block
        heading = one_line(block.title)
        if len(days) > 1:
            heading = w("Day {day}: {title}", day=block.day, title=heading)
        out.add(Heading(2, heading))
        table_rows = []
        for row in block_rows:
            cells = [
                one_line(row.step.title),
                w.time(row.planned_start) if row.planned_start else "",
                w.minutes(row.planned_minutes) + _replanned(row, w),
            ]
            if ran:
                extensions = ""
                if row.extensions:
                    added = row.extended_minutes
                    extensions = w.n("{n} extension", "{n} extensions", row.extensions)
                    if added:
                        sign = "+" if added > 0 else "−"
                        extensions += f" ({sign}{w.minutes(abs(added))})"
                cells += [
                    w.epoch_time(row.actual_start) if row.actual_start is not None else "",
                    w.minutes(row.actual_seconds / 60) if row.actual_seconds is not None else "",
                    extensions,
                ]
            table_rows.append(cells)
        out.add(Table(headers, table_rows))
        del number


def _replanned(row: AgendaRow, w: Words) -> str:
    """ " (shortened to 12 min)" or " (dropped)": the facilitator re-planned, running late."""
    if row.replanned_minutes is None:
        return ""
    if row.replanned_minutes == 0:
        return " " + w("(dropped)")
    return " " + w("(re-planned: {minutes})", minutes=w.minutes(row.replanned_minutes))


def _participation(out: Outline, data: EventData, w: Words) -> None:
    people = data.participants
    tables = _table_count(data)
    notes = len(data.notes)
    if not (people or notes):
        return
    out.add(Heading(1, w("Participation")))
    facts = []
    if people:
        facts.append(w.n("{n} participant", "{n} participants", len(people)))
    if tables:
        facts.append(w.n("{n} table", "{n} tables", tables))
    facts.append(w.n("{n} note", "{n} notes", notes))
    reports = sum(len(b.reports) for b in data.blocks)
    if reports:
        facts.append(w.n("{n} session report", "{n} session reports", reports))
    out.add(Bullets(facts))
    for attribute, label in (("sector", w("Sector")), ("organisation", w("Organisation"))):
        counts = Counter(
            one_line(getattr(p, attribute)) for p in people if getattr(p, attribute).strip()
        )
        if not counts:
            continue
        heading = w("By sector") if attribute == "sector" else w("By organisation")
        out.add(Heading(2, heading))
        rows = [
            [name, w.number(n)]
            for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        unknown = len(people) - sum(counts.values())
        if unknown:
            rows.append([w("Not given"), w.number(unknown)])
        out.add(Table([label, w("Participants")], rows))


def _table_count(data: EventData) -> int:
    seen = {table for block in data.blocks for rnd in block.rounds for table in rnd.notes_by_table}
    planned = [b.block.tables or 0 for b in data.blocks] + [data.info.tables or 0]
    return max([len(seen), *planned])


__all__ = ["build_outline", "Bullets", "Options"]
