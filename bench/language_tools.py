"""How the candidate language tools do on the ground-truth corpus (why simplemma was chosen).

    python bench/language_tools.py [--lang fr|en] [--seed N]

- the same method with Snowball stems instead of simplemma lemmas (the previous method's
  stemmer): recall of the true top 8 per round, and labels that are not words people wrote;
- YAKE (keyword extraction) on each round's notes: recall of its top 8 keyphrases;
- wordfreq: whether general-language frequency tells note-taking filler from idea words.
Tools that are not installed are skipped (none of them is a dependency of the project)."""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ideas_corpus"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import Corpus, generate  # noqa: E402
from recurring import bench_rounds, true_top  # noqa: E402

from facilitation.analysis import Reader, text  # noqa: E402


def with_stems(corpus: Corpus) -> None:
    try:
        import snowballstemmer
    except ImportError:
        print("  snowballstemmer: not installed, skipped")
        return
    stemmer = snowballstemmer.stemmer("french" if corpus.lang == "fr" else "english")
    original = text.lemma
    text._LEMMAS.clear()
    text.lemma = lambda lang, word: stemmer.stemWord(word)  # type: ignore[assignment]
    try:
        import facilitation.analysis.phrases as phrases

        phrases.clauses.__globals__["lemma"] = text.lemma
        recall, fillers, took = bench_rounds(corpus, False)
    finally:
        text.lemma = original  # type: ignore[assignment]
        phrases.clauses.__globals__["lemma"] = original
        text._LEMMAS.clear()
    print(f"  same method, Snowball stems: recall {recall:.2f}/8, filler {fillers}, {took:.2f} s")


def with_yake(corpus: Corpus) -> None:
    try:
        import yake
    except ImportError:
        print("  yake: not installed, skipped")
        return
    reader = Reader(corpus.lang)
    extractor = yake.KeywordExtractor(lan=corpus.lang, n=3, top=8)
    recalls, took = [], 0.0
    for number in corpus.questions:
        notes = [n for n in corpus.notes if n.round == number]
        start = time.process_time()
        phrases = [k for k, _score in extractor.extract_keywords("\n".join(n.text for n in notes))]
        took += time.process_time() - start
        found = set()
        for phrase in phrases:
            words = reader.lemmas(phrase)
            votes = {
                i: len(
                    words & set().union(*(reader.lemmas(w) for w in corpus.ideas[i]["wordings"]))
                )
                for i in corpus.tables_of(number)
            }
            best = max(votes, key=lambda i: votes[i])
            if votes[best] and votes[best] >= len(words) / 2:
                found.add(best)
        recalls.append(len(found & true_top(corpus.tables_of(number))))
        print(f"    round {number}: {phrases}")
    mean = sum(recalls) / len(recalls)
    print(f"  YAKE on each round's notes: recall {mean:.2f}/8 (generous matching), {took:.2f} s")


def with_wordfreq(corpus: Corpus) -> None:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        print("  wordfreq: not installed, skipped")
        return
    fillers = sorted(text.filler_words(corpus.lang))
    ideas = sorted(
        {
            w
            for idea in corpus.ideas.values()
            for wording in idea["wordings"]
            for w in re.findall(r"[^\W\d_]{4,}", wording.lower())
            if w not in text.stop_words(corpus.lang)
        }
    )
    f = [zipf_frequency(w, corpus.lang) for w in fillers]
    i = [zipf_frequency(w, corpus.lang) for w in ideas]
    above = sum(x > y for x in f for y in i) / (len(f) * len(i))
    print(
        f"  wordfreq: filler words zipf {sum(f) / len(f):.2f} on average, idea words"
        f" {sum(i) / len(i):.2f}; a filler word is more common than an idea word in"
        f" {above:.0%} of pairs (50%: no signal, 100%: a perfect one)"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpus = generate(args.lang, seed=args.seed)
    print(f"{args.lang}: {len(corpus.notes)} notes, seed {args.seed}")
    recall, fillers, took = bench_rounds(corpus, False)
    print(f"  simplemma lemmas (the method): recall {recall:.2f}/8, filler {fillers}, {took:.2f} s")
    with_stems(corpus)
    with_yake(corpus)
    with_wordfreq(corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
