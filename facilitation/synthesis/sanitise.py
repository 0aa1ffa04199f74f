"""Any text users typed or pasted, made safe for a Word document (XML 1.0) and for Markdown.

Lone surrogates become U+FFFD, characters XML 1.0 forbids (NUL and the other C0 controls but
tab and newline, U+FFFE, U+FFFF) are dropped, line ends become `\\n`. Emoji, right-to-left
scripts and combining marks are kept as they are.
"""

from __future__ import annotations

import re

from facilitation.store.text import clean

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo, their presentation forms).
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LTR = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


def clean_text(text: object) -> str:
    """`text` as a string any XML writer accepts, with `\\n` line ends."""
    value = clean(text)  # lone surrogates -> U+FFFD, as in the event file
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", value)


def one_line(text: object) -> str:
    """`clean_text` on a single line (for titles, table cells, names)."""
    return " ".join(clean_text(text).split())


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def starts_rtl(text: str) -> bool:
    """True when the first strong letter of `text` is right-to-left (the paragraph reads RTL)."""
    rtl = _RTL.search(text)
    if rtl is None:
        return False
    ltr = _LTR.search(text)
    return ltr is None or rtl.start() < ltr.start()
