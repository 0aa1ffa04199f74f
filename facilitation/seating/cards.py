"""Printable outputs: one card per participant, one list per table and round (.docx or .csv).

Documents are written in the event's language (`lang`), whatever the interface's language.
"""

from __future__ import annotations

import csv
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from facilitation.i18n import gettext_in
from facilitation.seating.model import Participant, Plan

CARDS_PER_ROW = 2
ROWS_PER_PAGE = 4  # 8 cards per Letter/A4 page, to cut along the grid


def card_lines(plan: Plan, name: str, lang: str) -> list[str]:
    seats = plan.seats.get(name, {})
    line = gettext_in(lang, "Round {round}: table {table}")
    return [line.format(round=r, table=seats[r]) for r in sorted(seats)]


def _describe(person: Participant | None, lang: str) -> str:
    if person is None:
        return ""
    parts = [person.organisation] if person.organisation else []
    if person.is_host:
        parts.append(gettext_in(lang, "table host"))
    return ", ".join(parts)


def write_cards(plan: Plan, participants: list[Participant], path: str | Path, lang: str) -> None:
    path = Path(path)
    names = [p.name for p in participants if p.name in plan.seats]
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            header = gettext_in(lang, "Round {round}")
            writer.writerow(
                [gettext_in(lang, "Name")]
                + [header.format(round=r) for r in range(1, plan.rounds + 1)]
            )
            for name in names:
                seats = plan.seats[name]
                writer.writerow([name] + [seats.get(r, "") for r in range(1, plan.rounds + 1)])
        return
    document = Document()
    document.add_heading(gettext_in(lang, "Participant cards"), level=1)
    per_page = CARDS_PER_ROW * ROWS_PER_PAGE
    for start in range(0, len(names), per_page):
        if start:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        chunk = names[start : start + per_page]
        rows = -(-len(chunk) // CARDS_PER_ROW)
        grid = document.add_table(rows=rows, cols=CARDS_PER_ROW)
        grid.style = "Table Grid"
        for k, name in enumerate(chunk):
            cell = grid.cell(k // CARDS_PER_ROW, k % CARDS_PER_ROW)
            title = cell.paragraphs[0].add_run(name)
            title.bold = True
            title.font.size = Pt(14)
            for line in card_lines(plan, name, lang):
                cell.add_paragraph(line)
    document.save(str(path))


def write_table_lists(
    plan: Plan, participants: list[Participant], path: str | Path, lang: str
) -> None:
    path = Path(path)
    by_name = {p.name: p for p in participants}
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(
                [
                    gettext_in(lang, "Round"),
                    gettext_in(lang, "Table"),
                    gettext_in(lang, "Name"),
                    gettext_in(lang, "Organisation"),
                ]
            )
            for rnd in range(1, plan.rounds + 1):
                for table, members in sorted(plan.table_members(rnd).items()):
                    for name in members:
                        person = by_name.get(name)
                        org = person.organisation if person else ""
                        writer.writerow([rnd, table, name, org])
        return
    document = Document()
    document.add_heading(gettext_in(lang, "Seating plan"), level=0)
    for rnd in range(1, plan.rounds + 1):
        if rnd > 1:
            document.add_page_break()  # each round on its own pages, to hand out or post
        document.add_heading(gettext_in(lang, "Round {round}").format(round=rnd), level=1)
        for table, members in sorted(plan.table_members(rnd).items()):
            document.add_heading(gettext_in(lang, "Table {table}").format(table=table), level=2)
            for name in members:
                detail = _describe(by_name.get(name), lang)
                text = f"{name} ({detail})" if detail else name
                document.add_paragraph(text, style="List Bullet")
    document.save(str(path))
