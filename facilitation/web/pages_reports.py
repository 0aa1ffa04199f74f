"""A convener (the reports code): the sessions of the Open Space blocks, and the report form of
one (convener, participants, discussion, recommendations, next steps, resources). Each save is
a new revision of the report; nothing written before is lost."""

from __future__ import annotations

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


def report_data(event: Event, topic_id: int) -> dict[str, Any]:
    topic = event.get_topic(topic_id)
    if topic is None or topic.status != "active":
        raise web.HTTPNotFound()
    report = event.report(topic_id)
    values = {f: getattr(report, f) if report else "" for f in REPORT_FIELDS}
    if not values["convener"]:
        values["convener"] = topic.convener
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
    require(request, "reports")
    db = request.app[db_key]
    data = await db.read(report_data, db.reader, _topic_id(request))
    data.update(labels=FIELD_LABELS, fields=REPORT_FIELDS, saved=request.query.get("saved"))
    return r.render(request, "report.html", data)


def save(event: Event, topic_id: int, values: dict[str, str], author: str) -> int:
    topic = event.get_topic(topic_id)
    if topic is None or topic.status != "active":
        raise web.HTTPNotFound()
    return event.save_report(topic_id, author=author, **values)


async def post_report(request: web.Request) -> web.StreamResponse:
    session = require(request, "reports")
    db = request.app[db_key]
    topic_id = _topic_id(request)
    data = await form(request)
    values = {f: data.get(f, "") for f in REPORT_FIELDS}
    device = await db.read(db.web_reader.device, session.device)
    await db.write(save, db.writer, topic_id, values, device.name if device else "")
    raise web.HTTPSeeOther(f"/reports/{topic_id}?saved=1")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/reports", list_page)
    app.router.add_get("/reports/{topic}", form_page)
    app.router.add_post("/reports/{topic}", post_report)
