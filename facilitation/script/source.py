"""Reading a file a user gave us as text, with a clear message for anything else."""

from __future__ import annotations

import codecs
from pathlib import Path

from facilitation.errors import UserError
from facilitation.i18n import _

MAX_SCRIPT_BYTES = 2 * 1024 * 1024


def read_text(path: str | Path, limit: int = MAX_SCRIPT_BYTES) -> str:
    """The file's text (UTF-8 with or without BOM, or UTF-16 with a BOM as Windows editors save
    "Unicode"; CRLF folded), or a UserError naming it (and the line of a bad byte)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UserError(_("this is a folder, not a file"), path=path)
        if size > limit:
            raise UserError(
                _("the file is too large for a session script ({size} MB)").format(
                    size=round(size / 1_048_576, 1)
                ),
                path=path,
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(_("no such file"), path=path) from None
    except OSError as exc:
        raise UserError(
            _("cannot read this file: {reason}").format(reason=exc.strerror), path=path
        ) from None
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                good = raw[len(bom) : len(bom) + exc.start].decode(encoding, errors="replace")
                raise UserError(
                    _("this file is UTF-16 but this line is not: save it again as UTF-8"),
                    path=path,
                    line=good.count("\n") + 1,
                ) from None
            if "\x00" in text:
                raise UserError(_("this is not a text file"), path=path)
            return text.replace("\r\n", "\n").replace("\r", "\n")
    if b"\x00" in raw:
        raise UserError(_("this is not a text file"), path=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError(
            _("this file is not UTF-8 text; save it as UTF-8 in your editor"), path=path, line=line
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
