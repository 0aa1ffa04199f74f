"""World Café seating plans: who sits at which table in each round.

`make_plan(participants, options)` is a pure function (no files, no printing): the CLI and the
event store both call it. The plan is built by algebraic constructions when the numbers fit,
by a greedy round-by-round baseline always, then improved by local search over the whole
schedule; the best of these is returned with its quality and a lower bound on repeats.
"""

from facilitation.seating.engine import make_plan
from facilitation.seating.model import Options, Participant, Plan, PlanResult

__all__ = ["Options", "Participant", "Plan", "PlanResult", "make_plan"]
