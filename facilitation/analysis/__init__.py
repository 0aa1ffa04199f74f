"""What the notes say, with no screen and no document: the recurring ideas of a round and the
codebook's themes. The synthesis lays them out; the console shows them live."""

from facilitation.analysis.phrases import Reader
from facilitation.analysis.recurring import Idea, Quote, Source, find_ideas
from facilitation.analysis.themes import TaggedNote, ThemeSummary, summarise_themes

__all__ = [
    "Idea",
    "Quote",
    "Reader",
    "Source",
    "TaggedNote",
    "ThemeSummary",
    "find_ideas",
    "summarise_themes",
]
