"""What the console's workers tell it (workers never touch widgets)."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from facilitation.tui.failures import WorkFailed


class SynthesisProgress(Message):
    def __init__(self, fraction: float, what: str) -> None:
        super().__init__()
        self.fraction = fraction
        self.what = what


class SynthesisWritten(Message):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class SeatingDone(Message):
    def __init__(self, summary: str, files: list[Path]) -> None:
        super().__init__()
        self.summary = summary
        self.files = files


__all__ = ["SeatingDone", "SynthesisProgress", "SynthesisWritten", "WorkFailed"]
