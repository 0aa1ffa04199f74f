"""Session scripts: a facilitator's Markdown file read into a SessionScript.

load_script(path) -> SessionScript      raises UserErrors listing every problem found
"""

from __future__ import annotations

from pathlib import Path

from facilitation.errors import UserError, UserErrors
from facilitation.i18n import _, current_language
from facilitation.models import SessionScript
from facilitation.script.assemble import BlockBuilder, is_block_setting
from facilitation.script.body import read_body
from facilitation.script.formats import library
from facilitation.script.frontmatter import parse_front_matter, split_front_matter
from facilitation.script.source import read_text


def parse_script(text: str, path: str | Path = "<script>", formats=None) -> SessionScript:
    """The script in `text`; raises UserErrors with every problem, each with its line."""
    if not text.strip():
        raise UserErrors([UserError(_("the file is empty"), path=path, line=1)])
    formats = library() if formats is None else formats
    problems: list[UserError] = []
    front, front_line, body, body_line = split_front_matter(text)
    event = parse_front_matter(front, front_line, path, problems)
    lang = event.language if event else current_language()
    raw_blocks = read_body(body, body_line, path, problems, is_block_setting)
    if not raw_blocks:
        problems.append(
            UserError(
                _("the script has no block: start each block with a # heading"),
                path=path,
                line=body_line,
            )
        )
    blocks = []
    for number, raw in enumerate(raw_blocks, start=1):
        block = BlockBuilder(raw, number, formats, lang, path, problems, event).build()
        if block is not None:
            blocks.append(block)
    if problems or event is None:
        problems.sort(key=lambda p: p.line or 0)
        raise UserErrors(problems)
    return SessionScript(event=event, blocks=blocks)


def load_script(path: str | Path, formats=None) -> SessionScript:
    """Read and check the script at `path`; raises UserError/UserErrors naming file and line."""
    text = read_text(path)
    return parse_script(text, path, formats)


__all__ = ["load_script", "parse_script"]
