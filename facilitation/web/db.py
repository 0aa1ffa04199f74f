"""The event file seen from the async server: SQLite calls run in threads, never on the loop.

One connection (and one thread) writes, so saves queue in order instead of fighting for the
lock; another reads, so a page is never held up behind a slow fsync (WAL lets both run).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from facilitation.store import Event
from facilitation.store.web_access import WebStore

T = TypeVar("T")


class Db:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.writer = Event.open(path)
        self.reader = Event.open(path)
        self.web_writer = WebStore(self.writer)
        self.web_reader = WebStore(self.reader)
        self._write_pool = ThreadPoolExecutor(1, thread_name_prefix="web-write")
        self._read_pool = ThreadPoolExecutor(1, thread_name_prefix="web-read")

    async def write(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._write_pool, functools.partial(fn, *args, **kwargs))

    async def read(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._read_pool, functools.partial(fn, *args, **kwargs))

    def close(self) -> None:
        """Finish what was queued (every save already received), then close the files."""
        self._write_pool.shutdown(wait=True)
        self._read_pool.shutdown(wait=True, cancel_futures=True)
        self.writer.close()
        self.reader.close()
