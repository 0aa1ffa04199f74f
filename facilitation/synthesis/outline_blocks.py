"""The outline of one block: its rounds (recurring ideas, tables), its Open Space parts
(theme, agenda wall, session reports, votes and chart, action plan) and its harvest."""

from __future__ import annotations

from functools import cache

from facilitation.store import Note
from facilitation.store.openspace import REPORT_FIELDS
from facilitation.store.photos import Photo
from facilitation.synthesis.chart import bar_chart
from facilitation.synthesis.collect import BlockData, EventData, RoundData
from facilitation.synthesis.elements import (
    Bullets,
    Heading,
    Image,
    Landscape,
    Markdown,
    Outline,
    PageBreak,
    Table,
    Text,
)
from facilitation.synthesis.options import Options
from facilitation.synthesis.recurring import Idea, Reader, new_reader, round_ideas
from facilitation.synthesis.sanitise import one_line
from facilitation.synthesis.words import Words

REPORT_LABELS = {
    "convener": "Convener",
    "participants": "Participants",
    "key_points": "Key points",
    "recommendations": "Recommendations",
    "next_steps": "Next steps",
    "resources": "Resources needed",
}


def block_heading(block: BlockData, w: Words) -> str:
    title = one_line(block.block.title) or w("Block {n}", n=block.block.number)
    return title


def block_section(
    out: Outline,
    block: BlockData,
    data: EventData,
    w: Words,
    options: Options | None = None,
    photos: Photos | None = None,
    ideas_cache: IdeasCache | None = None,
) -> None:
    """One block, by what it holds: the rounds' table notes (a World Café, the stages of an
    Appreciative Inquiry), the topics, reports, votes and action plan (an Open Space, a Pro
    Action Café's callers' questions), the harvest. Any mix of them appears in that order."""
    options = options or Options()
    photos = photos or Photos([], w)
    number = block.block.number
    out.add(Heading(1, block_heading(block, w)))
    about = [part for part in (one_line(block.block.format_name), _day(block, data, w)) if part]
    if about:
        out.add(Text(" · ".join(about), "caption"))
    if block.block.question.strip():
        out.add(Heading(2, w("Theme question")))
        out.add(Markdown(block.block.question, quote=True))
    _rounds(out, block, data, w, options, photos, {} if ideas_cache is None else ideas_cache)
    topics = {t.id: t for t in block.topics}
    active = [t for t in block.topics if t.status == "active"]
    _agenda_wall(out, block, active, w, options.names)
    _reports(out, block, w, options.report_per_page)
    _votes(out, block, topics, w)
    _actions(out, block, topics, w)
    if block.plenary:
        out.add(Heading(2, w("Harvest (plenary)") if block.rounds else w("Plenary notes")))
        for note in block.plenary:
            out.add(Markdown(note.text))
    orphan_notes = block.topic_notes.get(0, []) + [
        n for tid, ns in block.topic_notes.items() if tid and tid not in topics for n in ns
    ]
    if orphan_notes or block.other_notes:
        out.add(Heading(2, w("Other notes")))
        for note in orphan_notes + block.other_notes:
            out.add(Markdown(note.text))
    photos.place(out, number, None, None, heading=True)


def _rounds(
    out: Outline,
    block: BlockData,
    data: EventData,
    w: Words,
    options: Options,
    photos: Photos,
    ideas_cache: IdeasCache,
) -> None:
    hosts = _hosts(block, data) if options.names else {}
    for rnd in block.rounds:
        if not rnd.note_count:
            continue
        out.add(Heading(2, round_title(rnd, w)))
        if rnd.step.question.strip():
            out.add(Markdown(rnd.step.question, quote=True))
        ideas = cached_round_ideas(block, rnd, data, w, ideas_cache)
        if ideas:
            out.add(Heading(3, w("What came up at several tables")))
            out.add(Bullets([idea_line(idea, w) for idea in ideas]))
            out.add(Text(method_line(w), "caption"))
        for table, notes in rnd.notes_by_table.items():
            host = hosts.get((rnd.number, table), "")
            takers = notes if options.names else []
            heading = table_heading(table, host, takers, w, block.block.table_theme(table))
            out.add(Heading(3, heading))
            for note in notes:
                out.add(Markdown(note.text))
            photos.place(out, block.block.number, rnd.number, table)
        if rnd.loose_notes:
            out.add(Heading(3, w("Notes without a table")))
            for note in rnd.loose_notes:
                out.add(Markdown(note.text))
        photos.place(out, block.block.number, rnd.number, None)


def theme_words(block: BlockData, data: EventData) -> str:
    """What every table talks about anyway: the event's and the block's theme."""
    return "\n".join((data.info.title, data.info.purpose, block.block.title, block.block.question))


IdeasCache = dict[tuple[int, int], list[Idea]]  # (block, round) -> its recurring ideas


def cached_round_ideas(
    block: BlockData, rnd: RoundData, data: EventData, w: Words, cache: IdeasCache
) -> list[Idea]:
    """The recurring ideas of a round, computed once for the summary and the round."""
    key = (block.block.number, rnd.number)
    if key not in cache:
        reader = cache_reader(w.lang)
        cache[key] = round_ideas(data, block, rnd, w.lang, reader=reader)
    return cache[key]


@cache
def cache_reader(lang: str) -> Reader:
    """One lemma reader per language (its dictionary is costly to load)."""
    return new_reader(lang)


def idea_line(idea: Idea, w: Words) -> str:
    """ "les listes d'attente en CPE: 12 tables — « Les listes d'attente en CPE. » (table 3)" """
    line = w.n("{idea}: {n} table", "{idea}: {n} tables", idea.tables, idea=one_line(idea.label))
    quotes = [
        w("“{quote}” (table {table})", quote=one_line(q.text), table=q.table) for q in idea.quotes
    ]
    return " — ".join([line, "; ".join(quotes)]) if quotes else line


def method_line(w: Words) -> str:
    return w(
        "How these were found: phrases that at least two tables wrote, counted once per table,"
        " with each word taken in its dictionary form; different wordings of one idea that share"
        " a distinctive word are counted together; the words of the question and of the event's"
        " theme, note-taking words and what every round says are left out."
    )


def round_title(rnd: RoundData, w: Words) -> str:
    return one_line(rnd.step.title) or w("Round {n}", n=rnd.number)


def table_heading(table: int, host: str, notes: list[Note], w: Words, theme: str = "") -> str:
    """ "Table 3", with its theme ("Table 3 — Objectif 3 …"), and with `host` and the
    note-takers of `notes` only when names are asked for."""
    parts = [w("Table {n}", n=table)]
    if theme:
        parts[0] = w("Table {n} — {theme}", n=table, theme=one_line(theme))
    if host:
        parts.append(w("host: {name}", name=host))
    takers = list(dict.fromkeys(one_line(n.author) for n in notes if n.author.strip()))
    if takers:
        parts.append(w("notes: {names}", names=", ".join(takers[:3])))
    return " — ".join([parts[0], "; ".join(parts[1:])]) if len(parts) > 1 else parts[0]


def _hosts(block: BlockData, data: EventData) -> dict[tuple[int, int], str]:
    people = data.participants_by_id
    hosts: dict[tuple[int, int], str] = {}
    for seat in block.seats:
        if seat.host and seat.participant_id in people:
            hosts.setdefault((seat.round, seat.table), one_line(people[seat.participant_id].name))
    return hosts


def _day(block: BlockData, data: EventData, w: Words) -> str:
    if len({b.block.day for b in data.blocks}) < 2:
        return ""
    day = block.block.day
    if 0 < day <= len(data.info.dates):
        return w.date_range([data.info.dates[day - 1]])
    return w("Day {day}", day=day)


def topic_title(topic, w: Words) -> str:
    title = one_line(topic.title) or w("Untitled topic")
    return title


def _reports(out: Outline, block: BlockData, w: Words, per_page: bool = False) -> None:
    reported = [t for t in block.topics if t.id in block.reports or t.id in block.topic_notes]
    if not reported:
        return
    out.add(Heading(2, w("Session reports")))
    for index, topic in enumerate(reported):
        if per_page and index:
            out.add(PageBreak())
        heading = topic_title(topic, w)
        if topic.convener.strip():
            heading += " — " + w("convened by {name}", name=one_line(topic.convener))
        out.add(Heading(3, heading))
        report = block.reports.get(topic.id)
        if report is not None:
            for name in REPORT_FIELDS:
                value = getattr(report, name)
                if value.strip() and not (
                    name == "convener" and one_line(value) == one_line(topic.convener)
                ):
                    out.add(Text(w(REPORT_LABELS[name]), "label"))
                    out.add(Markdown(value))
        notes = block.topic_notes.get(topic.id, [])
        if notes:
            out.add(Text(w("Notes"), "label"))
            for note in notes:
                out.add(Markdown(note.text))


def _agenda_wall(
    out: Outline, block: BlockData, active: list, w: Words, names: bool = False
) -> None:
    if not active:
        return
    slots = [one_line(s) for s in block.block.slots]
    spaces = [one_line(s) for s in block.block.spaces]
    max_slot = max([t.slot for t in active if t.slot is not None] + [len(slots) - 1])
    max_space = max([t.space for t in active if t.space is not None] + [len(spaces) - 1])
    slots += [w("Slot {n}", n=i + 1) for i in range(len(slots), max_slot + 1)]
    spaces += [w("Space {n}", n=i + 1) for i in range(len(spaces), max_space + 1)]
    out.add(Landscape(True))
    out.add(Heading(2, w("Agenda wall")))
    if slots and spaces:
        grid = [["" for _ in spaces] for _ in slots]
        for topic in active:
            if topic.slot is not None and topic.space is not None:
                cell = grid[topic.slot][topic.space]
                entry = topic_title(topic, w)
                if names and topic.convener.strip():
                    entry += f" ({one_line(topic.convener)})"
                grid[topic.slot][topic.space] = f"{cell}\n{entry}" if cell else entry
        rows = [[slot, *grid[i]] for i, slot in enumerate(slots)]
        out.add(Table([w("Time slot"), *spaces], rows))
    out.add(Landscape(False))
    unplaced = [t for t in active if t.slot is None or t.space is None]
    if unplaced:
        out.add(Text(w("Topics not placed on the wall"), "label"))
        out.add(Bullets([topic_title(t, w) for t in unplaced]))


def _vote_label(vote, topics: dict, w: Words) -> str:
    if vote.topic_id is not None and vote.topic_id in topics:
        return topic_title(topics[vote.topic_id], w)
    return one_line(vote.proposal or "") or w("Untitled topic")


def _votes(out: Outline, block: BlockData, topics: dict, w: Words) -> None:
    votes = sorted((v for v in block.votes if v.count > 0), key=lambda v: (-v.count, v.id))
    if not votes:
        return
    out.add(Heading(2, w("Votes")))
    items = [(_vote_label(v, topics, w), v.count) for v in votes]
    caption = w("Votes per topic, most votes first")
    if len(items) > 25:
        caption = w("The 25 topics with the most votes")
    out.add(Image(bar_chart(items), f"votes-{block.block.number}", caption, alt=caption))
    rows = []
    rank = 0
    previous = None
    for position, (label, count) in enumerate(items, 1):
        if count != previous:
            rank, previous = position, count
        rows.append([w.number(rank), label, w.number(count)])
    out.add(Table([w("Rank"), w("Topic"), w("Votes")], rows))


def _actions(out: Outline, block: BlockData, topics: dict, w: Words) -> None:
    if not block.actions:
        return
    out.add(Landscape(True))
    out.add(Heading(2, w("Action plan")))
    rows = []
    for action in block.actions:
        title = one_line(action.title)
        if action.topic_id in topics:
            title += f" ({topic_title(topics[action.topic_id], w)})"
        elif action.proposal:  # from a free proposal of the convergence
            title += f" ({one_line(action.proposal)})"
        rows.append(
            [
                title,
                one_line(action.lead),
                one_line(action.partners),
                one_line(action.first_step),
                one_line(action.deadline),
            ]
        )
    out.add(Table([w("Action"), w("Lead"), w("Partners"), w("First step"), w("Deadline")], rows))
    out.add(Landscape(False))


class Photos:
    """The event's photos, each placed once where it belongs: under its table's notes, at the
    end of its round, of its block, or (no block) in a section of their own."""

    def __init__(self, photos: list[Photo], w: Words) -> None:
        self._w = w
        self._by_place: dict[tuple, list[Photo]] = {}
        for photo in photos:
            self._by_place.setdefault((photo.block, photo.round, photo.table), []).append(photo)

    def place(
        self, out: Outline, block: int | None, rnd: int | None, table: int | None, heading=False
    ) -> None:
        photos = self._by_place.pop((block, rnd, table), [])
        if rnd is None and table is None:  # the block's end: photos of tables it has not shown
            for key in [k for k in self._by_place if k[0] == block and block is not None]:
                photos += self._by_place.pop(key)
        if not photos:
            return
        if heading:
            out.add(Heading(2, self._w("Photos")))
        for photo in photos:
            alt = one_line(photo.caption) or self.describe(photo)
            ext = "jpg" if photo.mime == "image/jpeg" else "png"
            name = f"photo-{photo.id}"
            out.add(Image(photo.data, name, caption=alt, alt=alt, ext=ext))

    def describe(self, photo: Photo) -> str:
        """What a photo shows when nobody typed a caption: "Tablecloth of table 3, round 2"."""
        w = self._w
        if photo.table is not None and photo.round is not None:
            return w("Tablecloth of table {t}, round {r}", t=photo.table, r=photo.round)
        if photo.table is not None:
            return w("Tablecloth of table {t}", t=photo.table)
        if photo.round is not None:
            return w("Photo of round {r}", r=photo.round)
        return w("Photo of the event")

    def rest(self, out: Outline) -> None:
        """The photos not placed yet (no block, or a block the document does not show)."""
        if not self._by_place:
            return
        out.add(Heading(1, self._w("Photos")))
        for key in list(self._by_place):
            self.place(out, *key)


__all__ = ["block_section", "Bullets"]
