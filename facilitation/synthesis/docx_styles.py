"""The Word styles the synthesis uses, resolved to style ids once per document.

Looking a style up by name for every paragraph is one of python-docx's slow paths: here each
name is looked up once. A template that lacks a style gets a plain one of that name, so the
organiser can still restyle it in Word.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt

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
    "toc_heading": ("TOC Heading", WD_STYLE_TYPE.PARAGRAPH, None),
    "table": ("Table Grid", WD_STYLE_TYPE.TABLE, None),
    "hyperlink": ("Hyperlink", WD_STYLE_TYPE.CHARACTER, None),
}
OUTLINE_LEVEL = {"h1": 0, "h2": 1, "h3": 2}


class Styles:
    """`styles.id("h1")` -> the style id to write in `w:pStyle`; None when absent."""

    def __init__(self, document):
        by_name: dict[str, object] = {}
        for style in document.styles:
            if style.name:
                by_name.setdefault(style.name.lower(), style)
        self.ids: dict[str, str | None] = {}
        self.has_numbering: dict[str, bool] = {}
        for key, (name, kind, base) in WANTED.items():
            style = by_name.get(name.lower())
            if style is None and base is not None:
                style = document.styles.add_style(name, kind)
                if base.lower() in by_name and key != "normal":
                    style.base_style = by_name[base.lower()]
                _plain_look(style, key)
            self.ids[key] = style.style_id if style is not None else None
            if style is not None and kind == WD_STYLE_TYPE.PARAGRAPH:
                self.has_numbering[key] = (
                    style.element.find(qn("w:pPr") + "/" + qn("w:numPr")) is not None
                )

    def id(self, key: str) -> str | None:
        return self.ids.get(key)

    def list_style(self, kind: str, depth: int) -> tuple[str | None, bool]:
        """(style id, numbered by the style) for a list item at `depth` (0 = outer)."""
        for candidate in ([f"{kind}{depth + 1}"] if depth else []) + [kind]:
            if self.ids.get(candidate):
                return self.ids[candidate], self.has_numbering.get(candidate, False)
        return self.ids["normal"], False


def _plain_look(style, key: str) -> None:
    """A reasonable look for a style the template did not have."""
    font = style.font
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
