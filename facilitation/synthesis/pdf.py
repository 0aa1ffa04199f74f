"""PDF through LibreOffice (`soffice --headless`), with the contents' page numbers.

LibreOffice does not update a Word table of contents when it converts, so the page numbers are
found by laying the document out once: the .docx is converted, the PDF's outline (the
bookmarks LibreOffice makes from the headings, read with poppler's `pdftohtml -xml`) says on
which page each heading landed, and the contents are written again with those numbers (in the
.docx, so LibreOffice shows them too; Word updates the field itself on opening). Without that
outline, the headings are looked for in the pages' text (`pdftotext`).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from facilitation.errors import UserError
from facilitation.i18n import gettext_in

TIMEOUT = 600  # seconds for one conversion (a 600-page document takes about a minute)
PLACEHOLDER_PAGE = 888  # the first layout's page numbers: as wide as the real ones


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "darwin":
        app = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
        if app.exists():
            return str(app)
    return None


def missing_message(lang: str) -> str:
    return gettext_in(
        lang,
        "LibreOffice is needed to write a PDF and was not found: install it (Debian, Ubuntu:"
        " sudo apt install libreoffice-writer-nogui poppler-utils; Windows, macOS:"
        " https://www.libreoffice.org), or write a .docx and save it as PDF from Word.",
    )


def to_pdf(docx: Path, folder: Path, lang: str) -> Path:
    """Convert `docx` to a PDF in `folder` (same stem); UserError when LibreOffice fails."""
    soffice = find_soffice()
    if soffice is None:
        raise UserError(missing_message(lang))
    with tempfile.TemporaryDirectory(prefix="facilitation-lo-") as profile:
        # A profile of its own: another LibreOffice open on the desktop does not block this one.
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder),
            str(docx),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT, env=_env()
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UserError(
                gettext_in(lang, "LibreOffice could not convert the document: {reason}").format(
                    reason=exc
                )
            ) from None
    pdf = folder / (docx.stem + ".pdf")
    if done.returncode != 0 or not pdf.is_file():
        reason = (done.stderr or done.stdout).strip().splitlines()[-1:] or [str(done.returncode)]
        raise UserError(
            gettext_in(lang, "LibreOffice could not convert the document: {reason}").format(
                reason=reason[0]
            )
        )
    return pdf


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # LibreOffice's own Python must not see ours
    return env


def find_pages(pdf: Path, headings: list[tuple[int, str]]) -> list[int] | None:
    """The page of each heading (levels 1-2, in order), or None when poppler cannot say."""
    pages = outline_pages(pdf, headings)
    if pages is None:
        texts = page_texts(pdf)
        pages = heading_pages(texts, headings) if texts is not None else None
    return pages


_OUTLINE_TOKEN = re.compile(r'<outline>|</outline>|<item page="(\d+)">(.*?)</item>', re.S)


def outline_pages(pdf: Path, headings: list[tuple[int, str]]) -> list[int] | None:
    """Pages from the PDF's bookmarks: its entries of depth 1-2 are the headings listed in the
    contents, in the same order (checked by their text)."""
    tool = shutil.which("pdftohtml")
    if tool is None:
        return None
    try:
        done = subprocess.run(
            [tool, "-xml", "-stdout", "-i", "-q", "-f", "1", "-l", "1", str(pdf)],
            capture_output=True,
            timeout=TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = done.stdout.decode("utf-8", "replace")
    start = text.find("<outline>")
    if done.returncode != 0 or start < 0:
        return None
    entries: list[tuple[int, str]] = []
    depth = 0
    for match in _OUTLINE_TOKEN.finditer(text, start):
        token = match.group(0)
        if token == "<outline>":
            depth += 1
        elif token == "</outline>":
            depth -= 1
            if depth == 0:
                break
        elif depth <= 2:
            entries.append((int(match.group(1)), html.unescape(match.group(2))))
    wanted = [" ".join(_normal(text).split()) for _level, text in headings]
    got = [" ".join(_normal(title).split()) for _page, title in entries]
    if got != wanted:
        return None
    return [page for page, _title in entries]


def page_texts(pdf: Path) -> list[str] | None:
    """The text of each page (pdftotext), or None without poppler."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    try:
        done = subprocess.run(
            [tool, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "replace").split("\f")


def _normal(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def heading_pages(pages: list[str], headings: list[tuple[int, str]]) -> list[int] | None:
    """The page (1-based) of each heading, read in order: each is a line of its own (the
    contents' lines end with a page number, so they are not taken for the headings)."""
    found: list[int] = []
    page, offset = 0, 0
    texts = [_normal(text) for text in pages]
    for _level, heading in headings:
        words = _normal(heading).split()
        if not words:
            found.append(found[-1] if found else 1)
            continue
        pattern = re.compile(
            r"(?:^|\n)[ \t]*" + r"\s+".join(re.escape(w) for w in words) + r"[ \t]*(?=\n|$)"
        )
        for index in range(page, len(texts)):
            match = pattern.search(texts[index], offset if index == page else 0)
            if match:
                page, offset = index, match.end()
                found.append(index + 1)
                break
        else:
            return None
    return found
