"""The phones' server under a room's load: simulated phones on loopback, one address each.

    .venv/bin/python bench/serve.py [--clients 150] [--seconds 40]

Starts `facilitation serve` on a free loopback port with an event of as many tables as
clients; each client joins its table by code, then until the end: follows the timer
(GET /api/state every 5 s), keeps a draft every 3 s and saves a note every 10 s. Prints the
server's peak RSS, the save latency (p50/p99, request sent -> redirect received), and the
notes lost (acknowledged but not in the event file) or doubled. Bounded: at most 300 clients
and 120 s.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitation.models import Block, EventInfo, SessionScript, Step  # noqa: E402
from facilitation.store import Event  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_event(path: Path, tables: int) -> dict[int, str]:
    steps = [Step(kind="round", title="Ronde 1", minutes=60, round=1, capture="table")]
    script = SessionScript(
        event=EventInfo(title="Banc d'essai", tables=tables),
        blocks=[Block(number=1, title="Café", format="world-cafe", tables=tables, steps=steps)],
    )
    with Event.create(path, script, "bench", "bench.md") as event:
        codes = event.table_codes()
        state = event.read_timer()
        event.write_timer(
            state.with_(status="running", deadline=time.time() + 3600, started_at=time.time()),
            "started",
        )
    return codes


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


async def phone(
    n: int, base: str, code: str, until: float, latencies: list[float], acked: list[str]
) -> int:
    """One note-taker; returns the number of failed requests."""
    local = (f"127.0.{1 + n // 250}.{1 + n % 250}", 0)
    connector = aiohttp.TCPConnector(local_addr=local, limit=2)
    errors = 0
    headers = {"Origin": base}
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(
        connector=connector, cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=timeout
    ) as session:
        async with session.post(
            base + "/join", data={"code": code}, headers=headers, allow_redirects=False
        ) as response:
            if response.status != 303:
                return 1
        await asyncio.sleep(random.uniform(0, 10))  # phones do not all type in step
        seq, next_state, next_draft, next_save = 0, 0.0, 0.0, time.monotonic() + 10
        form = ""
        while time.monotonic() < until:
            now = time.monotonic()
            try:
                if not form:
                    async with session.get(base + "/table") as response:
                        found = re.search(r'name="form" value="([^"]+)"', await response.text())
                        form = found.group(1) if found else ""
                if now >= next_state:
                    async with session.get(base + "/api/state") as response:
                        await response.read()
                    next_state = now + 5
                text = f"phone {n} note {seq}: des idées, à Québec ☕"
                fields = {"form": form, "block": "1", "round": "1", "text": text}
                if now >= next_save:
                    started = time.perf_counter()
                    async with session.post(
                        base + "/table/note", data=fields, headers=headers, allow_redirects=False
                    ) as response:
                        await response.read()
                        ok = response.status == 303
                    if ok:
                        latencies.append(time.perf_counter() - started)
                        acked.append(text)
                        seq, form = seq + 1, ""
                    else:
                        errors += 1
                    next_save = now + 10
                elif now >= next_draft:
                    async with session.post(
                        base + "/table/draft", data=fields, headers=headers
                    ) as response:
                        await response.read()
                        errors += response.status != 200
                    next_draft = now + 3
            except (TimeoutError, aiohttp.ClientError):
                errors += 1
            await asyncio.sleep(0.2)
    return errors


@dataclass
class Found:
    latencies: list[float]
    acked: list[str]
    errors: int
    peak: float


async def drive(base: str, codes: dict[int, str], seconds: float, pid: int) -> Found:
    latencies: list[float] = []
    acked: list[str] = []
    peak = [0.0]
    until = time.monotonic() + seconds

    async def sample() -> None:
        while time.monotonic() < until + 1:
            peak[0] = max(peak[0], rss_mb(pid))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    results = await asyncio.gather(
        *(phone(i, base, code, until, latencies, acked) for i, code in enumerate(codes.values()))
    )
    await sampler
    return Found(latencies, acked, sum(results), peak[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=150)
    parser.add_argument("--seconds", type=float, default=40.0)
    args = parser.parse_args()
    clients = max(1, min(args.clients, 300))
    seconds = max(5.0, min(args.seconds, 120.0))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        codes = make_event(path, clients)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "facilitation", "serve", str(path), "--port", str(port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None
            for line in server.stdout:
                if "Ctrl+C" in line:
                    break
            base = f"http://127.0.0.1:{port}"
            idle = rss_mb(server.pid)
            found = asyncio.run(drive(base, codes, seconds, server.pid))
        finally:
            server.terminate()
            server.wait(timeout=10)
        with Event.open(path) as event:
            stored = [note.text for note in event.list_notes()]
    latencies = sorted(found.latencies)
    lost = len(set(found.acked) - set(stored))
    doubled = len(stored) - len(set(stored))
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    p99 = latencies[int(0.99 * (len(latencies) - 1))] * 1000 if latencies else float("nan")
    print(f"clients: {clients} (one loopback address each), {seconds:.0f} s")
    print(f"server RSS: {idle:.0f} MB idle, {found.peak:.0f} MB peak (goal <= 300 MB)")
    print(f"notes saved: {len(latencies)}; save latency p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    print(f"lost notes: {lost}; doubled notes: {doubled}; failed requests: {found.errors}")
    return 0 if lost == 0 and doubled == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
