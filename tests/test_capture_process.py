"""Process-level: the facilitator's console and three capture processes on one event file.

The console (driven headless, pressing "n" as the facilitator would) moves through the three
rounds of the café while three capture apps (each its own process, driven headless by the same
Pilot the editor tests use) type and save notes without pause. Every note saved must be in
the event file, at its table, in the round the screen showed when it was saved. The console
moves on once every table has saved NOTES_PER_ROUND notes in the round (not after so many
seconds: a loaded machine only makes the test slower, never wrong).

Run directly, this file is the driver of the processes: `python test_capture_process.py all
EVENT.db OUT1.json OUT2.json OUT3.json` imports Textual and the apps once, then forks the three
capture processes and the console's (each a process of its own, with its own connection to the
event file, opened after the fork): four Python start-ups would cost more than the rounds.
`... console EVENT.db` or `... capture EVENT.db TABLE OUT.json` runs one of them alone.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

NOTES_PER_ROUND = 2  # each table saves at least this many notes in each round
TABLES = (1, 2, 3)
LAST_ROUND_STEP = 3  # sample script: 0 welcome, 1-3 rounds, 4 harvest


async def drive_console(path: str) -> None:
    from facilitation.store import Event
    from facilitation.tui.console.app import make_console_app

    event = Event.open(path)
    app = make_console_app(event)
    async with app.run_test(size=(120, 40)) as pilot:
        for step in range(1, LAST_ROUND_STEP + 2):  # rounds 1, 2, 3, then the harvest
            await pilot.press("n")
            deadline = time.monotonic() + 120  # a safety net only
            while step <= LAST_ROUND_STEP and time.monotonic() < deadline:
                counts = event.note_counts(1, step)  # round `step` is step `step` here
                if all(counts.get(t, (0, 0.0))[0] >= NOTES_PER_ROUND for t in TABLES):
                    break
                await pilot.pause(0.05)
        Path(path + ".console-screen.txt").write_text(str(app.export_screenshot()))
    event.close()


async def drive_capture(path: str, table: int, out: str) -> None:
    from facilitation.store import Event
    from facilitation.tui.capture.app import CaptureApp

    event = Event.open(path)
    app = CaptureApp(event, table=table, who=f"scribe{table}")
    saved = []
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 180  # a safety net only: the console ends the rounds
        while app.screen.room is None and time.monotonic() < deadline:
            await pilot.pause(0.05)  # the screen shows the first round
        i = 0
        while event.read_timer().step_index <= LAST_ROUND_STEP and time.monotonic() < deadline:
            text = f"t{table}n{i}"
            await pilot.press(*[{"-": "minus"}.get(c, c) for c in text])
            screen = app.screen
            round_shown = screen.target.round
            await pilot.press("ctrl+s")
            await pilot.pause(0.05)
            saved.append({"text": text, "round": round_shown})
            i += 1
    event.close()
    Path(out).write_text(json.dumps(saved))


@pytest.mark.slow
def test_console_and_three_capture_processes(tmp_path):
    from facilitation.store import Event
    from facilitation.store.sample import sample_script

    path = tmp_path / "event.db"
    Event.create(path, sample_script("fr"), "sample", "sample.md").close()
    here = str(Path(__file__).resolve())
    captures = [(table, tmp_path / f"table{table}.json") for table in TABLES]
    cmd = [sys.executable, here, "all", str(path), *(str(out) for _table, out in captures)]
    drivers = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert drivers.returncode == 0, drivers.stderr

    with Event.open(path) as event:
        assert event.read_timer().step_index == LAST_ROUND_STEP + 1
        notes = event.list_notes()
        by_text = {note.text: note for note in notes}
        rounds_seen = set()
        total = 0
        for table, out in captures:
            saved = json.loads(out.read_text())
            assert len(saved) >= 3 * NOTES_PER_ROUND, f"table {table} saved too few notes"
            for item in saved:
                note = by_text[item["text"]]  # every note arrived...
                assert note.table == table  # ...at its table
                assert note.round == item["round"]  # ...in the round shown when it was saved
                rounds_seen.add(note.round)
            total += len(saved)
        assert len(notes) == total  # nothing else, nothing twice
        assert rounds_seen == {1, 2, 3}  # the capture screens followed the console
        assert event.list_drafts() == []
        counts = event.note_counts(1, 3)
        assert set(counts) == {1, 2, 3}


def fork(driver) -> int:
    """Run the coroutine `driver()` in a child process; its pid."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            asyncio.run(driver())
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
        sys.stderr.flush()
        os._exit(code)
    return pid


def settled_pilot() -> None:
    """Pilot waits here as in the test run (conftest.py's `settled_pilot` and
    `frames_painted_when_read`, which a process of its own has not): a key pressed is waited
    for until this process's app has handled it (pilot_support.settle), not through Textual's
    `wait_for_idle`, which sleeps in 20 ms slices until the process looks idle, twice a key
    (at least 40 ms a key: a round took about a second of typing); frames are painted when
    read."""
    from pilot_support import painted_when_read_patch, settled_pilot_patches

    for target, name, value in [*settled_pilot_patches(), painted_when_read_patch()]:
        setattr(target, name, value)


def drive_all(path: str, outs: list[str]) -> int:
    import facilitation.tui.capture.app
    import facilitation.tui.console.app  # noqa: F401  (imported once, before the forks)

    settled_pilot()
    from facilitation.tui import timings

    timings.POLL_SECONDS = 0.05  # each app sees the round change 0.05 s after it, not 0.25 s

    children = {}
    for table, out in zip(TABLES, outs, strict=True):
        children[fork(lambda table=table, out=out: drive_capture(path, table, out))] = table
    children[fork(lambda: drive_console(path))] = "console"
    failed = []
    for pid, who in children.items():
        _pid, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(f"{who}: {os.waitstatus_to_exitcode(status)}")
    print("\n".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    role, args = sys.argv[1], sys.argv[2:]
    if role == "all":
        sys.exit(drive_all(args[0], args[1:]))
    settled_pilot()
    if role == "console":
        asyncio.run(drive_console(args[0]))
    else:
        asyncio.run(drive_capture(args[0], int(args[1]), args[2]))
