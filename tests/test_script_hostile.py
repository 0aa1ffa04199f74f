"""Hostile or unusual session scripts through `check` and `new`: a FILE:LINE message in the
user's language, never a traceback, a hang or a terminal escape printed raw."""

from __future__ import annotations

import time

import pytest

from facilitation.cli import main

SCRIPT = """---
titre: Atelier
langue: fr
{extra}
---

# Bloc
format: café de conversation

## Ronde 1 (20 min)
> Qu'est-ce qui compte?
"""

BOMB = "\n".join(
    [
        "a: &a [x, x, x, x, x, x, x, x, x]",
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
    ]
)


@pytest.mark.parametrize(
    ("extra", "line", "words"),
    [
        ("lieu: &x [*x]", 4, "ancres et les alias"),
        ("lieu: " + "[" * 5000 + "]" * 5000, 4, "imbriquées trop profondément"),
        (BOMB, 4, "ancres et les alias"),
        ("lieu: Québec\n\tbut: x", 5, "tabulation"),
    ],
)
@pytest.mark.parametrize("command", ["check", "new"])
def test_hostile_front_matter_gets_a_french_file_line_message(
    tmp_path, capsys, extra, line, words, command
):
    path = tmp_path / "atelier.md"
    path.write_text(SCRIPT.format(extra=extra), encoding="utf-8")
    args = [command, str(path)] + (["--event", str(tmp_path / "e.db")] if command == "new" else [])
    start = time.monotonic()
    code = main(args)
    took = time.monotonic() - start
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"{path}:{line}:" in err and words in err, err
    assert "Traceback" not in err and "found character" not in err
    assert took < 10  # refused at once, not after expanding the bomb
    assert not (tmp_path / "e.db").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_script_is_read(tmp_path, capsys, encoding):
    path = tmp_path / "atelier.md"
    data = SCRIPT.format(extra="lieu: Québec").replace("\n", "\r\n").encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert main(["check", str(path)]) == 0, capsys.readouterr().err
    assert "Atelier" in capsys.readouterr().out


def test_check_escapes_terminal_control_characters(tmp_path, capsys):
    path = tmp_path / "atelier.md"
    path.write_text(
        SCRIPT.format(extra="").replace("# Bloc", "# Bloc \x1b[2J\x1b]0;pwned\x07"), "utf-8"
    )
    main(["check", str(path)])
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err
    assert "\\x1b[2J" in out.out + out.err


def test_numbers_of_thousands_of_digits_get_a_short_french_message(tmp_path, capsys):
    path = tmp_path / "atelier.md"
    text = SCRIPT.format(extra="tables: " + "9" * 5000).replace("(20 min)", f"({'9' * 5000} min)")
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Exceeds the limit" not in err and "digits" not in err
    assert f"{path}:4: tables" in err and "hors limites" in err
    assert f"{path}:10:" in err and "dépasse 8 heures" in err
    assert len(err) < 600
