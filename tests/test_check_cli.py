"""`facilitation check`: what a facilitator sees, in French and in English."""

import pytest

from facilitation.cli import main
from facilitation.paths import formats_dir, sessions_dir

EXAMPLES = sorted(sessions_dir().glob("*.md"))
BROKEN = """---
titre: Atelier
langue: fr
---

# Bloc
format: café de conversation

## Ronde 1 (-5 min)
> Q?

## Ronde 2 (20 min)
"""


def test_every_shipped_example_and_format_passes(capsys):
    assert len(EXAMPLES) >= 4
    files = [str(p) for p in EXAMPLES] + [str(p) for p in sorted(formats_dir().glob("*.yaml"))]
    assert main(["check", *files]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    for path in EXAMPLES:
        assert str(path) in out.out


def test_summary_in_the_events_language(capsys):
    path = sessions_dir() / "cre-capitale-nationale-2010-cafe-et-forum.md"
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "4–5 mai 2010" in out
    assert "Jour 1 — 4 mai 2010" in out and "Jour 2" in out
    assert "Prévu :" in out and "disponibles" in out
    assert "café de conversation" in out and "forum ouvert" in out


def test_summary_in_english_when_asked(capsys):
    path = sessions_dir() / "cre-capitale-nationale-2010-cafe-et-forum.md"
    assert main(["check", "--lang", "en", str(path)]) == 0
    out = capsys.readouterr().out
    assert "May 4–5, 2010" in out
    assert "Day 1 — May 4, 2010" in out
    assert "Planned:" in out and "available" in out


@pytest.mark.parametrize(
    "lang, words",
    [
        ("fr", ["la durée doit être positive", "« Ronde 2 » n'a pas de question"]),
        ("en", ["the duration must be positive", "'Ronde 2' has no question"]),
    ],
)
def test_errors_in_french_and_english(tmp_path, capsys, lang, words):
    path = tmp_path / "atelier.md"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["check", "--lang", lang, str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{path}:9: ") and words[0] in err[0]
    assert err[1].startswith(f"{path}:12: ") and words[1] in err[1]


def test_a_french_script_reports_in_french_by_default(tmp_path, capsys):
    path = tmp_path / "atelier.md"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert "la durée doit être positive" in capsys.readouterr().err


def test_all_files_are_checked_even_after_a_bad_one(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01binary")
    good = EXAMPLES[0]
    assert main(["check", str(bad), str(good)]) == 1
    out = capsys.readouterr()
    assert str(bad) in out.err and "not a text file" in out.err
    assert str(good) in out.out


def test_over_time_is_a_warning(tmp_path, capsys):
    path = tmp_path / "long.md"
    path.write_text(
        "---\ntitle: Long day\nlanguage: en\nstart: 9:00\nend: 10:00\n---\n"
        "# Café\nformat: world café\nstart: 9:00\n\n## Round 1 (45 min)\n> Why?\n",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "⚠ day 1:" in out and "planned but only 1 h available" in out


def test_a_broken_format_file_is_reported_with_its_line(tmp_path, capsys):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "id: mine\nnames: {fr: [le mien], en: [mine]}\nphases:\n"
        "  - id: a\n    names: {fr: [a], en: [a]}\n    title: {fr: A, en: A}\n    minutes: -3\n",
        encoding="utf-8",
    )
    assert main(["check", "--lang", "en", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:7: phases.0.minutes" in err
