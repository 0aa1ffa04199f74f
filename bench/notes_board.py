"""The notes board (`h` on the console) in a busy room: how long one refresh takes (what
happens each time a note-taker saves) with many notes, and how long a search takes.

    .venv/bin/python bench/notes_board.py              # 12 tables x 40 notes per round, 3 rounds
    .venv/bin/python bench/notes_board.py --notes 100

Headless (Textual's Pilot), fake clock; prints the median and the worst of 20 refreshes.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.tui.console import make_console_app
from facilitation.tui.console.notes_board import NotesBoardScreen
from facilitation.tui.messages import EventFileChanged


async def measure(notes_per_table: int, tables: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        script = sample_script("fr", tables=tables)
        with Event.create(Path(folder) / "b.db", script, "", "b.md") as event:
            for round_no in (1, 2, 3):
                for table in range(1, tables + 1):
                    for n in range(notes_per_table):
                        event.add_note(
                            1,
                            f"Idée {n} de la table {table} sur le **logement** et le transport",
                            round=round_no,
                            table=table,
                            author="Ana",
                        )
            event.write_timer(event.read_timer().with_(step_index=4), "goto")  # the harvest
            app = make_console_app(event, watch=False)
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.press("h")
                await pilot.pause()
                board = app.screen
                assert isinstance(board, NotesBoardScreen)
                times = []
                for _ in range(20):
                    start = time.perf_counter()
                    board.refresh_board()
                    await pilot.pause()
                    times.append(time.perf_counter() - start)
                idle = []
                for _ in range(20):  # the file changed, but not its notes (a draft, the timer)
                    start = time.perf_counter()
                    board.on_event_file_changed(EventFileChanged())
                    idle.append(time.perf_counter() - start)
                start = time.perf_counter()
                await pilot.press("slash", *"logement", "enter")
                await pilot.pause()
                search = time.perf_counter() - start
    total = notes_per_table * tables * 3
    print(f"{total} notes ({tables} tables x {notes_per_table} notes x 3 rounds)")
    print(
        f"refresh (a note saved): median {statistics.median(times) * 1000:.0f} ms, "
        f"worst {max(times) * 1000:.0f} ms"
    )
    print(f"a change that is not a note (a draft): median {statistics.median(idle) * 1000:.2f} ms")
    print(f"search typed (8 keys and Enter): {search * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=40, help="notes per table and round")
    parser.add_argument("--tables", type=int, default=12)
    args = parser.parse_args()
    asyncio.run(measure(args.notes, args.tables))


if __name__ == "__main__":
    main()
