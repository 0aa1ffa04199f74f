"""Reading session scripts: structure, inheritance from formats, and every malformed case."""

import datetime as dt
import textwrap

import pytest

from facilitation.errors import UserError, UserErrors
from facilitation.script import load_script, parse_script

FRONT = """---
titre: Journée test
dates: [2010-05-04, 2010-05-05]
lieu: Québec
langue: fr
début: 8:30
fin: 16:30
tables: 6
grille:
  - Leadership
  - id: acces
    libellé: Accès aux services
---
"""


def parse(body: str, front: str = FRONT):
    return parse_script(front + textwrap.dedent(body), "x.md")


def problems(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(UserErrors) as info:
        parse_script(textwrap.dedent(text), "x.md")
    return [(p.line, p.message) for p in info.value.errors]


def test_front_matter_in_french_keys():
    script = parse("# Bloc\nformat: café de conversation\n\n## Ronde 1 (20 min)\n> Q?\n")
    event = script.event
    assert event.title == "Journée test"
    assert event.dates == [dt.date(2010, 5, 4), dt.date(2010, 5, 5)]
    assert event.start == dt.time(8, 30) and event.end == dt.time(16, 30)
    assert event.available_minutes_per_day() == 480
    assert [t.id for t in event.codebook] == ["leadership", "acces"]
    assert event.codebook[1].label == "Accès aux services"


def test_world_cafe_block_inherits_welcome_recap_and_harvest():
    script = parse(
        """
        # Comprendre et créer des liens
        format: café de conversation
        jour: 1
        début: 9 h

        Mot d'ouverture.

        ## Ronde 1 (20 min)
        > Qu'est-ce qui vous a amené ici?

        Dites aux voyageurs de changer de table.

        ## Ronde 2 — 25 min
        > Quels liens voyez-vous?
        """
    )
    block = script.blocks[0]
    assert block.format == "world-cafe" and block.start == dt.time(9, 0)
    assert block.intro == "Mot d'ouverture."
    kinds = [s.kind for s in block.steps]
    assert kinds == ["welcome", "round", "host-recap", "round", "harvest"]
    first, second = block.rounds()
    assert (first.round, first.minutes, first.question) == (
        1,
        20,
        "Qu'est-ce qui vous a amené ici?",
    )
    assert first.prompt == "Dites aux voyageurs de changer de table."
    assert (second.round, second.minutes) == (2, 25)
    assert second.prompt  # the format's words, in the event's language
    assert block.steps[0].line is None and first.line is not None


def test_written_phase_overrides_default_and_skip_leaves_out():
    script = parse(
        """
        # Bloc
        format: World Café
        passer: récolte

        ## Accueil (5 min)
        Bonjour.

        ## Ronde 1 (1 h 30)
        > Q1?

        ## Pause (15 min)

        ## Ronde 2
        > Q2?
        """
    )
    steps = script.blocks[0].steps
    assert [(s.kind, s.minutes) for s in steps] == [
        ("welcome", 5),
        ("round", 90),
        ("custom", 15),
        ("round", 20),
    ]
    assert steps[0].prompt == "Bonjour."


def test_open_space_slots_become_sessions():
    script = parse(
        """
        # De quoi devons-nous parler?
        format: forum ouvert
        créneaux: 13:00-14:00; 14:15-15:00
        espaces: Salle A; Salle B; Salon

        > De quoi devons-nous absolument parler avant de nous quitter?
        """
    )
    block = script.blocks[0]
    assert block.format == "open-space"
    assert block.spaces == ["Salle A", "Salle B", "Salon"]
    assert block.question.startswith("De quoi devons-nous")
    sessions = [s for s in block.steps if s.round is not None]
    assert [(s.round, s.minutes) for s in sessions] == [(1, 60), (2, 45)]
    assert all(s.capture == "reports" for s in sessions)
    assert [s.kind for s in block.steps].index("marketplace") < [s.kind for s in block.steps].index(
        "session"
    )


def test_markdown_of_prompts_is_kept_and_comments_dropped():
    script = parse(
        """
        # Bloc
        format: café de conversation

        ## Ronde 1 (20 min)
        > **Quelle** est votre vision?

        - premier point
        - second point

        <!-- note privée : ne pas lire -->
        """
    )
    step = script.blocks[0].rounds()[0]
    assert step.question == "**Quelle** est votre vision?"
    assert step.prompt == "- premier point\n- second point"


def test_english_script():
    script = parse_script(
        "---\ntitle: Test\nlanguage: en\n---\n# Morning\nformat: world cafe\n\n## Round 1 (20 min)\n> Why?\n",
        "e.md",
    )
    assert script.event.language == "en"
    assert script.blocks[0].steps[0].title == "Welcome and café etiquette"


def test_every_problem_is_reported_with_its_line():
    found = problems(
        """\
        ---
        titre: Test
        langue: klingon
        dates: 2010-13-01
        couleur: bleu
        ---

        # Bloc A
        format: café du mond

        # Bloc B
        format: café de conversation
        jour: x

        ## Ronde 1 (-5 min)
        > Q

        ## Ronde 2 (900 min)

        ## Accueil (abc min)
        """
    )
    lines = [line for line, _m in found]
    assert lines == sorted(lines)
    messages = dict(found)
    assert "klingon" in messages[3]
    assert "2010-13-01" in messages[4]
    assert "couleur" in messages[5]
    assert "did you mean: café du monde" in messages[9]
    assert "whole number" in messages[13]
    assert "positive" in messages[15]
    assert any(line == 18 and "8 hours" in m for line, m in found)
    assert any(line == 18 and "no question" in m for line, m in found)
    assert "abc min" in messages[20]


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("", 1, "empty"),
        ("   \n\n", 1, "empty"),
        ("# Bloc\nformat: forum ouvert\n", 1, "front matter"),
        ("---\ntitre: [a\n---\n# B\nformat: forum ouvert\n", 2, "invalid front matter"),
        ("---\n- a\n- b\n---\n", 2, "key: value"),
        ("---\nlieu: Québec\n---\n# B\nformat: forum ouvert\n", 2, "no title"),
        ("---\ntitre: T\n---\n\nDu texte.\n", 5, "before the first block"),
        ("---\ntitre: T\n---\n", 4, "no block"),
        ("---\ntitre: T\n---\n## Ronde 1\n> Q\n", 4, "before any block"),
        ("---\ntitre: T\n---\n# B\n\nTexte.\n", 4, "does not say its format"),
        ("---\ntitre: T\n---\n# B\nformat: café de conversation\n", 4, "no round"),
        ("---\ntitre: T\n---\n# B\nformat: café de conversation\n\n## Ronde 1\n", 7, "no question"),
        ("---\ntitre: T\n---\n# B\nformat: forum ouvert\n\n## Pause\n", 7, "no duration"),
        ("---\ntitre: T\ndates: 2024-03-01\n---\n# B\nformat: forum ouvert\njour: 2\n", 7, "date"),
        ("---\ntitre: T\n---\n# B\nformat: forum ouvert\ncréneaux: 10:00-9:00\n", 6, "ends before"),
        ("---\ntitre: T\n---\n# B\nformat: forum ouvert\npasser: dessert\n", 6, "not a phase"),
        (
            "---\ntitre: T\n---\n# B\nformat: forum ouvert\ncouleur: bleu\n",
            6,
            "unknown block setting",
        ),
        ("---\ntitre: T\ntables: -3\n---\n", 3, "out of range"),
        ("---\ntitre: T\ndébut: 25:00\n---\n", 3, "cannot read the time"),
        ("---\ntitre: T\ngrille: oui\n---\n", 3, "codebook"),
    ],
)
def test_malformed_scripts(text, line, words):
    found = problems(text)
    assert any(found_line == line and words in message for found_line, message in found), found


def test_files_that_are_not_scripts(tmp_path):
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.md"
    latin.write_bytes(b"---\ntitre: Caf\xc3\xa9\n---\n# Bloc d'\xe9t\xe9\n")  # Latin-1 on line 4
    huge = tmp_path / "huge.md"
    huge.write_bytes(b"a" * (10 * 1024 * 1024))
    cases = {
        binary: "not a text file",
        latin: "not UTF-8",
        huge: "too large",
        tmp_path / "missing.md": "no such file",
        tmp_path: "folder",
    }
    for path, words in cases.items():
        with pytest.raises(UserError) as info:
            load_script(path)
        assert words in str(info.value)
        assert str(path) in str(info.value)
    with pytest.raises(UserError) as info:
        load_script(latin)
    assert info.value.line == 4


def test_windows_line_endings_and_bom(tmp_path):
    path = tmp_path / "crlf.md"
    text = "---\r\ntitre: T\r\n---\r\n# B\r\nformat: forum ouvert\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load_script(path).blocks[0].format == "open-space"
