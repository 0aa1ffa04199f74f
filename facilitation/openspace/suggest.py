"""Agenda suggestion: place topics in slots and spaces so that few people miss sessions they
want (objective `missed`, the default: a participant who wants k topics of one slot misses
k - 1) or so that few pairs of wanted topics share a slot (objective `pairs`: clashes), under
hard constraints:

- a convener is never in two places at once, nor in a slot they cannot attend;
- a space never holds more people interested than its capacity;
- fixed topics (placed by hand) never move, and keep their cell;
- one topic per cell.

A greedy construction (most wanted topics first, each in the slot where it adds the fewest
clashes) is improved by simulated annealing on moves and swaps between slots. Spaces are
given last, slot by slot: the most wanted topics get the largest rooms, which is feasible
whenever any assignment is. Seeded and with a fixed number of steps: same input, same agenda.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Container
from dataclasses import dataclass, field

from facilitation.openspace.clashes import clash_count
from facilitation.openspace.missed import Missed, missed_summary
from facilitation.openspace.problem import AgendaProblem, Cell

UNLIMITED = 1 << 30
TEMPERATURE = 2.0  # start of the annealing (clashes); it cools to 0.02
OBJECTIVES = ("missed", "pairs")
# Steps of the annealing: a base and a number per movable topic. Missed sessions cost more
# to follow per step and level off sooner (30 000 steps are within 1 % of 110 000).
STEPS = {"pairs": (20000, 2000), "missed": (10000, 1000)}


@dataclass
class Suggestion:
    cells: dict[int, Cell]  # topic id -> (slot, space), fixed topics included
    unplaced: list[int]  # topics that fit nowhere without breaking a constraint
    clashes: int
    seconds: float
    steps: int = 0
    fixed: set[int] = field(default_factory=set)
    objective: str = "missed"
    missed: Missed = field(default_factory=lambda: Missed(0, 0, 0))

    def slot_of(self) -> dict[int, int]:
        return {t: cell[0] for t, cell in self.cells.items()}


class _State:
    """Slot assignment of the movable topics, with per-slot sums for O(1) cost deltas.

    The per-slot tables are slot-major (`table[slot][topic]`) and only the objective's own
    are kept up to date: co-interest sums for `pairs`, participants' counts for `missed`."""

    def __init__(self, problem: AgendaProblem, objective: str = "missed"):
        self.problem = problem
        self.objective = objective
        self.slots = problem.slots
        ids_fixed = {
            t.id
            for t in problem.topics
            if t.id in problem.fixed
            and t.cell is not None
            and 0 <= t.slot < problem.slots  # type: ignore[operator]
            and 0 <= t.space < problem.spaces  # type: ignore[operator]
        }
        self.fixed_topics = [t for t in problem.topics if t.id in ids_fixed]
        # fixed topics outside the wall stay where they are and take no part
        self.kept_outside = [
            t for t in problem.topics if t.id in problem.fixed and t.id not in ids_fixed
        ]
        self.topics = [t for t in problem.topics if t.id not in problem.fixed]
        everyone = self.fixed_topics + self.topics
        self.index = {t.id: i for i, t in enumerate(everyone)}
        n = len(everyone)
        demand = problem.demand()
        self.demand = [demand.get(t.id, 0) for t in everyone]
        self.weight = [[0] * n for _ in range(n)]
        wanting = [
            sorted({self.index[t] for t in wanted if t in self.index})
            for wanted in problem.interests.values()
        ]
        for idx in wanting:
            for a_pos, a in enumerate(idx):
                row = self.weight[a]
                for b in idx[a_pos + 1 :]:
                    row[b] += 1
                    self.weight[b][a] += 1
        # pairs: neighbours[i] = (j, weight) of the topics sharing a fan with i;
        # sums[s][i] = co-interest of topic i with every topic (fixed or not) in slot s
        self.neighbours = [[(j, w) for j, w in enumerate(row) if w] for row in self.weight]
        self.sums = [[0] * n for _ in range(self.slots)]
        # missed: count[s][p] = topics participant p wants in slot s; fans[i] = who wants
        # topic i, wants[p] = the topics p wants; join[s][i] = fans of i with a wanted topic
        # in slot s (i joining s makes each miss one more), leave[s][i] = fans with two or
        # more there (i leaving s spares each one); shared[(i, j)] = who wants both
        self.missed = objective == "missed"
        people = len(wanting) if self.missed else 0
        self.count = [[0] * people for _ in range(self.slots)]
        self.fans: list[list[int]] = [[] for _ in range(n)]
        self.wants: list[list[int]] = wanting if self.missed else []
        self.join = [[0] * n for _ in range(self.slots)]
        self.leave = [[0] * n for _ in range(self.slots)]
        self.shared: dict[tuple[int, int], list[int]] = {}
        for person, idx in enumerate(self.wants):
            for a_pos, a in enumerate(idx):
                self.fans[a].append(person)
                for b in idx[a_pos + 1 :]:
                    self.shared.setdefault((a, b), []).append(person)
                    self.shared.setdefault((b, a), []).append(person)
        self.conveners = [t.conveners for t in everyone]
        self.banned = [problem.unavailable_slots(t) for t in everyone]
        # per slot: spaces free of fixed topics, and conveners busy with fixed topics
        taken = {(t.slot, t.space) for t in self.fixed_topics}
        self.free_caps: list[list[int]] = []
        for s in range(self.slots):
            caps = [
                UNLIMITED if c is None else c
                for sp, c in enumerate(problem.capacities[: problem.spaces])
                if (s, sp) not in taken
            ]
            self.free_caps.append(sorted(caps, reverse=True))
        self.free_spaces = [
            [sp for sp in range(problem.spaces) if (s, sp) not in taken] for s in range(self.slots)
        ]
        self.fixed_conveners: list[set[str]] = [set() for _ in range(self.slots)]
        for t in self.fixed_topics:
            self.fixed_conveners[t.slot] |= t.conveners  # type: ignore[index]
        # what can_host asks, worked out once: the slots a topic may not go to (its
        # conveners unavailable or busy with a fixed topic), the topics sharing a convener
        # with it, and the slots where every free space holds the most wanted topic
        self.blocked = [
            self.banned[i]
            | {s for s in range(self.slots) if self.conveners[i] & self.fixed_conveners[s]}
            for i in range(n)
        ]
        self.rivals = [
            {j for j in range(n) if self.conveners[i] & self.conveners[j]} for i in range(n)
        ]
        most = max(self.demand, default=0)
        self.roomy = [not caps or caps[-1] >= most for caps in self.free_caps]
        self.members: list[list[int]] = [[] for _ in range(self.slots)]  # movable indexes
        self.slot_of: list[int | None] = [None] * n
        for t in self.fixed_topics:
            self.slot_of[self.index[t.id]] = t.slot
        for t in self.fixed_topics:
            self._credit(self.index[t.id], t.slot, +1)  # type: ignore[arg-type]

    def _credit(self, i: int, slot: int, sign: int) -> None:
        if self.missed:
            self._count(i, slot, sign)
        else:
            row = self.sums[slot]
            for j, w in self.neighbours[i]:
                row[j] += sign * w

    def _count(self, i: int, slot: int, sign: int) -> None:
        counts, join, leave, wants = self.count[slot], self.join[slot], self.leave[slot], self.wants
        for p in self.fans[i]:
            old = counts[p]
            counts[p] = old + sign
            level = old + 1 if sign > 0 else old  # the threshold crossed: 1 or 2
            if level == 1:
                for t in wants[p]:
                    join[t] += sign
            elif level == 2:
                for t in wants[p]:
                    leave[t] += sign

    def move_delta(self, i: int, a: int, b: int) -> int:
        """Cost change when topic i goes from slot a to slot b."""
        if self.objective == "pairs":
            return self.sums[b][i] - self.sums[a][i]
        return self.join[b][i] - self.leave[a][i]

    def swap_delta(self, i: int, a: int, j: int, b: int) -> int:
        """Cost change when topic i (slot a) and topic j (slot b) trade slots."""
        if self.objective == "pairs":
            w = self.weight[i][j]
            sums_a, sums_b = self.sums[a], self.sums[b]
            return (sums_b[i] - w - sums_a[i]) + (sums_a[j] - w - sums_b[j])
        join_a, join_b, leave_a, leave_b = self.join[a], self.join[b], self.leave[a], self.leave[b]
        d = join_b[i] - leave_a[i] + join_a[j] - leave_b[j]
        # whoever wants both keeps one topic in each slot: take back what was counted
        count_a, count_b = self.count[a], self.count[b]
        for p in self.shared.get((i, j), ()):
            d -= (count_a[p] == 1) + (count_b[p] == 1)
        return d

    def join_cost(self, i: int, slot: int) -> int:
        if self.objective == "pairs":
            return self.sums[slot][i]
        return self.join[slot][i]

    def add(self, i: int, slot: int) -> None:
        self.members[slot].append(i)
        self.slot_of[i] = slot
        self._credit(i, slot, +1)

    def remove(self, i: int) -> None:
        slot = self.slot_of[i]
        assert slot is not None
        self.members[slot].remove(i)
        self.slot_of[i] = None
        self._credit(i, slot, -1)

    def can_host(self, slot: int, incoming: int, leaving: int | None = None) -> bool:
        """Would `slot` stay feasible with `incoming` added (and `leaving` taken out)?"""
        if slot in self.blocked[incoming]:
            return False
        members = self.members[slot]
        staying = len(members) - (leaving is not None and leaving in members)
        if staying + 1 > len(self.free_caps[slot]):
            return False
        rivals = self.rivals[incoming]
        if rivals and any(j in rivals for j in members if j != leaving):
            return False
        return self.roomy[slot] or self._fits(slot, incoming, leaving)

    def _fits(self, slot: int, incoming: int, leaving: int | None) -> bool:
        """The capacities of `slot`'s free spaces, largest to the most wanted (only the
        demands above its smallest free space can be too large)."""
        caps = self.free_caps[slot]
        smallest, demand = caps[-1], self.demand
        large = [d for j in self.members[slot] if j != leaving and (d := demand[j]) > smallest]
        if demand[incoming] > smallest:
            large.append(demand[incoming])
        large.sort(reverse=True)
        return all(d <= c for d, c in zip(large, caps, strict=False))


def _construct(state: _State, rng: random.Random) -> list[int]:
    order = sorted(
        (state.index[t.id] for t in state.topics),
        key=lambda i: (-state.demand[i], -sum(state.weight[i]), rng.random()),
    )
    unplaced = []
    for i in order:
        best, best_key = None, None
        for s in range(state.slots):
            if not state.can_host(s, i):
                continue
            room = len(state.free_caps[s]) - len(state.members[s])
            key = (state.join_cost(i, s), -room, s)
            if best_key is None or key < best_key:
                best, best_key = s, key
        if best is None:
            unplaced.append(i)
        else:
            state.add(i, best)
    return unplaced


def _anneal(state: _State, rng: random.Random, steps: int) -> int:
    """Improve the slot assignment in place; returns the number of steps done.

    The loop is can_host, move_delta, swap_delta, add and remove written out on local names
    (it is most of a suggestion's time): the same draws, tests and moves."""
    movable = [state.index[t.id] for t in state.topics]
    if state.slots < 2 or not movable:
        return 0
    temperature, final = TEMPERATURE, 0.02
    cooling = (final / temperature) ** (1 / max(1, steps))
    best_cost = cost = _cost(state)
    slot_of, members = state.slot_of, state.members
    best = list(slot_of)
    rand, exp, count, others = rng.random, math.exp, len(movable), state.slots - 1
    spaces = [len(caps) for caps in state.free_caps]
    blocked, rivals, roomy, fits = state.blocked, state.rivals, state.roomy, state._fits
    missed, join, leave, counts = state.missed, state.join, state.leave, state.count
    fans, wants, shared, no_one = state.fans, state.wants, state.shared, ()
    sums, weight, neighbours = state.sums, state.weight, state.neighbours
    fan_sets = [set(f) for f in fans]

    def arrive(i: int, slot: int, skip: Container[int] = no_one) -> None:
        if missed:
            here, joins, leaves = counts[slot], join[slot], leave[slot]
            for p in fans[i]:
                if p in skip:
                    continue
                old = here[p]
                here[p] = old + 1
                if old == 0:
                    for t in wants[p]:
                        joins[t] += 1
                elif old == 1:
                    for t in wants[p]:
                        leaves[t] += 1
        else:
            row = sums[slot]
            for j, w in neighbours[i]:
                row[j] += w

    def depart(i: int, slot: int, skip: Container[int] = no_one) -> None:
        if missed:
            here, joins, leaves = counts[slot], join[slot], leave[slot]
            for p in fans[i]:
                if p in skip:
                    continue
                old = here[p]
                here[p] = old - 1
                if old == 1:
                    for t in wants[p]:
                        joins[t] -= 1
                elif old == 2:
                    for t in wants[p]:
                        leaves[t] -= 1
        else:
            row = sums[slot]
            for j, w in neighbours[i]:
                row[j] -= w

    for _step in range(steps):
        temperature *= cooling
        i = movable[int(rand() * count)]
        a = slot_of[i]
        if a is None:
            continue
        b = int(rand() * others)
        b = b + 1 if b >= a else b
        partners = members[b]
        if len(partners) < spaces[b] and (not partners or rand() < 0.5):
            # i moves to b if b can host it
            if b in blocked[i]:
                continue
            mine = rivals[i]
            if mine and not mine.isdisjoint(partners):
                continue
            if not roomy[b] and not fits(b, i, None):
                continue
            delta = join[b][i] - leave[a][i] if missed else sums[b][i] - sums[a][i]
            if delta <= 0 or rand() < exp(-delta / temperature):
                members[a].remove(i)
                partners.append(i)
                slot_of[i] = b
                depart(i, a)
                arrive(i, b)
                cost += delta
        elif partners:
            # i and j trade slots
            j = partners[int(rand() * len(partners))]
            if missed:
                delta = join[b][i] - leave[a][i] + join[a][j] - leave[b][j]
                count_a, count_b = counts[a], counts[b]
                for p in shared.get((i, j), no_one):
                    delta -= (count_a[p] == 1) + (count_b[p] == 1)
            else:
                w = weight[i][j]
                sums_a, sums_b = sums[a], sums[b]
                delta = (sums_b[i] - w - sums_a[i]) + (sums_a[j] - w - sums_b[j])
            if delta > 0 and rand() >= exp(-delta / temperature):
                continue
            if b in blocked[i] or a in blocked[j]:
                continue
            staying = members[a]
            if len(partners) > spaces[b] or len(staying) > spaces[a]:
                continue
            mine, theirs = rivals[i], rivals[j]
            if mine and any(k in mine for k in partners if k != j):
                continue
            if theirs and any(k in theirs for k in staying if k != i):
                continue
            if not (roomy[b] or fits(b, i, j)) or not (roomy[a] or fits(a, j, i)):
                continue
            staying.remove(i)
            partners.remove(j)
            partners.append(i)
            staying.append(j)
            slot_of[i], slot_of[j] = b, a
            if missed and (i, j) in shared:
                # whoever wants both keeps one topic in each slot: their counts stay
                of_i, of_j = fan_sets[i], fan_sets[j]
                depart(i, a, of_j)
                depart(j, b, of_i)
                arrive(i, b, of_j)
                arrive(j, a, of_i)
            else:
                depart(i, a)
                depart(j, b)
                arrive(i, b)
                arrive(j, a)
            cost += delta
        if cost < best_cost:
            best_cost, best = cost, list(slot_of)
    # go back to the best assignment seen
    for i in movable:
        if state.slot_of[i] is not None:
            state.remove(i)
    for i in movable:
        if best[i] is not None:
            state.add(i, best[i])  # type: ignore[arg-type]
    return steps


def _cost(state: _State) -> int:
    if state.objective == "missed":
        return sum(k - 1 for row in state.count for k in row if k > 1)
    total = 0
    for s in range(state.slots):
        inside = [i for i, slot in enumerate(state.slot_of) if slot == s]
        for pos, i in enumerate(inside):
            row = state.weight[i]
            total += sum(row[j] for j in inside[pos + 1 :])
    return total


def _spaces(state: _State) -> dict[int, Cell]:
    """Give each slot's topics a free space: the most wanted topic gets the largest room;
    a topic already in a suitable free space of its slot keeps it when that changes nothing."""
    problem = state.problem
    cells: dict[int, Cell] = {}
    everyone = state.fixed_topics + state.topics
    for s in range(state.slots):
        spaces = sorted(
            state.free_spaces[s],
            key=lambda sp: (-(problem.capacities[sp] or UNLIMITED), sp),
        )
        topics = sorted(state.members[s], key=lambda i: (-state.demand[i], everyone[i].id))
        for i, sp in zip(topics, spaces, strict=False):
            cells[everyone[i].id] = (s, sp)
        if all(problem.capacities[sp] is None for sp in spaces):
            _keep_current_spaces(cells, [everyone[i] for i in topics], spaces, s)
    for t in state.fixed_topics:
        cells[t.id] = (t.slot, t.space)  # type: ignore[assignment]
    return cells


def _keep_current_spaces(cells: dict[int, Cell], topics, spaces: list[int], slot: int) -> None:
    """Without capacities any room will do: topics already in this slot keep their room."""
    free, keep = set(spaces), {}
    for t in topics:
        if t.slot == slot and t.space in free:
            keep[t.id] = t.space
            free.discard(t.space)
    rest = sorted(free)
    for t in topics:
        cells[t.id] = (slot, keep[t.id] if t.id in keep else rest.pop(0))


def suggest_agenda(
    problem: AgendaProblem,
    *,
    seed: int = 0,
    steps: int | None = None,
    objective: str = "missed",
) -> Suggestion:
    """The best agenda found for `problem` (see the module's docstring)."""
    if objective not in OBJECTIVES:
        raise ValueError(objective)
    started = time.perf_counter()
    rng = random.Random(seed)
    state = _State(problem, objective)
    unplaced = _construct(state, rng)
    if steps is None:
        steps = STEPS[objective][0] + STEPS[objective][1] * len(state.topics)
    done = _anneal(state, rng, steps)
    # a topic left out at first may fit once the others have moved
    for i in list(unplaced):
        for s in range(state.slots):
            if state.can_host(s, i):
                state.add(i, s)
                unplaced.remove(i)
                break
    cells = _spaces(state)
    everyone = state.fixed_topics + state.topics
    for t in state.kept_outside:
        if t.cell is not None:
            cells[t.id] = t.cell
    slot_of = {t: c[0] for t, c in cells.items()}
    clashes = clash_count(slot_of, problem.interests)
    return Suggestion(
        cells=cells,
        unplaced=[everyone[i].id for i in unplaced],
        clashes=clashes,
        seconds=time.perf_counter() - started,
        steps=done,
        fixed={t.id for t in state.fixed_topics} | {t.id for t in state.kept_outside},
        objective=objective,
        missed=missed_summary(slot_of, problem.interests),
    )
