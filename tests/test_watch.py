"""Screens notice other processes' writes: every watcher hears every change."""

from __future__ import annotations

from pilot_support import sync, wait_for
from textual.app import App

from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.messages import EventFileChanged
from facilitation.tui.watch import watch_event_file


class TwoWatchers(App):
    """Two screens' worth of watchers on one Event, as when a screen is pushed over another."""

    def __init__(self, event):
        super().__init__()
        self.event = event
        self.heard: dict[str, int] = {"a": 0, "b": 0}

    def on_mount(self) -> None:
        for name in self.heard:
            target = _Counter(self, name)
            watch_event_file(target, self.event, interval=0.05)


class _Counter:
    """A message target that counts what it is told (a stand-in for a screen)."""

    def __init__(self, app, name):
        self.app, self.name = app, name

    def post_message(self, message) -> bool:
        if isinstance(message, EventFileChanged):
            self.app.heard[self.name] += 1
        return True

    def set_interval(self, *args, **kwargs):
        return self.app.set_interval(*args, **kwargs)


@sync
async def test_two_watchers_on_one_event_both_hear_each_change(tmp_path):
    path = tmp_path / "e.db"
    with Event.create(path, sample_script("en"), "", "e.md") as event:
        app = TwoWatchers(event)
        async with app.run_test() as pilot:
            await pilot.pause(0.2)
            assert app.heard == {"a": 0, "b": 0}  # nothing written yet
            with Event.open(path) as other:  # another process's note-taker
                other.add_note(1, "Une note", round=1, table=1)
            await wait_for(pilot, lambda: min(app.heard.values()) >= 1)
            assert app.heard == {"a": 1, "b": 1}
            event.add_note(1, "Ma note", round=1, table=2)  # and this process's own write
            await wait_for(pilot, lambda: min(app.heard.values()) >= 2)
            assert app.heard == {"a": 2, "b": 2}
