"""The Markdown synthesis (`-o FILE.md`): same content as the .docx; and the pieces behind
both (recurring ideas, the agenda as it happened)."""

from __future__ import annotations

from test_synthesis_docx import NOTES, make_event

from facilitation.cli import main
from facilitation.store.runlog import RunLogEntry
from facilitation.store.sample import sample_script
from facilitation.synthesis import write_synthesis
from facilitation.synthesis.agenda import agenda
from facilitation.synthesis.recurring import recurring_ideas


def test_markdown_output(tmp_path):
    with make_event(tmp_path / "e.db") as event:
        out = write_synthesis(event, tmp_path / "synthese.md")
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Forum régional 2026"
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[:4] == ["## En bref", "## Déroulement", "## Participation", "## Café"]
    assert "## Annexe : toutes les notes" in headings
    assert "### Ronde 1" in lines and "> Qu'est-ce qui compte?" in lines
    for note in NOTES.values():
        assert note.split("\n")[0] in text
    assert text.count("La **confiance** vient") == 3  # the round, the theme, the appendix
    assert "| Rang | Sujet | Votes |" in lines
    assert "| 1 | Logement d'abord | 12 |" in lines
    assert "![Votes par sujet, du plus au moins populaire](synthese-votes-2.png)" in lines
    assert (tmp_path / "synthese-votes-2.png").read_bytes().startswith(b"\x89PNG")


def test_markdown_via_command_line_in_english(tmp_path):
    with make_event(tmp_path / "e.db") as event:
        path = event.path
    assert main(["synthesize", str(path), "-o", str(tmp_path / "s.md"), "--lang", "en"]) == 0
    text = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert "## Appendix: every note" in text
    assert "#### What came up at several tables" in text


def test_recurring_ideas_french_and_english():
    ideas = recurring_ideas(
        {
            1: ["Le logement abordable manque.", "Les familles immigrantes attendent."],
            2: ["Trouver un logement abordable est difficile pour les immigrants."],
            3: ["Les logements sont trop chers."],
        },
        "fr",
    )
    # A phrase, as written, with its article; counted once per table; quoted from two tables.
    assert [(i.label, i.tables) for i in ideas] == [("le logement abordable", 2)]
    assert {q.table for q in ideas[0].quotes} == {1, 2}
    assert "Le logement abordable manque" in [q.text for q in ideas[0].quotes]  # verbatim
    english = recurring_ideas(
        {1: ["Affordable housing is missing."], 2: ["We need more affordable housing."]},
        "en",
        question="What about housing?",
    )
    assert [i.label for i in english] == ["affordable housing"]  # "housing" alone: asked
    assert recurring_ideas({1: ["Un seul"]}, "fr") == []


def test_agenda_actual_times():
    script = sample_script()
    log = [
        RunLogEntry(1, 100.0, "started", 0, ""),
        RunLogEntry(2, 400.0, "paused", 0, ""),
        RunLogEntry(3, 500.0, "resumed", 0, ""),
        RunLogEntry(4, 700.0, "extended", 0, "+60 s"),
        RunLogEntry(5, 710.0, "extended", 0, "+60 s"),
        RunLogEntry(6, 900.0, "goto", 1, ""),
        RunLogEntry(7, 1000.0, "started", 1, ""),
        RunLogEntry(8, 1300.0, "ended", 1, ""),
    ]
    rows = agenda(script, log)
    assert rows[0].actual_start == 100.0 and rows[0].actual_seconds == 800.0
    assert rows[0].extensions == 2 and rows[0].extended_minutes == 2.0
    # A step's actual start is when its timer started (as on the console), not when it was
    # gone to.
    assert rows[1].actual_start == 1000.0 and rows[1].actual_seconds == 300.0
    assert rows[2].actual_start is None


def test_the_events_theme_is_not_a_recurring_idea(tmp_path):
    """Every table talks about the event's theme: only what they add to it is an idea."""
    from facilitation.store import Event

    script = sample_script("fr")
    script.event.title = "Forum sur le logement des personnes immigrantes"
    with Event.create(tmp_path / "e.db", script, "", "e.md") as event:
        for table in (1, 2, 3):
            event.add_note(
                1,
                "Le logement des familles immigrantes passe par le transport collectif.",
                round=1,
                table=table,
            )
        out = write_synthesis(event, tmp_path / "s.md")
    text = out.read_text(encoding="utf-8")
    ideas = text.split("Ce qui est revenu à plusieurs tables", 1)[1].split("*Comment", 1)[0]
    items = [line for line in ideas.splitlines() if line.startswith("- ")]
    assert len(items) == 1 and items[0].startswith("- le transport collectif : 3 tables — « ")
    assert "(table 1)" in items[0]  # a verbatim quote and where it was said
    assert "- immigrantes :" not in ideas and "- logement" not in ideas  # the theme alone: no
    assert "passe :" not in ideas  # a generic verb
    assert "thème de l'événement" in text and "racinisation" not in text
