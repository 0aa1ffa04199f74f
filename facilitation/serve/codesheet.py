"""The sheet of join codes: one line per table, to print and cut (.docx) or to read (.csv/.txt)."""

from __future__ import annotations

import csv
from pathlib import Path

from facilitation.errors import UserError
from facilitation.i18n import gettext_in

SUFFIXES = (".docx", ".csv", ".txt")


def write_code_sheet(
    path: Path,
    title: str,
    codes: dict[int, str],
    urls: list[str],
    lang: str,
    roles: dict[str, str] | None = None,
) -> None:
    """Write the codes of the tables to `path` (.docx: a card per table with its QR code;
    .csv; .txt). `roles` adds the room's codes: {"room": code, "reports": code}."""
    roles = roles or {}
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(
            gettext_in(lang, "the code sheet must end with {suffixes}").format(
                suffixes=" / ".join(SUFFIXES)
            ),
            path=path,
        )
    url = urls[0] if urls else ""
    try:
        if suffix == ".csv":
            with path.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow([gettext_in(lang, "table"), gettext_in(lang, "code"), "url"])
                for table, code in codes.items():
                    writer.writerow([table, code, url])
                for role, code in roles.items():
                    writer.writerow([_role_label(lang, role), code, url])
        elif suffix == ".txt":
            lines = [title, url, ""]
            lines += [
                gettext_in(lang, "Table {n}: {code}").format(n=n, code=c) for n, c in codes.items()
            ]
            lines += [f"{_role_label(lang, role)}: {code}" for role, code in roles.items()]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            _write_docx(path, title, codes, url, lang, roles)
    except OSError as exc:
        raise UserError(str(exc.strerror or exc), path=path) from None


def _role_label(lang: str, role: str) -> str:
    if role == "room":
        return gettext_in(lang, "Participants (the whole room)")
    return gettext_in(lang, "Session reports (conveners)")


def _write_docx(
    path: Path, title: str, codes: dict[int, str], url: str, lang: str, roles: dict[str, str]
) -> None:
    from docx import Document
    from docx.shared import Cm, Pt

    from facilitation.serve.qr import join_url, qr_png

    doc = Document()
    cards = [(gettext_in(lang, "Table {n}").format(n=table), code) for table, code in codes.items()]
    cards += [(_role_label(lang, role), code) for role, code in roles.items()]
    for index, (label, code) in enumerate(cards):
        if index:
            doc.add_paragraph("- " * 30)  # a line to cut along
        doc.add_paragraph(title)
        heading = doc.add_paragraph()
        run = heading.add_run(label)
        run.bold = True
        run.font.size = Pt(28)
        if url:
            doc.add_paragraph(gettext_in(lang, "Scan this code with the phone's camera:"))
            doc.add_picture(qr_png(join_url(url, code)), width=Cm(4))
            doc.add_paragraph(gettext_in(lang, "or open this address on the venue's network"))
        else:
            doc.add_paragraph(gettext_in(lang, "Notes: open this address on the venue's network"))
        link = doc.add_paragraph()
        link.add_run(url or "http://…").font.size = Pt(16)
        doc.add_paragraph(gettext_in(lang, "and type this code:"))
        big = doc.add_paragraph()
        run = big.add_run(" ".join(code))
        run.bold = True
        run.font.size = Pt(40)
        run.font.name = "Courier New"
    doc.save(str(path))
