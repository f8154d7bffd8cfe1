"""Throughput of ``frame_scores`` on pre-segmented sentences (one core), per method.

By default the corpus is the seed sentences, resampled with a fixed seed until
it holds at least ``--mb`` megabytes (UTF-8); every other sentence has its
words rotated so that the text is not only exact repeats. ``--corpus news``
uses the real NewsArticles corpus instead (12.5 MB, 94,000 sentences; fetch it
with ``make news-corpus``; segmenting it takes about 15 s, outside the timing).
Prints megabytes per second of wall-clock time and of process CPU time (the
CPU figure depends less on other work on the machine).

``--method classifier`` (the default for the shipped codebook) also reports the
cold run (loading the fitted model from JSON and its first prediction) apart
from the warm ones, and the time to fit a classifier on ``--train`` coded
sentences (drawn with a fixed seed from the kit's coding outside the locked
test set; default 1,000).

    .venv/bin/python benchmarks/framing.py                       # dictionary, >= 10 MB, best of 3
    .venv/bin/python benchmarks/framing.py --method classifier --corpus news
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings

import numpy as np
import pandas as pd

import analysis
from analysis import FrameClassifier, frame_scores, load_codebook
from analysis.paths import project_root


def varied_sentences(megabytes: float, random_state: int = 0) -> pd.DataFrame:
    """Seed sentences resampled (half of them with rotated words) to ``megabytes`` of UTF-8 text."""
    seeds = analysis.sentences(analysis.load_corpus())
    rng = np.random.default_rng(random_state)
    texts, size = [], 0
    pool = seeds["text"].tolist()
    while size < megabytes * 1e6:
        text = pool[rng.integers(len(pool))]
        if rng.random() < 0.5:
            words = text.split()
            k = int(rng.integers(len(words)))
            text = " ".join(words[k:] + words[:k])
        texts.append(text)
        size += len(text.encode("utf-8"))
    return pd.DataFrame({"doc_id": [f"doc{i // 20:06d}" for i in range(len(texts))],
                         "sent_id": [i % 20 for i in range(len(texts))], "text": texts})


#: Throughput goals of the two methods, one core (issue 15 set the classifier's).
TARGET_MB_S = {"dictionary": 10, "classifier": 5}


def training_time(n: int, random_state: int = 0) -> tuple[int, float]:
    """Sentences used and seconds to fit a FrameClassifier on ``n`` of the kit's coded sentences."""
    sys.path.insert(0, str(project_root() / "data" / "coding"))
    from fit_frame_classifier import training_sentences

    data = training_sentences()
    data = data.sample(n=min(n, len(data)), random_state=random_state)
    frames = load_codebook().frame_ids
    start = time.perf_counter()
    FrameClassifier().fit(data["text"], data[frames])
    return len(data), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="megabytes of text (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported (default 3)")
    parser.add_argument("--corpus", choices=["seeds", "news"], default="seeds",
                        help="resampled seed sentences (default) or the NewsArticles corpus")
    parser.add_argument("--method", choices=["dictionary", "classifier"], default="dictionary")
    parser.add_argument("--train", type=int, default=1000,
                        help="coded sentences to fit the classifier on (classifier only; default 1,000)")
    args = parser.parse_args()
    if args.corpus == "news":
        from analysis.corpus.news import news_corpus

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the 36 empty articles it skips
            sentences = analysis.sentences(news_corpus())
    else:
        sentences = varied_sentences(args.mb)
    megabytes = sum(len(t.encode("utf-8")) for t in sentences["text"]) / 1e6
    codebook = load_codebook()
    codebook.lexicon  # compile once, outside the timing
    model = None
    if args.method == "classifier":
        start = time.perf_counter()
        model = FrameClassifier.load()
        frame_scores(sentences, method="classifier", model=model)
        cold = time.perf_counter() - start
    walls, cpus = [], []
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        scores = frame_scores(sentences, method=args.method, model=model)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    frames = codebook.frame_ids
    print(f"frame_scores, {args.method}: {len(sentences):,} sentences, {megabytes:.2f} MB, "
          f"{int(scores[frames].to_numpy().sum()):,} sentence-frames coded 1")
    if args.method == "classifier":
        print(f"cold (load the model, first prediction): {cold:.3f} s = {megabytes / cold:.1f} MB/s")
    print(f"warm, best of {args.repeat}: {min(walls):.3f} s wall = {megabytes / min(walls):.1f} MB/s; "
          f"{min(cpus):.3f} s CPU = {megabytes / min(cpus):.1f} MB/s "
          f"(target >= {TARGET_MB_S[args.method]} MB/s)")
    if args.method == "classifier":
        n, seconds = training_time(args.train)
        print(f"fit on {n:,} coded sentences (5-fold CV over 4 values of C): {seconds:.2f} s (target < 10 s)")


if __name__ == "__main__":
    main()
