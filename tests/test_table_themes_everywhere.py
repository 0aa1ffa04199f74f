"""A block's table themes (`table themes`) wherever a table is named: the console's notes
panel and notes board, the projector during a round, the seating cards and table lists; and
the console's seating summary says what `facilitation seat` says."""

from __future__ import annotations

import csv

from docx import Document
from pilot_support import FakeClock, notifications, screen_text, sync, wait_for

from facilitation.cli import main
from facilitation.run.agenda import step_infos
from facilitation.store import Event, Participant
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.console.notes_board import NotesBoardScreen
from facilitation.tui.projector import make_projector_app

THEMES = ["Mobilité durable", "Logement des familles", "Jeunesse"]


def themed_event(tmp_path, clock) -> Event:
    script = sample_script("en")
    script.blocks[0].table_themes = list(THEMES)
    event = Event.create(tmp_path / "cafe.db", script, "", "cafe.md", clock=clock)
    index = next(i.index for i in step_infos(event.script) if i.step.round == 2)
    event.write_timer(event.read_timer().with_(step_index=index), "goto")
    return event


@sync
async def test_console_panel_and_notes_board_name_each_tables_theme(tmp_path):
    clock = FakeClock()
    with themed_event(tmp_path, clock) as event:
        event.add_note(1, "Plus d'autobus le soir", round=2, table=1, author="Ana")
        app = make_console_app(event, clock=clock, watch=False)
        async with app.run_test(size=(130, 36)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "Theme" in text and "Logement des familles" in text  # the notes panel
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, NotesBoardScreen)
            text = screen_text(app)
            assert "Mobilité durable" in text and "Jeunesse" in text
            assert "Table 1 — Mobilité durable" in text  # the heading over its notes
            assert "Plus d'autobus le soir" in text


@sync
async def test_projector_shows_the_themes_during_a_round_only(tmp_path):
    clock = FakeClock()
    with themed_event(tmp_path, clock) as event:
        projector = make_projector_app(event, clock=clock, watch=False)
        async with projector.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            text = screen_text(projector)
            for number, theme in enumerate(THEMES, start=1):
                assert f"Table {number} · {theme}" in text
            last = step_infos(event.script)[-1].index  # the closing: no table is meeting
            event.write_timer(event.read_timer().with_(step_index=last), "goto")
            projector.reload()
            projector.refresh_view()
            await pilot.pause()
            assert "Logement des familles" not in screen_text(projector)


@sync
async def test_console_seating_summary_says_what_seat_says(tmp_path):
    clock = FakeClock()
    with themed_event(tmp_path, clock) as event:
        event.add_participants(
            Participant(0, f"Person {n}", organisation=f"Org {n % 4}", role="host" if n < 3 else "")
            for n in range(15)
        )
        app = make_console_app(event, clock=clock, watch=False)
        async with app.run_test(size=(130, 36)) as pilot:
            await pilot.press("a", "r", "y")
            await wait_for(pilot, lambda: "Seating stored" in notifications(app), seconds=10)
            await wait_for(pilot, lambda: "Person 7" in screen_text(app), seconds=5)
            assert "Table 2 · Logement des familles" in screen_text(app)  # the seating view
        said = notifications(app)
        assert "Seating stored for 15 people." in said
        assert "objective: balanced" in said and "most meetings of one pair:" in said
        assert "fewest possible" not in said
        lists = Document(str(tmp_path / "cafe-bloc1-tables.docx"))
        headings = [p.text for p in lists.paragraphs if p.style.name == "Heading 2"]
        assert "Table 2 — Logement des familles" in headings
        cards = Document(str(tmp_path / "cafe-bloc1-cards.docx"))
        text = "\n".join(
            cell.text for table in cards.tables for row in table.rows for cell in row.cells
        )
        assert "(Jeunesse)" in text and "Round 1: table 3 (Jeunesse)" in text


def test_seat_on_the_2010_event_names_each_tables_objective(tmp_path, capsys):
    from facilitation.paths import sessions_dir

    event_path = tmp_path / "cre.db"
    script = sessions_dir() / "cre-capitale-nationale-2010-cafe-et-forum.md"
    people = sessions_dir() / "participants-exemple.csv"
    assert main(["new", str(script), "--event", str(event_path)]) == 0
    assert main(["import", str(event_path), str(people), "--kind", "participants"]) == 0
    with Event.open(event_path) as event:
        themes = event.script.blocks[0].table_themes
    assert len(themes) == 5 and all(themes)
    lists, cards = tmp_path / "tables.docx", tmp_path / "cartes.docx"
    rows = tmp_path / "tables.csv"
    args = ["seat", str(event_path), "--hosts-stay", "--cards", str(cards)]
    assert main([*args, "--tables-docx", str(lists)]) == 0
    assert main([*args, "--tables-docx", str(rows)]) == 0
    capsys.readouterr()
    headings = [p.text for p in Document(str(lists)).paragraphs if p.style.name == "Heading 2"]
    assert f"Table 3 — {themes[2]}" in headings  # the event speaks French: "Table" too
    card_text = "\n".join(
        cell.text
        for table in Document(str(cards)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert (
        f"Ronde 1 : table 5 ({themes[4]})" in card_text
        or f"Ronde 2 : table 5 ({themes[4]})" in card_text
    )
    with rows.open(encoding="utf-8") as fh:
        table = list(csv.reader(fh))
    assert table[0][-1] == "Thème"
    assert all(row[-1] == themes[int(row[1]) - 1] for row in table[1:])
