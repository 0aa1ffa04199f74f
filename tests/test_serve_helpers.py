"""The non-Textual parts of `serve`: addresses, the start message, the code sheet, the CLI."""

from __future__ import annotations

import csv

from docx import Document

from facilitation.cli import main
from facilitation.commands.serve import start_message
from facilitation.serve.addresses import is_loopback, reachable_urls
from facilitation.serve.codesheet import write_code_sheet

CODES = {1: "K7M2Q", 2: "AB3CD"}


def test_loopback_says_only_this_computer():
    text = start_message("Forum", CODES, "127.0.0.1", 8000)
    assert "Only this computer can connect: http://127.0.0.1:8000/" in text
    assert "--host 0.0.0.0" in text
    assert "Table 1: K7M2Q" in text and "Table 2: AB3CD" in text
    assert "WARNING" not in text


def test_all_interfaces_lists_addresses_and_warns():
    text = start_message("Forum", CODES, "0.0.0.0", 8123)
    assert "WARNING" in text and "every network this computer is on" in text
    urls = reachable_urls("0.0.0.0", 8123)
    assert urls and all(url.endswith(":8123/") for url in urls)
    assert all(url in text for url in urls)
    assert not any("0.0.0.0" in url for url in urls)


def test_is_loopback():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")


def test_code_sheet_docx_csv_txt(tmp_path):
    urls = ["http://192.168.1.10:8000/"]
    write_code_sheet(tmp_path / "codes.docx", "Forum", CODES, urls, "fr")
    text = "\n".join(p.text for p in Document(str(tmp_path / "codes.docx")).paragraphs)
    assert "Table 1" in text and "K 7 M 2 Q" in text and urls[0] in text
    write_code_sheet(tmp_path / "codes.csv", "Forum", CODES, urls, "en")
    with (tmp_path / "codes.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[1] == ["1", "K7M2Q", urls[0]]
    write_code_sheet(tmp_path / "codes.txt", "Forum", CODES, urls, "en")
    assert "Table 2: AB3CD" in (tmp_path / "codes.txt").read_text()


def test_code_sheet_with_a_wrong_suffix_is_a_user_error(tmp_path, capsys):
    from facilitation.store import Event
    from facilitation.store.sample import sample_script

    path = tmp_path / "e.db"
    Event.create(path, sample_script(), "s", "s.md").close()
    args = ["serve", str(path), "--print-codes", str(tmp_path / "codes.pdf"), "--lang", "en"]
    assert main(args) == 1
    assert "error:" in capsys.readouterr().err


def test_capture_cli_errors(tmp_path, capsys):
    from facilitation.store import Event
    from facilitation.store.sample import sample_script

    assert main(["capture", str(tmp_path / "missing.db")]) == 1
    assert "no such event file" in capsys.readouterr().err
    path = tmp_path / "e.db"
    Event.create(path, sample_script(tables=4), "s", "s.md").close()
    assert main(["capture", str(path), "--table", "9", "--lang", "en"]) == 1
    assert "there is no table 9" in capsys.readouterr().err
