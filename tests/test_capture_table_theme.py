"""The note-taker sees the theme their table carries (a block's `table themes` setting)."""

from __future__ import annotations

from capture_support import at_round_one, copied_event
from pilot_support import screen_text, sync

from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.capture.app import CaptureApp

T0 = 1_800_000_000.0


@sync
async def test_capture_header_shows_the_table_theme(tmp_path):
    script = sample_script("fr")
    script.blocks[0].table_themes = ["Mobilité", "Logement des familles"]
    path = tmp_path / "event.db"
    with Event.create(path, script, "sample", "sample.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1, status="running", deadline=T0 + 1200), "goto")
    app = CaptureApp(Event.open(path, clock=lambda: T0), table=2, who="ana", clock=lambda: T0)
    async with app.run_test(size=(110, 30)):
        text = screen_text(app)
        assert "Table 2" in text and "Logement des familles" in text and "Mobilité" not in text


@sync
async def test_attach_a_photo_from_the_note_editor(tmp_path_factory, tmp_path):
    from PIL import Image
    from textual.widgets import Input

    from facilitation.store.photos import list_photos

    path = copied_event(tmp_path_factory, tmp_path, at_round_one)
    # Larger than the 1600 pixels a stored photo keeps (shrunk, its shape kept), and no larger:
    # decoding and shrinking a bigger one only costs more.
    Image.new("RGB", (1680, 1260), (10, 120, 60)).save(tmp_path / "nappe 2.jpg")
    (tmp_path / "notes.txt").write_text("pas une image", encoding="utf-8")
    app = CaptureApp(Event.open(path, clock=lambda: T0), table=2, who="ana", clock=lambda: T0)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#photo-path", Input).value = str(tmp_path / "notes.txt")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert "JPEG, PNG" in screen_text(app)  # a clear message, the dialog stays open
        app.screen.query_one("#photo-path", Input).value = f"'{tmp_path / 'nappe 2.jpg'}'"
        await pilot.press("enter")
        app.screen.query_one("#photo-caption", Input).value = "Nappe des idées"
        await pilot.press("enter")
        await pilot.pause()
    with Event.open(path) as event:
        [photo] = list_photos(event)
    assert (photo.block, photo.round, photo.table, photo.caption) == (1, 1, 2, "Nappe des idées")
    assert (photo.width, photo.height) == (1600, 1200)
