"""`facilitation run` and `facilitation screen`: which event is opened or created, and errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facilitation.cli import main
from facilitation.commands.run import notice_for, open_event
from facilitation.errors import UserError

SCRIPT = Path(__file__).resolve().parent.parent / "sessions" / "english-community-cafe.md"


@pytest.fixture
def script(tmp_path):
    path = tmp_path / "cafe.md"
    shutil.copy(SCRIPT, path)
    return path


def test_a_script_alone_creates_the_event_beside_it(script):
    event, what = open_event(script, None)
    with event:
        assert event.path == script.with_suffix(".db") and what == "created"
        assert "beside the script" in notice_for(what, event.path)


def test_a_script_with_an_existing_event_opens_it_and_its_snapshot_wins(script, tmp_path):
    open_event(script, None)[0].close()
    script.write_text(script.read_text().replace("Welcoming Newcomers", "Changed"))
    event, what = open_event(script, None)
    with event:
        assert what == "opened" and event.title == "Welcoming Newcomers to Our Town"
        assert "its stored script is used" in notice_for(what, event.path)


def test_an_event_file_or_an_explicit_event_path(script, tmp_path):
    other = tmp_path / "elsewhere.db"
    event, what = open_event(script, other)
    event.close()
    assert what == "created" and other.exists()
    event, what = open_event(other, None)
    event.close()
    assert what is None
    with pytest.raises(UserError):
        open_event(other, tmp_path / "third.db")


@pytest.mark.parametrize("command", ["run", "screen"])
def test_a_missing_file_is_a_plain_error(tmp_path, capsys, command):
    assert main([command, str(tmp_path / "nothing.db")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "Traceback" not in err


def test_a_broken_script_says_where(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: x\n---\n\nno block\n")
    assert main(["run", str(bad)]) == 1
    assert "bad.md" in capsys.readouterr().err
    assert not bad.with_suffix(".db").exists()


@pytest.mark.parametrize("command", ["new", "run"])
def test_a_french_script_is_told_its_problems_in_french(tmp_path, capsys, command):
    """On an English system, a script that says `langue: fr` gets its problems in French
    (as `check` does), unless --lang asks for English."""
    bad = tmp_path / "atelier.md"
    bad.write_text("---\ntitre: Atelier\nlangue: fr\n---\n\npas de bloc\n", encoding="utf-8")
    assert main([command, str(bad)]) == 1
    err = capsys.readouterr().err
    assert "atelier.md" in err and "le script n'a aucun bloc" in err
    assert main(["--lang", "en", command, str(bad)]) == 1
    assert "the script has no block" in capsys.readouterr().err
    assert not bad.with_suffix(".db").exists()
