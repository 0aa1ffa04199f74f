"""For the tests of the `seat` command: a short search.

What those tests check is the command (the files it writes, its messages, the hard
constraints kept in the plan it reads back), not how good the plan is, which
tests/test_seating_engine.py, test_seating_objectives.py and test_seating_bounds.py check
with the engine's budget. The command has no option for the budget (only --seconds, a time
limit): `short_search` gives its plans a tenth of it, as `Options(effort=0.1)` would.
"""

from __future__ import annotations

import dataclasses

import facilitation.seating


def short_search(monkeypatch, effort: float = 0.1) -> None:
    make_plan = facilitation.seating.make_plan

    def shortened(participants, options):
        return make_plan(participants, dataclasses.replace(options, effort=effort))

    monkeypatch.setattr(facilitation.seating, "make_plan", shortened)
