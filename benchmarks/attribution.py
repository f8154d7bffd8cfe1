"""Speed of attributions on the whole NewsArticles corpus: the learned method
against the rules, side by side in one run, as a ratio.

    .venv/bin/python benchmarks/attribution.py [--repeat 3] [--model PATH]

Target (issue 21): ``attributions(corpus, method="learned")`` on all 3,788
articles within 2x of ``method="rules"`` on the same machine. Both are timed
on the same sentences table (made once, as a notebook would), alternating the
methods run by run so that a busy machine slows both alike; each figure is the
median of ``--repeat`` runs with its range, and the ratio is that of the
medians. The process is pinned to one CPU where the system allows it. Needs
``make news-corpus``.
"""

import argparse
import os
import statistics
import time
import warnings

import analysis


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per method (median reported)")
    parser.add_argument("--model", default=None, help="an AttributionModel file (default the shipped one)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        print(f"pinned to CPU {sorted(os.sched_getaffinity(0))}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # the empty articles NewsArticles skips
        corpus = analysis.news_corpus()
    sentences = analysis.sentences(corpus)
    print(f"NewsArticles: {len(corpus)} articles, {len(sentences):,} sentences, "
          f"{corpus['text'].str.len().sum() / 1e6:.1f} MB of text\n")
    model = analysis.AttributionModel.load(args.model)
    analysis.attributions(corpus.head(20), method="learned", model=model)     # resources read and compiled once
    times: dict = {"rules": [], "learned": []}
    found: dict = {}
    for _ in range(args.repeat):
        for method in times:
            start = time.perf_counter()
            found[method] = analysis.attributions(corpus, sentences, method=method, model=model)
            times[method].append(time.perf_counter() - start)
    for method, runs in times.items():
        print(f"attributions(method={method!r}): {statistics.median(runs):6.2f} s  [{min(runs):.2f}-{max(runs):.2f}]"
              f"  {len(found[method]):,} attributions")
    ratio = statistics.median(times["learned"]) / statistics.median(times["rules"])
    print(f"\nlearned / rules: {ratio:.2f}x  (target within 2x: {'met' if ratio <= 2 else 'NOT met'})")


if __name__ == "__main__":
    main()
