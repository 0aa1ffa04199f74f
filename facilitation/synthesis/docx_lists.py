"""Word-native numbered lists: each list gets its own numbering instance, so the second list
of the document starts at 1 again instead of going on "4. 5. 6."; a style without numbering
(a template's) gets its numbers typed."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Numbering:
    """`numbering.start_list()` when a list begins, then `numbering.num_pr(style_id)` for each
    item: (numId, ilvl) of this list's instance, or None when the style is not numbered."""

    def __init__(self, document, numbered_styles: dict[str, bool]) -> None:
        self._document = document
        self._numbered = numbered_styles  # style id -> numbered by its style
        self._part = None
        self._next_id = 0
        self._abstract: dict[str, tuple[str, str] | None] = {}  # style id -> (abstract, ilvl)
        self._current: dict[str, str] = {}  # style id -> numId of the list being written

    def start_list(self) -> None:
        self._current = {}

    def num_pr(self, style_id: str | None) -> tuple[str, str] | None:
        if not style_id or not self._numbered.get(style_id):
            return None
        num_id = self._current.get(style_id)
        if num_id is None:
            found = self._style_numbering(style_id)
            if found is None:
                return None
            num_id = self._new_instance(*found)
            self._current[style_id] = num_id
        found = self._abstract[style_id]
        return (num_id, found[1]) if found else None

    def renumber(self, elements: list) -> None:
        """Give copied list paragraphs (a note written a second time) their own instances."""
        mapping: dict[str, str] = {}
        for element in elements:
            for num_id in element.iter(W + "numId"):
                old = num_id.get(W + "val")
                if old not in mapping:
                    abstract = self._abstract_of_num(old)
                    mapping[old] = self._new_instance(abstract, "0") if abstract else old
                num_id.set(W + "val", mapping[old])

    # ---- the numbering part -------------------------------------------------------------

    def _numbering(self):
        if self._part is None:
            self._part = self._document.part.numbering_part.element
            ids = [int(n.get(W + "numId")) for n in self._part.iterfind(W + "num")]
            self._next_id = max(ids, default=0) + 1
        return self._part

    def _abstract_of_num(self, num_id: str | None) -> str | None:
        for num in self._numbering().iterfind(W + "num"):
            if num.get(W + "numId") == num_id:
                abstract = num.find(W + "abstractNumId")
                return abstract.get(W + "val") if abstract is not None else None
        return None

    def _style_numbering(self, style_id: str) -> tuple[str, str] | None:
        if style_id in self._abstract:
            return self._abstract[style_id]
        found = None
        style = self._document.styles.element.find(f"{W}style[@{W}styleId='{style_id}']")
        num_pr = style.find(f"{W}pPr/{W}numPr") if style is not None else None
        if num_pr is not None:
            num_id = num_pr.find(W + "numId")
            level = num_pr.find(W + "ilvl")
            abstract = self._abstract_of_num(num_id.get(W + "val") if num_id is not None else None)
            if abstract is not None:
                ilvl = (
                    level.get(W + "val") if level is not None else self._level(abstract, style_id)
                )
                found = (abstract, ilvl)
        self._abstract[style_id] = found
        return found

    def _level(self, abstract: str, style_id: str) -> str:
        """The level of `abstract` linked to the style (w:pStyle), else 0."""
        for definition in self._numbering().iterfind(W + "abstractNum"):
            if definition.get(W + "abstractNumId") == abstract:
                for lvl in definition.iterfind(W + "lvl"):
                    p_style = lvl.find(W + "pStyle")
                    if p_style is not None and p_style.get(W + "val") == style_id:
                        return lvl.get(W + "ilvl") or "0"
        return "0"

    def _new_instance(self, abstract: str, _ilvl: str) -> str:
        numbering = self._numbering()
        num_id = str(self._next_id)
        self._next_id += 1
        num = etree.Element(W + "num")
        cleanup = numbering.find(W + "numIdMacAtCleanup")  # must stay last
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            numbering.append(num)
        num.set(W + "numId", num_id)
        etree.SubElement(num, W + "abstractNumId").set(W + "val", abstract)
        for level in range(9):
            override = etree.SubElement(num, W + "lvlOverride")
            override.set(W + "ilvl", str(level))
            etree.SubElement(override, W + "startOverride").set(W + "val", "1")
        return num_id


def copy_elements(elements: list) -> list:
    # An lxml element's __copy__ copies its whole subtree (copy.deepcopy calls it), without
    # copy.deepcopy's dispatch and memo for each of thousands of paragraphs.
    return [element.__copy__() for element in elements]


def has_numbering(elements: list) -> bool:
    return any(element.find(f"{W}pPr/{W}numPr") is not None for element in elements)


__all__ = ["Numbering", "qn"]
