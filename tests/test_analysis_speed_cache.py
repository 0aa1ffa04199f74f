"""The decoded simplemma dictionaries kept in the user's cache (facilitation/analysis/lemma_store):
the lemmas stay simplemma's own, a sound cache file is read instead of decoding simplemma's
data, and a corrupt, stale or unwritable cache never changes a lemma nor breaks a synthesis."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
import simplemma

from facilitation.analysis import lemma_store
from facilitation.analysis import text as text_module
from facilitation.analysis.phrases import Reader
from facilitation.analysis.text import lemma

# What the recurring ideas are counted on: if one of these changes (a simplemma upgrade, a
# cache that hands back another table), the ideas of a synthesis can change.
FRENCH = {
    "listes": "liste",
    "reconnues": "reconnu",
    "attente": "attente",
    "cpe": "cpe",
    "diplômes": "diplôme",
    "employeurs": "employeur",
    "gagnerait": "gagner",
    "adultes": "adulte",
    "bibliothèques": "bibliothèque",
    "municipales": "municipal",
    "travailleurs": "travailleur",
    "étaient": "être",
    "nouveaux": "nouveau",
    "arrivants": "arrivant",
    "garderies": "garderie",
    "porte-parole": "porte-parole",
    "aujourd'hui": "aujourd'hui",
    "logements": "logement",
    "cafés": "café",
    "intégrées": "intégré",
    "connu": "connaître",
    "faudrait": "falloir",
    "organismes": "organisme",
    "communautaires": "communautaire",
    "xyzabcités": "xyzabcités",  # no such word: simplemma's rules leave it
}
ENGLISH = {
    "listed": "list",
    "credentials": "credential",
    "took": "take",
    "taking": "take",
    "children": "child",
    "websites": "website",
    "better": "good",
    "ran": "run",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own (never the user's)."""
    where = tmp_path / "cache"
    monkeypatch.setattr(lemma_store, "cache_folder", lambda: where)
    return where


@pytest.fixture(scope="module")
def first_load(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Mapping[str, str], Path, dict[str, str]]:
    """The French table as a first load gives it (decoded, and the cache file written in a
    new folder), that cache file, and simplemma's own table as simplemma decoded it for that
    load (its strings taken as the decoding returned, before the cache file was written from
    it): decoded once for this module's tests, which only read the file (or a copy of it)."""
    from simplemma.strategies.dictionaries import dictionary_factory

    decode = dictionary_factory._load_dictionary_from_disk
    decoded: dict[str, dict[str, str]] = {}

    def watched(lang: str) -> dict[bytes, bytes]:
        table = decode(lang)
        decoded[lang] = {k.decode(): v.decode() for k, v in table.items()}
        return table

    where = tmp_path_factory.mktemp("sound")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dictionary_factory, "_load_dictionary_from_disk", watched)
        table = lemma_store.load_table("fr", where)
    return table, _cache_file(where, "fr"), decoded["fr"]


def _simplemma_table(lang: str) -> dict[str, str]:
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    return {k.decode(): v.decode() for k, v in _load_dictionary_from_disk(lang).items()}


@pytest.fixture(scope="module")
def reference(first_load) -> dict[str, str]:
    """simplemma's own French table, decoded by simplemma (for the first load: French is
    decoded once in this module)."""
    return first_load[2]


# The spoiled cache files are Malay's (17,000 forms): what is rebuilt and how does not depend
# on the language, and Malay decodes in a tenth of the time French (250,000 forms) takes.
SMALL = "ms"


@pytest.fixture(scope="module")
def small_reference() -> dict[str, str]:
    """simplemma's own Malay table, decoded by simplemma."""
    return _simplemma_table(SMALL)


@pytest.fixture(scope="module")
def small_sound_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache file for Malay, written once for this module's tests."""
    where = tmp_path_factory.mktemp("small")
    lemma_store.load_table(SMALL, where)
    return _cache_file(where, SMALL)


def _same(table, reference: dict[str, str], every: int = 1) -> bool:
    """Whether `table` holds the forms of `reference` (every `every`th of them), with their
    lemmas, and those only."""
    assert len(table) == len(reference)
    forms = list(reference)[::every] + ["zzzz-no-such-form", "", "Listes"]
    return all(table.get(form) == reference.get(form) for form in forms)


def _demo_event():
    path = Path(__file__).resolve().parent.parent / "bench" / "demo_event.py"
    spec = importlib.util.spec_from_file_location("demo_event", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cache_file(folder: Path, lang: str) -> Path:
    (path,) = folder.glob(f"simplemma-*-{lang}.lemmas")
    return path


def test_the_lemmas_the_ideas_are_counted_on() -> None:
    for word, expected in FRENCH.items():
        assert lemma("fr", word) == expected, word
    for word, expected in ENGLISH.items():
        assert lemma("en", word) == expected, word


def test_a_cached_lemmatizer_gives_what_simplemma_gives(
    folder: Path, first_load, small_reference: dict[str, str]
) -> None:
    demo = _demo_event()  # bench/demo_event.py: the bench's vocabulary
    texts = [*demo.QUESTIONS, *demo.SUBJECTS, *demo.VERBS, *demo.EXTRAS]
    words = {w.lower() for note in texts for w in text_module._TOKEN.findall(note)}
    words |= set(FRENCH) | {"CPE", "Listes", "d'attente", "l'accueil"}
    malay = sorted(small_reference)[::300] + ["bermain", "Bermain", "zzzz-no-such-form"]
    folder.mkdir()
    shutil.copy(first_load[1], folder)  # French from its cache file (this module's first load)
    # Malay decoded and written, then both read back from their cache files. (English goes
    # through the run's cache in test_the_lemmas_the_ideas_are_counted_on.)
    for _run in range(2):
        cached = lemma_store.lemmatizer()
        assert cached is not None
        for word in sorted(words):
            assert cached.lemmatize(word, "fr") == simplemma.lemmatize(word, "fr"), word
        for word in malay:
            assert cached.lemmatize(word, SMALL) == simplemma.lemmatize(word, SMALL), word
        assert _cache_file(folder, SMALL).stat().st_size > 100_000
    assert _cache_file(folder, "fr").stat().st_size > 1_000_000


def test_a_sound_cache_file_is_read_instead_of_decoding(
    first_load, reference: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from simplemma.strategies.dictionaries import dictionary_factory

    decoded, path, _simplemma = first_load  # decoded, and written
    assert _same(decoded, reference, every=50)
    assert path.is_file()

    def no_decoding(lang: str) -> dict[bytes, bytes]:
        raise AssertionError("decoded again")

    monkeypatch.setattr(dictionary_factory, "_load_dictionary_from_disk", no_decoding)
    table = lemma_store.load_table("fr", path.parent)
    assert isinstance(table, lemma_store.Table)
    assert _same(table, reference, every=50)  # and the forms it does not hold
    assert dict(table.items()) == reference  # every form, with its lemma
    monkeypatch.setattr(lemma_store, "cache_folder", lambda: path.parent)
    cached = lemma_store.lemmatizer()
    assert cached is not None
    assert cached.lemmatize("bibliothèques", "fr") == "bibliothèque"


@pytest.mark.parametrize(
    "spoil",
    [
        lambda data: data[: len(data) // 2],  # cut short (a crash while writing elsewhere)
        lambda data: data[:-10] + b"x" * 10,  # a changed byte: the checksum
        lambda data: b"",
        lambda data: b"not a lemma table at all",
        lambda data: data.replace(b'"simplemma": "', b'"simplemma": "0.', 1),  # another version
        lambda data: data.replace(b'"lang": "ms"', b'"lang": "id"', 1),
    ],
)
def test_a_spoiled_cache_file_is_rebuilt(
    folder: Path, small_sound_file: Path, small_reference: dict[str, str], spoil
) -> None:
    sound = small_sound_file.read_bytes()
    path = folder / small_sound_file.name
    folder.mkdir()
    path.write_bytes(spoil(sound))
    assert _same(lemma_store.load_table(SMALL, folder), small_reference, every=50)
    assert path.read_bytes() == sound  # written again, whole
    cached = lemma_store.lemmatizer()
    assert cached is not None
    assert cached.lemmatize("bermain", SMALL) == simplemma.lemmatize("bermain", SMALL) == "main"
    assert path.read_bytes() == sound


def test_an_unwritable_or_missing_cache_folder_only_means_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(lemma_store, "cache_folder", lambda: blocked / "cache")

    def no_encoding(table, header):
        raise AssertionError("encoded for a folder that cannot be written")

    monkeypatch.setattr(lemma_store, "encode", no_encoding)  # no time lost at every start
    reference = simplemma.lemmatize("garderies", "fr")
    cached = lemma_store.lemmatizer()
    assert cached is not None
    assert cached.lemmatize("garderies", "fr") == reference == "garderie"
    assert list(tmp_path.iterdir()) == [blocked]  # nothing written, no leftover
    monkeypatch.setattr(lemma_store, "cache_folder", lambda: None)
    cached = lemma_store.lemmatizer()
    assert cached is not None
    assert cached.lemmatize("bermain", SMALL) == "main"  # no folder at all: decoded, any language


def test_a_table_whose_words_hold_the_separator_is_not_cached(folder: Path) -> None:
    header = {"format": lemma_store.FORMAT, "lang": "fr"}
    assert lemma_store.encode({b"a\0b": b"c"}, header) is None
    table = {b"listes": b"liste", "cafés".encode(): "café".encode()}
    data = lemma_store.encode(table, header)
    assert data is not None
    read = lemma_store.decode(data, header)
    assert read is not None
    assert dict(read.items()) == {"listes": "liste", "cafés": "café"}
    assert read.get("café") is None
    assert lemma_store.decode(data, {**header, "lang": "en"}) is None
    empty = lemma_store.decode(lemma_store.encode({}, header) or b"", header)
    assert empty is not None and len(empty) == 0 and empty.get("a") is None


def test_phrases_read_with_the_cache_are_the_same(folder: Path) -> None:
    """A note read through the cached dictionaries gives the phrases it gave before."""
    note = "Les listes d'attente en CPE sont trop longues; les employeurs reconnaissent mal les diplômes."
    keys = Reader("fr")(note).phrase_keys()
    assert ("liste", "attente", "cpe") in keys
    assert ("employeur",) in keys
    assert ("diplôme",) in keys


def test_words_read_once_follow_the_lemma_function(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each written word is classified and lemmatised once per process; replacing `lemma`
    (bench/language_tools.py tries stems instead) is seen at once, and undoing it too."""
    note = "Les listes d'attente en CPE, et les garderies."
    first = text_module.clauses(note, "fr")
    assert [[t.lemma for t in c] for c in first] == [
        ["les", "liste", "d'", "attente", "en", "cpe"],
        ["les", "garderie"],
    ]
    assert text_module.clauses(note, "fr") == first
    monkeypatch.setattr(text_module, "lemma", lambda lang, word: word[:4])
    assert [t.lemma for t in text_module.clauses(note, "fr")[0]] == [
        "les",
        "list",
        "d'",
        "atte",
        "en",
        "cpe",
    ]
    monkeypatch.undo()
    assert text_module.clauses(note, "fr") == first


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_garbage_collector_is_paused_for_a_synthesis_only(
    tmp_path: Path, enabled_before: bool
) -> None:
    """The collector waits while a synthesis runs (its progress messages come with the
    collector off) and is as it was afterwards, also when the synthesis fails."""
    import gc

    from facilitation.errors import UserError
    from facilitation.store import Event
    from facilitation.store.sample import sample_script
    from facilitation.synthesis import write_synthesis

    seen: list[bool] = []
    with Event.create(tmp_path / "e.db", sample_script(), "", "s.md") as event:
        event.add_note(1, "Les listes d'attente en CPE.", round=1, table=1)
        if not enabled_before:
            gc.disable()
        try:
            out = write_synthesis(
                event, tmp_path / "s.md", progress=lambda _f, _m: seen.append(gc.isenabled())
            )
            assert "listes d'attente en CPE" in out.read_text(encoding="utf-8")
            assert gc.isenabled() is enabled_before
            with pytest.raises(UserError):
                write_synthesis(event, tmp_path / "missing" / "s.docx")
            assert gc.isenabled() is enabled_before
        finally:
            gc.enable()
    assert seen and not any(seen)
