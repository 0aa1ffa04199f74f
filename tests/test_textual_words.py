"""Textual's own words in the run's language: the palette's system commands, its placeholder
and "no matches" line, the theme search, and key names in F1 and the footer."""

from __future__ import annotations

import pytest
from pilot_support import FakeClock, screen_text, sync, wait_for
from textual.binding import Binding
from textual.command import CommandPalette

from facilitation.i18n import set_language
from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.textual_words import key_display


@pytest.fixture
def french():
    set_language("fr")
    yield
    set_language("en")


def test_key_names_in_french(french):
    shown = [
        key_display(Binding(key, "x"))
        for key in ("space", "pageup", "home", "end", "shift+tab", "escape", "ctrl+home")
    ]
    assert shown == ["espace", "pg préc", "début", "fin", "maj+tab", "échap", "^début"]


def test_key_names_in_english():
    set_language("en")
    assert key_display(Binding("space", "x")) == "space"
    assert key_display(Binding("shift+tab", "x")) == "shift+tab"


@sync
async def test_the_palette_speaks_french(tmp_path, french):
    with Event.create(tmp_path / "f.db", sample_script("fr"), "", "f.md") as event:
        app = make_console_app(event, clock=FakeClock(), watch=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.pause()
            text = screen_text(app)
            assert "Chercher une commande" in text
            await pilot.press(*"qui")
            await wait_for(pilot, lambda: "Quitter" in screen_text(app), 3)
            assert "Quitter l'application" in screen_text(app)
            await pilot.press("backspace", "backspace", "backspace", *"zzzqx")
            await wait_for(pilot, lambda: "Aucune commande trouvée" in screen_text(app), 3)
            assert "No matches" not in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            app.search_themes()
            await pilot.pause()
            assert "Chercher un thème" in screen_text(app)
