"""Sections: the portrait pages and the landscape ones for wide tables. A section ends with
the paragraph that carries its `w:sectPr`; the last section's is the body's own."""

from __future__ import annotations

import copy

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DEFAULT_WIDTH = 8640  # 6 in: US Letter with python-docx's 1.25 in margins


def text_width(sect_pr) -> int:
    """The width between the margins of the section `sect_pr`, in dxa."""
    if sect_pr is None:
        return DEFAULT_WIDTH
    size = sect_pr.find(W + "pgSz")
    margins = sect_pr.find(W + "pgMar")
    try:
        page = int(size.get(W + "w"))
        left = int(margins.get(W + "left", 0))
        right = int(margins.get(W + "right", 0))
        gutter = int(margins.get(W + "gutter", 0) or 0)
    except (AttributeError, TypeError, ValueError):
        return DEFAULT_WIDTH
    return max(1440, page - left - right - gutter)


def turned(sect_pr, landscape: bool, keep_title_page: bool = False):
    """A copy of `sect_pr` (headers, footers, margins kept) in landscape or portrait, starting
    on a new page, without the "different first page" of the cover's section."""
    new = copy.deepcopy(sect_pr)
    size = new.find(W + "pgSz")
    if size is not None:
        w, h = int(size.get(W + "w", 12240)), int(size.get(W + "h", 15840))
        long_side, short_side = max(w, h), min(w, h)
        size.set(W + "w", str(long_side if landscape else short_side))
        size.set(W + "h", str(short_side if landscape else long_side))
        if landscape:
            size.set(W + "orient", "landscape")
        elif W + "orient" in size.attrib:
            del size.attrib[W + "orient"]
    for kind in new.findall(W + "type"):
        new.remove(kind)
    if not keep_title_page:
        drop_title_page(new)
    return new


def end_section_here(body, sect_pr) -> None:
    """End the current section with the body's last paragraph (or, after a table, with a
    paragraph of its own: a section break needs one)."""
    last = body[-1] if len(body) else None
    if last is None or last.tag != W + "p":
        last = etree.SubElement(body, W + "p")
    ppr = last.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        last.insert(0, ppr)
    old = ppr.find(W + "sectPr")
    if old is not None:
        ppr.remove(old)
    ppr.append(sect_pr)


def drop_title_page(sect_pr) -> None:
    for title_page in sect_pr.findall(W + "titlePg"):
        sect_pr.remove(title_page)
