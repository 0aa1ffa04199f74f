"""The web server's tables in the event file (schema v5): migration, codes, dots, attempts."""

from __future__ import annotations

import sqlite3

from facilitation.store import SCHEMA_VERSION, Event, schema
from facilitation.store.access import CODE_ALPHABET
from facilitation.store.sample import sample_script
from facilitation.store.web_access import ROOM_CODE_LENGTH, WebStore, failed_attempts


def test_a_file_made_before_the_web_tables_is_migrated_and_keeps_its_notes(tmp_path):
    path = tmp_path / "v4.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    schema.migrate(conn, 0, target=SCHEMA_VERSION - 1)
    conn.execute(
        "INSERT INTO script (id, json, source_text, source_name, created_at) VALUES (1,?,?,?,0)",
        (sample_script().model_dump_json(), "src", "v4.md"),
    )
    conn.execute(
        "INSERT INTO notes (block, round, table_no, kind, text, created_at, updated_at)"
        " VALUES (1, 1, 2, 'table', 'before the phones', 1, 1)"
    )
    conn.execute("COMMIT")
    conn.close()
    with Event.open(path) as event:
        assert event.schema_version() == SCHEMA_VERSION
        assert [n.text for n in event.list_notes()] == ["before the phones"]
        store = WebStore(event)
        code = store.role_code("room")
        assert store.resolve_code(code.lower()) == ("room", None)


def test_codes_are_long_random_and_distinct_from_the_table_codes(tmp_path):
    with Event.create(tmp_path / "e.db", sample_script(tables=30), "s", "s.md") as event:
        store = WebStore(event)
        room, reports = store.role_code("room"), store.role_code("reports")
        assert store.role_code("room") == room  # made once, then kept
        assert len(room) == ROOM_CODE_LENGTH and set(room) <= set(CODE_ALPHABET)
        assert room != reports and room not in event.table_codes().values()
        assert store.resolve_code(event.table_codes()[7]) == ("table", 7)
        assert store.resolve_code("") is None and store.resolve_code("NOPE99") is None


def test_dots_stop_at_the_number_allowed_and_come_back(tmp_path):
    with Event.create(tmp_path / "e.db", sample_script(), "s", "s.md") as event:
        store = WebStore(event)
        store.set_setting("dots", "2")
        a, b = event.add_topic(2, "A"), event.add_topic(2, "B")
        assert store.place_dot("phone", 2, a, 1) and store.place_dot("phone", 2, b, 1)
        assert not store.place_dot("phone", 2, a, 1)  # none left
        assert store.place_dot("other", 2, a, 1)  # another device has its own
        assert store.place_dot("phone", 2, b, -1) and not store.place_dot("phone", 2, b, -1)
        assert store.my_dots("phone", 2) == {a: 1}
        assert {v.topic_id: v.count for v in event.list_votes(2)} == {a: 2, b: 0}


def test_failed_attempts_are_counted_with_their_addresses(tmp_path):
    with Event.create(tmp_path / "e.db", sample_script(), "s", "s.md") as event:
        store = WebStore(event)
        for address, ok in (("10.0.0.5", False), ("10.0.0.5", False), ("10.0.0.9", False)):
            store.log_attempt(address, ok)
        store.log_attempt("10.0.0.5", True)
        assert failed_attempts(event) == (3, 2)
        assert [a for _at, a in store.recent_failures(0)] == ["10.0.0.5", "10.0.0.5", "10.0.0.9"]
