"""The note-taker sees the theme their table carries (a block's `table themes` setting)."""

from __future__ import annotations

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
