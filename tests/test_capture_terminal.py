"""Capture as a real process in a real terminal (tmux): a burst of keys ending in Ctrl+S
saves every character, and a byte that is not UTF-8 (a Latin-1 "é" from an old terminal)
is replaced instead of killing the app.

The tests share one capture process (started once per module: a start costs more than both
tests). Each starts from an empty note field (the previous note was saved) and asserts only
on the notes it saved itself, so they pass in any order or alone."""

from __future__ import annotations

import shutil
import sys
import uuid
from collections.abc import Iterator
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


@pytest.fixture(scope="module")
def running_capture(tmp_path_factory) -> Iterator[tuple[Tmux, str, Path]]:
    """One capture process on table 2 of an event in its first round, in a tmux server of the
    module's own."""
    folder = tmp_path_factory.mktemp("capture")
    path = folder / "event.db"
    with Event.create(path, sample_script("en"), "", "s.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1, status="running"), "goto")
    tmux = Tmux()
    session = f"cap-{uuid.uuid4().hex[:8]}"
    command = f"{EXE} capture {path} --table 2 --name ana --lang en"
    tmux.start(
        session,
        f"TERM=xterm-256color LANG=C.UTF-8 exec {command}",
        size=(110, 30),
        cwd=str(folder),
        keep_screen=True,  # if it ever dies, its last screen (a traceback) stays to be shown
    )
    try:
        wait_until(lambda: "Table 2" in tmux.screen(session), what="capture", every=0.02)
        yield tmux, session, path
    finally:
        tmux.close()


@pytest.fixture
def capture(running_capture) -> tuple[Tmux, str, Path, int]:
    """The shared capture, up, its note field empty; and how many notes were saved before."""
    tmux, session, path = running_capture
    assert alive(tmux, session), tmux.screen(session)
    wait_until(lambda: editor_line(tmux.screen(session)) == "", what="an empty note field")
    return tmux, session, path, len(notes(path))


def alive(tmux: Tmux, session: str) -> bool:
    """The capture program still runs (its pane has not become a dead one)."""
    return tmux("display-message", "-p", "-t", session, "#{pane_dead}").strip() == "0"


def editor_line(screen: str) -> str | None:
    """The first line of the note field, as the screen shows it (None: no note field)."""
    lines = screen.splitlines()
    top = next((i for i, line in enumerate(lines) if line.startswith("▊▔")), None)
    if top is None or top + 1 >= len(lines):
        return None
    return lines[top + 1].removeprefix("▊").split("▎")[0].strip()


def test_a_burst_of_keys_then_ctrl_s_saves_the_whole_text(capture):
    tmux, session, path, before = capture
    tmux("send-keys", "-t", session, "-l", "a fast typist writes this")
    tmux("send-keys", "-t", session, "C-s")  # right after, before the app has caught up
    tmux("send-keys", "-t", session, "-l", "then a second note")
    tmux("send-keys", "-t", session, "C-s")
    wait_until(lambda: len(notes(path)) == before + 2, what="two notes saved", every=0.02)
    assert notes(path)[before:] == ["a fast typist writes this", "then a second note"]


def test_a_byte_that_is_not_utf8_is_replaced_and_the_app_stays_up(capture):
    tmux, session, path, before = capture
    tmux("send-keys", "-t", session, "-l", "caf")
    tmux("send-keys", "-t", session, "-H", "e9")  # Latin-1 "é": not UTF-8
    tmux("send-keys", "-t", session, "-l", " ok")
    # The app read the byte and went on: it shows the text, the byte replaced, after it.
    wait_until(
        lambda: not alive(tmux, session) or editor_line(tmux.screen(session)) == "caf\ufffd ok",
        what="the text on screen",
    )
    assert alive(tmux, session), tmux.screen(session)
    tmux("send-keys", "-t", session, "C-s")
    wait_until(lambda: len(notes(path)) == before + 1, what="the note saved", every=0.02)
    [text] = notes(path)[before:]
    assert text.startswith("caf") and text.endswith("ok") and "\ufffd" in text
    assert alive(tmux, session)
