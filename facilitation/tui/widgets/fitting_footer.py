"""A footer that shows only the keys that fit on its one line (80 columns and up).

Textual's footer lays every shown key side by side and lets the line overflow: at 80 columns
the last keys are cut mid-word and, under the command palette's key docked on the right, the
hidden part shows through as a stray character. This footer keeps the keys in their declared
order while they fit, always keeps the help key (F1 lists every key), and drops the others;
it recounts when the terminal is resized.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_KEY = "f1"  # every screen's help: the list of all its keys


def key_width(key_display: str, description: str) -> int:
    """Cells a compact footer key takes: "^s Save note" and the one-cell gap after it."""
    text = f"{key_display} {description}" if description else key_display
    return cell_len(text) + 1


def fitting_keys(widths: list[int], keep: set[int], room: int) -> list[int]:
    """The indexes of the keys shown, in order: the kept ones (reserved first), then the
    others from the first while they fit in `room` cells (the footer shows the first keys
    of the screen, never a later one in place of an earlier one)."""
    used = sum(widths[i] for i in keep)
    shown = set(keep)
    for index, width in enumerate(widths):
        if index in shown:
            continue
        if used + width > room:
            break
        shown.add(index)
        used += width
    return sorted(shown)


# One key as the footer shows it: key, what it shows, description, action, enabled, tooltip,
# and its CSS classes.
ShownKey = tuple[str, str, str, str, bool, str, str]


class FittingFooter(Footer):
    """`Footer(compact=True)` whose keys never run past the right edge.

    Textual's footer builds its keys again (new widgets, their styles worked out again) each
    time the screen's bindings may have changed: every focus move, every screen shown again.
    This one does so only when the keys it shows did change."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(compact=True, show_command_palette=show_command_palette)
        self._width = 0
        self._shown: list[ShownKey] | None = None  # what the last compose showed
        self._build_pending = False

    def room(self) -> int:
        width = self.size.width or self.app.size.width
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            binding = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if binding is not None:
                shown = self.app.get_key_display(binding.binding)
                width -= key_width(shown, binding.binding.description) + 1  # and its bar
        return width

    def shown_keys(self) -> list[ShownKey]:
        """The keys that fit now, in order, then the command palette's key (docked right)."""
        active = self.screen.active_bindings
        palette = self.app.COMMAND_PALETTE_BINDING
        first: dict[str, tuple[Binding, bool, str]] = {}  # one key per action, as Footer
        for key, (_node, binding, enabled, tooltip) in active.items():
            if binding.show and not (key == palette and self.show_command_palette):
                first.setdefault(binding.action, (binding, enabled, tooltip))
        keys = list(first.values())
        shown = [self.app.get_key_display(binding) for binding, _e, _t in keys]
        widths = [key_width(s, b.description) for s, (b, _e, _t) in zip(shown, keys, strict=True)]
        keep = {i for i, (b, _e, _t) in enumerate(keys) if b.key == HELP_KEY}
        result: list[ShownKey] = []
        for index in fitting_keys(widths, keep, self.room()):
            binding, enabled, tooltip = keys[index]
            result.append(
                (
                    binding.key,
                    shown[index],
                    binding.description,
                    binding.action,
                    enabled,
                    tooltip,
                    "",
                )
            )
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette in active:
            _node, binding, enabled, tooltip = active[palette]
            result.append(
                (
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    enabled,
                    binding.tooltip or binding.description,
                    "-command-palette",
                )
            )
        return result

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._width = self.size.width or self.app.size.width
        self._shown = self.shown_keys()
        for key, shown, description, action, enabled, tooltip, classes in self._shown:
            # The compact class given at once: a key bound to the footer's `compact` gets it
            # after mounting, which works its styles out a second time.
            yield FooterKey(
                key,
                shown,
                description,
                action,
                disabled=not enabled,
                tooltip=tooltip,
                classes=f"-compact {classes}".strip(),
            )

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self._shown is not None and self.shown_keys() == self._shown:
            return  # the same keys: nothing to build again
        self._build_again()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self._build_again()

    def _build_again(self) -> None:
        """Compose the keys again after the next refresh, once for however many asked (a
        screen shown refreshes its bindings twice and is resized before the first build)."""
        if not self._build_pending:
            self._build_pending = True
            self.call_after_refresh(self._build_now)

    async def _build_now(self) -> None:
        self._build_pending = False
        await self.recompose()
