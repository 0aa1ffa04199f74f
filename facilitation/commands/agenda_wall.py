"""What `facilitation agenda` does (its options are in commands/agenda.py, which imports this
only when the command runs): print the wall and its conflicts, suggest and apply an agenda,
write the wall to print."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from facilitation.commands.language import use_event_language
from facilitation.errors import UserError
from facilitation.i18n import _, current_language, ngettext
from facilitation.i18n.formatting import format_number
from facilitation.openspace.clashes import clash_count
from facilitation.openspace.conflicts import describe
from facilitation.openspace.missed import missed_summary
from facilitation.openspace.suggest import Suggestion, suggest_agenda
from facilitation.openspace.wall import (
    Wall,
    apply_suggestion,
    build_problem,
    load_wall,
    parse_capacities,
    parse_unavailable,
    resolve_block,
)

EMPTY = "\u2014"


def _topic_ids(values: list[str], wall: Wall) -> set[int]:
    out = set()
    for value in values:
        value = value.strip()
        found = [t.id for t in wall.active if t.title.casefold() == value.casefold()]
        if not found and value.lstrip("#").isdigit():
            found = [t.id for t in wall.active if t.id == int(value.lstrip("#"))]
        if not found:
            raise UserError(_("--fix: no active topic \u201c{value}\u201d").format(value=value))
        out.update(found)
    return out


def _print_wall(wall: Wall) -> None:
    block = wall.block
    print(
        _("Block {n} \u201c{title}\u201d: {slots} slots x {spaces} spaces, {topics} topics").format(
            n=block.number,
            title=block.title,
            slots=len(wall.slots),
            spaces=len(wall.spaces),
            topics=len(wall.active),
        )
    )
    width = max((len(s) for s in wall.spaces), default=0)
    for s, slot in enumerate(wall.slots):
        print(f"\n{slot}")
        for sp, space in enumerate(wall.spaces):
            topics = wall.at(s, sp)
            text = "; ".join(t.title + (f" ({t.convener})" if t.convener else "") for t in topics)
            mark = "!" if any(t.id in wall.conflicting() for t in topics) else " "
            print(f" {mark} {space.ljust(width)}  {text or EMPTY}")
    tray = wall.tray()
    if tray:
        print("\n" + _("Not yet on the wall:"))
        for t in tray:
            print(f"  - {t.title}" + (f" ({t.convener})" if t.convener else ""))
    _print_conflicts(wall)


def _print_conflicts(wall: Wall) -> None:
    count = len(wall.conflicts)
    print()
    if not count:
        print(_("No conflicts."))
        return
    print(ngettext("{n} conflict:", "{n} conflicts:", count).format(n=count))
    titles = wall.titles()
    for c in wall.conflicts:
        print("  - " + describe(c, titles, wall.slots, wall.spaces))


def _write_csv(path: str, cells: dict[int, tuple[int, int]], wall: Wall, unplaced: list[int]):
    """The suggested agenda as CSV: written whole or not at all, formulas neutralised."""
    from facilitation.outputs import output_via_temporary
    from facilitation.tabular import neutralise_formula as safe

    labels = wall.block.spaces
    with output_via_temporary(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["topic", "slot", "space"])
        for t in sorted(wall.active, key=lambda t: (cells.get(t.id, (99, 99)), t.id)):
            if t.id in cells:
                slot, space = cells[t.id]
                writer.writerow([safe(t.title), safe(wall.slots[slot]), safe(labels[space])])
            elif t.id in unplaced:
                writer.writerow([safe(t.title), "", ""])


def run(args: argparse.Namespace) -> int:
    from facilitation.store import Event

    if args.output and not args.suggest:
        raise UserError(_("-o/--output writes a suggested agenda: add --suggest"))
    if args.apply and not args.suggest:
        raise UserError(_("--apply puts a suggested agenda on the wall: add --suggest"))
    if args.print_to and Path(args.print_to).suffix.lower() not in (".docx", ".md"):
        raise UserError(_("--print: the file name must end with .docx or .md"))
    agendas = getattr(args, "agendas", None)
    if agendas and Path(agendas).suffix.lower() not in (".docx", ".md"):
        raise UserError(_("--agendas: the file name must end with .docx or .md"))
    with Event.open(args.event) as event:
        use_event_language(args, event)
        from facilitation.commands.waiting import say_waiting

        event.on_lock_wait = say_waiting  # a held lock: say so while waiting
        block = resolve_block(event.script, args.block)
        capacities = parse_capacities(args.capacity, block.spaces)
        wall = load_wall(event, block.number, capacities)
        cells = {t.id: (t.slot, t.space) for t in wall.active}
        if not args.suggest:
            _print_wall(wall)
        else:
            result = _suggest(event, wall, args)
            cells = dict(result.cells)
            wall = load_wall(event, block.number, capacities)
        if agendas:
            from facilitation.openspace.printing import write_agendas

            count = write_agendas(event, wall, cells, agendas, event.language)
            print(
                ngettext(
                    "{n} personal agenda written to {path}",
                    "{n} personal agendas written to {path}",
                    count,
                ).format(n=count, path=agendas)
            )
        if args.print_to:
            from facilitation.openspace.printing import write_wall
            from facilitation.outputs import output_via_temporary

            with output_via_temporary(args.print_to) as tmp:  # the whole file or none
                write_wall(wall, tmp, event.language)
            print(_("agenda wall written to {path}").format(path=args.print_to))
    return 0


def _suggest(event, wall: Wall, args: argparse.Namespace) -> Suggestion:
    if not wall.slots or not wall.spaces:
        raise UserError(_("this block has no time slots or no spaces: nothing to place"))
    unavailable = parse_unavailable(args.unavailable, wall.slots)
    problem = build_problem(
        event,
        wall,
        unavailable=unavailable,
        fixed=_topic_ids(args.fix, wall),
        keep_placed=args.keep_placed,
    )
    current = {t.id: t.slot for t in problem.topics}
    now = clash_count(current, problem.interests)
    missed_now = missed_summary(current, problem.interests)
    objective = getattr(args, "objective", "missed")
    result = suggest_agenda(problem, seed=args.seed, objective=objective)
    lang = current_language()
    people = len(problem.interests)
    print(
        _("{topics} topics, {fixed} fixed, {people} participants with interests").format(
            topics=len(problem.topics), fixed=len(problem.fixed), people=people
        )
    )
    print(_("optimised: {objective}").format(objective=_objective_label(objective)))
    print(
        _(
            "missed sessions: {n}, {more} participants miss more than one "
            "(current wall: {now}, {more_now})"
        ).format(
            n=result.missed.total,
            more=result.missed.more_than_one,
            now=missed_now.total,
            more_now=missed_now.more_than_one,
        )
    )
    print(_("clashes: {n} (current wall: {now})").format(n=result.clashes, now=now))
    print(_("time: {seconds} s").format(seconds=format_number(round(result.seconds, 2), lang)))
    titles = wall.titles()
    if result.unplaced:
        print(_("no place without breaking a constraint for:"))
        for topic_id in result.unplaced:
            print(f"  - {titles[topic_id]}")
    if args.output:
        _write_csv(args.output, result.cells, wall, result.unplaced)
        print(_("agenda written to {path}").format(path=args.output))
    if args.apply:
        moved = apply_suggestion(event, result, wall.active)
        print(ngettext("{n} topic moved", "{n} topics moved", moved).format(n=moved))
    elif not args.output:
        for s, slot in enumerate(wall.slots):
            print(f"\n{slot}")
            for t in sorted(wall.active, key=lambda t: result.cells.get(t.id, (0, 0))[1]):
                if result.cells.get(t.id, (None,))[0] == s:
                    space = wall.spaces[result.cells[t.id][1]]
                    pinned = " *" if t.id in result.fixed else ""
                    print(f"   {space}: {t.title}{pinned}")
    return result


def _objective_label(name: str) -> str:
    if name == "pairs":
        return _("pairs of wanted topics in one slot (clashes)")
    return _("sessions participants want but cannot attend (missed)")
