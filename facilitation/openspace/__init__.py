"""Open Space (forum ouvert) core: the agenda wall, its conflicts, clash scoring, agenda
suggestion, dot-vote ranking and the printable wall. Pure Python: no Textual, no store writes
except through `wall.py`.
"""

from facilitation.openspace.clashes import clash_count, clash_pairs, co_interest
from facilitation.openspace.conflicts import Conflict, find_conflicts
from facilitation.openspace.problem import AgendaProblem, TopicInfo
from facilitation.openspace.ranking import RankedItem, rank_votes
from facilitation.openspace.suggest import Suggestion, suggest_agenda

__all__ = [
    "AgendaProblem",
    "Conflict",
    "RankedItem",
    "Suggestion",
    "TopicInfo",
    "clash_count",
    "clash_pairs",
    "co_interest",
    "find_conflicts",
    "rank_votes",
    "suggest_agenda",
]
