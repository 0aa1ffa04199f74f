"""The end of the outline: cross-cutting themes (the codebook) and the appendices
(participants, seating plan, every note verbatim)."""

from __future__ import annotations

from collections import defaultdict

from facilitation.analysis import TaggedNote, summarise_themes
from facilitation.store import Note
from facilitation.synthesis.collect import EventData
from facilitation.synthesis.elements import (
    Bullets,
    Heading,
    Landscape,
    Markdown,
    Outline,
    Table,
    Text,
)
from facilitation.synthesis.options import Options
from facilitation.synthesis.outline_blocks import (
    block_heading,
    cache_reader,
    idea_line,
    round_title,
    topic_title,
)
from facilitation.synthesis.sanitise import one_line
from facilitation.synthesis.words import Words


def themes(out: Outline, data: EventData, w: Words, places: Places | None = None) -> None:
    codebook = data.info.codebook
    if not codebook:
        return
    tagged: dict[str, list[Note]] = defaultdict(list)
    for note in data.notes:
        for tag in note.tags:
            tagged[tag].append(note)
    if not any(tagged.get(theme.id) for theme in codebook):
        return
    out.add(Landscape(True))  # the heading and its heat map on the same page, turned if wide
    out.add(Heading(1, w("Cross-cutting themes")))
    out.add(
        Text(
            w(
                "How often each theme of the codebook was tagged in each round (darker: more"
                " often), then for each theme its main ideas and a few short notes that say them"
                " (a note is shown under one theme only)."
            )
        )
    )
    columns: list[tuple[int, int | None, str]] = []  # (block, round, header)
    for block in data.blocks:
        for rnd in block.rounds:
            if rnd.note_count:
                columns.append(
                    (
                        block.block.number,
                        rnd.number,
                        # one unbreakable header: "B1 R2", never "B1" over "R2"
                        w("B{b} R{r}", b=block.block.number, r=rnd.number).replace(" ", "\u00a0"),
                    )
                )
        if block.plenary or block.topic_notes or block.other_notes:
            columns.append((block.block.number, None, w("B{b} other", b=block.block.number)))
    counts: dict[tuple[str, int, int | None], int] = defaultdict(int)
    round_keys = {(b, r) for b, r, _h in columns if r is not None}
    theme_ids = {theme.id for theme in codebook}
    for note in data.notes:
        key_round = note.round if (note.block, note.round) in round_keys else None
        for tag in note.tags:
            if tag in theme_ids:  # the darkest cell is the most tagged theme, not a stray tag
                counts[(tag, note.block, key_round)] += 1
    top = max(counts.values(), default=1) or 1
    rows, shading = [], []
    for theme in codebook:
        values = [counts.get((theme.id, b, r), 0) for b, r, _h in columns]
        rows.append(
            [
                one_line(theme.label),
                *[w.number(v) if v else "" for v in values],
                w.number(sum(values)),
            ]
        )
        shading.append([None, *[v / top if v else None for v in values], None])
    out.add(
        Table(
            [w("Theme"), *[h for _b, _r, h in columns], w("Total")],
            rows,
            shading=shading,
            caption=w("B: block, R: round."),
        )
    )
    out.add(Landscape(False))
    places = places or Places(data, w)
    by_id = {note.id: note for note in data.notes}
    summaries = summarise_themes(
        [(theme.id, theme.label) for theme in codebook],
        [
            TaggedNote(n.id, (n.block, n.round or 0, n.table or 0), n.text, tuple(n.tags))
            for n in data.notes
            if n.tags
        ],
        cache_reader(w.lang),  # the notes were read for the rounds already
        asked="\n".join((data.info.title, data.info.purpose)),
    )
    descriptions = {theme.id: theme.description for theme in codebook}
    for summary in summaries:
        out.add(Heading(2, one_line(summary.label)))
        if descriptions.get(summary.id, "").strip():
            out.add(Markdown(descriptions[summary.id]))
        out.add(Text(w.n("Tagged in {n} note.", "Tagged in {n} notes.", summary.notes), "caption"))
        if summary.ideas:
            out.add(Text(w("Main ideas"), "label"))
            out.add(Bullets([idea_line(idea, w) for idea in summary.ideas]))
        for note_id in summary.examples:
            out.add(Text(places(by_id[note_id]), "label"))
            out.add(Markdown(by_id[note_id].text))


class Places:
    """Where a note was taken, as a label: "block · round · Table n · topic". Built once per
    outline (for the themes and the appendix)."""

    def __init__(self, data: EventData, w: Words) -> None:
        self._w = w
        self._blocks = {b.block.number: block_heading(b, w) for b in data.blocks}
        self._rounds = {
            (b.block.number, r.number): round_title(r, w) for b in data.blocks for r in b.rounds
        }
        self._topics = {t.id: topic_title(t, w) for b in data.blocks for t in b.topics}

    def block(self, number: int) -> str:
        """The heading of block `number` (its title, even when it contains " · ")."""
        return self._blocks.get(number, str(number))

    def __call__(self, note: Note) -> str:
        parts = [self.block(note.block)]
        if note.round is not None and (note.block, note.round) in self._rounds:
            parts.append(self._rounds[(note.block, note.round)])
        if note.table is not None:
            parts.append(self._w("Table {n}", n=note.table))
        if note.topic_id in self._topics:
            parts.append(self._topics[note.topic_id])
        return " · ".join(parts)


def appendices(
    out: Outline,
    data: EventData,
    w: Words,
    places: Places | None = None,
    options: Options | None = None,
) -> None:
    """The participants (only when asked for), the people who agreed to be contacted, the
    seating plan (only with names and every appendix), every note (unless none is asked)."""
    options = options or Options()
    people = data.participants
    if people and options.participants:
        out.add(Heading(1, w("Appendix: participants")))
        out.add(
            Table(
                [w("Name"), w("Organisation"), w("Sector"), w("Role")],
                [
                    [
                        one_line(p.name),
                        one_line(p.organisation),
                        one_line(p.sector),
                        w("Table host") if p.is_host else one_line(p.role),
                    ]
                    for p in people
                ],
            )
        )
    contacts(out, data, w)
    seated = [b for b in data.blocks if b.seats]
    if seated and options.names and options.appendices == "all":
        out.add(Heading(1, w("Appendix: seating plan")))
        by_id = data.participants_by_id
        for block in seated:
            out.add(Heading(2, block_heading(block, w)))
            rounds = sorted({s.round for s in block.seats})
            tables = sorted({s.table for s in block.seats})
            cells: dict[tuple[int, int], list[str]] = defaultdict(list)
            for seat in block.seats:
                person = by_id.get(seat.participant_id)
                name = one_line(person.name) if person else f"#{seat.participant_id}"
                cells[(seat.table, seat.round)].append(name + (" *" if seat.host else ""))
            rows = [
                [w("Table {n}", n=t), *[", ".join(cells.get((t, r), [])) for r in rounds]]
                for t in tables
            ]
            out.add(
                Table(
                    [w("Table"), *[w("Round {n}", n=r) for r in rounds]],
                    rows,
                    caption=w("* table host"),
                )
            )
    if data.notes and options.appendices in ("notes", "all"):
        out.add(Heading(1, w("Appendix: every note")))
        out.add(Text(w("Every note as it was typed, by block, round and table."), "caption"))
        places = places or Places(data, w)
        current_block = None
        current_place = None
        for note in data.notes:
            if note.block != current_block:
                current_block = note.block
                out.add(Heading(2, places.block(note.block)))
                current_place = None
            place = places(note)
            if place != current_place:
                current_place = place
                out.add(Text(place, "label"))
            out.add(Markdown(note.text))


YES = {"oui", "o", "yes", "y", "1", "x", "vrai", "true", "ok", "d accord"}
CONTACT_COLUMNS = ("courriel", "email", "e_mail", "mail", "telephone", "phone", "tel")


def agreed_to_contact(participant) -> bool:
    """The participant list's optional `contact_ok` column (oui / yes / x / 1)."""
    from facilitation.textmatch import fold

    for key, value in participant.extra.items():
        if fold(key).replace(" ", "_") in (
            "contact_ok",
            "contact",
            "ok_contact",
            "accepte_contact",
        ):
            return fold(str(value)) in YES
    return False


def contacts(out: Outline, data: EventData, w: Words) -> None:
    """Owen's contact list: the people who agreed to be contacted, with how to reach them."""
    from facilitation.textmatch import fold

    agreed = [p for p in data.participants if agreed_to_contact(p)]
    if not agreed:
        return
    out.add(Heading(1, w("Contact list")))
    out.add(Text(w("The participants who agreed to be contacted after the event."), "caption"))
    rows = []
    for person in agreed:
        reach = [
            one_line(value)
            for key, value in person.extra.items()
            if fold(key).replace(" ", "_") in CONTACT_COLUMNS and str(value).strip()
        ]
        rows.append([one_line(person.name), one_line(person.organisation), ", ".join(reach)])
    out.add(Table([w("Name"), w("Organisation"), w("Contact")], rows))
