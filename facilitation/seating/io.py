"""Reading participant lists and previous plans, writing plans (CSV).

Seating columns of the participant list (all optional, French or English headers):
- `fixed_table` (`table_fixe`): a table number; the person sits there in every round;
- `keep_apart` (`separer`, `pas_avec`): names this person must never share a table with;
- `keep_with` (`with`, `avec`, `ensemble`): names this person must share every table with.
Several names in one cell are separated by `;`, `|` or `,`.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from facilitation.errors import UserError, UserErrors
from facilitation.i18n import _
from facilitation.seating.model import Participant, Plan
from facilitation.tabular import PARTICIPANT_COLUMNS, aliases, normalise_header, read_table

SEATING_COLUMNS = {
    **PARTICIPANT_COLUMNS,
    **aliases(
        fixed_table=("table_fixe", "fixed_seat", "place_fixe", "table_fixee"),
        keep_apart=("separer", "séparer", "pas_avec", "not_with", "apart", "eviter"),
        keep_with=("with", "avec", "ensemble", "keep_together", "garder_avec", "together"),
    ),
}
PLAN_COLUMNS = aliases(
    name=("nom", "participant", "participante"),
    round=("ronde", "tour", "round_number"),
    table=("table_number", "numero_de_table", "no_table"),
)
_NAME_SEPARATORS = re.compile(r"[;|,\n]")


def split_names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in _NAME_SEPARATORS.split(text) if name.strip())


def read_participants(path: str | Path) -> list[Participant]:
    table = read_table(path, SEATING_COLUMNS, required=("name",))
    errors: list[UserError] = []
    people = []
    for row in table.rows:
        values = row.values
        attributes = dict(values)
        for header, cell in row.extra.items():
            attributes[normalise_header(header)] = cell
        fixed = None
        text = values.get("fixed_table", "")
        if text:
            try:
                fixed = int(text)
            except ValueError:
                errors.append(
                    UserError(
                        _("“{value}” is not a table number (column fixed_table)").format(
                            value=text
                        ),
                        path=path,
                        line=row.line,
                    )
                )
        people.append(
            Participant(
                name=values.get("name", ""),
                organisation=values.get("organisation", ""),
                sector=values.get("sector", ""),
                role=values.get("role", ""),
                attributes=attributes,
                fixed_table=fixed,
                keep_apart=split_names(values.get("keep_apart", "")),
                keep_with=split_names(values.get("keep_with", "")),
                line=row.line,
            )
        )
    if errors:
        raise UserErrors(errors) if len(errors) > 1 else errors[0]
    return people


def read_plan(path: str | Path, rounds: int, tables: int) -> Plan:
    """A plan written by `facilitation seat -o` (columns name, round, table)."""
    table = read_table(path, PLAN_COLUMNS, required=("name", "round", "table"))
    plan = Plan(rounds=rounds, tables=tables)
    errors: list[UserError] = []
    for row in table.rows:
        try:
            rnd = int(row.values.get("round", ""))
            number = int(row.values.get("table", ""))
        except ValueError:
            errors.append(UserError(_("round and table must be numbers"), path=path, line=row.line))
            continue
        if not 1 <= number <= tables:
            errors.append(
                UserError(
                    _("table {table} is out of range (tables 1 to {tables})").format(
                        table=number, tables=tables
                    ),
                    path=path,
                    line=row.line,
                )
            )
        elif 1 <= rnd <= rounds:
            plan.seats.setdefault(row.values.get("name", ""), {})[rnd] = number
    if errors:
        raise UserErrors(errors) if len(errors) > 1 else errors[0]
    return plan


# The plan's headers in the run's language; `read_plan` reads every one of them back.
PLAN_HEADERS = {"en": ("name", "round", "table"), "fr": ("nom", "ronde", "table")}


def write_plan(plan: Plan, path: str | Path, lang: str = "en") -> None:
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(PLAN_HEADERS.get(lang, PLAN_HEADERS["en"]))
        for name, rnd, table in sorted(plan.rows(), key=lambda row: (row[1], row[2], row[0])):
            writer.writerow([name, rnd, table])


def participants_from_event(event) -> list[Participant]:
    """The event's participants as the seating engine sees them (extra columns included, so
    --mix-by and the fixed_table/keep_apart/keep_with columns work as with a CSV list)."""
    people = []
    for person in event.list_participants():
        attributes = {
            "name": person.name,
            "organisation": person.organisation,
            "sector": person.sector,
            "role": person.role,
            "language": person.language,
        }
        for header, cell in person.extra.items():
            attributes.setdefault(
                SEATING_COLUMNS.get(normalise_header(header), normalise_header(header)), cell
            )
        fixed = attributes.get("fixed_table", "").strip()
        people.append(
            Participant(
                name=person.name,
                organisation=person.organisation,
                sector=person.sector,
                role=person.role,
                attributes=attributes,
                fixed_table=int(fixed) if fixed.isdigit() else None,
                keep_apart=split_names(attributes.get("keep_apart", "")),
                keep_with=split_names(attributes.get("keep_with", "")),
            )
        )
    return people
