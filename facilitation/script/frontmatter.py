"""The front matter of a script: the event's facts, in English or French keys."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from facilitation.errors import UserError
from facilitation.i18n import _, current_language
from facilitation.models import EventInfo, Theme
from facilitation.script import yamlmeta
from facilitation.script.values import parse_count, parse_date, parse_time, slug
from facilitation.textmatch import fold

KEYS = {
    "title": ("title", "titre"),
    "organiser": ("organiser", "organisateur", "organizer", "organisatrice", "organisme"),
    "dates": ("dates", "dates", "date"),
    "place": ("place", "lieu", "location", "endroit"),
    "language": ("language", "langue", "lang"),
    "purpose": ("purpose", "but", "objectif", "question", "theme", "intention"),
    "tables": ("tables", "tables", "nombre de tables"),
    "start": ("start", "début", "debut", "heure de debut"),
    "end": ("end", "fin", "heure de fin"),
    "codebook": ("codebook", "grille", "grille d analyse", "thèmes", "codes", "etiquettes", "tags"),
    "next_meeting": ("next meeting", "prochaine rencontre", "next steps", "suites", "la suite"),
    "contact": ("contact", "contact", "personne ressource", "pour nous joindre"),
}
_KEY_OF = {fold(alias): key for key, aliases in KEYS.items() for alias in aliases}

LANGUAGE_NAMES = {
    "fr": "fr", "fr ca": "fr", "francais": "fr", "french": "fr",
    "en": "en", "en ca": "en", "anglais": "en", "english": "en",
}  # fmt: skip


def key_names(keys: dict[str, tuple[str, ...]]) -> list[str]:
    """The names of the settings as a user of the current language writes them."""
    french = current_language() == "fr"
    return [aliases[1] if french and len(aliases) > 1 else aliases[0] for aliases in keys.values()]


def split_front_matter(text: str) -> tuple[str | None, int, str, int]:
    """(front matter text or None, its first line, the body, the body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, 0, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), 2, "\n".join(lines[index + 1 :]), index + 2
    return "\n".join(lines[1:]), 2, "", len(lines) + 1


def _scalar(node: yamlmeta.Node, field: str) -> str:
    value = yamlmeta.text_of(node)
    if value is None:
        raise ValueError(_("'{field}' must be a single value").format(field=field))
    return value.strip()


def _codebook(node: yamlmeta.Node, problems: list[UserError], path) -> list[Theme]:
    if not isinstance(node.value, list):
        problems.append(
            UserError(_("the codebook must be a list of themes (- ...)"), path=path, line=node.line)
        )
        return []
    themes: list[Theme] = []
    for item in node.value:
        label = description = ident = ""
        if isinstance(item.value, str):
            label = item.value.strip()
        elif isinstance(item.value, dict):
            fields = {fold(k): yamlmeta.text_of(v) or "" for k, (_kn, v) in item.value.items()}
            label = (
                fields.get("label") or fields.get("libelle") or fields.get("nom") or ""
            ).strip()
            ident = (fields.get("id") or fields.get("code") or "").strip()
            description = fields.get("description", "").strip()
        if not label:
            problems.append(
                UserError(_("a codebook theme has no label"), path=path, line=item.line)
            )
            continue
        ident = slug(ident or label)
        if any(theme.id == ident for theme in themes):
            problems.append(
                UserError(
                    _("codebook id '{id}' is used twice").format(id=ident),
                    path=path,
                    line=item.line,
                )
            )
            continue
        themes.append(Theme(id=ident, label=label, description=description))
    return themes


def parse_front_matter(
    text: str | None, first_line: int, path, problems: list[UserError]
) -> EventInfo | None:
    """The event's facts, or None when they are too broken to go on (problems say why)."""
    if text is None:
        problems.append(
            UserError(
                _(
                    "the script must start with a front matter (a line ---, then title: ..., then ---)"
                ),
                path=path,
                line=1,
            )
        )
        return None
    try:
        root = yamlmeta.load(text, first_line)
    except yamlmeta.YamlProblem as exc:
        problems.append(
            UserError(
                _("invalid front matter: {problem}").format(problem=exc), path=path, line=exc.line
            )
        )
        return None
    if root is None or not isinstance(root.value, dict):
        problems.append(
            UserError(
                _("the front matter must be a list of 'key: value' lines"),
                path=path,
                line=first_line,
            )
        )
        return None
    values: dict[str, object] = {}
    readers: dict[str, Callable[[yamlmeta.Node], object]] = {
        "title": lambda n: _scalar(n, "title"),
        "organiser": lambda n: _scalar(n, "organiser"),
        "place": lambda n: _scalar(n, "place"),
        "purpose": lambda n: _scalar(n, "purpose"),
        "next_meeting": lambda n: _scalar(n, "next_meeting"),
        "contact": lambda n: _scalar(n, "contact"),
        "dates": lambda n: (
            [parse_date(_scalar(i, "dates")) for i in n.value]
            if isinstance(n.value, list)
            else [parse_date(_scalar(n, "dates"))]
        ),
        "language": _language,
        "tables": lambda n: parse_count(_scalar(n, "tables"), 1, 500),
        "start": lambda n: parse_time(_scalar(n, "start")),
        "end": lambda n: parse_time(_scalar(n, "end")),
    }
    for raw_key, (key_node, value_node) in root.value.items():
        key = _KEY_OF.get(fold(raw_key))
        if key is None:
            problems.append(
                UserError(
                    _("unknown setting '{key}' (known: {known})").format(
                        key=raw_key, known=", ".join(key_names(KEYS))
                    ),
                    path=path,
                    line=key_node.line,
                )
            )
            continue
        if key == "codebook":
            values[key] = _codebook(value_node, problems, path)
            continue
        try:
            values[key] = readers[key](value_node)
        except ValueError as exc:
            problems.append(UserError(f"{raw_key}: {exc}", path=path, line=value_node.line))
    if not values.get("title"):
        problems.append(
            UserError(_("the front matter has no title (title: ...)"), path=path, line=first_line)
        )
        return None
    start, end = values.get("start"), values.get("end")
    if isinstance(start, dt.time) and isinstance(end, dt.time) and end <= start:
        problems.append(
            UserError(_("the day ends before it starts (start/end)"), path=path, line=first_line)
        )
        values.pop("end")
    return EventInfo.model_validate(values)


_LANGUAGE_LINE = re.compile(r"^\s*(?:language|langue|lang)\s*:\s*['\"]?([\w -]+)", re.I | re.M)


def sniff_language(text: str) -> str | None:
    """The language a script's front matter asks for, read even when the rest is broken, so
    that its problems can be reported in that language."""
    front, _first, _body, _body_line = split_front_matter(text)
    match = _LANGUAGE_LINE.search(front or "")
    return LANGUAGE_NAMES.get(fold(match.group(1))) if match else None


def _language(node: yamlmeta.Node) -> str:
    text = _scalar(node, "language")
    lang = LANGUAGE_NAMES.get(fold(text))
    if lang is None:
        raise ValueError(_("the language must be fr or en, not '{text}'").format(text=text))
    return lang
