"""Benchmark: ``featurize`` throughput of this checkout against another checkout
of the kit (an earlier commit), on the NewsArticles corpus, one core.

The speed of a shared machine drifts within minutes, so the two versions run
in turn, ``--rounds`` times, each in a fresh process that featurizes the corpus
once untimed (compiling its lexicons) and then ``--repeat`` times; the script
prints each version's median and range and the ratio of the medians. Both are
asked for the dictionary method where the version has a choice (the older kit
had only the dictionary), and also, for this checkout, for its default.

    git worktree add /tmp/kit-before 3b9bbd5
    .venv/bin/python benchmarks/featurize_versions.py /tmp/kit-before

Needs ``data/external/NewsArticles.zip`` (``make news-corpus``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

#: Run inside a fresh process with the version's folder first on sys.path:
#: featurize the corpus once, then time it; print the seconds as JSON.
TIMER = r"""
import inspect, json, sys, time, warnings
import analysis
featurize = analysis.featurize if callable(analysis.featurize) else analysis.featurize.featurize
news_corpus = getattr(analysis, "news_corpus", None) or __import__("analysis.news").news.news_corpus
with warnings.catch_warnings():
    warnings.simplefilter("ignore")                       # the empty articles it skips
    corpus = news_corpus(sys.argv[1])
options = {"progress": False}
if sys.argv[2] != "default" and "method" in inspect.signature(featurize).parameters:
    options["method"] = sys.argv[2]
featurize(corpus, **options)
seconds = []
for _ in range(int(sys.argv[3])):
    start = time.perf_counter()
    featurize(corpus, **options)
    seconds.append(time.perf_counter() - start)
print(json.dumps({"seconds": seconds, "mb": sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6}))
"""


def timings(folder: Path, corpus: Path, method: str, repeat: int) -> dict:
    """Seconds of ``repeat`` featurize runs of the kit in ``folder``, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(folder)}
    done = subprocess.run([sys.executable, "-c", TIMER, str(corpus), method, str(repeat)], env=env, cwd=folder,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="another checkout of the kit (its root folder)")
    parser.add_argument("--corpus", type=Path, default=HERE / "data" / "external" / "NewsArticles.zip")
    parser.add_argument("--rounds", type=int, default=3, help="times each version runs, in turn (default 3)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per process (default 3)")
    args = parser.parse_args()
    versions = {"other (dictionary)": (args.other.resolve(), "dictionary"),
                "this (dictionary)": (HERE, "dictionary"), "this (default)": (HERE, "default")}
    runs: dict[str, list[float]] = {name: [] for name in versions}
    megabytes = 0.0
    for _ in range(args.rounds):
        for name, (folder, method) in versions.items():
            result = timings(folder, args.corpus, method, args.repeat)
            runs[name].append(statistics.median(result["seconds"]))
            megabytes = result["mb"]
    print(f"featurize on {args.corpus.name}: {megabytes:.1f} MB; medians of {args.repeat} runs, "
          f"{args.rounds} rounds in turn")
    base = statistics.median(runs["other (dictionary)"])
    for name, seconds in runs.items():
        median = statistics.median(seconds)
        print(f"{name:20s} {median:.2f} s ({min(seconds):.2f} to {max(seconds):.2f}) = {megabytes / median:.2f} MB/s;"
              f" {median / base:.2f}x the other's time")


if __name__ == "__main__":
    main()
