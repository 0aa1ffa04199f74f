"""Key bindings whose descriptions are translated when a screen is built, not at import
(the language is chosen after the modules are imported). Write BINDINGS with `N_()`."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from facilitation.i18n import _


def translate_bindings(node: DOMNode) -> None:
    """Replace `node`'s bindings by copies whose descriptions are in the current language."""
    keys = {
        key: [replace(b, description=_(b.description)) if b.description else b for b in bindings]
        for key, bindings in node._bindings.key_to_bindings.items()
    }
    node._bindings = BindingsMap.from_keys(keys)
