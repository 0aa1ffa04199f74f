"""What the synthesis outline says: the agenda's planned times (the same as the console's),
the themes' heat map and the appendix of every note."""

from __future__ import annotations

import datetime as dt

from facilitation.models import Theme
from facilitation.run.agenda import step_infos
from facilitation.store import Event
from facilitation.store.runlog import RunLogEntry
from facilitation.store.sample import sample_script
from facilitation.synthesis import write_synthesis
from facilitation.synthesis.agenda import agenda
from facilitation.synthesis.collect import collect
from facilitation.synthesis.elements import Table
from facilitation.synthesis.outline import build_outline


def test_agenda_planned_times_are_the_consoles():
    script = sample_script()
    script.blocks[0].start = dt.time(23, 50)  # past midnight: the clock wraps
    script.blocks[1].start = dt.time(13, 30)
    rows = agenda(script, [])
    infos = step_infos(script)
    assert [r.planned_start for r in rows] == [i.planned_start for i in infos]
    assert [r.planned_start for r in rows[:3]] == [dt.time(23, 50), dt.time(0, 0), dt.time(0, 20)]
    assert rows[5].planned_start == dt.time(13, 30)
    assert rows[6].planned_start == dt.time(14, 0)
    assert [(r.block, r.step, r.planned_minutes) for r in rows] == [
        (i.block, i.step, i.step.minutes) for i in infos
    ]


def test_agenda_a_step_still_running_counts_until_the_last_log_entry():
    log = [
        RunLogEntry(1, 100.0, "started", 0, ""),
        RunLogEntry(2, 400.0, "started", 1, ""),
        RunLogEntry(3, 450.0, "paused", 1, ""),
        RunLogEntry(4, 1000.0, "extended", 1, "+120 s"),
    ]
    rows = agenda(sample_script(), log)
    assert rows[0].actual_seconds == 300.0
    assert rows[1].actual_start == 400.0 and rows[1].actual_seconds == 600.0
    assert rows[1].extended_minutes == 2.0
    assert rows[2].actual_seconds is None


def _theme_table(outline) -> Table:
    return next(e for e in outline.elements if isinstance(e, Table) and e.headers[0] == "Thème")


def test_heat_map_darkest_cell_is_the_most_tagged_theme(tmp_path):
    """Tags outside the codebook (a theme removed after notes were tagged with it) are not in
    the heat map, so they do not set its scale."""
    script = sample_script("fr")
    script.event.codebook.append(Theme(id="divers", label="Divers"))
    with Event.create(tmp_path / "e.db", script, "", "e.md") as event:
        event.add_note(1, "Loyers trop chers", round=1, table=1, tags="housing")
        event.add_note(1, "Logement près des écoles", round=1, table=2, tags="housing")
        event.add_note(1, "Jeunes", round=2, table=1, tags="youth")
        for table in (1, 2, 3, 4, 5):  # a tag no longer in the codebook, more than any theme
            event.add_note(1, f"Autre {table}", round=1, table=table, tags="divers")
        data = collect(event)
    data.info.codebook = [theme for theme in data.info.codebook if theme.id != "divers"]
    outline = build_outline(data, "fr")
    table = _theme_table(outline)
    headers = [h.replace("\u00a0", " ") for h in table.headers]  # "B1 R1" never breaks
    assert headers == ["Thème", "B1 R1", "B1 R2", "Total"]
    labels = [row[0] for row in table.rows]
    housing = table.shading[labels.index("Logement abordable")]
    youth = table.shading[labels.index("Jeunesse")]
    assert table.rows[labels.index("Logement abordable")][1:] == ["2", "", "2"]
    assert housing[1] == 1.0  # the darkest cell: 2 notes, the most of any theme
    assert youth[2] == 0.5


def test_appendix_heading_keeps_a_block_title_with_a_middle_dot(tmp_path):
    script = sample_script("fr")
    script.blocks[0].title = "Café · matin"
    with Event.create(tmp_path / "e.db", script, "", "e.md") as event:
        event.add_note(1, "Une note du matin", round=1, table=1)
        event.add_note(1, "Une autre", round=2, table=3)
        out = write_synthesis(event, tmp_path / "s.md")
    lines = out.read_text(encoding="utf-8").splitlines()
    appendix = lines[lines.index("## Annexe : toutes les notes") :]
    assert "### Café · matin" in appendix
    assert "**Café · matin · Ronde 1 · Table 1**" in appendix
    assert "**Café · matin · Ronde 2 · Table 3**" in appendix
