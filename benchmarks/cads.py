"""Speed of the corpus-linguistic tools on the NewsArticles corpus, on one core.

    .venv/bin/python benchmarks/cads.py [--repeat 3]

Targets (issue 16): keyness of the migration articles against the rest in
under 3 s including tokenization; collocates of one node over the whole
corpus in under 2 s after tokenization; every node of a 50-word list in under
10 s (one pass). "After tokenization" is timed on a token table made once by
``analysis.tokens(analysis.sentences(corpus))``; the same calls on the
sentences table (tokenizing inside) are printed beside them. The 50 nodes are
the 50 most frequent words of the corpus outside the shipped stop list, so
they have many occurrences (a hard case). Each measure is the median of
``--repeat`` runs, with its range. The process is pinned to one CPU where the
system allows it. Needs ``make news-corpus``.
"""

import argparse
import os
import statistics
import time
import warnings
from collections import Counter

import analysis


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def report(name, times, target=None):
    median = statistics.median(times)
    verdict = "" if target is None else f"  (target < {target:g} s: {'met' if median < target else 'NOT met'})"
    print(f"{name:<68} {median:6.2f} s  [{min(times):.2f}-{max(times):.2f}]{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (median reported)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        print(f"pinned to CPU {sorted(os.sched_getaffinity(0))}")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # the 36 empty articles NewsArticles skips
        corpus = analysis.news_corpus()
    migration = analysis.migration_articles(corpus)
    mask = corpus["doc_id"].isin(migration["doc_id"])
    stop = analysis.load_stopwords()
    print(f"NewsArticles: {len(corpus)} articles, {corpus['text'].str.len().sum() / 1e6:.1f} MB of text, "
          f"{len(migration)} about migration\n")

    times, keys = timed(lambda: analysis.keyness(corpus, by=mask), args.repeat)
    words = keys.attrs["size_target"] + keys.attrs["size_reference"]
    report(f"keyness, migration vs rest, incl. tokenization ({words / 1e6:.2f} M words)", times, 3)
    times, _ = timed(lambda: analysis.keyness(corpus, by=mask, stopwords=stop, ngrams=(1, 3)), args.repeat)
    report("keyness, 1- to 3-grams, stop words", times)

    times, sentences = timed(lambda: analysis.sentences(corpus), 1)
    report(f"sentences ({len(sentences)})", times)
    times, tokens = timed(lambda: analysis.tokens(sentences), 1)
    report(f"tokens of the sentences ({len(tokens) / 1e6:.2f} M tokens)", times)

    times, table = timed(lambda: analysis.collocates(tokens, "migrants"), args.repeat)
    report("collocates of 'migrants', token table (after tokenization)", times, 2)
    times, _ = timed(lambda: analysis.collocates(sentences, "migrants"), args.repeat)
    report("collocates of 'migrants', sentences table (tokenizing inside)", times)

    counts = Counter(w for text in corpus["text"] for w in analysis.words(text))
    nodes = [w for w, _ in counts.most_common() if w not in stop and w.isalpha()][:50]
    occurrences = sum(counts[w] for w in nodes)
    times, many = timed(lambda: analysis.collocates(tokens, nodes), args.repeat)
    report(f"collocates of 50 nodes ({occurrences} occurrences), token table, one pass", times, 10)
    times, _ = timed(lambda: analysis.collocates(sentences, nodes), args.repeat)
    report("collocates of 50 nodes, sentences table, one pass", times)

    times, _ = timed(lambda: analysis.dispersion(migration), args.repeat)
    report("dispersion of every word over the 481 migration articles", times)
    times, _ = timed(lambda: analysis.clusters(sentences, ["migrants", "refugees", "illegal"]), args.repeat)
    report("clusters of 3 nodes, 2 to 5 words", times)
    print(f"\n50 nodes: {', '.join(nodes[:10])}, ... ({len(many)} collocate rows)")


if __name__ == "__main__":
    main()
