"""Write an `Outline` as a .docx with python-docx, fast.

The slow paths of python-docx are avoided: styles are resolved to ids once (`docx_styles`),
paragraphs and tables are built as lxml elements and appended to the body directly (the body's
`sectPr` is taken out first and put back last, so nothing searches the body for it), and a
note's Markdown is parsed once. Only pictures go through python-docx's own API.

With a template, its styles, headers, footers and page setup are kept: the template is opened
as the base document and its body emptied except for its `sectPr`.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from lxml import etree

from facilitation.errors import UserError
from facilitation.synthesis import docx_fields
from facilitation.synthesis.docx_styles import Styles
from facilitation.synthesis.elements import (
    Bullets,
    Cover,
    Heading,
    Image,
    Markdown,
    Outline,
    PageBreak,
    Table,
    Text,
    Toc,
)
from facilitation.synthesis.markdown_runs import Para, Run, paragraphs
from facilitation.synthesis.sanitise import clean_text, has_rtl, starts_rtl

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = qn("r:id")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
LANG_TAGS = {"fr": "fr-CA", "en": "en-CA"}
HEADING_KEYS = {1: "h1", 2: "h2", 3: "h3"}
SHADE_RGB = (46, 94, 140)  # heat-map colour at full intensity (the chart's blue)


def open_base(template: Path | None):
    if template is None:
        return docx.Document()
    try:
        return docx.Document(str(template))
    except Exception as exc:  # not a zip, not a Word document, a .dotx python-docx refuses...
        raise UserError(f"{type(exc).__name__}: {exc}", path=template) from None


class DocxWriter:
    def __init__(self, outline: Outline, template: Path | None = None):
        self.outline = outline
        self.document = open_base(template)
        self.template = template
        self.styles = Styles(self.document)
        self.body = self.document.element.body
        self.links: dict[str, str] = {}  # url -> relationship id
        self.headings: list[tuple[int, str]] = []
        self.sect_pr = None
        self.built: dict[tuple[str, bool], list] = {}
        self.text_width = self._text_width()

    # ---- the whole document -------------------------------------------------------------

    def write(self, path: Path) -> None:
        self._empty_body()
        toc_at = None
        for element in self.outline.elements:
            kind = type(element)
            if kind is Markdown:
                self._markdown(element)
            elif kind is Heading:
                self._heading(element)
            elif kind is Text:
                self._text(element)
            elif kind is Table:
                self._table(element)
            elif kind is Bullets:
                for item in element.items:
                    style, numbered = self.styles.list_style("bullet", 0)
                    runs = (
                        [Run(clean_text(item))] if numbered else [Run("•\t"), Run(clean_text(item))]
                    )
                    self._paragraph(style, runs)
            elif kind is Image:
                self._image(element)
            elif kind is PageBreak:
                self._page_break()
            elif kind is Cover:
                self._cover(element)
            elif kind is Toc:
                self._paragraph(
                    self.styles.id("toc_heading") or self.styles.id("title"), [Run(element.title)]
                )
                toc_at = len(self.body)
        if toc_at is not None:
            docx_fields.insert_toc(self.body, toc_at, self.headings)
        if self.sect_pr is not None:
            self.body.append(self.sect_pr)
        self._settings()
        self._properties()
        self.document.save(str(path))

    def _empty_body(self) -> None:
        # Our own document: no number on the cover. A template keeps its footers if it has any.
        if self.document.sections:
            docx_fields.page_number_footer(
                self.document,
                self._page_word(self.outline.lang),
                first_page_blank=self.template is None,
                only_if_empty=self.template is not None,
            )
        body = self.body
        self.sect_pr = body.find(qn("w:sectPr"))
        for child in list(body):
            body.remove(child)

    @staticmethod
    def _page_word(lang: str) -> str:
        from facilitation.synthesis.words import Words

        return Words(lang)("Page")

    # ---- paragraphs ---------------------------------------------------------------------

    def _paragraph(
        self,
        style: str | None,
        runs: list[Run],
        *,
        rtl: bool | None = None,
        bold: bool = False,
        italic: bool = False,
        keep_next: bool = False,
        center: bool = False,
        parent=None,
    ):
        p = etree.SubElement(self.body if parent is None else parent, W + "p")
        text_for_direction = "".join(run.text for run in runs[:8])
        if rtl is None:
            rtl = starts_rtl(text_for_direction)
        if style or rtl or keep_next or center:
            ppr = etree.SubElement(p, W + "pPr")
            if style:
                etree.SubElement(ppr, W + "pStyle").set(W + "val", style)
            if keep_next:
                etree.SubElement(ppr, W + "keepNext")
            if rtl:
                etree.SubElement(ppr, W + "bidi")
            if center:
                etree.SubElement(ppr, W + "jc").set(W + "val", "center")
        link_parent = None
        link_href = None
        for run in runs:
            if run.href != link_href:
                link_href = run.href
                link_parent = self._hyperlink(p, run.href) if run.href else None
            self._run(link_parent if link_parent is not None else p, run, bold, italic)
        return p

    def _run(self, parent, run: Run, bold: bool = False, italic: bool = False) -> None:
        r = etree.SubElement(parent, W + "r")
        if run.newline:
            etree.SubElement(r, W + "br")
            return
        props = []
        if run.href and self.styles.id("hyperlink"):
            props.append(("rStyle", self.styles.id("hyperlink")))
        if run.code:
            props.append(("rFonts", None))
        if run.bold or bold:
            props.append(("b", None))
        if run.italic or italic:
            props.append(("i", None))
        if run.strike:
            props.append(("strike", None))
        if run.href and not self.styles.id("hyperlink"):
            props.append(("color", "0563C1"))
            props.append(("u", "single"))
        if has_rtl(run.text):
            props.append(("rtl", None))
        if props:
            rpr = etree.SubElement(r, W + "rPr")
            for name, value in props:
                el = etree.SubElement(rpr, W + name)
                if name == "rFonts":
                    el.set(W + "ascii", "Consolas")
                    el.set(W + "hAnsi", "Consolas")
                elif value is not None:
                    el.set(W + "val", value)
        for index, text in enumerate(run.text.split("\t")):
            if index:
                etree.SubElement(r, W + "tab")
            if text:
                t = etree.SubElement(r, W + "t")
                t.text = text
                if text[0].isspace() or text[-1].isspace():
                    t.set(XML_SPACE, "preserve")

    def _hyperlink(self, p, url: str):
        rel = self.links.get(url)
        if rel is None:
            rel = self.document.part.relate_to(url, RT.HYPERLINK, is_external=True)
            self.links[url] = rel
        link = etree.SubElement(p, W + "hyperlink")
        link.set(R_ID, rel)
        link.set(W + "history", "1")
        return link

    def _heading(self, element: Heading) -> None:
        level = min(3, max(1, element.level))
        text = clean_text(element.text)
        self._paragraph(self.styles.id(HEADING_KEYS[level]), [Run(text)])
        self.headings.append((level, text))

    def _text(self, element: Text) -> None:
        style = element.style
        runs = [Run(clean_text(element.text))]
        if style == "caption":
            self._paragraph(self.styles.id("caption"), runs)
        elif style == "quote":
            self._paragraph(self.styles.id("quote"), runs)
        elif style == "label":
            self._paragraph(self.styles.id("normal"), runs, bold=True, keep_next=True)
        elif style == "empty":
            self._paragraph(self.styles.id("normal"), runs, italic=True)
        else:
            self._paragraph(self.styles.id("body"), runs)

    def _markdown(self, element: Markdown) -> None:
        # A note is written two or three times (its table, a theme, the appendix): the second
        # time, copying the elements built the first time is much cheaper than rebuilding them.
        key = (element.text, element.quote)
        built = self.built.get(key)
        if built is not None:
            self.body.extend(copy.deepcopy(p) for p in built)
            return
        made = [self._para(para, quote=element.quote) for para in paragraphs(element.text)]
        if len(self.built) < 200_000:
            self.built[key] = made

    def _para(self, para: Para, quote: bool = False, parent=None):
        kind = para.kind
        if kind in ("bullet", "number"):
            style, numbered = self.styles.list_style(kind, para.depth)
            runs = para.runs
            if not numbered and kind == "bullet":
                runs = [Run("•\t"), *runs]
            return self._paragraph(style, runs, parent=parent)
        elif kind == "quote" or quote:
            return self._paragraph(self.styles.id("quote"), para.runs, parent=parent)
        elif kind == "heading":
            return self._paragraph(self.styles.id("body"), para.runs, keep_next=True, parent=parent)
        else:
            return self._paragraph(self.styles.id("body"), para.runs, parent=parent)

    def _page_break(self) -> None:
        p = etree.SubElement(self.body, W + "p")
        etree.SubElement(etree.SubElement(p, W + "r"), W + "br").set(W + "type", "page")

    def _cover(self, cover: Cover) -> None:
        for _ in range(4):
            etree.SubElement(self.body, W + "p")
        self._paragraph(self.styles.id("title"), [Run(clean_text(cover.title))])
        for line in cover.lines:
            self._paragraph(
                self.styles.id("subtitle") or self.styles.id("normal"), [Run(clean_text(line))]
            )

    # ---- tables and pictures ------------------------------------------------------------

    def _table(self, table: Table) -> None:
        columns = max([len(table.headers)] + [len(row) for row in table.rows])
        tbl = etree.SubElement(self.body, W + "tbl")
        tbl_pr = etree.SubElement(tbl, W + "tblPr")
        style = self.styles.id("table")
        if style:
            etree.SubElement(tbl_pr, W + "tblStyle").set(W + "val", style)
        widths = self._column_widths(table, columns)
        width = etree.SubElement(tbl_pr, W + "tblW")
        width.set(W + "w", str(sum(widths)))
        width.set(W + "type", "dxa")
        if not style:
            borders = etree.SubElement(tbl_pr, W + "tblBorders")
            for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
                b = etree.SubElement(borders, W + side)
                b.set(W + "val", "single")
                b.set(W + "sz", "4")
                b.set(W + "color", "808080")
        look = etree.SubElement(tbl_pr, W + "tblLook")
        look.set(W + "val", "04A0")
        look.set(W + "firstRow", "1")
        look.set(W + "noVBand", "1")
        grid = etree.SubElement(tbl, W + "tblGrid")
        for col_width in widths:
            etree.SubElement(grid, W + "gridCol").set(W + "w", str(col_width))
        self._row(tbl, table.headers, columns, header=True)
        for index, row in enumerate(table.rows):
            shading = table.shading[index] if table.shading else None
            self._row(tbl, row, columns, shading=shading)
        if table.caption:
            self._paragraph(self.styles.id("caption"), [Run(clean_text(table.caption))])
        else:
            etree.SubElement(self.body, W + "p")  # Word needs a paragraph between two tables

    def _text_width(self) -> int:
        """The width between the margins, in twentieths of a point (dxa)."""
        try:
            section = self.document.sections[0]
            return int((section.page_width - section.left_margin - section.right_margin) / 635)
        except (IndexError, TypeError, AttributeError):
            return 9000

    def _column_widths(self, table: Table, columns: int) -> list[int]:
        """Widths (dxa) from the text of the columns (header and the first 200 rows): every
        column gets at least its header's longest word, the rest of the width goes to the
        columns with long text, so names are not squeezed by columns of numbers."""
        char = 135  # about one (bold) character of an 11 pt font, in dxa
        padding = 260  # the cell's left and right margins
        minimum, desired = [], []
        sample = table.rows[:200]
        for index in range(columns):
            header = table.headers[index] if index < len(table.headers) else ""
            word = max((len(part) for part in header.split()), default=0)
            cells = [row[index] for row in sample if index < len(row)]
            cell_word = max((len(part) for cell in cells for part in cell.split()), default=0)
            longest = max((len(line) for cell in cells for line in cell.split("\n")), default=0)
            low = max(3, word, min(cell_word, 12)) * char + padding
            minimum.append(low)
            desired.append(max(low, min(45, max(longest, len(header))) * char + padding))
        width = self.text_width
        if sum(desired) <= width:
            return [d * width // sum(desired) for d in desired]
        spare = max(0, width - sum(minimum))
        extra = [d - m for d, m in zip(desired, minimum, strict=True)]
        total = sum(extra) or 1
        return [m + spare * e // total for m, e in zip(minimum, extra, strict=True)]

    def _row(self, tbl, cells: list[str], columns: int, header: bool = False, shading=None) -> None:
        tr = etree.SubElement(tbl, W + "tr")
        if header:
            etree.SubElement(etree.SubElement(tr, W + "trPr"), W + "tblHeader")
        for index in range(columns):
            tc = etree.SubElement(tr, W + "tc")
            level = shading[index] if shading and index < len(shading) else None
            if level is not None:
                tc_pr = etree.SubElement(tc, W + "tcPr")
                shd = etree.SubElement(tc_pr, W + "shd")
                shd.set(W + "val", "clear")
                shd.set(W + "color", "auto")
                shd.set(W + "fill", _shade(level))
            text = clean_text(cells[index]) if index < len(cells) else ""
            runs: list[Run] = []
            for number, line in enumerate(text.split("\n")):
                if number:
                    runs.append(Run(newline=True))
                if line:
                    runs.append(Run(line, bold=header))
            if level is not None and level > 0.55 and runs:
                for run in runs:
                    run.bold = True
            self._paragraph(self.styles.id("normal"), runs, parent=tc)

    def _image(self, image: Image) -> None:
        p = self._paragraph(self.styles.id("normal"), [], center=True, keep_next=True)
        paragraph = Paragraph(p, self.document._body)
        paragraph.add_run().add_picture(io.BytesIO(image.png), width=Cm(image.width_cm))
        doc_pr = p.find(".//" + qn("wp:docPr"))
        if doc_pr is not None and image.alt:
            doc_pr.set("descr", clean_text(image.alt))
        if image.caption:
            self._paragraph(self.styles.id("caption"), [Run(clean_text(image.caption))])

    # ---- settings and properties --------------------------------------------------------

    def _settings(self) -> None:
        docx_fields.update_fields_on_open(self.document)
        docx_fields.set_language(self.document, LANG_TAGS.get(self.outline.lang, "en-CA"))

    def _properties(self) -> None:
        props = self.document.core_properties
        props.title = self.outline.title[:250]
        props.author = self.outline.author[:250] or "facilitation"
        props.subject = self.outline.subject
        props.language = LANG_TAGS.get(self.outline.lang, "en-CA")
        props.last_modified_by = "facilitation"
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        props.created = now
        props.modified = now
        props.revision = 1


def _shade(level: float) -> str:
    """A fill colour from white (0) to the chart's blue (1), kept light enough to read."""
    level = max(0.0, min(1.0, level)) * 0.75
    r, g, b = (round(255 - (255 - c) * level) for c in SHADE_RGB)
    return f"{r:02X}{g:02X}{b:02X}"


def write_docx(outline: Outline, path: Path, template: Path | None = None) -> None:
    DocxWriter(outline, template).write(path)
