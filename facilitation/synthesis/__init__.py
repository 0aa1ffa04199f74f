"""The synthesis: the book of proceedings (.docx, or the same content as .md) of an event.

    from facilitation.synthesis import write_synthesis
    write_synthesis(event, Path("synthese.docx"), lang="fr", template=Path("ville.docx"))

Modules: `collect` reads the event into plain data, `outline` (+ `outline_summary` for "at a
glance", `outline_blocks`, `outline_extra`) decides what the document says, as `options` ask
(anonymous by default); `docx_writer` (with `docx_paragraphs`, `docx_tables`, `docx_lists`,
`docx_sections`, `docx_styles`, `docx_fields`) / `markdown_writer` write it, `pdf` converts
it through LibreOffice and finds the contents' page numbers; `markdown_runs` turns a note's
Markdown into Word runs, `typography` keeps French spaces from breaking, `recurring` finds
the ideas several tables raised, `agenda` compares the planned and actual agenda, `chart`
draws the votes, `sanitise` makes any typed text safe. See docs/synthesis.md and
docs/proceedings.md.
"""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from facilitation.errors import UserError
from facilitation.i18n import LANGUAGES, gettext_in
from facilitation.synthesis.options import APPENDICES, Options

if TYPE_CHECKING:
    from facilitation.store import Event

Progress = Callable[[float, str], None]
SUFFIXES = (".docx", ".md", ".pdf")


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for a synthesis, then resumed (left paused if
    it was). A synthesis makes many objects that live until it ends (the notes as read, the
    document's elements) and few cycles: the collector walking them again and again as they
    pile up took a tenth to a fifth of a first synthesis."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_synthesis(
    event: Event,
    output: Path,
    *,
    lang: str | None = None,
    template: Path | None = None,
    progress: Progress | None = None,
    options: Options | None = None,
    page_numbers: bool | None = None,
) -> Path:
    """Write the synthesis of `event` to `output` (.docx, .pdf through LibreOffice, or .md) in
    `lang` (default: the event's language), on `template` (a .docx whose styles, headers and
    footers are kept), as `options` say (anonymous by default). `page_numbers`: lay a .docx
    out with LibreOffice, when installed, to put page numbers in its contents (a .pdf always
    gets them). `progress(fraction, message)` is called as it goes. Returns
    `output`. Raises UserError for a wrong suffix, a missing folder or template, a PDF without
    LibreOffice, or a file it cannot write. The file appears complete or not at all (written
    beside it, then renamed), with the permissions the umask gives a new file."""
    with collector_paused():
        return _write_synthesis(event, output, lang, template, progress, options, page_numbers)


def _write_synthesis(
    event: Event,
    output: Path,
    lang: str | None,
    template: Path | None,
    progress: Progress | None,
    options: Options | None,
    page_numbers: bool | None,
) -> Path:
    from facilitation.synthesis.collect import collect
    from facilitation.synthesis.outline import build_outline

    output = Path(output)
    lang = lang if lang in LANGUAGES else event.language
    say = progress or (lambda _fraction, _message: None)
    suffix = output.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(
            gettext_in(lang, "the synthesis must end in .docx, .pdf or .md"), path=output
        )
    if not output.parent.is_dir():
        raise UserError(gettext_in(lang, "this folder does not exist"), path=output.parent)
    if template is not None:
        template = Path(template)
        if not template.is_file():
            raise UserError(gettext_in(lang, "no such template file"), path=template)
        if suffix == ".md":
            template = None  # a Word template says nothing about Markdown
    if suffix == ".pdf":
        from facilitation.synthesis import pdf

        if pdf.find_soffice() is None:
            raise UserError(pdf.missing_message(lang), path=output)
    say(0.0, gettext_in(lang, "Reading the event"))
    data = collect(event)
    say(0.1, gettext_in(lang, "Preparing the document"))
    outline = build_outline(data, lang, say, options)
    say(0.5, gettext_in(lang, "Writing the document"))
    from facilitation.outputs import output_error, temporary_name, write_bytes_atomic

    tmp = temporary_name(output)
    images: dict[str, bytes] = {}
    written: list[Path] = []  # the Markdown's images, removed if the text cannot be written
    try:
        if suffix == ".md":
            from facilitation.synthesis.markdown_writer import render

            text, images = render(outline, output.stem)
            for name, png in images.items():
                image = output.parent / name
                new = not image.exists()  # an older synthesis's image is only replaced
                write_bytes_atomic(image, png)
                written += [image] if new else []
            tmp.write_text(text, encoding="utf-8")
        elif suffix == ".pdf" or page_numbers:
            _laid_out(outline, tmp, template, lang, suffix == ".pdf", say)
        else:
            from facilitation.synthesis.docx_writer import write_docx

            write_docx(outline, tmp, template)
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, output)
    except (OSError, UserError) as exc:
        for image in written:
            image.unlink(missing_ok=True)
        if isinstance(exc, UserError):
            raise
        raise output_error(exc, output) from None  # "the disk is full: nothing was written…"
    finally:
        tmp.unlink(missing_ok=True)
    say(1.0, gettext_in(lang, "Synthesis written"))
    return output


def _laid_out(
    outline, target: Path, template: Path | None, lang: str, as_pdf: bool, say: Progress
) -> None:
    """Write the .docx with page numbers in its contents (found by a first LibreOffice layout),
    to `target` as .docx, or as the PDF of it when `as_pdf`."""
    import shutil

    from facilitation.synthesis import pdf
    from facilitation.synthesis.docx_writer import write_docx

    with tempfile.TemporaryDirectory(prefix="facilitation-pdf-") as folder:
        draft = Path(folder) / "synthese.docx"
        headings = write_docx(outline, draft, template, toc_pages=[pdf.PLACEHOLDER_PAGE] * 10_000)
        # The draft copied to `target` first: a full or read-only disk is said at once, not
        # after LibreOffice has laid the pages out (a minute for a long document).
        shutil.copyfile(draft, target)
        pages = None
        if pdf.find_soffice() is not None:
            say(0.6, gettext_in(lang, "Laying out the pages with LibreOffice"))
            pages = pdf.find_pages(pdf.to_pdf(draft, Path(folder), lang), headings)
        write_docx(outline, draft, template, toc_pages=pages)
        if as_pdf:
            say(0.8, gettext_in(lang, "Writing the PDF with LibreOffice"))
            shutil.copyfile(pdf.to_pdf(draft, Path(folder), lang), target)
        else:
            shutil.copyfile(draft, target)


__all__ = ["APPENDICES", "Options", "write_synthesis"]
