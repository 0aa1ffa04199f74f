"""Reading the values a facilitator writes: durations, times of day, dates, numbers, lists.

Each reader returns the value or raises ValueError with a translated message; the caller adds
the file and line.
"""

from __future__ import annotations

import datetime as dt
import re

from facilitation.i18n import _
from facilitation.textmatch import fold

MAX_STEP_MINUTES = 8 * 60

_HOURS = r"(?:h|hr|hrs|heures?|hours?)"
_MINUTES = r"(?:m|mn|min|mins|minutes?)"
_DURATION = re.compile(
    rf"^\s*(?:(?P<h>-?\d+)\s*{_HOURS}\s*(?:(?P<hm>\d+)\s*{_MINUTES}?)?"
    rf"|(?P<m>-?\d+)\s*{_MINUTES}?)\s*$",
    re.IGNORECASE,
)
# A duration at the end of a heading: "Ronde 1 (20 min)", "Ronde 1 [1 h 30]", "Ronde 1 — 20 min".
# Brackets are tried first so that "Ronde 2 — 1re vague (20 min)" keeps its dash in the title.
_TRAILING_BRACKETS = re.compile(r"^(?P<title>.*?)\s*(?:\((?P<d>[^()]*)\)|\[(?P<e>[^\[\]]*)\])\s*$")
_TRAILING_DASH = re.compile(r"^(?P<title>.*?)\s*[—–:-]\s*(?P<d>-?\d[^—–:-]*)\s*$")
_LOOKS_LIKE_DURATION = re.compile(
    rf"\d\s*(?:{_HOURS}|{_MINUTES})(?![^\W\d_])|(?:^|\s)(?:{_HOURS}|{_MINUTES})\s*$|^\s*-?\d+\s*$",
    re.IGNORECASE,
)


def parse_duration(text: str) -> int:
    """`20 min`, `1 h 30`, `1h30`, `90 minutes`, `2 h` -> minutes."""
    match = _DURATION.match(text.replace("\u00a0", " "))
    if not match:
        raise ValueError(
            _("cannot read the duration '{text}' (write e.g. 20 min or 1 h 30)").format(
                text=text.strip()
            )
        )
    if any(len(group or "") > 6 for group in match.group("m", "h", "hm")):  # never int() it
        raise ValueError(
            _("a duration of {text} is more than 8 hours for one step").format(
                text=text.strip()[:20] + "\u2026"
            )
        )
    if match.group("m") is not None:
        minutes = int(match.group("m"))
    else:
        hours = int(match.group("h"))
        extra = int(match.group("hm") or 0)
        minutes = hours * 60 + (extra if hours >= 0 else -extra)
    if minutes <= 0:
        raise ValueError(
            _("the duration must be positive (got {text}); to leave a phase out, use skip:").format(
                text=text.strip()
            )
        )
    if minutes > MAX_STEP_MINUTES:
        raise ValueError(
            _("a duration of {text} is more than 8 hours for one step").format(text=text.strip())
        )
    return minutes


def split_heading_duration(heading: str) -> tuple[str, str | None]:
    """`Ronde 1 (20 min)` -> (`Ronde 1`, `20 min`); a heading without a duration -> (heading, None).

    Text in brackets that does not look like a duration stays in the title."""
    heading = heading.strip()
    for pattern in (_TRAILING_BRACKETS, _TRAILING_DASH):
        match = pattern.match(heading)
        if match:
            candidate = match.group("d") or match.groupdict().get("e")
            if candidate is not None and _LOOKS_LIKE_DURATION.search(
                candidate.replace("\u00a0", " ")
            ):
                return match.group("title").strip(), candidate.strip()
    return heading, None


_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?\s*$", re.IGNORECASE)


def parse_time(text: str) -> dt.time:
    """`9:00`, `9 h 30`, `9h`, `13h15`, `9` -> a time of day."""
    match = _TIME.match(text.replace("\u00a0", " "))
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise ValueError(
        _("cannot read the time '{text}' (write e.g. 9:00 or 9 h 30)").format(text=text.strip())
    )


def parse_time_range(text: str) -> tuple[dt.time, dt.time]:
    """`9:30-10:45` or `9 h 30 à 10 h 45` -> (start, end)."""
    parts = re.split(r"\s*(?:-|–|—|à|to)\s*", text.strip(), maxsplit=1)
    if len(parts) != 2:
        raise ValueError(
            _("cannot read the time slot '{text}' (write e.g. 9:30-10:45)").format(
                text=text.strip()
            )
        )
    start, end = parse_time(parts[0]), parse_time(parts[1])
    if (end.hour, end.minute) <= (start.hour, start.minute):
        raise ValueError(
            _("the time slot '{text}' ends before it starts").format(text=text.strip())
        )
    return start, end


def minutes_between(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            _("cannot read the date '{text}' (write it as 2010-05-04)").format(text=text.strip())
        ) from None


def parse_count(text: str, low: int, high: int) -> int:
    digits = text.strip()
    shown = digits if len(digits) <= 20 else digits[:20] + "\u2026"
    try:
        value = int(digits) if len(digits.lstrip("+-0")) <= 12 else None  # never 4,300 digits
    except ValueError:
        raise ValueError(_("'{text}' is not a whole number").format(text=shown)) from None
    if value is None and not digits.lstrip("+-").isdigit():
        raise ValueError(_("'{text}' is not a whole number").format(text=shown))
    if value is None or not low <= value <= high:
        raise ValueError(
            _("{value} is out of range (from {low} to {high})").format(
                value=shown, low=low, high=high
            )
        )
    return value


def split_list(text: str) -> list[str]:
    """`Salle A; Salle B, Salon` -> items (semicolons first; commas when there are none)."""
    separator = ";" if ";" in text else ","
    return [item.strip() for item in text.split(separator) if item.strip()]


def slug(text: str) -> str:
    return fold(text).replace(" ", "-")
