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
            with Event.open(path) as event:
                reveal_results(event, 2, True)
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
