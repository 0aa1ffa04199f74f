"""`facilitation serve` as a browser sees it: a websocket speaking textual-serve's protocol
(JSON ["stdin", data] and ["resize", {...}] from the browser, terminal bytes back).

A wrong code gets nothing of the event (no title, no question, no note written); a table's code
reaches that table's editor, and what is typed there lands in the event file at that table."""

from __future__ import annotations

import asyncio
import codecs
import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from facilitation.store import Event
from facilitation.store.sample import sample_script

ANSI = re.compile(
    r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b."
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """A websocket client that keeps what the terminal showed, as plain text."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.text = ""

    async def send_keys(self, data: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", data]))

    async def wait_for(self, needle: str, timeout: float = 20) -> bool:
        """Read until `needle` appears in the screen text (spaces removed on both sides)."""
        end = time.monotonic() + timeout
        want = needle.replace(" ", "")
        while time.monotonic() < end:
            if want in self.plain():
                return True
            try:
                message = await self.ws.receive(timeout=max(0.05, end - time.monotonic()))
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                self.text += self.decoder.decode(message.data)
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                break
        return want in self.plain()

    def plain(self) -> str:
        return ANSI.sub("", self.text).replace(" ", "")


@pytest.fixture
def served(tmp_path):
    path = tmp_path / "event.db"
    with Event.create(path, sample_script("en"), "sample", "sample.md") as event:
        state = event.read_timer()
        event.write_timer(state.with_(step_index=1), "goto")
        codes = event.table_codes()
    port = free_port()
    root = Path(__file__).resolve().parent.parent
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitation", "serve", str(path), "--port", str(port)],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield path, port, codes
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


async def open_browser(session: aiohttp.ClientSession, port: int) -> Browser:
    ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws?width=100&height=30")
    await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
    return Browser(ws)


@pytest.mark.slow  # a server process and two browser sessions
def test_wrong_code_gets_nothing_right_code_reaches_the_table(served):
    path, port, codes = served

    async def scenario() -> None:
        async with aiohttp.ClientSession() as session:
            page = await session.get(f"http://127.0.0.1:{port}/")
            assert page.status == 200
            assert f"ws://127.0.0.1:{port}/ws" in await page.text()

            wrong = await open_browser(session, port)
            assert await wrong.wait_for("Type the code written on your table's card")
            await wrong.send_keys("ZZZZZ\r")
            assert await wrong.wait_for("This code opens nothing")
            seen = wrong.plain()
            for secret in ("Forum", "Ronde", "Qu'est-ce", "Table1", "Table2", "Tags"):
                assert secret.replace(" ", "") not in seen
            await wrong.ws.close()

            right = await open_browser(session, port)
            assert await right.wait_for("Type the code written on your table's card")
            await right.send_keys(codes[2].lower() + "\r")  # case does not matter
            assert await right.wait_for("Table 2")
            assert await right.wait_for("Ronde 1")
            await right.send_keys("typed in a browser")
            await asyncio.sleep(0.5)
            await right.send_keys("\x13")  # Ctrl+S
            assert await right.wait_for("Note saved")
            await right.ws.close()

    asyncio.run(scenario())
    with Event.open(path) as event:
        notes = event.list_notes()
    assert [(n.table, n.round, n.text, n.origin) for n in notes] == [
        (2, 1, "typed in a browser", "web")
    ]


def test_the_served_command_is_the_restricted_capture(tmp_path):
    from facilitation.tui.capture.server import capture_command

    command = capture_command(tmp_path / "e.db", "fr")
    assert " capture --restricted --lang fr " in command
