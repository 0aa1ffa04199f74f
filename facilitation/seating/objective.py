"""What the seating search minimises: a cost per pair of people, by how often they meet.

- `distinct`: a pair meeting k times costs k - 1 (meet as many different people as possible;
  indifferent between spreading repeats and gluing people together);
- `spread`: C(k, 2), the number of pairs of rounds the pair shares (repeats are spread: one
  pair meeting 3 times costs as much as three pairs meeting twice);
- `balanced` (the default): first as few meetings as possible for the most-repeated pair,
  then `spread`. Each meeting beyond the cap (the lower bound on the most meetings of a pair)
  costs more than any spread could, each level more than the one below, so that the search
  compares plans by (pairs at the top level, ..., spread) in that order. The cap is at least
  2: a pair meeting twice costs 1, as in `spread` (so a plan where nobody meets twice is still
  preferred when one exists, and the search stays as quick as `spread` there).
Mixing violations cost MIX_WEIGHT each in `distinct` and `spread`; in `balanced`, more than
any level, so that colleagues are kept apart first, as facilitators ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb

from facilitation.seating.model import MIX_WEIGHT

OBJECTIVES = ("balanced", "spread", "distinct")
DEFAULT_OBJECTIVE = "balanced"


@dataclass(frozen=True)
class Objective:
    name: str
    cost: tuple[int, ...]  # cost[k]: a pair meeting k times
    inc: tuple[int, ...]  # inc[k] = cost[k + 1] - cost[k]: the pair meets once more
    dec: tuple[int, ...]  # dec[k] = cost[k - 1] - cost[k]: the pair meets once less
    cap: int = 0  # balanced: meetings above this are penalised
    mix_weight: int = MIX_WEIGHT  # the cost of one mixing violation

    def score(self, meetings: list[int], mixing: int) -> int:
        return self.total(meetings) + self.mix_weight * mixing

    def total(self, meetings: list[int]) -> int:
        return sum(map(self.cost.__getitem__, meetings))


def _level_weight(pairs: int, rounds: int) -> int:
    """More than the largest spread any plan can have: C(N, 2) pairs sharing every round."""
    return pairs * comb(rounds, 2) + 1


def make_objective(name: str, most: int, cap: int = 0, pairs: int = 1) -> Objective:
    """The cost table for meetings 0..`most` (the most rounds two people can share)."""
    if name not in OBJECTIVES:
        raise ValueError(name)
    if name == "distinct":
        cost = [max(0, k - 1) for k in range(most + 2)]
    else:
        cost = [comb(k, 2) for k in range(most + 2)]
    mix_weight = MIX_WEIGHT
    if name == "balanced":
        cap = max(cap, 2)
        weight = _level_weight(pairs, most)
        mix_weight = weight ** (most + 2 - cap)
        for k in range(cap + 1, most + 2):
            # Meeting k times costs every level from cap + 1 to k: each level outweighs all
            # the pairs of the levels below it.
            cost[k] += sum(weight ** (j - cap) for j in range(cap + 1, k + 1))
    inc = tuple(cost[k + 1] - cost[k] for k in range(most + 1)) + (0,)
    dec = (0,) + tuple(cost[k - 1] - cost[k] for k in range(1, most + 2))
    return Objective(name, tuple(cost), inc, dec, cap, mix_weight)


def distribution(meetings: list[int]) -> dict[int, int]:
    """How many pairs meet k times, for k >= 1."""
    out: dict[int, int] = {}
    for k in meetings:
        if k:
            out[k] = out.get(k, 0) + 1
    return dict(sorted(out.items()))


def distinct_of(histogram: dict[int, int]) -> int:
    """Repeats counted as k - 1 for a pair meeting k times."""
    return sum((k - 1) * count for k, count in histogram.items() if k > 1)


def spread_of(histogram: dict[int, int]) -> int:
    """Sum of C(k, 2) over pairs."""
    return sum(comb(k, 2) * count for k, count in histogram.items())
