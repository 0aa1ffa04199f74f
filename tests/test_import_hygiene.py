"""Only `facilitation/tui/` imports Textual: every other package is imported here, with all its
modules, in a fresh interpreter, and must not have loaded `textual` or `rich` (the way
Harlequin tests it). The timer arithmetic must not even load SQLite or the store.

The packages' interpreters are forks of one fresh interpreter that has loaded only the
standard library and the third-party libraries the packages use (PRELOAD), itself checked to
have loaded neither Textual nor Rich: each package then loads Textual or Rich only if one of
its own modules does, as in an interpreter of its own, without paying each time for starting
Python and importing pydantic, docx, aiohttp..."""

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


# Libraries of the headless packages (none loads Textual or Rich: checked below; not numpy,
# whose threads would be forked).
PRELOAD = (
    "aiohttp",
    "babel",
    "docx",
    "jinja2",
    "lxml",
    "markdown_it",
    "markupsafe",
    "PIL",
    "platformdirs",
    "pydantic",
    "segno",
    "simplemma",
    "yaml",
    # and standard modules they use
    "argparse",
    "concurrent.futures",
    "csv",
    "difflib",
    "gettext",
    "hashlib",
    "html",
    "ipaddress",
    "secrets",
    "shutil",
    "sqlite3",
    "subprocess",
    "tempfile",
    "urllib.parse",
    "uuid",
    "xml.etree.ElementTree",
    "zipfile",
    "zoneinfo",
)

# Preloads PRELOAD, then PROBE in a fork of itself for each package, one after the other;
# prints, as JSON, what the preload loaded and each package's PROBE result.
FORKED_PROBES = """
import importlib, json, os, sys

prefixes, preload, packages = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
for library in preload:
    try:
        importlib.import_module(library)
    except ImportError:
        pass
preloaded = sorted({m.split(".")[0] for m in sys.modules} & set(prefixes.split(",")))
results = {}
for package in packages:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the package's own interpreter
        os.close(read)
        os.dup2(write, 1)
        sys.argv = ["-c", package, prefixes]
        code = 0
        try:
            exec(PROBE, {"__name__": "__main__"})
        except BaseException as exc:
            print(json.dumps({"error": repr(exc)}))
            code = 1
        sys.stdout.flush()
        os._exit(code)
    os.close(write)
    with os.fdopen(read) as output:
        text = output.read()
    _pid, status = os.waitpid(pid, 0)
    results[package] = json.loads(text) if text else {"error": f"wait status {status}"}
print(json.dumps({"preloaded": preloaded, "results": results}))
"""


@pytest.fixture(scope="module")
def forked_probes() -> dict:
    """PROBE's result for each of HEADLESS, looking for Textual and Rich (FORKED_PROBES)."""
    script = f"PROBE = {PROBE!r}\n{FORKED_PROBES}"
    result = subprocess.run(
        [sys.executable, "-c", script, "textual,rich", ",".join(PRELOAD), *HEADLESS],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(result.stdout)
    assert found["preloaded"] == [], f"the preloaded libraries load {found['preloaded']}"
    return found["results"]


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
def test_headless_package_loads_no_textual_nor_rich(package, forked_probes):
    found = forked_probes[package]
    assert "error" not in found, f"{package} cannot be imported: {found['error']}"
    assert found["modules"][0] == package
    assert found["culprits"] == {}, f"these modules load Textual or Rich: {found['culprits']}"


def test_timer_arithmetic_loads_neither_sqlite_nor_the_store():
    for module in ("facilitation.run.timer", "facilitation.run.actuals"):
        assert probe(module, ("sqlite3", "_sqlite3", "pydantic", "textual"))["culprits"] == {}


def test_the_probe_sees_what_a_module_loads():
    assert probe("facilitation.store", ("sqlite3",))["culprits"]["facilitation.store"]
    culprits = probe("facilitation.tui.watch", ("textual",))["culprits"]
    assert "textual" in culprits["facilitation.tui.watch"]
