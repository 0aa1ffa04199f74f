"""The participants' phones show the dot votes only once the facilitator revealed them, and a
participant who gave their name sees their own sessions."""

from __future__ import annotations

import asyncio

from web_support import Browser, goto, make_event, serving

from facilitation.store import Event
from facilitation.store.results import reveal_results


def test_the_results_page_is_hidden_until_revealed(tmp_path):
    path, codes = make_event(tmp_path, step=8)  # convergence of the Open Space block
    with Event.open(path) as event:
        mobility = event.add_topic(2, "Mobilité active", "Luc", slot=0, space=0)
        gardens = event.add_topic(2, "Jardins partagés", "Béa", slot=1, space=0)
        event.set_votes(2, 5, topic_id=gardens)

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            await phone.join(codes.room)
            await phone.post("/room/name", {"name": "Zoé"})
            await phone.post("/room/dot", {"topic": str(mobility), "delta": "1"})
            page = (await phone.get("/room"))[1]
            assert "Résultats des votes" not in page and "5 gommettes" not in page
            assert "Les résultats s" in page and "dévoile" in page  # the hint
            assert '"revealed": false' in (await phone.get("/api/state"))[1]
            with Event.open(path) as event:
                reveal_results(event, 2, True)
            assert '"revealed": true' in (await phone.get("/api/state"))[1]  # pages follow it
            page = (await phone.get("/room"))[1]
            assert "Résultats des votes" in page
            ranking = page.split('id="results"')[1].split("</section>")[0]
            assert ranking.index("Jardins partagés") < ranking.index("Mobilité active")
            assert "5 gommettes" in ranking and "1 gommette" in ranking
            with Event.open(path) as event:
                goto(event, 5)  # back to the marketplace: the room no longer sees them
            assert "Résultats des votes" not in (await phone.get("/room"))[1]
            with Event.open(path) as event:
                goto(event, 8)
                reveal_results(event, 2, False)
            assert "Résultats des votes" not in (await phone.get("/room"))[1]

    asyncio.run(scenario())


def test_a_participant_sees_their_own_sessions_from_their_ticks_and_the_wall(tmp_path):
    path, codes = make_event(tmp_path, step=6)  # Open Space session 1
    with Event.open(path) as event:
        event.add_participant("Émilie Zoé Tremblay")
        mobility = event.add_topic(2, "Mobilité active", "Luc", slot=0, space=0)
        gardens = event.add_topic(2, "Jardins partagés", "Béa", slot=0, space=1)
        housing = event.add_topic(2, "Logement abordable", "Max", slot=1, space=0)
        slots, spaces = event.script.block(2).slots, event.script.block(2).spaces

    async def scenario() -> None:
        async with serving(path) as base, Browser(base) as phone:
            await phone.join(codes.room)
            page = (await phone.get("/room"))[1]
            assert '<option value="Émilie Zoé Tremblay">' in page  # pick your name in the list
            await phone.post("/room/name", {"name": "émilie zoé tremblay"})  # or type it
            assert "Vos ateliers" not in (await phone.get("/room"))[1]  # nothing ticked yet
            for topic in (mobility, gardens, housing):
                await phone.post("/room/interest", {"topic": str(topic), "on": "1"})
            page = (await phone.get("/room"))[1]
            agenda = page.split('id="my-agenda"')[1].split("</section>")[0]
            first, second = agenda.split(f"<dt>{slots[1]}</dt>")
            assert f"<dt>{slots[0]}</dt>" in first
            # two ticked sessions in the first slot: one to attend, the other said missed
            where = {"Mobilité active": spaces[0], "Jardins partagés": spaces[1]}
            attend = "Mobilité active" if "Mobilité active (" in first else "Jardins partagés"
            (other,) = set(where) - {attend}
            assert f"{attend} ({where[attend]})" in first
            assert f"aussi voulu, en même temps : {other}" in first
            assert f"Logement abordable ({spaces[0]})" in second
            with Event.open(path) as event:
                event.place_topic(housing, 1, 1)  # the facilitator moves it: the phone follows
            page = (await phone.get("/room"))[1]
            assert f"Logement abordable ({spaces[1]})" in page.split('id="my-agenda"')[1]

    asyncio.run(scenario())
    with Event.open(path) as event:
        (zoé,) = event.list_participants()  # the row of the list, no second one made
        assert zoé.name == "Émilie Zoé Tremblay"
        assert len(event.list_interests(participant_id=zoé.id)) == 3
