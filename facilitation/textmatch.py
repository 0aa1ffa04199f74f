"""Matching what people type loosely: case, accents, spaces and punctuation ignored.

One definition for every place that compares names a person typed (script settings, CSV
headers, codebook tags, participants' and conveners' names).
"""

from __future__ import annotations

import unicodedata

# Ligatures Unicode does not decompose: "Œuvre" is typed "Oeuvre" as often as not.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def fold(text: str) -> str:
    """`  Café de CONVERSATION!` -> `cafe de conversation`; `Œuvre` -> `oeuvre`."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def fold_key(text: str) -> str:
    """`Secteur d'activité` -> `secteur_d_activite` (a key usable as an identifier)."""
    return fold(text).replace(" ", "_")
