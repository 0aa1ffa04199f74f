"""Names typed where a participant is expected (who is interested in a topic): each is
matched to one participant of the event, or refused; never silently created. A name matches
when it is the same once case, accents and punctuation are ignored, or when it starts the
name of exactly one participant ("Marie" for "Marie Roy" if there is only one Marie).
"+Name" asks for a new participant explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitation.store import Participant
from facilitation.textmatch import fold


@dataclass
class NameMatches:
    found: dict[str, int] = field(default_factory=dict)  # typed name -> participant id
    new: list[str] = field(default_factory=list)  # "+Name": to create, as asked
    unknown: list[str] = field(default_factory=list)  # nobody by that name
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # typed -> candidates


def match_names(typed: str, participants: list[Participant]) -> NameMatches:
    """Split `typed` on commas and match each name (see the module's docstring)."""
    by_key: dict[str, list[Participant]] = {}
    for person in participants:
        by_key.setdefault(fold(person.name), []).append(person)
    out = NameMatches()
    for raw in typed.split(","):
        name = " ".join(raw.split())
        if not name:
            continue
        if name.startswith("+"):
            if name[1:].strip():
                out.new.append(name[1:].strip())
            continue
        key = fold(name)
        exact = by_key.get(key, [])
        if len(exact) == 1:
            out.found[name] = exact[0].id
            continue
        candidates = exact or [
            p for k, people in by_key.items() if (k + " ").startswith(key + " ") for p in people
        ]
        if len(candidates) == 1:
            out.found[name] = candidates[0].id
        elif candidates:
            out.ambiguous[name] = sorted(p.name for p in candidates)
        else:
            out.unknown.append(name)
    return out
