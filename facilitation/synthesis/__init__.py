"""The synthesis: the book of proceedings (.docx, or the same content as .md) of an event.

    from facilitation.synthesis import write_synthesis
    write_synthesis(event, Path("synthese.docx"), lang="fr", template=Path("ville.docx"))

Modules: `collect` reads the event into plain data, `outline` (+ `outline_blocks`,
`outline_extra`) decides what the document says, `docx_writer` / `markdown_writer` write it;
`markdown_runs` turns a note's Markdown into Word runs, `recurring` finds the ideas several
tables raised, `agenda` compares the planned and actual agenda, `chart` draws the votes,
`sanitise` makes any typed text safe. See docs/synthesis.md.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from facilitation.errors import UserError
from facilitation.i18n import LANGUAGES, gettext_in

if TYPE_CHECKING:
    from facilitation.store import Event

Progress = Callable[[float, str], None]
SUFFIXES = (".docx", ".md")


def write_synthesis(
    event: Event,
    output: Path,
    *,
    lang: str | None = None,
    template: Path | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the synthesis of `event` to `output` (.docx, or .md for Markdown) in `lang`
    (default: the event's language), on `template` (a .docx whose styles, headers and footers
    are kept). `progress(fraction, message)` is called as it goes. Returns `output`.
    Raises UserError for a wrong suffix, a missing folder or template, or a file it cannot
    write. The file appears complete or not at all (written beside it, then renamed)."""
    from facilitation.synthesis.collect import collect
    from facilitation.synthesis.outline import build_outline

    output = Path(output)
    lang = lang if lang in LANGUAGES else event.language
    say = progress or (lambda _fraction, _message: None)
    suffix = output.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(gettext_in(lang, "the synthesis must end in .docx or .md"), path=output)
    if not output.parent.is_dir():
        raise UserError(gettext_in(lang, "this folder does not exist"), path=output.parent)
    if template is not None:
        template = Path(template)
        if not template.is_file():
            raise UserError(gettext_in(lang, "no such template file"), path=template)
        if suffix == ".md":
            template = None  # a Word template says nothing about Markdown
    say(0.0, gettext_in(lang, "Reading the event"))
    data = collect(event)
    say(0.1, gettext_in(lang, "Preparing the document"))
    outline = build_outline(data, lang, say)
    say(0.5, gettext_in(lang, "Writing the document"))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if suffix == ".docx":
            from facilitation.synthesis.docx_writer import write_docx

            write_docx(outline, tmp, template)
        else:
            from facilitation.synthesis.markdown_writer import render

            text, images = render(outline, output.stem)
            for name, png in images.items():
                (output.parent / name).write_bytes(png)
            tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, output)
    except OSError as exc:
        raise UserError(
            gettext_in(lang, "cannot write this file: {reason}").format(reason=exc.strerror),
            path=output,
        ) from None
    finally:
        if tmp.exists():
            tmp.unlink()
    say(1.0, gettext_in(lang, "Synthesis written"))
    return output


__all__ = ["write_synthesis"]
