"""Write a .po catalogue from a Python table of translations (a one-off helper for authors).

    python tools/po_from_table.py TABLE.py OUT.po

TABLE.py defines TRANSLATIONS = {msgid: msgstr or (msgid_plural, [msgstr0, msgstr1])}.
The .po file is the source of truth afterwards; this only saves typing the format by hand.
"""

import runpy
import sys

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po


def main(table_path: str, out_path: str) -> None:
    table = runpy.run_path(table_path)["TRANSLATIONS"]
    catalog = Catalog(locale="fr_CA", project="facilitation", charset="utf-8", fuzzy=False)
    for msgid, msgstr in table.items():
        if isinstance(msgstr, tuple):
            plural, forms = msgstr
            catalog.add((msgid, plural), tuple(forms))
        else:
            catalog.add(msgid, msgstr)
    with open(out_path, "wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False, no_location=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
