"""Only `facilitation/tui/` imports Textual: every other package is imported here, with all its
modules, in an interpreter of its own, and must not have loaded `textual` or `rich` (the way
Harlequin tests it). The timer arithmetic must not even load SQLite or the store.

All the checks run in one Python process (PROBES), started once for the module:

- the checks that need a fresh interpreter (the timer arithmetic: nothing but the standard
  library loaded) run first, each in a fork of that process while it has loaded nothing;
- then it loads the standard library and the third-party libraries the packages use
  (PRELOAD), and the packages nearly all others import (CORE: the models and the store, whose
  import every package would pay again), each CORE package checked as the others are, module
  by module, in the process itself;
- then each other package is checked in a fork of that process: it loads Textual or Rich only
  if one of its own modules does, as in an interpreter of its own, without paying each time
  for starting Python and importing pydantic, docx, aiohttp, the models...

Whatever loads Textual or Rich is named, module by module. The probe's own controls (a store
module loads sqlite3; the tui's watch loads textual) run in both kinds of fork."""

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
LOOKED_FOR = ("textual", "rich")

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
# Packages checked in the process itself, after PRELOAD and before the forks (in this order):
# nearly every other package imports them.
CORE = ("facilitation.errors", "facilitation.i18n", "facilitation.models", "facilitation.store")

# (module, what it must not load) checked in a fork of a process that has loaded nothing yet.
FRESH = (
    ("facilitation.run.timer", ("sqlite3", "_sqlite3", "pydantic", "textual")),
    ("facilitation.run.actuals", ("sqlite3", "_sqlite3", "pydantic", "textual")),
    ("facilitation.store", ("sqlite3",)),  # the probe's control: this one does load sqlite3
)
# The probe's control in a fork after PRELOAD and CORE: this module does load Textual.
CONTROL = "facilitation.tui.watch"

PROBES = r"""
import importlib, json, os, pkgutil, sys

def loaded(prefixes):
    return {m.split(".")[0] for m in sys.modules} & set(prefixes)

def probe(name, prefixes):
    # Imports a package and each of its modules: what they loaded (of `prefixes`) that was
    # not loaded before, by module.
    before = loaded(prefixes)
    package = importlib.import_module(name)
    culprits = {}
    if loaded(prefixes) - before:
        culprits[name] = sorted(loaded(prefixes) - before)
    names = [i.name for i in pkgutil.walk_packages(getattr(package, "__path__", []), name + ".")]
    for module in names:
        before = loaded(prefixes)
        importlib.import_module(module)
        new = sorted(loaded(prefixes) - before)
        if new:
            culprits[module] = new
    return {"modules": [name, *names], "culprits": culprits}

def safe_probe(name, prefixes):
    try:
        return probe(name, prefixes)
    except BaseException as exc:
        return {"error": repr(exc)}

def forked(name, prefixes):
    # probe() in a fork of this process: what it finds, as in an interpreter of its own.
    read, write = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        with os.fdopen(write, "w") as out:
            out.write(json.dumps(safe_probe(name, prefixes)))
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as output:
        text = output.read()
    _pid, status = os.waitpid(pid, 0)
    return json.loads(text) if text else {"error": f"wait status {status}"}

task = json.loads(sys.argv[1])
fresh = {name: forked(name, prefixes) for name, prefixes in task["fresh"]}
looked_for = task["looked_for"]
for library in task["preload"]:
    try:
        importlib.import_module(library)
    except ImportError:
        pass
preloaded = sorted(loaded(looked_for))
results = {}
for name in task["core"]:
    results[name] = safe_probe(name, looked_for)
dirty = sorted(loaded(looked_for))
control = forked(task["control"], looked_for)
for name in task["packages"]:
    if name in results:
        continue
    if dirty:  # a fork would not see what its own modules load
        results[name] = {"error": f"not checked: {dirty} loaded before (see the core packages)"}
    else:
        results[name] = forked(name, looked_for)
print(json.dumps({"fresh": fresh, "preloaded": preloaded, "control": control, "results": results}))
"""


@pytest.fixture(scope="module")
def probes() -> dict:
    """What PROBES found (see the module's docstring)."""
    task = {
        "fresh": FRESH,
        "looked_for": LOOKED_FOR,
        "preload": PRELOAD,
        "core": CORE,
        "control": CONTROL,
        "packages": HEADLESS,
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBES, json.dumps(task)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(result.stdout)
    assert found["preloaded"] == [], f"the preloaded libraries load {found['preloaded']}"
    return found


def test_every_headless_package_is_checked():
    assert {"facilitation.store", "facilitation.run", "facilitation.synthesis"} <= set(HEADLESS)
    assert "facilitation.cli" in HEADLESS and "facilitation.tui" not in HEADLESS
    assert set(CORE) <= set(HEADLESS)


@pytest.mark.parametrize("package", HEADLESS)
def test_headless_package_loads_no_textual_nor_rich(package, probes):
    found = probes["results"][package]
    assert "error" not in found, f"{package}: {found['error']}"
    assert found["modules"][0] == package
    assert found["culprits"] == {}, f"these modules load Textual or Rich: {found['culprits']}"


def test_timer_arithmetic_loads_neither_sqlite_nor_the_store(probes):
    for module in ("facilitation.run.timer", "facilitation.run.actuals"):
        assert probes["fresh"][module]["culprits"] == {}


def test_the_probe_sees_what_a_module_loads(probes):
    # In a fork of the fresh process (the timer's check)...
    assert probes["fresh"]["facilitation.store"]["culprits"]["facilitation.store"]
    # ...and in a fork after the preload and the core packages (the packages' check).
    assert "textual" in probes["control"]["culprits"][CONTROL]
