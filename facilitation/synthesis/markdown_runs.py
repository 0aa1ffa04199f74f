"""A note's Markdown as paragraphs of formatted runs (bold, italics, links, lists), for Word.

The parse is the one the screen uses (`facilitation.markdown_inline`): what capture shows is
what Word prints. Here the text is first made safe for a document (`sanitise.clean_text`).
"""

from __future__ import annotations

from facilitation.markdown_inline import Para, Run, parse
from facilitation.synthesis.sanitise import clean_text

__all__ = ["Para", "Run", "paragraphs"]


def paragraphs(text: str) -> list[Para]:
    """The paragraphs of a Markdown note (an empty list for an empty note)."""
    # Not cached here: DocxWriter keeps what it built for each distinct text (`built`).
    return parse(clean_text(text))
