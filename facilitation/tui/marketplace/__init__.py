"""Open Space screens: the marketplace (agenda wall), convergence (dot votes) and action
planning, and the `AgendaWall` widget the projector mounts."""

from facilitation.tui.marketplace.actions import ActionsScreen
from facilitation.tui.marketplace.convergence import ConvergenceScreen
from facilitation.tui.marketplace.marketplace import MarketplaceScreen
from facilitation.tui.marketplace.wall_widget import AgendaWall

__all__ = ["ActionsScreen", "AgendaWall", "ConvergenceScreen", "MarketplaceScreen"]
