"""Text at the boundary of the event file: any Unicode goes in, nothing typed crashes a save."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable

from facilitation.tabular import normalise_header


def clean(text: object) -> str:
    """`text` as a string SQLite can store: lone surrogates (from a broken paste or a terminal
    reading undecodable bytes) become U+FFFD; a surrogate pair becomes the character it encodes.
    Emoji, right-to-left scripts, combining marks and newlines are kept as they are."""
    if text is None:
        return ""
    value = str(text)
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def loose(text: str) -> str:
    """A key for loose matching: case, accents, spaces and punctuation ignored."""
    return normalise_header(unicodedata.normalize("NFC", text))


def clean_tags(tags: Iterable[str] | str | None) -> list[str]:
    """Tags as a list of stripped strings; a string is split on `;` or `|`."""
    if tags is None:
        return []
    if isinstance(tags, str):
        tags = tags.replace("|", ";").split(";")
    out: list[str] = []
    for tag in tags:
        value = clean(tag).strip()
        if value and value not in out:
            out.append(value)
    return out
