"""The language a command speaks about an event: `--lang` if given, else the event's own."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from facilitation.i18n import set_language

if TYPE_CHECKING:
    from facilitation.store import Event


def use_event_language(args: argparse.Namespace, event: Event) -> str:
    """Choose (and return) the language of every message from now on."""
    return set_language(getattr(args, "lang", None) or event.language)
