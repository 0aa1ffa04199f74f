"""Terminal input that is not valid UTF-8 (a Latin-1 "é" from an old terminal, a paste from
another encoding) is replaced by U+FFFD instead of crashing Textual's input thread.

Textual's Linux drivers decode stdin with `codecs.getincrementaldecoder("utf-8")()`, strict:
one stray byte raises UnicodeDecodeError in the input thread and the app dies without saving.
`tolerate_bad_bytes()` makes the decoders those drivers build use errors="replace".
"""

from __future__ import annotations

import codecs
import importlib
from collections.abc import Callable
from typing import Any

DRIVER_MODULES = ("textual.drivers.linux_driver", "textual.drivers.linux_inline_driver")


def replacing_decoder(encoding: str) -> Callable[..., Any]:
    """Like `codecs.getincrementaldecoder(encoding)`, but the decoders replace bad bytes."""
    factory = codecs.getincrementaldecoder(encoding)

    def make(errors: str = "replace") -> codecs.IncrementalDecoder:
        return factory(errors="replace")

    return make


def tolerate_bad_bytes() -> None:
    """Install the replacing decoder in Textual's drivers (idempotent; the Windows driver
    reads key events, not bytes, and needs nothing)."""
    for name in DRIVER_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # e.g. termios missing on Windows
            continue
        if hasattr(module, "getincrementaldecoder"):
            module.getincrementaldecoder = replacing_decoder  # type: ignore[attr-defined]
