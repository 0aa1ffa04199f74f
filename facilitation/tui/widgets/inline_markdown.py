"""Markdown as Rich Text: notes, prompts and questions on screen, from the same parse the Word
synthesis prints (`facilitation.markdown_inline`), so both show the same bold, italics, links,
strike-through, lists and headings.

Why not Textual's Markdown widget: a widget per block is slow to lay out, and the console must
open fast. The parse (markdown-it-py) costs 12 to 28 ms to import once Textual is loaded, and
only when a text is not plain. Nothing typed is ever read as console markup.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from facilitation.markdown_inline import Para, Run, parse

_LISTS = ("bullet", "number")


def _style(run: Run) -> Style:
    return Style(
        bold=run.bold or None,
        italic=run.italic or None,
        strike=run.strike or None,
        reverse=run.code or None,
        underline=bool(run.href) or None,
        link=run.href,
    )


def _append_runs(text: Text, runs: list[Run], base: str, line_breaks: bool) -> None:
    for run in runs:
        if run.newline:
            text.append("\n" if line_breaks or not run.soft else " ", style=base)
        else:
            text.append(run.text, style=Style.parse(base) + _style(run) if base else _style(run))


def _prefix(para: Para) -> str:
    indent = "  " * para.depth
    if para.kind == "bullet":
        return f"{indent}• "
    if para.kind == "number":
        return f"{indent}{para.number}. "
    return ""


def inline_markdown(source: str, justify: str | None = None) -> Text:
    """One paragraph (a question): line breaks become spaces, blank lines stay breaks, a
    leading `> ` is dropped; bold, italics, strike-through, links and code are styled."""
    text = Text(justify=justify)  # type: ignore[arg-type]
    for index, para in enumerate(parse(source)):
        if index:
            text.append("\n")
        text.append(_prefix(para))
        _append_runs(text, para.runs, "", line_breaks=False)
    return text


def markdown_text(source: str, *, line_breaks: bool = False) -> Text:
    """Blocks of Markdown as Text: a blank line between blocks, list items on their own lines
    with a bullet or their number, headings bold and underlined, quotes in italics after a bar,
    code in bold. A line break in a paragraph is a space (prompts are wrapped by the screen),
    or a line break with `line_breaks=True` (a note, as Word prints it)."""
    text = Text()
    previous: Para | None = None
    for para in parse(source):
        if previous is not None:
            # Items of one list (or of a list and the one nested in it) follow each other.
            tight = (
                para.kind in _LISTS
                and previous.kind in _LISTS
                and (para.kind == previous.kind or para.depth != previous.depth)
            )
            text.append("\n" if tight else "\n\n")
        if para.kind == "heading":
            _append_runs(text, para.runs, "bold underline", line_breaks)
        elif para.kind == "quote":
            text.append("▌ ", style="dim")
            _append_runs(text, para.runs, "italic", line_breaks)
        elif para.kind == "code":
            for run in para.runs:
                text.append("\n" if run.newline else "  " + run.text, style="bold")
        else:
            text.append(_prefix(para))
            _append_runs(text, para.runs, "", line_breaks)
        previous = para
    return text
