"""Add or update translations in a .po catalogue (for authors; the .po stays the source).

    python tools/po_add.py CATALOGUE.po TABLE.py

TABLE.py defines TRANSLATIONS = {msgid: msgstr}, as for po_from_table.py.
"""

import runpy
import sys

from babel.messages.pofile import read_po, write_po


def main(po_path: str, table_path: str) -> None:
    with open(po_path, "rb") as fh:
        catalog = read_po(fh)
    for msgid, msgstr in runpy.run_path(table_path)["TRANSLATIONS"].items():
        if isinstance(msgstr, tuple):
            plural, forms = msgstr
            msgid, msgstr = (msgid, plural), tuple(forms)
        existing = catalog.get(msgid[0] if isinstance(msgid, tuple) else msgid)
        if existing is not None:  # Catalog.add would keep the old translation
            existing.string = msgstr
        else:
            catalog.add(msgid, msgstr)
    with open(po_path, "wb") as fh:
        write_po(fh, catalog, width=100, no_location=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
