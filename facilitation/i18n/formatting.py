"""Dates, times, numbers and durations in the user's language (Babel)."""

from __future__ import annotations

import datetime as dt
import re

from facilitation.i18n import current_language


class _Lazy:
    """Babel's modules, imported on first use: the console's countdown needs none of them,
    and importing them costs its start-up time."""

    def __getattr__(self, name: str):
        import babel.dates
        import babel.numbers

        return {"dates": babel.dates, "numbers": babel.numbers}[name]


_babel = _Lazy()

_BABEL_LOCALE = {"fr": "fr_CA", "en": "en_CA"}


def babel_locale(lang: str | None = None) -> str:
    return _BABEL_LOCALE.get(lang or current_language(), "en_CA")


def format_date(day: dt.date, lang: str | None = None, form: str = "long") -> str:
    """`4 mai 2010` (and `1er mars 2024`) in French, `May 4, 2010` in English."""
    text = _babel.dates.format_date(day, format=form, locale=babel_locale(lang))
    return _first_of_month(text, lang)


def _first_of_month(text: str, lang: str | None) -> str:
    """Quebec French writes the first day of a month as an ordinal: `1er mars`, wherever it
    stands (`vendredi 1er mars`, `28 févr. – 1er mars 2024`)."""
    if (lang or current_language()) != "fr":
        return text
    return _FIRST.sub("1er ", text)


_FIRST = re.compile(r"(?<![\d,.])1 (?=\D)")


def format_date_range(days: list[dt.date], lang: str | None = None) -> str:
    """One date, or the first and last of several: `4 et 5 mai 2010`-style via Babel intervals."""
    if not days:
        return ""
    if len(days) == 1:
        return format_date(days[0], lang)
    first, last = min(days), max(days)
    text = _babel.dates.format_interval(first, last, "yMMMMd", locale=babel_locale(lang))
    return _first_of_month(text, lang)


def format_time(moment: dt.time | dt.datetime, lang: str | None = None) -> str:
    """`9 h 30` in Quebec French, `9:30 a.m.` in English."""
    if (lang or current_language()) == "fr":
        return f"{moment.hour} h {moment.minute:02d}"
    return _babel.dates.format_time(moment, format="short", locale=babel_locale(lang))


def format_minutes(minutes: float, lang: str | None = None) -> str:
    """A planned duration: `20 min`, `1 h 30`, `2 h` (French) / `1 h 30 min` (English)."""
    total = int(round(minutes))
    hours, mins = divmod(total, 60)
    if hours == 0:
        return f"{mins} min"
    if mins == 0:
        return f"{hours} h"
    if (lang or current_language()) == "fr":
        return f"{hours} h {mins:02d}"
    return f"{hours} h {mins} min"


def format_clock(seconds: float) -> str:
    """A countdown: `19:59`, `1:05:00`; negative values (overtime) get a leading `+`."""
    sign = "+" if seconds < 0 else ""
    total = int(abs(seconds) + (0.999 if seconds > 0 else 0))
    hours, rest = divmod(total, 3600)
    mins, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{mins:02d}:{secs:02d}"
    return f"{sign}{mins:02d}:{secs:02d}"


def format_number(value: float, lang: str | None = None) -> str:
    return _babel.numbers.format_decimal(value, locale=babel_locale(lang))
