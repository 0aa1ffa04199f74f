"""Printable outputs: one card per participant (ten to a page, dashed lines to cut along,
hosts marked), one list per table and round (.docx or .csv).

Documents are written in the event's language (`lang`), whatever the interface's language.
"""

from __future__ import annotations

import csv
from pathlib import Path

from docx import Document

from facilitation.cutsheet import Line, add_cards
from facilitation.i18n import gettext_in
from facilitation.seating.model import Participant, Plan

CARDS_PER_ROW = 2
ROWS_PER_PAGE = 5  # 10 cards per Letter page, framed by dashed lines to cut along


def theme_of(themes: list[str] | None, table: int) -> str:
    """The theme table `table` carries (the block's `table themes`, item n - 1), or ""."""
    return themes[table - 1] if themes and 0 < table <= len(themes) else ""


def card_lines(plan: Plan, name: str, lang: str, themes: list[str] | None = None) -> list[str]:
    """ "Round 1: table 3", or "Round 1: table 3 (Mobility)" when the table has a theme."""
    seats = plan.seats.get(name, {})
    line = gettext_in(lang, "Round {round}: table {table}")
    with_theme = gettext_in(lang, "Round {round}: table {table} ({theme})")
    return [
        (with_theme if theme_of(themes, seats[r]) else line).format(
            round=r, table=seats[r], theme=theme_of(themes, seats[r])
        )
        for r in sorted(seats)
    ]


def _describe(person: Participant | None, lang: str) -> str:
    if person is None:
        return ""
    parts = [person.organisation] if person.organisation else []
    if person.is_host:
        parts.append(gettext_in(lang, "table host"))
    return ", ".join(parts)


def write_cards(
    plan: Plan,
    participants: list[Participant],
    path: str | Path,
    lang: str,
    themes: list[str] | None = None,
) -> None:
    """`themes`: the theme each table carries, named on the cards (.docx) next to the table."""
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
    by_name = {p.name: p for p in participants}
    document = Document()
    document.add_heading(gettext_in(lang, "Participant cards"), level=1)
    cards = [_card(plan, name, by_name[name], lang, themes) for name in names]
    add_cards(document, cards, CARDS_PER_ROW, ROWS_PER_PAGE)
    document.save(str(path))


def _card(
    plan: Plan, name: str, person: Participant, lang: str, themes: list[str] | None = None
) -> list[Line]:
    """Name, organisation, the host's mark, then the table of each round."""
    lines: list[Line] = [(name, "title")]
    if person.organisation:
        lines.append((person.organisation, "note"))
    tables = set(plan.seats.get(name, {}).values())
    if person.is_host and len(tables) == 1:
        line = gettext_in(lang, "Table host: you stay at table {table}")
        lines.append((line.format(table=tables.pop()), "strong"))
    elif person.is_host:
        lines.append((gettext_in(lang, "table host"), "strong"))
    lines += [(text, "plain") for text in card_lines(plan, name, lang, themes)]
    return lines


def write_table_lists(
    plan: Plan,
    participants: list[Participant],
    path: str | Path,
    lang: str,
    themes: list[str] | None = None,
) -> None:
    """`themes`: the theme each table carries, in its heading (.docx) or a column (.csv)."""
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
                + ([gettext_in(lang, "Theme")] if themes else [])
            )
            for rnd in range(1, plan.rounds + 1):
                for table, members in sorted(plan.table_members(rnd).items()):
                    for name in members:
                        person = by_name.get(name)
                        org = person.organisation if person else ""
                        column = [theme_of(themes, table)] if themes else []
                        writer.writerow([rnd, table, name, org, *column])
        return
    document = Document()
    document.add_heading(gettext_in(lang, "Seating plan"), level=0)
    for rnd in range(1, plan.rounds + 1):
        if rnd > 1:
            document.add_page_break()  # each round on its own pages, to hand out or post
        document.add_heading(gettext_in(lang, "Round {round}").format(round=rnd), level=1)
        for table, members in sorted(plan.table_members(rnd).items()):
            heading = gettext_in(lang, "Table {table}").format(table=table)
            theme = theme_of(themes, table)
            document.add_heading(f"{heading} \u2014 {theme}" if theme else heading, level=2)
            # the host first: they welcome the table
            hosts_first = sorted(members, key=lambda m: not (m in by_name and by_name[m].is_host))
            for name in hosts_first:
                detail = _describe(by_name.get(name), lang)
                text = f"{name} ({detail})" if detail else name
                document.add_paragraph(text, style="List Bullet")
    document.save(str(path))
