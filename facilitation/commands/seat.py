"""`facilitation seat`: a World Café seating plan for all rounds, with cards and table lists."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from facilitation.commands.language import use_event_language
from facilitation.errors import UserError
from facilitation.i18n import _, current_language
from facilitation.i18n.formatting import format_number

if TYPE_CHECKING:
    from facilitation.seating.model import Plan


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "seat",
        parents=[common],
        help=_("make a seating plan for the rounds of a World Café"),
        description=_(
            "Seat participants at tables for every round so that nobody travels with the same "
            "person from table to table when it can be avoided, hosts stay at their tables and "
            "tables mix organisations."
        ),
    )
    parser.add_argument(
        "source",
        metavar="PARTICIPANTS.csv|EVENT.db",
        help=_("the participant list, or an event file (the plan is then stored in the event)"),
    )
    parser.add_argument(
        "--block",
        type=int,
        metavar="N",
        help=_("with an event: the World Café block to seat (default: the first one)"),
    )
    parser.add_argument("--tables", type=int, metavar="T", help=_("number of tables"))
    parser.add_argument(
        "--rounds",
        type=int,
        metavar="R",
        help=_("number of rounds (with an event: default, the block's rounds)"),
    )
    parser.add_argument(
        "--table-size", type=int, metavar="P", help=_("seats per table (default: balanced)")
    )
    parser.add_argument(
        "--hosts-stay",
        action="store_true",
        help=_("table hosts (role “host”) stay at their table every round"),
    )
    parser.add_argument(
        "--mix-by",
        nargs="+",
        default=[],
        metavar=_("COLUMN"),
        help=_("columns to spread across tables, e.g. organisation sector"),
    )
    parser.add_argument(
        "--objective",
        choices=("balanced", "spread", "distinct"),
        default="balanced",
        help=_(
            "what to optimise: balanced (default: nobody travels with the same person round "
            "after round when it can be avoided, then repeats spread), spread (repeats over "
            "many pairs), distinct (meet as many different people as possible)"
        ),
    )
    parser.add_argument(
        "--seconds",
        type=float,
        metavar="S",
        help=_("search for up to S seconds (default: a fixed number of moves, about 1 to 3 s)"),
    )
    parser.add_argument("--seed", type=int, default=0, help=_("same seed, same plan"))
    parser.add_argument(
        "--allow-small-tables",
        action="store_true",
        help=_("accept tables of fewer than 3 people"),
    )
    parser.add_argument(
        "--replan-from",
        type=int,
        metavar=_("ROUND"),
        help=_("keep the rounds before ROUND from --previous and plan the others again"),
    )
    parser.add_argument("--previous", metavar="PLAN.csv", help=_("the plan to start from"))
    parser.add_argument("-o", "--output", metavar="PLAN.csv", help=_("write the plan (CSV)"))
    parser.add_argument(
        "--cards", metavar=_("CARDS.docx"), help=_("write participant cards (.docx or .csv)")
    )
    parser.add_argument(
        "--tables-docx",
        "--table-lists",
        dest="table_lists",
        metavar=_("TABLES.docx"),
        help=_("write the list of each table for each round (.docx or .csv)"),
    )
    parser.set_defaults(func=run)


def _check_output(path: str | None, option: str, allowed: tuple[str, ...]) -> None:
    if path and Path(path).suffix.lower() not in allowed:
        raise UserError(
            _("{option}: the file name must end with {suffixes}").format(
                option=option, suffixes=" / ".join(allowed)
            )
        )


def run(args: argparse.Namespace) -> int:
    source = Path(args.source)
    if source.suffix.lower() == ".db":
        from facilitation.seating.event_plan import (
            block_tables,
            event_participants,
            seatable_block,
            store_plan,
        )
        from facilitation.store import Event

        with Event.open(source) as event:
            use_event_language(args, event)
            from facilitation.commands.waiting import say_waiting

            event.on_lock_wait = say_waiting  # a held lock: say so while waiting
            block = seatable_block(event, args.block)
            participants = event_participants(event)
            args.rounds = args.rounds or len(block.rounds())
            args.tables = args.tables or (None if args.table_size else block_tables(event, block))
            plan = _plan_and_write(args, source, participants, block.table_themes)
            store_plan(event, block.number, plan, participants)
            print(
                _("plan stored in the event for block {n} ({title})").format(
                    n=block.number, title=block.title
                )
            )
            return 0
    if args.rounds is None:
        raise UserError(_("give the number of rounds (--rounds)"))
    from facilitation.seating.io import read_participants

    _plan_and_write(args, source, read_participants(source))
    return 0


def _plan_and_write(
    args: argparse.Namespace, source: Path, participants, themes: list[str] | None = None
) -> Plan:
    """Make the plan, print its quality, write the files asked for (naming each table's
    theme, `themes`, when the block gives them); returns the plan."""
    from facilitation.outputs import output_via_temporary
    from facilitation.seating import Options, make_plan
    from facilitation.seating.cards import write_cards, write_table_lists
    from facilitation.seating.io import read_plan, write_plan
    from facilitation.seating.report import quality_lines

    if args.seconds is not None and args.seconds <= 0:
        raise UserError(_("--seconds must be more than 0"))
    _check_output(args.cards, "--cards", (".docx", ".csv"))
    _check_output(args.table_lists, "--tables-docx", (".docx", ".csv"))
    if args.replan_from is not None and not args.previous:
        raise UserError(_("--replan-from needs the previous plan (--previous)"))
    previous = None
    if args.previous:
        tables = args.tables or (-(-len(participants) // args.table_size) if args.table_size else 1)
        previous = read_plan(args.previous, max(args.rounds, 1), max(tables, 1))
        if args.replan_from is None:
            raise UserError(_("--previous needs the round to plan again from (--replan-from)"))
    options = Options(
        rounds=args.rounds,
        tables=args.tables,
        table_size=args.table_size,
        hosts_stay=args.hosts_stay,
        mix_by=tuple(args.mix_by),
        seed=args.seed,
        allow_small_tables=args.allow_small_tables,
        replan_from=args.replan_from,
        previous=previous,
        source=str(source),
        objective=args.objective,
        seconds=args.seconds,
    )
    result = make_plan(participants, options)
    lang = current_language()
    plan = result.plan
    sizes = sorted(set(result.table_sizes), reverse=True)
    print(
        _("{n} participants, {tables} tables of {sizes} people, {rounds} rounds").format(
            n=len(participants),
            tables=plan.tables,
            sizes=_(" or ").join(str(s) for s in sizes),
            rounds=plan.rounds,
        )
    )
    for line in quality_lines(result):
        print(line)
    if options.mix_by:
        print(
            _("mixing violations: {count} (greedy baseline: {greedy})").format(
                count=result.quality.mixing, greedy=result.greedy.mixing
            )
        )
    print(_("time: {seconds} s").format(seconds=format_number(round(result.seconds, 2), lang)))
    if args.output:
        with output_via_temporary(args.output) as tmp:  # the whole file or none
            write_plan(plan, tmp, lang)
        print(_("plan written to {path}").format(path=args.output))
    else:
        for rnd in range(1, plan.rounds + 1):
            for table, members in sorted(plan.table_members(rnd).items()):
                line = _("round {round}, table {table}: {names}")
                print(line.format(round=rnd, table=table, names=", ".join(members)))
    if args.cards:
        with output_via_temporary(args.cards) as tmp:
            write_cards(plan, participants, tmp, lang, themes)
        print(_("participant cards written to {path}").format(path=args.cards))
    if args.table_lists:
        with output_via_temporary(args.table_lists) as tmp:
            write_table_lists(plan, participants, tmp, lang, themes)
        print(_("table lists written to {path}").format(path=args.table_lists))
    return plan
