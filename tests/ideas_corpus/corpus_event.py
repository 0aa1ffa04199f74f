"""An event holding a generated corpus (`generate.generate`): its title, purpose, codebook and
round questions in the script, its notes in block 1, written in one transaction."""

from __future__ import annotations

from pathlib import Path

from generate import Corpus

from facilitation.models import Theme
from facilitation.store import Event
from facilitation.store.sample import sample_script


def corpus_event(path: Path, corpus: Corpus, lang: str, tables: int) -> Event:
    """A new event file at `path` holding `corpus` (the caller closes it)."""
    script = sample_script(lang, tables=tables)
    script.event.title = corpus.title
    script.event.purpose = corpus.purpose
    script.event.codebook = [Theme(id=t["id"], label=t["label"]) for t in corpus.codebook]
    for step in script.blocks[0].steps:
        if step.round:
            step.question = corpus.questions[step.round]
    event = Event.create(path, script, "", path.with_suffix(".md").name)
    with event.transaction():  # one commit (one sync) for the corpus, not one a note
        for note in corpus.notes:
            event.add_note(1, note.text, round=note.round, table=note.table, tags=note.tags)
    return event


class CorpusDocuments:
    """The synthesis (.docx) of a generated corpus's event, written once per worker for each
    (language, tables, rounds, seed) asked: the tests that read the same one share it (the
    `corpus_documents` fixture). Each call gives the corpus, the event file and the .docx;
    the tests only read them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._made: dict[tuple[str, int, int, int], tuple[Corpus, Path, Path]] = {}

    def __call__(self, lang: str, tables: int, rounds: int, seed: int) -> tuple[Corpus, Path, Path]:
        from generate import generate

        from facilitation.synthesis import write_synthesis

        key = (lang, tables, rounds, seed)
        if key not in self._made:
            folder = self.folder / "-".join(map(str, key))
            folder.mkdir()
            corpus = generate(lang, tables=tables, rounds=rounds, seed=seed)
            with corpus_event(folder / "e.db", corpus, lang, tables) as event:
                out = write_synthesis(event, folder / "synthese.docx", lang=lang)
            self._made[key] = (corpus, folder / "e.db", out)
        return self._made[key]


_SHARED: list[CorpusDocuments] = []


def shared_documents(tmp_path_factory) -> CorpusDocuments:
    """The worker's CorpusDocuments (one for every test module that asks: a fixture defined in
    two modules would be two fixtures, each with its own documents)."""
    if not _SHARED:
        _SHARED.append(CorpusDocuments(tmp_path_factory.mktemp("corpora")))
    return _SHARED[0]
