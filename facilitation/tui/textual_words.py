"""Textual's own words, in the user's language: the command palette's system commands, the
descriptions of the widgets' bindings (F1 lists them), and key names ("space", "pgup").

Textual writes them in English. They are listed here with N_() so that they sit in our
catalogues (locale/fr/LC_MESSAGES/live.po) and the translation test sees them; the apps
translate them when they show them: `translated_system_commands` in `get_system_commands`,
`key_display` in `get_key_display`, `facilitation.tui.help.key_rows` for F1.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette, Hit, Hits
from textual.keys import format_key
from textual.screen import Screen
from textual.system_commands import SystemCommandsProvider

from facilitation.i18n import N_, _

SYSTEM_COMMAND_WORDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
    N_("Search for commands…"),
    N_("Search for themes…"),
    N_("No matches found"),
)

# The bindings of Textual's widgets that F1 lists (TextArea, Input, DataTable, OptionList,
# Select, Button, scrolling containers, the command palette, the app and the screen).
WIDGET_BINDING_WORDS = (
    N_("Bottom"),
    N_("Copy"),
    N_("Copy selected text"),
    N_("Cursor down"),
    N_("Cursor down select"),
    N_("Cursor left"),
    N_("Cursor left select"),
    N_("Cursor left word select"),
    N_("Cursor line end"),
    N_("Cursor line end select"),
    N_("Cursor line start"),
    N_("Cursor line start select"),
    N_("Cursor page down"),
    N_("Cursor page up"),
    N_("Cursor right"),
    N_("Cursor right select"),
    N_("Cursor right word select"),
    N_("Cursor up"),
    N_("Cursor up select"),
    N_("Cursor word left"),
    N_("Cursor word right"),
    N_("Cut"),
    N_("Cut selected text"),
    N_("Delete all to the left"),
    N_("Delete all to the right"),
    N_("Delete character left"),
    N_("Delete character right"),
    N_("Delete left to start of word"),
    N_("Delete line"),
    N_("Delete right to start of word"),
    N_("Delete to line end"),
    N_("Delete to line start"),
    N_("Down"),
    N_("End"),
    N_("Exit the command palette"),
    N_("First"),
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Go to bottom"),
    N_("Go to end"),
    N_("Go to start"),
    N_("Go to top"),
    N_("Home"),
    N_("Last"),
    N_("Move cursor left"),
    N_("Move cursor left a word"),
    N_("Move cursor left a word and select"),
    N_("Move cursor left and select"),
    N_("Move cursor right a word"),
    N_("Move cursor right a word and select"),
    N_("Move cursor right and select"),
    N_("Move cursor right or accept the completion suggestion"),
    N_("Next command"),
    N_("Next page"),
    N_("Page Down"),
    N_("Page Left"),
    N_("Page Right"),
    N_("Page Up"),
    N_("Page down"),
    N_("Page up"),
    N_("Paste"),
    N_("Paste text from the clipboard"),
    N_("Press button"),
    N_("Previous command"),
    N_("Previous page"),
    N_("Redo"),
    N_("Scroll Down"),
    N_("Scroll End"),
    N_("Scroll Home"),
    N_("Scroll Left"),
    N_("Scroll Right"),
    N_("Scroll Up"),
    N_("Select"),
    N_("Select all"),
    N_("Select line"),
    N_("Select line end"),
    N_("Select line start"),
    N_("Show menu"),
    N_("Submit"),
    N_("Toggle"),
    N_("Top"),
    N_("Undo"),
    N_("Up"),
)

# Key names as Textual shows them (textual.keys.format_key), and the modifiers.
KEY_WORDS = {
    "space": N_("space"),
    "pgup": N_("pgup"),
    "pgdn": N_("pgdn"),
    "home": N_("home"),
    "end": N_("end"),
    "esc": N_("esc"),
    "del": N_("del"),
    "tab": N_("tab"),
    "insert": N_("insert"),
    "shift": N_("shift"),
}


def key_name(name: str) -> str:
    """One key's name (after textual's format_key) in the user's language."""
    return _(KEY_WORDS[name]) if name in KEY_WORDS else name


def key_display(binding: Binding) -> str:
    """What App.get_key_display shows, with the key names translated ("espace", "maj+tab")."""
    if binding.key_display:
        return binding.key_display
    modifiers, key = binding.parse_key()
    shown = key_name(format_key(key))
    if "ctrl" in modifiers:
        modifiers.remove("ctrl")
        shown = f"^{shown}"
    return "+".join([*(key_name(m) for m in modifiers), shown])


def translated_system_commands(
    commands: Iterable[SystemCommand], app: App | None = None
) -> Iterable[SystemCommand]:
    """Textual's system commands with their title and help in the user's language. With
    `app` and an `action_help` on it, "Keys" opens the app's own help (F1), translated."""
    for command in commands:
        callback = command.callback
        if app is not None and command.title == "Keys" and hasattr(app, "action_help"):
            callback = app.action_help
        yield SystemCommand(_(command.title), _(command.help), callback, command.discover)


class TranslatedCommands(SystemCommandsProvider):
    """The palette's provider (App.COMMANDS): the app's system commands, and, when none
    matches, "No matches found" in the user's language instead of Textual's English line."""

    async def search(self, query: str) -> Hits:
        found = False
        async for hit in super().search(query):
            found = True
            yield hit
        if not found and query.strip():
            yield Hit(0.01, Text(_("No matches found"), style="dim"), lambda: None)


def command_palette() -> CommandPalette:
    """The palette with its placeholder in the user's language."""
    return CommandPalette(placeholder=_("Search for commands…"), id="--command-palette")


class TextualInUserLanguage(App):
    """Base of every facilitation app: Textual's own words (palette, key names) in the
    user's language."""

    COMMANDS = {TranslatedCommands}

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from translated_system_commands(super().get_system_commands(screen), self)

    def get_key_display(self, binding: Binding) -> str:
        return key_display(binding)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(command_palette())

    def search_themes(self) -> None:
        """The palette's "Theme" command, its placeholder in the user's language."""
        from textual.theme import ThemeProvider

        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…"))
        )
