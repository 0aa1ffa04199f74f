"""How long does another writer wait while a huge notes import runs?

    .venv/bin/python bench/import_lock.py                 # 200,000 notes
    .venv/bin/python bench/import_lock.py --rows 1000000

A CSV of `--rows` notes is imported with `import_csv` in this process while a second process
saves a draft every 20 ms through its own `Event` (what a note-taker's capture does), timing
each save. Printed: the import's time, the time the final copy held the write lock, and the
other writer's worst and median wait.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitation.store import Event, connection  # noqa: E402
from facilitation.store.importing import import_csv  # noqa: E402
from facilitation.store.sample import sample_script  # noqa: E402


def other_writer(path: str, stop, out) -> None:
    waits = []
    with Event.open(path) as event:
        n = 0
        while not stop.is_set():
            start = time.perf_counter()
            event.save_draft(f"bench/{n % 10}", f"draft {n}")
            waits.append(time.perf_counter() - start)
            n += 1
            time.sleep(0.02)
    out.put(waits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.db"
        Event.create(path, sample_script("en"), "", "s.md").close()
        csv_path = Path(folder) / "notes.csv"
        with csv_path.open("w", encoding="utf-8") as fh:
            fh.write("text,table,round\n")
            for i in range(args.rows):
                fh.write(f"note number {i} about housing and transport,{i % 4 + 1},{i % 3 + 1}\n")
        held: list[float] = []
        real_write = connection.write

        def timed_write(conn, **kwargs):  # the time the event file's write lock is held
            manager = real_write(conn, **kwargs)

            class Timed:
                def __enter__(self):
                    self.start = time.perf_counter()
                    return manager.__enter__()

                def __exit__(self, *exc):
                    result = manager.__exit__(*exc)
                    held.append(time.perf_counter() - self.start)
                    return result

            return Timed()

        connection.write = timed_write  # type: ignore[assignment]
        stop, out = mp.Event(), mp.Queue()
        writer = mp.Process(target=other_writer, args=(str(path), stop, out))
        writer.start()
        time.sleep(0.5)
        with Event.open(path) as event:
            start = time.perf_counter()
            count = import_csv(event, csv_path, "notes", keep_duplicates=True)
            took = time.perf_counter() - start
        time.sleep(0.3)
        stop.set()
        waits = out.get()
        writer.join()
        print(f"imported {count} notes in {took:.1f} s")
        print(f"longest hold of the write lock by the import: {max(held):.3f} s")
        print(
            f"other writer: {len(waits)} saves, worst {max(waits) * 1000:.0f} ms,"
            f" median {statistics.median(waits) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
