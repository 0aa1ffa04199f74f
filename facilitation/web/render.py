"""Pages: Jinja templates shipped in the package, in the reader's language, and notes shown as
Markdown-lite (emphasis, lists, line breaks; no raw HTML, no links, no images)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web
from markdown_it import MarkdownIt
from markupsafe import Markup

from facilitation.i18n import LANGUAGES, translations

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")
LANG_COOKIE = "lang"
language_key = web.AppKey("language", str)
jinja_key = web.AppKey("jinja", jinja2.Environment)


@dataclass(frozen=True)
class PageTimers:
    """The pages' own timers (seconds), handed to app.js by the <body>'s data attributes."""

    draft_every: float
    state_every: float

    def as_attributes(self) -> dict[str, int]:
        return {
            "draft-ms": max(1, round(self.draft_every * 1000)),
            "state-ms": max(1, round(self.state_every * 1000)),
        }


timers_key = web.AppKey("timers", PageTimers)

_markdown = MarkdownIt("commonmark", {"html": False, "breaks": True}).disable(
    ["image", "link", "autolink", "html_inline", "html_block", "heading", "lheading", "reference"]
)


def markdown_lite(text: str) -> Markup:
    """A note's Markdown as safe HTML (markdown-it escapes everything it does not render)."""
    return Markup(_markdown.render(text))  # noqa: S704 - rendered without raw HTML


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["markdown"] = markdown_lite
    env.filters["clock"] = clock_text
    return env


def clock_text(seconds: float) -> str:
    """12:05 for 725 s, −1:30 for an overrun of 90 s."""
    sign = "\u2212" if seconds < 0 else ""
    seconds = abs(int(round(seconds)))
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"


def request_language(request: web.Request) -> str:
    lang = request.cookies.get(LANG_COOKIE, "")
    return lang if lang in LANGUAGES else request.app[language_key]


def render(
    request: web.Request, template: str, context: dict[str, Any], status: int = 200
) -> web.Response:
    lang = request_language(request)
    catalogue = translations(lang)
    page = request.app[jinja_key].get_template(template)
    html = page.render(
        _=catalogue.gettext,
        ngettext=catalogue.ngettext,
        lang=lang,
        other_lang="en" if lang == "fr" else "fr",
        path=request.path_qs,
        timers=request.app[timers_key].as_attributes(),
        **context,
    )
    return web.Response(text=html, content_type="text/html", charset="utf-8", status=status)
