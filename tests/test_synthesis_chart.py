"""The votes chart draws French labels with the font shipped in the package, whatever fonts the
machine has: accents are drawn, never boxes, never taken off."""

from __future__ import annotations

import io

from PIL import Image, ImageChops

from facilitation.synthesis.chart import FONT_FILE, bar_chart, label_font


def test_the_font_is_the_shipped_one_with_its_licence():
    font = label_font(32)
    assert str(font.path) == str(FONT_FILE) and FONT_FILE.is_file()
    assert "SIL Open Font License" in (FONT_FILE.parent / "OFL.txt").read_text(encoding="utf-8")
    missing = list(font.getmask("\U0010fffd"))  # what a letter the font lacks looks like
    for letter in "éèêàâçôîûùëïœÉÈÀÇŒ«»’…":
        assert list(font.getmask(letter)) != missing, letter


def pixels(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def test_accented_labels_are_drawn_with_their_accents():
    accented = pixels(bar_chart([("Écoles et œuvres", 3), ("Santé", 1)]))
    plain = pixels(bar_chart([("Ecoles et oeuvres", 3), ("Sante", 1)]))
    same = pixels(bar_chart([("Écoles et œuvres", 3), ("Santé", 1)]))
    assert accented.size == plain.size
    assert ImageChops.difference(accented, same).getbbox() is None  # the same every time
    changed = ImageChops.difference(accented, plain).getbbox()
    assert changed is not None and changed[2] < accented.width * 0.45  # only in the labels
