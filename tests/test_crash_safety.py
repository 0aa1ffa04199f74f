"""Process-level tests: writers killed with SIGKILL lose nothing they reported saved; many
writer processes at once all get their notes in."""

from __future__ import annotations

import contextlib
import json
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

# The writers' parent: it imports the store once, then forks one writer process per "start"
# command (a process of its own, with its own connection to the file, opened after the fork),
# without paying a Python start-up for each of the 40 writers, nor what their first note loads.
# Each writer appends "<note id> <text>" to its report file after each add_note() has returned
# (committed), then edits the note and saves a draft, forever (or `count` times). "wait" answers with the
# writer's exit code as subprocess gives it (-9 for SIGKILL).
WRITERS = """
import json, os, sys, traceback
from facilitation.store import Event

def write(path, tag, count, report):
    out = os.open(report, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    event = Event.open(path)
    i = 0
    while count <= 0 or i < count:
        text = f"{tag}-{i} é🎉"
        note_id = event.add_note(1, text, round=1, table=1 + i % 4, author=tag, tags=["youth"])
        os.write(out, f"{note_id} {text}\\n".encode())
        if i % 3 == 0:
            event.edit_note(note_id, text + " (edited)")
            os.write(out, f"edited {note_id}\\n".encode())
        event.save_draft(f"{tag}", f"draft {i}")
        i += 1
    event.close()

warmed = False
while line := sys.stdin.readline():
    command, *args = json.loads(line)
    if command == "start":
        path, tag, count, report = args
        if not warmed:
            # What a writer's first note would load and build (the store's lazy imports, the
            # script's schema: the models build theirs on first use, and pydantic looks for its
            # plugins), done once here instead of in each writer (30 ms each): on the event
            # file itself, closed before any fork.
            with Event.open(path) as event:
                event.script
            warmed = True
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                os.close(0)
                os.close(1)
                write(path, tag, count, report)
            except BaseException:
                traceback.print_exc()
                code = 1
            os._exit(code)
        print(pid, flush=True)
    elif command == "wait":
        _pid, status = os.waitpid(args[0], 0)
        print(os.waitstatus_to_exitcode(status), flush=True)
"""


class Writers:
    """The parent of the writer processes (see WRITERS)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.running: set[int] = set()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.parent = subprocess.Popen(
            [sys.executable, "-c", WRITERS],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )

    def _ask(self, *command) -> str:
        assert self.parent.stdin is not None and self.parent.stdout is not None
        self.parent.stdin.write(json.dumps(command) + "\n")
        self.parent.stdin.flush()
        answer = self.parent.stdout.readline()
        assert answer, self.close()
        return answer.strip()

    def start(self, path: Path, tag: str, count: int = 0) -> tuple[int, Path]:
        """A writer's pid and its report file."""
        report = self.folder / f"{tag}.txt"
        pid = int(self._ask("start", str(path), tag, count, str(report)))
        self.running.add(pid)
        return pid, report

    def wait(self, pid: int) -> int:
        self.running.discard(pid)
        return int(self._ask("wait", pid))

    def close(self) -> str:
        """End the parent; what the writers wrote to stderr (their tracebacks)."""
        _out, err = self.parent.communicate(timeout=30)
        return err

    def stop(self) -> None:
        """After a failed test: no writer left writing, no parent left waiting."""
        for pid in self.running:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if self.parent.poll() is None:
            self.parent.kill()
            self.parent.communicate(timeout=30)


@pytest.fixture
def parent(tmp_path):
    """The writers' parent, and no process left behind whatever the test's outcome."""
    writers = Writers(tmp_path)
    yield writers
    writers.stop()


def read_lines(report: Path, wanted: int, seconds: float = 60.0) -> str:
    """The first `wanted` complete lines of a writer's report, once it has written them
    (counted, not timed: a loaded machine only makes this slower)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = report.read_text(encoding="utf-8", errors="replace") if report.exists() else ""
        if text.count("\n") >= wanted:
            return "".join(text.splitlines(keepends=True)[:wanted])
        time.sleep(0.002)
    raise AssertionError(f"{report.name}: fewer than {wanted} lines in {seconds} s")


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
def test_sigkill_loses_nothing_reported_saved(tmp_path, parent):
    path = tmp_path / "crash.db"
    Event.create(path, sample_script(), "src", "s.md").close()
    rng = random.Random(1234)
    saved: dict[int, str] = {}
    edited: set[int] = set()
    kills = 0
    waited_for = 0  # notes the first writer of each round had reported before the kill
    for round_ in range(20):
        writers = [parent.start(path, f"w{round_}-{n}") for n in range(2)]
        # Kill them in the middle of their writing: once the first one has reported a few
        # notes (counted, not timed: a loaded machine only makes this slower), plus a moment.
        wanted = rng.randint(2, 8)
        read_lines(writers[0][1], wanted)
        waited_for += wanted
        time.sleep(rng.uniform(0.0, 0.02))
        for pid, _report in writers:
            os.kill(pid, signal.SIGKILL)
        for pid, report in writers:
            assert parent.wait(pid) == -signal.SIGKILL
            kills += 1
            more_saved, more_edited = reported(report.read_text(encoding="utf-8"))
            saved.update(more_saved)
            edited |= more_edited
    assert parent.close() == ""  # no writer failed before its kill
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
def test_eight_writers_at_once(tmp_path, parent):
    path = tmp_path / "busy.db"
    Event.create(path, sample_script(), "src", "s.md").close()
    writers = [parent.start(path, f"p{n}", count=30) for n in range(8)]
    saved: dict[int, str] = {}
    for pid, report in writers:
        assert parent.wait(pid) == 0
        more, _edited = reported(report.read_text(encoding="utf-8"))
        assert len(more) == 30
        saved.update(more)
    assert parent.close() == ""
    assert len(saved) == 240
    with Event.open(path) as event:
        assert event.integrity_check() == "ok"
        notes = {n.id: n.text for n in event.list_notes()}
        assert len(notes) == 240
        for note_id, text in saved.items():
            assert notes[note_id].startswith(text)
        assert {n.author for n in event.list_notes()} == {f"p{n}" for n in range(8)}
        assert len(event.list_drafts()) == 8
