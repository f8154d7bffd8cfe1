"""Speed of loading and segmenting: the seeds, then the seeds repeated to ~N MB.

    .venv/bin/python benchmarks/segment.py [--mb 10]
"""

import argparse
import statistics
import time

import pandas as pd

import analysis


def timed(fn, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0, help="size of the repeated corpus in MB")
    args = parser.parse_args()

    seconds, (corpus, sents) = timed(lambda: (c := analysis.load_corpus(), analysis.sentences(c)), repeat=20)
    print(f"seeds: load_corpus + sentences, median of 20: {seconds * 1000:.1f} ms "
          f"({len(corpus)} documents, {len(sents)} sentences, {len(analysis.paragraphs(corpus))} paragraphs)")

    size = corpus["text"].str.len().sum()
    copies = max(1, int(args.mb * 1e6 / size))
    big = pd.DataFrame({"doc_id": [f"{d}-{i}" for i in range(copies) for d in corpus["doc_id"]],
                        "text": list(corpus["text"]) * copies})
    mb = big["text"].str.len().sum() / 1e6
    for name, fn in [("load_corpus (DataFrame)", lambda: analysis.load_corpus(big)),
                     ("sentences", lambda: analysis.sentences(big)),
                     ("tokens of sentences", lambda: analysis.tokens(analysis.sentences(big)))]:
        seconds, _ = timed(fn, repeat=1)
        print(f"{mb:.1f} MB: {name}: {seconds:.2f} s, {mb / seconds:.2f} MB/s")


if __name__ == "__main__":
    main()
