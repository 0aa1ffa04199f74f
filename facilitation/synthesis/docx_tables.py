"""Tables that fit the page: column widths from their text, never wider than the text width
(fixed layout, so Word does not widen them), split into several tables when even the smallest
widths do not fit; header rows repeat on each page and use a named style."""

from __future__ import annotations

from lxml import etree

from facilitation.synthesis.docx_paragraphs import Paragraphs
from facilitation.synthesis.elements import Table
from facilitation.synthesis.markdown_runs import Run
from facilitation.synthesis.sanitise import clean_text
from facilitation.synthesis.typography import french_spaces, unbreakable_words

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHADE_RGB = (46, 94, 140)  # heat-map colour at full intensity (the chart's blue)
CHAR = 150  # about one (bold) character of an 11 pt font, in dxa (wide fonts included)
PADDING = 260  # a cell's left and right margins
SAMPLE = 200  # rows read to size the columns


def _words(text: str, french: bool) -> list[str]:
    return unbreakable_words(french_spaces(text) if french else text)


def minimum_widths(table: Table, french: bool) -> list[int]:
    """Per column: its header's longest word, and its cells' longest unbreakable word up to
    12 characters (a longer word may be cut by Word), at least 3 characters."""
    return _sizes(table, french)[0]


def _sizes(table: Table, french: bool) -> tuple[list[int], list[int]]:
    columns = column_count(table)
    minimum, desired = [], []
    sample = table.rows[:SAMPLE]
    for index in range(columns):
        header = table.headers[index] if index < len(table.headers) else ""
        word = max((len(part) for part in _words(header, french)), default=0)
        cells = [row[index] for row in sample if index < len(row)]
        cell_word = max((len(part) for cell in cells for part in _words(cell, french)), default=0)
        longest = max((len(line) for cell in cells for line in cell.split("\n")), default=0)
        low = max(3, word, min(cell_word, 12)) * CHAR + PADDING
        minimum.append(low)
        desired.append(max(low, min(45, max(longest, len(header))) * CHAR + PADDING))
    return minimum, desired


def column_count(table: Table) -> int:
    return max([len(table.headers)] + [len(row) for row in table.rows])


def fits(table: Table, width: int, french: bool) -> bool:
    return sum(minimum_widths(table, french)) <= width


def column_widths(table: Table, width: int, french: bool) -> list[int]:
    """Widths (dxa) summing to at most `width`: every column gets its minimum, the rest of the
    width goes to the columns with long text, so names are not squeezed by numbers."""
    minimum, desired = _sizes(table, french)
    if sum(desired) <= width:
        return [d * width // sum(desired) for d in desired]
    if sum(minimum) > width:  # the caller splits such tables; this only guards the page
        return [m * width // sum(minimum) for m in minimum]
    spare = width - sum(minimum)
    extra = [d - m for d, m in zip(desired, minimum, strict=True)]
    total = sum(extra) or 1
    return [m + spare * e // total for m, e in zip(minimum, extra, strict=True)]


def split_columns(table: Table, width: int, french: bool) -> list[Table]:
    """`table` as several tables of consecutive columns, each repeating the first column (the
    row's name), each fitting `width`."""
    minimum = minimum_widths(table, french)
    columns = column_count(table)
    parts: list[list[int]] = []
    current: list[int] = []
    used = minimum[0]
    for index in range(1, columns):
        if current and used + minimum[index] > width:
            parts.append(current)
            current, used = [], minimum[0]
        current.append(index)
        used += minimum[index]
    if current:
        parts.append(current)

    def pick(cells: list, keep: list[int]) -> list:
        return [cells[i] if i < len(cells) else "" for i in [0, *keep]]

    return [
        Table(
            pick(table.headers, keep),
            [pick(row, keep) for row in table.rows],
            [pick(shade, keep) for shade in table.shading] if table.shading else None,
            table.caption,
        )
        for keep in parts
    ]


def write_table(paragraphs: Paragraphs, table: Table, width: int) -> None:
    """`table` at the end of the body, within `width` (dxa)."""
    styles = paragraphs.styles
    tbl = etree.SubElement(paragraphs.body, W + "tbl")
    tbl_pr = etree.SubElement(tbl, W + "tblPr")
    style = styles.id("table")
    if style:
        etree.SubElement(tbl_pr, W + "tblStyle").set(W + "val", style)
    widths = column_widths(table, width, paragraphs.french)
    total = etree.SubElement(tbl_pr, W + "tblW")
    total.set(W + "w", str(sum(widths)))
    total.set(W + "type", "dxa")
    if not style:
        borders = etree.SubElement(tbl_pr, W + "tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            b = etree.SubElement(borders, W + side)
            b.set(W + "val", "single")
            b.set(W + "sz", "4")
            b.set(W + "color", "808080")
    etree.SubElement(tbl_pr, W + "tblLayout").set(W + "type", "fixed")
    look = etree.SubElement(tbl_pr, W + "tblLook")
    look.set(W + "val", "04A0")
    look.set(W + "firstRow", "1")
    look.set(W + "noVBand", "1")
    grid = etree.SubElement(tbl, W + "tblGrid")
    for col_width in widths:
        etree.SubElement(grid, W + "gridCol").set(W + "w", str(col_width))
    _row(paragraphs, tbl, table.headers, widths, header=True)
    for index, row in enumerate(table.rows):
        shading = table.shading[index] if table.shading else None
        _row(paragraphs, tbl, row, widths, shading=shading)


def _row(
    paragraphs: Paragraphs,
    tbl,
    cells: list[str],
    widths: list[int],
    header: bool = False,
    shading: list[float | None] | None = None,
) -> None:
    tr = etree.SubElement(tbl, W + "tr")
    if header:
        tr_pr = etree.SubElement(tr, W + "trPr")
        etree.SubElement(tr_pr, W + "cantSplit")
        etree.SubElement(tr_pr, W + "tblHeader")
    style = paragraphs.styles.id("table_header" if header else "table_text")
    for index, col_width in enumerate(widths):
        tc = etree.SubElement(tr, W + "tc")
        tc_pr = etree.SubElement(tc, W + "tcPr")
        tc_w = etree.SubElement(tc_pr, W + "tcW")
        tc_w.set(W + "w", str(col_width))
        tc_w.set(W + "type", "dxa")
        level = shading[index] if shading and index < len(shading) else None
        if level is not None:
            shd = etree.SubElement(tc_pr, W + "shd")
            shd.set(W + "val", "clear")
            shd.set(W + "color", "auto")
            shd.set(W + "fill", shade(level))
        text = clean_text(cells[index]) if index < len(cells) else ""
        runs: list[Run] = []
        for number, line in enumerate(text.split("\n")):
            if number:
                runs.append(Run(newline=True))
            if line:
                runs.append(Run(line, bold=level is not None and level > 0.55))
        paragraphs.paragraph(style, runs, parent=tc)


def shade(level: float) -> str:
    """A fill colour from white (0) to the chart's blue (1), kept light enough to read."""
    level = max(0.0, min(1.0, level)) * 0.75
    r, g, b = (round(255 - (255 - c) * level) for c in SHADE_RGB)
    return f"{r:02X}{g:02X}{b:02X}"
