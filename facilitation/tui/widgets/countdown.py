"""`BigCountdown`: a countdown as large as its space allows, plain text when space is short.

Digits are drawn from a 3x5 pixel font, each pixel scaled to fill the widget (2 columns per
row-height, since terminal cells are about twice as tall as wide), so the same widget reads
from the back of a room on a 4K full-screen terminal and still fits a corner of an 80x24 one.
The widget only shows a number of seconds; the caller computes it from the clock.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from facilitation.i18n.formatting import format_clock

FONT_HEIGHT = 5
FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": (" ", " ", " ", " ", " "),
}


def pixel_rows(text: str) -> list[str]:
    """`text` in the pixel font, one string per pixel row ("#" lit), glyphs one pixel apart."""
    glyphs = [FONT.get(char, FONT[" "]) for char in text]
    return [" ".join(glyph[row] for glyph in glyphs) for row in range(FONT_HEIGHT)]


def scale_for(text: str, width: int, height: int) -> tuple[int, int] | None:
    """(columns per pixel, rows per pixel) to draw `text` in width x height cells, keeping
    pixels about square; None when even the smallest size does not fit."""
    pixels_wide = len(pixel_rows(text)[0])
    rows = height // FONT_HEIGHT
    cols = width // max(1, pixels_wide)
    if rows < 1 or cols < 1:
        return None
    rows = min(rows, max(1, cols // 2))
    cols = min(cols, 2 * rows)
    return cols, rows


def big_lines(text: str, width: int, height: int) -> list[str] | None:
    """The lines drawing `text` as large as fits, centred in width x height; None if it
    does not fit."""
    scale = scale_for(text, width, height)
    if scale is None:
        return None
    cols, rows = scale
    lines = []
    for pixel_row in pixel_rows(text):
        line = "".join(("█" if p == "#" else " ") * cols for p in pixel_row)
        lines.extend([line.center(width)] * rows)
    top = (height - len(lines)) // 2
    return [""] * top + lines


class BigCountdown(Widget):
    """Shows `seconds` (negative: overtime, shown "+mm:ss") and an optional `caption` line.

    Set the classes -warning, -over, -paused, -idle, -ended from outside for the colours."""

    DEFAULT_CSS = """
    BigCountdown { height: 7; width: 1fr; text-style: bold; }
    BigCountdown.-warning { color: $warning; }
    BigCountdown.-over { color: $error; }
    BigCountdown.-paused, BigCountdown.-idle { color: $text-muted; }
    """

    seconds: reactive[float] = reactive(0.0)
    caption: reactive[str] = reactive("")
    big: reactive[bool] = reactive(True)  # False: always plain text

    @property
    def text(self) -> str:
        return format_clock(self.seconds)

    def render(self) -> Text:
        width, height = self.content_size.width, self.content_size.height
        clock = self.text
        caption_rows = 1 if self.caption else 0
        lines = big_lines(clock, width, height - caption_rows) if self.big else None
        if lines is None:
            lines = [clock.center(width)]
            top = max(0, (height - 1 - caption_rows) // 2)
            lines = [""] * top + lines
        if self.caption:
            lines.append(self.caption.center(width))
        return Text("\n".join(lines), no_wrap=True, overflow="crop")
