"""How long does saving a note take, alone and with many writer processes at once?

    .venv/bin/python bench/note_latency.py                  # 1 and 20 writers, FULL sync
    .venv/bin/python bench/note_latency.py --writers 1 8 20 --notes 200 --synchronous NORMAL

Each writer is a separate process with its own `Event`; all start together and each saves
`--notes` notes through `Event.add_note` (one BEGIN IMMEDIATE transaction: the note and its
first revision), timing each call. Two loads:

- paced: each writer saves a note every `--interval` seconds (with jitter). 20 writers at
  0.1 s is 200 notes a second, far more than 20 people typing;
- flat out: each writer saves as fast as it can (the worst case: a queue of 20 on the lock).

Latency = time from calling add_note to its return (committed and synced).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _writer(path: str, n: int, notes: int, interval: float, sync: str, start, out) -> None:
    from facilitation.store import Event, connection

    connection.SYNCHRONOUS = sync
    rng = random.Random(n)
    event = Event.open(path)
    event.add_note(1, "warm-up", round=1, table=1 + n % 8)
    latencies = []
    start.wait()
    next_at = time.perf_counter() + (rng.uniform(0, interval) if interval else 0)
    for i in range(notes):
        if interval:
            pause = next_at - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            next_at += interval * rng.uniform(0.5, 1.5)
        text = f"writer {n} note {i}: " + "du texte " * rng.randint(5, 60)
        t0 = time.perf_counter()
        event.add_note(1, text, round=1, table=1 + n % 8, author=f"w{n}")
        latencies.append(time.perf_counter() - t0)
    event.close()
    out.put(latencies)


def run(writers: int, notes: int, interval: float, sync: str, folder: Path) -> dict:
    from facilitation.store import Event
    from facilitation.store.sample import sample_script

    path = folder / f"bench-{writers}-{interval}-{sync}.db"
    Event.create(path, sample_script(), "bench", "bench.md").close()
    ctx = mp.get_context("spawn")
    start = ctx.Event()
    out = ctx.Queue()
    procs = [
        ctx.Process(target=_writer, args=(str(path), n, notes, interval, sync, start, out))
        for n in range(writers)
    ]
    for proc in procs:
        proc.start()
    time.sleep(0.5 + 0.1 * writers)  # let them import and open
    t0 = time.perf_counter()
    start.set()
    latencies: list[float] = []
    for _ in procs:
        latencies += out.get(timeout=600)
    elapsed = time.perf_counter() - t0
    for proc in procs:
        proc.join()
    with Event.open(path) as event:
        saved = len(event.list_notes())
        ok = event.integrity_check()
    latencies.sort()
    ms = [x * 1000 for x in latencies]
    return {
        "writers": writers,
        "interval": interval,
        "sync": sync,
        "notes": len(ms),
        "median": statistics.median(ms),
        "p99": ms[min(len(ms) - 1, int(len(ms) * 0.99))],
        "max": ms[-1],
        "rate": len(ms) / elapsed,
        "check": saved == len(ms) + writers and ok == "ok",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--notes", type=int, default=100, help="notes per writer")
    parser.add_argument("--interval", type=float, default=0.1, help="paced: seconds per note")
    parser.add_argument("--synchronous", default="FULL", choices=["FULL", "NORMAL"])
    parser.add_argument("--no-flat-out", action="store_true", help="skip the flat-out runs")
    args = parser.parse_args(argv)
    loads = [args.interval] + ([] if args.no_flat_out else [0.0])
    print(f"note save latency, synchronous={args.synchronous}, {mp.cpu_count()} CPUs")
    print(
        f"{'writers':>7} {'load':>14} {'notes':>6} {'median':>9} {'p99':>9} {'max':>9} "
        f"{'notes/s':>8}  all saved"
    )
    with tempfile.TemporaryDirectory(dir=Path(__file__).parent) as tmp:
        for interval in loads:
            for writers in args.writers:
                r = run(writers, args.notes, interval, args.synchronous, Path(tmp))
                load = f"every {interval:g} s" if interval else "flat out"
                print(
                    f"{r['writers']:>7} {load:>14} {r['notes']:>6} {r['median']:>7.2f}ms "
                    f"{r['p99']:>7.2f}ms {r['max']:>7.2f}ms {r['rate']:>8.0f}  "
                    f"{'yes' if r['check'] else 'NO'}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
