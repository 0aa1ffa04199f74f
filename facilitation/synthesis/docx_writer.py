"""Write an `Outline` as a .docx with python-docx, fast and Word-native.

The slow paths of python-docx are avoided: styles are resolved to ids once (`docx_styles`),
paragraphs (`docx_paragraphs`) and tables (`docx_tables`) are built as lxml elements and
appended to the body directly (the body's `sectPr` is taken out first and put back last), and a
note's Markdown is parsed once. Only pictures go through python-docx's own API.

Word-native: every style used is defined (a template's wins), each numbered list has its own
numbering instance (`docx_lists`), a level-1 heading starts a page by "page break before" (no
break paragraphs, no blank pages), spacing comes from styles (no empty paragraphs), wide parts
go in landscape sections (`docx_sections`).

With a template, its styles, headers, footers and page setup are kept: the template is opened
as the base document and its body emptied except for its `sectPr`.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.text.paragraph import Paragraph

from facilitation.errors import UserError
from facilitation.synthesis import docx_fields, docx_sections, docx_tables
from facilitation.synthesis.docx_lists import Numbering, copy_elements, has_numbering
from facilitation.synthesis.docx_paragraphs import Paragraphs
from facilitation.synthesis.docx_styles import Styles
from facilitation.synthesis.elements import (
    Bullets,
    Cover,
    Heading,
    Image,
    Landscape,
    Markdown,
    Outline,
    PageBreak,
    Table,
    Text,
    Toc,
)
from facilitation.synthesis.markdown_runs import Para, Run, paragraphs
from facilitation.synthesis.sanitise import clean_text

LANG_TAGS = {"fr": "fr-CA", "en": "en-CA"}
HEADING_KEYS = {1: "h1", 2: "h2", 3: "h3"}
DXA_PER_CM = 567
CACHE_LIMIT = 200_000


def open_base(template: Path | None):
    if template is None:
        return docx.Document()
    try:
        return docx.Document(str(template))
    except Exception as exc:  # not a zip, not a Word document, a .dotx python-docx refuses...
        raise UserError(f"{type(exc).__name__}: {exc}", path=template) from None


class DocxWriter:
    def __init__(
        self,
        outline: Outline,
        template: Path | None = None,
        toc_pages: list[int] | None = None,
    ) -> None:
        self.outline = outline
        self.document = open_base(template)
        self.template = template
        self.body = self.document.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        self.portrait_width = docx_sections.text_width(self.sect_pr)
        self.width = self.portrait_width
        self.styles = Styles(self.document, self.portrait_width)
        self.numbering = Numbering(self.document, self.styles.numbered_ids())
        self.out = Paragraphs(self.document, self.styles, self.body, outline.lang)
        self.headings: list[tuple[int, str]] = []
        self.anchors: list[str] = []  # bookmark of each heading listed in the contents
        self.toc_pages = toc_pages
        self.built: dict[tuple[str, bool], tuple[list, bool]] = {}  # -> (elements, numbered)
        self.sections = 0  # section breaks written so far

    # ---- the whole document -------------------------------------------------------------

    def write(self, path: Path) -> None:
        self._empty_body()
        toc_at = None
        elements = self.outline.elements
        skip_to = -1
        for index, element in enumerate(elements):
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
                self._bullets(element)
            elif kind is Image:
                self._image(element)
            elif kind is PageBreak:
                self.out.break_before = True
            elif kind is Landscape:
                if element.start and index > skip_to:
                    skip_to = self._landscape_starts(elements, index)
                elif not element.start and self.width != self.portrait_width:
                    self._new_section(landscape=False)
            elif kind is Cover:
                self._cover(element)
            elif kind is Toc:
                style = self.styles.id("toc_heading") or self.styles.id("title")
                self.out.paragraph(style, [Run(element.title)], page_break=True)
                toc_at = len(self.body)
        if toc_at is not None:
            docx_fields.insert_toc(
                self.body, toc_at, self.headings, self.styles, self.toc_pages, self.anchors
            )
        if self.sect_pr is not None:
            if self.sections:
                docx_sections.drop_title_page(self.sect_pr)
            self.body.append(self.sect_pr)
        self._settings()
        self._properties()
        # Zipped in memory, then written in one go: a zip file half-written on a full disk
        # would complain again, raw, when Python collects it ("Exception ignored … OSError").
        buffer = io.BytesIO()
        self.document.save(buffer)
        Path(path).write_bytes(buffer.getvalue())

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

    # ---- sections -----------------------------------------------------------------------

    def _landscape_starts(self, elements: list, start: int) -> int:
        """At a Landscape(start) marker: turn the page if a table up to the closing marker
        does not fit the portrait width. Returns the closing marker's index."""
        end = next(
            (
                i
                for i in range(start + 1, len(elements))
                if type(elements[i]) is Landscape and not elements[i].start
            ),
            len(elements),
        )
        french = self.out.french
        tables = [e for e in elements[start:end] if type(e) is Table]
        if any(not docx_tables.fits(t, self.portrait_width, french) for t in tables):
            self._new_section(landscape=True)
        return end

    def _new_section(self, landscape: bool) -> None:
        """End the section so far (in the orientation it had) and start one turned."""
        if self.sect_pr is None or not len(self.body):
            return
        turned = docx_sections.turned(self.sect_pr, landscape)
        if self._at_section_start():  # nothing in this section yet: it just takes the new turn
            self.width = docx_sections.text_width(turned)
            return
        was_landscape = self.width != self.portrait_width
        # The cover's section keeps its "different first page" (no number on the cover).
        ended = docx_sections.turned(self.sect_pr, was_landscape, keep_title_page=not self.sections)
        docx_sections.end_section_here(self.body, ended)
        self.sections += 1
        self.out.break_before = False  # the new section starts a page already
        self.width = docx_sections.text_width(turned)

    # ---- paragraphs ---------------------------------------------------------------------

    def _heading(self, element: Heading) -> None:
        level = min(3, max(1, element.level))
        text = clean_text(element.text)
        page_break = level == 1 and not self._at_section_start()
        p = self.out.paragraph(
            self.styles.id(HEADING_KEYS[level]), [Run(text)], page_break=page_break
        )
        self.headings.append((level, text))
        if level <= docx_fields.TOC_LEVELS:  # a bookmark the contents link to
            self.anchors.append(docx_fields.bookmark(p, len(self.anchors) + 1))

    def _at_section_start(self) -> bool:
        last = self.body[-1] if len(self.body) else None
        return last is not None and last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None

    def _text(self, element: Text) -> None:
        style = element.style
        runs = [Run(clean_text(element.text))]
        if style == "caption":
            self.out.paragraph(self.styles.id("caption"), runs)
        elif style == "quote":
            self.out.paragraph(self.styles.id("quote"), runs)
        elif style == "label":
            self.out.paragraph(self.styles.id("label"), runs)
        elif style == "empty":
            self.out.paragraph(self.styles.id("body"), runs, italic=True)
        elif style == "placeholder":
            self.out.paragraph(self.styles.id("body"), runs, italic=True, bold=True)
        else:
            self.out.paragraph(self.styles.id("body"), runs)

    def _bullets(self, element: Bullets) -> None:
        style, numbered = self.styles.list_style("bullet", 0)
        for item in element.items:
            text = Run(clean_text(item))
            self.out.paragraph(style, [text] if numbered else [Run("•\t"), text])

    def _markdown(self, element: Markdown) -> None:
        # A note is written two or three times (its table, a theme, the appendix): the second
        # time, copying the elements built the first time is much cheaper than rebuilding them.
        key = (element.text, element.quote)
        cached = self.built.get(key)
        if cached is not None:
            built, numbered = cached
            made = copy_elements(built)
            if numbered:
                self.numbering.renumber(made)
            if self.out.break_before and made:
                self.out.break_before = False
                self._break_before(made[0])
            self.body.extend(made)
            return
        made = []
        counters: dict[int, int] = {}
        previous = ""
        for para in paragraphs(element.text):
            lists = ("bullet", "number")
            if para.kind in lists and previous not in lists:
                self.numbering.start_list()
                counters = {}
            previous = para.kind
            made.append(self._para(para, element.quote, counters))
        if len(self.built) < CACHE_LIMIT:
            self.built[key] = (made, has_numbering(made))

    def _para(self, para: Para, quote: bool, counters: dict[int, int]):
        kind = para.kind
        if kind in ("bullet", "number"):
            style, numbered = self.styles.list_style(kind, para.depth)
            runs = para.runs
            if kind == "number":
                counters[para.depth] = counters.get(para.depth, 0) + 1
                for deeper in [d for d in counters if d > para.depth]:
                    del counters[deeper]
            num_pr = self.numbering.num_pr(style) if numbered and kind == "number" else None
            if kind == "number" and num_pr is None:
                runs = [Run(f"{counters[para.depth]}.\t"), *runs]
            elif kind == "bullet" and not numbered:
                runs = [Run("•\t"), *runs]
            return self.out.paragraph(style, runs, num_pr=num_pr)
        if kind == "quote" or quote:
            return self.out.paragraph(self.styles.id("quote"), para.runs)
        if kind == "heading":
            return self.out.paragraph(self.styles.id("body"), para.runs, keep_next=True)
        return self.out.paragraph(self.styles.id("body"), para.runs)

    @staticmethod
    def _break_before(p) -> None:
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = p.makeelement(qn("w:pPr"), {})
            p.insert(0, ppr)
        flag = ppr.makeelement(qn("w:pageBreakBefore"), {})
        style = ppr.find(qn("w:pStyle"))
        keep = ppr.find(qn("w:keepNext"))
        anchor = keep if keep is not None else style
        if anchor is not None:
            anchor.addnext(flag)
        else:
            ppr.insert(0, flag)

    def _cover(self, cover: Cover) -> None:
        # Space above the title comes from the paragraph's spacing, not from empty paragraphs.
        self.out.paragraph(
            self.styles.id("title"), [Run(clean_text(cover.title))], space_before=2880
        )
        for line in cover.lines:
            self.out.paragraph(
                self.styles.id("subtitle") or self.styles.id("normal"), [Run(clean_text(line))]
            )

    # ---- tables and pictures ------------------------------------------------------------

    def _table(self, table: Table) -> None:
        french = self.out.french
        parts = [table]
        if not docx_tables.fits(table, self.width, french):
            parts = docx_tables.split_columns(table, self.width, french)
        for number, part in enumerate(parts, 1):
            last = self.body[-1] if len(self.body) else None
            if last is not None and last.tag == qn("w:tbl"):
                self._part_caption(number, len(parts))
            docx_tables.write_table(self.out, part, self.width)
        if table.caption:
            self.out.paragraph(self.styles.id("caption"), [Run(clean_text(table.caption))])

    def _part_caption(self, number: int, total: int) -> None:
        from facilitation.synthesis.words import Words

        words = Words(self.outline.lang)
        text = words("Continued ({n} of {total})", n=number, total=total)
        self.out.paragraph(self.styles.id("caption"), [Run(text)], keep_next=True)

    def _image(self, image: Image) -> None:
        p = self.out.paragraph(self.styles.id("normal"), [], center=True, keep_next=True)
        paragraph = Paragraph(p, self.document._body)
        width_cm = min(image.width_cm, self.width / DXA_PER_CM)
        picture = paragraph.add_run().add_picture(io.BytesIO(image.png))
        if picture.width and picture.width > Emu(int(width_cm * 360000)):
            ratio = width_cm * 360000 / picture.width
            picture.width = Emu(int(width_cm * 360000))
            picture.height = Emu(int(picture.height * ratio))
        height_limit = 360000 * 16  # a photo taller than wide still leaves room for its caption
        if picture.height and picture.height > height_limit:
            ratio = height_limit / picture.height
            picture.height = Emu(height_limit)
            picture.width = Emu(int(picture.width * ratio))
        doc_pr = p.find(".//" + qn("wp:docPr"))
        if doc_pr is not None and image.alt:
            doc_pr.set("descr", clean_text(image.alt))
        if image.caption:
            self.out.paragraph(self.styles.id("caption"), [Run(clean_text(image.caption))])

    # ---- settings and properties --------------------------------------------------------

    def _settings(self) -> None:
        docx_fields.update_fields_on_open(self.document)
        docx_fields.set_language(self.document, LANG_TAGS.get(self.outline.lang, "en-CA"))

    def _properties(self) -> None:
        props = self.document.core_properties
        author = self.outline.author[:250]
        props.title = self.outline.title[:250]
        props.author = author
        props.subject = self.outline.subject
        props.language = LANG_TAGS.get(self.outline.lang, "en-CA")
        props.last_modified_by = author
        props.comments = ""  # python-docx's template says "generated by python-docx"
        props.keywords = ""
        props.category = ""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        props.created = now
        props.modified = now
        props.revision = 1


def write_docx(
    outline: Outline,
    path: Path,
    template: Path | None = None,
    toc_pages: list[int] | None = None,
) -> list[tuple[int, str]]:
    """Write `outline` to `path`; returns the headings listed in the contents (level, text)."""
    writer = DocxWriter(outline, template, toc_pages)
    writer.write(path)
    return [(level, text) for level, text in writer.headings if level <= docx_fields.TOC_LEVELS]
