"""How often the screens act on their own, in one place (the tests shorten them all with one
fixture, `fast_timers` in tests/conftest.py). Read them as `timings.DRAFT_SECONDS` when the
timer is set, not imported by name, so that a changed value is seen."""

from __future__ import annotations

# A draft is written at most this long after a change: a killed process loses at most this
# much typing.
DRAFT_SECONDS = 1.0
# The event file is looked at this often for other processes' changes (`tui/watch.py`).
POLL_SECONDS = 0.25
# The join-code field stays disabled this long after a wrong code...
WRONG_CODE_PAUSE = 1.0
# ...and after too many wrong codes, the message shows this long before the session ends.
LOCKED_OUT_SECONDS = 2.0
# The projector looks this often whether `facilitation serve` runs, to show or hide the room's
# QR code (`tui/widgets/qr.py`).
QR_SECONDS = 2.0
