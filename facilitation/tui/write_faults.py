"""What every screen does when the event file cannot be written now (see issue "When things go
wrong"): the same plain words in a banner, retries with back-off, and a clear word when it
recovers. The screens keep what was typed themselves (capture also in a fallback file).

    faults = WriteFaults()
    try:
        event.add_note(...)
    except WriteUnavailable as exc:
        faults.failed(exc)            # banner: faults.banner(); retry after faults.next_delay()
    else:
        if faults.recovered(): notify(faults.recovered_message())

Only the wording and the timing live here: no Textual, so the console and capture share it.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from facilitation.i18n import _
from facilitation.store.connection import WriteUnavailable, fault_message

if TYPE_CHECKING:
    from facilitation.store.event import Event

Method = TypeVar("Method", bound=Callable[..., Any])

# Seconds between retries: quick at first (a lock let go, a file deleted to make room), then
# every 15 s so a screen left on a full disk does not hammer it.
BACKOFF_S = (1.0, 2.0, 4.0, 8.0, 15.0)
SCREEN_LOCK_WAIT_S = 0.5  # how long a screen's write waits for the lock before it retries later


class WriteFaults:
    """The state of the writes of one screen: fine, or failing since when and why."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.kind: str | None = None  # None: writes work
        self.reason = ""
        self.since: float | None = None
        self.waited = 0.0  # seconds the lock had been held when the first write gave up
        self.attempts = 0

    @property
    def failing(self) -> bool:
        return self.kind is not None

    def failed(self, exc: WriteUnavailable) -> None:
        """A write just failed with `exc`: remember since when (the first failure counts)."""
        if self.since is None:
            self.since = self.clock()
            self.waited = exc.waited
        self.kind = exc.kind
        self.reason = exc.reason
        self.attempts += 1

    def recovered(self) -> bool:
        """A write just worked: True if it was failing until now (say so once)."""
        was = self.failing
        self.kind = None
        self.reason = ""
        self.since = None
        self.waited = 0.0
        self.attempts = 0
        return was

    def next_delay(self) -> float:
        """Seconds until the next try (longer after each failed one)."""
        return BACKOFF_S[min(max(self.attempts - 1, 0), len(BACKOFF_S) - 1)]

    def seconds_failing(self) -> float:
        if self.since is None:
            return 0.0
        return self.waited + max(0.0, self.clock() - self.since)

    def problem(self) -> str:
        """ "The disk is full", "Another program has been holding the event file for 40 s"..."""
        if self.kind is None:
            return ""
        return fault_message(self.kind, self.seconds_failing(), self.reason)

    def banner(self, kept_in: str = "") -> str:
        """The whole banner: what is wrong, that nothing is lost, what to do."""
        if self.kind is None:
            return ""
        advice = {
            "full": _("your notes are kept on this screen, free some space"),
            "readonly": _(
                "your notes are kept on this screen; make the file writable or copy it to a"
                " folder you may write in"
            ),
            "locked": _("your notes are kept on this screen and saved as soon as it lets go"),
        }.get(self.kind, _("your notes are kept on this screen"))
        text = _("{problem}: {advice}.").format(problem=self.problem(), advice=advice)
        if kept_in:
            text += " " + _("A copy is in {path}.").format(path=kept_in)
        return text + " " + _("Trying again every few seconds.")

    @staticmethod
    def banner_once(exc: WriteUnavailable) -> str:
        """The banner for one failed write (screens that keep no WriteFaults of their own)."""
        faults = WriteFaults()
        faults.failed(exc)
        return faults.banner()

    @staticmethod
    def recovered_message() -> str:
        return _("The event file can be written again: everything you typed is saved.")


def refusal(exc: WriteUnavailable) -> str:
    """What a key that changes the event (a timer key) says when it cannot be written: it was
    not done, and why, in plain words."""
    return _("Not done: {problem}. Press the key again once it is fixed.").format(
        problem=exc.message
    )


@contextlib.contextmanager
def short_lock_wait(event: Event, seconds: float = SCREEN_LOCK_WAIT_S) -> Iterator[None]:
    """`with short_lock_wait(event):` a key's write waits at most `seconds` for another
    program's lock (then WriteUnavailable "locked"), so a screen never freezes for a minute."""
    before = event.write_deadline_s
    event.write_deadline_s = seconds if before is None else min(before, seconds)
    try:
        yield
    finally:
        event.write_deadline_s = before


def refuse_if_unwritable(notify: Callable[..., object]) -> _Refuse:
    """`with refuse_if_unwritable(self.notify):` around a key's write: if the event file
    cannot be written, the key is refused in plain words (nothing done, nothing crashes)."""
    return _Refuse(notify)


class _Refuse(contextlib.AbstractContextManager):
    def __init__(self, notify: Callable[..., object]) -> None:
        self.notify = notify
        self.refused: WriteUnavailable | None = None

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> bool:
        if isinstance(exc, WriteUnavailable):
            self.refused = exc
            self.notify(refusal(exc), severity="error", timeout=10)
            return True
        return False


@contextlib.contextmanager
def guarded(event: Event, notify: Callable[..., object]) -> Iterator[_Refuse]:
    """`with guarded(self.event, self.notify):` a key's writes wait at most a moment for the
    lock and, when the file cannot be written, are refused in plain words: the rest of the
    block is skipped, nothing crashes (the marketplace, votes and action plan, as the timer)."""
    with short_lock_wait(event), refuse_if_unwritable(notify) as refused:
        yield refused


def guarded_write(method: Method) -> Method:
    """A screen method (with `self.event` and `self.notify`) whose writes are `guarded`: on a
    refusal it stops where the write failed, so an entry line keeps what was typed."""

    @functools.wraps(method)
    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        with guarded(self.event, self.notify):
            return method(self, *args, **kwargs)
        return None

    return run  # type: ignore[return-value]
