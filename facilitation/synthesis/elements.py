"""The document as a list of plain elements, written out by `docx_writer` or `markdown_writer`.

The outline decides what is said and in which order; the writers only decide how it looks, so
the .docx and the .md always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Cover:
    title: str
    lines: list[str]  # organiser, dates and place


@dataclass(slots=True)
class Toc:
    title: str


@dataclass(slots=True)
class Heading:
    level: int  # 1-3
    text: str


@dataclass(slots=True)
class Text:
    """One paragraph of plain text. `style`: body, quote, caption (a small explanatory line),
    label (a bold lead-in), empty (says that there is nothing), placeholder (what the
    organiser has to fill in, "[à compléter]")."""

    text: str
    style: str = "body"


@dataclass(slots=True)
class Markdown:
    """Text people typed (notes, reports, the purpose): Markdown made into real formatting."""

    text: str
    quote: bool = False


@dataclass(slots=True)
class Bullets:
    items: list[str]


@dataclass(slots=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    shading: list[list[float | None]] | None = None  # 0..1 per cell (a heat map), or None
    caption: str = ""


@dataclass(slots=True)
class Image:
    png: bytes
    name: str  # file name stem, e.g. "votes-4"
    caption: str = ""
    width_cm: float = 15.0  # at most the text width: the writer narrows it when needed
    alt: str = ""
    ext: str = "png"  # "png" or "jpg" (photos)


@dataclass(slots=True)
class PageBreak:
    """The next paragraph starts a page (written as "page break before", never as a break
    paragraph). Every level-1 heading starts a page anyway."""


@dataclass(slots=True)
class Landscape:
    """Starts (`start`) or ends a part that may be too wide for the page (the agenda wall, the
    heat map, the action plan): the writer puts it in a landscape section when one of its
    tables does not fit the portrait text width, and ignores the markers otherwise."""

    start: bool


@dataclass
class Outline:
    lang: str
    title: str
    author: str
    subject: str = ""
    elements: list = field(default_factory=list)

    def add(self, element) -> None:
        self.elements.append(element)
