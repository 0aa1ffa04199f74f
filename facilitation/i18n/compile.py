"""Compile every `locale/*/LC_MESSAGES/*.po` into its `.mo` (run after editing a catalogue).

python -m facilitation.i18n.compile           # writes the .mo files
python -m facilitation.i18n.compile --check   # exits 1 if a .mo is missing or stale
"""

from __future__ import annotations

import gettext
import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from facilitation.i18n import LOCALE_DIR


def compiled(po_path: Path) -> bytes:
    with po_path.open("rb") as fh:
        catalogue = read_po(fh, locale=po_path.parent.parent.name)
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def _messages(mo_bytes: bytes) -> dict:
    """The translations in a compiled catalogue, without its header (whose dates vary)."""
    catalogue = gettext.GNUTranslations(io.BytesIO(mo_bytes))
    return {key: value for key, value in catalogue._catalog.items() if key != ""}


def stale_catalogues() -> list[Path]:
    stale = []
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
