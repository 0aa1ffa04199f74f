"""At a glance: the one or two pages after the cover an elected official reads. The facts
(dates, place, who came by sector and organisation, tables, rounds, sessions), the ideas that
came up most for each question, the priorities (top votes), the action plan in short, and
what happens next. What the tool cannot know comes from the script's front matter
(`next_meeting`, `contact`), else is a marked placeholder the organiser fills in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from facilitation.synthesis.collect import EventData
from facilitation.synthesis.elements import Bullets, Heading, Outline, Table, Text
from facilitation.synthesis.outline_blocks import (
    IdeasCache,
    cache_reader,
    cached_round_ideas,
    theme_words,
    topic_title,
)
from facilitation.synthesis.recurring import recurring_ideas
from facilitation.synthesis.sanitise import one_line
from facilitation.synthesis.words import Words

IDEAS_PER_QUESTION = 3
TOP_VOTES = 5
ACTIONS = 8
SECTORS = 4


def at_a_glance(out: Outline, data: EventData, w: Words, cache: IdeasCache | None = None) -> None:
    out.add(Heading(1, w("At a glance")))
    out.add(Bullets(_facts(data, w)))
    _ideas(out, data, w, {} if cache is None else cache)
    _priorities(out, data, w)
    _actions(out, data, w)
    out.add(Heading(2, w("What happens next")))
    info = data.info
    if info.next_meeting.strip():
        out.add(Text(w("Next: {text}", text=one_line(info.next_meeting))))
    else:
        out.add(
            Text(
                w("[to be completed: the next meeting, what will be done with this]"), "placeholder"
            )
        )
    if info.contact.strip():
        out.add(Text(w("Contact: {text}", text=one_line(info.contact))))
    else:
        out.add(Text(w("[to be completed: whom to contact]"), "placeholder"))


def _facts(data: EventData, w: Words) -> list[str]:
    info = data.info
    facts = []
    when_where = [part for part in (w.date_range(info.dates), one_line(info.place)) if part]
    if when_where:
        facts.append(" · ".join(when_where))
    people = data.participants
    if people:
        organisations = {
            one_line(p.organisation).casefold() for p in people if p.organisation.strip()
        }
        line = w.n("{n} participant", "{n} participants", len(people))
        if organisations:
            line += ", " + w.n("{n} organisation", "{n} organisations", len(organisations))
        facts.append(line)
        sectors = Counter(one_line(p.sector) for p in people if p.sector.strip())
        if sectors:
            top = sorted(sectors.items(), key=lambda kv: (-kv[1], kv[0]))
            shown = [f"{name} ({w.number(n)})" for name, n in top[:SECTORS]]
            if len(top) > SECTORS:
                shown.append(w.n("{n} other sector", "{n} other sectors", len(top) - SECTORS))
            facts.append(w("By sector: {list}", list=", ".join(shown)))
    tables = {t for b in data.blocks for r in b.rounds for t in r.notes_by_table}
    rounds = sum(1 for b in data.blocks for r in b.rounds if r.note_count)
    sessions = sum(len({t.id for t in b.topics if t.status == "active"}) for b in data.blocks)
    parts = []
    if tables:
        parts.append(w.n("{n} table", "{n} tables", len(tables)))
    if rounds:
        parts.append(w.n("{n} round", "{n} rounds", rounds))
    if sessions:
        parts.append(w.n("{n} Open Space session", "{n} Open Space sessions", sessions))
    parts.append(w.n("{n} note", "{n} notes", len(data.notes)))
    facts.append(", ".join(parts))
    return facts


def _ideas(out: Outline, data: EventData, w: Words, cache: IdeasCache) -> None:
    """The ideas most tables raised, per question: a round's own (computed once, shown again in
    the round), or those of the rounds of a block that ask the same question, read together."""
    questions: dict[tuple[int, str], list] = {}
    for block in data.blocks:
        for rnd in block.rounds:
            question = one_line(rnd.step.question) or one_line(rnd.step.title)
            if rnd.notes_by_table and question:
                questions.setdefault((block.block.number, question), []).append((block, rnd))
    shown = []
    for (_number, question), rounds in questions.items():
        if len(rounds) == 1:
            block, rnd = rounds[0]
            ideas = cached_round_ideas(block, rnd, data, w, cache)
        else:
            texts: dict[int, Iterable[str]] = {}
            for _block, rnd in rounds:
                for table, notes in rnd.notes_by_table.items():
                    texts[table] = [*texts.get(table, []), *(n.text for n in notes)]
            theme = theme_words(rounds[0][0], data)
            ideas = recurring_ideas(
                texts,
                w.lang,
                limit=IDEAS_PER_QUESTION,
                question=question + "\n" + theme,
                reader=cache_reader(w.lang),
            )
        items = [
            w.n("{idea} ({n} table)", "{idea} ({n} tables)", idea.tables, idea=idea.label)
            for idea in ideas[:IDEAS_PER_QUESTION]
        ]
        if items:
            shown.append((question, items))
    if not shown:
        return
    out.add(Heading(2, w("What came up most")))
    for question, items in shown:
        out.add(Text(question, "label"))
        out.add(Bullets(items))


def _priorities(out: Outline, data: EventData, w: Words) -> None:
    votes = []
    for block in data.blocks:
        topics = {t.id: t for t in block.topics}
        for vote in block.votes:
            if vote.count <= 0:
                continue
            if vote.topic_id in topics:
                label = topic_title(topics[vote.topic_id], w)
            else:
                label = one_line(vote.proposal or "") or w("Untitled topic")
            votes.append((vote.count, label))
    if not votes:
        return
    votes.sort(key=lambda v: (-v[0], v[1]))
    out.add(Heading(2, w("Priorities")))
    out.add(
        Bullets(
            [
                w.n("{topic}: {n} vote", "{topic}: {n} votes", n, topic=t)
                for n, t in votes[:TOP_VOTES]
            ]
        )
    )


def _actions(out: Outline, data: EventData, w: Words) -> None:
    actions = [a for b in data.blocks for a in b.actions]
    if not actions:
        return
    out.add(Heading(2, w("Action plan in short")))
    rows = [[one_line(a.title), one_line(a.lead), one_line(a.deadline)] for a in actions[:ACTIONS]]
    caption = ""
    if len(actions) > ACTIONS:
        caption = w.n(
            "and {n} more action in the action plan",
            "and {n} more actions in the action plan",
            len(actions) - ACTIONS,
        )
    out.add(Table([w("Action"), w("Lead"), w("Deadline")], rows, caption=caption))
