"""The synthesis on a full disk says so in plain words and leaves nothing behind (no raw
"Exception ignored … OSError"); the console's `y` writes the document the command writes, with
the contents' page numbers when LibreOffice is installed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from docx import Document
from pilot_support import notifications, sync, wait_for
from synthesis_support import layouts_folder, shared_layouts  # noqa: F401 (the fixtures)
from test_synthesis_proceedings import book_event
from test_tiny_filesystem import fill, make_event, tiny  # noqa: F401 (the fixture)

from facilitation.cli import main
from facilitation.errors import UserError
from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.synthesis import write_synthesis
from facilitation.tui.console import make_console_app

T0 = 1_800_000_000.0


# The commands one after the other in one Python process (one start-up, not three): each
# one's words on its own (sys.stderr is the run's own, and what a run leaves to finalise is
# finalised before the next starts); the process's own stderr holds what comes at exit.
COMMANDS = """
import gc, io, json, sys
from facilitation.cli import main
said = []
for argv in json.loads(sys.argv[1]):
    sys.stderr = err = io.StringIO()
    try:
        code = main(argv)
        gc.collect()
    finally:
        sys.stderr = sys.__stderr__
    said.append([code, err.getvalue()])
print(json.dumps(said))
"""


def test_synthesis_on_a_full_disk_says_so_and_leaves_nothing(tiny):  # noqa: F811
    path = make_event(tiny)
    fill(tiny)
    before = sorted(p.name for p in tiny.iterdir())
    # Each its own output; the last one would lay the pages out with LibreOffice: the full
    # disk is said before.
    runs = [("s.docx", ["--no-page-numbers"]), ("s.md", []), ("s1.docx", [])]
    argvs = [["synthesize", str(path), "-o", str(tiny / name), *extra] for name, extra in runs]
    done = subprocess.run(
        [sys.executable, "-c", COMMANDS, json.dumps(argvs)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "Exception" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    for (name, extra), (code, err) in zip(runs, json.loads(done.stdout), strict=True):
        assert code == 1, (name, extra, err)
        assert "le disque est plein : rien n'a été écrit" in err, (name, extra, err)
        assert "Exception" not in err and "Traceback" not in err, (name, extra, err)
        assert "No space left" not in err, (name, extra, err)  # the system's English words
    left = sorted(p.name for p in tiny.iterdir() if not p.name.startswith("forum.db"))
    assert left == [n for n in before if not n.startswith("forum.db")], left


def paragraphs(path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


@sync
async def test_console_synthesis_is_the_commands_document(tmp_path, shared_layouts):  # noqa: F811
    path = tmp_path / "forum.db"
    # The proceedings' book event: its layout is shared with the book's (shared_layouts).
    with book_event(path) as event:
        set_language(event.language)  # as `facilitation run` does
        app = make_console_app(event, clock=lambda: T0, watch=False)
        async with app.run_test(size=(110, 32)) as pilot:
            await pilot.press("y")
            await wait_for(pilot, lambda: "Synthèse écrite" in notifications(app), seconds=90)
            assert "Synthèse écrite" in notifications(app)
    console_doc = tmp_path / "forum-synthese.docx"
    command_doc = tmp_path / "commande.docx"
    # The command's draft is the console's: laid out once (shared_layouts), numbered the same.
    assert main(["synthesize", str(path), "-o", str(command_doc)]) == 0
    assert paragraphs(console_doc) == paragraphs(command_doc)
    entries = [p for p in Document(str(console_doc)).paragraphs if p.style.name.startswith("toc")]
    assert entries
    numbered = all(p.text.split("\t")[-1].isdigit() for p in entries)
    assert numbered == (shutil.which("soffice") is not None)  # page numbers with LibreOffice
    if numbered:  # the pages laid out: in order, "En bref" following the title page
        numbers = [int(p.text.split("\t")[-1]) for p in entries]
        assert numbers == sorted(numbers) and numbers[0] == 2


@pytest.mark.parametrize("name", ["s.docx", "s.pdf"])
def test_a_full_disk_is_said_before_libreoffice_lays_the_pages_out(tiny, monkeypatch, name):  # noqa: F811
    """A document with page numbers (a .docx laid out, a PDF) on a full disk: the user is told
    at once, LibreOffice is not started for a document that cannot be written."""
    from facilitation.synthesis import pdf

    path = make_event(tiny)
    fill(tiny)

    def to_pdf(docx, folder, lang):
        raise AssertionError("LibreOffice started for a full disk")

    monkeypatch.setattr(pdf, "to_pdf", to_pdf)
    monkeypatch.setattr(pdf, "find_soffice", lambda: "soffice")  # as if installed
    with Event.open(path) as event, pytest.raises(UserError) as info:
        write_synthesis(event, tiny / name, page_numbers=True)
    assert "the disk is full: nothing was written" in str(info.value)
    assert not [p.name for p in tiny.iterdir() if p.name.startswith("s")]
