"""The test harness paints a headless app's frames when a test reads the screen, and the last
frame of every Pilot test (conftest.py, `frames_painted_when_read`): what changed since the
last paint is on the screen a test reads, and a widget that cannot draw itself still fails
the test that showed it."""

from __future__ import annotations

import pytest
from pilot_support import screen_text, sync
from textual.app import App, ComposeResult
from textual.widgets import Static


class Broken(Exception):
    pass


class Drawn(Static):
    def __init__(self) -> None:
        super().__init__("first words")
        self.broken = False

    def render(self):
        if self.broken:
            raise Broken("cannot draw")
        return super().render()


class Changing(App):
    BINDINGS = [("n", "next", "Next"), ("b", "break", "Break")]

    def compose(self) -> ComposeResult:
        yield Drawn()

    def action_next(self) -> None:
        self.query_one(Drawn).update("second words")

    def action_break(self) -> None:
        drawn = self.query_one(Drawn)
        drawn.broken = True
        drawn.refresh()


@sync
async def test_the_screen_read_shows_what_changed_since_the_last_paint():
    app = Changing()
    async with app.run_test(size=(40, 5)) as pilot:
        assert "first words" in screen_text(app)
        await pilot.press("n")
        await pilot.press("n")
        text = screen_text(app)
        assert "second words" in text and "first words" not in text


@sync
async def test_a_widget_that_cannot_draw_fails_the_test_even_unread():
    app = Changing()
    with pytest.raises(Broken):
        async with app.run_test(size=(40, 5)) as pilot:
            await pilot.press("b")
