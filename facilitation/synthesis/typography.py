"""French typography in the document: the spaces that must not break.

Quebec French puts a space before « : » and inside guillemets, and writes times "19 h 47":
a line must never break there. Only spaces already typed are made non-breaking (a note says
what its author wrote); a time such as "19 h 47" or "1 h 30" becomes one unbreakable word.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
_BEFORE = re.compile(r"[ \t]+([:;?!»])")
_AFTER = re.compile(r"(«)[ \t]+")
_TIME = re.compile(r"(\d) (h|min)(?!\w)(?: (\d\d)(?!\w))?")
_ANY = re.compile(r"[ \t][:;?!»]|«[ \t]|\d (?:h|min)(?!\w)")  # one search for the three


def _time(match: re.Match[str]) -> str:
    minutes = match.group(3)
    return f"{match.group(1)}{NBSP}{match.group(2)}" + (f"{NBSP}{minutes}" if minutes else "")


def french_spaces(text: str) -> str:
    """`text` with non-breaking spaces before : ; ? ! », after «, and inside times."""
    if _ANY.search(text) is None:  # most runs: nothing to change, one search
        return text
    text = _BEFORE.sub(NBSP + r"\1", text)
    text = _AFTER.sub(r"\1" + NBSP, text)
    return _TIME.sub(_time, text)


def unbreakable_words(text: str) -> list[str]:
    """The words of `text` a line may not break inside (non-breaking spaces join them)."""
    return [word for word in re.split(r"[ \t\n]+", text) if word]
