"""The console as a real process in a real terminal (tmux): start the timer, SIGKILL the
console mid-round, restart it, and the countdown on screen is where it should be: what the
stored state gives for a moment between the restart and the screen capture."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
import uuid
from pathlib import Path

import pytest
from tmux_support import Tmux, wait_until

from facilitation.run import timer
from facilitation.run.agenda import planned_durations
from facilitation.store import Event
from facilitation.tui.widgets.countdown import pixel_rows

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "sessions" / "cre-capitale-nationale-2010-cafe-et-forum.md"
EXE = Path(sys.executable).parent / "facilitation"


def start_console(tmux: Tmux, session: str, cwd: Path, *args: str) -> int:
    command = " ".join([str(EXE), "run", *args, "--lang", "en"])
    tmux.start(session, f"TERM=xterm-256color exec {command}", cwd=str(cwd))
    wait_until(lambda: "Agenda" in tmux.screen(session), what="the console's first frame")
    return int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())


def _trim(grid: list[str]) -> list[str]:
    lit = [i for i in range(len(grid[0])) if any(row[i] == "#" for row in grid)]
    return [row[lit[0] : lit[-1] + 1] for row in grid] if lit else grid


def read_countdown(text: str) -> int:
    """The seconds shown by the big digits on a captured screen (decoded from the pixel font)."""
    rows = [line for line in text.splitlines() if "█" in line]
    rows = [line.ljust(max(map(len, rows))) for line in rows]  # tmux trims trailing spaces
    height = len(rows) // 5
    first = min(line.index("█") for line in rows)
    runs = []  # the narrowest run of lit cells is one pixel wide
    for line in rows:
        run = 0
        for char in line[first:] + " ":
            if char == "█":
                run += 1
            elif run:
                runs.append(run)
                run = 0
    width = min(runs)
    last = max(len(line.rstrip()) for line in rows)
    grid = [
        "".join("#" if rows[r * height][x] == "█" else " " for x in range(first, last, width))
        for r in range(5)
    ]
    grid = _trim(grid)
    for seconds in range(0, 4 * 3600):
        candidate = _trim(pixel_rows(timer_text(seconds)))
        if candidate == grid:
            return seconds
    raise AssertionError("no countdown found on screen:\n" + text)


def shown_seconds(remaining: float) -> int:
    """The whole seconds the countdown shows for `remaining` seconds (the product rounds up)."""
    *hours, minutes, seconds = (int(part) for part in timer_text(remaining).split(":"))
    return sum(hours) * 3600 + minutes * 60 + seconds


def timer_text(seconds: float) -> str:
    from facilitation.i18n.formatting import format_clock

    return format_clock(seconds)


def test_killed_console_restarts_with_the_right_remaining_time(tmp_path, tmux: Tmux):
    script = tmp_path / "cafe.md"
    shutil.copy(SCRIPT, script)
    db = tmp_path / "cafe.db"
    session = f"fx-{uuid.uuid4().hex[:8]}"
    try:
        pid = start_console(tmux, session, tmp_path, "cafe.md")
        wait_until(lambda: "Created the event file" in tmux.screen(session), what="the notice")
        assert db.exists()
        tmux("send-keys", "-t", session, "Space")
        with Event.open(db) as event:
            wait_until(lambda: event.read_timer().status == "running", what="the timer")
        time.sleep(0.5)  # mid-round
        os.kill(pid, signal.SIGKILL)
        wait_until(lambda: not tmux.alive(session), what="the console to die")
        time.sleep(0.5)  # the room goes on while the laptop reboots

        # The countdown on screen was computed at some moment between the restart and the
        # capture: bracket that moment by reading the clock before and after.
        restarted = time.time()
        start_console(tmux, session, tmp_path, "cafe.db")
        shown = None

        def countdown_on_screen() -> bool:
            nonlocal shown
            try:
                shown = read_countdown(tmux.screen(session))
            except (AssertionError, ValueError, IndexError):  # not drawn yet
                return False
            return True

        wait_until(countdown_on_screen, what="the countdown")
        captured = time.time()
        with Event.open(db) as event:
            state = event.read_timer()
            planned = planned_durations(event.script)[state.step_index]
            assert event.integrity_check() == "ok"
            assert [e.action for e in event.run_log()] == ["started"]
        assert state.status == "running" and state.step_index == 0
        # What the screen shows for the remaining time at the latest and earliest moment.
        lowest = shown_seconds(timer.remaining_seconds(state, captured, planned))
        highest = shown_seconds(timer.remaining_seconds(state, restarted, planned))
        print(f"shown {shown} s, between {lowest} and {highest} s")
        assert lowest <= shown <= highest
        assert shown <= planned - 1  # the second slept (running, then dead) counted
    finally:
        if tmux.alive(session):
            tmux("kill-session", "-t", session)
