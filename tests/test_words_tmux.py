"""Every screen of a live day, driven in a real terminal (tmux) as a facilitator would: in a
French run no English word of Textual's or argparse's own strings may show, and in an English
run no French word of their translations. Skipped where tmux is not installed.

The word lists are built from the strings themselves (facilitation.tui.textual_words and
argparse's), less the words both languages share ("options", "page", "menu"...)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tmux_support import Tmux

from facilitation.i18n import gettext_in
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.textual_words import KEY_WORDS, SYSTEM_COMMAND_WORDS, WIDGET_BINDING_WORDS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

ARGPARSE_WORDS = (
    "usage: ",
    "options",
    "positional arguments",
    "show this help message and exit",
    "show program's version number and exit",
    "the following arguments are required: %s",
    "unrecognized arguments: %s",
    "invalid choice: %(value)r (choose from %(choices)s)",
)
ENGLISH_STRINGS = (*SYSTEM_COMMAND_WORDS, *WIDGET_BINDING_WORDS, *KEY_WORDS, *ARGPARSE_WORDS)
# Words both languages write the same way (or that are names, not words).
SHARED = {
    "options",
    "usage",
    "page",
    "menu",
    "palette",
    "capture",
    "suggestion",
    "version",
    "message",
    "arguments",
    "argument",
    "normal",
    "position",
    "table",
    "notes",
    "note",
    "tab",
    "insert",
    "accept",
    "completion",
    "change",
    "minimize",
    "maximize",
    "screenshot",
    "toggle",
    "select",
    "fin",
    "direct",
    "plan",
    "action",
    "actions",
    "session",
    "format",
    "votes",
    "vote",
    "minute",
    "proportion",
    "total",
    "convergence",
    "journal",
    "copier",
    "coller",
}


def words_of(strings) -> set[str]:
    found = set()
    for text in strings:
        for word in re.findall(r"[A-Za-zÀ-ÿ']+", re.sub(r"%\(?\w*\)?[rs]?", " ", text)):
            word = word.strip("'").lower()
            if len(word) >= 4 or word in {"esc", "del", "pgup", "pgdn", "end", "up"}:
                found.add(word)
    return found - SHARED


ENGLISH = words_of(ENGLISH_STRINGS)
FRENCH = words_of(gettext_in("fr", s) for s in ENGLISH_STRINGS) - ENGLISH


def strangers(text: str, words: set[str]) -> set[str]:
    text = re.sub(r"(?<!\w)--?[\w-]+", " ", text)  # option names (--help) are not words
    seen = {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ']+", text)}
    seen |= {w.strip("'") for w in seen}
    return seen & words


class Terminal(Tmux):
    """The test's tmux server, one session per program, with the tour's ways of waiting.

    Each program's output is also copied to a file (`pipe-pane`): a screen is read once the
    program has written nothing for QUIET seconds (its frame is drawn, not half of it), which
    a look at the file's size tells without starting a tmux client every few milliseconds."""

    QUIET = 0.05  # seconds without output after which a frame counts as drawn

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def start_program(self, name: str, command: list[str], env: dict[str, str]) -> None:
        line = " ".join(f"{k}={v}" for k, v in env.items()) + " " + " ".join(command)
        self.start(name, line, keep_screen=True)
        output = self.folder / f"{name}.out"
        output.touch()
        self("pipe-pane", "-o", "-t", name, f"cat >> {shlex.quote(str(output))}")

    def keys(self, name: str, *keys: str) -> None:
        """Send `keys` in one go, in order (only keys for one screen: a key sent while a new
        screen opens could reach the old one)."""
        if keys:
            self("send-keys", "-t", name, *keys)

    def quiet_screen(self, name: str, done: Callable[[str], bool], seconds: float) -> str:
        """The screen once `done(screen)` holds for a screen read after QUIET seconds without
        output; "" if it never does within `seconds`."""
        output = self.folder / f"{name}.out"
        deadline = time.monotonic() + seconds
        size, changed, read_at = -1, time.monotonic(), None
        while time.monotonic() < deadline:
            now_size = output.stat().st_size
            if now_size != size:
                size, changed = now_size, time.monotonic()
            elif time.monotonic() - changed >= self.QUIET and read_at != size:
                read_at = size
                text = self.screen(name)
                if output.stat().st_size == size and done(text):
                    return text
            time.sleep(0.01)
        return ""

    def wait_for(self, name: str, marker: str, seconds: float = 20.0) -> str:
        """The screen once `marker` shows (the test fails with the screen if it never does)."""
        if text := self.quiet_screen(name, lambda text: marker in text, seconds):
            return text
        raise AssertionError(f"{marker!r} never showed in {name}:\n{self.screen(name)}")

    def leave(self, name: str, marker: str, *keys: str, seconds: float = 20.0) -> None:
        """Press `keys` to close the screen `marker` showed, and wait until it is gone: the
        next key must not reach the terminal with the Escape (read together, they are
        Alt+key), and only once the Escape was read alone does the screen close.

        The screen is read again each time the program has written something (a frame need
        not be whole here: the marker is written over only once the screen closed)."""
        output = self.folder / f"{name}.out"
        read_at = output.stat().st_size
        self.keys(name, *keys)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            # The size before the screen is read: any later output reads it again.
            size = output.stat().st_size
            if size != read_at:
                read_at = size
                if marker not in self.screen(name):
                    return
            time.sleep(0.01)
        raise AssertionError(f"{keys} did not close {marker!r} in {name}:\n{self.screen(name)}")


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path)
    yield term
    term.close()


def program(*args: str) -> list[str]:
    return [sys.executable, "-m", "facilitation.cli", *args]


# (screen name, keys to press, a marker of that screen in fr, in en, keys to leave it). The keys
# of one entry are sent at once: they are for one screen (a key sent while a new screen opens
# could reach the old one), and the screen they lead to is waited for by its marker.
CONSOLE_TOUR = [
    ("console", [], "Déroulement", "Agenda", []),
    ("F1", ["F1"], "Console de l'animateur : touches", "Facilitator's console: keys", ["Escape"]),
    ("palette", ["C-p"], "Chercher une commande", "Search for commands", []),
    ("palette, no match", ["z", "q", "z", "w"], "Aucune commande", "No matches", ["Escape"]),
    ("palette again", ["C-p"], "Chercher une commande", "Search for commands", []),
    ("palette, quit", ["Q", "u"], "Quitter", "Quit", ["Escape"]),
    ("notes board", ["h"], "Tableau des notes", "Notes board", ["Escape"]),
    ("seating view", ["a"], "Plan de tables", "Seating plan", ["Escape"]),
    ("running late", ["l"], "En retard", "Running late", ["Escape"]),
    ("marketplace", ["n", "n", "n", "n", "n", "m"], "Place du marché —", "Marketplace —", []),
    ("marketplace F1", ["F1"], "Place du marché : touches", "Marketplace: keys", ["Escape"]),
    ("votes", ["v"], "Convergence —", "Convergence —", []),
    ("actions", ["x"], "Plan d'action —", "Action plan —", ["Escape"]),
    ("quit?", ["q"], "Quitter la console?", "Quit the console?", ["n"]),
]


def test_every_screen_speaks_the_run_s_language(tmp_path: Path, terminal: Terminal):
    """The French and the English tours at once, each in a thread of its own on the same tmux
    server (its own programs, event file and session names): most of a tour is waiting for a
    screen to be drawn, and the two waits overlap instead of following each other."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        tours = {lang: pool.submit(tour, tmp_path / lang, terminal, lang) for lang in ("fr", "en")}
        problems = {lang: future.result() for lang, future in tours.items()}
    assert problems == {"fr": {}, "en": {}}, problems


def tour(folder: Path, terminal: Terminal, lang: str) -> dict[str, set[str]]:
    """Every screen of a run in `lang`: the foreign words each one showed (by screen name)."""
    folder.mkdir()
    path = folder / "forum.db"
    with Event.create(path, sample_script(lang), "", "forum.md") as event:
        event.add_note(1, "Une note", round=1, table=1, author="Ana")
        event.add_topic(2, "Logement", "Marie", slot=0, space=0)
    env = {
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "TEXTUAL_ANIMATIONS": "none",
        "ESCDELAY": "10",
    }
    foreign = ENGLISH if lang == "fr" else FRENCH
    problems: dict[str, set[str]] = {}
    console, projector, capture = (f"{name}-{lang}" for name in ("console", "projector", "capture"))

    # The --help text is written while the terminals run (its own process, nothing shared).
    help_run = subprocess.Popen(
        program("--lang", lang, "capture", "--help"),
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )
    terminal.start_program(console, program("run", str(path)), env)
    with ThreadPoolExecutor(max_workers=1) as beside:
        for name, keys, marker_fr, marker_en, leave in CONSOLE_TOUR:
            marker = marker_fr if lang == "fr" else marker_en
            terminal.keys(console, *keys)
            text = terminal.wait_for(console, marker)
            if found := strangers(text, foreign):
                problems[name] = found
            if leave:
                terminal.leave(console, marker, *leave)
            if name == "marketplace":
                # The event stays at the marketplace from here on: the projector and a capture
                # start now, and are read (in a thread of their own) while the console's last
                # screens are visited.
                terminal.start_program(projector, program("screen", str(path)), env)
                terminal.start_program(capture, program("capture", str(path), "--table", "1"), env)
                others = beside.submit(projector_and_capture, terminal, lang, foreign)
        problems.update(others.result())

    help_text, _ = help_run.communicate(timeout=60)
    assert help_run.returncode == 0
    if found := strangers(help_text, foreign):
        problems["capture --help"] = found
    return problems


def projector_and_capture(terminal: Terminal, lang: str, foreign: set[str]) -> dict[str, set[str]]:
    """The projector's wall and the capture's screens (with F1) of the tour in `lang`."""
    problems: dict[str, set[str]] = {}
    text = terminal.wait_for(f"projector-{lang}", "Logement")  # the marketplace's wall
    if found := strangers(text, foreign):
        problems["projector"] = found

    capture = f"capture-{lang}"
    text = terminal.wait_for(capture, "Table 1")
    if found := strangers(text, foreign):
        problems["capture"] = found
    terminal.keys(capture, "F1")
    text = terminal.wait_for(capture, "Ce qu'elle fait" if lang == "fr" else "What it does")
    if found := strangers(text, foreign):
        problems["capture F1"] = found
    return problems
