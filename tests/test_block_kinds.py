"""What a block is, decided once (models.Block): its rounds, whether it runs with topics, and
how the synthesis shows a block that mixes table rounds with topics or an action plan
(Appreciative Inquiry, Pro Action Café)."""

from __future__ import annotations

import textwrap

import docx

from facilitation.openspace.wall import open_space_blocks
from facilitation.script import parse_script
from facilitation.store import Event
from facilitation.synthesis import write_synthesis

SCRIPT = textwrap.dedent(
    """\
    ---
    titre: Trois formats
    date: 2026-05-02
    langue: fr
    tables: 3
    ---

    # Bâtir l'avenir

    format: démarche appréciative

    # Projets portés

    format: pro action café

    ## Ronde 1 (20 min)
    > Quelle est la quête derrière la question?

    ## Ronde 2 (20 min)
    > Qu'est-ce qui manque?

    # Forum

    format: forum ouvert
    créneaux: 10:00-11:00
    """
)


def script():
    return parse_script(SCRIPT, "trois.md")


def test_stages_where_tables_take_notes_are_numbered_rounds():
    ai, pac, _forum = script().blocks
    stages = [(s.title, s.round) for s in ai.steps if s.capture == "table"]
    assert stages == [("Découvrir", 1), ("Rêver", 2), ("Concevoir", 3)]
    assert all(s.round is None for s in ai.steps if s.capture != "table")
    assert [s.round for s in pac.steps if s.capture == "table"] == [1, 2]


def test_one_rule_for_blocks_run_with_topics():
    ai, pac, forum = script().blocks
    assert ai.captures("actions") and not ai.is_open_space  # an action plan is not a wall
    assert pac.is_open_space  # the callers' questions are topics
    assert forum.is_open_space
    assert [b.number for b in open_space_blocks(script())] == [2, 3]


def body_until_appendix(path) -> list[tuple[str, str]]:
    out = []
    for p in docx.Document(str(path)).paragraphs:
        if p.style.name == "Heading 1" and p.text.startswith("Annexe"):
            break
        if p.text.strip():
            out.append((p.style.name, p.text))
    return out


def test_synthesis_shows_stages_rounds_topics_and_actions_of_mixed_blocks(tmp_path):
    with Event.create(tmp_path / "e.db", script(), SCRIPT, "trois.md") as event:
        event.add_note(1, "Nos réussites : le jumelage", round=1, table=1)
        event.add_note(1, "Rêve : une ville 🌍 accueillante", round=2, table=2)
        event.add_action(1, "Fête des voisins", lead="Ville")
        topic = event.add_topic(2, "Logement d’abord", convener="Karim")
        event.add_note(2, "Il manque des « logements » abordables", round=2, table=3)
        event.add_action(2, "Inventaire", topic_id=topic, lead="OMH")
        out = write_synthesis(event, tmp_path / "s.docx")
    body = body_until_appendix(out)
    texts = [text.replace("\u00a0", " ") for _style, text in body]  # typography: no-break spaces

    def section(title: str) -> list[str]:
        start = body.index(("Heading 1", title))
        end = next((i for i in range(start + 1, len(body)) if body[i][0] == "Heading 1"), len(body))
        return texts[start:end]

    ai = section("Bâtir l'avenir")
    assert ai.index("Découvrir") < ai.index("Nos réussites : le jumelage")
    assert ai.index("Rêver") < ai.index("Rêve : une ville 🌍 accueillante")
    assert "Plan d'action" in ai and "Fête des voisins" not in texts  # table cell, not paragraph
    pac = section("Projets portés")
    assert "Ronde 2" in pac and "Il manque des « logements » abordables" in pac
    assert "Plan d'action" in pac
    document = docx.Document(str(out))
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {"Fête des voisins", "Inventaire (Logement d’abord)"} <= cells
