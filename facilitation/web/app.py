"""The phones' web server: one aiohttp application for the CLI, the tests and the benchmark.

    db = Db(path); app = make_app(db, language="fr")

Every request passes the guards (Host, Origin on writes, size), errors become a plain page
and a line in the log file (never a traceback on a page or the terminal), and a role's pages
need that role's signed cookie.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from facilitation.i18n import gettext_in
from facilitation.web import render as r
from facilitation.web.db import Db
from facilitation.web.security import (
    COOKIE_MAX_AGE_S,
    COOKIE_NAME,
    AttemptLimiter,
    Session,
    Signer,
    host_allowed,
    origin_allowed,
)

log = logging.getLogger("facilitation.web")

MAX_BODY = 256 * 1024  # a long session report fits ten times; 10 MB is refused at once
MAX_FIELD = 20_000  # characters of one text field
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
HOME = {"table": "/table", "room": "/room", "reports": "/reports"}
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
    " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SAFE_METHODS = ("GET", "HEAD")
# How often a page acts on its own (seconds): it keeps the text being typed on the server, and
# asks for the room's state (step, time left, results revealed) to follow the facilitator.
DRAFT_EVERY_S = 3.0
STATE_EVERY_S = 5.0

db_key = web.AppKey("db", Db)
signer_key = web.AppKey("signer", Signer)
limiter_key = web.AppKey("limiter", AttemptLimiter)


def small_int(value: str | None) -> int | None:
    """A posted id as an int, or None (not digits, or too long for SQLite)."""
    return int(value) if value and value.isascii() and value.isdigit() and len(value) < 16 else None


def plain(request: web.Request, status: int, message: str) -> web.Response:
    return r.render(request, "message.html", {"message": message, "status": status}, status)


@web.middleware
async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    lang = r.request_language(request)
    try:
        return await handler(request)
    except web.HTTPRequestEntityTooLarge:
        return plain(request, 413, gettext_in(lang, "This is too long to send."))
    except web.HTTPNotFound:
        return plain(request, 404, gettext_in(lang, "There is no such page."))
    except web.HTTPMethodNotAllowed:
        return plain(request, 405, gettext_in(lang, "There is no such page."))
    except web.HTTPException:
        raise
    except Exception:
        log.exception("error on %s %s", request.method, request.path)
        return plain(
            request,
            500,
            gettext_in(
                lang,
                "Something went wrong on the server. What you typed is kept: go back and try again.",
            ),
        )


@web.middleware
async def guards(request: web.Request, handler: Handler) -> web.StreamResponse:
    lang = r.request_language(request)
    if not host_allowed(request.headers.get("Host", "")):
        log.warning("refused Host %r from %s", request.headers.get("Host", "")[:80], request.remote)
        return web.Response(status=421, text=gettext_in(lang, "Unknown address."))
    writes = (
        request.method not in SAFE_METHODS
        or "websocket" in request.headers.get("Upgrade", "").lower()
    )
    if writes and not origin_allowed(request.headers.get("Origin"), request.scheme, request.host):
        log.warning("refused Origin %r from %s", request.headers.get("Origin"), request.remote)
        return plain(request, 403, gettext_in(lang, "This page cannot send here."))
    if (request.content_length or 0) > MAX_BODY:
        return plain(request, 413, gettext_in(lang, "This is too long to send."))
    response = await handler(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")  # no-referrer sends Origin: null
    cache = "max-age=86400" if request.path.startswith("/static/") else "no-store"
    response.headers.setdefault("Cache-Control", cache)
    return response


def session_of(request: web.Request) -> Session | None:
    return request.app[signer_key].loads(request.cookies.get(COOKIE_NAME))


def require(request: web.Request, role: str) -> Session:
    """The session of `role`, or a redirect to the code page."""
    session = session_of(request)
    if session is None or session.role != role:
        raise web.HTTPSeeOther("/")
    return session


async def form(request: web.Request) -> dict[str, str]:
    """The posted fields, each cut to MAX_FIELD characters."""
    data = await request.post()
    return {k: str(v)[:MAX_FIELD] for k, v in data.items() if isinstance(v, str)}


def set_session(request: web.Request, response: web.StreamResponse, session: Session) -> None:
    response.set_cookie(
        COOKIE_NAME,
        request.app[signer_key].dumps(session),
        max_age=COOKIE_MAX_AGE_S,
        httponly=True,
        samesite="Strict",
        secure=request.secure,
        path="/",
    )


async def home(request: web.Request) -> web.StreamResponse:
    session = session_of(request)
    if session is not None and session.role in HOME:
        raise web.HTTPSeeOther(HOME[session.role])
    return r.render(request, "join.html", {"code": "", "error": ""})


async def join_link(request: web.Request) -> web.StreamResponse:
    """The address in a QR code: the code is filled in, one tap sends it (a GET never signs
    in: the form is posted, so the Origin check holds)."""
    code = request.match_info["code"][:32]
    return r.render(request, "join.html", {"code": code, "error": ""})


async def join(request: web.Request) -> web.StreamResponse:
    lang = r.request_language(request)
    data = await form(request)
    address = request.remote or ""
    limiter = request.app[limiter_key]
    db = request.app[db_key]
    blocked = limiter.blocked(address)
    if blocked:
        await db.write(db.web_writer.log_attempt, address, False)
        minutes = max(1, limiter.retry_after(address) // 60)
        message = (
            gettext_in(lang, "Too many wrong codes from this device. Try again in {n} min.")
            if blocked == "address"
            else gettext_in(lang, "Too many wrong codes in the room. Try again in {n} min.")
        )
        return r.render(request, "join.html", {"code": "", "error": message.format(n=minutes)}, 429)
    role = await db.read(db.web_reader.resolve_code, data.get("code", "")[:32])
    if role is None:
        limiter.failed(address)
        await db.write(db.web_writer.log_attempt, address, False)
        return r.render(
            request,
            "join.html",
            {
                "code": "",
                "error": gettext_in(lang, "This code opens nothing. Check it and try again."),
            },
            403,
        )
    await db.write(db.web_writer.log_attempt, address, True)
    device = await db.write(db.web_writer.add_device, role[0], role[1], data.get("name", ""))
    response = web.HTTPSeeOther(HOME[role[0]])
    set_session(request, response, Session(device.device, role[0], role[1], time.time()))
    raise response


async def leave(request: web.Request) -> web.StreamResponse:
    response = web.HTTPSeeOther("/")
    response.del_cookie(COOKIE_NAME, path="/")
    raise response


async def switch_language(request: web.Request) -> web.StreamResponse:
    lang = request.match_info["lang"]
    target = request.query.get("next", "/")
    if not target.startswith("/") or target.startswith("//"):
        target = "/"
    response = web.HTTPSeeOther(target)
    if lang in ("fr", "en"):
        response.set_cookie(r.LANG_COOKIE, lang, max_age=COOKIE_MAX_AGE_S, samesite="Lax")
    raise response


async def state(request: web.Request) -> web.StreamResponse:
    """The step and time left, for the page's clock (only for someone with a code)."""
    from facilitation.web.state import room_state

    if session_of(request) is None:
        raise web.HTTPForbidden()
    db = request.app[db_key]
    return web.json_response((await db.read(room_state, db.reader)).as_json())


def make_app(
    db: Db,
    *,
    language: str = "fr",
    clock: Callable[[], float] = time.time,
    draft_every: float = DRAFT_EVERY_S,
    state_every: float = STATE_EVERY_S,
) -> Any:
    """The application; `db` stays open until the caller closes it. `draft_every` and
    `state_every`: the pages' own timers, in seconds (the tests shorten them)."""
    from facilitation.web import pages_notes, pages_reports, pages_room

    app = web.Application(middlewares=[errors, guards], client_max_size=MAX_BODY)
    app[db_key] = db
    app[r.language_key] = language
    app[r.jinja_key] = r.make_environment()
    app[r.timers_key] = r.PageTimers(draft_every, state_every)
    app[signer_key] = Signer(db.web_writer.secret(), clock)
    limiter = AttemptLimiter(clock)
    # Wrong codes of the last minutes count after a restart too.
    for at, address in db.web_reader.recent_failures(clock() - 600):
        limiter.failed(address, at)
    app[limiter_key] = limiter
    app.router.add_get("/", home)
    app.router.add_get("/j/{code}", join_link)
    app.router.add_post("/join", join)
    app.router.add_post("/leave", leave)
    app.router.add_get("/lang/{lang}", switch_language)
    app.router.add_get("/api/state", state)
    pages_notes.add_routes(app)
    pages_room.add_routes(app)
    pages_reports.add_routes(app)
    app.router.add_static("/static/", r.STATIC, append_version=True)
    return app
