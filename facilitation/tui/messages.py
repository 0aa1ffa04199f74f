"""Messages shared by every app of facilitation."""

from __future__ import annotations

from textual.message import Message


class EventFileChanged(Message, bubble=False):
    """Another process (or this one) wrote to the event file: time to refresh what is shown.

    It does not bubble: it is posted to each app or screen that shows the file, and a screen's
    notice must not come back up to its app (which forwards it to its screens)."""
