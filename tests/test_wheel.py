"""A wheel built from the repository, installed in a fresh venv, finds its formats and examples."""

import os
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_built_wheel_checks_a_shipped_example(tmp_path):
    dist = tmp_path / "dist"
    # What `python -m build --wheel --no-isolation` does (PEP 517): the build backend named in
    # pyproject.toml builds the wheel, run in the repository; called directly, in one process
    # (the frontend would start a second one to call the backend).
    backend = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]
    assert "backend-path" not in backend  # an in-tree backend would need sys.path set up
    build = "import importlib, sys; importlib.import_module(sys.argv[1]).build_wheel(sys.argv[2])"
    subprocess.run(
        [sys.executable, "-c", build, backend["build-backend"], str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("facilitation-*.whl"))
    env_dir = tmp_path / "venv"
    # The fresh venv reuses this interpreter's installed dependencies (no network needed) but
    # not the repository: the package comes from the wheel alone.
    venv.create(env_dir, with_pip=False, system_site_packages=False)  # this pip installs
    python = env_dir / "bin" / "python"
    # The venv's site-packages, where its python looks (same interpreter, so same layout).
    site = sysconfig.get_path("purelib", vars={"base": str(env_dir), "platbase": str(env_dir)})
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (Path(site) / "deps.pth").write_text("\n".join(deps) + "\n")
    # The venv's own python runs pip (found through deps.pth): one pip process, not two as
    # with `pip --python`; --no-compile: the few modules used are compiled when imported.
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--no-compile"]
        + ["--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = (
        "import facilitation, facilitation.paths as p;"
        "print(facilitation.__file__);"
        "print(sorted(x.name for x in p.formats_dir().glob('*.yaml')));"
        "print(sorted(x.name for x in p.sessions_dir().glob('*.md')));"
        "from facilitation.synthesis.chart import FONT_FILE as f;"
        "print('font', f.is_file(), (f.parent / 'OFL.txt').is_file());"
        "print(p.sessions_dir())"
    )
    shown = subprocess.run(
        [str(python), "-c", code], cwd=outside, env=env, check=True, capture_output=True, text=True
    ).stdout
    assert str(ROOT) not in shown.splitlines()[0]  # imported from the wheel, not the checkout
    assert "world-cafe.yaml" in shown and "open-space.yaml" in shown
    assert "operation-partage-logement.md" in shown
    assert "font True True" in shown  # the chart's font and its licence travel in the wheel
    example = shown.splitlines()[-1]
    result = subprocess.run(
        [str(env_dir / "bin" / "facilitation"), "check", "--lang", "en"]
        + [f"{example}/operation-partage-logement.md"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert ": ok" in result.stdout and "Day 1" in result.stdout
