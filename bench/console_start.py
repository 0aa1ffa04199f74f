"""Cold start to first frame: the facilitator's console on the largest example versus a minimal
Textual app, measured side by side on this machine.

    .venv/bin/python bench/console_start.py            # 7 runs of each, interleaved
    .venv/bin/python bench/console_start.py --runs 15

Each run is a fresh Python process (imports included, as when the facilitator types
`facilitation run`), running the app headless; the time is from just before the process is
spawned to the app's first refresh after mounting (its first frame). The children get their
bytecode cached (in a temporary PYTHONPYCACHEPREFIX, warmed by one untimed run of each variant)
as an installed package has, even where PYTHONDONTWRITEBYTECODE is set: otherwise the console
would be timed compiling its own modules from source at every start while Textual, the minimal
app's only code, comes precompiled from site-packages. Three variants:

- minimal: an App with one Static (the floor: Python + Textual);
- console (event): `run EVENT.db` on the event made from the largest example script;
- console (script): `run SCRIPT.md` on a copy of that script (parses it, creates the event).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LARGEST = ROOT / "sessions" / "cre-capitale-nationale-2010-cafe-et-forum.md"


def child(kind: str, target: str, t0: float) -> None:
    """Run in the spawned process: start the app, print the seconds to its first frame."""
    from textual.app import App

    def report(app: App) -> None:
        print(f"{time.time() - t0:.4f}", flush=True)
        app.exit()

    if kind == "minimal":
        from textual.widgets import Static

        class Minimal(App):
            def compose(self):
                yield Static("Hello")

            def on_mount(self) -> None:
                self.call_after_refresh(report, self)

        Minimal().run(headless=True, size=(100, 30))
        return
    sys.path.insert(0, str(ROOT))
    from facilitation.commands.run import open_event
    from facilitation.i18n import set_language
    from facilitation.tui.console import make_console_app

    event, _what = open_event(Path(target), None)
    set_language(event.language)
    app = make_console_app(event)
    app.call_after_refresh(report, app)  # queued before the app starts: after its first frame
    app.run(headless=True, size=(100, 30))
    event.close()


def measure(kind: str, target: str, env: dict[str, str]) -> float:
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, target, repr(t0)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], float(args.child[2]))
        return
    folder = Path(tempfile.mkdtemp(prefix="console-start-"))
    try:
        sys.path.insert(0, str(ROOT))
        from facilitation.commands.new import create_event

        event_path = folder / "event.db"
        create_event(LARGEST, event_path).close()
        results: dict[str, list[float]] = {
            "minimal": [],
            "console (event)": [],
            "console (script)": [],
        }
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        # untimed: warm the OS file cache and the bytecode cache for everyone alike
        shutil.copy(LARGEST, folder / "warm.md")
        measure("minimal", "-", env)
        measure("console", str(event_path), env)
        measure("console", str(folder / "warm.md"), env)
        for run in range(args.runs):
            script_copy = folder / f"script{run}.md"
            shutil.copy(LARGEST, script_copy)
            results["minimal"].append(measure("minimal", "-", env))
            results["console (event)"].append(measure("console", str(event_path), env))
            results["console (script)"].append(measure("console", str(script_copy), env))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    floor = statistics.median(results["minimal"])
    print(f"cold start to first frame, {args.runs} runs each, {LARGEST.name}")
    print(f"{'variant':<18} {'median':>8} {'min':>8} {'max':>8} {'x minimal':>10}")
    for name, times in results.items():
        median = statistics.median(times)
        print(
            f"{name:<18} {median * 1000:>6.0f}ms {min(times) * 1000:>6.0f}ms "
            f"{max(times) * 1000:>6.0f}ms {median / floor:>9.2f}x"
        )
    ratio = statistics.median(results["console (event)"]) / floor
    print(
        f"target: console under 2x the minimal app: {'met' if ratio < 2 else 'NOT met'} ({ratio:.2f}x)"
    )


if __name__ == "__main__":
    main()
