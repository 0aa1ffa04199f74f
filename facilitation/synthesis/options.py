"""What the organiser asks of the document: names or not, which appendices, Owen's layout."""

from __future__ import annotations

from dataclasses import dataclass

APPENDICES = ("none", "notes", "all")


@dataclass(frozen=True)
class Options:
    """Anonymous by default: nobody is named next to what they said (table headings give no
    host or note-taker, no seating plan); Open Space conveners still sign their reports.

    `names`: hosts and note-takers in table headings, conveners on the agenda wall, and (with
    `appendices="all"`) the seating plan. `appendices`: "none", "notes" (every note verbatim,
    the default) or "all" (notes and seating plan). `participants`: the list of people with
    their organisations. `report_per_page`: each Open Space session report on a page of its
    own, as in Harrison Owen's proceedings."""

    names: bool = False
    appendices: str = "notes"
    participants: bool = False
    report_per_page: bool = False
