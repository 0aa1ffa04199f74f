"""The capture palette (Ctrl+P) offers the keys that work on the screen shown, once each, then
the other capture screens; built from Textual's public `Screen.active_bindings`."""

from __future__ import annotations

import pytest
from capture_support import copied_event
from pilot_support import sync
from test_capture_editor import SIZE, make_app

from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.capture.dialogs import TagPicker

T0 = 1_800_000_000.0


@pytest.fixture
def path(tmp_path_factory, tmp_path):
    return copied_event(tmp_path_factory, tmp_path, english_at_round_one)


def english_at_round_one(path) -> None:
    with Event.create(path, sample_script("en"), "sample", "sample.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1, status="running", deadline=T0 + 1200), "goto")


@sync
async def test_the_palette_offers_the_editor_keys_once_each(path):
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = {}
        for command in app.get_system_commands(app.screen):
            assert command.title not in commands, f"{command.title} offered twice"
            commands[command.title] = command
        assert "Save note" in commands  # bound to Ctrl+S and F2: one command
        assert "Open Space session reports" in commands
        assert "Typist: all the tables of a round" in commands
        commands["Tags"].callback()
        await pilot.pause()
        assert isinstance(app.screen, TagPicker)
