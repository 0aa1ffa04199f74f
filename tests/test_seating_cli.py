"""The `facilitation seat` command end to end, and its messages for invalid input."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from docx import Document
from seating_support import short_search

from facilitation.cli import main


@pytest.fixture(autouse=True)
def _short_search(monkeypatch):
    short_search(monkeypatch)  # what is checked here is the command, not the plan's quality


@pytest.fixture(scope="module")
def _new_event(tmp_path_factory):
    """`facilitation new` of the 2010 café script, once for the module (reading the script
    is most of its time)."""
    from facilitation.paths import sessions_dir

    path = tmp_path_factory.mktemp("new-event") / "event.db"
    script = sessions_dir() / "cre-capitale-nationale-2010-cafe-et-forum.md"
    assert main(["new", str(script), "--event", str(path)]) == 0
    return path


@pytest.fixture
def new_event(_new_event, tmp_path):
    """A copy of that new event of the test's own (with its -wal and -shm, if any)."""
    path = tmp_path / "event.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{_new_event}{suffix}").exists():
            shutil.copyfile(f"{_new_event}{suffix}", f"{path}{suffix}")
    return path


def write_csv(path, header, rows, delimiter=","):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def group(tmp_path, n=24, hosts=4, extra=None):
    rows = []
    for i in range(n):
        row = [f"Person {i}", f"Org {i % 5}", f"Sector {i % 3}", "hôte" if i < hosts else ""]
        row += (extra or {}).get(i, ["", "", ""])
        rows.append(row)
    header = ["Nom", "Organisme", "Secteur", "Rôle", "table_fixe", "separer", "avec"]
    return write_csv(tmp_path / "people.csv", header, rows, delimiter=";")


def read_plan(path):
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_seat_writes_plan_cards_and_table_lists(tmp_path, capsys):
    extra = {10: ["2", "Person 11", ""], 12: ["", "", "Person 13"]}
    source = group(tmp_path, extra=extra)
    out, cards, tables = tmp_path / "plan.csv", tmp_path / "cards.docx", tmp_path / "tables.docx"
    code = main(
        [
            "--lang",
            "en",
            "seat",
            str(source),
            "--tables",
            "4",
            "--rounds",
            "3",
            "--hosts-stay",
            "--mix-by",
            "organisation",
            "sector",
            "-o",
            str(out),
            "--cards",
            str(cards),
            "--tables-docx",
            str(tables),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "repeated pairs: " in printed and "(lower bound: 16; greedy baseline: " in printed
    assert "mixing violations:" in printed
    rows = read_plan(out)
    assert list(rows[0]) == ["name", "round", "table"]
    assert len(rows) == 24 * 3
    seat = {(r["name"], int(r["round"])): int(r["table"]) for r in rows}
    for rnd in (1, 2, 3):
        assert seat[("Person 0", rnd)] == 1 and seat[("Person 3", rnd)] == 4
        assert seat[("Person 10", rnd)] == 2
        assert seat[("Person 10", rnd)] != seat[("Person 11", rnd)]
        assert seat[("Person 12", rnd)] == seat[("Person 13", rnd)]
    text = "\n".join(c.text for t in Document(str(cards)).tables for c in t._cells)
    assert "Person 5" in text
    assert f"Round 2: table {seat[('Person 5', 2)]}" in text
    doc = Document(str(tables))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "Round 3" in paragraphs and "Table 4" in paragraphs
    assert "Person 0 (Org 0, table host)" in paragraphs


def test_seat_documents_in_french_and_csv_cards(tmp_path, capsys):
    source = group(tmp_path, n=12, hosts=0)
    cards, tables = tmp_path / "cartes.docx", tmp_path / "tables.csv"
    code = main(
        [
            "--lang",
            "fr",
            "seat",
            str(source),
            "--tables",
            "3",
            "--rounds",
            "2",
            "--cards",
            str(cards),
            "--tables-docx",
            str(tables),
            "--seed",
            "4",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "paires répétées" in out and "ronde 1, table 1 :" in out
    text = "\n".join(c.text for t in Document(str(cards)).tables for c in t._cells)
    assert "Ronde 1 : table" in text
    with tables.open(encoding="utf-8") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["Ronde", "Table", "Nom", "Organisme"]
    assert len(lines) == 1 + 12 * 2


def test_replan_from_a_previous_plan(tmp_path, capsys):
    source = group(tmp_path, n=24, hosts=4)
    first = tmp_path / "plan.csv"
    assert (
        main(
            [
                "--lang",
                "en",
                "seat",
                str(source),
                "--tables",
                "4",
                "--rounds",
                "4",
                "--hosts-stay",
                "-o",
                str(first),
            ]
        )
        == 0
    )
    lines = source.read_text(encoding="utf-8").splitlines()
    source.write_text(
        "\n".join(lines[:-1] + ["Late Comer;Org 9;Sector 1;;;;"]) + "\n", encoding="utf-8"
    )
    second = tmp_path / "plan2.csv"
    assert (
        main(
            [
                "--lang",
                "en",
                "seat",
                str(source),
                "--tables",
                "4",
                "--rounds",
                "4",
                "--hosts-stay",
                "--replan-from",
                "3",
                "--previous",
                str(first),
                "-o",
                str(second),
            ]
        )
        == 0
    )
    before = {(r["name"], r["round"]): r["table"] for r in read_plan(first)}
    after = {(r["name"], r["round"]): r["table"] for r in read_plan(second)}
    assert {k: v for k, v in after.items() if k[1] in ("1", "2")} == {
        k: v for k, v in before.items() if k[1] in ("1", "2")
    }
    assert ("Person 23", "3") not in after and ("Late Comer", "3") in after


@pytest.mark.parametrize(
    ("rows", "args", "message"),
    [
        (
            None,
            ["--tables", "7", "--rounds", "2", "--hosts-stay"],
            "there are 8 table hosts but only 7 tables",
        ),
        (
            None,
            ["--table-size", "30", "--rounds", "2"],
            "--table-size 30 is larger than the number of participants (24)",
        ),
        (None, ["--tables", "4", "--rounds", "0"], "--rounds must be at least 1"),
        (
            {3: ["Person 0"]},
            ["--tables", "4", "--rounds", "2"],
            "people.csv:5: duplicate name “Person 0” (already on line 2)",
        ),
        (
            {5: ["Person 5", "", "", "", "9"]},
            ["--tables", "4", "--rounds", "2"],
            "people.csv:7: fixed table 9 is out of range (tables 1 to 4)",
        ),
        (
            {5: ["Person 5", "", "", "", "", "Person 6", "Person 6"]},
            ["--tables", "4", "--rounds", "2"],
            "Person 5 and Person 6 must both sit together and apart",
        ),
        (
            {i: [f"Person {i}", "", "", "", "", "", "Person 0"] for i in range(1, 8)},
            ["--tables", "4", "--rounds", "2"],
            "must sit together but are more than a table holds (6)",
        ),
        (None, ["--tables", "10", "--rounds", "2"], "some tables would have only 2 people"),
        (
            None,
            ["--tables", "4", "--rounds", "2", "--mix-by", "colour"],
            "--mix-by: there is no column “colour”",
        ),
    ],
)
def test_invalid_inputs_get_clear_messages(tmp_path, capsys, rows, args, message):
    header = ["name", "organisation", "sector", "role", "fixed_table", "keep_apart", "keep_with"]
    data = [
        [f"Person {i}", f"Org {i % 3}", "", "host" if i < 8 else "", "", "", ""] for i in range(24)
    ]
    for index, row in (rows or {}).items():
        data[index] = row + [""] * (7 - len(row))
    source = write_csv(tmp_path / "people.csv", header, data)
    assert main(["--lang", "en", "seat", str(source), *args]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_messages_are_translated(tmp_path, capsys):
    data = [[f"P{i}", "host"] for i in range(10)]
    source = write_csv(tmp_path / "people.csv", ["nom", "rôle"], data)
    assert (
        main(
            ["--lang", "fr", "seat", str(source), "--tables", "3", "--rounds", "2", "--hosts-stay"]
        )
        == 1
    )
    assert "il y a 10 hôtes de table, mais seulement 3 tables" in capsys.readouterr().err


def test_missing_name_column(tmp_path, capsys):
    source = write_csv(tmp_path / "people.csv", ["organisation"], [["A"], ["B"]])
    assert main(["--lang", "en", "seat", str(source), "--tables", "1", "--rounds", "1"]) == 1
    err = capsys.readouterr().err
    assert "people.csv:1" in err and "name" in err


def test_seat_an_event_stores_the_plan_with_hosts(new_event, capsys):
    from facilitation.paths import sessions_dir
    from facilitation.store import Event

    event_path = new_event
    people = sessions_dir() / "participants-exemple.csv"
    assert main(["seat", str(event_path)]) == 1
    assert "pas encore de participants" in capsys.readouterr().err
    assert main(["import", str(event_path), str(people), "--kind", "participants"]) == 0
    capsys.readouterr()
    assert main(["seat", str(event_path), "--hosts-stay", "--mix-by", "organisation"]) == 0
    out = capsys.readouterr().out
    assert "plan enregistré dans l'événement pour le bloc 1" in out  # the event speaks French
    with Event.open(event_path) as event:
        seats = event.seating(1)
        people_ids = {p.id for p in event.list_participants()}
        hosts = {p.id for p in event.list_participants() if p.is_host}
    assert {s.round for s in seats} == {1, 2, 3}  # the block's three rounds
    assert {s.participant_id for s in seats} == people_ids
    for host in hosts:  # hosts never move
        assert len({s.table for s in seats if s.participant_id == host}) == 1
    assert hosts and {s.participant_id for s in seats if s.host} == hosts
    assert main(["seat", str(event_path), "--block", "9"]) == 1


@pytest.mark.parametrize("role", ["Hôte de table", "hôtesse", "HOST", "hôtesse de la table"])
def test_every_spelling_of_host_stays_at_its_table_from_csv_and_event(
    tmp_path, capsys, role, new_event
):
    """The CSV path and the event path agree on who hosts a table."""
    from facilitation.store import Event

    people = tmp_path / "people.csv"
    rows = ["nom;organisme;rôle"] + [
        f"Personne {n};Org {n % 4};{role if n < 3 else 'participante'}" for n in range(12)
    ]
    people.write_text("\n".join(rows) + "\n", encoding="utf-8")
    plan = tmp_path / "plan.csv"
    args = ["--tables", "3", "--rounds", "3", "--hosts-stay", "-o", str(plan)]
    assert main(["seat", str(people), *args]) == 0
    with plan.open(encoding="utf-8") as fh:
        seats = list(csv.DictReader(fh))
    for n in range(3):
        assert len({r["table"] for r in seats if r["name"] == f"Personne {n}"}) == 1
    event_path = new_event
    assert main(["import", str(event_path), str(people), "--kind", "participants"]) == 0
    with Event.open(event_path) as event:
        assert sum(p.is_host for p in event.list_participants()) == 3
