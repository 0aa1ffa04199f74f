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
