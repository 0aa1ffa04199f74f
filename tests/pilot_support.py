"""What the Pilot tests of every screen share: running async tests, a fake clock, reading what
is on the screen, and waiting for an app to have done what it was asked (`settle`)."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import re
import weakref
from typing import Any

from rich.cells import cell_len
from textual._context import active_app
from textual.worker import WorkerState


def sync(test):
    """Run an async test with asyncio.run (the project needs no async plugin for pytest)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


class FakeClock:
    """A clock the test moves by hand: `clock.now += 65`."""

    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


class NapClock:
    """A clock that only moves when slept on (`connection.lock_wait_clock` and `_sleep`: a
    wait for the write lock waited out without waiting)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.naps = 0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.naps += 1


# One run of text in Textual's SVG screenshot: its x (pixels), its line, its characters.
_SVG_TEXT = re.compile(
    r'<text [^>]*\bx="([0-9.]+)"[^>]*clip-path="url\(#[^"]*-line-(\d+)\)"[^>]*>(.*?)</text>'
)
_CHAR_WIDTH = 20 * 0.61  # Rich's export_svg: 20 px high characters, 0.61 as wide as high


def screenshot_text(app) -> str:
    """The plain text of the app's screen as read from the public `export_screenshot()` (an
    SVG), one line per terminal row. `screen_text` reads the same without the SVG."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, content in _SVG_TEXT.findall(app.export_screenshot()):
        row, column = rows[int(line)], round(float(x) / _CHAR_WIDTH)
        for char in html.unescape(content).replace("\xa0", " "):
            if column < width:
                row[column] = char
            column += cell_len(char)
            if cell_len(char) == 2 and column - 1 < width:
                row[column - 1] = ""  # the second half of a wide character
    return "\n".join("".join(row) for row in rows)


def screen_text(app) -> str:
    """The plain text of what the app shows (the screen on top, and what shows through it),
    one line per terminal row: the lines that `export_screenshot()` draws (the compositor's
    full update), read from their segments instead of through an SVG, in a fraction of the
    time (tests/test_stage_text.py checks that both read the same)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    text = "\n".join(  # a line: strips of segments
        "".join(segment.text for strip in line for segment in strip if not segment.control)
        for line in update.strips
    )
    return text.replace("\xa0", " ")


# What each app was asked to notify, in order (filled by the `notified` fixture of conftest.py,
# which wraps the public App.notify).
NOTIFIED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def notifications(app) -> str:
    """Every notification the app has shown, one a line."""
    return "\n".join(NOTIFIED.get(app, []))


# The apps running under `run_test` now, and how many messages or callbacks their widgets are
# handling at this moment (both kept by the `settled_pilot` fixture of conftest.py).
RUNNING: weakref.WeakSet = weakref.WeakSet()
HANDLING = [0]

_BUSY_WORKERS = (WorkerState.PENDING, WorkerState.RUNNING)
# A one-shot timer this short is part of what was asked (Textual's resize is handled 1/120 s
# after the event, lazy mounting looks again after 0.02 s): it is waited for. Longer ones (a
# search run 0.15 s after the last key, the screens' drafts and polls) are not; Textual's own
# wait_for_idle did not wait for them either (it ends after one quiet 20 ms slice).
SHORT_TIMER = 0.02


def _pending_short_timer(node) -> bool:
    return any(
        timer._repeat == 0
        and timer._interval <= SHORT_TIMER
        and timer._task is not None
        and not timer._task.done()
        for timer in list(node._timers)
    )


def _busy(app, workers: bool = True) -> str:
    """What `app` still has to do now ("" when nothing): a message queued or a callback
    waiting for its turn in the app or a widget of its screens, a worker running, a short
    timer on its way, or a repaint the screen owes (done here and now, as Textual's 60 Hz
    update timer would do it)."""
    if not app.is_running or app._exception is not None or app._closed:
        return ""
    if app._batch_count:
        return "batch"
    if workers and any(w.state in _BUSY_WORKERS for w in app.workers):
        return "worker"
    nodes = [app]
    for screen in app.screen_stack:
        nodes.extend(screen.walk_children(with_self=True))
    for node in nodes:
        if node._message_queue.qsize() or node._next_callbacks:
            return "messages"
    if any(node._timers and _pending_short_timer(node) for node in nodes):
        return "timer"
    screen = app.screen
    if (
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks
    ):
        with app._context():  # the screen's `app` is the context's: two apps can run at once
            screen._on_timer_update()
        return "repaint"
    return ""


def _apps() -> list:
    """The apps under `run_test`, and the one whose context this is (an app run by
    pytest-textual-snapshot's `snap_compare`, through `App.run(auto_pilot=...)`)."""
    apps = list(RUNNING)
    current = active_app.get(None)
    if current is not None and current not in apps:
        apps.append(current)
    return apps


async def settle(max_wait: float = 1.0, apps: Any = None, workers: bool = True) -> None:
    """Return once every running app has handled everything it was sent (and whatever that
    caused in turn) and repainted, or after `max_wait` seconds at most.

    It replaces Textual's `wait_for_idle`, which sleeps in 20 ms slices until the process used
    little CPU during one (at least 40 ms a key pressed), and Pilot's `_wait_for_screen` (see
    conftest.py): here nothing sleeps, but for 1 ms naps while a handler awaits something, a
    worker runs or a short timer is due. Quiet means: no callback is ready in the event loop (so no message is on its
    way from one task to another), no message is being handled, and no app has any of
    `_busy`'s work left, three times in a row. The screens' own timers (drafts, polls) are not
    waited for: `wait_for` does that; nor are workers, with `workers=False`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + max_wait
    calm = 0
    while calm < 3 and loop.time() < deadline:
        await asyncio.sleep(0)
        # Callbacks ready to run (CPython's event loop keeps them in `_ready`), then handlers.
        busy = "ready" if loop._ready else "handling" if HANDLING[0] else ""
        for app in _apps() if apps is None else apps:
            busy = busy or _busy(app, workers)
        if busy in ("handling", "worker", "timer", "batch"):
            # A handler awaits a timer or a thread, a worker runs, a timer is due: no busy loop.
            await asyncio.sleep(0.001)
        calm = 0 if busy else calm + 1


async def wait_for(pilot, condition, seconds: float = 10.0) -> float:
    """Let the app run (real time: file watchers poll) until `condition()`, or `seconds` at
    most (then the test's own assertion says what is missing); the time it took. Between two
    looks it lets every app handle what is pending, then gives the timers a few milliseconds."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while not condition():
        if loop.time() - start > seconds:
            break
        await pilot.pause(0.005)
    return loop.time() - start


# What conftest.py puts in place for every test (fixtures `settled_pilot` and
# `frames_painted_when_read`), and a process a test starts puts in place for itself
# (tests/test_capture_process.py): (object, attribute, replacement) triples.


def settled_pilot_patches() -> list[tuple[Any, str, Any]]:
    """Pilot's key presses and pauses wait for the app to have handled them (`settle`) instead
    of Textual's `wait_for_idle`, which sleeps in 20 ms slices until the process looks idle:
    most of the time of the Pilot tests was spent there. Pilot's `_wait_for_screen` (every
    widget's queue has handled what it held) is the same settle, without waiting for the
    workers, as it did not. `run_test` registers the app in RUNNING and paints its last frame
    (see `painted_when_read_patch`); `HANDLING` counts the messages being handled."""
    import textual.app
    import textual.pilot
    from textual.message_pump import MessagePump

    async def wait_for_idle(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
        await settle(max_sleep)

    async def wait_for_screen(self, timeout: float = 30.0) -> bool:
        await settle(timeout, workers=False)
        return True

    run_test = textual.app.App.run_test

    @contextlib.asynccontextmanager
    async def registered(self, *args, **kwargs):
        async with run_test(self, *args, **kwargs) as pilot:
            RUNNING.add(self)
            try:
                yield pilot
                if self.is_running:  # the last frame, painted (see painted_when_read_patch)
                    screen_text(self)
            finally:
                RUNNING.discard(self)

    patches: list[tuple[Any, str, Any]] = [
        (textual.app, "wait_for_idle", wait_for_idle),
        (textual.pilot, "wait_for_idle", wait_for_idle),
        (textual.pilot.Pilot, "_wait_for_screen", wait_for_screen),
        (textual.app.App, "run_test", registered),
    ]
    for name in ("_dispatch_message", "_flush_next_callbacks"):
        handle = getattr(MessagePump, name)

        async def counted(self, *args, _handle=handle, **kwargs):
            HANDLING[0] += 1
            try:
                return await _handle(self, *args, **kwargs)
            finally:
                HANDLING[0] -= 1

        patches.append((MessagePump, name, counted))
    return patches


def painted_when_read_patch() -> tuple[Any, str, Any]:
    """A headless app's frames are painted when a test reads the screen, not at each repaint.
    Textual paints every frame, then its headless driver throws the picture away; the tests
    read the screen through a full repaint of their own (`screen_text`, `export_screenshot`,
    the snapshots), which paints every widget whose look has changed since. So each kind of
    screen is painted when it is first shown in a process, and the last frame of each Pilot
    test (`settled_pilot_patches`): a widget that cannot draw itself fails there; layout,
    sizes, scrolling and the mouse are worked out at every frame as before. Painting was about
    a third of the CPU of the Pilot tests (tests/test_harness_painting.py checks both)."""
    from textual.screen import Screen

    refresh = Screen._compositor_refresh
    painted: set[type] = set()

    def painted_when_read(self):
        app = self.app
        kind = type(self)
        if not app.is_headless or app.is_inline or self is not app.screen or kind not in painted:
            painted.add(kind)
            return refresh(self)
        self._compositor._dirty_regions.clear()
        self._dirty_widgets.clear()
        app._update_mouse_over(self)

    return (Screen, "_compositor_refresh", painted_when_read)
