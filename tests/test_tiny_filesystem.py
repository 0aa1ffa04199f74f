"""On a real tiny file system (a tmpfs mounted for the test: needs root, skipped otherwise):
a full disk and a read-only disk, through the commands and the capture screen."""

from __future__ import annotations

import os
import subprocess

import pytest
from pilot_support import screen_text, sync, wait_for
from textual.widgets import TextArea

from facilitation.cli import main
from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui import write_faults
from facilitation.tui.capture.app import CaptureApp

pytestmark = pytest.mark.slow  # mounts a real file system


@pytest.fixture
def tiny(tmp_path):
    """A 1 MB file system; `remount("ro")` makes it read-only."""
    folder = tmp_path / "fs"
    folder.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def remount(folder, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True)


def fill(folder):
    """Fill the disk; returns the filler file (delete it to make room again)."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def make_event(folder):
    path = folder / "forum.db"
    with Event.create(path, sample_script("fr"), "", "forum.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1, status="running"), "goto")
    return path


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


def test_an_output_on_a_full_disk_leaves_nothing(tiny, capsys):
    path = make_event(tiny)
    fill(tiny)
    for name in ("notes.csv", "all.json"):
        assert main(["export", str(path), "-o", str(tiny / name)]) == 1
        assert "le disque est plein : rien n'a été écrit" in capsys.readouterr().err
        assert not (tiny / name).exists()
    assert main(["agenda", str(path), "--print", str(tiny / "mur.md")]) == 1
    assert "le disque est plein" in capsys.readouterr().err
    assert not (tiny / "mur.md").exists()
    assert leftovers(tiny) == []


def test_a_read_only_event_is_read_and_writes_are_refused_in_plain_words(tiny, tmp_path, capsys):
    path = make_event(tiny)
    with Event.open(path) as event:
        event.add_note(1, "déjà là", round=1, table=1)
    remount(tiny, "ro")
    out = tmp_path / "notes.csv"
    assert main(["export", str(path), "-o", str(out)]) == 0  # reading works
    assert "déjà là" in out.read_text(encoding="utf-8-sig")
    csv = tmp_path / "n.csv"
    csv.write_text("texte,table\nnouveau,1\n", encoding="utf-8")
    assert main(["import", str(path), str(csv), "--kind", "notes"]) == 1
    err = capsys.readouterr().err
    assert "en lecture seule" in err and "unexpected" not in err and "inattendue" not in err


@sync
async def test_capture_on_a_disk_that_fills_keeps_the_text_and_saves_it_later(
    tiny, tmp_path, monkeypatch
):
    monkeypatch.setattr(write_faults, "BACKOFF_S", (0.05,))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    set_language("fr")
    path = make_event(tiny)
    app = CaptureApp(Event.open(path), table=2, who="ana")
    async with app.run_test(size=(110, 30)) as pilot:
        filler = fill(tiny)
        long_text = "x" * 3000
        area = app.screen.query_one("#text", TextArea)
        # 30 kB, more than any room SQLite could still find in its files: the write must fail
        # (the screen says so below). A 300 kB line only made the text area slower to lay out.
        area.insert(long_text * 10)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Le disque est plein" in screen_text(app)
        assert area.text == long_text * 10
        filler.unlink()
        await wait_for(pilot, lambda: "Le disque est plein" not in screen_text(app), 3.0)
    with Event.open(path) as event:
        assert [n.text for n in event.list_notes()] == [long_text * 10]


@pytest.mark.parametrize("trouble", ["full", "ro"])
def test_new_on_a_full_or_read_only_disk_says_so_and_leaves_nothing(tiny, capsys, trouble):
    from facilitation.paths import sessions_dir

    if trouble == "full":
        filler = fill(tiny)
    else:
        remount(tiny, "ro")
    script = sessions_dir() / "english-community-cafe.md"
    assert main(["new", str(script), "--event", str(tiny / "cafe.db"), "--lang", "fr"]) == 1
    err = capsys.readouterr().err
    words = "le disque est plein" if trouble == "full" else "ce dossier est en lecture seule"
    assert words in err and "inattendue" not in err and "unexpected" not in err
    left = sorted(p.name for p in tiny.iterdir())
    assert left == (["filler"] if trouble == "full" else [])
    if trouble == "full":
        filler.unlink()
