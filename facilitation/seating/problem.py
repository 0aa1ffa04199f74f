"""Check the participants and options, and turn them into an indexed problem for the solvers.

Every inconsistency a user can fix is reported as a translated UserError naming the file and
line, or the option; all of them at once when there are several.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitation.errors import UserError, UserErrors
from facilitation.i18n import _
from facilitation.seating.checks import (
    check_fixed_apart,
    check_fixed_load,
    check_group,
    mixing,
    place_hosts,
    previous_meetings,
    user_error,
)
from facilitation.seating.model import Options, Participant
from facilitation.tabular import PARTICIPANT_COLUMNS, normalise_header


@dataclass
class Problem:
    names: list[str]
    tables: int
    rounds: int  # total rounds of the event
    first: int  # 0-based index of the first round to plan (0 unless re-planning)
    lo: int  # smallest table size
    hi: int  # largest table size
    n_hi: int  # how many tables have `hi` people in each round
    fixed: list[int]  # 0-based table of each person, or -1 if the person moves
    units: list[list[int]]  # keep-together groups (singletons for everyone else)
    unit_of: list[int]
    apart: list[frozenset[int]]
    mix: list[list[int]]  # per --mix-by column: value id of each person, -1 when blank
    caps: list[list[int]]  # per column, per value id: most people of that value per table
    meet0: list[list[int]]  # meetings already made in kept rounds (re-planning)
    hosts: list[int] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.names)

    @property
    def block(self) -> int:
        return self.rounds - self.first

    def movable_units(self) -> list[int]:
        return [u for u, members in enumerate(self.units) if self.fixed[members[0]] < 0]


def table_sizes(n: int, tables: int) -> tuple[int, int, int]:
    """Balanced sizes: (lo, hi, number of tables of size hi)."""
    lo, extra = divmod(n, tables)
    return (lo, lo + 1, extra) if extra else (lo, lo, tables)


def resolve_column(column: str, participants: list[Participant]) -> str | None:
    key = normalise_header(column)
    key = PARTICIPANT_COLUMNS.get(key, key)
    if participants and any(key in p.attributes for p in participants):
        return key
    return None


def _check_counts(n: int, options: Options) -> tuple[int, list[UserError]]:
    errors: list[UserError] = []
    if options.rounds < 1:
        errors.append(UserError(_("--rounds must be at least 1")))
    tables = options.tables
    size = options.table_size
    if size is not None and size < 1:
        errors.append(UserError(_("--table-size must be at least 1")))
        size = None
    if tables is not None and tables < 1:
        errors.append(UserError(_("--tables must be at least 1")))
        tables = None
    if tables is None and size is None and not errors:
        errors.append(
            UserError(_("give the number of tables (--tables) or their size (--table-size)"))
        )
    if n == 0:
        errors.append(user_error(_("there are no participants"), options))
        return 1, errors
    if size is not None and size > n:
        errors.append(
            UserError(
                _("--table-size {size} is larger than the number of participants ({n})").format(
                    size=size, n=n
                )
            )
        )
    if tables is None:
        tables = -(-n // size) if size else 1
    if size is not None and tables * size < n:
        errors.append(
            UserError(
                _(
                    "{tables} tables of {size} seat {seats} people, but there are {n} participants"
                ).format(tables=tables, size=size, seats=tables * size, n=n)
            )
        )
    if tables > n:
        errors.append(
            UserError(
                _("there are more tables ({tables}) than participants ({n})").format(
                    tables=tables, n=n
                )
            )
        )
    return tables, errors


def build_problem(participants: list[Participant], options: Options) -> Problem:
    errors: list[UserError] = []
    seen: dict[str, Participant] = {}
    for p in participants:
        key = p.name.strip().casefold()
        if not key:
            errors.append(user_error(_("a participant has no name"), options, p.line))
        elif key in seen:
            first = seen[key].line
            errors.append(
                user_error(
                    _("duplicate name “{name}” (already on line {line})").format(
                        name=p.name, line=first
                    ),
                    options,
                    p.line,
                )
            )
        else:
            seen[key] = p
    if errors:
        raise UserErrors(errors) if len(errors) > 1 else errors[0]
    people = list(participants)
    index = {p.name.strip().casefold(): i for i, p in enumerate(people)}
    n = len(people)
    tables, errors = _check_counts(n, options)
    rounds = max(options.rounds, 1)
    first = 0
    if options.replan_from is not None:
        if options.previous is None:
            errors.append(UserError(_("--replan-from needs the previous plan (--previous)")))
        elif not 1 <= options.replan_from <= rounds:
            errors.append(
                UserError(
                    _("--replan-from must be a round between 1 and {rounds}").format(rounds=rounds)
                )
            )
        else:
            first = options.replan_from - 1
    if errors:
        raise UserErrors(errors) if len(errors) > 1 else errors[0]
    lo, hi, n_hi = table_sizes(n, tables)
    if lo < 3 and not options.allow_small_tables:
        raise UserError(
            _(
                "with {n} participants and {tables} tables, some tables would have only {lo} "
                "people: use fewer tables, or --allow-small-tables"
            ).format(n=n, tables=tables, lo=lo)
        )

    # Names in keep_apart / keep_with must be participants.
    def lookup(p: Participant, names: tuple[str, ...], column: str) -> list[int]:
        out = []
        for name in names:
            j = index.get(name.strip().casefold())
            if j is None:
                errors.append(
                    user_error(
                        _("unknown name “{name}” in column {column}").format(
                            name=name, column=column
                        ),
                        options,
                        p.line,
                    )
                )
            elif people[j] is not p:
                out.append(j)
        return out

    apart: list[set[int]] = [set() for _ in people]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    fixed = [-1] * n
    for i, p in enumerate(people):
        for j in lookup(p, p.keep_apart, "keep_apart"):
            apart[i].add(j)
            apart[j].add(i)
        for j in lookup(p, p.keep_with, "keep_with"):
            parent[find(i)] = find(j)
        if p.fixed_table is not None:
            if not 1 <= p.fixed_table <= tables:
                errors.append(
                    user_error(
                        _("fixed table {table} is out of range (tables 1 to {tables})").format(
                            table=p.fixed_table, tables=tables
                        ),
                        options,
                        p.line,
                    )
                )
            else:
                fixed[i] = p.fixed_table - 1

    hosts = [i for i, p in enumerate(people) if p.is_host] if options.hosts_stay else []
    if len(hosts) > tables:
        errors.append(
            user_error(
                _("there are {hosts} table hosts but only {tables} tables").format(
                    hosts=len(hosts), tables=tables
                ),
                options,
            )
        )
    elif hosts:
        place_hosts(people, hosts, fixed, tables, options, errors)
    if errors:
        raise UserErrors(errors) if len(errors) > 1 else errors[0]

    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    units = sorted(groups.values(), key=lambda g: g[0])
    unit_of = [0] * n
    for u, members in enumerate(units):
        for i in members:
            unit_of[i] = u
        check_group(people, members, apart, fixed, hosts, hi, options, errors)
    check_fixed_load(people, fixed, tables, lo, hi, n_hi, options, errors)
    check_fixed_apart(people, apart, fixed, options, errors)
    if errors:
        raise UserErrors(errors) if len(errors) > 1 else errors[0]

    mix, caps = mixing(people, options, tables)
    meet0 = previous_meetings(people, options, first)
    return Problem(
        names=[p.name for p in people],
        tables=tables,
        rounds=rounds,
        first=first,
        lo=lo,
        hi=hi,
        n_hi=n_hi,
        fixed=fixed,
        units=units,
        unit_of=unit_of,
        apart=[frozenset(a) for a in apart],
        mix=mix,
        caps=caps,
        meet0=meet0,
        hosts=hosts,
    )
