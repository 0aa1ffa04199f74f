"""simplemma's dictionaries, decoded once per machine rather than once per process.

simplemma ships each language's dictionary as an lzma-compressed front-coded stream; decoding
the French one (250,000 forms) takes about 0.15-0.3 s of pure Python, the largest part of a
first synthesis in a fresh process. This module decodes it once and keeps the decoded table
in the user's cache folder (`platformdirs.user_cache_dir("facilitation")`), in hash buckets
behind an array of their offsets: reading it is reading a file (a few milliseconds), and a
form is looked up in its bucket only when asked for (a synthesis asks for a few thousand).

The lemmas are simplemma's own: the table is the very dictionary simplemma builds, handed to
a `simplemma.Lemmatizer` set up as `simplemma.lemmatize` sets up its own. A cache file is
named after simplemma's version and the language, carries the size of the shipped data file
and a checksum, and is written beside its final name then renamed (complete or absent). A
corrupt, foreign or stale file is rebuilt; a cache folder that cannot be written (read-only
home) only means the dictionary is decoded in memory as before. With a simplemma whose
internals differ (another major version), `lemmatizer()` returns None and the caller uses
`simplemma.lemmatize` itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import zlib
from array import array
from collections.abc import ItemsView, Iterator, Mapping
from itertools import accumulate
from pathlib import Path
from typing import Any

FORMAT = 2
MAGIC = b"facilitation lemma table\n"
SEPARATOR = b"\0"
PER_BUCKET = 8  # forms per hash bucket, on average


def cache_folder() -> Path | None:
    """Where the decoded dictionaries are kept (None: nowhere, decode in memory)."""
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("facilitation", appauthor=False))
    except Exception:  # no home, no platformdirs: no cache, never an error
        return None


def _source(lang: str) -> tuple[str, int]:
    """simplemma's version and the size of its data file for `lang` (0 when unknown)."""
    import simplemma
    from simplemma.strategies.dictionaries import dictionary_factory

    folder = getattr(dictionary_factory, "DATA_FOLDER", None)
    size = 0
    if folder is not None:
        try:
            size = (Path(folder) / f"{lang}.plzma").stat().st_size
        except OSError:
            size = 0
    return str(simplemma.__version__), size


def _file(folder: Path, lang: str, version: str) -> Path:
    safe = "".join(c if c.isalnum() or c in ".-" else "_" for c in version)
    return folder / f"simplemma-{safe}-{lang}.lemmas"


def _header(lang: str, version: str, size: int) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "simplemma": version,
        "lang": lang,
        "source": size,
        "byteorder": sys.byteorder,
    }


def _bucket(key: bytes, buckets: int) -> int:
    return zlib.crc32(key) % buckets


def encode(table: Mapping[bytes, bytes], header: dict[str, Any]) -> bytes | None:
    """The cache file's bytes for `table`: the forms in hash buckets ("form\0lemma\0"...),
    behind the offsets of the buckets; None if a form or lemma holds the separator. (Each
    bucket's entries in the table's order, gathered in one pass: no sort of 250,000 forms.)"""
    buckets = max(1, len(table) // PER_BUCKET)
    crc = zlib.crc32
    gathered: list[list[bytes]] = [[] for _ in range(buckets)]
    for key, value in table.items():
        gathered[crc(key) % buckets].append(key + SEPARATOR + value + SEPARATOR)
    joined = [b"".join(entries) for entries in gathered]
    offsets = array("I", [0, *accumulate(map(len, joined))])
    if offsets.itemsize != 4:
        return None
    strings = b"".join(joined)
    if strings.count(SEPARATOR) != 2 * len(table):
        return None
    body = offsets.tobytes() + strings
    head = {**header, "count": len(table), "buckets": buckets, "crc": zlib.crc32(body)}
    return MAGIC + json.dumps(head, sort_keys=True).encode() + b"\n" + body


class Table(Mapping[str, str]):
    """A dictionary read from a cache file: each form looked up in its hash bucket, nothing
    decoded beforehand (a synthesis looks up a few thousand forms of 250,000)."""

    def __init__(self, data: bytes, offsets: array, buckets: int, count: int) -> None:
        self._data = data
        self._offsets = offsets
        self._buckets = buckets
        self._count = count

    def _lookup(self, key: str) -> str | None:
        target = key.encode()
        index = _bucket(target, self._buckets)
        start, end = self._offsets[index], self._offsets[index + 1]
        if start == end:
            return None
        parts = self._data[start:end].split(SEPARATOR)
        for at in range(0, len(parts) - 1, 2):
            if parts[at] == target:
                return parts[at + 1].decode()
        return None

    def get(self, key: str, default: Any = None) -> Any:
        value = self._lookup(key)
        return value if value is not None else default

    def __getitem__(self, key: str) -> str:
        value = self._lookup(key)
        if value is None:
            raise KeyError(key)
        return value

    def _pairs(self) -> Iterator[tuple[str, str]]:
        """Every (form, lemma), bucket after bucket: the buckets lie end to end, so the whole
        string is "form\0lemma\0form\0lemma\0..." and one split reads it (a lookup per form
        took a second for the French table)."""
        parts = self._data.split(SEPARATOR)
        return zip(
            (form.decode() for form in parts[0:-1:2]),
            (lemma.decode() for lemma in parts[1:-1:2]),
            strict=True,
        )

    def __iter__(self) -> Iterator[str]:
        for form, _lemma in self._pairs():
            yield form

    def items(self) -> ItemsView[str, str]:
        return _Items(self)

    def __len__(self) -> int:
        return self._count


class _Items(ItemsView[str, str]):
    """A Table's items, read in one pass (Mapping's would look each form up again)."""

    _mapping: Table

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return self._mapping._pairs()


def decode(data: bytes, header: dict[str, Any]) -> Table | None:
    """The table in `data`, or None if it is not a complete table for `header`."""
    try:
        if not data.startswith(MAGIC):
            return None
        end = data.index(b"\n", len(MAGIC))
        head = json.loads(data[len(MAGIC) : end])
        if not isinstance(head, dict) or any(head.get(k) != v for k, v in header.items()):
            return None
        body = data[end + 1 :]
        if zlib.crc32(body) != head["crc"]:
            return None
        buckets, count = int(head["buckets"]), int(head["count"])
        offsets = array("I")
        if buckets < 1 or offsets.itemsize != 4 or len(body) < 4 * (buckets + 1):
            return None
        offsets.frombytes(body[: 4 * (buckets + 1)])
        strings = body[4 * (buckets + 1) :]
        if offsets[0] != 0 or offsets[-1] != len(strings):
            return None
        return Table(strings, offsets, buckets, count)
    except (ValueError, KeyError, TypeError):
        return None


def _write(path: Path, data: bytes) -> None:
    """Write `data` to `path` complete or not at all; any failure is silent."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _writable(folder: Path) -> bool:
    """Whether a cache file can be written in `folder` (made if missing): when it cannot (a
    read-only home), the table is not encoded for nothing at every start."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def load_table(lang: str, folder: Path | None = None) -> Mapping[str, str]:
    """simplemma's dictionary for `lang` (form -> lemma), from the cache when it holds a sound
    copy, else decoded from simplemma's data (and the cache written, when it can be)."""
    from simplemma.strategies.dictionaries.dictionary_factory import (
        MappingStrToByteString,
        _load_dictionary_from_disk,
    )

    folder = cache_folder() if folder is None else folder
    version, size = _source(lang)
    header = _header(lang, version, size)
    path = _file(folder, lang, version) if folder is not None else None
    if path is not None:
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        table = decode(data, header) if data else None
        if table is not None:
            return table
    decoded = _load_dictionary_from_disk(lang)
    if path is not None and _writable(path.parent):
        encoded = encode(decoded, header)
        if encoded is not None:
            _write(path, encoded)
    return MappingStrToByteString(decoded)


class CachedDictionaryFactory:
    """A simplemma `DictionaryFactory` whose dictionaries come through `load_table`."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._loaded: dict[str, Mapping[str, str]] = {}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        found = self._loaded.get(lang)
        if found is None:
            found = self._loaded[lang] = load_table(lang, self.folder)
        return found


def lemmatizer(folder: Path | None = None) -> Any:
    """A `simplemma.Lemmatizer` that gives what `simplemma.lemmatize(word, lang)` gives, its
    dictionaries read through the cache; None when this simplemma is not built that way."""
    try:
        from simplemma import Lemmatizer
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries import dictionary_factory

        dictionary_factory._load_dictionary_from_disk  # noqa: B018 - what load_table needs
        dictionary_factory.MappingStrToByteString  # noqa: B018
        strategy = DefaultStrategy(dictionary_factory=CachedDictionaryFactory(folder))
        return Lemmatizer(lemmatization_strategy=strategy)
    except (ImportError, AttributeError, TypeError):
        return None
