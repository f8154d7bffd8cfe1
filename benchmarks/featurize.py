"""Benchmark: ``analysis.featurize`` on the NewsArticles corpus and on a large
file made by repeating its articles.

Prints, in one run:

1. throughput of ``featurize`` on one core (MB of UTF-8 text per second), on
   the first call (which compiles the lexicons) and on a second call;
2. the time of scikit-learn's ``CountVectorizer(ngram_range=(1, 3),
   vocabulary=<the codebook's entries>)`` on the same texts, and the ratio;
3. the time on a two-worker ``distributed.LocalCluster`` (processes, one
   thread each; cluster start-up and a warm-up task not counted; the texts
   travel in the task graph) and the speed-up over the second call;
4. peak memory (VmHWM, else ru_maxrss) of this process;
5. a CSV of ``--big-mb`` MB made by repeating the articles, streamed chunk by
   chunk through ``featurize`` in a fresh process (results discarded) for at
   most ``--max-seconds``; the rest of the file is then only read and built
   into corpus chunks, so the peak memory printed covers the whole file.

Needs ``data/external/NewsArticles.zip`` (``make news-corpus``) and the
``dask`` extra. Timings on a shared machine are noisy.

Run: ``.venv/bin/python benchmarks/featurize.py [--docs N] [--big-mb 1000] [--max-seconds 540]``
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from analysis.featurize import CHUNKSIZE, corpus_chunks, featurize, featurize_frame
from analysis.framing import load_codebook
from analysis.news import NEWS_ZIP, news_corpus


def megabytes(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def peak_mb() -> float:
    """Peak resident memory of this process: VmHWM (Linux; unlike ru_maxrss it is
    not inherited from the parent across fork and exec), else ru_maxrss."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # KiB on Linux


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def count_vectorizer_seconds(texts) -> tuple[float, int]:
    from sklearn.feature_extraction.text import CountVectorizer

    entries = sorted({e["entry"].lower() for f in load_codebook().frames for e in f["entries"]})
    vectorizer = CountVectorizer(ngram_range=(1, 3), vocabulary=entries)
    _, seconds = timed(vectorizer.fit_transform, texts)
    return seconds, len(entries)


def dask_seconds(corpus, workers: int, partitions: int) -> float:
    import dask
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster):
        warm = dd.from_pandas(corpus[["doc_id", "text"]].iloc[:partitions], npartitions=partitions)
        dask.compute(*featurize(warm))                       # workers import analysis and compile lexicons
        lazy = featurize(dd.from_pandas(corpus[["doc_id", "text"]], npartitions=partitions))
        with warnings.catch_warnings():                      # the texts travel in the task graph
            warnings.filterwarnings("ignore", "Sending large graph")
            _, seconds = timed(dask.compute, *lazy)
    return seconds


def write_big_csv(corpus, path: Path, target_mb: float) -> float:
    """Repeat the articles (doc_id ``<id>-<copy>``) until the texts reach ``target_mb``."""
    size, copy = 0.0, 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "outlet", "text"])
        while size < target_mb:
            for doc_id, outlet, text in zip(corpus["doc_id"], corpus["outlet"], corpus["text"]):
                writer.writerow([f"{doc_id}-{copy}", outlet, text])
                size += len(text.encode("utf-8")) / 1e6
                if size >= target_mb:
                    break
            copy += 1
    return size


def stream(path: str, max_seconds: float, chunksize: int) -> None:
    """Child process: stream ``path`` chunk by chunk as ``featurize`` does, keep
    only counts (results are discarded); after ``max_seconds``, only read and
    build the remaining chunks (no featurizing), so the whole file is streamed.
    Prints JSON."""
    start, done_mb, read_mb, sentences, attributions = time.perf_counter(), 0.0, 0.0, 0, 0
    seconds = None
    chunks, _ = corpus_chunks(path, chunksize=chunksize)
    for chunk in chunks:
        if seconds is None:
            sents, attrs = featurize_frame(chunk)
            done_mb += megabytes(chunk["text"])
            sentences, attributions = sentences + len(sents), attributions + len(attrs)
            if time.perf_counter() - start > max_seconds:
                seconds, read_start = time.perf_counter() - start, time.perf_counter()
        else:
            read_mb += megabytes(chunk["text"])
    seconds, read_seconds = (time.perf_counter() - start, 0.0) if seconds is None else \
        (seconds, time.perf_counter() - read_start)
    print(json.dumps({"seconds": seconds, "mb": done_mb, "sentences": sentences, "attributions": attributions,
                      "read_mb": read_mb, "read_seconds": read_seconds, "peak_mb": peak_mb()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=NEWS_ZIP, help="NewsArticles.zip (default: %(default)s)")
    parser.add_argument("--docs", type=int, default=None, help="use only the first DOCS articles (default: all)")
    parser.add_argument("--big-mb", type=float, default=1000, help="size of the repeated corpus file (0: skip)")
    parser.add_argument("--max-seconds", type=float, default=540, help="stop streaming the big file after this")
    parser.add_argument("--chunksize", type=int, default=CHUNKSIZE, help="documents per chunk (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stream", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stream:
        return stream(args.stream, args.max_seconds, args.chunksize)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                      # the 36 articles without text
        corpus = news_corpus(args.corpus).iloc[:args.docs]
    mb = megabytes(corpus["text"])
    print(f"corpus: {len(corpus)} articles, {mb:.2f} MB of text")

    (sents, attrs), cold = timed(featurize, corpus, chunksize=args.chunksize, progress=False)
    print(f"featurize, 1 process, first call: {cold:5.1f} s  {mb / cold:5.2f} MB/s  "
          f"({len(sents)} sentences, {len(attrs)} attributions; includes compiling the lexicons)")
    _, seconds = timed(featurize, corpus, chunksize=args.chunksize, progress=False)
    print(f"featurize, 1 process, again:      {seconds:5.1f} s  {mb / seconds:5.2f} MB/s")
    cv_seconds, n_entries = count_vectorizer_seconds(corpus["text"].tolist())
    print(f"CountVectorizer(1-3 grams, {n_entries} entries): {cv_seconds:5.1f} s  "
          f"featurize / CountVectorizer = {seconds / cv_seconds:.1f}x (first call {cold / cv_seconds:.1f}x)")
    d_seconds = dask_seconds(corpus, args.workers, partitions=4 * args.workers)
    print(f"featurize, Dask {args.workers} workers:  {d_seconds:7.1f} s  speed-up {seconds / d_seconds:.2f}x")
    print(f"peak memory of this process: {peak_mb():.0f} MB")

    if args.big_mb <= 0:
        return
    with tempfile.TemporaryDirectory(prefix="featurize_bench_") as tmp:
        path = Path(tmp) / "big.csv"
        size, write_seconds = timed(write_big_csv, corpus, path, args.big_mb)
        print(f"big file: {size:.0f} MB of text, {path.stat().st_size / 1e6:.0f} MB on disk "
              f"(written in {write_seconds:.0f} s); streaming in a fresh process...")
        command = [sys.executable, __file__, "--stream", str(path), "--max-seconds", str(args.max_seconds),
                   "--chunksize", str(args.chunksize)]
        result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    done = result["mb"]
    status = "all of it" if done >= size - 1e-6 else f"stopped by --max-seconds {args.max_seconds:.0f}"
    print(f"featurized {done:.0f} MB of text in {result['seconds']:.0f} s ({status}): "
          f"{done / result['seconds']:.2f} MB/s, {result['sentences']} sentences")
    if result["read_mb"]:
        print(f"then only read the remaining {result['read_mb']:.0f} MB into corpus chunks in "
              f"{result['read_seconds']:.0f} s ({result['read_mb'] / result['read_seconds']:.1f} MB/s)")
    print(f"peak memory of the streaming process: {result['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
