"""Word's moving parts: the table of contents and page-number fields, "update fields when
opened", and the language Word's spell-check uses."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TOC_LEVELS = 2  # Heading 1-2 in the contents (Heading 3 is one per table: too many)
# Elements that come after w:updateFields in w:settings (the schema's order matters to Word).
_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
}


def _run(
    parent,
    *,
    text: str | None = None,
    fld: str | None = None,
    instr: str | None = None,
    dirty=False,
):
    r = etree.SubElement(parent, W + "r")
    if fld:
        el = etree.SubElement(r, W + "fldChar")
        el.set(W + "fldCharType", fld)
        if dirty:
            el.set(W + "dirty", "true")
    if instr is not None:
        el = etree.SubElement(r, W + "instrText")
        el.text = instr
        el.set(XML_SPACE, "preserve")
    if text is not None:
        el = etree.SubElement(r, W + "t")
        el.text = text
        el.set(XML_SPACE, "preserve")
    return r


def bookmark(p, number: int) -> str:
    """Put a bookmark `_Toc…` around the paragraph `p`'s text; returns its name."""
    name = f"_Toc{number:08d}"
    start = etree.Element(W + "bookmarkStart")
    start.set(W + "id", str(number))
    start.set(W + "name", name)
    ppr = p.find(W + "pPr")
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    etree.SubElement(p, W + "bookmarkEnd").set(W + "id", str(number))
    return name


def insert_toc(
    body,
    position: int,
    headings: list[tuple[int, str]],
    styles=None,
    pages: list[int] | None = None,
    anchors: list[str] | None = None,
) -> None:
    """A TOC field at `position` in the body. Its shown result lists the headings already, with
    their page numbers when `pages` gives them (one per listed heading, found by laying the
    document out with LibreOffice), so a reader that does not update fields still shows the
    contents; Word rebuilds it on opening (`update_fields_on_open`). With `anchors` (the
    headings' bookmarks), each entry links to its heading, in Word and in the PDF."""
    entries = [(level, text) for level, text in headings if level <= TOC_LEVELS] or [(1, "")]
    if pages is not None and len(pages) < len(entries):
        pages = None
    paragraphs = []
    for index, (level, text) in enumerate(entries):
        p = etree.Element(W + "p")
        ppr = etree.SubElement(p, W + "pPr")
        style = styles.id(f"toc{level}") if styles is not None else None
        etree.SubElement(ppr, W + "pStyle").set(W + "val", style or f"TOC{level}")
        if index == 0:
            _run(p, fld="begin", dirty=True)
            _run(p, instr=f' TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u ')
            _run(p, fld="separate")
        target = p
        if anchors is not None and len(anchors) == len(entries):
            target = etree.SubElement(p, W + "hyperlink")
            target.set(W + "anchor", anchors[index])
            target.set(W + "history", "1")
        _run(target, text=text)
        if pages is not None:
            etree.SubElement(etree.SubElement(target, W + "r"), W + "tab")
            _run(target, text=str(pages[index]))
        if index == len(entries) - 1:
            _run(p, fld="end")
        paragraphs.append(p)
    for offset, p in enumerate(paragraphs):
        body.insert(position + offset, p)


def page_number_footer(
    document, page_word: str, *, first_page_blank: bool, only_if_empty: bool = False
) -> None:
    """ "Page N" centred in the footer of every section (not on the cover page when
    `first_page_blank`). With `only_if_empty`, a section whose footer already says something
    (a template's) is left alone."""
    for section in document.sections:
        footer = section.footer
        if only_if_empty and not footer.is_linked_to_previous:
            has_text = any(p.text.strip() for p in footer.paragraphs)
            has_field = (
                footer._element.find(".//" + qn("w:fldSimple")) is not None
                or footer._element.find(".//" + qn("w:instrText")) is not None
            )
            if has_text or has_field:
                continue
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        p = paragraph._p
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        paragraph.alignment = 1  # centre
        _run(p, text=f"{page_word} ")
        field = etree.SubElement(p, W + "fldSimple")
        field.set(W + "instr", " PAGE ")
        _run(field, text="1")
        if first_page_blank:
            section.different_first_page_header_footer = True


def update_fields_on_open(document) -> None:
    """Ask Word to update the fields (the contents, page numbers) when the file is opened."""
    settings = document.settings.element
    found = settings.find(qn("w:updateFields"))
    if found is None:
        found = etree.Element(W + "updateFields")
        for index, child in enumerate(settings):
            if etree.QName(child).localname in _AFTER_UPDATE_FIELDS:
                settings.insert(index, found)
                break
        else:
            settings.append(found)
    found.set(W + "val", "true")


def set_language(document, tag: str) -> None:
    """`tag` ("fr-CA", "en-CA") as the language of the default run properties and of every
    style that names a language, and as the theme's language."""
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = etree.Element(W + "docDefaults")
        styles.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(W + "rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, W + "rPr")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = etree.Element(W + "lang")
        after = [rpr.find(qn(f"w:{name}")) for name in ("eastAsianLayout", "specVanish", "oMath")]
        after = [el for el in after if el is not None]
        if after:
            after[0].addprevious(lang)
        else:
            rpr.append(lang)
    lang.set(W + "val", tag)
    for style_lang in styles.iterfind(f"{W}style/{W}rPr/{W}lang"):
        if style_lang.get(W + "val"):
            style_lang.set(W + "val", tag)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(W + "val", tag)
