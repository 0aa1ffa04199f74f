"""The votes as a horizontal bar chart (PNG bytes), drawn with Pillow.

Labels are drawn with Liberation Sans, shipped in `fonts/` (SIL Open Font License, see
`fonts/OFL.txt`): every accent French uses, whatever fonts the machine has. Labels too long
are cut with "…".
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1800  # pixels; shown 16 cm wide, so about 285 dpi
BAR_COLOUR = (46, 94, 140)
TEXT_COLOUR = (33, 33, 33)
GRID_COLOUR = (210, 210, 210)
FONT_FILE = Path(__file__).with_name("fonts") / "LiberationSans-Regular.ttf"


@cache
def label_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_FILE, size)


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def bar_chart(items: list[tuple[str, int]], *, max_bars: int = 25) -> bytes:
    """A PNG of one bar per (label, count), in the order given (at most `max_bars`)."""
    items = items[:max_bars]
    font = label_font(32)
    small = label_font(28)
    bar_height, gap, margin = 46, 22, 30
    height = margin * 2 + max(1, len(items)) * (bar_height + gap)
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    label_width = int(WIDTH * 0.42)
    left = margin + label_width + 20
    right = WIDTH - margin - 90
    top_count = max((count for _label, count in items), default=0) or 1
    for index, (label, count) in enumerate(items):
        y = margin + index * (bar_height + gap)
        text = _fit(draw, " ".join(label.split()), font, label_width)
        draw.text(
            (margin + label_width, y + bar_height / 2),
            text,
            font=font,
            fill=TEXT_COLOUR,
            anchor="rm",
        )
        draw.line(
            [(left, y - gap / 2), (left, y + bar_height + gap / 2)], fill=GRID_COLOUR, width=2
        )
        length = int((right - left) * max(0, count) / top_count)
        if length:
            draw.rectangle([left, y, left + length, y + bar_height], fill=BAR_COLOUR)
        draw.text(
            (left + length + 12, y + bar_height / 2),
            str(count),
            font=small,
            fill=TEXT_COLOUR,
            anchor="lm",
        )
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()
