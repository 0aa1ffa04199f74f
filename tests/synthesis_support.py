"""LibreOffice layouts shared by the synthesis tests of a run.

With `shared_layouts` (a fixture; `layouts_shared(folder)` for a module fixture),
`facilitation.synthesis.pdf.to_pdf` converts a document once per test run: a document whose
parts are all those of one already converted (its properties' dates aside: they are the time
of writing and are not laid out) gets a copy of that PDF without starting LibreOffice again.
A document that differs in anything else is converted. The PDFs are kept in a folder of the
run that its workers share (written complete, then renamed), so the proceedings' book and the
console's document of the same event are laid out once, on whichever worker comes first.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from facilitation.synthesis import pdf


def layout_key(docx: Path) -> str:
    """The digest of `docx`'s parts, docProps/core.xml (the dates of writing) aside."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(docx) as archive:
        for name in sorted(archive.namelist()):
            if name != "docProps/core.xml":
                digest.update(name.encode() + b"\0" + archive.read(name) + b"\0")
    return digest.hexdigest()


@contextmanager
def layouts_shared(folder: Path) -> Iterator[list[Path]]:
    """`pdf.to_pdf` through the PDFs kept in `folder`; gives the list of the documents
    LibreOffice was started for meanwhile."""
    convert = pdf.to_pdf
    converted: list[Path] = []

    def to_pdf(docx: Path, out_folder: Path, lang: str) -> Path:
        kept = folder / f"{layout_key(docx)}.pdf"
        out = out_folder / (docx.stem + ".pdf")
        if kept.is_file():
            out.write_bytes(kept.read_bytes())
            return out
        result = convert(docx, out_folder, lang)
        converted.append(docx)
        fd, name = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(result.read_bytes())
        os.replace(name, kept)
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "to_pdf", to_pdf)
        yield converted


@pytest.fixture(scope="session")
def layouts_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's folder of PDFs, shared by its workers (as conftest's own_cache_folder)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder = root / "laid-out"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def shared_layouts(layouts_folder: Path) -> Iterator[list[Path]]:
    """`pdf.to_pdf` through the run's layouts; gives the documents converted by the test."""
    with layouts_shared(layouts_folder) as converted:
        yield converted


def named_styles(document) -> Iterator[tuple[str, Any]]:
    """(style name, paragraph) of each paragraph of a python-docx `document`, in order: the
    style as `paragraph.style.name` says, looked up once per style (python-docx searches the
    styles part again for each paragraph: a quarter of a second for 1,500 paragraphs)."""
    names: dict[str | None, str] = {}
    for paragraph in document.paragraphs:
        style_id = paragraph._p.style
        if style_id not in names:
            names[style_id] = paragraph.style.name
        yield names[style_id], paragraph


def styled(document) -> list[tuple[str, str]]:
    """(style name, text) of each paragraph of `document`, in order (see named_styles)."""
    return [(name, paragraph.text) for name, paragraph in named_styles(document)]


def with_style(document, style_name: str) -> list:
    """The paragraphs of `document` whose style is named `style_name` (see named_styles)."""
    return [paragraph for name, paragraph in named_styles(document) if name == style_name]
