"""A convener (the reports code): the sessions of the Open Space blocks, and the report form of
one (convener, participants, discussion, recommendations, next steps, resources). Each save is
a new revision of the report; nothing written before is lost. What is typed is kept as a draft
per device and session (the fields as JSON) until it is saved."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from facilitation.i18n import N_
from facilitation.store import Event
from facilitation.store.openspace import REPORT_FIELDS
from facilitation.web import render as r
from facilitation.web.app import db_key, form, require, small_int

FIELD_LABELS = {
    "convener": N_("Convener"),
    "participants": N_("Participants"),
    "key_points": N_("Discussion and key points"),
    "recommendations": N_("Recommendations"),
    "next_steps": N_("Next steps"),
    "resources": N_("Resources"),
}


def topics_data(event: Event) -> dict[str, Any]:
    blocks = [b for b in event.script.blocks if b.is_open_space]
    reported = {rep.topic_id for rep in event.list_reports()}
    return {
        "blocks": [(b, event.list_topics(b.number, include_inactive=False)) for b in blocks],
        "reported": reported,
    }


def draft_key(topic_id: int, device: str) -> str:
    return f"web/report/{topic_id}/{device}"


def report_data(event: Event, topic_id: int, device: str) -> dict[str, Any]:
    topic = event.get_topic(topic_id)
    if topic is None or topic.status != "active":
        raise web.HTTPNotFound()
    report = event.report(topic_id)
    values = {f: getattr(report, f) if report else "" for f in REPORT_FIELDS}
    if not values["convener"]:
        values["convener"] = topic.convener
    draft = event.get_draft(draft_key(topic_id, device))
    if draft is not None:
        try:
            kept = json.loads(draft.text)
        except ValueError:
            kept = {}
        if isinstance(kept, dict):
            values.update({f: str(kept[f]) for f in REPORT_FIELDS if f in kept})
    return {"topic": topic, "values": values, "revision": report.revision if report else 0}


async def list_page(request: web.Request) -> web.StreamResponse:
    require(request, "reports")
    db = request.app[db_key]
    data = await db.read(topics_data, db.reader)
    return r.render(request, "reports.html", data)


def _topic_id(request: web.Request) -> int:
    value = small_int(request.match_info["topic"])
    if value is None:
        raise web.HTTPNotFound()
    return value


async def form_page(request: web.Request) -> web.StreamResponse:
    session = require(request, "reports")
    db = request.app[db_key]
    data = await db.read(report_data, db.reader, _topic_id(request), session.device)
    data.update(labels=FIELD_LABELS, fields=REPORT_FIELDS, saved=request.query.get("saved"))
    return r.render(request, "report.html", data)


def save(event: Event, topic_id: int, values: dict[str, str], author: str, device: str) -> int:
    topic = event.get_topic(topic_id)
    if topic is None or topic.status != "active":
        raise web.HTTPNotFound()
    with event._write():
        revision = event.save_report(topic_id, author=author, **values)
        event.drop_draft(draft_key(topic_id, device))
    return revision


def keep_draft(event: Event, topic_id: int, values: dict[str, str], device: str) -> bool:
    topic = event.get_topic(topic_id)
    if topic is None or topic.status != "active":
        return False
    text = json.dumps(values, ensure_ascii=False) if any(values.values()) else ""
    event.save_draft(draft_key(topic_id, device), text)
    return True


async def post_report(request: web.Request) -> web.StreamResponse:
    session = require(request, "reports")
    db = request.app[db_key]
    topic_id = _topic_id(request)
    data = await form(request)
    values = {f: data.get(f, "") for f in REPORT_FIELDS}
    device = await db.read(db.web_reader.device, session.device)
    author = device.name if device else ""
    await db.write(save, db.writer, topic_id, values, author, session.device)
    raise web.HTTPSeeOther(f"/reports/{topic_id}?saved=1")


async def post_draft(request: web.Request) -> web.StreamResponse:
    session = require(request, "reports")
    db = request.app[db_key]
    topic_id = _topic_id(request)
    data = await form(request)
    values = {f: data.get(f, "") for f in REPORT_FIELDS}
    ok = await db.write(keep_draft, db.writer, topic_id, values, session.device)
    return web.json_response({"ok": ok}, status=200 if ok else 400)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/reports", list_page)
    app.router.add_get("/reports/{topic}", form_page)
    app.router.add_post("/reports/{topic}", post_report)
    app.router.add_post("/reports/{topic}/draft", post_draft)
