"""Benchmark of the seating engine on a fixed set of instances.

    .venv/bin/python bench/seating.py

    .venv/bin/python bench/seating.py --objective distinct --seconds 3

Prints, per instance and objective (distinct, spread and the default, balanced): repeats
(k - 1 per pair meeting k times), their lower bound and the argument that gives it (see
facilitation.seating.quality.lower_bound_parts), the greedy baseline's repeats, mixing
violations (engine / greedy), the most meetings of any pair, the pairs meeting 3 times or
more, the spread (sum of C(k, 2)) and its lower bound, where the plan came from and the time.
"""

from __future__ import annotations

import argparse
import random

from facilitation.seating import Options, Participant, make_plan

# (people, tables, rounds, hosts stay, mix by organisation and sector)
INSTANCES = [
    (32, 4, 4, False, False),
    (100, 5, 4, False, False),
    (96, 8, 5, False, False),
    (15, 3, 7, False, False),
    (33, 4, 4, False, False),
    (47, 5, 4, False, False),
    (61, 6, 5, False, False),
    (137, 6, 4, True, True),
    (200, 5, 5, False, False),
    (200, 6, 5, True, True),  # a test said "under 3 s"; seconds vary with the load
    (64, 8, 5, True, False),
    (100, 20, 5, True, True),
    (200, 40, 5, True, True),
]


def participants(n: int, tables: int, hosts: bool, mix: bool) -> list[Participant]:
    rng = random.Random(n)
    out = []
    for i in range(n):
        org = f"Org {rng.randrange(max(2, n // 4))}" if mix else ""
        sector = f"Sector {rng.randrange(5)}" if mix else ""
        out.append(
            Participant(
                name=f"Person {i}",
                organisation=org,
                sector=sector,
                role="host" if hosts and i < tables else "",
                attributes={"organisation": org, "sector": sector},
            )
        )
    return out


OBJECTIVES = ("distinct", "spread", "balanced")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--objective", choices=OBJECTIVES, action="append")
    parser.add_argument("--seconds", type=float, help="time budget of each plan")
    parser.add_argument("--only", metavar="N/T/R", help="one instance, e.g. 61/6/5")
    args = parser.parse_args()
    print(
        f"{'N/T/R':<10}{'hosts':<6}{'mix':<4}{'objective':<10}{'repeats':>8}{'bound':>7}"
        f"{'from':>9}{'greedy':>7}{'mixing':>7}{'g.mix':>6}{'max':>4}{'3+':>5}{'spread':>7}"
        f"{'bound':>7}  {'method':<13}{'time':>6}"
    )
    for n, tables, rounds, hosts, mix in INSTANCES:
        if args.only and args.only != f"{n}/{tables}/{rounds}":
            continue
        group = participants(n, tables, hosts, mix)
        for objective in args.objective or OBJECTIVES:
            options = Options(
                rounds=rounds,
                tables=tables,
                hosts_stay=hosts,
                mix_by=("organisation", "sector") if mix else (),
                seed=1,
                objective=objective,
                seconds=args.seconds,
            )
            result = make_plan(group, options)
            q = result.quality
            print(
                f"{f'{n}/{tables}/{rounds}':<10}{'yes' if hosts else 'no':<6}"
                f"{'yes' if mix else 'no':<4}{objective:<10}{q.repeats:>8}{result.lower_bound:>7}"
                f"{result.bound_source:>9}{result.greedy.repeats:>7}{q.mixing:>7}"
                f"{result.greedy.mixing:>6}{q.most:>4}{q.at_least(3):>5}{q.spread:>7}"
                f"{result.spread_bound:>7}  {result.method:<13}{result.seconds:>5.2f}s",
                flush=True,
            )


if __name__ == "__main__":
    main()
