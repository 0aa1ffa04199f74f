"""The fallback draft file: what a note-taker typed, kept outside the event file while it
cannot be written (read-only, full disk, held lock).

One small JSON file per event, table and person, written beside the event file, or in the
user's data folder when the event's folder cannot be written. Each write goes to a temporary
file in the same folder, then replaces the old copy: a crash leaves the previous copy whole.
The file is removed once its text is safely in the event file; capture restores it on start.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Kept:
    """What the editor held when the event file could not be written."""

    text: str
    tags: list[str] = field(default_factory=list)
    block: int = 0  # where the text belongs (0: typed before any round)
    round: int | None = None
    note_id: int | None = None  # a note being edited
    save: bool = False  # Ctrl+S was pressed: save it as a note once the file can be written


def data_folder() -> Path:
    """The user's data folder for facilitation (XDG on Linux, Application Support, AppData)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "facilitation" / "unsaved"


def fallback_paths(event_path: Path, table: int | None, who: str) -> list[Path]:
    """Where the fallback file of this table and person may be, in the order it is tried."""
    event_path = Path(event_path)
    place = f"table{table}" if table is not None else "plenary"
    person = "".join(c if c.isalnum() or c in "-_" else "_" for c in who)[:40] or "-"
    name = f"{event_path.stem}.unsaved-{place}-{person}.json"
    digest = hashlib.sha256(str(event_path.resolve()).encode()).hexdigest()[:10]
    return [event_path.with_name(name), data_folder() / f"{digest}-{name}"]


class FallbackFile:
    """Keeps, finds and removes the fallback file of one editor."""

    def __init__(self, event_path: Path, table: int | None, who: str) -> None:
        self.paths = fallback_paths(event_path, table, who)
        self.written: Path | None = None  # where the last copy went
        self._last: Kept | None = None  # what it holds (an unchanged text is not rewritten)

    def keep(self, kept: Kept) -> Path | None:
        """Write `kept`; returns where, or None if no folder could take it (a full disk)."""
        if kept == self._last and self.written is not None and self.written.exists():
            return self.written
        data = json.dumps(asdict(kept), ensure_ascii=False, indent=1).encode("utf-8")
        for path in self.paths:
            tmp = path.with_name(f".{path.name}.tmp")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                with tmp.open("wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, path)
            except OSError:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                continue
            if self.written is not None and self.written != path:
                with contextlib.suppress(OSError):
                    self.written.unlink()
            self.written = path
            self._last = kept
            return path
        return None

    def find(self) -> Kept | None:
        """The kept text left by an earlier run (or this one), if any."""
        for path in self.paths:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                kept = Kept(
                    text=str(data.get("text", "")),
                    tags=[str(t) for t in data.get("tags", [])],
                    block=int(data.get("block", 0)),
                    round=None if data.get("round") is None else int(data["round"]),
                    note_id=None if data.get("note_id") is None else int(data["note_id"]),
                    save=bool(data.get("save", False)),
                )
            except (OSError, ValueError, TypeError, AttributeError):
                continue
            if kept.text.strip():
                self.written = path
                return kept
        return None

    def remove(self) -> None:
        """The text is in the event file now: no copy stays behind."""
        for path in self.paths:
            with contextlib.suppress(OSError):
                path.unlink()
        self.written = None
        self._last = None
