"""The outline of one block: its rounds (recurring ideas, tables), its Open Space parts
(theme, agenda wall, session reports, votes and chart, action plan) and its harvest."""

from __future__ import annotations

from facilitation.store import Note
from facilitation.store.openspace import REPORT_FIELDS
from facilitation.synthesis.chart import bar_chart
from facilitation.synthesis.collect import BlockData, EventData, RoundData
from facilitation.synthesis.elements import (
    Bullets,
    Heading,
    Image,
    Markdown,
    Outline,
    PageBreak,
    Table,
    Text,
)
from facilitation.synthesis.recurring import new_stemmer_cache, recurring_ideas
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


def block_section(out: Outline, block: BlockData, data: EventData, w: Words) -> None:
    """One block, by what it holds: the rounds' table notes (a World Café, the stages of an
    Appreciative Inquiry), the topics, reports, votes and action plan (an Open Space, a Pro
    Action Café's callers' questions), the harvest. Any mix of them appears in that order."""
    out.add(PageBreak())
    out.add(Heading(1, block_heading(block, w)))
    about = [part for part in (one_line(block.block.format_name), _day(block, data, w)) if part]
    if about:
        out.add(Text(" · ".join(about), "caption"))
    if block.block.question.strip():
        out.add(Heading(2, w("Theme question")))
        out.add(Markdown(block.block.question, quote=True))
    _rounds(out, block, data, w)
    topics = {t.id: t for t in block.topics}
    _agenda_wall(out, block, [t for t in block.topics if t.status == "active"], w)
    _reports(out, block, w)
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


def _rounds(out: Outline, block: BlockData, data: EventData, w: Words) -> None:
    hosts = _hosts(block, data)
    stems = new_stemmer_cache()
    # What every table talks about anyway: the event's and the block's theme.
    theme = "\n".join((data.info.title, data.info.purpose, block.block.title, block.block.question))
    for rnd in block.rounds:
        if not rnd.note_count:
            continue
        out.add(Heading(2, round_title(rnd, w)))
        if rnd.step.question.strip():
            out.add(Markdown(rnd.step.question, quote=True))
        ideas = recurring_ideas(
            {t: [n.text for n in notes] for t, notes in rnd.notes_by_table.items()},
            w.lang,
            question=rnd.step.question + "\n" + theme,
            stems=stems,
        )
        if ideas:
            out.add(Heading(3, w("What came up at several tables")))
            out.add(
                Bullets(
                    [
                        w.n("{idea}: {n} table", "{idea}: {n} tables", idea.tables, idea=idea.label)
                        for idea in ideas
                    ]
                )
            )
            out.add(Text(method_line(w), "caption"))
        for table, notes in rnd.notes_by_table.items():
            out.add(Heading(3, table_heading(table, hosts.get((rnd.number, table), ""), notes, w)))
            for note in notes:
                out.add(Markdown(note.text))
        if rnd.loose_notes:
            out.add(Heading(3, w("Notes without a table")))
            for note in rnd.loose_notes:
                out.add(Markdown(note.text))


def method_line(w: Words) -> str:
    return w(
        "How these were found: words and pairs of words that at least two tables used, counted"
        " once per table, leaving out common words and the words of the question and of the"
        " event's theme, and grouping the forms of a word (stemming)."
    )


def round_title(rnd: RoundData, w: Words) -> str:
    return one_line(rnd.step.title) or w("Round {n}", n=rnd.number)


def table_heading(table: int, host: str, notes: list[Note], w: Words) -> str:
    parts = [w("Table {n}", n=table)]
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


def _reports(out: Outline, block: BlockData, w: Words) -> None:
    reported = [t for t in block.topics if t.id in block.reports or t.id in block.topic_notes]
    if not reported:
        return
    out.add(Heading(2, w("Session reports")))
    for topic in reported:
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


def _agenda_wall(out: Outline, block: BlockData, active: list, w: Words) -> None:
    if not active:
        return
    slots = [one_line(s) for s in block.block.slots]
    spaces = [one_line(s) for s in block.block.spaces]
    max_slot = max([t.slot for t in active if t.slot is not None] + [len(slots) - 1])
    max_space = max([t.space for t in active if t.space is not None] + [len(spaces) - 1])
    slots += [w("Slot {n}", n=i + 1) for i in range(len(slots), max_slot + 1)]
    spaces += [w("Space {n}", n=i + 1) for i in range(len(spaces), max_space + 1)]
    out.add(Heading(2, w("Agenda wall")))
    if slots and spaces:
        grid = [["" for _ in spaces] for _ in slots]
        for topic in active:
            if topic.slot is not None and topic.space is not None:
                cell = grid[topic.slot][topic.space]
                entry = topic_title(topic, w)
                if topic.convener.strip():
                    entry += f" ({one_line(topic.convener)})"
                grid[topic.slot][topic.space] = f"{cell}\n{entry}" if cell else entry
        rows = [[slot, *grid[i]] for i, slot in enumerate(slots)]
        out.add(Table([w("Time slot"), *spaces], rows))
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


__all__ = ["block_section", "Bullets"]
