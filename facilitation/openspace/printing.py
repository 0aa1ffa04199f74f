"""The agenda wall as a document to print and post (the news room prints it at any moment):
a landscape .docx table (spaces down, time slots across) or a Markdown table; and each
participant's personal agenda (cards to cut out, or Markdown).

Written in `lang` (the event's language by default) whatever the interface's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from facilitation.errors import UserError
from facilitation.i18n import _, gettext_in
from facilitation.i18n.formatting import format_date, format_time
from facilitation.openspace.agendas import SlotPlan, personal_agendas
from facilitation.openspace.conflicts import describe
from facilitation.openspace.wall import Wall
from facilitation.store.openspace import Topic

if TYPE_CHECKING:
    from facilitation.store import Event

FORMATS = (".docx", ".md")


def _cell_text(topics: list[Topic], lang: str) -> list[tuple[str, str]]:
    """(title, convener line) for each topic of a cell."""
    out = []
    for t in topics:
        who = gettext_in(lang, "convener: {name}").format(name=t.convener) if t.convener else ""
        out.append((t.title, who))
    return out


def _heading(wall: Wall, lang: str) -> str:
    return gettext_in(lang, "Agenda wall \u2014 {block}").format(block=wall.block.title)


def _stamp(now: dt.datetime, lang: str) -> str:
    return gettext_in(lang, "As of {date}, {time}").format(
        date=format_date(now.date(), lang), time=format_time(now.time(), lang)
    )


def wall_markdown(wall: Wall, lang: str, now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    lines = [f"# {_heading(wall, lang)}", "", f"*{_stamp(now, lang)}*", ""]
    if wall.block.question:
        lines += [wall.block.question.strip(), ""]

    def esc(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    header = [gettext_in(lang, "Space")] + [esc(s) for s in wall.slots]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    for sp, space in enumerate(wall.spaces):
        cap = wall.capacities[sp]
        label = esc(space) + (f" ({cap})" if cap else "")
        row = [f"**{label}**"]
        for s in range(len(wall.slots)):
            parts = [
                f"**{esc(title)}**" + (f"<br>{esc(who)}" if who else "")
                for title, who in _cell_text(wall.at(s, sp), lang)
            ]
            row.append("<br>".join(parts))
        lines.append("| " + " | ".join(row) + " |")
    tray = wall.tray()
    if tray:
        lines += ["", f"## {gettext_in(lang, 'Not yet on the wall')}", ""]
        for t in tray:
            lines.append(f"- **{esc(t.title)}**" + (f" ({esc(t.convener)})" if t.convener else ""))
    if wall.conflicts:
        lines += ["", f"## {gettext_in(lang, 'To settle')}", ""]
        titles = wall.titles()
        for c in wall.conflicts:
            lines.append("- " + _describe_in(lang, c, titles, wall))
    return "\n".join(lines) + "\n"


def _describe_in(lang: str, conflict, titles, wall: Wall) -> str:
    from facilitation.i18n import current_language, set_language

    before = current_language()
    set_language(lang)
    try:
        return describe(conflict, titles, wall.slots, wall.spaces)
    finally:
        set_language(before)


def write_wall_docx(
    wall: Wall, path: str | Path, lang: str, now: dt.datetime | None = None
) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    now = now or dt.datetime.now()
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(27.94), Cm(21.59)  # letter, landscape
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.2))
    doc.add_heading(_heading(wall, lang), level=1)
    doc.add_paragraph(_stamp(now, lang)).runs[0].italic = True
    table = doc.add_table(rows=len(wall.spaces) + 1, cols=len(wall.slots) + 1)
    table.style = "Table Grid"
    size = Pt(11 if len(wall.slots) <= 3 else 9)
    table.cell(0, 0).text = gettext_in(lang, "Space")
    for s, slot in enumerate(wall.slots):
        cell = table.cell(0, s + 1)
        cell.text = ""
        run = cell.paragraphs[0].add_run(slot)
        run.bold = True
    for sp, space in enumerate(wall.spaces):
        cell = table.cell(sp + 1, 0)
        cap = wall.capacities[sp]
        run = cell.paragraphs[0].add_run(space + (f" ({cap})" if cap else ""))
        run.bold = True
        for s in range(len(wall.slots)):
            cell = table.cell(sp + 1, s + 1)
            paragraph = cell.paragraphs[0]
            for n, (title, who) in enumerate(_cell_text(wall.at(s, sp), lang)):
                if n:
                    paragraph = cell.add_paragraph()
                title_run = paragraph.add_run(title)
                title_run.bold = True
                title_run.font.size = size
                if who:
                    who_run = cell.add_paragraph().add_run(who)
                    who_run.font.size = Pt(size.pt - 1)
    tray = wall.tray()
    if tray:
        doc.add_heading(gettext_in(lang, "Not yet on the wall"), level=2)
        for t in tray:
            doc.add_paragraph(t.title + (f" ({t.convener})" if t.convener else ""), "List Bullet")
    if wall.conflicts:
        doc.add_heading(gettext_in(lang, "To settle"), level=2)
        titles = wall.titles()
        for c in wall.conflicts:
            doc.add_paragraph(_describe_in(lang, c, titles, wall), "List Bullet")
    doc.save(str(path))


def write_wall(wall: Wall, path: str | Path, lang: str, now: dt.datetime | None = None) -> None:
    """Write the wall to `path` (.docx or .md)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(_("--print: the file name must end with .docx or .md"), path=path)
    if suffix == ".md":
        path.write_text(wall_markdown(wall, lang, now), encoding="utf-8")
    else:
        write_wall_docx(wall, path, lang, now)


# ---- personal agendas -------------------------------------------------------------------

AGENDAS_PER_ROW = 2
AGENDA_ROWS_PER_PAGE = 3  # six to a page: a slot per line, with room for five or six slots


def agenda_lines(
    wall: Wall,
    plans: list[SlotPlan],
    cells: Mapping[int, tuple[int | None, int | None]],
    lang: str,
) -> list[tuple[str, str, str]]:
    """(slot, what to attend, what is missed) for each slot of one participant's agenda."""
    titles = wall.titles()
    out = []
    for plan in plans:
        slot = wall.slots[plan.slot]
        if plan.attend is None:
            out.append((slot, gettext_in(lang, "free choice"), ""))
            continue
        space = cells.get(plan.attend, (None, None))[1]
        where = wall.spaces[space] if space is not None and 0 <= space < len(wall.spaces) else ""
        what = titles.get(plan.attend, f"#{plan.attend}")
        if where:
            what = gettext_in(lang, "{topic} ({space})").format(topic=what, space=where)
        missed = ""
        if plan.missed:
            missed = gettext_in(lang, "also wanted, at the same time: {topics}").format(
                topics="; ".join(titles.get(t, f"#{t}") for t in plan.missed)
            )
        out.append((slot, what, missed))
    return out


def write_agendas(
    event: Event,
    wall: Wall,
    cells: Mapping[int, tuple[int | None, int | None]],
    path: str | Path,
    lang: str,
) -> int:
    """Each participant's personal agenda (see agendas.py) as cards to cut (.docx) or a
    Markdown page; returns how many were written (participants with interests)."""
    from facilitation.openspace.wall import interests_by_participant

    path = Path(path)
    interests = interests_by_participant(event, wall.topics)
    slot_of = {t: cell[0] for t, cell in cells.items()}
    agendas = personal_agendas(interests, slot_of, len(wall.slots))
    people = [p for p in event.list_participants() if p.id in agendas]
    heading = gettext_in(lang, "Personal agendas \u2014 {block}").format(block=wall.block.title)
    if path.suffix.lower() == ".md":
        lines = [f"# {heading}", ""]
        for person in people:
            lines += [f"## {person.name}", ""]
            for slot, what, missed in agenda_lines(wall, agendas[person.id], cells, lang):
                lines.append(f"- **{slot}**: {what}" + (f" \u2014 *{missed}*" if missed else ""))
            lines.append("")
        path.write_text("\n".join(lines), encoding="utf-8")
        return len(people)
    from docx import Document

    from facilitation.cutsheet import Line, add_cards

    document = Document()
    document.add_heading(heading, level=1)
    cards = []
    for person in people:
        card: list[Line] = [(person.name, "title"), (wall.block.title, "note")]
        for slot, what, missed in agenda_lines(wall, agendas[person.id], cells, lang):
            card.append((f"{slot} : {what}" if lang == "fr" else f"{slot}: {what}", "plain"))
            if missed:
                card.append((missed, "note"))
        cards.append(card)
    add_cards(document, cards, AGENDAS_PER_ROW, AGENDA_ROWS_PER_PAGE)
    document.save(str(path))
    return len(people)


def participant_agenda_lines(
    event: Event, block_number: int, participant_id: int, lang: str
) -> list[tuple[str, str, str]]:
    """One participant's agenda on the wall as it is now, (slot, what to attend, what is
    missed) per slot: for a phone or any other screen. Empty without interests."""
    from facilitation.openspace.wall import interests_by_participant, load_wall

    wall = load_wall(event, block_number)
    interests = interests_by_participant(event, wall.topics)
    if participant_id not in interests:
        return []
    cells = {t.id: (t.slot, t.space) for t in wall.active}
    slot_of = {t: cell[0] for t, cell in cells.items()}
    plans = personal_agendas(interests, slot_of, len(wall.slots))[participant_id]
    return agenda_lines(wall, plans, cells, lang)
