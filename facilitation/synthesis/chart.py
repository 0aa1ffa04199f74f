"""The votes as a horizontal bar chart (PNG bytes), drawn with Pillow.

Labels need a font with the accented letters French uses. Pillow's own scalable font
(`ImageFont.load_default(size=...)`, Aileron in Pillow 10-13) has none: "é" comes out as a box.
So a common system font is tried first (DejaVu Sans, Liberation Sans, Arial, Segoe UI, Noto
Sans, Helvetica); with none of them, Pillow's font is used and accents are taken off the labels
("Écoles" -> "Ecoles") rather than drawn as boxes. Labels too long are cut with "…".
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1800  # pixels; shown 16 cm wide, so about 285 dpi
BAR_COLOUR = (46, 94, 140)
TEXT_COLOUR = (33, 33, 33)
GRID_COLOUR = (210, 210, 210)


FONT_FILES = (
    "DejaVuSans.ttf",
    "LiberationSans-Regular.ttf",
    "Arial.ttf",
    "arial.ttf",
    "segoeui.ttf",
    "NotoSans-Regular.ttf",
    "Helvetica.ttc",
)


def _has_accents(font) -> bool:
    """False when accented letters come out as the font's "missing glyph" box."""
    missing = list(font.getmask("\U0010fffd"))
    return all(list(font.getmask(c)) != missing for c in "éèàçôÉ")


@cache
def label_font(size: int):
    """(font, True if it draws accents)."""
    for name in FONT_FILES:
        try:
            font = ImageFont.truetype(name, size)
        except OSError:
            continue
        if _has_accents(font):
            return font, True
    font = ImageFont.load_default(size=size)
    return font, _has_accents(font)


def _drawable(text: str, accents: bool) -> str:
    if accents:
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fit(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def bar_chart(items: list[tuple[str, int]], *, max_bars: int = 25) -> bytes:
    """A PNG of one bar per (label, count), in the order given (at most `max_bars`)."""
    items = items[:max_bars]
    font, accents = label_font(32)
    small, _ = label_font(28)
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
        text = _fit(draw, _drawable(" ".join(label.split()), accents), font, label_width)
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
