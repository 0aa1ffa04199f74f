"""A help screen listing every key of the screen it is opened from (F1), for any app.

    from facilitation.tui.help import HelpScreen, translate_bindings

    class MyApp(App):
        BINDINGS = [Binding("f1", "help", N_("Help"))]
        def __init__(self):
            super().__init__()
            translate_bindings(self)        # descriptions are written with N_()
        def action_help(self):
            self.push_screen(HelpScreen.of(self))

Binding descriptions are written in English with `N_()` at class level, where the language is
not chosen yet; `translate_bindings(node)` translates them once the app is built.
"""

from __future__ import annotations

from dataclasses import replace

from rich.table import Table
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitation.i18n import N_, _


def translate_bindings(node: DOMNode) -> None:
    """Translate the descriptions and tooltips of `node`'s own bindings (in place)."""
    # Textual keeps a node's bindings in `_bindings` (a BindingsMap built from BINDINGS).
    mapping = node._bindings.key_to_bindings
    for key, bindings in mapping.items():
        mapping[key] = [
            replace(
                b,
                description=_(b.description) if b.description else "",
                tooltip=_(b.tooltip) if b.tooltip else "",
            )
            for b in bindings
        ]


def key_rows(app: App) -> list[tuple[str, str]]:
    """(keys, description) for every binding active on the current screen, keys of the same
    action joined ("n / →"), in the order they are declared; bindings without a description
    are left out."""
    rows: dict[tuple[str, str], list[str]] = {}
    for active in app.active_bindings.values():
        binding = active.binding
        if not binding.description or binding.system or not active.enabled:
            continue  # a key that means nothing here (check_action) is not offered
        keys = rows.setdefault((binding.action, binding.description), [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    # Textual's own bindings (focus, copy) are translated in our catalogue too.
    return [(" / ".join(keys), _(description)) for (_action, description), keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    """Every key of the screen below, with what it does. Escape, F1 or q closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: auto; max-width: 90%; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    HelpScreen #help-keys { width: auto; }
    HelpScreen #help-hint { color: $text-muted; margin-top: 1; width: auto; }
    """
    BINDINGS = [
        Binding("escape,f1,q", "close", N_("Close"), show=False),
    ]

    def __init__(self, rows: list[tuple[str, str]], title: str | None = None):
        super().__init__()
        translate_bindings(self)
        self.rows = rows
        self.title_text = title

    @classmethod
    def of(cls, app: App, title: str | None = None) -> HelpScreen:
        """The help for the screen currently shown by `app` (call before pushing)."""
        return cls(key_rows(app), title)

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        table.add_column(_("Key"), style="bold", no_wrap=True)
        table.add_column(_("What it does"))
        for keys, description in self.rows:
            table.add_row(keys, description)
        with VerticalScroll() as scroll:
            scroll.border_title = self.title_text or _("Keys")
            yield Static(table, id="help-keys")
            yield Static(
                _("Ctrl+P: every command, searchable. Escape closes this help."), id="help-hint"
            )

    def action_close(self) -> None:
        self.dismiss(None)
