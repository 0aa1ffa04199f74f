"""What `seat` writes: cards ten to a page with dashed cut lines, the host's mark and each
round's table; plan.csv headers in the run's language, read back; and the plan without numpy
(the annealing instead of the tabu search)."""

from __future__ import annotations

import pytest
from docx import Document
from seating_support import short_search

from facilitation.cli import main
from facilitation.seating import Options, Participant, make_plan, tabu
from facilitation.seating.quality import meeting_histogram


@pytest.fixture
def short(monkeypatch):
    short_search(monkeypatch)  # what is checked is what the command writes, not the plan


def test_cards_ten_to_a_page_with_cut_lines_and_hosts_marked(tmp_path, capsys, short):
    source = tmp_path / "people.csv"
    rows = ["name,organisation,role"] + [
        f"Person {i},Org {i % 4},{'host' if i < 3 else ''}" for i in range(23)
    ]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    cards, plan = tmp_path / "cards.docx", tmp_path / "plan.csv"
    args = ["--lang", "en", "seat", str(source), "--tables", "3", "--rounds", "3"]
    assert main([*args, "--hosts-stay", "--cards", str(cards), "-o", str(plan)]) == 0
    capsys.readouterr()
    document = Document(str(cards))
    pages = document.tables
    assert [len(t._cells) for t in pages] == [10, 10, 4]  # 23 cards: 10, 10 and 3 (+1 empty)
    assert all('w:val="dashed"' in t._tbl.tblPr.xml for t in pages)
    texts = [cell.text for t in pages for cell in t._cells if cell.text]
    assert len(texts) == 23
    host = next(t for t in texts if t.startswith("Person 1\n"))
    assert "Table host: you stay at table 2" in host
    assert host.count("Round ") == 3 and "Round 3: table 2" in host
    guest = next(t for t in texts if t.startswith("Person 7\n"))
    assert "host" not in guest and "Org 3" in guest


def test_distinct_without_numpy_falls_back_to_the_annealing(monkeypatch):
    monkeypatch.setattr(tabu, "available", lambda: False)
    group = [Participant(name=f"P{i}") for i in range(61)]
    # A tenth of the budget: the grid schedule it starts from already has 79 repeats.
    options = Options(rounds=4, tables=6, seed=2, objective="distinct", effort=0.1)
    result = make_plan(group, options)
    histogram = meeting_histogram(result.plan)
    assert result.quality.histogram == histogram
    assert result.lower_bound <= result.quality.repeats <= 80
    assert result.moves > 0


def test_plan_headers_in_french_are_read_back_to_replan(tmp_path, capsys, short):
    source = tmp_path / "gens.csv"
    source.write_text("nom\n" + "\n".join(f"Personne {i}" for i in range(20)) + "\n", "utf-8")
    first, second = tmp_path / "plan.csv", tmp_path / "plan2.csv"
    args = ["--lang", "fr", "seat", str(source), "--tables", "4", "--rounds", "3"]
    assert main([*args, "-o", str(first)]) == 0
    lines = first.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "nom,ronde,table"
    out = capsys.readouterr().out
    assert "objectif : balanced" in out and "étalement, somme des C(k, 2) :" in out
    replan = [*args, "--replan-from", "3", "--previous", str(first), "-o", str(second)]
    assert main(replan) == 0
    kept = [line for line in lines[1:] if line.split(",")[1] in ("1", "2")]
    again = second.read_text(encoding="utf-8").splitlines()
    assert sorted(line for line in again[1:] if line.split(",")[1] in ("1", "2")) == sorted(kept)
