"""Pilot keys without the fixed 20 ms naps: a fixture for the in-process Textual tests.

Textual's Pilot, after each key it sends, waits until the app is idle (`textual._wait.
wait_for_idle`, twice per key): it naps SLEEP_GRANULARITY (20 ms) at a time until a nap sees
less than SLEEP_GRANULARITY / 20 of CPU used. Before a nap ends, the event loop runs every
callback that was ready (the key's handling, the screens it mounts, their messages), so a nap
that saw no CPU means the app had nothing left to do, however short the nap. With 2 ms naps
(and the same 1/20 idle ratio) a test waits for the same thing, the app's work being done, but
a key costs about 4 ms of waiting instead of at least 40 ms.

Use it in a test module with `from quick_idle import quick_idle  # noqa: F401` (autouse).
"""

from __future__ import annotations

import pytest

NAP = 0.002  # seconds


@pytest.fixture(autouse=True)
def quick_idle(monkeypatch):
    from textual import _wait

    monkeypatch.setattr(_wait, "SLEEP_GRANULARITY", NAP)
    monkeypatch.setattr(_wait, "SLEEP_IDLE", NAP / 20)
