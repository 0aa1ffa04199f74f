"""Writing the files a command produces (exports, seating plans, agendas): all or nothing.

Each output is written to a temporary file in the same folder, synced, and moved into place
only when complete; on any failure (a full disk, a read-only folder, an error half-way) the
temporary file is removed and the old file, if any, is untouched. `output_error` turns the
OSError into a message that names the problem for what it is.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from facilitation.errors import UserError
from facilitation.i18n import _

READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def temporary_name(path: Path) -> Path:
    """A hidden name beside `path`, unique to this write."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")


@contextlib.contextmanager
def atomic_output(
    path: str | Path, *, binary: bool = False, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    """`with atomic_output(path) as fh:` write to `fh`; `path` appears only when the block ends
    without error. Raises OSError (see `output_error`) with nothing left behind."""
    path = Path(path)
    tmp = temporary_name(path)
    try:
        if binary:
            fh: IO = tmp.open("wb")
        else:
            fh = tmp.open("w", encoding=encoding, newline=newline)
        try:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        finally:
            fh.close()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_text_atomic(path: str | Path, text: str, *, encoding: str = "utf-8") -> None:
    with atomic_output(path, encoding=encoding, newline="") as fh:
        fh.write(text)


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    with atomic_output(path, binary=True) as fh:
        fh.write(data)


def output_error(exc: OSError, path: str | Path) -> UserError:
    """The plain words for an output that could not be written."""
    if exc.errno in FULL_ERRNOS:
        message = _("the disk is full: nothing was written; free some space and try again")
    elif exc.errno in READ_ONLY_ERRNOS:
        message = _("this folder is read-only: nothing was written; choose another folder")
    else:
        message = _("cannot write this file: {reason}").format(reason=exc.strerror or exc)
    return UserError(message, path=path)


@contextlib.contextmanager
def output_via_temporary(path: str | Path) -> Iterator[Path]:
    """`with output_via_temporary(path) as tmp: write_docx(..., tmp)` for writers that take a
    path: `tmp` is beside `path` with the same suffix (writers choose the format by it); it
    is moved into place when the block ends, removed if it raises. Raises UserError
    (`output_error`) for an OSError."""
    path = Path(path)
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp{path.suffix}")
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise output_error(exc, path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
