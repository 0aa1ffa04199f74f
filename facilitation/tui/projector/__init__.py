"""The projector view (`facilitation screen`)."""

from facilitation.tui.projector.app import ProjectorApp, agenda_wall_due, make_projector_app

__all__ = ["ProjectorApp", "agenda_wall_due", "make_projector_app"]
