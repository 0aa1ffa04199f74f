"""Process-level tests: writers killed with SIGKILL lose nothing they reported saved; many
writer processes at once all get their notes in."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitation.store import Event
from facilitation.store.sample import sample_script

ROOT = Path(__file__).resolve().parent.parent

# Prints "<note id> <text>" after each add_note() has returned (committed), then edits it and
# saves a draft, forever (or `count` times).
WRITER = """
import sys
from facilitation.store import Event
path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
event = Event.open(path)
i = 0
while count <= 0 or i < count:
    text = f"{tag}-{i} é🎉"
    note_id = event.add_note(1, text, round=1, table=1 + i % 4, author=tag, tags=["youth"])
    print(note_id, text, flush=True)
    if i % 3 == 0:
        event.edit_note(note_id, text + " (edited)")
        print("edited", note_id, flush=True)
    event.save_draft(f"{tag}", f"draft {i}")
    i += 1
event.close()
"""


def start_writer(path: Path, tag: str, count: int = 0) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), tag, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def reported(output: str) -> tuple[dict[int, str], set[int]]:
    """The notes a writer reported saved (complete lines only) and the ids it reported edited."""
    saved: dict[int, str] = {}
    edited: set[int] = set()
    for line in output.split("\n")[:-1]:  # the last piece has no newline: maybe cut by the kill
        first, _, rest = line.partition(" ")
        if first == "edited":
            edited.add(int(rest))
        else:
            saved[int(first)] = rest
    return saved, edited


@pytest.mark.slow
def test_sigkill_loses_nothing_reported_saved(tmp_path):
    path = tmp_path / "crash.db"
    Event.create(path, sample_script(), "src", "s.md").close()
    rng = random.Random(1234)
    saved: dict[int, str] = {}
    edited: set[int] = set()
    kills = 0
    waited_for = 0  # notes the first writer of each round had reported before the kill
    for round_ in range(20):
        writers = [start_writer(path, f"w{round_}-{n}") for n in range(2)]
        # Kill them in the middle of their writing: once the first one has reported a few
        # notes (counted, not timed: a loaded machine only makes this slower), plus a moment.
        wanted = rng.randint(2, 8)
        first = "".join(writers[0].stdout.readline() for _ in range(wanted))
        waited_for += wanted
        time.sleep(rng.uniform(0.0, 0.02))
        for proc in writers:
            proc.send_signal(signal.SIGKILL)
        for proc in writers:
            out, err = proc.communicate(timeout=30)
            assert proc.returncode == -signal.SIGKILL, err
            kills += 1
            more_saved, more_edited = reported((first if proc is writers[0] else "") + out)
            saved.update(more_saved)
            edited |= more_edited
    assert kills == 40
    assert len(saved) >= waited_for  # the kills did land in the middle of real work
    with Event.open(path) as event:
        assert event.integrity_check() == "ok"
        notes = {n.id: n for n in event.list_notes()}
        missing = set(saved) - set(notes)
        assert not missing, f"{len(missing)} notes reported saved are missing"
        for note_id, text in saved.items():
            assert notes[note_id].text.startswith(text)
            assert notes[note_id].tags == ["youth"]
        for note_id in edited:
            assert notes[note_id].text.endswith("(edited)")
            assert [r.action for r in event.note_history(note_id)] == ["created", "edited"]
        # the file still takes writes after all this
        event.add_note(1, "after the crashes", table=1, round=1)


@pytest.mark.slow
def test_eight_writers_at_once(tmp_path):
    path = tmp_path / "busy.db"
    Event.create(path, sample_script(), "src", "s.md").close()
    writers = [start_writer(path, f"p{n}", count=30) for n in range(8)]
    saved: dict[int, str] = {}
    for proc in writers:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        more, _edited = reported(out)
        assert len(more) == 30
        saved.update(more)
    assert len(saved) == 240
    with Event.open(path) as event:
        assert event.integrity_check() == "ok"
        notes = {n.id: n.text for n in event.list_notes()}
        assert len(notes) == 240
        for note_id, text in saved.items():
            assert notes[note_id].startswith(text)
        assert {n.author for n in event.list_notes()} == {f"p{n}" for n in range(8)}
        assert len(event.list_drafts()) == 8
