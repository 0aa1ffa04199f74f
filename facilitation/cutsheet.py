"""Cards to cut out: a .docx grid of equal cards per page, framed by dashed cut lines.

Used for the seating cards (a card per participant: their table in each round) and the
personal agendas of an Open Space (a card per participant: their session in each slot).
A card is a list of lines, each (text, kind) with kind "title", "strong", "plain" or "note".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Line = tuple[str, str]

PAGE_WIDTH_CM, PAGE_HEIGHT_CM, MARGIN_CM = 21.59, 27.94, 1.0  # letter, portrait
SIZES = {"title": 14, "strong": 11, "plain": 10, "note": 8}


def _dashed_borders(table: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "dashed")
        edge.set(qn("w:sz"), "6")
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "808080")
        borders.append(edge)
    tbl_pr.append(borders)


def add_cards(
    document: Any, cards: Sequence[Sequence[Line]], per_row: int, rows_per_page: int
) -> None:
    """Add the cards to `document`, `per_row` x `rows_per_page` on each page."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    height = (PAGE_HEIGHT_CM - 2 * MARGIN_CM - 1.5) / rows_per_page
    per_page = per_row * rows_per_page
    for start in range(0, len(cards), per_page):
        if start:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        chunk = cards[start : start + per_page]
        rows = -(-len(chunk) // per_row)
        grid = document.add_table(rows=rows, cols=per_row)
        _dashed_borders(grid)
        for row in grid.rows:
            row.height = Cm(height)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for k, lines in enumerate(chunk):
            cell = grid.cell(k // per_row, k % per_row)
            for n, (text, kind) in enumerate(lines):
                paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                run = paragraph.add_run(text)
                run.bold = kind in ("title", "strong")
                run.italic = kind == "note"
                run.font.size = Pt(SIZES.get(kind, 10))
