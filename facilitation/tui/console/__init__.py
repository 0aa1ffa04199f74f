"""The facilitator's console (`facilitation run`)."""

from facilitation.tui.console.app import ConsoleApp, make_console_app

__all__ = ["ConsoleApp", "make_console_app"]
