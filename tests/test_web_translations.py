"""Every message of the phones' templates has a French translation (test_translations.py reads
only the Python files)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from test_translations import french_catalogues

TEMPLATES = Path(__file__).resolve().parent.parent / "facilitation" / "web" / "templates"


def test_every_template_message_has_a_french_translation():
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(TEMPLATES), method_map=[("**.html", "jinja2")]
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault(msgid, f"{filename}:{lineno}")
    assert len(found) > 40  # the extraction did read the templates
    translated = {msgid for table in french_catalogues().values() for msgid in table}
    missing = {m: w for m, w in found.items() if m not in translated}
    assert not missing, missing
