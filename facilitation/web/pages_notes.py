"""A table's note-taker: the round's question and time left, the note form with the codebook's
tags, the table's notes of the round (to edit), and a draft kept on the server per device.

A form names its place (block, round): a note typed during round 1 and sent after the room
moved on still goes to round 1. Each note form has a one-time id, so sending it twice (a retry
on a flaky Wi-Fi, a reload) makes one note.
"""

from __future__ import annotations

import secrets
from typing import Any

from aiohttp import web

from facilitation.errors import UserError
from facilitation.i18n import gettext_in
from facilitation.store import Event
from facilitation.store.web_access import WebStore
from facilitation.tui.capture.where import Target, parse_draft_key
from facilitation.web import render as r
from facilitation.web.app import MAX_FIELD, db_key, require, small_int
from facilitation.web.security import Session
from facilitation.web.state import place_target, room_state, table_target


def draft_key(table: int, device: str, block: int, round_: int | None, note_id: int | None) -> str:
    """One draft per device, place and note: two phones on one table never share one."""
    which = f"n{note_id}" if note_id else "new"
    return f"web/t{table}/{device}/b{block}/r{round_ or 0}/{which}"


def _place(event: Event, table: int, block: str, round_: str) -> Target | None:
    """The target named by a form or a link, or None if it names no table round."""
    try:
        number, round_no = small_int(block), small_int(round_)
        if number is None or round_no is None:
            return None
        return place_target(event.script, table, number, round_no or None)
    except ValueError:
        return None


def page_data(
    event: Event, session: Session, block: str | None, round_: str | None, note_id: int | None
) -> dict[str, Any]:
    """Everything the note page shows, read in one go on the reading thread."""
    table = session.table or 0
    target = (
        _place(event, table, block, round_ or "0") if block is not None else None
    ) or table_target(event, table)
    data: dict[str, Any] = {
        "table": table,
        "state": room_state(event),
        "themes": event.script.event.codebook,
        "labels": {theme.id: theme.label for theme in event.script.event.codebook},
        "target": target,
        "note": None,
        "notes": [],
        "others": [],
        "theme": "",
    }
    if target is None:
        return data
    data["theme"] = event.script.block(target.block).table_theme(table)
    text, tags = "", []
    if note_id is not None:
        note = event.get_note(note_id)
        if note is None or note.table != table or note.kind != "table" or note.deleted:
            raise web.HTTPNotFound()
        data["note"] = note
        text, tags = note.text, note.tags
    draft = event.get_draft(draft_key(table, session.device, target.block, target.round, note_id))
    if draft is not None:
        text, tags = draft.text, draft.tags
    data.update(text=text, tags=tags, form_id=secrets.token_urlsafe(12))
    data["notes"] = event.list_notes(target.block, target.round, table, "table")
    prefix = f"web/t{table}/{session.device}/"
    for other in event.list_drafts(prefix):
        place = parse_draft_key(other.key)
        if place and (place[0], place[1]) != (target.block, target.round) and place[2] is None:
            data["others"].append(_place(event, table, str(place[0]), str(place[1] or 0)))
    data["others"] = [t for t in data["others"] if t is not None]
    return data


async def table_page(request: web.Request) -> web.StreamResponse:
    session = require(request, "table")
    db = request.app[db_key]
    note_id = request.match_info.get("note")
    data = await db.read(
        page_data,
        db.reader,
        session,
        request.query.get("b"),
        request.query.get("r"),
        small_int(note_id),
    )
    data["saved"] = request.query.get("saved") == "1"
    data["error"] = ""
    return r.render(request, "table.html", data)


def save_note(
    event: Event, web_store: WebStore, session: Session, fields: dict[str, str], tags: list[str]
) -> tuple[Target, int]:
    """Save the posted note (new, or a new revision of the table's note); returns its place
    and id. UserError (translated) for an empty text or an unknown tag."""
    table = session.table or 0
    target = _place(event, table, fields.get("block", ""), fields.get("round", "0"))
    if target is None:
        raise web.HTTPBadRequest()
    text = fields.get("text", "").strip()
    note_id = small_int(fields.get("note_id"))
    if fields.get("note_id") and note_id is None:
        raise web.HTTPBadRequest()
    form_id = fields.get("form", "")[:40]
    if not text:
        raise UserError("empty")
    if note_id is not None:
        note = event.get_note(note_id)
        if note is None or note.table != table or note.kind != "table":
            raise web.HTTPForbidden()
        event.edit_note(note_id, text, tags=tags, author=_author(web_store, session))
        event.drop_draft(draft_key(table, session.device, target.block, target.round, note_id))
        return target, note_id
    known = web_store.note_of_form(form_id) if form_id else None
    if known is not None:  # this very form was saved already
        return target, known
    with event._write():
        note_id = event.add_note(
            target.block,
            text,
            round=target.round,
            table=table,
            kind="table",
            author=_author(web_store, session),
            tags=tags,
            origin="web",
        )
        if form_id:
            web_store.remember_form(form_id, note_id)
        event.drop_draft(draft_key(table, session.device, target.block, target.round, None))
    return target, note_id


def _author(web_store: WebStore, session: Session) -> str:
    device = web_store.device(session.device)
    return device.name if device else ""


async def post_note(request: web.Request) -> web.StreamResponse:
    session = require(request, "table")
    lang = r.request_language(request)
    db = request.app[db_key]
    posted = await request.post()
    fields = {k: str(v)[:MAX_FIELD] for k, v in posted.items() if isinstance(v, str)}
    tags = [str(t)[:80] for t in posted.getall("tags", [])][:50]
    try:
        target, _note = await db.write(save_note, db.writer, db.web_writer, session, fields, tags)
    except UserError as exc:
        data = await db.read(
            page_data, db.reader, session, fields.get("block"), fields.get("round"), None
        )
        message = str(exc)
        if message == "empty":
            message = gettext_in(lang, "The note is empty: type something first.")
        data.update(text=fields.get("text", ""), tags=tags, saved=False, error=message)
        data["form_id"] = fields.get("form", data.get("form_id", ""))
        return r.render(request, "table.html", data, 400)
    raise web.HTTPSeeOther(f"/table?b={target.block}&r={target.round or 0}&saved=1")


def keep_draft(
    event: Event, web_store: WebStore, session: Session, fields: dict[str, str], tags: list[str]
) -> bool:
    """Keep the text being typed; a draft arriving after its form was saved is dropped (it
    would bring the saved note back into the form)."""
    table = session.table or 0
    form_id = fields.get("form", "")[:40]
    if form_id and web_store.note_of_form(form_id) is not None:
        return True
    target = _place(event, table, fields.get("block", ""), fields.get("round", "0"))
    if target is None:
        return False
    note_id = small_int(fields.get("note_id"))
    if fields.get("note_id") and note_id is None:
        return False
    if note_id is not None:
        note = event.get_note(note_id)
        if note is None or note.table != table:
            return False
    key = draft_key(table, session.device, target.block, target.round, note_id)
    event.save_draft(key, fields.get("text", ""), note_id, tags)
    return True


async def post_draft(request: web.Request) -> web.StreamResponse:
    session = require(request, "table")
    db = request.app[db_key]
    posted = await request.post()
    fields = {k: str(v)[:MAX_FIELD] for k, v in posted.items() if isinstance(v, str)}
    tags = [str(t)[:80] for t in posted.getall("tags", [])][:50]
    ok = await db.write(keep_draft, db.writer, db.web_writer, session, fields, tags)
    return web.json_response({"ok": ok}, status=200 if ok else 400)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/table", table_page)
    app.router.add_get("/table/note/{note}", table_page)
    app.router.add_post("/table/note", post_note)
    app.router.add_post("/table/draft", post_draft)
