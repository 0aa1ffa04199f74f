"""Notes written the way note-takers write them, from an idea bank whose truth is known.

`generate(lang, tables=125, rounds=4, seed=1)` reads `bank-<lang>.yaml` beside this file and
returns the event's facts and its notes, each with the ideas it was written from. Every table
raises a few of the round's ideas (some far more often than others: the weights are drawn per
seed, so the most frequent ideas change with the seed), in one of their wordings, wrapped the
way people type at a table: openers ("Point soulevé :"), fillers ("idée forte", "exemple
donné"), typos, two ideas in one note, lists, Markdown, the event's own words; about half the
notes carry the theme of their idea as a tag; a few notes hold no idea at all."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent

STYLE = {
    "fr": {
        "alone": ["{W}.", "{W}", "{W}!", "{W}…"],
        "open": [
            "Point soulevé : {w}.",
            "Enjeu : {w}.",
            "Constat : {w}",
            "Idée : {w}.",
            "Plusieurs insistent : {w}.",
            "Pour les personnes immigrantes, {w}.",
            "Les nouveaux arrivants le disent : {w}.",
            "Selon une participante, {w}.",
            "On revient sur {w}.",
        ],
        "filler": [
            "{W} (exemple donné).",
            "{W} — idée forte.",
            "{W}, ça revient souvent.",
            "Consensus : {w}.",
            "{W}. Tout le monde est d'accord.",
            "{W} : à creuser.",
            "{W}, on en a beaucoup parlé.",
            "{W}. Important!",
        ],
        "two": [
            "{W1}, et aussi {w2}.",
            "{W1}; {w2}.",
            "{W1}. Autre point : {w2}.",
            "{W1} et {w2}.",
        ],
        "list": ["Défis nommés :\n{items}", "Pistes :\n{items}", "En vrac :\n{items}", "{items}"],
        "empty": [
            "Bonne discussion, tout le monde a participé.",
            "La table est d'accord sur l'essentiel.",
            "Exemple donné par un participant, à creuser.",
            "Beaucoup d'échanges, idée forte qui revient souvent.",
            "Les personnes immigrantes doivent être au cœur de la démarche.",
            "Consensus à la table.",
            "Discussion animée sur la question.",
            "Plusieurs exemples concrets donnés par les participants.",
            "On manque de temps pour tout couvrir.",
        ],
    },
    "en": {
        "alone": ["{W}.", "{W}", "{W}!", "{W}…"],
        "open": [
            "Point raised: {w}.",
            "Issue: {w}.",
            "Observation: {w}",
            "Idea: {w}.",
            "Several people stressed {w}.",
            "For immigrants, {w}.",
            "Newcomers say it: {w}.",
            "One participant mentioned {w}.",
            "Came back to {w}.",
        ],
        "filler": [
            "{W} (example given).",
            "{W} — strong idea.",
            "{W}, this keeps coming up.",
            "Consensus: {w}.",
            "{W}. Everyone agreed.",
            "{W}: to dig into.",
            "{W}, we talked about it a lot.",
            "{W}. Important!",
        ],
        "two": [
            "{W1}, and also {w2}.",
            "{W1}; {w2}.",
            "{W1}. Another point: {w2}.",
            "{W1} and {w2}.",
        ],
        "list": ["Barriers named:\n{items}", "Ideas:\n{items}", "Quick list:\n{items}", "{items}"],
        "empty": [
            "Good discussion, everyone took part.",
            "The table agrees on the essentials.",
            "Example given by a participant, to dig into.",
            "Lots of exchanges, strong idea that keeps coming up.",
            "Immigrants must be at the heart of the process.",
            "Consensus at the table.",
            "Lively discussion of the question.",
            "Several concrete examples given by participants.",
            "Not enough time to cover everything.",
        ],
    },
}


# Other openers, fillers and filler-only notes, none of them in the analysis's lexicon: to check
# that the method does not lean on the words of the first style (`generate(..., style="other")`).
OTHER_STYLE = {
    "fr": {
        "open": [
            "À noter : {w}.",
            "Quelqu'un a dit : {w}.",
            "Gros sujet : {w}.",
            "Retour sur {w}.",
            "Selon un élu, {w}.",
            "Pour les familles immigrantes, {w}.",
        ],
        "filler": [
            "{W} (très important).",
            "{W} — à retenir.",
            "{W}, on est tous d'accord.",
            "{W} : ça fait l'unanimité.",
            "{W}. Bon point.",
            "{W}, piste intéressante.",
            "{W} (cité plusieurs fois).",
        ],
        "empty": [
            "Très belle énergie autour de la table.",
            "Les échanges ont été riches.",
            "Pas eu le temps de finir.",
            "Tout le monde s'est exprimé.",
            "On a surtout partagé des expériences personnelles.",
            "Des témoignages touchants.",
            "La question était difficile.",
        ],
    },
    "en": {
        "open": [
            "Note: {w}.",
            "Someone said: {w}.",
            "Big topic: {w}.",
            "Back to {w}.",
            "According to a councillor, {w}.",
            "For immigrant families, {w}.",
        ],
        "filler": [
            "{W} (very important).",
            "{W} — worth keeping.",
            "{W}, we all agree.",
            "{W}: unanimous.",
            "{W}. Good point.",
            "{W}, interesting lead.",
            "{W} (mentioned several times).",
        ],
        "empty": [
            "Great energy around the table.",
            "Rich exchanges.",
            "Did not have time to finish.",
            "Everyone spoke up.",
            "Mostly shared personal experiences.",
            "Moving testimonies.",
            "The question was hard.",
        ],
    },
}


@dataclass
class GenNote:
    id: int
    round: int
    table: int
    text: str
    tags: list[str]
    ideas: tuple[str, ...]


@dataclass
class Corpus:
    lang: str
    title: str
    purpose: str
    questions: dict[int, str]
    codebook: list[dict]
    ideas: dict[str, dict]  # id -> {"round", "theme", "wordings"}
    notes: list[GenNote] = field(default_factory=list)

    def tables_of(self, round_: int) -> dict[str, set[int]]:
        """Which tables raised each idea of the round (the truth the benchmark compares to)."""
        out: dict[str, set[int]] = defaultdict(set)
        for note in self.notes:
            if note.round == round_:
                for idea in note.ideas:
                    out[idea].add(note.table)
        return out

    def top(self, round_: int, n: int = 8) -> list[str]:
        counts = self.tables_of(round_)
        return sorted(counts, key=lambda i: (-len(counts[i]), i))[:n]


@cache
def bank(lang: str) -> dict:
    return yaml.safe_load((HERE / f"bank-{lang}.yaml").read_text(encoding="utf-8"))


def _typo(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not long:
        return text
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]  # swapped letters
    elif kind == 1:
        w = w[:j] + w[j + 1 :]  # a letter dropped
    else:
        w = w[:j] + w[j] + w[j:]  # a letter doubled
    words[i] = w
    return " ".join(words)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def generate(
    lang: str, tables: int = 125, rounds: int = 4, seed: int = 1, style_name: str = "first"
) -> Corpus:
    data = bank(lang)
    rng = random.Random(f"{lang}-{seed}")
    style = STYLE[lang] if style_name == "first" else {**STYLE[lang], **OTHER_STYLE[lang]}
    corpus = Corpus(
        lang,
        data["title"],
        data["purpose"],
        {},
        data["codebook"],
        {},
    )
    next_id = 1
    for number, spec in enumerate(data["rounds"][:rounds], 1):
        corpus.questions[number] = spec["question"]
        ideas = list(spec["ideas"])
        for idea in ideas:
            corpus.ideas[idea["id"]] = {**idea, "round": number}
        rng.shuffle(ideas)
        weights = [1.0 / (1 + rank) ** 0.8 for rank in range(len(ideas))]
        for table in range(1, tables + 1):
            markdown = rng.random() < 0.4
            typos = rng.choice([0.0, 0.05, 0.15])
            lists = rng.random() < 0.5
            chosen: list[dict] = []
            pool = list(zip(ideas, weights, strict=True))
            for _ in range(rng.choice([5, 6, 6, 7])):
                pick = rng.choices(range(len(pool)), [w for _i, w in pool])[0]
                chosen.append(pool.pop(pick)[0])
            if rng.random() < 0.3:  # a table that keeps coming back to one idea
                chosen.append(chosen[0])
            rng.shuffle(chosen)
            texts: list[tuple[str, tuple[dict, ...]]] = []
            while chosen:
                roll = rng.random()
                if lists and len(chosen) >= 3 and roll < 0.25:
                    group = tuple(chosen.pop() for _ in range(rng.choice([2, 3])))
                    bullet = rng.choice(["- ", "* ", "• "])
                    items = "\n".join(
                        bullet + (f"**{w}**" if markdown and rng.random() < 0.3 else w)
                        for w in (rng.choice(i["wordings"]) for i in group)
                    )
                    texts.append((rng.choice(style["list"]).format(items=items), tuple(group)))
                elif len(chosen) >= 2 and roll < 0.4:
                    a, b = chosen.pop(), chosen.pop()
                    wa, wb = rng.choice(a["wordings"]), rng.choice(b["wordings"])
                    text = rng.choice(style["two"]).format(W1=_cap(wa), w2=wb)
                    texts.append((text, (a, b)))
                else:
                    idea = chosen.pop()
                    wording = rng.choice(idea["wordings"])
                    if markdown and rng.random() < 0.35:
                        wording = f"**{wording}**"
                    kind = rng.choices(["alone", "open", "filler"], [0.35, 0.35, 0.3])[0]
                    text = rng.choice(style[kind]).format(W=_cap(wording), w=wording)
                    texts.append((text, (idea,)))
            for _ in range(rng.choice([2, 3, 3, 4])):
                texts.append((rng.choice(style["empty"]), ()))
            rng.shuffle(texts)
            for text, group in texts:
                if typos and rng.random() < typos * 3:
                    text = _typo(rng, text)
                if rng.random() < 0.1:
                    text = text[:1].lower() + text[1:]
                tags = sorted({i["theme"] for i in group}) if group and rng.random() < 0.5 else []
                ids = tuple(dict.fromkeys(i["id"] for i in group))
                corpus.notes.append(GenNote(next_id, number, table, text, tags, ids))
                next_id += 1
    return corpus


if __name__ == "__main__":
    import sys

    c = generate(sys.argv[1] if len(sys.argv) > 1 else "fr")
    print(len(c.notes), "notes")
    for note in c.notes[:30]:
        print(note.round, note.table, note.tags, note.ideas, repr(note.text))
    for r in c.questions:
        counts = c.tables_of(r)
        print(r, [(i, len(counts[i])) for i in c.top(r, 12)])


def handwritten(name: str = "main-fr") -> Corpus:
    """The small hand-written corpus (`main-fr.yaml`): one round, its truth in each note."""
    data = yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))
    corpus = Corpus(data["lang"], data["title"], data["purpose"], {1: data["question"]}, [], {})
    for idea, wordings in data["ideas"].items():
        corpus.ideas[idea] = {"id": idea, "round": 1, "theme": "", "wordings": wordings}
    for n, note in enumerate(data["notes"], 1):
        corpus.notes.append(GenNote(n, 1, note["table"], note["text"], [], tuple(note["ideas"])))
    return corpus
