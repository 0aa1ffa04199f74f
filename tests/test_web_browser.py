"""Real browsers on the phones' pages: Debian's chromium driven by Playwright at 390×844 (never a
browser Playwright downloads). Every request the pages make is logged: only loopback is asked.

Skipped when /usr/bin/chromium or the playwright package is missing; .ci/run installs both.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pilot_support import screen_text, wait_for
from web_support import goto, make_event, serving

from facilitation.store import Event

CHROMIUM = Path("/usr/bin/chromium")
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


class Phones:
    """One chromium; each `device()` is a new context (its own cookies), at phone size."""

    def __init__(self, browser: Any, base: str) -> None:
        self.browser = browser
        self.base = base
        self.requested: list[str] = []

    async def device(self) -> Any:
        context = await self.browser.new_context(
            viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
        )
        page = await context.new_page()
        page.on("request", lambda request: self.requested.append(request.url))
        return page

    async def join(self, page: Any, code: str, name: str = "") -> None:
        await page.goto(self.base + "/")
        await page.fill("#code", code)
        if name:
            await page.fill("#name", name)
        await page.click("button[type=submit]")


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


async def within_a_second(pilot: Any, condition: Any) -> None:
    took = await wait_for(pilot, condition, seconds=1.0)
    assert condition(), f"not seen within a second ({took:.2f} s)"


def test_a_note_taker_at_390_px_saves_a_note_the_console_counts(tmp_path):
    from facilitation.tui.console.app import make_console_app

    path, codes = make_event(tmp_path)

    async def scenario() -> list[str]:
        async with (
            serving(path) as base,
            playwright_api.async_playwright() as pw,
        ):
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            phones = Phones(browser, base)
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
                saved_at = time.monotonic()
                with Event.open(path) as event:
                    notes = event.list_notes(1, 1, 1)
                assert [(n.text, n.tags) for n in notes] == [(text, ["housing"])]
                await within_a_second(pilot, lambda: table_row(app, 1).split()[1:2] == ["1"])
                assert time.monotonic() - saved_at < 1.5
                assert text in await page.inner_text(".notes")
            console_event.close()
            await browser.close()
            return phones.requested

    only_loopback(asyncio.run(scenario()))


def test_a_second_device_on_the_table_keeps_its_own_draft(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> list[str]:
        async with serving(path) as base, playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            phones = Phones(browser, base)
            one, two = await phones.device(), await phones.device()
            for page in (one, two):
                await phones.join(page, codes.tables[2])
                await page.wait_for_selector("#text")
            await one.fill("#text", "Le téléphone d'Ana 📱")
            await two.fill("#text", "Le portable de Béa 💻")
            for page in (one, two):  # the page keeps the draft on the server by itself
                await page.wait_for_selector("text=Brouillon gardé sur le serveur", timeout=15000)
            await shot(two, "table-draft")
            for page in (one, two):  # a phone that slept and comes back
                await page.reload()
            assert await one.input_value("#text") == "Le téléphone d'Ana 📱"
            assert await two.input_value("#text") == "Le portable de Béa 💻"
            await one.click("#save")
            await one.wait_for_selector("text=Note enregistrée.")
            await two.reload()
            assert await two.input_value("#text") == "Le portable de Béa 💻"
            await browser.close()
            return phones.requested

    only_loopback(asyncio.run(scenario()))
    with Event.open(path) as event:
        assert [n.text for n in event.list_notes(1, 1, 2)] == ["Le téléphone d'Ana 📱"]
        assert [d.text for d in event.list_drafts("web/t2/")] == ["Le portable de Béa 💻"]


def test_a_participant_proposes_ticks_and_votes_and_the_console_follows(tmp_path):
    from facilitation.tui.console.app import make_console_app

    path, codes = make_event(tmp_path, step=5)  # the marketplace
    with Event.open(path) as event:
        mobility = event.add_topic(2, "Mobilité régionale", "Luc", slot=0, space=0)
        event.add_topic(2, "Jardins partagés", "Zoé", slot=0, space=1)

    async def scenario() -> list[str]:
        async with serving(path) as base, playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            phones = Phones(browser, base)
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
                await within_a_second(pilot, lambda: "Vélo d'hiver" in screen_text(app))
                await page.click(f"#topic-{mobility} >> text=Je veux y aller")
                await page.wait_for_selector(f"#topic-{mobility} .toggle.on")
                await within_a_second(pilot, lambda: "Interests (1 person)" in screen_text(app))
                await shot(page, "room-marketplace")
                with Event.open(path) as event:
                    (bea,) = [p for p in event.list_participants() if p.name == "Béa Côté"]
                    mine = [i.topic_id for i in event.list_interests(participant_id=bea.id)]
                    assert mine == [mobility]
                    goto(event, 8)  # convergence: the phone follows the facilitator
                app.pop_screen()
                await pilot.press("v")  # the console's votes
                await page.wait_for_selector("#dots-left", timeout=15000)
                await page.click(f"#topic-{mobility} >> text=+ gommette")
                await page.wait_for_selector("text=Il vous reste 2 gommettes.")
                await shot(page, "room-vote")
                assert not re.search(r"\b1 (vote|voix)", await page.inner_text("main"))

                def counted() -> bool:
                    return any(
                        "Mobilité régionale" in line and re.search(r"\b1\b", line)
                        for line in screen_text(app).splitlines()
                    )

                await within_a_second(pilot, counted)
                assert await page.locator("#results").count() == 0  # hidden until revealed
                await pilot.press("r")  # the facilitator reveals the results
                await page.wait_for_selector("#results", timeout=15000)  # the page follows
                ranking = await page.inner_text("#results")
                assert "Résultats des votes" in ranking and "1 gommette" in ranking
                await shot(page, "room-results")
            console_event.close()
            await browser.close()
            return phones.requested

    only_loopback(asyncio.run(scenario()))
    with Event.open(path) as event:
        assert [(v.topic_id, v.count) for v in event.list_votes(2)] == [(mobility, 1)]
        assert [t.slot for t in event.list_topics(2) if t.title.startswith("Vélo")] == [None]


def test_a_convener_files_a_report_from_a_phone(tmp_path):
    from facilitation.tui.console.app import make_console_app

    path, codes = make_event(tmp_path, step=6)
    with Event.open(path) as event:
        mobility = event.add_topic(2, "Mobilité régionale", "Luc", slot=0, space=0)

    async def scenario() -> list[str]:
        async with serving(path) as base, playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            phones = Phones(browser, base)
            console_event = Event.open(path)
            app = make_console_app(console_event)
            async with app.run_test(size=(140, 45)) as pilot:
                await pilot.press("m")  # the console's marketplace: no report yet
                await within_a_second(pilot, lambda: "Reports filed: 0/1" in screen_text(app))
                page = await phones.device()
                await phones.join(page, codes.reports, "Luc")
                await page.click("text=Mobilité régionale")
                await page.fill("#f-participants", "Ana, Béa, Zoé")
                await page.fill("#f-key_points", "Autobus le soir, covoiturage 🚌")
                await page.fill("#f-next_steps", "Écrire à la société de transport")
                await page.wait_for_selector("text=Brouillon gardé sur le serveur", timeout=15000)
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
                await within_a_second(pilot, lambda: "Reports filed: 1/1" in screen_text(app))
            console_event.close()
            await browser.close()
            return phones.requested

    only_loopback(asyncio.run(scenario()))


def test_the_note_page_follows_the_room_but_never_under_the_typing(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> list[str]:
        async with serving(path) as base, playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            phones = Phones(browser, base)
            page = await phones.device()
            await phones.join(page, codes.tables[3])
            await page.wait_for_selector("h1:has-text('Ronde 1')")
            with Event.open(path) as event:
                goto(event, 2)
            await page.wait_for_selector("h1:has-text('Ronde 2')", timeout=15000)  # followed
            await page.fill("#text", "Une idée de la ronde 2")
            with Event.open(path) as event:
                goto(event, 3)
            # The clock follows at once; the page being typed in stays in its round.
            await page.wait_for_selector("#step-title:has-text('Ronde 3')", timeout=15000)
            assert await page.inner_text("h1") == "Ronde 2"
            await page.click("#save")
            await page.wait_for_selector("text=Note enregistrée.")
            await browser.close()
            return phones.requested

    only_loopback(asyncio.run(scenario()))
    with Event.open(path) as event:
        assert [(n.round, n.text) for n in event.list_notes(1, table=3)] == [
            (2, "Une idée de la ronde 2")
        ]
