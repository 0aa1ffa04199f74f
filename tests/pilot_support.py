"""What the Pilot tests of every screen share: running async tests, a fake clock, and reading
what is on the screen."""

from __future__ import annotations

import asyncio
import functools
import html
import re
import weakref

from rich.cells import cell_len


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


# One run of text in Textual's SVG screenshot: its x (pixels), its line, its characters.
_SVG_TEXT = re.compile(
    r'<text [^>]*\bx="([0-9.]+)"[^>]*clip-path="url\(#[^"]*-line-(\d+)\)"[^>]*>(.*?)</text>'
)
_CHAR_WIDTH = 20 * 0.61  # Rich's export_svg: 20 px high characters, 0.61 as wide as high


def screen_text(app) -> str:
    """The plain text of what the app shows (the screen on top, and what shows through it),
    one line per terminal row, read from the public `export_screenshot()`."""
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


# What each app was asked to notify, in order (filled by the `notified` fixture of conftest.py,
# which wraps the public App.notify).
NOTIFIED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def notifications(app) -> str:
    """Every notification the app has shown, one a line."""
    return "\n".join(NOTIFIED.get(app, []))


async def wait_for(pilot, condition, seconds: float = 10.0) -> float:
    """Let the app run (real time: file watchers poll) until `condition()`, or `seconds` at
    most (then the test's own assertion says what is missing); the time it took."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while not condition():
        if loop.time() - start > seconds:
            break
        await pilot.pause(0.02)
    return loop.time() - start
