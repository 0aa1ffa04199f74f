"""Photos of what the room made: tablecloths, flipcharts, a graphic harvest.

    add_photo(event, data, block=1, round=2, table=3, caption="...")
    import_photos(event, Path("photos/"))        # names say where: "b1-r2-t3.jpg"
    import_photos(event, Path("photos.csv"))     # or a CSV: file, block, round, table, caption

A photo is stored in the event file resized (at most MAX_SIDE pixels), turned the way its
camera's EXIF orientation says, and re-encoded without any metadata (so a phone's GPS position
never reaches the document). Pillow reads it; files too big or of another type are refused with
a message naming the file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from facilitation.errors import UserError, UserErrors
from facilitation.i18n import _
from facilitation.textmatch import fold

if TYPE_CHECKING:
    from facilitation.store.event import Event

MAX_SIDE = 1600  # pixels: sharp on a printed page, small in the event file
MAX_BYTES = 40 * 1024 * 1024
SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
# Pictures we do not take: named in the problems rather than skipped without a word.
OTHER_PICTURES = (".heic", ".heif", ".gif", ".tif", ".tiff", ".bmp", ".raw", ".dng")
# "b1-r2-t3", "bloc 1 ronde 2 table 3", "block1_round2_table3", "t3": numbers after a word.
_PART = re.compile(r"\b(b|bloc|block|r|ronde|round|t|table)\s*(\d{1,3})\b")
_KEYS = {"b": "block", "bloc": "block", "block": "block", "r": "round", "ronde": "round"}
_KEYS |= {"round": "round", "t": "table", "table": "table"}


@dataclass
class Photo:
    id: int
    block: int | None
    round: int | None
    table: int | None
    caption: str
    mime: str  # "image/jpeg" or "image/png"
    width: int
    height: int
    data: bytes


def prepare(data: bytes, name: str) -> tuple[bytes, str, int, int]:
    """(image bytes, mime type, width, height): turned upright, at most MAX_SIDE pixels,
    without EXIF/XMP metadata. UserError naming `name` when it is not a picture we take."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > MAX_BYTES:
        raise UserError(
            _("this photo is larger than {mb} MB").format(mb=MAX_BYTES // 2**20), path=name
        )
    try:
        with Image.open(io.BytesIO(data)) as opened:
            kind = opened.format
            if kind not in ("JPEG", "PNG", "WEBP", "MPO"):
                raise UserError(_("a photo must be a JPEG, PNG or WebP file"), path=name)
            picture = ImageOps.exif_transpose(opened)
            picture.thumbnail((MAX_SIDE, MAX_SIDE))
            keep_alpha = kind == "PNG" and picture.mode in ("RGBA", "LA", "P")
            picture = picture.convert("RGBA" if keep_alpha else "RGB")
            out = io.BytesIO()
            if keep_alpha:
                picture.save(out, "PNG", optimize=True)  # no text chunks, no EXIF: none given
                mime = "image/png"
            else:
                picture.save(out, "JPEG", quality=85, optimize=True)
                mime = "image/jpeg"
            return out.getvalue(), mime, picture.width, picture.height
    except UnidentifiedImageError:
        raise UserError(_("a photo must be a JPEG, PNG or WebP file"), path=name) from None
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UserError(
            _("cannot read this photo: {reason}").format(reason=exc), path=name
        ) from None


def add_photo(
    event: Event,
    data: bytes,
    *,
    block: int | None = None,
    round: int | None = None,
    table: int | None = None,
    caption: str = "",
    name: str = "",
) -> int:
    """Store a photo (prepared: upright, resized, no metadata); returns its id."""
    image, mime, width, height = prepare(data, name or _("photo"))
    return _insert(event, image, mime, width, height, block, round, table, caption, name)


def _insert(event: Event, image, mime, width, height, block, round, table, caption, name) -> int:
    with event._write() as conn:
        cursor = conn.execute(
            "INSERT INTO photos (block, round, table_no, caption, source_name, mime, width,"
            " height, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (block, round, table, caption.strip(), name, mime, width, height, image, event._now()),
        )
        return int(cursor.lastrowid or 0)


def list_photos(event: Event) -> list[Photo]:
    with event._read() as conn:
        rows = conn.execute(
            "SELECT id, block, round, table_no, caption, mime, width, height, data FROM photos"
            " ORDER BY block, round, table_no, id"
        ).fetchall()
    return [Photo(*row) for row in rows]


def place_from_name(name: str) -> dict[str, int]:
    """{"block": 1, "round": 2, "table": 3} from a file name such as "b1-r2-t3.jpg" or
    "Bloc 1 - Ronde 2 - Table 3.jpeg" (what the name does not say is left out)."""
    found: dict[str, int] = {}
    for word, number in _PART.findall(fold(Path(name).stem).replace("_", " ")):
        found.setdefault(_KEYS[word], int(number))
    return found


def import_photos(event: Event, source: Path) -> int:
    """Every photo of the folder `source` (placed by its name), or of the CSV `source` (columns
    file/fichier, block/bloc, round/ronde, table, caption/legende). All or nothing: every
    problem is listed (UserErrors) and nothing is stored unless every photo is good."""
    source = Path(source)
    entries: list[tuple[Path, dict[str, int], str, int | None]]
    if source.is_dir():
        entries = [
            (path, place_from_name(path.name), "", None)
            for path in sorted(source.iterdir())
            if path.suffix.lower() in SUFFIXES + OTHER_PICTURES and not path.name.startswith(".")
        ]
    elif source.is_file() and source.suffix.lower() == ".csv":
        entries = _csv_entries(source)
    else:
        raise UserError(_("give a folder of photos or a CSV file listing them"), path=source)
    problems: list[UserError] = []
    prepared = []
    for path, place, caption, line in entries:
        if path.suffix.lower() in OTHER_PICTURES:
            message = _("a photo must be a JPEG, PNG or WebP file")
            problems.append(UserError(message, path=path, line=line))
            continue
        try:
            data = path.read_bytes()
            prepared.append((prepare(data, str(path)), place, caption, path.name))
        except UserError as exc:
            problems.append(UserError(exc.message, path=exc.path or source, line=line))
        except OSError as exc:
            problems.append(UserError(str(exc.strerror), path=path, line=line))
    if problems:
        raise UserErrors(problems)
    if not prepared:
        raise UserError(_("no photo found (JPEG, PNG or WebP)"), path=source)
    with event._write():
        for (image, mime, width, height), place, caption, name in prepared:
            _insert(
                event, image, mime, width, height,
                place.get("block"), place.get("round"), place.get("table"), caption, name,
            )  # fmt: skip
    return len(prepared)


_COLUMNS = {
    "file": ("file", "fichier", "photo", "image", "nom"),
    "block": ("block", "bloc"),
    "round": ("round", "ronde"),
    "table": ("table",),
    "caption": ("caption", "legende", "titre", "description"),
}


def _csv_entries(source: Path) -> list[tuple[Path, dict[str, int], str, int | None]]:
    text = source.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.count(";") > text.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        raise UserError(_("the CSV file is empty"), path=source)
    header = [fold(cell) for cell in rows[0]]
    where: dict[str, int] = {}
    for key, names in _COLUMNS.items():
        for index, cell in enumerate(header):
            if cell in names:
                where.setdefault(key, index)
    if "file" not in where:
        raise UserError(_("the CSV file needs a column 'fichier' (file)"), path=source, line=1)
    entries: list[tuple[Path, dict[str, int], str, int | None]] = []
    problems: list[UserError] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def value_of(key: str, row: list[str] = row) -> str:
            index = where.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        place: dict[str, int] = {}
        for key in ("block", "round", "table"):
            value = value_of(key)
            if value:
                if not value.isdigit():
                    problems.append(
                        UserError(
                            _("'{value}' is not a number ({column})").format(
                                value=value, column=key
                            ),
                            path=source,
                            line=number,
                        )
                    )
                    continue
                place[key] = int(value)
        entries.append((source.parent / value_of("file"), place, value_of("caption"), number))
    if problems:
        raise UserErrors(problems)
    return entries
