"""The Word styles the synthesis uses, resolved to style ids once per document.

Looking a style up by name for every paragraph is one of python-docx's slow paths: here each
name is looked up once. A template that lacks a style gets a plain one of that name, so the
organiser can still restyle it in Word.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips

# key -> (style name, type, base style name for a style we have to add)
WANTED = {
    "normal": ("Normal", WD_STYLE_TYPE.PARAGRAPH, None),
    "title": ("Title", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "subtitle": ("Subtitle", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "h1": ("Heading 1", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "h2": ("Heading 2", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "h3": ("Heading 3", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "body": ("Body Text", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "bullet": ("List Bullet", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "bullet2": ("List Bullet 2", WD_STYLE_TYPE.PARAGRAPH, None),
    "bullet3": ("List Bullet 3", WD_STYLE_TYPE.PARAGRAPH, None),
    "number": ("List Number", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "number2": ("List Number 2", WD_STYLE_TYPE.PARAGRAPH, None),
    "number3": ("List Number 3", WD_STYLE_TYPE.PARAGRAPH, None),
    "quote": ("Quote", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "caption": ("Caption", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "label": ("Label", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "table_header": ("Table Heading", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "table_text": ("Table Text", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "toc_heading": ("TOC Heading", WD_STYLE_TYPE.PARAGRAPH, "Heading 1"),
    "toc1": ("toc 1", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "toc2": ("toc 2", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "toc3": ("toc 3", WD_STYLE_TYPE.PARAGRAPH, "Normal"),
    "footer": ("Footer", WD_STYLE_TYPE.PARAGRAPH, "Normal"),  # python-docx's footers use it
    "table": ("Table Grid", WD_STYLE_TYPE.TABLE, None),
    "hyperlink": ("Hyperlink", WD_STYLE_TYPE.CHARACTER, "Default Paragraph Font"),
}
OUTLINE_LEVEL = {"h1": 0, "h2": 1, "h3": 2}
# Word's own ids for the styles whose names have spaces, so Word recognises them as built-in.
STYLE_IDS = {
    "toc1": "TOC1",
    "toc2": "TOC2",
    "toc3": "TOC3",
    "table_header": "TableHeading",
    "footer": "Footer",
}


class Styles:
    """`styles.id("h1")` -> the style id to write in `w:pStyle`; None when absent."""

    def __init__(self, document, text_width: int = 8640):
        self.text_width = text_width
        by_name: dict[str, object] = {}
        for style in document.styles:
            if style.name:
                by_name.setdefault(style.name.lower(), style)
        self.ids: dict[str, str | None] = {}
        self.has_numbering: dict[str, bool] = {}
        for key, (name, kind, base) in WANTED.items():
            style = by_name.get(name.lower())
            if style is None and base is not None:
                style = _add_style(document, name, kind)
                if key in STYLE_IDS:
                    style.element.set(qn("w:styleId"), STYLE_IDS[key])
                if base.lower() in by_name and key != "normal":
                    style.base_style = by_name[base.lower()]
                _plain_look(style, key, text_width)
            self.ids[key] = style.style_id if style is not None else None
            if style is not None and kind == WD_STYLE_TYPE.PARAGRAPH:
                self.has_numbering[key] = (
                    style.element.find(qn("w:pPr") + "/" + qn("w:numPr")) is not None
                )

    def id(self, key: str) -> str | None:
        return self.ids.get(key)

    def numbered_ids(self) -> dict[str, bool]:
        """Style id -> whether the style numbers its paragraphs itself (w:numPr)."""
        found: dict[str, bool] = {}
        for key, numbered in self.has_numbering.items():
            style_id = self.ids.get(key)
            if style_id:
                found[style_id] = numbered
        return found

    def list_style(self, kind: str, depth: int) -> tuple[str | None, bool]:
        """(style id, numbered by the style) for a list item at `depth` (0 = outer)."""
        for candidate in ([f"{kind}{depth + 1}"] if depth else []) + [kind]:
            if self.ids.get(candidate):
                return self.ids[candidate], self.has_numbering.get(candidate, False)
        return self.ids["normal"], False


def _add_style(document, name: str, kind):
    """`document.styles.add_style(name, kind)` without its check that no style has that name
    (the caller has just looked, ignoring case): python-docx reads every style's name again
    for each style added, a fifth of the time of writing a short synthesis."""
    from docx.styles import BabelFish
    from docx.styles.style import StyleFactory

    element = document.styles.element.add_style_of_type(BabelFish.ui2internal(name), kind, False)
    return StyleFactory(element)


def _plain_look(style, key: str, text_width: int) -> None:
    """A reasonable look for a style the template did not have."""
    font = style.font
    pf = getattr(style, "paragraph_format", None)
    if key in OUTLINE_LEVEL:
        font.bold = True
        font.size = Pt({"h1": 16, "h2": 14, "h3": 12}[key])
        ppr = style.element.get_or_add_pPr()
        level = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): str(OUTLINE_LEVEL[key])})
        ppr.append(level)
    elif key == "title":
        font.bold = True
        font.size = Pt(28)
    elif key in ("quote", "caption"):
        font.italic = True
    elif key in ("label", "table_header"):
        font.bold = True
        if key == "label" and pf is not None:
            pf.keep_with_next = True
            pf.space_before = Pt(6)
            pf.space_after = Pt(2)
    elif key == "hyperlink":
        font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        font.underline = True
    elif key.startswith("toc") and key != "toc_heading" and pf is not None:
        level = int(key[3:])
        pf.left_indent = Twips(240 * (level - 1))
        pf.space_after = Pt(2)
        pf.tab_stops.add_tab_stop(Twips(text_width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    if (key == "table_text" or key == "table_header") and pf is not None:
        pf.space_after = Pt(0)
        pf.space_before = Pt(0)
