"""Reading the CSV files people export from Excel, LibreOffice or Google Sheets.

Encodings, told per file: UTF-8 with or without BOM (Excel writes one); UTF-16 with a BOM
(Excel's "Unicode text"); Windows-1252 for a file with no UTF-8 in it at all (old Excel). A
file that is UTF-8 in places and not in others is refused at the line of the first bad byte,
never decoded wholesale in another encoding ("HÃ©lÃ¨ne"). Comma, semicolon (French Excel) or
tab delimited, told by `csv.Sniffer`; header names in French or English, any case, with or
without accents. A quote that is never closed is an error at the line it opens. Rows keep
their line number for error messages.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from facilitation.errors import UserError
from facilitation.i18n import _, current_language
from facilitation.textmatch import fold_key

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")


def neutralise_formula(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading `'` (OWASP, CSV injection).
    Cells already starting with `'` before such a character get one more, so that
    `unneutralise` gives back exactly what was written."""
    if cell.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def unneutralise(cell: str) -> str:
    """The cell as it was before `neutralise_formula` (a spreadsheet's text marker `'`)."""
    if _NEUTRALISED.match(cell):
        return cell[1:]
    return cell


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


DELIMITERS = ";,\t"
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _line_of(raw: bytes, offset: int, newline: bytes = b"\n") -> int:
    return raw[:offset].count(newline) + 1


def decode(raw: bytes, path: Path) -> str:
    """The text of a CSV file, in the one encoding it is written in (see the module's doc)."""
    for bom, encoding, newline in (
        (codecs.BOM_UTF16_LE, "utf-16-le", b"\n\x00"),
        (codecs.BOM_UTF16_BE, "utf-16-be", b"\x00\n"),
    ):
        if raw.startswith(bom):
            body = raw[len(bom) :]
            try:
                return body.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UserError(
                    _("this file is UTF-16 but this line is not: save it again as UTF-8"),
                    path=path,
                    line=_line_of(body, exc.start - exc.start % 2, newline),
                ) from None
    if b"\x00" in raw[:4096]:
        raise UserError(_("this is not a text file (CSV expected)"), path=path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(raw):  # UTF-8 elsewhere in the file: a mixed file
            raise UserError(
                _(
                    "this file is UTF-8 but this line is not (a character from another"
                    " encoding): correct it or save the file again as UTF-8"
                ),
                path=path,
                line=_line_of(raw, exc.start),
            ) from None
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UserError(
            _("this line has a character that is neither UTF-8 nor Windows-1252: save it as UTF-8"),
            path=path,
            line=_line_of(raw, exc.start),
        ) from None


def sniff_delimiter(sample: str) -> str:
    """`;`, `,` or a tab: what `csv.Sniffer` finds in the first lines, else the most frequent
    of them on the first line (a one-column file: `,`)."""
    first_line = sample.split("\n", 1)[0]
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if found and found in first_line:
        return found
    counts = {d: first_line.count(d) for d in DELIMITERS}
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
    delimiter = sniff_delimiter("\n".join(text.splitlines()[:20]))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
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
    start = reader.line_num + 1  # where the row being read starts (a cell may span lines)
    try:
        for cells in reader:
            line = start
            start = reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            row = Row(line=line, values={})
            for index, cell in enumerate(cells):
                if index >= len(mapping):
                    break
                canonical = mapping[index]
                if canonical:
                    row.values[canonical] = unneutralise(cell.strip())
                elif index < len(header) and header[index].strip():
                    row.extra[header[index].strip()] = unneutralise(cell.strip())
            rows.append(row)
    except csv.Error:
        raise UserError(
            _(
                'a quoted cell starts on this line and is not closed properly (a \u201c"\u201d'
                " is missing or misplaced): the rows after it would be read as one cell"
            ),
            path=path,
            line=start,
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
