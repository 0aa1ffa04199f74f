"""The quality of a plan in words: what was optimised, how often pairs meet, and how close
each objective is to its lower bound. Shared by `facilitation seat` and whoever shows a plan."""

from __future__ import annotations

from facilitation.i18n import _, ngettext
from facilitation.seating.model import PlanResult


def objective_label(name: str) -> str:
    labels = {
        "balanced": _("fewest meetings for the most-repeated pair, then spread"),
        "spread": _("spread repeats over many pairs (sum of C(k, 2))"),
        "distinct": _("meet as many different people as possible (k − 1 per pair)"),
    }
    return labels.get(name, name)


def distribution_text(histogram: dict[int, int]) -> str:
    """ "2 times: 251, 3 times: 11" — pairs meeting more than once, by how often."""
    parts = [
        ngettext("{k} time: {pairs}", "{k} times: {pairs}", k).format(k=k, pairs=count)
        for k, count in sorted(histogram.items())
        if k > 1 and count
    ]
    return ", ".join(parts) if parts else _("none")


def quality_lines(result: PlanResult) -> list[str]:
    quality = result.quality
    return [
        _("objective: {name} ({label})").format(
            name=result.objective, label=objective_label(result.objective)
        ),
        _("pairs meeting more than once: {distribution}").format(
            distribution=distribution_text(quality.histogram)
        ),
        _("most meetings of one pair: {most} (lower bound: {bound})").format(
            most=quality.most, bound=result.most_bound
        ),
        _("repeated pairs: {repeats} (lower bound: {bound}; greedy baseline: {greedy})").format(
            repeats=quality.repeats, bound=result.lower_bound, greedy=result.greedy.repeats
        ),
        _("spread, sum of C(k, 2): {spread} (lower bound: {bound})").format(
            spread=quality.spread, bound=result.spread_bound
        ),
    ]
