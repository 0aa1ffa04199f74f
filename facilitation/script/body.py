"""The body of a script, read with markdown-it-py into blocks (#) and steps (##).

Only the structure is read here; the Markdown of questions and prompts is kept as the
facilitator wrote it (source lines), so it renders the same on every screen and in Word.
HTML comments (<!-- ... -->) are the facilitator's private notes and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from facilitation.errors import UserError
from facilitation.i18n import _

_SETTING = re.compile(r"^\s*([^:\s][^:]{0,40}?)\s*:\s*(.*?)\s*$")


@dataclass
class Setting:
    key: str  # as written
    value: str
    line: int


@dataclass
class RawStep:
    heading: str
    line: int
    questions: list[str] = field(default_factory=list)
    prompt: list[str] = field(default_factory=list)


@dataclass
class RawBlock:
    heading: str
    line: int
    settings: list[Setting] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    prompt: list[str] = field(default_factory=list)
    steps: list[RawStep] = field(default_factory=list)


_md = MarkdownIt("commonmark")


def _unquote(lines: list[str]) -> str:
    out = []
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith(">"):
            stripped = stripped[1:]
            if stripped.startswith(" "):
                stripped = stripped[1:]
        out.append(stripped)
    return "\n".join(out).strip()


def _settings(lines: list[str], first_line: int, is_setting_key) -> list[Setting] | None:
    """The lines as settings if the paragraph is a settings paragraph, else None."""
    parsed: list[Setting] = []
    for offset, line in enumerate(lines):
        match = _SETTING.match(line)
        if not match:
            return (
                None if offset == 0 else parsed + [Setting("", line.strip(), first_line + offset)]
            )
        parsed.append(Setting(match.group(1), match.group(2), first_line + offset))
    if not parsed or not is_setting_key(parsed[0].key):
        return None
    return parsed


def read_body(
    body: str, first_line: int, path, problems: list[UserError], is_setting_key
) -> list[RawBlock]:
    source = body.split("\n")
    tokens = _md.parse(body)
    blocks: list[RawBlock] = []
    step: RawStep | None = None
    just_opened = False  # the next paragraph may hold the block's settings
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.level != 0 or token.nesting == -1 or token.map is None:
            index += 1
            continue
        start, end = token.map
        line = start + first_line
        lines = source[start:end]
        if token.type == "heading_open" and token.tag in ("h1", "h2"):
            title = tokens[index + 1].content.strip()
            if token.tag == "h1":
                blocks.append(RawBlock(title, line))
                step = None
                just_opened = True
            elif not blocks:
                problems.append(
                    UserError(
                        _("a step (## {title}) comes before any block (# heading)").format(
                            title=title
                        ),
                        path=path,
                        line=line,
                    )
                )
            else:
                step = RawStep(title, line)
                blocks[-1].steps.append(step)
                just_opened = False
        elif token.type == "html_block":
            pass
        elif not blocks:
            if "".join(lines).strip():
                problems.append(
                    UserError(
                        _("this text comes before the first block (# heading) and belongs to none"),
                        path=path,
                        line=line,
                    )
                )
        elif token.type == "blockquote_open":
            (step or blocks[-1]).questions.append(_unquote(lines))
            just_opened = False
        else:
            if just_opened and token.type == "paragraph_open":
                settings = _settings(lines, line, is_setting_key)
                if settings is not None:
                    blocks[-1].settings = settings
                    just_opened = False
                    index += 1
                    continue
            (step or blocks[-1]).prompt.append("\n".join(lines).rstrip())
            just_opened = False
        index += 1
    return blocks
