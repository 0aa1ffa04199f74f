"""Messages shared by every app of facilitation."""

from __future__ import annotations

from textual.message import Message


class EventFileChanged(Message):
    """Another process (or this one) wrote to the event file: time to refresh what is shown."""
