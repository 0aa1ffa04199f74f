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
# A key as the footer shows it: (key, its display, description, action, enabled, tooltip,
# whether it is the command palette's key).
ShownKey = tuple[str, str, str, str, bool, str, bool]


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


class FittingFooter(Footer):
    """`Footer(compact=True)` whose keys never run past the right edge."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(compact=True, show_command_palette=show_command_palette)
        self._width = 0
        self._shown: tuple[ShownKey, ...] | None = None  # what the last composition showed

    def room(self) -> int:
        width = self.size.width or self.app.size.width
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            binding = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if binding is not None:
                shown = self.app.get_key_display(binding.binding)
                width -= key_width(shown, binding.binding.description) + 1  # and its bar
        return width

    def shown_keys(self) -> tuple[ShownKey, ...]:
        """The keys the footer shows now: those that fit, in order, then the palette's."""
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
        out: list[ShownKey] = []
        for index in fitting_keys(widths, keep, self.room()):
            binding, enabled, tooltip = keys[index]
            described = (binding.key, shown[index], binding.description, binding.action)
            out.append((*described, enabled, tooltip, False))
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette in active:
            _node, binding, enabled, tooltip = active[palette]
            out.append(
                (
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    enabled,
                    binding.tooltip or binding.description,
                    True,
                )
            )
        return tuple(out)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._width = self.size.width or self.app.size.width
        self._shown = self.shown_keys()
        for key, display, description, action, enabled, tooltip, palette in self._shown:
            if palette:
                yield FooterKey(
                    key,
                    display,
                    description,
                    action,
                    classes="-command-palette",
                    disabled=not enabled,
                    tooltip=tooltip,
                )
            else:
                yield FooterKey(
                    key, display, description, action, disabled=not enabled, tooltip=tooltip
                ).data_bind(compact=Footer.compact)

    def bindings_changed(self, screen: Screen) -> None:
        """Textual's footer is composed again at every refresh of the bindings (a screen
        calls it whenever a key might have changed: for each note saved, each round): here
        only when what it shows did change, as a composition costs more than the rest of
        handling a key."""
        if (
            self._bindings_ready
            and self._shown is not None
            and self.is_attached
            and screen is self.screen
            and self.size.width == self._width
            and self.shown_keys() == self._shown
        ):
            return
        super().bindings_changed(screen)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.call_after_refresh(self.recompose)
