"""A participant (the room's code): the agenda wall of the Open Space block, interests ticked
per session (they feed `agenda --suggest`), a topic proposed at the marketplace (it lands in
the console's tray, "not yet on the wall", until the facilitator places it), and dots at
convergence. Vote counts are never shown here: the facilitator reveals them on the projector.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from facilitation.i18n import gettext_in
from facilitation.openspace.printing import participant_agenda_lines
from facilitation.openspace.ranking import RankedItem, rank_votes
from facilitation.store import Event
from facilitation.store.web_access import WebStore
from facilitation.web import render as r
from facilitation.web.app import db_key, form, require, small_int
from facilitation.web.security import Session
from facilitation.web.state import open_space_block, room_state

MAX_PROPOSALS = 3  # per device and block


def room_data(
    event: Event, web_store: WebStore, session: Session, lang: str = "fr"
) -> dict[str, Any]:
    state = room_state(event)
    block = open_space_block(event.script, state.step_index)
    device = web_store.device(session.device)
    data: dict[str, Any] = {
        "state": state,
        "block": block,
        "device": device,
        "phase": "",
        "wall": [],
        "tray": [],
        "mine": set(),
        "dots": {},
        "dots_left": 0,
        "results": None,
        "agenda": [],
        "people": [],
    }
    if block is None or device is None:
        return data
    if state.block == block.number:
        data["phase"] = {"topics": "propose", "votes": "vote"}.get(state.capture, "")
    topics = event.list_topics(block.number, include_inactive=False)
    by_place = {(t.slot, t.space): t for t in topics if t.slot is not None}
    data["wall"] = [
        (slot, [(space, by_place.get((i, j))) for j, space in enumerate(block.spaces)])
        for i, slot in enumerate(block.slots)
        if any((i, j) in by_place for j in range(len(block.spaces)))
    ]
    placed = {id(t) for t in by_place.values()}
    data["tray"] = [t for t in topics if id(t) not in placed]
    data["topics"] = topics
    if device.participant_id is not None:
        data["mine"] = {
            i.topic_id for i in event.list_interests(participant_id=device.participant_id)
        }
        # "your sessions": the ticked topics as placed on the wall now, one per slot
        data["agenda"] = participant_agenda_lines(event, block.number, device.participant_id, lang)
    else:  # the name field offers the participant list (a name typed again is matched)
        data["people"] = sorted({p.name for p in event.list_participants()}, key=str.casefold)
    if state.revealed and state.block == block.number:
        data["results"] = revealed_results(event, block.number)
    dots = web_store.my_dots(session.device, block.number)
    data["dots"] = dots
    data["dots_left"] = max(0, web_store.dots_allowed() - sum(dots.values()))
    return data


def revealed_results(event: Event, block: int) -> list[RankedItem]:
    """The block's ranked votes (shown once the facilitator revealed them: RoomState.revealed,
    from the block's convergence on, as on the projector)."""
    votes = event.list_votes(block)
    return rank_votes(votes, event.list_topics(block), include_unvoted=False)


async def room_page(request: web.Request) -> web.StreamResponse:
    session = require(request, "room")
    db = request.app[db_key]
    lang = r.request_language(request)
    data = await db.read(room_data, db.reader, db.web_reader, session, lang)
    data["flash"] = flash_text(lang, request.query.get("m", ""))
    return r.render(request, "room.html", data)


def _topic_of_block(event: Event, session: Session, topic: str) -> tuple[int, int] | None:
    """(block, topic id) of a posted topic of the participants' block, else None."""
    block = open_space_block(event.script, event.read_timer().step_index)
    topic_id = small_int(topic)
    if block is None or topic_id is None:
        return None
    found = event.get_topic(topic_id)
    if found is None or found.block != block.number or found.status != "active":
        return None
    return block.number, found.id


def set_name(event: Event, web_store: WebStore, session: Session, name: str) -> None:
    if name.strip():
        web_store.set_participant(session.device, name)


def tick(event: Event, web_store: WebStore, session: Session, topic: str, on: bool) -> None:
    place = _topic_of_block(event, session, topic)
    device = web_store.device(session.device)
    if place is None or device is None or device.participant_id is None:
        raise web.HTTPBadRequest()
    if on:
        event.add_interest(device.participant_id, place[1])
    else:
        event.remove_interest(device.participant_id, place[1])


def propose(
    event: Event, web_store: WebStore, session: Session, title: str, description: str
) -> str:
    """Post a topic to the tray; returns "" or why not ("closed", "limit", "empty")."""
    state = room_state(event)
    block = open_space_block(event.script, state.step_index)
    device = web_store.device(session.device)
    if block is None or device is None or state.block != block.number:
        return "closed"
    if state.capture != "topics":
        return "closed"
    if not title.strip():
        return "empty"
    key = f"proposals:{session.device}:{block.number}"
    count = int(web_store.setting(key) or 0)
    if count >= MAX_PROPOSALS:
        return "limit"
    with event._write():
        event.add_topic(block.number, title.strip()[:200], device.name, description[:4000])
        web_store.set_setting(key, str(count + 1))
    return ""


def dot(event: Event, web_store: WebStore, session: Session, topic: str, delta: int) -> bool:
    state = room_state(event)
    place = _topic_of_block(event, session, topic)
    if place is None or state.block != place[0] or state.capture != "votes":
        return False
    return web_store.place_dot(session.device, place[0], place[1], delta)


async def post_name(request: web.Request) -> web.StreamResponse:
    session = require(request, "room")
    db = request.app[db_key]
    data = await form(request)
    await db.write(set_name, db.writer, db.web_writer, session, data.get("name", "")[:80])
    raise web.HTTPSeeOther("/room")


async def post_interest(request: web.Request) -> web.StreamResponse:
    session = require(request, "room")
    db = request.app[db_key]
    data = await form(request)
    on = data.get("on") == "1"
    await db.write(tick, db.writer, db.web_writer, session, data.get("topic", ""), on)
    raise web.HTTPSeeOther(f"/room#topic-{data.get('topic', '')}")


async def post_proposal(request: web.Request) -> web.StreamResponse:
    session = require(request, "room")
    db = request.app[db_key]
    data = await form(request)
    why = await db.write(
        propose,
        db.writer,
        db.web_writer,
        session,
        data.get("title", ""),
        data.get("description", ""),
    )
    raise web.HTTPSeeOther(f"/room?m={why or 'proposed'}")


async def post_dot(request: web.Request) -> web.StreamResponse:
    session = require(request, "room")
    db = request.app[db_key]
    data = await form(request)
    delta = -1 if data.get("delta") == "-1" else 1
    ok = await db.write(dot, db.writer, db.web_writer, session, data.get("topic", ""), delta)
    raise web.HTTPSeeOther("/room" if ok else "/room?m=nodot")


def flash_text(lang: str, key: str) -> str:
    """The line shown after a participant's action."""
    texts = {
        "proposed": gettext_in(lang, "Your topic is posted. The facilitator puts it on the wall."),
        "closed": gettext_in(lang, "Topics are proposed at the marketplace only."),
        "limit": gettext_in(lang, "You have proposed as many topics as one person may."),
        "empty": gettext_in(lang, "Give your topic a title."),
        "nodot": gettext_in(lang, "No dot left to place, or voting is not open."),
    }
    return texts.get(key, "")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/room", room_page)
    app.router.add_post("/room/name", post_name)
    app.router.add_post("/room/interest", post_interest)
    app.router.add_post("/room/propose", post_proposal)
    app.router.add_post("/room/dot", post_dot)
