"""Markdown as Rich Text, for the short texts of a session script (questions, prompts).

Why not Textual's Markdown widget: it needs markdown-it (a tenth of a second to import) and a
widget per block (slow to lay out); the console must open fast, and a facilitator's prompt
uses a small part of Markdown: paragraphs, `#` headings, `-`/`*`/`1.` lists, `>` quotes,
`**bold**`, `*italic*`/`_italic_` and `` `code` ``. Anything else is shown as typed (never
parsed as console markup).
"""

from __future__ import annotations

import re

from rich.text import Text

_INLINE = re.compile(
    r"(\*\*|__)(?P<bold>.+?)\1|(?<![\w*])([*_])(?P<italic>[^*_\s](?:.*?[^*_\s])?)\3(?![\w*])"
    r"|`(?P<code>[^`]+)`"
)
_BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^(\s*)(\d+)[.)]\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")


def _inline(text: Text, source: str, style: str = "") -> None:
    position = 0
    for match in _INLINE.finditer(source):
        text.append(source[position : match.start()], style=style)
        if match.group("bold") is not None:
            text.append(match.group("bold"), style=f"{style} bold".strip())
        elif match.group("italic") is not None:
            text.append(match.group("italic"), style=f"{style} italic".strip())
        else:
            text.append(match.group("code"), style=f"{style} reverse".strip())
        position = match.end()
    text.append(source[position:], style=style)


def inline_markdown(source: str, justify: str | None = None) -> Text:
    """One paragraph (a question): line breaks become spaces, blank lines stay breaks, a
    leading `> ` is dropped; bold, italics and code are styled."""
    paragraphs = re.split(r"\n\s*\n", source.strip())
    joined = "\n".join(
        " ".join(line.strip().removeprefix(">").strip() for line in p.splitlines())
        for p in paragraphs
    )
    text = Text(justify=justify)  # type: ignore[arg-type]
    _inline(text, joined)
    return text


def markdown_text(source: str) -> Text:
    """Blocks of Markdown (a prompt) as Text: a blank line between blocks, list items on
    their own lines with a bullet or their number, headings bold, quotes in italics."""
    blocks: list[tuple[str, str]] = []  # (kind, text) with kind in p, h, li, quote, code
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(("p", " ".join(paragraph)))
            paragraph.clear()

    for raw in source.strip().splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush()
            blocks.append(("blank", ""))
        elif raw.startswith(("    ", "\t")) and not paragraph:
            blocks.append(("code", line.strip()))
        elif match := _HEADING.match(line.strip()):
            flush()
            blocks.append(("h", match.group(2)))
        elif match := _BULLET.match(line):
            flush()
            blocks.append(("li", "• " + match.group(2)))
        elif match := _NUMBER.match(line):
            flush()
            blocks.append(("li", f"{match.group(2)}. {match.group(3)}"))
        elif line.lstrip().startswith(">"):
            flush()
            blocks.append(("quote", line.lstrip()[1:].strip()))
        elif blocks and blocks[-1][0] in ("li", "quote") and not paragraph and raw[:1] == " ":
            kind, previous = blocks[-1]
            blocks[-1] = (kind, f"{previous} {line.strip()}")  # a list item's next line
        else:
            paragraph.append(line.strip())
    flush()
    text = Text()
    blank = True  # no blank line at the top, nor two in a row
    for kind, content in blocks:
        if kind == "blank":
            if not blank:
                text.append("\n")
            blank = True
            continue
        if kind == "h":
            _inline(text, content, "bold underline")
        elif kind == "quote":
            text.append("▌ ", style="dim")
            _inline(text, content, "italic")
        elif kind == "code":
            text.append("  " + content, style="bold")
        else:
            _inline(text, content)
        text.append("\n")
        blank = False
    text.rstrip()
    return text
