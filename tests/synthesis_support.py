"""LibreOffice layouts shared by the synthesis tests of one worker.

`shared_layouts` (a fixture) makes `facilitation.synthesis.pdf.to_pdf` convert a document
once: a document whose parts are all the same as one already converted (its properties'
dates aside, which are the time of writing and are not laid out) gets a copy of that PDF
without starting LibreOffice again. A document that differs in anything else is converted.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from facilitation.synthesis import pdf

_LAID_OUT: dict[str, bytes] = {}  # a document's parts (their digest) -> its PDF


def layout_key(docx: Path) -> str:
    """The digest of `docx`'s parts, docProps/core.xml (the dates of writing) aside."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(docx) as archive:
        for name in sorted(archive.namelist()):
            if name != "docProps/core.xml":
                digest.update(name.encode() + b"\0" + archive.read(name) + b"\0")
    return digest.hexdigest()


@pytest.fixture
def shared_layouts(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """`pdf.to_pdf` through the worker's layouts; returns the documents LibreOffice converted
    during the test."""
    convert = pdf.to_pdf
    converted: list[Path] = []

    def to_pdf(docx: Path, folder: Path, lang: str) -> Path:
        key = layout_key(docx)
        out = folder / (docx.stem + ".pdf")
        if key in _LAID_OUT:
            out.write_bytes(_LAID_OUT[key])
            return out
        result = convert(docx, folder, lang)
        _LAID_OUT[key] = result.read_bytes()
        converted.append(docx)
        return result

    monkeypatch.setattr(pdf, "to_pdf", to_pdf)
    return converted
