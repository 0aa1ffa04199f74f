"""`facilitation serve` as the facilitator runs it: banner, codes, one Ctrl+C, nothing lost.

That the server loads neither Textual nor Rich is checked with every other headless module, in
a fresh interpreter, by tests/test_import_hygiene.py (facilitation.web and facilitation.commands
among them)."""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import sys
import time

import pytest
from web_support import Browser, form_id, make_event

from facilitation.cli import main
from facilitation.store import Event
from facilitation.web.server import SHUTDOWN_S


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_one_ctrl_c_stops_the_server_quickly_with_every_draft_saved(tmp_path):
    path, codes = make_event(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "facilitation", "serve", str(path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    banner = []
    assert server.stdout is not None
    for line in server.stdout:
        banner.append(line)
        if "Ctrl+C" in line:
            break
    text = "".join(banner)
    assert f"http://127.0.0.1:{port}/" in text and codes.tables[1] in text and codes.room in text
    assert "\u2588" in text or "\u2580" in text  # the room's QR code

    base = f"http://127.0.0.1:{port}"

    async def type_a_draft() -> list[Browser]:
        phones = [Browser(base) for _ in range(5)]
        for n, phone in enumerate(phones):
            await phone.join(codes.tables[1 + n % 3])
            page = (await phone.get("/table"))[1]
            draft = {"form": form_id(page), "block": "1", "round": "1", "text": f"brouillon {n}"}
            assert (await phone.post("/table/draft", draft))[0] == 200
        return phones  # their keep-alive connections stay open

    loop = asyncio.new_event_loop()
    phones = loop.run_until_complete(type_a_draft())
    for garbage in (  # malformed requests: answered or dropped, never a traceback
        b"\x16\x03\x01\x00\x05hello\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
        b"POST /join HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: "
        + base.encode()
        + b"\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 9\r\n\r\n--x\r\nzz\r\n",
    ):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(garbage)
            sock.recv(4096)
    started = time.monotonic()
    server.send_signal(signal.SIGINT)
    out, err = server.communicate(timeout=30)
    took = time.monotonic() - started
    for phone in phones:
        loop.run_until_complete(phone.session.close())
    loop.close()
    assert server.returncode == 0
    # The phones' open keep-alive connections are closed after SHUTDOWN_S (1 s); aiohttp's own
    # default would wait 60 s for them. The bound is far from both, not a bet on a margin.
    assert took < SHUTDOWN_S + 15, took
    assert "Arrêté" in out and err == ""
    assert (tmp_path / "cafe.web.log").exists()
    with Event.open(path) as event:
        assert sorted(d.text for d in event.list_drafts("web/")) == [
            f"brouillon {n}" for n in range(5)
        ]


def test_a_busy_port_is_a_clear_error(tmp_path, capsys):
    path, _codes = make_event(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", str(path), "--port", str(port), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert f"port {port} is already in use" in err and "Traceback" not in err
