"""QR codes of the join addresses (segno): as half-block text for terminals and the projector,
and as a PNG for the code sheet. Nothing here draws on a screen."""

from __future__ import annotations

import io

import segno

# Two rows of modules per line of text: top dark / bottom dark -> one character.
_HALF = {
    (False, False): " ",
    (True, False): "\u2580",
    (False, True): "\u2584",
    (True, True): "\u2588",
}


def join_url(base_url: str, code: str) -> str:
    """The address a QR code opens: the join page with the code filled in."""
    return f"{base_url.rstrip('/')}/j/{code}"


def qr_lines(data: str, *, border: int = 2, dark_as_block: bool = True) -> list[str]:
    """The QR code of `data` as lines of half blocks (each line two rows of modules). With
    `dark_as_block` the dark modules are drawn (dark text on a light background); without,
    the light ones (light text on a dark terminal)."""
    code = segno.make(data, error="m")
    rows = [[bool(m) == dark_as_block for m in row] for row in code.matrix_iter(border=border)]
    if len(rows) % 2:
        rows.append([not dark_as_block] * len(rows[0]))
    return [
        "".join(_HALF[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[0::2], rows[1::2], strict=True)
    ]


def qr_png(data: str, scale: int = 6) -> io.BytesIO:
    """The QR code of `data` as a PNG (black on white, quiet zone included)."""
    out = io.BytesIO()
    segno.make(data, error="m").save(out, kind="png", scale=scale, border=4)
    out.seek(0)
    return out
