"""The footer is composed again only when what it shows changes: a screen refreshes its
bindings whenever a key might have changed (every note saved, every round), and composing
the footer anew cost more than handling the key itself."""

from __future__ import annotations

from pilot_support import sync
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from facilitation.tui.widgets.fitting_footer import FittingFooter


class Keys(App):
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("f6", "unpin", "Unpin"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pinned = True
        self.composed = 0

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield CountingFooter()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "unpin":
            return self.pinned or None  # None: shown, but disabled
        return True

    def action_help(self) -> None: ...
    def action_unpin(self) -> None: ...
    def action_save(self) -> None: ...


class CountingFooter(FittingFooter):
    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self.app.composed += 1
        yield from super().compose()


def shown(app: Keys) -> list[tuple[str, bool]]:
    return [(key.description, key.has_class("-disabled")) for key in app.screen.query(FooterKey)]


@sync
async def test_a_refresh_that_changes_no_key_keeps_the_footer():
    app = Keys()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        before = app.composed
        assert ("Unpin", False) in shown(app)
        for _ in range(5):
            app.refresh_bindings()
            await pilot.pause()
        assert app.composed == before
        assert ("Unpin", False) in shown(app) and ("Save", False) in shown(app)


@sync
async def test_a_key_that_changes_is_shown_changed():
    app = Keys()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        before = app.composed
        app.pinned = False
        app.refresh_bindings()
        await pilot.pause()
        assert app.composed == before + 1
        assert ("Unpin", True) in shown(app)  # disabled now
        app.pinned = True
        app.refresh_bindings()
        await pilot.pause()
        assert ("Unpin", False) in shown(app)
