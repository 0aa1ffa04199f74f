"""The checks of build_problem that need the whole list: hosts and their tables, keep-together
groups, people fixed at a table, keep-apart pairs, mixing columns and the meetings of rounds
kept from a previous plan. Each appends translated UserErrors naming the file and line.
"""

from __future__ import annotations

from facilitation.errors import UserError
from facilitation.i18n import _
from facilitation.seating.model import Options
from facilitation.textmatch import fold


def user_error(message: str, options: Options, line: int | None = None) -> UserError:
    return UserError(message, path=options.source, line=line if options.source else None)


def place_hosts(people, hosts, fixed, tables, options, errors) -> None:
    """Each host keeps one table: their fixed table, else their table in the previous plan,
    else the first free one in list order."""
    taken: dict[int, int] = {}
    previous = options.previous.seats if options.previous and options.replan_from else {}
    for h in hosts:
        if fixed[h] < 0 and people[h].name in previous:
            earlier = previous[people[h].name]
            kept = [t for r, t in earlier.items() if r < options.replan_from]
            if kept and 1 <= kept[-1] <= tables:
                fixed[h] = kept[-1] - 1
        if fixed[h] >= 0:
            if fixed[h] in taken:
                errors.append(
                    user_error(
                        _("{a} and {b} are both hosts of table {table}").format(
                            a=people[taken[fixed[h]]].name, b=people[h].name, table=fixed[h] + 1
                        ),
                        options,
                        people[h].line,
                    )
                )
            taken[fixed[h]] = h
    free = (t for t in range(tables) if t not in taken)
    for h in hosts:
        if fixed[h] < 0:
            fixed[h] = next(free)
            taken[fixed[h]] = h


def check_group(people, members, apart, fixed, hosts, hi, options, errors) -> None:
    names = ", ".join(people[i].name for i in members)
    line = people[members[0]].line
    if len(members) > hi:
        errors.append(
            user_error(
                _("{names} must sit together but are more than a table holds ({size})").format(
                    names=names, size=hi
                ),
                options,
                line,
            )
        )
    for i in members:
        for j in apart[i]:
            if j in members and i < j:
                errors.append(
                    user_error(
                        _("{a} and {b} must both sit together and apart").format(
                            a=people[i].name, b=people[j].name
                        ),
                        options,
                        people[i].line,
                    )
                )
    tables = {fixed[i] for i in members if fixed[i] >= 0}
    if len(tables) > 1:
        errors.append(
            user_error(
                _("{names} must sit together but are fixed at different tables").format(
                    names=names
                ),
                options,
                line,
            )
        )
    elif tables:
        # A keep-together group follows the one of its members who cannot move.
        table = tables.pop()
        for i in members:
            fixed[i] = table


def check_fixed_load(people, fixed, tables, lo, hi, n_hi, options, errors) -> None:
    load = [0] * tables
    for t in fixed:
        if t >= 0:
            load[t] += 1
    for t, count in enumerate(load):
        if count > hi:
            errors.append(
                user_error(
                    _("{count} people are fixed at table {table}, which has {size} seats").format(
                        count=count, table=t + 1, size=hi
                    ),
                    options,
                )
            )
    if lo < hi and sum(1 for c in load if c == hi) > n_hi:
        errors.append(
            user_error(_("too many tables are filled by people with a fixed table"), options)
        )


def check_fixed_apart(people, apart, fixed, options, errors) -> None:
    for i, others in enumerate(apart):
        for j in others:
            if i < j and fixed[i] >= 0 and fixed[i] == fixed[j]:
                errors.append(
                    user_error(
                        _("{a} and {b} must sit apart but are both fixed at table {table}").format(
                            a=people[i].name, b=people[j].name, table=fixed[i] + 1
                        ),
                        options,
                        people[i].line,
                    )
                )


def mixing(people, options, tables) -> tuple[list[list[int]], list[list[int]]]:
    mix: list[list[int]] = []
    caps: list[list[int]] = []
    for column in options.mix_by:
        from facilitation.seating.problem import resolve_column

        key = resolve_column(column, people)
        if key is None:
            raise UserError(
                _("--mix-by: there is no column “{column}” in {path}").format(
                    column=column, path=options.source or _("the participant list")
                )
            )
        ids: dict[str, int] = {}
        values = []
        for p in people:
            text = fold(p.attributes.get(key, ""))
            values.append(ids.setdefault(text, len(ids)) if text else -1)
        counts = [0] * len(ids)
        for v in values:
            if v >= 0:
                counts[v] += 1
        mix.append(values)
        # Spread each value evenly: at most ceil(count / tables) per table, so an organisation
        # with fewer members than tables never has two of them at one table.
        caps.append([-(-c // tables) for c in counts])
    return mix, caps


def previous_meetings(people, options, first) -> list[list[int]]:
    n = len(people)
    meet = [[0] * n for _ in range(n)]
    if not first or options.previous is None:
        return meet
    index = {p.name: i for i, p in enumerate(people)}
    for rnd in range(1, first + 1):
        for members in options.previous.table_members(rnd).values():
            present = [index[m] for m in members if m in index]
            for a in present:
                row = meet[a]
                for b in present:
                    if a != b:
                        row[b] += 1
    return meet
