"""One rule for the tables: a note-taker cannot open a table the current block does not have,
and the message names the block's tables (in the user's language)."""

from __future__ import annotations

import contextlib

from facilitation.cli import main
from facilitation.i18n import set_language
from facilitation.run.tables import table_problem
from facilitation.store import Event
from facilitation.store.sample import sample_script


def make_event(tmp_path, tables: int = 5) -> Event:
    script = sample_script("fr")
    script.blocks[0].tables = tables
    return Event.create(tmp_path / "cafe.db", script, "", "cafe.md")


def test_capture_refuses_a_table_the_block_does_not_have(tmp_path, capsys):
    make_event(tmp_path).close()
    code = main(["capture", str(tmp_path / "cafe.db"), "--table", "7"])
    assert code == 1
    err = capsys.readouterr().err
    assert "il n'y a pas de table 7 : le bloc 1 « Café » a les tables 1 à 5" in err
    assert "cafe.db" in err


def test_the_rule_follows_the_current_block(tmp_path):
    set_language("en")
    with make_event(tmp_path, tables=3) as event:
        assert table_problem(event, 3) is None
        assert table_problem(event, 4) == (
            "there is no table 4: block 1 \u201cCafé\u201d has tables 1 to 3"
        )
        assert table_problem(event, 0) is not None
        block = event.script.block(1)
        assert table_problem(event, 2, block) is None


def test_argparse_speaks_french(capsys):
    with contextlib.suppress(SystemExit):
        main(["--lang", "fr", "--help"])
    out = capsys.readouterr().out
    assert "afficher la version du programme et quitter" in out
    assert "show program's version" not in out and "usage:" not in out
