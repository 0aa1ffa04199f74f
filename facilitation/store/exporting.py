"""Everything an event holds, out of the event file (see docs/event-file.md for the shapes).

- `export_data(event) -> dict`: one JSON-ready object (event info, script snapshot,
  participants, seating, timer, run log, notes with their revisions, topics, reports with their
  revisions, votes, interests, actions, drafts). Join codes are left out.
- `export_notes_csv(event, path)`: the current notes, one row per note, with the columns that
  `import --kind notes` reads back (the round trip keeps block, round, table, topic, kind,
  author, tags, text and creation time). Header names in the run's language (French names
  are ones `import` reads); a cell that a spreadsheet would run as a formula (starting with
  `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'` as OWASP recommends
  for CSV injection, and `import` takes that `'` off again (facilitation.tabular).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from facilitation.i18n import current_language
from facilitation.outputs import atomic_output
from facilitation.store import schema
from facilitation.tabular import neutralise_formula

if TYPE_CHECKING:
    from facilitation.store.event import Event

FORMAT_NAME = "facilitation-event"
NOTES_CSV_COLUMNS = (
    "id",
    "block",
    "round",
    "table",
    "topic",
    "kind",
    "author",
    "tags",
    "text",
    "created_at",
    "updated_at",
)
# The French header names: aliases that `import --kind notes` reads (see importing.COLUMNS).
FRENCH_NOTES_CSV_COLUMNS = {
    "id": "id",
    "block": "bloc",
    "round": "ronde",
    "table": "table",
    "topic": "sujet",
    "kind": "type",
    "author": "auteur",
    "tags": "étiquettes",
    "text": "texte",
    "created_at": "créé_le",
    "updated_at": "modifié_le",
}
TIME_FIELDS = {"at", "created_at", "updated_at", "deleted_at", "deadline", "started_at"}


def iso(epoch: float | None) -> str | None:
    """UTC epoch seconds -> "2026-05-14T14:30:05.250000+00:00" (None stays None)."""
    if epoch is None:
        return None
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat()


def _plain(obj: object) -> dict:
    data = dataclasses.asdict(obj)  # type: ignore[call-overload]
    for key in TIME_FIELDS & data.keys():
        if isinstance(data[key], int | float):  # an action's deadline is text, as typed
            data[key] = iso(data[key])
    return data


def export_data(event: Event) -> dict:
    """The whole event as one JSON-ready dict (times as ISO-8601 UTC strings)."""
    with event.snapshot():  # one consistent snapshot, even while others write
        source_name, source_text = event.script_source
        meta = event.meta()
        notes = []
        for note in event.list_notes(include_deleted=True):
            item = _plain(note)
            item["revisions"] = [_plain(r) for r in event.note_history(note.id)]
            notes.append(item)
        reports = []
        for report in event.list_reports():
            item = _plain(report)
            item["revisions"] = [_plain(r) for r in event.report_history(report.topic_id)]
            reports.append(item)
        topics = []
        for topic in event.list_topics():
            item = _plain(topic)
            block = (
                event.script.block(topic.block)
                if 0 < topic.block <= len(event.script.blocks)
                else None
            )
            item["slot_label"] = _label(block.slots if block else [], topic.slot)
            item["space_label"] = _label(block.spaces if block else [], topic.space)
            topics.append(item)
        timer = _plain(event.read_timer())
        data = {
            "format": FORMAT_NAME,
            "schema_version": schema.SCHEMA_VERSION,
            "exported_at": iso(dt.datetime.now(dt.UTC).timestamp()),
            "event": {
                "title": event.title,
                "language": event.language,
                "event_id": meta.get("event_id", ""),
                "created_at": iso(float(meta["created_at"])) if "created_at" in meta else None,
                "created_by": meta.get("created_by", ""),
                "script_name": source_name,
            },
            "script": json.loads(event.script.model_dump_json()),
            "script_source": source_text,
            "participants": [_plain(p) for p in event.list_participants()],
            "seating": [_plain(s) for s in event.seating()],
            "timer": timer,
            "run_log": [_plain(e) for e in event.run_log()],
            "notes": notes,
            "topics": topics,
            "reports": reports,
            "votes": [_plain(v) for v in event.list_votes()],
            "interests": [_plain(i) for i in event.list_interests()],
            "actions": [_plain(a) for a in event.list_actions()],
            "drafts": [_plain(d) for d in event.list_drafts()],
        }
    return data


def _label(labels: list[str], index: int | None) -> str | None:
    if index is None or not 0 <= index < len(labels):
        return None
    return labels[index]


def _atomic_write(path: Path, write) -> None:
    """Write through a temporary file beside `path`, then rename: never a half-written file,
    and nothing left behind on failure (facilitation.outputs)."""
    encoding = "utf-8-sig" if path.suffix.lower() == ".csv" else "utf-8"
    with atomic_output(path, encoding=encoding, newline="") as fh:
        write(fh)


def export_json(event: Event, path: str | Path) -> None:
    data = export_data(event)
    _atomic_write(
        Path(path), lambda fh: fh.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    )


def notes_rows(event: Event) -> list[dict[str, str]]:
    """The current notes as CSV rows (NOTES_CSV_COLUMNS)."""
    titles = {t.id: t.title for t in event.list_topics()}
    rows = []
    for note in event.list_notes():
        rows.append(
            {
                "id": str(note.id),
                "block": str(note.block),
                "round": "" if note.round is None else str(note.round),
                "table": "" if note.table is None else str(note.table),
                "topic": titles.get(note.topic_id, "") if note.topic_id else "",
                "kind": note.kind,
                "author": note.author,
                "tags": "; ".join(note.tags),
                "text": note.text,
                "created_at": iso(note.created_at) or "",
                "updated_at": iso(note.updated_at) or "",
            }
        )
    return rows


def export_notes_csv(event: Event, path: str | Path) -> None:
    """UTF-8 with BOM (Excel opens it right); `;` delimited for a French event (French Excel),
    `,` otherwise; header names in the run's language; formulas neutralised."""
    rows = notes_rows(event)
    delimiter = ";" if event.language == "fr" else ","
    french = current_language() == "fr"
    header = [FRENCH_NOTES_CSV_COLUMNS[c] if french else c for c in NOTES_CSV_COLUMNS]

    def write(fh) -> None:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow([neutralise_formula(row[c]) for c in NOTES_CSV_COLUMNS])

    _atomic_write(Path(path), write)
