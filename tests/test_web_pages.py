"""The phones' pages through HTTP: what each role can do, and what lands in the event file."""

from __future__ import annotations

import asyncio

from web_support import Browser, form_id, goto, make_event, serving

from facilitation.store import Event
from facilitation.store.web_access import WebStore


def test_a_note_taker_saves_a_note_once_even_if_the_form_is_sent_twice(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            assert await phone.join(codes.tables[2], "Ana") == "/table"
            status, page = await phone.get("/table")
            assert status == 200 and "Table 2" in page and "Qu'est-ce qui compte?" in page
            form = {
                "form": form_id(page),
                "block": "1",
                "round": "1",
                "text": "Des logements pour les aînés, à Québec 🏠",
                "tags": "housing",
            }
            first = await phone.post("/table/note", form)
            again = await phone.post("/table/note", form)  # a retry on a flaky Wi-Fi
            assert first[0] == again[0] == 303
            status, page = await phone.get(first[2])
            assert "Des logements pour les aînés, à Québec 🏠" in page
            assert "Note enregistrée." in page

    asyncio.run(scenario())
    with Event.open(path) as event:
        notes = event.list_notes(1, 1, 2)
    assert [(n.text, n.tags, n.author, n.origin) for n in notes] == [
        ("Des logements pour les aînés, à Québec 🏠", ["housing"], "Ana", "web")
    ]


def test_two_devices_of_one_table_keep_their_own_drafts(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as one, Browser(base) as two:
            await one.join(codes.tables[1])
            await two.join(codes.tables[1])
            for device, text in ((one, "premier brouillon"), (two, "second brouillon")):
                page = (await device.get("/table"))[1]
                draft = {"form": form_id(page), "block": "1", "round": "1", "text": text}
                assert (await device.post("/table/draft", draft))[0] == 200
            # A phone that slept reloads its page: its own draft is back, not the other's.
            page_one, page_two = (await one.get("/table"))[1], (await two.get("/table"))[1]
            assert "premier brouillon" in page_one and "second brouillon" not in page_one
            assert "second brouillon" in page_two and "premier brouillon" not in page_two

    asyncio.run(scenario())
    with Event.open(path) as event:
        assert sorted(d.text for d in event.list_drafts("web/t1/")) == [
            "premier brouillon",
            "second brouillon",
        ]


def test_a_note_is_edited_by_its_table_only_and_keeps_its_history(tmp_path):
    path, codes = make_event(tmp_path)
    with Event.open(path) as event:
        mine = event.add_note(1, "avant", round=1, table=1)
        other = event.add_note(1, "table deux", round=1, table=2)

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            await phone.join(codes.tables[1])
            status, page = await phone.get(f"/table/note/{mine}")
            assert status == 200 and "avant" in page
            edit = {"form": form_id(page), "block": "1", "round": "1", "note_id": str(mine)}
            assert (await phone.post("/table/note", {**edit, "text": "après"}))[0] == 303
            assert (await phone.get(f"/table/note/{other}"))[0] == 404
            refused = await phone.post("/table/note", {**edit, "note_id": str(other), "text": "x"})
            assert refused[0] == 403

    asyncio.run(scenario())
    with Event.open(path) as event:
        assert [r.text for r in event.note_history(mine)] == ["avant", "après"]
        assert event.get_note(other).text == "table deux"


def test_a_participant_ticks_proposes_and_places_only_the_dots_allowed(tmp_path):
    path, codes = make_event(tmp_path, step=5)  # the marketplace of the Open Space block
    with Event.open(path) as event:
        wall = event.add_topic(2, "Mobilité", "Luc", slot=0, space=0)
        WebStore(event).set_setting("dots", "2")

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            assert await phone.join(codes.room) == "/room"
            assert "Votre nom" in (await phone.get("/room"))[1]
            await phone.post("/room/name", {"name": "Béa"})
            await phone.post("/room/interest", {"topic": str(wall), "on": "1"})
            await phone.post("/room/propose", {"title": "Jardins partagés", "description": ""})
            page = (await phone.get("/room"))[1]
            assert "Jardins partagés" in page and "Pas encore au mur" in page
            with Event.open(path) as event:
                goto(event, 8)  # convergence
            for _ in range(3):
                await phone.post("/room/dot", {"topic": str(wall), "delta": "1"})
            page = (await phone.get("/room"))[1]
            assert "Il vous reste 0 gommette." in page
            assert "●●" in page and "●●●" not in page

    asyncio.run(scenario())
    with Event.open(path) as event:
        topics = {t.title: t for t in event.list_topics(2)}
        assert topics["Jardins partagés"].slot is None  # in the tray until the facilitator
        assert topics["Jardins partagés"].convener == "Béa"
        (béa,) = [p for p in event.list_participants() if p.name == "Béa"]
        assert [i.topic_id for i in event.list_interests(participant_id=béa.id)] == [wall]
        assert [(v.topic_id, v.count) for v in event.list_votes(2)] == [(wall, 2)]


def test_a_convener_files_a_report(tmp_path):
    path, codes = make_event(tmp_path, step=6)
    with Event.open(path) as event:
        topic = event.add_topic(2, "Mobilité", "Luc", slot=0, space=0)

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as laptop:
            assert await laptop.join(codes.reports, "Luc") == "/reports"
            assert "Mobilité" in (await laptop.get("/reports"))[1]
            page = (await laptop.get(f"/reports/{topic}"))[1]
            assert 'value="Luc"' in page  # the convener is filled in from the topic
            report = {
                "convener": "Luc",
                "participants": "Ana, Béa",
                "key_points": "Autobus le soir",
                "recommendations": "Un essai l'été",
                "next_steps": "Écrire à la STQ",
                "resources": "",
            }
            draft = {**report, "key_points": "Autobus le soir, et"}
            assert (await laptop.post(f"/reports/{topic}/draft", draft))[0] == 200
            # The phone slept: the form comes back with what was typed.
            assert "Autobus le soir, et</textarea>" in (await laptop.get(f"/reports/{topic}"))[1]
            assert (await laptop.post(f"/reports/{topic}", report))[0] == 303
            page = (await laptop.get(f"/reports/{topic}?saved=1"))[1]
            assert "Compte rendu enregistré." in page and "Autobus le soir</textarea>" in page

    asyncio.run(scenario())
    with Event.open(path) as event:
        report = event.report(topic)
        assert event.list_drafts("web/report/") == []
    assert (report.key_points, report.next_steps, report.author) == (
        "Autobus le soir",
        "Écrire à la STQ",
        "Luc",
    )


def test_nothing_of_the_event_shows_before_a_code_and_the_language_switches(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            status, page = await phone.get("/")
            assert status == 200 and "Forum régional" not in page
            assert "Entrez votre code" in page or "Code" in page
            assert (await phone.get("/api/state"))[0] == 403
            await phone.get("/lang/en?next=/")
            assert "Join with your code" in (await phone.get("/"))[1]
            # The facilitator's code opens nothing on the phones.
            with Event.open(path) as event:
                code = event.facilitator_code()
            status, page, _loc = await phone.post("/join", {"code": code})
            assert status == 403 and "This code opens nothing" in page

    asyncio.run(scenario())


def test_a_draft_left_in_an_earlier_round_is_offered_back(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            await phone.join(codes.tables[3])
            page = (await phone.get("/table"))[1]
            draft = {"form": form_id(page), "block": "1", "round": "1", "text": "pas fini"}
            await phone.post("/table/draft", draft)
            with Event.open(path) as event:
                goto(event, 2)  # the room moves on to round 2
            page = (await phone.get("/table"))[1]
            assert "Ronde 2" in page and "pas fini" not in page
            assert "pas encore enregistrée dans « Ronde 1 »" in page
            assert 'href="/table?b=1&amp;r=1"' in page
            assert "pas fini" in (await phone.get("/table?b=1&r=1"))[1]

    asyncio.run(scenario())


def test_no_facilitator_function_is_served(tmp_path):
    path, codes = make_event(tmp_path)

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            await phone.join(codes.tables[1])
            for where in ("/run", "/next", "/timer", "/export", "/synthesis", "/api/timer"):
                assert (await phone.get(where))[0] == 404
                assert (await phone.post(where, {"step": "3"}))[0] in (404, 405)

    asyncio.run(scenario())
    with Event.open(path) as event:
        assert event.read_timer().step_index == 1


def test_the_note_page_names_the_tables_theme(tmp_path):
    path, codes = make_event(tmp_path)
    with Event.open(path) as event:
        script = event.script
    script.blocks[0].table_themes = [
        "Autobus du soir",
        "Logement des familles",
        "Cuisine collective",
    ]
    themed = tmp_path / "themed.db"
    with Event.create(themed, script, "s", "s.md") as event:
        codes_of = event.table_codes()
        goto(event, 1)

    async def scenario() -> None:
        async with serving(themed) as base, Browser(base) as phone:
            await phone.join(codes_of[2], "Ana")
            status, page = await phone.get("/table")
            assert status == 200 and "Table 2 — Logement des familles" in page
            assert "Autobus du soir" not in page and "Cuisine collective" not in page

    asyncio.run(scenario())


def test_every_page_tells_its_script_the_servers_timers(tmp_path):
    """app.js keeps drafts and follows the room as often as the server says (3 s and 5 s
    unless started otherwise; test_web_browser checks that the page keeps to them)."""
    path, codes = make_event(tmp_path)

    async def pages(**timers: float) -> list[str]:
        async with serving(path, **timers) as base, Browser(base) as phone:
            join = (await phone.get("/"))[1]
            await phone.join(codes.tables[1])
            return [join, (await phone.get("/table"))[1]]

    for page in asyncio.run(pages()):
        assert '<body data-draft-ms="3000" data-state-ms="5000">' in page
    for page in asyncio.run(pages(draft_every=0.25, state_every=0.05)):
        assert '<body data-draft-ms="250" data-state-ms="50">' in page
