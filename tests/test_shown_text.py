"""`show` (facilitation/tui/widgets/shown.py): a Static is updated, and the screen laid out
again, only when what it shows changes; any change of characters, style or layout options
still shows."""

from __future__ import annotations

from pilot_support import screen_text, sync
from rich.text import Text
from textual.app import App
from textual.widgets import Static

from facilitation.tui.widgets.shown import same_content, show


def test_same_content_looks_at_everything_that_draws():
    assert same_content("a", "a") and not same_content("a", "b")
    assert same_content(Text("a", style="dim"), Text("a", style="dim"))
    assert not same_content(Text("a", style="dim"), Text("a"))  # Text's == would say equal
    assert not same_content(Text("a", justify="center"), Text("a"))
    bold = Text("ab")
    bold.stylize("bold", 0, 1)
    assert not same_content(bold, Text("ab")) and same_content(bold, bold.copy())
    assert not same_content("a", Text("a"))  # another kind of content: updated


class One(App):
    def compose(self):
        yield Static("first", id="line")


@sync
async def test_show_updates_only_a_changed_text():
    app = One()
    async with app.run_test(size=(40, 5)) as pilot:
        line = app.query_one("#line", Static)
        assert not show(line, "first")
        assert show(line, Text("second", style="bold"))
        assert not show(line, Text("second", style="bold"))
        await pilot.pause()
        assert "second" in screen_text(app)
        assert show(line, "third", layout=False)
        await pilot.pause()
        assert "third" in screen_text(app)
