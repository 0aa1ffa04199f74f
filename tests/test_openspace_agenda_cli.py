"""`facilitation agenda`: the wall and its conflicts, --suggest, -o, --apply, --print."""

from __future__ import annotations

import csv

from docx import Document

from facilitation.cli import main
from facilitation.store import Event
from facilitation.store.sample import sample_script


def make_event(tmp_path):
    path = tmp_path / "e.db"
    with Event.create(path, sample_script("en"), "s", "s.md") as ev:
        a = ev.add_topic(2, "Transport", "Luc", slot=0, space=0)
        b = ev.add_topic(2, "Culture", "Luc", slot=0, space=1)
        c = ev.add_topic(2, "Logement", "Ana")
        people = [ev.add_participant(f"P{i}") for i in range(3)]
        for p in people:
            ev.add_interest(p, a)
            ev.add_interest(p, c)
        ev.add_interest(people[0], b)
    return path


def test_wall_and_conflicts_are_printed(tmp_path, capsys):
    path = make_event(tmp_path)
    assert main(["agenda", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Transport (Luc)" in out
    assert "Luc is in two places at once at 9:30-10:30" in out
    assert "Logement" in out.split("Not yet on the wall:")[1]


def test_suggest_writes_csv_and_applies(tmp_path, capsys):
    path = make_event(tmp_path)
    out_csv = tmp_path / "agenda.csv"
    code = main(
        ["agenda", str(path), "--suggest", "-o", str(out_csv), "--apply", "--capacity", "Salle A=2"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "clashes: 1 (current wall: 1)" in out
    assert "time:" in out
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert set(rows[0]) == {"topic", "slot", "space"}
    placed = {r["topic"]: (r["slot"], r["space"]) for r in rows}
    assert placed["Transport"][0] != placed["Logement"][0]  # 3 people want both
    assert placed["Transport"][0] != placed["Culture"][0]  # Luc convenes both
    assert "Salle A" not in (placed["Transport"][1], placed["Logement"][1])  # 3 > 2 seats
    with Event.open(path) as ev:
        assert all(t.slot is not None for t in ev.list_topics(2))
    assert main(["agenda", str(path)]) == 0
    assert "No conflicts." in capsys.readouterr().out


def test_print_wall_docx_and_markdown(tmp_path, capsys):
    path = make_event(tmp_path)
    md, docx = tmp_path / "wall.md", tmp_path / "wall.docx"
    assert main(["agenda", str(path), "--print", str(md)]) == 0
    text = md.read_text(encoding="utf-8")
    assert "| Salle A |" not in text and "**Salle A**" in text
    assert "**Transport**" in text
    assert main(["agenda", str(path), "--print", str(docx)]) == 0
    doc = Document(str(docx))
    section = doc.sections[0]
    assert section.page_width > section.page_height  # landscape
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Space", "9:30-10:30", "10:45-11:45"]
    assert "Transport" in table.cell(1, 1).text


def test_user_errors(tmp_path, capsys):
    path = make_event(tmp_path)
    assert main(["agenda", str(path), "--block", "1"]) == 1
    assert "not an Open Space block" in capsys.readouterr().err
    assert main(["agenda", str(path), "--suggest", "--capacity", "Salle Z=3"]) == 1
    assert "Salle Z" in capsys.readouterr().err
    assert main(["agenda", str(path), "--print", "wall.pdf"]) == 1
    assert main(["agenda", str(path), "-o", "x.csv"]) == 1
