import gc
import os
import sys

import pytest

from facilitation.i18n import set_language
from facilitation.tui import timings

# Bytecode is written during a test run even where PYTHONDONTWRITEBYTECODE is set: pytest keeps
# each test module's assertion-rewritten code in tests/__pycache__, and Python the project's
# modules (then read by the processes the tests start). Without it every worker rewrote the
# hundred test modules at every run (2-3 s of CPU each).
sys.dont_write_bytecode = False

# The screens' own timers in tests (seconds): short, so that a test waiting for a draft, a poll
# or the end of a code pause waits a few milliseconds instead of a second.
FAST_TIMERS = {
    "DRAFT_SECONDS": 0.05,
    "POLL_SECONDS": 0.02,
    "WRONG_CODE_PAUSE": 0.1,
    "LOCKED_OUT_SECONDS": 0.1,
}


def pytest_collection_modifyitems(config, items) -> None:
    """The slow, process-level tests first: the workers start on the longest tests and the
    short ones fill in after, instead of a long one starting last and running alone."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_collection_finish(session) -> None:
    """The garbage collector, tuned for a test run: what the imports and the collection made
    lives to the end (frozen: never looked through again), and a young generation of 50,000
    objects instead of 700 (each Textual repaint makes thousands of short-lived ones). Python
    spent about a fifth of the CPU of the Pilot tests collecting; about a twentieth now."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def pytest_sessionfinish(session) -> None:
    """One full collection at the end, whose finalizers can still report an unraisable
    exception, then what is left frozen: pytest then collects five times more to find any
    (a few hundred thousand objects a worker, 0.2 s each, at the very end of the run)."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True, scope="session")
def own_cache_folder(tmp_path_factory):
    """The user's cache folder (simplemma's decoded dictionaries, analysis/lemma_store.py) is a
    folder of this test run, shared by its workers and the processes they start: tests never
    write the home folder, and a run starts without a cache, as a new machine does."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder = root / "user-cache"
    folder.mkdir(exist_ok=True)
    os.environ["XDG_CACHE_HOME"] = str(folder)
    return folder


@pytest.fixture
def clock():
    """The injected clock of an event and its screens (pilot_support.FakeClock): a test moves
    time with `clock.now += seconds`."""
    from pilot_support import FakeClock

    return FakeClock()


@pytest.fixture
def tmux():
    """A tmux server of this test's own (tests/tmux_support.py), killed after it."""
    from tmux_support import Tmux

    server = Tmux()
    yield server
    server.close()


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English unless it asks otherwise, whatever the machine's locale."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def fast_timers(monkeypatch):
    """Every in-process screen runs with FAST_TIMERS (process-level tests keep the real ones)."""
    for name, seconds in FAST_TIMERS.items():
        monkeypatch.setattr(timings, name, seconds)
    return timings


@pytest.fixture(autouse=True)
def commits_without_fsync(request, monkeypatch):
    """In-process tests commit with synchronous=NORMAL: in WAL mode a commit then survives a
    killed process as with FULL (what the tests can see), but is not flushed to the disk at
    each commit (a pulled plug, which no test can pull). The flush took about 5 ms a commit,
    a core left idle while it waits. Tests marked `durable`, and every process a test starts,
    keep the product's FULL (tests/test_store_event.py checks it)."""
    if request.node.get_closest_marker("durable") is None:
        from facilitation.store import connection

        monkeypatch.setattr(connection, "SYNCHRONOUS", "NORMAL")


@pytest.fixture(autouse=True)
def notified(monkeypatch):
    """Record what every app notifies (see pilot_support.notifications)."""
    from pilot_support import NOTIFIED
    from textual.app import App

    notify = App.notify

    def recording(self, message, *args, **kwargs):
        NOTIFIED.setdefault(self, []).append(str(message))
        return notify(self, message, *args, **kwargs)

    monkeypatch.setattr(App, "notify", recording)


@pytest.fixture(autouse=True)
def settled_pilot(monkeypatch):
    """Pilot's key presses and pauses wait for the app to have handled them
    (pilot_support.settle, see `settled_pilot_patches`)."""
    from pilot_support import settled_pilot_patches

    for target, name, value in settled_pilot_patches():
        monkeypatch.setattr(target, name, value)


@pytest.fixture(autouse=True, scope="session")
def css_parsed_once():
    """Each Textual app parses the CSS of every widget class it uses again (a tenth of an app
    start); in a test run the same CSS with the same theme variables is parsed once per worker
    and its rules shared by the apps, as one app shares them between its own stylesheets.
    Textual's own cache key, with the variables the rules were parsed with."""
    from textual.css.stylesheet import Stylesheet

    parse_rules = Stylesheet._parse_rules
    parsed: dict[tuple, list] = {}

    def once(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (css, read_from, is_default_rules, tie_breaker, scope)
        key += tuple(sorted(self._variables.items()))
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = parse_rules(
                self, css, read_from, is_default_rules, tie_breaker, scope
            )
        return rules

    Stylesheet._parse_rules = once  # type: ignore[method-assign]
    yield
    Stylesheet._parse_rules = parse_rules  # type: ignore[method-assign]


@pytest.fixture
def timer_ticks(monkeypatch):
    """How many times each Textual timer has fired, by name ("drafts", "watch-event-file"...):
    a test waits for a number of ticks instead of a length of real time."""
    from collections import Counter

    from textual.timer import Timer

    ticks: Counter[str] = Counter()
    tick = Timer._tick

    async def counting(self, *args, **kwargs):
        ticks[self.name] += 1
        return await tick(self, *args, **kwargs)

    monkeypatch.setattr(Timer, "_tick", counting)
    return ticks


@pytest.fixture(autouse=True, scope="session")
def frames_painted_when_read():
    """A headless app's frames are painted when a test reads the screen, each kind of screen
    when first shown and every Pilot test's last frame (pilot_support.painted_when_read_patch)."""
    from pilot_support import painted_when_read_patch

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(*painted_when_read_patch())
        yield
