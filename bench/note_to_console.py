"""From a note saved by a capture process to its count on the facilitator's console.

    .venv/bin/python bench/note_to_console.py [--notes 40] [--interval 0.3]

Two processes on one event file, at round 1 of the sample café:
- the console (`facilitation.tui.console`, headless through Textual's Pilot), whose capture
  panel is wrapped to record when it shows each new count for table 1;
- a writer saving notes through `NoteWriter.save`, the path the note editor's Ctrl+S takes.
Latency = time the console's panel was given the new count - time `save` returned (both
`time.time()` on the same machine). The panel is painted at the next frame (~16 ms) after it.
The console notices changes by polling `PRAGMA data_version` every 0.25 s (tui/watch.py), so
the expected latency is 0-250 ms plus the refresh.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def console_process(path: str, duration: float, ready, out) -> None:
    from facilitation.store import Event
    from facilitation.tui.console.app import make_console_app
    from facilitation.tui.console.panels import CapturePanel

    seen: list[tuple[int, float]] = []
    original = CapturePanel.show

    def show(self, tables, counts, now):
        count = (counts or {}).get(1, (0, 0))[0]
        if not seen or seen[-1][0] != count:
            seen.append((count, time.time()))
        return original(self, tables, counts, now)

    CapturePanel.show = show

    async def run() -> None:
        event = Event.open(path)
        app = make_console_app(event)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.5)
            ready.set()
            await pilot.pause(duration)
        event.close()

    asyncio.run(run())
    out.put(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=40)
    parser.add_argument("--interval", type=float, default=0.3)
    args = parser.parse_args()

    from facilitation.store import Event
    from facilitation.store.sample import sample_script
    from facilitation.tui.capture.where import NoteWriter, target_at

    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.db"
    with Event.create(path, sample_script(), "bench", "bench.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1), "goto")
    ctx = mp.get_context("spawn")
    ready, out = ctx.Event(), ctx.Queue()
    duration = args.notes * args.interval + 2.0
    console = ctx.Process(target=console_process, args=(str(path), duration, ready, out))
    console.start()
    ready.wait(60)
    event = Event.open(path)
    writer = NoteWriter(event, "bench")
    target = target_at(event.script, 1, "table", 1)
    saved_at: list[float] = []
    for i in range(args.notes):
        writer.save(target, f"note {i}", [])
        saved_at.append(time.time())
        time.sleep(args.interval)
    seen = dict(out.get(timeout=duration + 60))
    console.join()
    event.close()
    latencies = [seen[i + 1] - saved_at[i] for i in range(args.notes) if i + 1 in seen]
    missing = args.notes - len(latencies)
    ms = sorted(1000 * x for x in latencies)
    print(f"notes saved: {args.notes}, one every {args.interval} s; counts seen: {len(ms)}")
    print(
        f"note saved -> count on the console: median {statistics.median(ms):.0f} ms, "
        f"p90 {ms[int(0.9 * (len(ms) - 1))]:.0f} ms, max {ms[-1]:.0f} ms, min {ms[0]:.0f} ms"
    )
    if missing:
        print(f"({missing} counts were never shown on their own: two notes within one poll)")


if __name__ == "__main__":
    main()
