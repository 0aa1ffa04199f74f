"""What the Pilot tests of every screen share: running async tests, a fake clock, and reading
what is on the screen."""

from __future__ import annotations

import asyncio
import functools


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


def screen_text(app) -> str:
    """The plain text of what the app's current screen shows."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notifications(app) -> str:
    """Every notification the app has shown, one a line."""
    return "\n".join(str(n.message) for n in app._notifications)


async def wait_for(pilot, condition, seconds: float = 1.0) -> float:
    """Let the app run (real time: file watchers poll) until `condition()`; the time it took."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while not condition():
        if loop.time() - start > seconds:
            break
        await pilot.pause(0.02)
    return loop.time() - start
