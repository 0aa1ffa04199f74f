"""Noticing that another process wrote to the event file, cheaply and within a second.

`PRAGMA data_version` (behind `Event.change_marker()`) costs a few microseconds, so polling it a few
times a second is cheaper and simpler than any file-system notification, and works on every
platform and on network shares.
"""

from __future__ import annotations

from textual.message_pump import MessagePump
from textual.timer import Timer

from facilitation.store import Event
from facilitation.tui import timings
from facilitation.tui.messages import EventFileChanged


def watch_event_file(target: MessagePump, event: Event, interval: float | None = None) -> Timer:
    """Post EventFileChanged to `target` whenever the event file changed since this watcher's
    last look (each watcher keeps its own: two screens on one Event both hear every change).
    It looks every `interval` seconds (default `timings.POLL_SECONDS`)."""
    last_seen = event.change_marker()

    def poll() -> None:
        nonlocal last_seen
        marker = event.change_marker()
        if marker != last_seen:
            last_seen = marker
            target.post_message(EventFileChanged())

    every = timings.POLL_SECONDS if interval is None else interval
    return target.set_interval(every, poll, name="watch-event-file")
