"""Real browsers on the phones' pages: Debian's chromium driven by Playwright at 390×844 (never a
browser Playwright downloads). Every request the pages make is logged: only loopback is asked.

One chromium serves the whole module, and its phones too: a phone of a test is a page of its
own context (its own cookies) that an earlier test may have used, given back blank and without
cookies (each test's server is on a port of its own, so nothing else of a site carries over);
opening a new window costs chromium more than most tests. The pages' own timers are shortened
by the server (FAST) where the test waits on them, so that following the room or keeping a
draft takes a few milliseconds; one test keeps the real timers and moves the page's clock.

Skipped when /usr/bin/chromium or the playwright package is missing; .ci/run installs both.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import os
import re
import time
from collections.abc import AsyncIterator, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import pytest
from pilot_support import screen_text, wait_for
from web_support import goto, make_event, serving

from facilitation.store import Event
from facilitation.web.app import DRAFT_EVERY_S, STATE_EVERY_S

CHROMIUM = Path("/usr/bin/chromium")
# The program behind Debian's launcher script, started without it: the script only adds flags
# for a desktop (GPU rasterization, extensions) to what Playwright passes.
PROGRAM = Path("/usr/lib/chromium/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
]
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
SHOTS = os.environ.get("FACILITATION_SCREENSHOTS")  # a folder to keep screenshots in
# A phone's screen draws 2 pixels a CSS pixel; the pages are laid out in CSS pixels either way,
# so chromium draws a quarter of the pixels unless the screenshots are kept.
SCALE = 2 if SHOTS else 1
FAST = {"draft_every": 0.05, "state_every": 0.05}  # the pages' timers, in seconds
# Where the page need not follow the room, it asks for the room's state every 5 s as in the room
# (each look is a request through the browser, the server and the test's Playwright events).
FAST_DRAFTS = {"draft_every": 0.05}
# Beside a console in the same event loop, the page asks four times a second: each of Pilot's
# key presses waits until the loop is quiet (pilot_support.settle), which a page asking twenty
# times a second keeps it from being for seconds.
BESIDE_A_CONSOLE = {"draft_every": 0.05, "state_every": 0.25}
T = TypeVar("T")


class Chromium:
    """The module's one chromium and the event loop it lives in (Playwright's async objects
    belong to the loop that made them): `run` runs a test's scenario in that loop. It keeps the
    pages that earlier tests gave back (`spare`), blank and without cookies."""

    def __init__(self, loop: asyncio.AbstractEventLoop, browser: Any) -> None:
        self.loop = loop
        self.browser = browser
        self.spare: list[Any] = []

    def run(self, scenario: Coroutine[Any, Any, T]) -> T:
        asyncio.set_event_loop(self.loop)
        try:
            return self.loop.run_until_complete(scenario)
        finally:
            asyncio.set_event_loop(None)

    @contextlib.asynccontextmanager
    async def phones(self, base: str) -> AsyncIterator[Phones]:
        """Phones on the server at `base`; given back blank (or closed) when leaving."""
        phones = Phones(self, base)
        try:
            yield phones
        finally:
            await phones.close()

    async def new_phone(self) -> Any:
        """A page in a new context (its own cookies) at phone size."""
        context = await self.browser.new_context(
            viewport=PHONE, device_scale_factor=SCALE, is_mobile=True, has_touch=True
        )
        return await context.new_page()

    async def phones_at_once(self, count: int) -> list[Any]:
        return list(await asyncio.gather(*(self.new_phone() for _ in range(count))))

    async def phone(self) -> Any:
        return self.spare.pop() if self.spare else await self.new_phone()

    async def give_back(self, page: Any) -> None:
        """Blank, and without the cookies of its test; a page that cannot be is closed (the
        next test opens a new one)."""
        try:
            await page.goto("about:blank")
            await page.context.clear_cookies()
            kept = await page.context.cookies()
        except Exception:
            kept = None
        if kept == []:
            self.spare.append(page)
        else:
            await page.context.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Chromium]:
    loop = asyncio.new_event_loop()
    pw = loop.run_until_complete(playwright_api.async_playwright().start())
    try:
        program = PROGRAM if PROGRAM.exists() else CHROMIUM
        browser = loop.run_until_complete(
            pw.chromium.launch(executable_path=str(program), args=ARGS)
        )
        shared = Chromium(loop, browser)
        # The two phones the tests lend at most, opened at once (a context each).
        shared.spare = loop.run_until_complete(shared.phones_at_once(2))
        yield shared
        loop.run_until_complete(browser.close())
    finally:
        loop.run_until_complete(pw.stop())
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()


class Phones:
    """Each `device()` is a page of its own context of the one chromium (its own cookies), at
    phone size. A device with an `init_script` (or a clock) is a new context, closed after."""

    def __init__(self, chromium: Chromium, base: str) -> None:
        self.chromium = chromium
        self.base = base
        self.requested: list[str] = []
        self.lent: list[Any] = []
        self.own: list[Any] = []

    def note(self, request: Any) -> None:
        self.requested.append(request.url)

    async def device(self, init_script: str = "", own: bool = False) -> Any:
        """A phone: a page lent by the module's chromium, or, with an `init_script` or `own`
        (a test that fakes the page's clock: it stays faked), a context of its own, closed
        after the test."""
        if init_script or own:
            page = await self.chromium.new_phone()
            self.own.append(page)
            if init_script:
                await page.context.add_init_script(init_script)
        else:
            page = await self.chromium.phone()
            self.lent.append(page)
        page.on("request", self.note)
        return page

    async def close(self) -> None:
        for page in self.lent:
            page.remove_listener("request", self.note)
        await asyncio.gather(  # all at once: each is a few round trips to chromium
            *(page.context.close() for page in self.own),
            *(self.chromium.give_back(page) for page in self.lent),
        )

    async def join(self, page: Any, code: str, name: str = "") -> None:
        """Through the join form, as typed on the phone."""
        await page.goto(self.base + "/")
        await page.fill("#code", code)
        if name:
            await page.fill("#name", name)
        await page.click("button[type=submit]")

    async def enter(self, page: Any, code: str) -> None:
        """Signed in by what the join form posts, sent from the page's context (its cookies),
        then on the page the form leads to: for the tests whose point comes after the form
        (one navigation, where the form costs chromium two and a page to fill)."""
        signed = await page.context.request.post(
            self.base + "/join", form={"code": code}, headers={"Origin": self.base}, max_redirects=0
        )
        assert signed.status == 303, signed.status
        await page.goto(self.base + signed.headers["location"])


async def shot(page: Any, name: str) -> None:
    if SHOTS:
        await page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def only_loopback(urls: list[str]) -> None:
    assert urls, "the browser made no request at all"
    hosts = {urlsplit(url).hostname for url in urls if not url.startswith(("data:", "about:"))}
    assert hosts == {"127.0.0.1"}, hosts


def table_row(app: Any, table: int) -> str:
    """The console's capture panel line of `table`: "1   1   21:40 (0 s)"."""
    for line in screen_text(app).splitlines():
        if re.match(rf"^\W*{table}\s+\d+\s", line.strip()):
            return line.strip()
    return ""


LOOKS = 4  # the console's looks at the event file (its watcher, "watch-event-file")


async def on_the_next_looks(pilot: Any, ticks: Any, condition: Any) -> None:
    """`condition` shows on the console within its next LOOKS looks at the event file (every
    POLL_SECONDS: a second in the room): it follows the phones at once, counted in its own
    looks rather than in seconds that a loaded machine stretches."""
    before = ticks["watch-event-file"]
    await wait_for(pilot, condition, seconds=30.0)
    looks = ticks["watch-event-file"] - before
    assert condition(), f"not seen after {looks} looks at the file"
    assert looks <= LOOKS, f"seen only after {looks} looks at the file"


def draft_holding(*texts: str) -> Any:
    """A predicate on responses: the answer to a draft the page sent with all of `texts`."""

    def holding(response: Any) -> bool:
        request = response.request
        if request.method != "POST" or not request.url.endswith("/draft"):
            return False
        sent = [value for values in parse_qs(request.post_data or "").values() for value in values]
        return all(text in sent for text in texts)

    return holding


async def next_polls(page: Any, count: int) -> None:
    """Until the page has asked for the room's state `count` more times."""
    for _ in range(count):
        await page.wait_for_event(
            "requestfinished", lambda request: urlsplit(request.url).path == "/api/state"
        )


def test_a_note_taker_at_390_px_saves_a_note_the_console_counts(tmp_path, chromium, timer_ticks):
    from facilitation.tui.console.app import make_console_app

    path, codes = make_event(tmp_path)

    async def scenario() -> list[str]:
        async with serving(path, **FAST_DRAFTS) as base, chromium.phones(base) as phones:
            console_event = Event.open(path)
            app = make_console_app(console_event)
            async with app.run_test(size=(120, 40)) as pilot:
                page = await phones.device()
                await phones.join(page, codes.tables[1], "Ana")
                await page.wait_for_selector("#text")
                assert await page.evaluate("document.documentElement.scrollWidth") <= 390
                text = "Élan collectif à Québec ☕🎉 — « oui »"
                await page.fill("#text", text)
                await page.click("text=Logement abordable")
                await shot(page, "table-typing")
                await page.click("#save")
                await page.wait_for_selector("text=Note enregistrée.")
                await shot(page, "table-saved")
                with Event.open(path) as event:
                    notes = event.list_notes(1, 1, 1)
                assert [(n.text, n.tags) for n in notes] == [(text, ["housing"])]
                await on_the_next_looks(
                    pilot, timer_ticks, lambda: table_row(app, 1).split()[1:2] == ["1"]
                )
                assert text in await page.inner_text(".notes")
            console_event.close()
            return phones.requested

    only_loopback(chromium.run(scenario()))


def test_a_second_device_on_the_table_keeps_its_own_draft(tmp_path, chromium):
    path, codes = make_event(tmp_path)

    async def scenario() -> list[str]:
        async with serving(path, **FAST_DRAFTS) as base, chromium.phones(base) as phones:
            one, two = await asyncio.gather(phones.device(), phones.device())

            async def ready(page: Any) -> None:
                await phones.enter(page, codes.tables[2])
                await page.wait_for_selector("#text")

            await asyncio.gather(ready(one), ready(two))  # both phones at once, as in the room
            await one.fill("#text", "Le téléphone d'Ana 📱")
            await two.fill("#text", "Le portable de Béa 💻")
            await asyncio.gather(  # the page keeps the draft on the server by itself
                *(
                    page.wait_for_selector("text=Brouillon gardé sur le serveur")
                    for page in (one, two)
                )
            )
            await shot(two, "table-draft")
            await asyncio.gather(one.reload(), two.reload())  # phones that slept and come back
            assert await one.input_value("#text") == "Le téléphone d'Ana 📱"
            assert await two.input_value("#text") == "Le portable de Béa 💻"
            await one.click("#save")
            await one.wait_for_selector("text=Note enregistrée.")
            await two.reload()
            assert await two.input_value("#text") == "Le portable de Béa 💻"
            return phones.requested

    only_loopback(chromium.run(scenario()))
    with Event.open(path) as event:
        assert [n.text for n in event.list_notes(1, 1, 2)] == ["Le téléphone d'Ana 📱"]
        assert [d.text for d in event.list_drafts("web/t2/")] == ["Le portable de Béa 💻"]


def test_a_participant_proposes_ticks_and_votes_and_the_console_follows(
    tmp_path, chromium, timer_ticks
):
    from facilitation.tui.console.app import make_console_app

    path, codes = make_event(tmp_path, step=5)  # the marketplace
    with Event.open(path) as event:
        mobility = event.add_topic(2, "Mobilité régionale", "Luc", slot=0, space=0)
        event.add_topic(2, "Jardins partagés", "Zoé", slot=0, space=1)

    async def scenario() -> list[str]:
        async with serving(path, **BESIDE_A_CONSOLE) as base, chromium.phones(base) as phones:
            console_event = Event.open(path)
            app = make_console_app(console_event)
            async with app.run_test(size=(140, 45)) as pilot:
                await pilot.press("m")  # the console's marketplace and agenda wall
                page = await phones.device()
                await phones.join(page, codes.room)
                await page.fill("#pname", "Béa Côté")
                await page.click("text=Continuer")
                await page.fill("#title", "Vélo d'hiver ❄️")
                await page.click("text=Le proposer")
                await page.wait_for_selector("text=Votre sujet est proposé.")
                await on_the_next_looks(
                    pilot, timer_ticks, lambda: "Vélo d'hiver" in screen_text(app)
                )
                await page.click(f"#topic-{mobility} >> text=Je veux y aller")
                await page.wait_for_selector(f"#topic-{mobility} .toggle.on")
                await on_the_next_looks(
                    pilot, timer_ticks, lambda: "Interests (1 person)" in screen_text(app)
                )
                await shot(page, "room-marketplace")
                with Event.open(path) as event:
                    (bea,) = [p for p in event.list_participants() if p.name == "Béa Côté"]
                    mine = [i.topic_id for i in event.list_interests(participant_id=bea.id)]
                    assert mine == [mobility]
                    goto(event, 8)  # convergence: the phone follows the facilitator
                app.pop_screen()
                await pilot.press("v")  # the console's votes
                await page.wait_for_selector("#dots-left")
                await page.click(f"#topic-{mobility} >> text=+ gommette")
                await page.wait_for_selector("text=Il vous reste 2 gommettes.")
                await shot(page, "room-vote")
                assert not re.search(r"\b1 (vote|voix)", await page.inner_text("main"))

                def counted() -> bool:
                    return any(
                        "Mobilité régionale" in line and re.search(r"\b1\b", line)
                        for line in screen_text(app).splitlines()
                    )

                await on_the_next_looks(pilot, timer_ticks, counted)
                assert await page.locator("#results").count() == 0  # hidden until revealed
                await pilot.press("r")  # the facilitator reveals the results
                await page.wait_for_selector("#results")  # the page follows
                ranking = await page.inner_text("#results")
                assert "Résultats des votes" in ranking and "1 gommette" in ranking
                await shot(page, "room-results")
            console_event.close()
            return phones.requested

    only_loopback(chromium.run(scenario()))
    with Event.open(path) as event:
        assert [(v.topic_id, v.count) for v in event.list_votes(2)] == [(mobility, 1)]
        assert [t.slot for t in event.list_topics(2) if t.title.startswith("Vélo")] == [None]


def test_a_convener_files_a_report_from_a_phone(tmp_path, chromium):
    """What the synthesis reads is in the event file as soon as it is saved (the console's
    marketplace counting a report filed in the file: test_console_room.py)."""
    path, codes = make_event(tmp_path, step=6)
    with Event.open(path) as event:
        mobility = event.add_topic(2, "Mobilité régionale", "Luc", slot=0, space=0)

    async def scenario() -> list[str]:
        async with serving(path, **FAST_DRAFTS) as base, chromium.phones(base) as phones:
            page = await phones.device()
            await phones.join(page, codes.reports, "Luc")
            await page.click("text=Mobilité régionale")
            typed = ("Ana, Béa, Zoé", "Autobus le soir, covoiturage 🚌")
            typed += ("Écrire à la société de transport",)
            # The page keeps what is typed every few milliseconds here: wait for the draft
            # holding all three fields, not the first one kept.
            async with page.expect_response(draft_holding(*typed)) as kept:
                await page.fill("#f-participants", typed[0])
                await page.fill("#f-key_points", typed[1])
                await page.fill("#f-next_steps", typed[2])
            assert (await kept.value).ok
            await page.wait_for_selector("text=Brouillon gardé sur le serveur")
            with Event.open(path) as event:
                assert event.report(mobility) is None  # a draft, not a report yet
            await page.reload()  # the phone slept: the report typed so far is back
            assert await page.input_value("#f-key_points") == "Autobus le soir, covoiturage 🚌"
            await shot(page, "report-form")
            await page.click("text=Enregistrer le rapport")
            await page.wait_for_selector("text=Compte rendu enregistré.")
            with Event.open(path) as event:  # what the synthesis reads, as soon as it is saved
                report = event.report(mobility)
            assert report is not None
            assert report.key_points == "Autobus le soir, covoiturage 🚌"
            assert (report.convener, report.participants) == ("Luc", "Ana, Béa, Zoé")
            assert report.next_steps == "Écrire à la société de transport"
            return phones.requested

    only_loopback(chromium.run(scenario()))


# How many times the step's title on the page is rewritten from now on.
WATCH_TITLE = """
window.titleChanges = 0;
new MutationObserver((changes) => { window.titleChanges += changes.length; }).observe(
  document.getElementById("step-title"), { childList: true, characterData: true, subtree: true }
);
"""


def test_the_note_page_follows_the_room_but_never_under_the_typing(tmp_path, chromium):
    path, codes = make_event(tmp_path)

    async def scenario() -> list[str]:
        async with serving(path, **FAST) as base, chromium.phones(base) as phones:
            page = await phones.device()
            await phones.enter(page, codes.tables[3])
            await page.wait_for_selector("h1:has-text('Ronde 1')")
            with Event.open(path) as event:
                goto(event, 2)
            await page.wait_for_selector("h1:has-text('Ronde 2')")  # followed
            await page.fill("#text", "Une idée de la ronde 2")
            loads: list[str] = []

            def loaded(page: Any) -> None:
                loads.append(page.url)

            page.on("load", loaded)
            with Event.open(path) as event:
                goto(event, 3)
            # The clock follows at once; the page being typed in stays in its round, however
            # many times it looks at the room again.
            await page.wait_for_selector("#step-title:has-text('Ronde 3')")
            await page.evaluate(WATCH_TITLE)
            await next_polls(page, 3)
            assert await page.evaluate("window.titleChanges") == 0  # the same step: not redrawn
            assert await page.inner_text("h1") == "Ronde 2"
            assert await page.input_value("#text") == "Une idée de la ronde 2"
            assert loads == []
            page.remove_listener("load", loaded)
            await page.click("#save")
            await page.wait_for_selector("text=Note enregistrée.")
            return phones.requested

    only_loopback(chromium.run(scenario()))
    with Event.open(path) as event:
        assert [(n.round, n.text) for n in event.list_notes(1, table=3)] == [
            (2, "Une idée de la ronde 2")
        ]


# Every fetch() the page makes, in order, noted as it is called (the page's clock is fake).
FETCHES = """
window.fetched = [];
const realFetch = window.fetch;
window.fetch = function (url, options) {
  window.fetched.push(new URL(String(url), location.href).pathname);
  return realFetch.call(this, url, options);
};
"""


def test_with_the_real_timers_the_page_keeps_drafts_every_3_s_and_looks_every_5_s(
    tmp_path, chromium
):
    """The server's real timers reach the page: the page's clock is moved by hand."""
    assert (DRAFT_EVERY_S, STATE_EVERY_S) == (3.0, 5.0)
    path, codes = make_event(tmp_path)

    async def scenario() -> list[str]:
        async with serving(path) as base, chromium.phones(base) as phones:
            page = await phones.device(FETCHES)
            start = datetime.datetime.now(datetime.UTC)
            await page.clock.install(time=start)
            await page.clock.pause_at(start + datetime.timedelta(seconds=1))
            await phones.enter(page, codes.tables[1])
            await page.wait_for_selector("h1:has-text('Ronde 1')")
            with Event.open(path) as event:
                goto(event, 2)
            await page.clock.run_for(4900)
            assert await page.evaluate("window.fetched") == []
            assert await page.inner_text("h1") == "Ronde 1"
            await page.clock.run_for(100)  # 5 s: the page asks, and follows the room
            await page.wait_for_selector("h1:has-text('Ronde 2')")
            await page.fill("#text", "Une idée")
            await page.clock.run_for(2900)
            assert "/table/draft" not in await page.evaluate("window.fetched")
            await page.clock.run_for(100)  # 3 s: the draft is sent
            assert await page.evaluate("window.fetched") == ["/table/draft"]
            await page.wait_for_selector("text=Brouillon gardé sur le serveur")
            return phones.requested

    only_loopback(chromium.run(scenario()))
    with Event.open(path) as event:
        assert [d.text for d in event.list_drafts("web/t1/")] == ["Une idée"]


def test_a_paused_clock_still_says_paused_after_the_page_ticks_and_looks(tmp_path, chromium):
    """The server writes "en pause 7:30"; the page's own clock, which redraws the time every
    second and after each look at the room, kept the time and dropped the word."""
    path, codes = make_event(tmp_path)

    def set_timer(status: str) -> None:
        with Event.open(path) as event:
            state = event.read_timer()
            if status == "paused":
                state = state.with_(status="paused", remaining=450.0, deadline=None)
            else:
                state = state.with_(status="running", remaining=None, deadline=time.time() + 450)
            event.write_timer(state, "paused" if status == "paused" else "resumed")

    set_timer("paused")

    async def scenario() -> list[str]:
        async with serving(path) as base, chromium.phones(base) as phones:
            page = await phones.device(own=True)  # its clock is faked for good
            start = datetime.datetime.now(datetime.UTC)
            await page.clock.install(time=start)
            await page.clock.pause_at(start + datetime.timedelta(seconds=1))
            await phones.enter(page, codes.tables[1])
            assert await page.inner_text("#time-left") == "en pause 7:30"  # the server's
            await page.clock.run_for(3000)  # the page's clock redraws it three times
            assert await page.inner_text("#time-left") == "en pause 7:30"
            set_timer("running")
            await page.clock.run_for(5000)  # a look at the room: it runs again
            await page.wait_for_selector("#time-left:text-matches('^[0-9]')")
            set_timer("paused")
            await page.clock.run_for(5000)  # the next look: paused, and said so
            await page.wait_for_selector("#time-left:text-is('en pause 7:30')")
            return phones.requested

    only_loopback(chromium.run(scenario()))
