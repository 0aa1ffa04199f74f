"""Capture as a real process in a real terminal (tmux): a burst of keys ending in Ctrl+S
saves every character, and a byte that is not UTF-8 (a Latin-1 "é" from an old terminal)
is replaced instead of killing the app."""

from __future__ import annotations

import shutil
import sys
import time
import uuid
from pathlib import Path

import pytest
from tmux_support import Tmux, wait_until

from facilitation.store import Event
from facilitation.store.sample import sample_script

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
]

EXE = Path(sys.executable).parent / "facilitation"


def notes(path: Path) -> list[str]:
    with Event.open(path) as event:
        return [note.text for note in event.list_notes()]


@pytest.fixture
def capture(tmp_path, tmux: Tmux):
    path = tmp_path / "event.db"
    with Event.create(path, sample_script("en"), "", "s.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1, status="running"), "goto")
    session = f"cap-{uuid.uuid4().hex[:8]}"
    command = f"{EXE} capture {path} --table 2 --name ana --lang en"
    tmux.start(
        session,
        f"TERM=xterm-256color LANG=C.UTF-8 exec {command}",
        size=(110, 30),
        cwd=str(tmp_path),
    )
    try:
        wait_until(lambda: "Table 2" in tmux.screen(session), what="capture", every=0.1)
        yield session, path
    finally:
        if tmux.alive(session):
            tmux("kill-session", "-t", session)


def test_a_burst_of_keys_then_ctrl_s_saves_the_whole_text(capture, tmux: Tmux):
    session, path = capture
    tmux("send-keys", "-t", session, "-l", "a fast typist writes this")
    tmux("send-keys", "-t", session, "C-s")  # right after, before the app has caught up
    tmux("send-keys", "-t", session, "-l", "then a second note")
    tmux("send-keys", "-t", session, "C-s")
    wait_until(lambda: len(notes(path)) == 2, what="two notes saved")
    assert notes(path) == ["a fast typist writes this", "then a second note"]


def test_a_byte_that_is_not_utf8_is_replaced_and_the_app_stays_up(capture, tmux: Tmux):
    session, path = capture
    tmux("send-keys", "-t", session, "-l", "caf")
    tmux("send-keys", "-t", session, "-H", "e9")  # Latin-1 "é": not UTF-8
    tmux("send-keys", "-t", session, "-l", " ok")
    time.sleep(0.5)
    assert tmux.alive(session)
    tmux("send-keys", "-t", session, "C-s")
    wait_until(lambda: len(notes(path)) == 1, what="the note saved")
    [text] = notes(path)
    assert text.startswith("caf") and text.endswith("ok") and "\ufffd" in text
    assert tmux.alive(session)
