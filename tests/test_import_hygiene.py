"""Only `facilitation/tui/` imports Textual: every other package is imported here, with all its
modules, in a fresh interpreter, and must not have loaded `textual` or `rich` (the way
Harlequin tests it). The timer arithmetic must not even load SQLite or the store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import facilitation

PACKAGE = Path(facilitation.__file__).parent
HEADLESS = sorted(
    f"facilitation.{path.stem if path.is_file() else path.name}"
    for path in PACKAGE.iterdir()
    if path.name not in ("tui", "__init__.py", "__main__.py", "__pycache__", "_data")
    and (path.suffix == ".py" or (path / "__init__.py").is_file())
)

# Imports a package and each of its modules; prints, as JSON, what got loaded and by which module.
PROBE = """
import importlib, json, pkgutil, sys

def loaded(prefixes):
    return sorted({m.split(".")[0] for m in sys.modules} & set(prefixes))

name, prefixes = sys.argv[1], sys.argv[2].split(",")
package = importlib.import_module(name)
culprits = {}
if loaded(prefixes):
    culprits[name] = loaded(prefixes)
names = [info.name for info in pkgutil.walk_packages(getattr(package, "__path__", []), name + ".")]
for module in names:
    before = set(loaded(prefixes))
    importlib.import_module(module)
    new = sorted(set(loaded(prefixes)) - before)
    if new:
        culprits[module] = new
print(json.dumps({"modules": [name, *names], "culprits": culprits}))
"""


def probe(package: str, prefixes: tuple[str, ...]) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, package, ",".join(prefixes)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_every_headless_package_is_checked():
    assert {"facilitation.store", "facilitation.run", "facilitation.synthesis"} <= set(HEADLESS)
    assert "facilitation.cli" in HEADLESS and "facilitation.tui" not in HEADLESS


@pytest.mark.parametrize("package", HEADLESS)
def test_headless_package_loads_no_textual_nor_rich(package):
    found = probe(package, ("textual", "rich"))
    assert found["modules"][0] == package
    assert found["culprits"] == {}, f"these modules load Textual or Rich: {found['culprits']}"


def test_timer_arithmetic_loads_neither_sqlite_nor_the_store():
    for module in ("facilitation.run.timer", "facilitation.run.actuals"):
        assert probe(module, ("sqlite3", "_sqlite3", "pydantic", "textual"))["culprits"] == {}


def test_the_probe_sees_what_a_module_loads():
    assert probe("facilitation.store", ("sqlite3",))["culprits"]["facilitation.store"]
    culprits = probe("facilitation.tui.watch", ("textual",))["culprits"]
    assert "textual" in culprits["facilitation.tui.watch"]
