"""Compile every `locale/*/LC_MESSAGES/*.po` into its `.mo` (run after editing a catalogue).

python -m facilitation.i18n.compile           # writes the .mo files
python -m facilitation.i18n.compile --check   # exits 1 if a .mo is missing or stale
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from facilitation.i18n import LOCALE_DIR


def compiled(po_path: Path) -> bytes:
    with po_path.open("rb") as fh:
        catalogue = read_po(fh, locale=po_path.parent.parent.name)
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def _messages(mo_bytes: bytes) -> dict[object, object]:
    """The translations in a compiled catalogue, without its header (whose dates vary)."""
    catalogue = read_mo(io.BytesIO(mo_bytes))
    return {
        (message.context, _hashable(message.id)): _hashable(message.string)
        for message in catalogue
        if message.id
    }


def _hashable(text: object) -> object:
    """A plural message's forms come as a list."""
    return tuple(text) if isinstance(text, list) else text


def stale_catalogues() -> list[Path]:
    stale: list[Path] = []
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or _messages(mo.read_bytes()) != _messages(compiled(po)):
            stale.append(po)
    return stale


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--check" in argv:
        stale = stale_catalogues()
        for po in stale:
            print(f"{po}: .mo missing or out of date; run python -m facilitation.i18n.compile")
        return 1 if stale else 0
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        po.with_suffix(".mo").write_bytes(compiled(po))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
