"""One Markdown dialect for notes, prompts and questions: markdown-it-py's CommonMark (with
~~strikethrough~~), turned into paragraphs of formatted runs.

The screen (`facilitation.tui.widgets.inline_markdown`, Rich text) and the Word synthesis
(`facilitation.synthesis.markdown_runs`) both read what `parse` returns, so `2*3*4`,
`**bold *and italic***`, links, `~~strike~~` and setext headings come out the same on screen
and on paper. Most notes are plain sentences: those skip the parser (`_looks_plain`), which
keeps 50,000 notes fast, and a console whose prompts are plain never imports markdown-it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["Para", "Run", "parse"]


@dataclass(slots=True)
class Run:
    text: str = ""
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    href: str | None = None
    newline: bool = False  # a line break (the run's text is empty)
    soft: bool = False  # with newline: a line break in the source, not a hard break


@dataclass(slots=True)
class Para:
    kind: str = "body"  # body | bullet | number | quote | code | heading
    depth: int = 0  # list nesting, 0 for the outer list
    runs: list[Run] = field(default_factory=list)
    number: int = 0  # a numbered item's number

    @property
    def text(self) -> str:
        return "".join("\n" if run.newline else run.text for run in self.runs)


# Characters or line starts that may mean Markdown; anything else is plain text.
_INLINE_MARKS = re.compile(r"[*_`\[\]<>&\\~!]|https?://")
_BLOCK_MARKS = re.compile(
    r"(?m)^(?: {0,3}(?:[-+*>#]|\d{1,9}[.)])(?:\s|$)| {4}|\t| {0,3}(?:=+|-+)\s*$)"
)
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def _looks_plain(text: str) -> bool:
    return not _INLINE_MARKS.search(text) and not _BLOCK_MARKS.search(text)


def _plain(text: str) -> list[Para]:
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.strip().split("\n")]
        if not any(lines):
            continue
        runs: list[Run] = []
        for index, line in enumerate(lines):
            if index:
                runs.append(Run(newline=True, soft=True))
            runs.append(Run(line))
        out.append(Para("body", 0, runs))
    return out


def parse(text: str) -> list[Para]:
    """The paragraphs of a Markdown text (an empty list for an empty text)."""
    if not text.strip():
        return []
    if _looks_plain(text):
        return _plain(text)
    return _convert(text)


def _convert(text: str) -> list[Para]:
    out: list[Para] = []
    lists: list[list[int]] = []  # [kind (0 bullet, 1 number), next number], innermost last
    quote = 0
    heading = False
    for token in _parser().parse(text):
        kind = token.type
        if kind == "bullet_list_open":
            lists.append([0, 0])
        elif kind == "ordered_list_open":
            lists.append([1, int(str(token.attrs.get("start", 1)))])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists and lists[-1][0]:
            lists[-1][1] += 1
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind in ("fence", "code_block"):
            lines = token.content.rstrip("\n").split("\n")
            runs: list[Run] = []
            for index, line in enumerate(lines):
                if index:
                    runs.append(Run(newline=True))
                runs.append(Run(line, code=True))
            out.append(Para("code", 0, runs))
        elif kind == "hr":
            out.append(Para("body", 0, [Run("———")]))
        elif kind == "html_block":
            out.append(Para("body", 0, [Run(token.content.strip())]))
        elif kind == "inline":
            number = 0
            if lists:
                para_kind = "number" if lists[-1][0] else "bullet"
                number = lists[-1][1] - 1
            elif heading:
                para_kind = "heading"
            elif quote:
                para_kind = "quote"
            else:
                para_kind = "body"
            runs = _inline(token.children or [])
            if heading:
                for run in runs:
                    run.bold = True
            out.append(Para(para_kind, max(0, len(lists) - 1), runs, number))
    return [para for para in out if para.runs]


def _inline(children: list[Token]) -> list[Run]:
    runs: list[Run] = []
    bold = italic = strike = 0
    href: str | None = None
    for child in children:
        kind = child.type
        if kind == "text":
            if child.content:
                runs.append(Run(child.content, bold > 0, italic > 0, strike > 0, False, href))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(newline=True, soft=kind == "softbreak"))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "s_open":
            strike += 1
        elif kind == "s_close":
            strike -= 1
        elif kind == "code_inline":
            runs.append(Run(child.content, bold > 0, italic > 0, strike > 0, True, href))
        elif kind == "link_open":
            target = str(child.attrs.get("href", ""))
            href = target if target.lower().startswith(_SAFE_SCHEMES) else None
        elif kind == "link_close":
            href = None
        elif kind == "image":
            alt = child.content or str(child.attrs.get("src", ""))
            runs.append(Run(alt, bold > 0, True, strike > 0, False, href))
        elif kind == "html_inline" or child.content:
            runs.append(Run(child.content, bold > 0, italic > 0, strike > 0, False, href))
    return runs
