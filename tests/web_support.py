"""Helpers of the phones' server tests: an event at round 1, the server on a free loopback port,
and a client that sends the Origin a browser would."""

from __future__ import annotations

import atexit
import contextlib
import re
import shutil
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from facilitation.store import Event
from facilitation.store.sample import sample_script
from facilitation.store.web_access import WebStore
from facilitation.web.db import Db
from facilitation.web.server import start


@dataclass
class Codes:
    tables: dict[int, str]
    room: str
    reports: str


_MADE: dict[str, Path] = {}


def _made_once(language: str) -> Path:
    """The sample event of `language` with its codes, made once per test process (a new event
    file syncs the disk a dozen times): each test gets a copy of its own."""
    if language not in _MADE:
        folder = Path(tempfile.mkdtemp(prefix="web-event-"))
        atexit.register(shutil.rmtree, folder, True)
        path = folder / "cafe.db"
        with Event.create(path, sample_script(language, tables=3), "s", "s.md") as event:
            event.table_codes()
            WebStore(event).role_code("room")
            WebStore(event).role_code("reports")
        assert not Path(f"{path}-wal").exists()  # all in the one file once closed
        _MADE[language] = path
    return _MADE[language]


def make_event(tmp_path: Path, *, step: int = 1, language: str = "fr") -> tuple[Path, Codes]:
    """An event (sample script, 3 tables) whose timer runs step `step` (1: Ronde 1)."""
    path = tmp_path / "cafe.db"
    shutil.copyfile(_made_once(language), path)
    with Event.open(path) as event:
        codes = Codes(
            event.table_codes(),
            WebStore(event).role_code("room"),
            WebStore(event).role_code("reports"),
        )
        goto(event, step)
    return path, codes


def goto(event: Event, step: int, minutes: float = 10) -> None:
    state = event.read_timer()
    event.write_timer(
        state.with_(step_index=step, status="running", deadline=time.time() + minutes * 60),
        "goto",
    )


@contextlib.asynccontextmanager
async def serving(path: Path, *, keepalive: float = 15.0, **timers: float) -> AsyncIterator[str]:
    """The server on 127.0.0.1 and a free port; yields its base URL (no trailing slash).
    `timers`: the pages' own (draft_every, state_every), real ones unless given."""
    db = Db(path)
    runner, _cap = await start(db, "127.0.0.1", 0, "fr", keepalive=keepalive, **timers)
    try:
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()
        db.close()


class Browser:
    """One device: its own cookies, and the Origin header its pages would send."""

    def __init__(self, base: str, origin: str | None = None) -> None:
        self.base = base
        self.origin = base if origin is None else origin
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def __aenter__(self) -> Browser:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.session.close()

    async def get(self, path: str) -> tuple[int, str]:
        async with self.session.get(self.base + path) as response:
            return response.status, await response.text()

    async def post(self, path: str, data: object, **headers: str) -> tuple[int, str, str]:
        """(status, text, Location) of a form post; redirects are not followed."""
        sent = {"Origin": self.origin, **headers} if self.origin else headers
        async with self.session.post(
            self.base + path, data=data, headers=sent, allow_redirects=False
        ) as response:
            return response.status, await response.text(), response.headers.get("Location", "")

    async def join(self, code: str, name: str = "") -> str:
        status, _text, location = await self.post("/join", {"code": code, "name": name})
        assert status == 303, status
        return location


def form_id(page: str) -> str:
    found = re.search(r'name="form" value="([^"]+)"', page)
    assert found, "no note form on the page"
    return found.group(1)
