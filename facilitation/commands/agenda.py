"""`facilitation agenda`: the Open Space agenda wall of an event, its conflicts, a suggested
agenda that minimises clashes, and the wall to print (.docx or .md)."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from facilitation.errors import UserError
from facilitation.i18n import _, current_language, ngettext, set_language
from facilitation.i18n.formatting import format_number
from facilitation.openspace.clashes import clash_count
from facilitation.openspace.conflicts import describe
from facilitation.openspace.suggest import suggest_agenda
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


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "agenda",
        parents=[common],
        help=_("show, suggest or print the agenda wall of an Open Space"),
        description=_(
            "Without options: print the agenda wall (time slots x spaces) and its conflicts. "
            "--suggest places the topics so that few people must choose between two topics "
            "they want, never double-booking a convener, never over a space's capacity, never "
            "moving a pinned topic. --print writes the wall to post."
        ),
    )
    parser.add_argument("event", metavar="EVENT.db", help=_("the event file"))
    parser.add_argument(
        "--block", type=int, metavar="N", help=_("the Open Space block (default: the first)")
    )
    parser.add_argument("--suggest", action="store_true", help=_("suggest an agenda"))
    parser.add_argument(
        "-o", "--output", metavar="AGENDA.csv", help=_("write the suggested agenda (CSV)")
    )
    parser.add_argument(
        "--apply", action="store_true", help=_("put the suggested agenda on the wall")
    )
    parser.add_argument(
        "--capacity",
        action="append",
        default=[],
        metavar=_("SPACE=N"),
        help=_("people a space holds, e.g. \u201cSalle A=40\u201d (repeat for each space)"),
    )
    parser.add_argument(
        "--unavailable",
        action="append",
        default=[],
        metavar=_("NAME=SLOT"),
        help=_("a convener who cannot attend slots, e.g. \u201cMarie Tremblay=1,2\u201d"),
    )
    parser.add_argument(
        "--fix",
        action="append",
        default=[],
        metavar=_("TOPIC"),
        help=_("keep this topic (title or number) where it is, like a pinned one"),
    )
    parser.add_argument(
        "--keep-placed",
        action="store_true",
        help=_("keep every topic already on the wall where it is; place only the others"),
    )
    parser.add_argument("--seed", type=int, default=0, help=_("same seed, same agenda"))
    parser.add_argument(
        "--print",
        dest="print_to",
        metavar="WALL.docx",
        help=_("write the wall to print (.docx or .md)"),
    )
    parser.set_defaults(func=run)


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
    labels = wall.block.spaces
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["topic", "slot", "space"])
        for t in sorted(wall.active, key=lambda t: (cells.get(t.id, (99, 99)), t.id)):
            if t.id in cells:
                slot, space = cells[t.id]
                writer.writerow([t.title, wall.slots[slot], labels[space]])
            elif t.id in unplaced:
                writer.writerow([t.title, "", ""])


def run(args: argparse.Namespace) -> int:
    from facilitation.store import Event

    if args.output and not args.suggest:
        raise UserError(_("-o/--output writes a suggested agenda: add --suggest"))
    if args.apply and not args.suggest:
        raise UserError(_("--apply puts a suggested agenda on the wall: add --suggest"))
    if args.print_to and Path(args.print_to).suffix.lower() not in (".docx", ".md"):
        raise UserError(_("--print: the file name must end with .docx or .md"))
    with Event.open(args.event) as event:
        set_language(args.lang or event.language)
        block = resolve_block(event.script, args.block)
        capacities = parse_capacities(args.capacity, block.spaces)
        wall = load_wall(event, block.number, capacities)
        if not args.suggest:
            _print_wall(wall)
        else:
            _suggest(event, wall, args)
            wall = load_wall(event, block.number, capacities)
        if args.print_to:
            from facilitation.openspace.printing import write_wall

            write_wall(wall, args.print_to, event.language)
            print(_("agenda wall written to {path}").format(path=args.print_to))
    return 0


def _suggest(event, wall: Wall, args: argparse.Namespace) -> None:
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
    now = clash_count({t.id: t.slot for t in problem.topics}, problem.interests)
    result = suggest_agenda(problem, seed=args.seed)
    lang = current_language()
    people = len(problem.interests)
    print(
        _("{topics} topics, {fixed} fixed, {people} participants with interests").format(
            topics=len(problem.topics), fixed=len(problem.fixed), people=people
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
