"""CSV files that used to crash `import` or damage quietly: every one is either imported
exactly or refused with FILE:LINE and nothing written. And the export's formula cells."""

from __future__ import annotations

import csv

import pytest

from facilitation.cli import main
from facilitation.errors import UserError, UserErrors
from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.store.importing import import_csv
from facilitation.store.sample import sample_script


@pytest.fixture
def event(tmp_path):
    with Event.create(tmp_path / "e.db", sample_script("fr"), "src", "s.md") as ev:
        yield ev


def refused(event, path, kind="notes") -> list[str]:
    """The FILE:LINE: messages of a refused import (and nothing was written)."""
    before = len(event.list_notes())
    with pytest.raises(UserError) as caught:
        import_csv(event, path, kind)
    assert len(event.list_notes()) == before
    errors = caught.value.errors if isinstance(caught.value, UserErrors) else [caught.value]
    return [str(e) for e in errors]


@pytest.mark.parametrize(
    ("cell", "column"),
    [
        ("99999999999999999999999", "table"),
        ("1" * 5000, "table"),  # past Python's 4300-digit limit
        ("inf", "round"),
        ("1e400", "round"),
        ("nan", "table"),
        ("-3", "table"),
        ("2.5", "round"),
    ],
)
def test_numbers_out_of_range_are_refused_at_their_line(event, tmp_path, cell, column):
    path = tmp_path / "n.csv"
    values = {"table": "2", "round": "1", column: cell}
    path.write_text(
        f"texte,table,ronde\nfine,1,1\nbad,{values['table']},{values['round']}\n", "utf-8"
    )
    [message] = refused(event, path)
    assert message.startswith(f"{path}:3: {column}:")
    assert len(message) < 300  # a 5000-digit cell is not printed whole


def test_a_table_outside_the_block_is_refused_naming_the_blocks_tables(event, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("texte,table\nok,4\nnope,7\n", "utf-8")
    assert refused(event, path) == [
        f"{path}:3: table: block 1 has tables 1 to 4, there is no table 7"
    ]


def test_votes_must_be_sensible_whole_numbers(event, tmp_path):
    path = tmp_path / "v.csv"
    path.write_text("sujet,votes\nTransport,3\nLogement,inf\nParcs,1e400\n", "utf-8")
    messages = refused(event, path, "votes")
    assert [m.split(": ")[0] for m in messages] == [f"{path}:3", f"{path}:4"]


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00", "9999-12-31T23:59:59", "demain"])
def test_dates_are_validated(event, tmp_path, when):
    path = tmp_path / "d.csv"
    path.write_text(f"texte,table,created_at\nidée,1,{when}\n", "utf-8")
    [message] = refused(event, path)
    assert message.startswith(f"{path}:2: created_at:")


def test_an_unclosed_quote_is_an_error_at_its_line(event, tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('texte,table\nun,1\n"deux,2\ntrois,3\nquatre,4\n', "utf-8")
    [message] = refused(event, path)
    assert message.startswith(f"{path}:3: a quoted cell starts on this line")


def test_a_utf8_file_with_one_cp1252_line_is_refused_at_that_line(event, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "texte,table\nHélène dit oui,1\n".encode() + "Irène dit non,2\n".encode("cp1252")
    )
    [message] = refused(event, path)
    assert message.startswith(f"{path}:3: this file is UTF-8 but this line is not")


def test_a_whole_cp1252_file_still_reads(event, tmp_path):
    path = tmp_path / "old.csv"
    path.write_bytes("texte;table\nHélène dit oui;1\n".encode("cp1252"))
    assert import_csv(event, path, "notes") == 1
    assert event.list_notes()[0].text == "Hélène dit oui"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_excel_unicode_text_utf16_with_bom_is_read(event, tmp_path, encoding):
    path = tmp_path / "unicode.txt"
    text = "texte\ttable\r\nHélène, «logement»\t2\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert import_csv(event, path, "notes") == 1
    [note] = event.list_notes()
    assert (note.text, note.table) == ("Hélène, «logement»", 2)


def test_duplicate_rows_are_reported_unless_kept(event, tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("texte,table\nmême,1\nautre,1\nmême,1\n", "utf-8")
    assert refused(event, path) == [
        f"{path}:4: this row repeats line 2 exactly; remove one of them"
        " (or import with --keep-duplicates)"
    ]
    assert import_csv(event, path, "notes", keep_duplicates=True) == 3


def test_the_sniffer_reads_semicolons_even_with_commas_in_cells(event, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("texte;table\nun, deux, trois;1\nquatre, cinq;2\n", "utf-8")
    assert import_csv(event, path, "notes") == 2
    assert [n.text for n in event.list_notes()] == ["un, deux, trois", "quatre, cinq"]


FORMULAS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x","clic")',
    "@SUM(A1:A2)",
    "+1+1",
    "- une liste Markdown",
    "\tindenté",
    "'=déjà marqué",
    "'texte avec apostrophe",
]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_export_neutralises_formulas_and_import_reads_them_back(event, tmp_path, lang):
    set_language(lang)
    for index, text in enumerate(FORMULAS):
        event.add_note(1, text, round=1, table=1, author="=1+2" if index == 0 else "Ana")
    out = tmp_path / "notes.csv"
    assert main(["export", str(event.path), "-o", str(out), "--lang", lang]) == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header, cells = rows[0], [cell for row in rows[1:] for cell in row]
    assert ("texte" in header) == (lang == "fr") and ("text" in header) == (lang == "en")
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    with Event.create(tmp_path / "copy.db", sample_script("fr"), "", "s.md") as copy:
        assert import_csv(copy, out, "notes") == len(FORMULAS)
        notes = copy.list_notes()
        assert [n.text for n in notes] == [event.get_note(n.id).text for n in notes]
        assert notes[0].author == "=1+2"


def test_slot_and_space_are_named_in_french(event, tmp_path):
    set_language("fr")
    path = tmp_path / "topics.csv"
    path.write_text("titre;créneau;espace\nLogement;9;1\nTransport;1;" + "9" * 5000 + "\n", "utf-8")
    messages = refused(event, path, "topics")
    assert messages[0] == f"{path}:2: créneau : il n'y a pas de créneau 9"
    assert messages[1].startswith(f"{path}:3: espace : il n'y a pas d'espace 999")
    assert len(messages[1]) < 300
