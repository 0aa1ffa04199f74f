"""How long a change made in the console takes to show in a separate `facilitation screen`.

    .venv/bin/python bench/console_to_screen.py            # 12 changes
    .venv/bin/python bench/console_to_screen.py --changes 30

The projector runs as its own process in a tmux terminal (80x24), on an event made from the
largest example. This process plays the console: it computes each transition with
`facilitation.run` and writes it with `Event.write_timer` (what the console's keys do), then
polls the projector's terminal (`tmux capture-pane`, every 5 ms) until the change is visible:
a pause shows "Paused", a resume hides it, a step change shows the new step's title on its own line.
Latency = from just before the write to the first capture showing the change; the capture
itself takes a few milliseconds, so the figures are slightly pessimistic. Target: under 1 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LARGEST = ROOT / "sessions" / "cre-capitale-nationale-2010-cafe-et-forum.md"
EXE = Path(sys.executable).parent / "facilitation"


def capture(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
    ).stdout


def wait_for(session: str, seen, timeout: float = 5.0) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if seen(capture(session)):
            return time.perf_counter()
        time.sleep(0.005)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--changes", type=int, default=12)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("this benchmark needs tmux")
    sys.path.insert(0, str(ROOT))
    from facilitation.commands.new import create_event
    from facilitation.run import timer
    from facilitation.run.agenda import planned_durations

    folder = Path(tempfile.mkdtemp(prefix="console-to-screen-"))
    session = f"bench-{uuid.uuid4().hex[:8]}"
    event = create_event(LARGEST, folder / "event.db")
    durations = planned_durations(event.script)
    steps = event.script.flat_steps()
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "80",
            "-y",
            "24",
            f"TERM=xterm-256color exec {EXE} screen {folder / 'event.db'} --lang en",
        ],
        check=True,
    )
    latencies: dict[str, list[float]] = {"pause": [], "resume": [], "next step": []}
    try:
        if wait_for(session, lambda text: "Block 1" in text, timeout=20) is None:
            sys.exit("the projector did not start:\n" + capture(session))

        def write(make) -> float:
            # a random wait first, so the writes do not fall in step with the screen's polling
            time.sleep(random.uniform(0.0, 0.3))
            state = event.read_timer()
            transition = make(state, time.time())
            t0 = time.perf_counter()
            event.write_timer(
                transition.state,
                transition.action,
                detail=transition.detail,
                expect_revision=state.revision,
            )
            return t0

        write(lambda s, now: timer.start(s, now, durations))
        time.sleep(0.5)
        for n in range(args.changes):
            t0 = write(lambda s, now: timer.pause(s, now))
            seen = wait_for(session, lambda text: "Paused" in text)
            latencies["pause"].append((seen or float("nan")) - t0)
            time.sleep(0.2)
            t0 = write(lambda s, now: timer.resume(s, now))
            seen = wait_for(session, lambda text: "Paused" not in text)
            latencies["resume"].append((seen or float("nan")) - t0)
            time.sleep(0.2)
            index = event.read_timer().step_index + 1
            title = steps[index % len(steps)][1].title  # on its own line (not "Next: ...")
            target = index % len(steps)
            t0 = write(lambda s, now, target=target: timer.goto(s, now, durations, target))
            seen = wait_for(
                session,
                lambda text, title=title: any(line.strip() == title for line in text.splitlines()),
            )
            latencies["next step"].append((seen or float("nan")) - t0)
            time.sleep(0.2)
            del n
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        event.close()
        shutil.rmtree(folder, ignore_errors=True)
    print(
        f"console write -> visible on a separate `facilitation screen`, {args.changes} changes each"
    )
    print(f"{'change':<10} {'median':>8} {'max':>8}")
    worst = 0.0
    for name, values in latencies.items():
        worst = max(worst, max(values))
        print(f"{name:<10} {statistics.median(values) * 1000:>6.0f}ms {max(values) * 1000:>6.0f}ms")
    print(f"target: under 1 s: {'met' if worst < 1 else 'NOT met'} (worst {worst * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
