"""The locks of the phones' server, tried the way an intruder would."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from collections.abc import AsyncIterator

import pytest
from web_support import Browser, form_id, make_event, serving

from facilitation.store import Event
from facilitation.store.web_access import failed_attempts
from facilitation.web import pages_notes
from facilitation.web.security import (
    CONNECTIONS_PER_ADDRESS,
    WINDOW_S,
    WRONG_PER_ADDRESS,
    WRONG_TOTAL,
    AttemptLimiter,
    Session,
    Signer,
    host_allowed,
)


def test_a_write_from_another_origin_or_without_one_is_refused(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            await phone.join(codes.tables[1])
            page = (await phone.get("/table"))[1]
            note = {"form": form_id(page), "block": "1", "round": "1", "text": "intrus"}
            phone.origin = "http://evil.example"
            assert (await phone.post("/table/note", note))[0] == 403
            phone.origin = ""
            assert (await phone.post("/table/note", note))[0] == 403
            async with Browser(base, origin="http://127.0.0.1:1") as other:
                assert (await other.post("/join", {"code": codes.tables[1]}))[0] == 403

    asyncio.run(scenario())
    with Event.open(path) as event:
        assert event.list_notes() == []


def test_a_rebinding_host_name_is_refused_on_every_request(tmp_path):
    path, _codes = make_event(tmp_path)
    assert host_allowed("127.0.0.1:8000") and host_allowed("[::1]:8000")
    assert host_allowed("192.168.1.20:8000") and host_allowed("localhost:8000")
    assert not host_allowed("attacker.example:8000") and not host_allowed("")

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            for where in ("/", "/static/app.css", "/api/state"):
                async with phone.session.get(
                    base + where, headers={"Host": "rebind.attacker.example"}
                ) as response:
                    assert response.status == 421

    asyncio.run(scenario())


def test_the_wrong_code_limit_holds_across_reconnects_and_the_facilitator_sees_it(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> None:
        async with serving(path) as base:
            for n in range(WRONG_PER_ADDRESS):
                async with Browser(base) as fresh:  # a new connection and no cookie each time
                    status, _page, _loc = await fresh.post("/join", {"code": f"WRONG{n}"})
                    assert status == 403
            async with Browser(base) as fresh:
                status, page, _loc = await fresh.post("/join", {"code": codes.tables[1]})
                assert status == 429 and "Trop de codes erronés" in page

    asyncio.run(scenario())
    with Event.open(path) as event:
        failed, addresses = failed_attempts(event)
    assert failed == WRONG_PER_ADDRESS + 1 and addresses == 1


def test_the_limits_per_address_and_in_total_over_a_sliding_window():
    now = [1000.0]
    limiter = AttemptLimiter(lambda: now[0])
    for n in range(WRONG_TOTAL - 1):
        assert limiter.blocked(f"10.0.0.{n}") is None
        limiter.failed(f"10.0.0.{n}")
    limiter.failed("10.0.0.200")
    assert limiter.blocked("10.0.0.201") == "room"  # a new address is refused too
    now[0] += WINDOW_S + 1
    assert limiter.blocked("10.0.0.201") is None
    for _ in range(WRONG_PER_ADDRESS):
        limiter.failed("10.0.0.7")
    assert limiter.blocked("10.0.0.7") == "address"
    assert limiter.blocked("10.0.0.8") is None


def test_a_participant_code_cannot_write_notes_and_a_table_not_another_tables(tmp_path):
    path, codes = make_event(tmp_path)
    with Event.open(path) as event:
        other = event.add_note(1, "table deux", round=1, table=2)

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            await phone.join(codes.room)
            note = {"form": "x", "block": "1", "round": "1", "text": "je ne suis pas scribe"}
            status, _text, location = await phone.post("/table/note", note)
            assert status == 303 and location == "/"
            assert (await phone.post("/table/draft", note))[0] == 303
        async with serving(path) as base, Browser(base) as table1:
            await table1.join(codes.tables[1])
            draft = {"block": "1", "round": "1", "note_id": str(other), "text": "pirate"}
            assert (await table1.post("/table/draft", draft))[0] == 400
            assert (await table1.post("/room/dot", {"topic": "1"}))[2] == "/"

    asyncio.run(scenario())
    with Event.open(path) as event:
        assert [n.text for n in event.list_notes()] == ["table deux"]
        assert event.list_drafts() == []


def test_a_forged_or_old_cookie_opens_nothing():
    now = [5000.0]
    signer = Signer(b"k" * 32, lambda: now[0])
    value = signer.dumps(Session("dev", "table", 1, now[0]))
    assert signer.loads(value) == Session("dev", "table", 1, 5000.0)
    body, mac = value.rsplit(".", 1)
    forged = Signer(b"x" * 32).dumps(Session("dev", "table", 2, now[0]))
    assert signer.loads(forged) is None
    assert signer.loads(body + "." + "0" * len(mac)) is None
    now[0] += 4 * 24 * 3600
    assert signer.loads(value) is None


def test_the_cookie_is_httponly_and_samesite(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> str:
        async with (
            serving(path) as base,
            Browser(base) as phone,
            phone.session.post(
                base + "/join",
                data={"code": codes.tables[1]},
                headers={"Origin": base},
                allow_redirects=False,
            ) as response,
        ):
            return response.headers["Set-Cookie"]

    cookie = asyncio.run(scenario())
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


@pytest.mark.slow
def test_ten_megabytes_and_two_hundred_idle_sockets_leave_the_others_served(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> tuple[float, float, float]:
        async with serving(path) as base, Browser(base) as phone:
            await phone.join(codes.tables[1])
            host, port = base.removeprefix("http://").split(":")
            before = _rss_mb()
            form = {"Content-Type": "application/x-www-form-urlencoded"}
            # The form as sent, encoded already (aiohttp's encoding of 10 MB took 0.3 s).
            big = await phone.post("/table/note", b"text=" + b"x" * (10 * 1024 * 1024), **form)
            assert big[0] == 413

            async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: read, then cut
                yield b"text="
                for _ in range(160):
                    yield b"x" * 65536

            chunked = await phone.post("/table/note", chunks(), **form)
            assert chunked[0] == 413 and "trop long" in chunked[1]
            # 200 connections from one address (127.0.0.2) that never send a byte.
            idle = []
            for _ in range(200):
                sock = socket.socket()
                sock.bind(("127.0.0.2", 0))
                sock.setblocking(False)
                with contextlib.suppress(BlockingIOError):
                    sock.connect((host, int(port)))
                idle.append(sock)
            closed: set[socket.socket] = set()

            def look() -> None:
                for sock in idle:
                    if sock in closed:
                        continue
                    try:
                        if sock.recv(1) == b"":
                            closed.add(sock)
                    except BlockingIOError:
                        pass  # still open, within the per-address cap
                    except ConnectionError:
                        closed.add(sock)

            # Until the server has turned away all but the per-address cap (or 10 s).
            deadline = time.monotonic() + 10
            look()
            while len(closed) < 200 - CONNECTIONS_PER_ADDRESS and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
                look()
            started = time.monotonic()  # the others are served with the cap's sockets open
            status, page = await phone.get("/table")
            took = time.monotonic() - started
            assert status == 200 and "Table 1" in page
            look()
            for sock in idle:
                sock.close()
            assert len(closed) >= 200 - CONNECTIONS_PER_ADDRESS
            return before, _rss_mb(), took

    before, after, took = asyncio.run(scenario())
    assert after - before < 60, (before, after)
    assert took < 5  # served at once, not after the idle sockets time out


@pytest.mark.slow
def test_an_idle_connection_is_closed(tmp_path):
    path, _codes = make_event(tmp_path)

    async def scenario() -> float:
        async with serving(path, keepalive=0.05) as base:
            host, port = base.removeprefix("http://").split(":")
            reader, writer = await asyncio.open_connection(host, int(port))
            started = time.monotonic()
            data = await asyncio.wait_for(reader.read(100), timeout=20)
            writer.close()
            assert data == b""  # closed by the server, nothing sent
            return time.monotonic() - started

    assert asyncio.run(scenario()) < 20


def test_an_error_shows_a_plain_page_and_goes_to_the_log(tmp_path, monkeypatch, caplog):
    path, codes = make_event(tmp_path)

    def broken(*args: object) -> None:
        raise RuntimeError("secret local detail")

    monkeypatch.setattr(pages_notes, "page_data", broken)

    async def scenario() -> tuple[int, str]:
        async with serving(path) as base, Browser(base) as phone:
            await phone.join(codes.tables[1])
            return await phone.get("/table")

    with caplog.at_level(logging.ERROR, logger="facilitation.web"):
        status, page = asyncio.run(scenario())
    assert status == 500 and "Un problème est survenu" in page
    assert "Traceback" not in page and "secret local detail" not in page
    assert any("secret local detail" in (r.exc_text or "") for r in caplog.records)


def test_hostile_ids_and_fields_get_a_plain_answer_not_an_error(tmp_path):
    path, codes = make_event(tmp_path)
    huge = "9" * 30

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone, Browser(base) as convener:
            await phone.join(codes.tables[1])
            for fields in (
                {"block": huge, "round": "1", "text": "x"},
                {"block": "1", "round": "1", "note_id": huge, "text": "x"},
                {"block": "١", "round": "1", "text": "x"},  # an Arabic-Indic digit
                {"block": "1", "round": "1", "text": "x", "tags": "pas-un-theme"},
            ):
                status = (await phone.post("/table/note", fields))[0]
                assert status in (303, 400, 403), (fields, status)
            assert (await phone.get(f"/table/note/{huge}"))[0] == 200
            await convener.join(codes.reports)
            assert (await convener.get(f"/reports/{huge}"))[0] == 404

    asyncio.run(scenario())
    with Event.open(path) as event:
        assert event.list_notes() == []


def test_restarting_the_server_gives_no_new_tries(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> int:
        async with serving(path) as base:
            for n in range(WRONG_PER_ADDRESS):
                async with Browser(base) as fresh:
                    await fresh.post("/join", {"code": f"WRONG{n}"})
        async with serving(path) as base, Browser(base) as fresh:  # a new process would too
            return (await fresh.post("/join", {"code": codes.tables[1]}))[0]

    assert asyncio.run(scenario()) == 429
