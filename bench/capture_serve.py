"""Memory per browser tab of `facilitation serve` (each tab is one capture process).

    .venv/bin/python bench/capture_serve.py [--tabs 1 5 10]

Starts `facilitation serve` on a free loopback port, opens websockets as browsers do
(textual-serve's protocol), types each table's join code so that every tab reaches its note
editor, then reads /proc (Linux) for the processes the server spawned: RSS (what `top` shows,
counting shared libraries in every process) and PSS (shared pages divided among the processes
sharing them: the fairer "cost of one more tab").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(pid: int) -> list[int]:
    """Every descendant of `pid` (from /proc/*/stat)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def memory_kib(pid: int) -> tuple[int, int, str]:
    """(RSS, PSS, command name) of a process in KiB."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
        name = Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return 0, 0, "?"
    return rss, pss, name


async def open_tabs(port: int, codes: dict[int, str], tabs: int) -> list:
    async def drain(ws) -> None:  # keep reading, as a browser does, or the app blocks writing
        async for _message in ws:
            pass

    session = aiohttp.ClientSession()
    sockets, tasks = [], []
    for _i in range(tabs):
        ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30")
        await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
        sockets.append(ws)
        tasks.append(asyncio.create_task(drain(ws)))
    # Let each app start, then join its table (tables taken in turn).
    await asyncio.sleep(3.0 + 0.3 * tabs)
    for i, ws in enumerate(sockets):
        code = codes[1 + i % len(codes)]
        await ws.send_str(json.dumps(["stdin", code + "\r"]))
    await asyncio.sleep(2.0 + 0.2 * tabs)
    for i, ws in enumerate(sockets):  # proof that every tab reached its editor: one note each
        await ws.send_str(json.dumps(["stdin", f"tab{i}"]))
    await asyncio.sleep(0.5)
    for ws in sockets:
        await ws.send_str(json.dumps(["stdin", "\x13"]))
    await asyncio.sleep(1.0 + 0.1 * tabs)
    return [session, sockets, tasks]


async def close_tabs(handles) -> None:
    session, sockets, tasks = handles
    for ws in sockets:
        await ws.close()
    for task in tasks:
        task.cancel()
    await session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, nargs="+", default=[1, 5, 10])
    args = parser.parse_args()

    from facilitation.store import Event
    from facilitation.store.sample import sample_script

    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.db"
    with Event.create(path, sample_script(tables=10), "bench", "bench.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1), "goto")
        codes = event.table_codes()

    for tabs in args.tabs:
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "facilitation", "serve", str(path), "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(2.0)
        server_rss = memory_kib(server.pid)

        async def measure(tabs=tabs, port=port, pid=server.pid) -> list[tuple[int, int, str]]:
            handles = await open_tabs(port, codes, tabs)
            mem = [memory_kib(child) for child in children(pid)]
            await close_tabs(handles)
            return mem

        with Event.open(path) as event:
            before = len(event.list_notes())
        mem = asyncio.run(measure())
        with Event.open(path) as event:
            joined = len(event.list_notes()) - before
        server.terminate()
        server.wait(timeout=20)
        apps = [m for m in mem if m[2].startswith("python")]
        shells = [m for m in mem if not m[2].startswith("python")]
        rss = sum(m[0] for m in mem) / 1024
        pss = sum(m[1] for m in mem) / 1024
        print(
            f"{tabs:>3} tab(s): {len(apps)} capture processes (+{len(shells)} sh);"
            f" per tab RSS {rss / tabs:.0f} MiB, PSS {pss / tabs:.0f} MiB;"
            f" all tabs RSS {rss:.0f} MiB, PSS {pss:.0f} MiB;"
            f" server itself RSS {server_rss[0] / 1024:.0f} MiB;"
            f" tabs that saved a note: {joined}/{tabs}"
        )


if __name__ == "__main__":
    main()
