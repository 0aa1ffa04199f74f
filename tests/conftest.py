import pytest

from facilitation.i18n import set_language
from facilitation.tui import timings

# The screens' own timers in tests (seconds): short, so that a test waiting for a draft, a poll
# or the end of a code pause waits a few milliseconds instead of a second.
FAST_TIMERS = {
    "DRAFT_SECONDS": 0.05,
    "POLL_SECONDS": 0.05,
    "WRONG_CODE_PAUSE": 0.1,
    "LOCKED_OUT_SECONDS": 0.1,
}


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
def notified(monkeypatch):
    """Record what every app notifies (see pilot_support.notifications)."""
    from pilot_support import NOTIFIED
    from textual.app import App

    notify = App.notify

    def recording(self, message, *args, **kwargs):
        NOTIFIED.setdefault(self, []).append(str(message))
        return notify(self, message, *args, **kwargs)

    monkeypatch.setattr(App, "notify", recording)
