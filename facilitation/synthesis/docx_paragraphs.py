"""Paragraphs and runs as lxml elements: styles by id, bold/italic/links/code, right-to-left
text, French non-breaking spaces, a page break before (never a break paragraph)."""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from facilitation.synthesis.docx_styles import Styles
from facilitation.synthesis.markdown_runs import Run
from facilitation.synthesis.sanitise import has_rtl, starts_rtl
from facilitation.synthesis.typography import french_spaces

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = qn("r:id")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class Paragraphs:
    def __init__(self, document, styles: Styles, body, lang: str) -> None:
        self.document = document
        self.styles = styles
        self.body = body
        self.french = lang == "fr"
        self.links: dict[str, str] = {}  # url -> relationship id
        self.break_before = False  # the next body paragraph starts a page

    def paragraph(
        self,
        style: str | None,
        runs: list[Run],
        *,
        rtl: bool | None = None,
        bold: bool = False,
        italic: bool = False,
        keep_next: bool = False,
        center: bool = False,
        page_break: bool = False,
        num_pr: tuple[str, str] | None = None,
        space_before: int | None = None,
        parent=None,
    ):
        """A `w:p` appended to `parent` (default: the body)."""
        p = etree.SubElement(self.body if parent is None else parent, W + "p")
        if parent is None and self.break_before:
            page_break, self.break_before = True, False
        # One search tells most paragraphs they hold no right-to-left letter at all.
        some_rtl = has_rtl("".join([run.text for run in runs]))
        if rtl is None:
            rtl = some_rtl and starts_rtl("".join(run.text for run in runs[:8]))
        if style or rtl or keep_next or center or page_break or num_pr or space_before:
            ppr = etree.SubElement(p, W + "pPr")  # children in the schema's order
            if style:
                etree.SubElement(ppr, W + "pStyle").set(W + "val", style)
            if keep_next:
                etree.SubElement(ppr, W + "keepNext")
            if page_break:
                etree.SubElement(ppr, W + "pageBreakBefore")
            if num_pr:
                numbering = etree.SubElement(ppr, W + "numPr")
                etree.SubElement(numbering, W + "ilvl").set(W + "val", num_pr[1])
                etree.SubElement(numbering, W + "numId").set(W + "val", num_pr[0])
            if rtl:
                etree.SubElement(ppr, W + "bidi")
            if space_before:
                etree.SubElement(ppr, W + "spacing").set(W + "before", str(space_before))
            if center:
                etree.SubElement(ppr, W + "jc").set(W + "val", "center")
        link_parent = None
        link_href = None
        for run in runs:
            if run.href != link_href:
                link_href = run.href
                link_parent = self.hyperlink(p, run.href) if run.href else None
            self.run(link_parent if link_parent is not None else p, run, bold, italic, some_rtl)
        return p

    def run(
        self, parent, run: Run, bold: bool = False, italic: bool = False, some_rtl: bool = True
    ) -> None:
        r = etree.SubElement(parent, W + "r")
        if run.newline and run.soft:  # a line end inside a Markdown paragraph is a space
            t = etree.SubElement(r, W + "t")
            t.text = " "
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            return
        if run.newline:
            etree.SubElement(r, W + "br")
            return
        hyperlink_style = self.styles.id("hyperlink")
        props: list[tuple[str, str | None]] = []
        if run.href and hyperlink_style:
            props.append(("rStyle", hyperlink_style))
        if run.code:
            props.append(("rFonts", None))
        if run.bold or bold:
            props.append(("b", None))
        if run.italic or italic:
            props.append(("i", None))
        if run.strike:
            props.append(("strike", None))
        if run.href and not hyperlink_style:
            props.append(("color", "0563C1"))
            props.append(("u", "single"))
        if some_rtl and has_rtl(run.text):
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
        text = french_spaces(run.text) if self.french and not run.code else run.text
        for index, part in enumerate(text.split("\t")):
            if index:
                etree.SubElement(r, W + "tab")
            if part:
                t = etree.SubElement(r, W + "t")
                t.text = part
                if part[0].isspace() or part[-1].isspace():
                    t.set(XML_SPACE, "preserve")

    def hyperlink(self, p, url: str):
        rel = self.links.get(url)
        if rel is None:
            rel = self.document.part.relate_to(url, RT.HYPERLINK, is_external=True)
            self.links[url] = rel
        link = etree.SubElement(p, W + "hyperlink")
        link.set(R_ID, rel)
        link.set(W + "history", "1")
        return link
