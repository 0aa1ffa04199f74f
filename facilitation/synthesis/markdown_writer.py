"""Write an `Outline` as Markdown: the same content as the .docx. Notes are Markdown already
and go in as typed (made safe); pictures are written beside the file and linked."""

from __future__ import annotations

import re

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
from facilitation.synthesis.sanitise import clean_text, one_line

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Plain text that Markdown will show as it is."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def _cell(text: str) -> str:
    return "<br>".join(escape(line) for line in clean_text(text).split("\n")) or " "


def render(outline: Outline, image_prefix: str) -> tuple[str, dict[str, bytes]]:
    """The Markdown text, and the pictures to write ({file name: PNG bytes})."""
    parts: list[str] = []
    images: dict[str, bytes] = {}
    headings = [e for e in outline.elements if isinstance(e, Heading) and e.level <= 2]
    for element in outline.elements:
        kind = type(element)
        if kind is Markdown:
            text = clean_text(element.text).strip()
            if text:
                parts.append(
                    "\n".join("> " + line for line in text.split("\n")) if element.quote else text
                )
        elif kind is Heading:
            parts.append("#" * (min(3, element.level) + 1) + " " + escape(element.text))
        elif kind is Text:
            text = escape(element.text)
            if element.style == "label":
                text = f"**{text}**"
            elif element.style in ("caption", "empty", "placeholder"):
                text = f"*{text}*"
            elif element.style == "quote":
                text = "> " + text
            parts.append(text)
        elif kind is Bullets:
            parts.append("\n".join(f"- {escape(item)}" for item in element.items))
        elif kind is Table:
            lines = ["| " + " | ".join(_cell(h) for h in element.headers) + " |"]
            lines.append("|" + "---|" * len(element.headers))
            width = len(element.headers)
            for row in element.rows:
                cells = [_cell(c) for c in row] + [" "] * (width - len(row))
                lines.append("| " + " | ".join(cells[:width]) + " |")
            parts.append("\n".join(lines))
            if element.caption:
                parts.append(f"*{escape(element.caption)}*")
        elif kind is Image:
            name = f"{image_prefix}-{element.name}.{element.ext}"
            images[name] = element.png
            parts.append(f"![{escape(element.alt or element.caption)}]({name})")
            if element.caption:
                parts.append(f"*{escape(element.caption)}*")
        elif kind is Cover:
            parts.append("# " + escape(element.title))
            parts.append("\n".join(escape(line) + "  " for line in element.lines).rstrip())
        elif kind is Toc:
            parts.append("**" + escape(element.title) + "**")
            parts.append(
                "\n".join(("  " * (h.level - 1)) + f"- {escape(h.text)}" for h in headings)
            )
        elif kind is PageBreak or kind is Landscape:
            pass
    return "\n\n".join(part for part in parts if part) + "\n", images
