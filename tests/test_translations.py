"""Every message the code can show has a French translation, and the catalogues agree."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.pofile import read_po

from facilitation.i18n import LOCALE_DIR
from facilitation.i18n.compile import stale_catalogues

PACKAGE = Path(__file__).resolve().parent.parent / "facilitation"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "gettext_in": (2,)}
# Where a file writes one of the keywords as a name (no letter, digit or underscore either side)
A_KEYWORD = re.compile(rb"(?<!\w)(?:" + b"|".join(k.encode() for k in KEYWORDS) + rb")(?!\w)")


def python_with_a_keyword(fileobj, keywords, comment_tags, options):
    """Babel's extract_python, for a file that names a keyword somewhere: Babel looks for
    the keywords among a file's names, and a file that never writes one holds none (a third
    of the package's code, whose tokenizing was a third of this module's time)."""
    data = fileobj.read()
    if A_KEYWORD.search(data):
        yield from extract_python(io.BytesIO(data), keywords, comment_tags, options)


def code_messages() -> dict[str, str]:
    """msgid -> where it is used, for every translatable string in the package."""
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", python_with_a_keyword)], keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.setdefault(msgid, f"{filename}:{lineno}")
    return found


@cache
def french_catalogues() -> dict[str, dict[str, str]]:
    """catalogue name -> {msgid: msgstr} for the French catalogues (read once for the
    module's tests, which only read them)."""
    out = {}
    for po in sorted((LOCALE_DIR / "fr" / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as fh:
            catalogue = read_po(fh)
        out[po.stem] = {
            (m.id[0] if isinstance(m.id, tuple) else m.id): (
                m.string[0] if isinstance(m.string, tuple) else m.string
            )
            for m in catalogue
            if m.id and m.string and (not isinstance(m.string, tuple) or all(m.string))
        }
    return out


def test_every_message_has_a_french_translation():
    translated = {msgid for table in french_catalogues().values() for msgid in table}
    missing = {msgid: where for msgid, where in code_messages().items() if msgid not in translated}
    assert not missing, "untranslated:\n" + "\n".join(f"{w}: {m!r}" for m, w in missing.items())


def test_catalogues_do_not_disagree():
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for name, table in french_catalogues().items():
        for msgid, msgstr in table.items():
            if msgid in seen and seen[msgid][1] != msgstr:
                clashes.append(
                    f"{msgid!r}: {seen[msgid][0]} says {seen[msgid][1]!r}, {name} says {msgstr!r}"
                )
            seen.setdefault(msgid, (name, msgstr))
    assert not clashes, "\n".join(clashes)


def test_compiled_catalogues_are_up_to_date():
    assert stale_catalogues() == []
