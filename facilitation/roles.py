"""Who is a World Café table host: one rule for the store, the seating engine and the synthesis.

A role is a host's when it says so in English or French, any case, with or without accents:
"host", "table host", "Hôte", "hôtesse", "hôte de table", "Hôtesse de la table"...
"""

from __future__ import annotations

from facilitation.textmatch import fold

_HOST_ROLES = frozenset(
    fold(role)
    for role in (
        "host",
        "table host",
        "hôte",
        "hôtesse",
        "hôte de table",
        "hôtesse de table",
        "hôte de la table",
        "hôtesse de la table",
    )
)


def is_host_role(role: str) -> bool:
    return fold(role) in _HOST_ROLES
