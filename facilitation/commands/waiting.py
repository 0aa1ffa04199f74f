"""What a command says while another program holds the event file's write lock."""

from __future__ import annotations

import sys

from facilitation.i18n import _


def say_waiting(seconds: float) -> None:
    """Called about once a second while a write waits (Event.on_lock_wait)."""
    print(
        _("waiting: another program is writing to the event file ({seconds} s)").format(
            seconds=round(seconds)
        ),
        file=sys.stderr,
    )
