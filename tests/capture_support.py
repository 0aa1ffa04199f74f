"""The event files of the capture tests, built once per test process and copied for each test.

Building an event (`Event.create`: the schema, the script, the first timer) took about as much
CPU as a test's key presses; a copy of the closed file takes a fraction of a millisecond. Each
test still gets a file of its own (its own folder, its own path), which it may change at will.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitation.store import Event
from facilitation.store.sample import sample_script

T0 = 1_800_000_000.0  # the capture tests' fixed clock


def at_round_one(path: Path) -> None:
    """The sample event (fr), the room at round 1 with 20 minutes on the clock."""
    with Event.create(path, sample_script("fr"), "sample", "sample.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1, status="running", deadline=T0 + 1200), "goto")


def at_the_welcome(path: Path) -> None:
    """The sample event (fr), just created: the room at the welcome, no round yet."""
    Event.create(path, sample_script("fr"), "sample", "sample.md").close()


def copied_event(
    factory: pytest.TempPathFactory, tmp_path: Path, build: Callable[[Path], None]
) -> Path:
    """`tmp_path / "event.db"`: a copy of the event `build` makes, built once per test process
    (in its base temporary folder, which pytest-xdist gives each worker)."""
    name = f"{build.__module__}.{build.__name__}"
    template = factory.getbasetemp() / f"capture-template-{name}.db"
    if not template.exists():
        building = template.with_name("building-" + template.name)
        build(building)
        # Closed: the write-ahead log was checkpointed into the file and removed.
        assert not any(building.parent.glob(building.name + "-*")), "the event is still open"
        building.rename(template)
    path = tmp_path / "event.db"
    shutil.copyfile(template, path)
    return path
