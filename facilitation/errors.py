"""Errors a user can act on: each one carries a translated message, never a traceback."""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """A problem with the user's input, already phrased for the user (translated).

    `location` is "FILE:LINE" or "FILE" or a field name; the CLI prints "location: message".
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    @property
    def location(self) -> str | None:
        if self.path is None:
            return None
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        loc = self.location
        return f"{loc}: {self.message}" if loc else self.message


class UserErrors(UserError):
    """Several problems found at once (e.g. every bad row of a CSV, every error of a script)."""

    def __init__(self, errors: list[UserError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors
