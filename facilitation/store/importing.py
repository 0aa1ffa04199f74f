"""`import_csv(event, path, kind)`: participants, notes, topics, interests, votes or actions
from a CSV file (see docs/event-file.md for the columns, in English and French).

Every row is checked first; if any row is bad, a UserErrors lists every bad row as
FILE:LINE: message and nothing is written. Otherwise all rows are written in one transaction
(notes through a staging table, so that even a huge import holds the write lock only for a
short final copy: facilitation.store.staging).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from facilitation.errors import UserError, UserErrors
from facilitation.i18n import N_, _
from facilitation.models import Block
from facilitation.store.import_checks import _check_table, _number, _parse_time, _RowError
from facilitation.store.people import Participant, normalise_role
from facilitation.store.staging import NoteRow, write_notes_staged
from facilitation.store.text import loose
from facilitation.tabular import IMPORT_KINDS, PARTICIPANT_COLUMNS, Row, aliases, read_table

if TYPE_CHECKING:
    from facilitation.store.event import Event

KINDS = IMPORT_KINDS

COLUMNS: dict[str, dict[str, str]] = {
    "participants": PARTICIPANT_COLUMNS,
    "notes": aliases(
        block=("bloc", "block_number", "no_bloc", "numero_de_bloc"),
        round=("ronde", "tour", "round_number", "no_ronde", "numero_de_ronde"),
        table=("table_number", "no_table", "numero_de_table", "table_no"),
        text=("texte", "note", "notes", "contenu", "content", "propos"),
        tags=("étiquettes", "étiquette", "tag", "mots_cles", "codes", "themes", "thèmes"),
        author=("auteur", "auteure", "autrice", "scribe", "redacteur", "redactrice", "by"),
        topic=("sujet", "atelier", "topic_title"),
        kind=("type", "sorte", "genre"),
        created_at=("created", "date", "cree_le", "créé_le", "heure", "time"),
    ),
    "topics": aliases(
        title=("titre", "sujet", "topic", "intitule"),
        convener=("porteur", "porteuse", "initiateur", "initiatrice", "responsable", "host"),
        description=("résumé", "resume", "details", "détails", "summary"),
        slot=("créneau", "creneau", "plage", "plage_horaire", "session", "heure", "time"),
        space=("espace", "salle", "lieu", "local", "room", "place"),
        block=("bloc",),
    ),
    "interests": aliases(
        participant=("nom", "name", "personne", "participante", "person"),
        topic=("sujet", "titre", "title", "atelier"),
    ),
    "votes": aliases(
        topic=("sujet", "proposition", "proposal", "titre", "title", "priorite", "priority"),
        votes=("vote", "voix", "nombre", "nombre_de_votes", "points", "count", "gommettes", "dots"),
        block=("bloc",),
    ),
    "actions": aliases(
        title=("titre", "action", "intitule"),
        lead=("responsable", "porteur", "porteuse", "leader", "owner", "qui"),
        partners=("partenaires", "partner", "partenaire", "avec", "with"),
        first_step=("premier_pas", "premiere_etape", "première_étape", "first_steps", "next_step"),
        deadline=("échéance", "echeance", "date_limite", "quand", "when", "due", "date"),
        topic=("sujet", "atelier"),
        block=("bloc",),
    ),
}
REQUIRED = {
    "participants": ("name",),
    "notes": ("text",),
    "topics": ("title",),
    "interests": ("participant", "topic"),
    "votes": ("topic", "votes"),
    "actions": ("title",),
}
KIND_WORDS = {
    "table": "table",
    "plenary": "plenary",
    "pleniere": "plenary",
    "plenier": "plenary",
    "topic": "topic",
    "sujet": "topic",
    "atelier": "topic",
}


def _first_block(event: Event, want: Callable[[Block], bool]) -> int:
    for block in event.script.blocks:
        if want(block):
            return block.number
    return 1


def _block(event: Event, row: Row, default: int) -> int:
    number = _number(row, "block")
    if number is None:
        return default
    count = len(event.script.blocks)
    if count and number > count:
        raise _RowError(
            _("block: the script has {count} blocks, there is no block {number}").format(
                count=count, number=number
            )
        )
    return number


class _Matcher:
    """Find a participant or a topic by what a CSV cell says (id "#12" or "12", or a name)."""

    def __init__(self, items: list[tuple[int, str]]):
        self.ids = {item_id for item_id, _name in items}
        self.by_name: dict[str, list[int]] = {}
        for item_id, name in items:
            self.by_name.setdefault(loose(name), []).append(item_id)

    def find(self, value: str) -> int | None:
        """The id, None if nothing matches; _RowError if several do."""
        matches = self.by_name.get(loose(value), [])
        if len(matches) > 1:
            raise _RowError(
                _("\u201c{value}\u201d matches several entries; use its number").format(value=value)
            )
        if matches:
            return matches[0]
        digits = value.lstrip("#").strip()
        if digits.isdigit() and int(digits) in self.ids:
            return int(digits)
        return None


# ---- one planner per kind: check a row, return the function that writes it --------------

Plan = Callable[["Event"], object]


def _plan_participant(event: Event, row: Row, ctx: dict) -> Plan:
    name = row.values.get("name", "")
    if not name:
        raise _RowError(_("name: empty"))
    person = Participant(
        0,
        name,
        row.values.get("organisation", ""),
        row.values.get("sector", ""),
        normalise_role(row.values.get("role", "")),
        row.values.get("language", ""),
        {k: v for k, v in row.extra.items() if v},
    )
    return lambda ev: ev.add_participants([person])


def _plan_note(event: Event, row: Row, ctx: dict) -> Plan:
    text = row.values.get("text", "")
    if not text.strip():
        raise _RowError(_("text: empty"))
    topic_id = None
    topic_name = row.values.get("topic", "")
    if topic_name:
        topic_id = ctx["topics"].find(topic_name)
        if topic_id is None:
            raise _RowError(_("topic: no topic \u201c{value}\u201d").format(value=topic_name))
    default_block = (
        ctx["topic_block"][topic_id] if topic_id is not None else ctx["default_notes_block"]
    )
    block = _block(event, row, default_block)
    round_ = _number(row, "round")
    if round_ is not None and event.script.blocks and block <= len(event.script.blocks):
        rounds = len(event.script.block(block).rounds())
        if rounds and round_ > rounds:
            raise _RowError(
                _("round: block {block} has {count} rounds, there is no round {number}").format(
                    block=block, count=rounds, number=round_
                )
            )
    table = _number(row, "table")
    _check_table(event, block, table)
    kind_text = row.values.get("kind", "")
    kind = None
    if kind_text:
        kind = KIND_WORDS.get(loose(kind_text))
        if kind is None:
            raise _RowError(
                _("kind: \u201c{value}\u201d is not table, plenary or topic").format(
                    value=kind_text
                )
            )
    if kind == "table" and table is None:
        raise _RowError(_("table: a table note needs a table number"))
    if kind == "topic" and topic_id is None:
        raise _RowError(_("topic: a topic note needs a topic"))
    tags = _tags(event, row.values.get("tags", ""), ctx["tags"])
    created_at = _parse_time(row.values.get("created_at", ""))
    author = row.values.get("author", "")
    return NoteRow(block, text, round_, table, topic_id, kind, author, tags, created_at)


def _tags(event: Event, value: str, seen: dict[str, list[str] | str]) -> list[str]:
    """The codebook ids of a tags cell, resolved once per different cell (a large import's
    rows repeat a few: resolving took most of the time of checking a row)."""
    found = seen.get(value)
    if found is None:
        try:
            found = seen[value] = event.resolve_tags(value)
        except UserError as exc:
            found = seen[value] = exc.message
    if isinstance(found, str):
        raise _RowError(found)
    return list(found)


_COLUMN_NAMES = {"slot": N_("slot"), "space": N_("space")}


def _index(value: str, labels: list[str], column: str) -> int | None:
    """A 1-based number or a label of `labels` -> a 0-based index."""
    if not value:
        return None
    for index, label in enumerate(labels):
        if loose(label) == loose(value):
            return index
    name = _(_COLUMN_NAMES.get(column, column))  # "créneau", not "slot", in French
    if not (value.isascii() and value.isdigit()):
        raise _RowError(
            _("{column}: \u201c{value}\u201d is neither a number nor one of: {labels}").format(
                column=name, value=value[:40], labels=", ".join(labels) or "-"
            )
        )
    number = int(value) if len(value) <= 6 else 0
    if number < 1 or (labels and number > len(labels)):
        missing = {
            "slot": N_("slot: there is no slot {number}"),
            "space": N_("space: there is no space {number}"),
        }.get(column, N_("{column}: there is no {column} {number}"))
        raise _RowError(_(missing).format(column=name, number=value[:40]))
    return number - 1


def _plan_topic(event: Event, row: Row, ctx: dict) -> Plan:
    title = row.values.get("title", "")
    if not title:
        raise _RowError(_("title: empty"))
    block = _block(event, row, ctx["default_topics_block"])
    info = event.script.block(block) if block <= len(event.script.blocks) else None
    slot = _index(row.values.get("slot", ""), info.slots if info else [], "slot")
    space = _index(row.values.get("space", ""), info.spaces if info else [], "space")
    convener = row.values.get("convener", "")
    description = row.values.get("description", "")
    return lambda ev: ev.add_topic(block, title, convener, description, slot, space)


def _plan_interest(event: Event, row: Row, ctx: dict) -> Plan:
    who, what = row.values.get("participant", ""), row.values.get("topic", "")
    person = ctx["participants"].find(who) if who else None
    topic = ctx["topics"].find(what) if what else None
    problems = []
    if person is None:
        problems.append(_("participant: nobody named \u201c{value}\u201d").format(value=who))
    if topic is None:
        problems.append(_("topic: no topic \u201c{value}\u201d").format(value=what))
    if problems or person is None or topic is None:
        raise _RowError("; ".join(problems))
    person_id, topic_id = int(person), int(topic)
    return lambda ev: ev.add_interest(person_id, topic_id)


def _plan_vote(event: Event, row: Row, ctx: dict) -> Plan:
    what = row.values.get("topic", "")
    if not what:
        raise _RowError(_("topic: empty"))
    count = _number(row, "votes", minimum=0)
    if count is None:
        raise _RowError(_("votes: empty"))
    topic = ctx["topics"].find(what)
    block = _block(event, row, ctx["topic_block"][topic] if topic else ctx["default_votes_block"])
    if topic is not None:
        return lambda ev: ev.set_votes(block, count, topic_id=topic)
    return lambda ev: ev.set_votes(block, count, proposal=what)


def _plan_action(event: Event, row: Row, ctx: dict) -> Plan:
    title = row.values.get("title", "")
    if not title:
        raise _RowError(_("title: empty"))
    what = row.values.get("topic", "")
    topic = None
    if what:
        topic = ctx["topics"].find(what)
        if topic is None:
            raise _RowError(_("topic: no topic \u201c{value}\u201d").format(value=what))
    block = _block(event, row, ctx["topic_block"][topic] if topic else ctx["default_actions_block"])
    fields = {k: row.values.get(k, "") for k in ("lead", "partners", "first_step", "deadline")}
    return lambda ev: ev.add_action(block, title, topic_id=topic, **fields)


PLANNERS = {
    "participants": _plan_participant,
    "notes": _plan_note,
    "topics": _plan_topic,
    "interests": _plan_interest,
    "votes": _plan_vote,
    "actions": _plan_action,
}


def _context(event: Event) -> dict:
    topics = event.list_topics()
    blocks = event.script.blocks
    open_space = _first_block(event, lambda b: b.is_open_space)
    return {
        "topics": _Matcher([(t.id, t.title) for t in topics]),
        "topic_block": {t.id: t.block for t in topics},
        "tags": {},  # a tags cell -> its codebook ids, or the error it gives (see _tags)
        "participants": _Matcher([(p.id, p.name) for p in event.list_participants()]),
        "default_notes_block": _first_block(
            event, lambda b: b.format == "world-cafe" or b.captures("table")
        ),
        "default_topics_block": open_space,
        "default_votes_block": _first_block(event, lambda b: b.captures("votes"))
        if any(b.captures("votes") for b in blocks)
        else open_space,
        "default_actions_block": _first_block(event, lambda b: b.captures("actions"))
        if any(b.captures("actions") for b in blocks)
        else open_space,
    }


def _duplicates(rows: list[Row]) -> list[UserError]:
    """Rows that repeat an earlier row cell for cell (a copy-paste twice): one error each."""
    seen: dict[tuple, int] = {}
    found: list[UserError] = []
    for row in rows:
        key = (tuple(sorted(row.values.items())), tuple(sorted(row.extra.items())))
        if key in seen:
            found.append(
                UserError(
                    _(
                        "this row repeats line {line} exactly; remove one of them"
                        " (or import with --keep-duplicates)"
                    ).format(line=seen[key]),
                    line=row.line,
                )
            )
        else:
            seen[key] = row.line
    return found


def import_csv(event: Event, path: str | Path, kind: str, *, keep_duplicates: bool = False) -> int:
    """Import every row of `path` as `kind` (one of KINDS); returns the number of rows written.
    Raises UserErrors listing every bad row (FILE:LINE: message) and every row repeating an
    earlier one (unless `keep_duplicates`); then nothing is written."""
    if kind not in KINDS:
        raise UserError(_("unknown kind of import: {kind}").format(kind=kind))
    path = Path(path)
    table = read_table(path, COLUMNS[kind], required=REQUIRED[kind])
    ctx = _context(event)
    plans: list[Plan] = []
    errors: list[UserError] = []
    if not keep_duplicates:
        for dup in _duplicates(table.rows):
            errors.append(UserError(dup.message, path=path, line=dup.line))
    for row in table.rows:
        try:
            plans.append(PLANNERS[kind](event, row, ctx))
        except _RowError as exc:
            errors.append(UserError(str(exc), path=path, line=row.line))
    if errors:
        raise UserErrors(sorted(errors, key=lambda e: e.line or 0))
    if kind == "notes":  # possibly a million: staged, then one short commit
        return write_notes_staged(event, [p for p in plans if isinstance(p, NoteRow)])
    with event.transaction():
        for plan in plans:
            plan(event)
    return len(plans)
