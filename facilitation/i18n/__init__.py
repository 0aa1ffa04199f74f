"""Translations (gettext) and locale-aware formatting (Babel).

Messages are written in English in the code and translated through gettext catalogues in
`locale/<lang>/LC_MESSAGES/<area>.po`. Each area of the code (cli, script, store, seating, ...)
keeps its own catalogue so that people working on different areas do not edit the same file;
at run time all the compiled catalogues of a language are chained into one.

Use `_()` at the moment a message is shown, never at import time: the language is chosen after
the modules are imported (`--lang`, else the event's language, else the system locale). To mark a
string at module level for later translation, wrap it in `N_()` and call `_()` on it when shown.
"""

from __future__ import annotations

import gettext as _gettext
import os
from functools import cache
from pathlib import Path

LANGUAGES = ("fr", "en")
LOCALE_DIR = Path(__file__).parent / "locale"

_current: dict[str, str | None] = {"lang": None}


def system_language() -> str:
    """The language of the system locale, if it is one we speak; English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def set_language(lang: str | None) -> str:
    """Choose the language of every message shown from now on; returns the one chosen."""
    chosen = lang if lang in LANGUAGES else system_language()
    _current["lang"] = chosen
    return chosen


def current_language() -> str:
    if _current["lang"] is None:
        set_language(None)
    return _current["lang"]  # type: ignore[return-value]


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """All the compiled catalogues of `lang`, chained into one."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    chain: _gettext.NullTranslations | None = None
    for mo in sorted(folder.glob("*.mo")):
        with mo.open("rb") as fh:
            catalogue = _gettext.GNUTranslations(fh)
        if chain is None:
            chain = catalogue
        else:
            chain.add_fallback(catalogue)
    return chain or _gettext.NullTranslations()


def gettext(message: str) -> str:
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations(current_language()).pgettext(context, message)


def gettext_in(lang: str, message: str) -> str:
    """`message` translated into `lang`, whatever the current language (for documents)."""
    return translations(lang if lang in LANGUAGES else "en").gettext(message)


def N_(message: str) -> str:
    """Mark a string for translation without translating it now."""
    return message


_ = gettext
