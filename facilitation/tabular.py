"""Reading the CSV files people export from Excel, LibreOffice or Google Sheets.

UTF-8 with or without BOM (Excel writes one), or Windows-1252 as a last resort; comma or
semicolon delimited (French Excel writes semicolons); header names in French or English,
any case, with or without accents. Rows keep their line number for error messages.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from facilitation.errors import UserError
from facilitation.i18n import _, current_language
from facilitation.textmatch import fold_key


def normalise_header(name: str) -> str:
    """`Organisme ` -> `organisme`, `Secteur d'activité` -> `secteur_d_activite`."""
    return fold_key(name)


@dataclass
class Row:
    line: int  # line number in the file (the header is line 1)
    values: dict[str, str]  # canonical column name -> cell text (stripped)
    extra: dict[str, str] = field(default_factory=dict)  # unknown columns, original header names


@dataclass
class Table:
    path: Path
    columns: list[str]  # canonical names of the known columns present
    extra_columns: list[str]  # original header names of the columns kept as extras
    rows: list[Row]


def decode(raw: bytes, path: Path) -> str:
    if b"\x00" in raw[:4096]:
        raise UserError(_("this is not a text file (CSV expected)"), path=path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(path: str | Path, aliases: dict[str, str], required: tuple[str, ...] = ()) -> Table:
    """Read `path`; `aliases` maps normalised header names (fr and en) to canonical names.

    Unknown columns are kept as extras. Raises UserError naming the file if it cannot be read
    or a required column is missing.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(
            _("cannot read this file: {reason}").format(reason=exc.strerror), path=path
        ) from None
    text = decode(raw, path)
    if not text.strip():
        raise UserError(_("the file is empty"), path=path)
    delimiter = sniff_delimiter(text.splitlines()[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise UserError(
            _("cannot read the header: {reason}").format(reason=exc), path=path, line=1
        ) from None
    mapping: list[str | None] = []
    columns: list[str] = []
    extra_columns: list[str] = []
    for name in header:
        canonical = aliases.get(normalise_header(name))
        if canonical and canonical not in columns:
            mapping.append(canonical)
            columns.append(canonical)
        elif name.strip():
            mapping.append(None)
            extra_columns.append(name.strip())
        else:
            mapping.append(None)
    missing = [c for c in required if c not in columns]
    if missing:
        raise UserError("; ".join(_missing_column(aliases, c) for c in missing), path=path, line=1)
    rows: list[Row] = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            row = Row(line=line, values={})
            for index, cell in enumerate(cells):
                if index >= len(mapping):
                    break
                canonical = mapping[index]
                if canonical:
                    row.values[canonical] = cell.strip()
                elif index < len(header) and header[index].strip():
                    row.extra[header[index].strip()] = cell.strip()
            rows.append(row)
    except csv.Error as exc:
        raise UserError(
            _("cannot read this line: {reason}").format(reason=exc), path=path, line=reader.line_num
        ) from None
    return Table(path=path, columns=columns, extra_columns=extra_columns, rows=rows)


class Aliases(dict):
    """Normalised header name -> canonical column name; `spellings[canonical]` keeps the names
    as written (the canonical English one first, then the others, French first)."""

    spellings: dict[str, list[str]]


def aliases(**names: tuple[str, ...]) -> Aliases:
    """Build an alias map: aliases(name=("nom", "participant")) -> {"nom": "name", ...}."""
    out = Aliases()
    out.spellings = {}
    for canonical, options in names.items():
        out[normalise_header(canonical)] = canonical
        out.spellings[canonical] = [canonical, *options]
        for option in options:
            out[normalise_header(option)] = canonical
    return out


def _missing_column(aliases: dict[str, str], canonical: str) -> str:
    """ "missing column: texte (also accepted: note, …)", the column named in the user's
    language (its first alias is the French name)."""
    spellings = list(getattr(aliases, "spellings", {}).get(canonical, [canonical]))
    if current_language() == "fr" and len(spellings) > 1:
        spellings.insert(0, spellings.pop(1))
    return _("missing column: {column} (also accepted: {names})").format(
        column=spellings[0], names=", ".join(spellings[1:]) or "-"
    )


# What `facilitation import --kind` reads (facilitation.store.importing has the columns of each).
IMPORT_KINDS = ("participants", "notes", "topics", "interests", "votes", "actions")

PARTICIPANT_COLUMNS = aliases(
    name=("nom", "participant", "participante", "prenom_nom", "nom_complet", "full_name"),
    organisation=("organization", "organisme", "organisation", "org", "employeur", "employer"),
    sector=("secteur", "secteur_d_activite", "sector_of_activity", "milieu"),
    role=("rôle", "fonction_a_la_table"),
    language=("langue", "lang"),
)
