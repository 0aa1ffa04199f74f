"""Recurring ideas and themes against a corpus whose truth is known.

    python bench/recurring.py [--lang fr|en|both] [--seed N] [--tables 125] [--show]

The corpus is generated from an idea bank (tests/ideas_corpus): 125 tables x 4 rounds, notes
written the way note-takers write them. For each round it prints the recall of the true top 8
ideas (by tables that raised them) among the top 8 shown, the filler items shown (items whose
notes mostly hold no idea, or whose words are only note-taking or question words), the
duplicates (two items for one idea) and the time taken. Then the same for the themes section.
An item stands for the idea most of its notes were written from, if its label shares a word
with one of that idea's wordings."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ideas_corpus"))

from generate import Corpus, GenNote, generate, handwritten  # noqa: E402

from facilitation.analysis import (  # noqa: E402
    Idea,
    Reader,
    Source,
    TaggedNote,
    find_ideas,
    summarise_themes,
)


def matched(idea: Idea, by_id: dict[int, GenNote], corpus: Corpus, reader: Reader) -> str:
    """The true idea an item stands for, "" for filler, "?" for a mix."""
    votes: Counter[str] = Counter()
    for nid in idea.notes:
        for truth in by_id[nid].ideas or ("",):
            votes[truth] += 1
    truth, count = votes.most_common(1)[0]
    if count * 2 < len(idea.notes):
        return "?"
    if not truth:
        return ""
    label = reader.lemmas(idea.label)
    wordings = set().union(*(reader.lemmas(w) for w in corpus.ideas[truth]["wordings"]))
    return truth if label & wordings else "?"


def true_top(counts: dict[str, set[int]], n: int = 8) -> set[str]:
    ranked = sorted(counts, key=lambda i: -len(counts[i]))
    if len(ranked) <= n:
        return set(ranked)
    floor = len(counts[ranked[n - 1]])
    return {i for i in ranked if len(counts[i]) >= floor}  # ties at the 8th place all count


def bench_rounds(corpus: Corpus, show: bool) -> tuple[float, int, float]:
    by_id = {n.id: n for n in corpus.notes}
    reader = Reader(corpus.lang)
    recalls, fillers = [], 0
    start = time.process_time()
    for number, question in corpus.questions.items():
        t0 = time.process_time()
        sources = [Source(n.id, n.table, n.text) for n in corpus.notes if n.round == number]
        background = [
            [n.text for n in corpus.notes if n.round == other]
            for other in corpus.questions
            if other != number
        ]
        ideas = find_ideas(
            sources,
            reader,
            limit=8,
            asked="\n".join((question, corpus.title, corpus.purpose)),
            background=background,
        )
        took = time.process_time() - t0
        truth = true_top(corpus.tables_of(number))
        found = [matched(i, by_id, corpus, reader) for i in ideas]
        hits = len(set(found) & truth)
        recall = min(8, hits)
        filler = sum(f == "" for f in found)
        dupes = len(found) - len(set(found))
        recalls.append(recall)
        fillers += filler
        print(
            f"  round {number}: recall {recall}/8, filler {filler}, duplicates {dupes},"
            f" {len(sources)} notes, {took:.2f} s"
        )
        if show:
            counts = corpus.tables_of(number)
            for idea, f in zip(ideas, found, strict=True):
                mark = "+" if f in truth else ("-" if f else "F")
                print(
                    f"    {mark} {idea.label!r}: {idea.tables} tables ({f}, true {len(counts.get(f, ()))})"
                )
                for q in idea.quotes:
                    print(f"        « {q.text} » (table {q.table})")
            missed = truth - set(found)
            print("    missed:", ", ".join(f"{m} ({len(counts[m])})" for m in sorted(missed)))
    total = time.process_time() - start
    return sum(recalls) / len(recalls), fillers, total


def bench_themes(corpus: Corpus, show: bool) -> tuple[float, int, int, float]:
    """Per theme: recall of its 3 most raised ideas among the 3 shown, filler, repeated notes."""
    by_id = {n.id: n for n in corpus.notes}
    reader = Reader(corpus.lang)
    start = time.process_time()
    notes = [TaggedNote(n.id, (1, n.round, n.table), n.text, tuple(n.tags)) for n in corpus.notes]
    themes = [(t["id"], t["label"]) for t in corpus.codebook]
    summaries = summarise_themes(themes, notes, reader, asked=f"{corpus.title}\n{corpus.purpose}")
    took = time.process_time() - start
    recalls: list[int] = []
    fillers = 0
    shown: list[int] = []
    for summary in summaries:
        raised: dict[str, set[tuple[int, int]]] = {}
        for n in corpus.notes:
            for i in n.ideas:
                if corpus.ideas[i]["theme"] == summary.id:
                    raised.setdefault(i, set()).add((n.round, n.table))
        truth = set(sorted(raised, key=lambda i: -len(raised[i]))[:3])
        found = [matched(i, by_id, corpus, reader) for i in summary.ideas]
        recalls.append(len(set(found) & truth))
        fillers += sum(f == "" for f in found)
        shown += summary.examples
        print(
            f"  theme {summary.id}: recall {recalls[-1]}/3, filler {sum(f == '' for f in found)},"
            f" {summary.notes} notes, examples {len(summary.examples)}"
        )
        if show:
            for idea, f in zip(summary.ideas, found, strict=True):
                print(f"    {'+' if f in truth else '-'} {idea.label!r}: {idea.tables} ({f})")
            for nid in summary.examples:
                print(f"      > {by_id[nid].text!r}")
    repeated = len(shown) - len(set(shown))
    return sum(recalls) / max(1, len(recalls)), fillers, repeated, took


def over_seeds(seeds: int, tables: int, style: str = "first") -> int:
    """The means over several generated corpora (the most frequent ideas change with the seed)."""
    import contextlib
    import io

    for lang in ("fr", "en"):
        rounds, themes = [], []
        for seed in range(1, seeds + 1):
            corpus = generate(lang, tables=tables, seed=seed, style_name=style)
            with contextlib.redirect_stdout(io.StringIO()):
                rounds.append(bench_rounds(corpus, False))
                themes.append(bench_themes(corpus, False))
        print(
            f"{lang}, seeds 1-{seeds}: recurring ideas recall"
            f" {sum(r[0] for r in rounds) / seeds:.2f}/8 (worst {min(r[0] for r in rounds):.2f}),"
            f" filler {sum(r[1] for r in rounds)}, {max(r[2] for r in rounds):.2f} s at most;"
            f" themes recall {sum(t[0] for t in themes) / seeds:.2f}/3,"
            f" filler {sum(t[1] for t in themes)}, notes shown twice {sum(t[2] for t in themes)}"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seeds", type=int, default=0, help="only the means over seeds 1..N")
    parser.add_argument("--tables", type=int, default=125)
    parser.add_argument("--show", action="store_true")
    parser.add_argument(
        "--style", default="first", help="'other': openers and fillers the lexicon does not know"
    )
    args = parser.parse_args()
    if args.seeds:
        return over_seeds(args.seeds, args.tables, args.style)
    for lang in ("fr", "en") if args.lang == "both" else (args.lang,):
        corpus = generate(lang, tables=args.tables, seed=args.seed, style_name=args.style)
        print(
            f"{lang}: {len(corpus.notes)} notes, {args.tables} tables x 4 rounds, seed {args.seed}"
        )
        recall, fillers, took = bench_rounds(corpus, args.show)
        print(
            f"  recurring ideas: mean recall {recall:.2f}/8, filler {fillers}, {took:.2f} s (CPU)"
        )
        recall, fillers, repeated, took = bench_themes(corpus, args.show)
        print(
            f"  themes: mean recall {recall:.2f}/3, filler {fillers}, notes shown twice {repeated},"
            f" {took:.2f} s (CPU)"
        )
    if args.lang in ("fr", "both"):
        corpus = handwritten()
        print(f"fr, hand-written: {len(corpus.notes)} notes, 8 tables x 1 round")
        recall, fillers, took = bench_rounds(corpus, args.show)
        print(f"  recurring ideas: recall {recall:.2f}/8, filler {fillers}, {took:.2f} s (CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
