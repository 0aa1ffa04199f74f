"""simplemma's dictionaries, decoded once per machine rather than once per process.

simplemma ships each language's dictionary as an lzma-compressed front-coded stream; decoding
the French one (250,000 forms) takes about 0.15-0.3 s of pure Python, the largest part of a
first synthesis in a fresh process. This module decodes it once and keeps the decoded table
in the user's cache folder (`platformdirs.user_cache_dir("facilitation")`), as two blobs of
NUL-separated keys and values that `bytes.split` reads back in a few hundredths of a second.

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
import tempfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

FORMAT = 1
MAGIC = b"facilitation lemma table\n"
SEPARATOR = b"\0"


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
    return {"format": FORMAT, "simplemma": version, "lang": lang, "source": size}


def encode(table: Mapping[bytes, bytes], header: dict[str, Any]) -> bytes | None:
    """The cache file's bytes for `table`, or None if a key or value holds the separator."""
    keys, values = SEPARATOR.join(table.keys()), SEPARATOR.join(table.values())
    apart = max(len(table) - 1, 0)
    if keys.count(SEPARATOR) != apart or values.count(SEPARATOR) != apart:
        return None
    head = {
        **header,
        "count": len(table),
        "keys": len(keys),
        "crc": zlib.crc32(values, zlib.crc32(keys)),
    }
    return MAGIC + json.dumps(head, sort_keys=True).encode() + b"\n" + keys + values


def decode(data: bytes, header: dict[str, Any]) -> dict[bytes, bytes] | None:
    """The table in `data`, or None if it is not a complete table for `header`."""
    try:
        if not data.startswith(MAGIC):
            return None
        end = data.index(b"\n", len(MAGIC))
        head = json.loads(data[len(MAGIC) : end])
        if not isinstance(head, dict) or any(head.get(k) != v for k, v in header.items()):
            return None
        body = memoryview(data)[end + 1 :]
        count, length = int(head["count"]), int(head["keys"])
        keys, values = bytes(body[:length]), bytes(body[length:])
        if zlib.crc32(values, zlib.crc32(keys)) != head["crc"]:
            return None
        if count == 0:
            return {} if not keys and not values else None
        split_keys, split_values = keys.split(SEPARATOR), values.split(SEPARATOR)
        if len(split_keys) != count or len(split_values) != count:
            return None
        table = dict(zip(split_keys, split_values, strict=True))
        return table if len(table) == count else None
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


def load_table(lang: str, folder: Path | None = None) -> dict[bytes, bytes]:
    """simplemma's dictionary for `lang` as bytes -> bytes, from the cache when it holds a
    sound copy, else decoded from simplemma's data (and the cache written, when it can be)."""
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

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
    table = _load_dictionary_from_disk(lang)
    if path is not None:
        encoded = encode(table, header)
        if encoded is not None:
            _write(path, encoded)
    return table


class CachedDictionaryFactory:
    """A simplemma `DictionaryFactory` whose dictionaries come through `load_table`."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._loaded: dict[str, Mapping[str, str]] = {}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        found = self._loaded.get(lang)
        if found is None:
            from simplemma.strategies.dictionaries.dictionary_factory import (
                MappingStrToByteString,
            )

            found = self._loaded[lang] = MappingStrToByteString(load_table(lang, self.folder))
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
