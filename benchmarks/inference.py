"""Speed of the corrected estimates on every sentence of NewsArticles (issue 23).

    .venv/bin/python benchmarks/inference.py [--repeat 5]

Target: ``analysis.prevalence`` of the five frames by outlet on all sentences of
NewsArticles (94,299 with today's segmentation) in under 2 s. The machine's
columns come from ``analysis.frame_scores`` (made once, not timed); the coding
is the hand coding of NewsArticles sentences that has coding probabilities
(the first wave's frame test sample and round 4, data/coding/), used here for
timing only (their probabilities refer to other populations). Printed: the
median of ``--repeat`` runs with its range, for DSL alone, for DSL with the
machine alone and hand coding alone beside it, and for DSL with article weights
and clusters, each as a ratio to the baseline measured in the same run: a
pandas groupby mean of the same five columns by outlet. Pinned to one CPU where
the system allows it. Needs ``make news-corpus``.
"""

import argparse
import os
import statistics
import time
import warnings

import pandas as pd

import analysis
from analysis.paths import project_root

CODING = project_root() / "data" / "coding"
KEYS = ["doc_id", "sent_id"]


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure (median reported)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        print(f"pinned to CPU {sorted(os.sched_getaffinity(0))}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # the empty articles NewsArticles skips
        corpus = analysis.news_corpus()
    scores = analysis.frame_scores(analysis.sentences(corpus)).merge(corpus[["doc_id", "outlet"]], on="doc_id")
    scores["per_article"] = 1 / scores.groupby("doc_id")["doc_id"].transform("size")
    design = pd.read_csv(CODING / "design_probabilities.csv", dtype={"doc_id": str})
    test = analysis.read_frame_coding(CODING / "news_frames_test.csv").merge(
        design[design["sample"] == "news_frames_sample.csv"][[*KEYS, "coding_probability"]], on=KEYS)
    round4 = analysis.read_frame_coding(CODING / "news_frames_round4_coded.csv")
    frames = analysis.Codebook.load().frame_ids
    coding = pd.concat([test, round4])[[*KEYS, *frames, "coding_probability"]]
    print(f"NewsArticles: {len(scores)} sentences of {scores['doc_id'].nunique()} articles, "
          f"{scores['outlet'].nunique()} outlets; {len(coding)} coded\n")

    columns = [f"{f}_probability" for f in frames]
    baseline = timed(lambda: scores.groupby("outlet")[columns].mean(), args.repeat)
    runs = {
        "prevalence(method='dsl')": lambda: analysis.prevalence(scores, coding, by="outlet",
                                                                codebook_version="frames.yaml v1.2"),
        "prevalence(method=['naive', 'dsl', 'coded'])": lambda: analysis.prevalence(
            scores, coding, by="outlet", method=["naive", "dsl", "coded"], codebook_version="frames.yaml v1.2"),
        "prevalence(dsl, weight=per_article, cluster=doc_id)": lambda: analysis.prevalence(
            scores, coding, by="outlet", weight="per_article", cluster="doc_id", codebook_version="frames.yaml v1.2"),
    }
    base = statistics.median(baseline)
    print(f"{'baseline: pandas groupby mean of the 5 columns by outlet':<60} {base:7.3f} s  "
          f"[{min(baseline):.3f}-{max(baseline):.3f}]")
    for name, fn in runs.items():
        times = timed(fn, args.repeat)
        median = statistics.median(times)
        verdict = f"target < 2 s: {'met' if median < 2 else 'NOT met'}"
        print(f"{name:<60} {median:7.3f} s  [{min(times):.3f}-{max(times):.3f}]  {median / base:6.1f}x baseline  "
              f"({verdict})")


if __name__ == "__main__":
    main()
