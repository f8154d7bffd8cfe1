"""Benchmark: ``analysis.featurize`` on the NewsArticles corpus and on a large
file made by repeating its articles.

Prints, in one run:

0. in a fresh process: the time of ``import analysis``, whether it mapped or
   opened the word vectors (it must not), and the time of the first
   ``WordVectors.load()`` (checking both files' SHA-256, memory-mapping the
   array, reading the vocabulary), which the first featurize call pays;
1. throughput of ``featurize`` on one core (MB of UTF-8 text per second), on
   the first call (which compiles the lexicons) and on later calls;
2. the time of scikit-learn's ``CountVectorizer(ngram_range=(1, 3),
   vocabulary=<the codebook's entries>)`` on the same texts, and the ratio;
   and the time of two warm processes featurizing half the articles each at
   once, with no framework between them: the ceiling for 3;
3. the time on a ``distributed.LocalCluster`` of one and of two workers
   (processes, one thread each; the texts travel in the task graph), with
   Dask's default settings and with :data:`LEAN_DASK`, three ways
   (:data:`DASK_MEASURES`), and the speed-ups over one process (the pandas
   path) and over one worker (the same Dask code). Each cluster first
   featurizes the whole corpus once, untimed, as one process has done before
   its timed runs;
4. peak memory (VmHWM, else ru_maxrss) of this process;
5. a CSV of ``--big-mb`` MB made by repeating the articles, streamed chunk by
   chunk through ``featurize`` in a fresh process (results discarded) for at
   most ``--max-seconds``; the rest of the file is then only read and built
   into corpus chunks, so the peak memory printed covers the whole file.

The speed of a shared machine drifts by up to 40% within minutes, so 2 and 3
are measured ``--repeat`` times, one process, CountVectorizer, two processes
and Dask in turn, and each is printed as the median (and range) of its runs;
ratios are of the medians.

Needs ``data/external/NewsArticles.zip`` (``make news-corpus``) and the
``dask`` extra.

Run: ``.venv/bin/python benchmarks/featurize.py [--docs N] [--copies 1] [--partitions N] [--repeat 3]
[--big-mb 1000] [--max-seconds 540]``
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis.corpus.news import default_news_zip, news_corpus
from analysis.corpus.stream import CHUNKSIZE, corpus_chunks
from analysis.measures.featurize import featurize, featurize_frame
from analysis.resources import load_codebook


VECTORS_AT_IMPORT = """
import time
start = time.perf_counter()
import analysis
imported = time.perf_counter() - start
mapped = "glove_6B" in open("/proc/self/maps").read()
start = time.perf_counter()
analysis.WordVectors.load()
print(imported, mapped, time.perf_counter() - start)
"""


def vectors_at_import() -> tuple[float, bool, float]:
    """Seconds of ``import analysis`` in a fresh process, whether the vectors were mapped by then, and seconds
    of the first ``WordVectors.load()``."""
    out = subprocess.run([sys.executable, "-c", VECTORS_AT_IMPORT], capture_output=True, text=True, check=True)
    imported, mapped, loaded = out.stdout.split()
    return float(imported), mapped == "True", float(loaded)


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


def count_vectorizer(texts):
    """``(fit_transform, n_entries)``: CountVectorizer with 1-3 grams over the codebook's entries."""
    from sklearn.feature_extraction.text import CountVectorizer

    entries = sorted({e["entry"].lower() for f in load_codebook().frames for e in f["entries"]})
    vectorizer = CountVectorizer(ngram_range=(1, 3), vocabulary=entries)
    return lambda: vectorizer.fit_transform(texts), len(entries)


def compare(corpus, vectorize, repeat: int, workers: int, partitions: int, chunksize: int) -> dict[object, list[float]]:
    """Seconds of one process, CountVectorizer (``vectorize``), two plain processes
    (:func:`two_processes`), and Dask on one and on ``workers`` workers with
    default and with :data:`LEAN_DASK` settings, measured in turn ``repeat``
    times; Dask's as :func:`dask_seconds` gives them. A cluster is started for
    each Dask run and closed after it, so no cluster shares the machine with
    another run."""
    seconds: dict[object, list[float]] = {}
    with two_processes(corpus, chunksize) as halves:
        for _ in range(repeat):
            seconds.setdefault("one", []).append(timed(featurize, corpus, chunksize=chunksize, progress=False)[1])
            seconds.setdefault("cv", []).append(timed(vectorize)[1])
            seconds.setdefault("two", []).append(timed(halves)[1])
            for config, settings in (("default", {}), ("lean", LEAN_DASK)):
                for n in sorted({1, workers}):
                    for measure, value in dask_seconds(corpus, n, partitions, settings).items():
                        seconds.setdefault((config, n, measure), []).append(value)
    return seconds


@contextmanager
def two_processes(corpus, chunksize: int):
    """A function that featurizes the corpus as two halves (alternate
    articles) in two warm processes at once, with nothing between them: what
    two cores of this machine give this work, the ceiling for Dask's speed-up."""
    context = multiprocessing.get_context("spawn")
    pipes, processes = [], []
    for half in (corpus.iloc[0::2], corpus.iloc[1::2]):
        pipe, theirs = context.Pipe()
        processes.append(context.Process(target=_featurize_on_request, args=(theirs, half, chunksize), daemon=True))
        processes[-1].start()
        pipes.append(pipe)
    for pipe in pipes:
        pipe.recv()                     # warmed up

    def run() -> None:
        for pipe in pipes:
            pipe.send(True)
        for pipe in pipes:
            pipe.recv()
    try:
        yield run
    finally:
        for pipe, process in zip(pipes, processes):
            pipe.send(False)
            process.join()


def _featurize_on_request(pipe, half, chunksize: int) -> None:
    """Child of :func:`two_processes`: featurize ``half`` once to warm up, then on each request."""
    featurize(half, chunksize=chunksize, progress=False)
    pipe.send(None)
    while pipe.recv():
        featurize(half, chunksize=chunksize, progress=False)
        pipe.send(None)


#: Dask settings for throughput: no statistical profiler in the workers (it
#: samples every task's stack every 10 ms), monitors that look once a second
#: (idle, a LocalCluster of two workers then takes 0.15 s of CPU per 10 s, not
#: 1.4 s), and glibc's own malloc trimming: distributed sets
#: MALLOC_TRIM_THRESHOLD_ in workers to return memory sooner, which also turns
#: off glibc's adaptive mmap threshold, so that every allocation over 128 KiB
#: is mapped and unmapped afresh.
LEAN_DASK = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s",
             "distributed.worker.memory.monitor-interval": "1s", "distributed.admin.system-monitor.interval": "5s",
             "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}

#: What :func:`dask_seconds` times: until both tables are in the workers'
#: memory; until, from the same start, their partitions are gathered and
#: concatenated here; and, in a run of its own, ``dask.compute(sentences,
#: attributions)``, which concatenates each table on a worker first.
DASK_MEASURES = {"cluster": "in the cluster", "gathered": "gathered here", "compute": "dask.compute"}


def dask_seconds(corpus, workers: int, partitions: int, config: dict) -> dict[str, float]:
    """Seconds of ``featurize`` on a fresh LocalCluster, for each of
    :data:`DASK_MEASURES`; checks that the gathered tables equal
    ``dask.compute``'s. The cluster first featurizes the whole corpus once,
    untimed, as the one-process runs come after a first call: its workers
    import ``analysis``, compile the lexicons and fill their caches."""
    import dask
    import dask.dataframe as dd
    from distributed import Client, LocalCluster, futures_of, wait

    def tables():
        return featurize(dd.from_pandas(corpus[["doc_id", "text"]], npartitions=partitions))

    environ = dict(os.environ)      # a nanny sets its pre-spawn variables in this process's environment
    # no dashboard; the scheduler's health routes on a free loopback port, not on 8787, which another
    # cluster on the machine may hold (distributed then warns and moves)
    with restored(environ), dask.config.set(config), \
            LocalCluster(n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None,
                         scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster, \
            Client(cluster) as client, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Sending large graph")     # the texts travel in the task graph
        dask.compute(*tables())
        lazy = tables()
        start = time.perf_counter()
        futures = [sorted(futures_of(table), key=lambda future: future.key[1]) for table in client.persist(lazy)]
        wait(futures[0] + futures[1])
        in_cluster = time.perf_counter() - start
        gathered = [pd.concat(client.gather(parts), ignore_index=True) for parts in futures]
        seconds = {"cluster": in_cluster, "gathered": time.perf_counter() - start}
        del futures
        computed, seconds["compute"] = timed(dask.compute, *tables())
        settle(client)
    for mine, theirs in zip(gathered, computed):
        pd.testing.assert_frame_equal(mine, theirs.reset_index(drop=True))
    return seconds


def settle(client, timeout: float = 30) -> None:
    """Wait until the scheduler has forgotten every task, so that the cluster
    closes idle: releasing keys is asynchronous, and a cluster closed while its
    workers still free them can lose a worker's connection mid-message
    (a CommClosedError traceback at shutdown)."""
    deadline = time.monotonic() + timeout
    while client.run_on_scheduler(_scheduler_tasks) and time.monotonic() < deadline:
        time.sleep(0.05)


def _scheduler_tasks(dask_scheduler) -> int:
    return len(dask_scheduler.tasks)


@contextmanager
def restored(environ: dict[str, str]):
    """Put ``os.environ`` back as ``environ`` on leaving."""
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(environ)


def ratio_only(corpus, vectorize, n_entries: int, repeat: int, chunksize: int, mb: float) -> None:
    """featurize against CountVectorizer, in turn ``repeat`` times, wall and CPU seconds (medians, ranges)."""
    wall: dict[str, list[float]] = {"one": [], "cv": []}
    cpu: dict[str, list[float]] = {"one": [], "cv": []}
    for _ in range(repeat):
        for name, function in (("one", lambda: featurize(corpus, chunksize=chunksize, progress=False)),
                               ("cv", vectorize)):
            start, start_cpu = time.perf_counter(), time.process_time()
            function()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    for label, seconds in (("wall", wall), ("CPU", cpu)):
        one, cv = statistics.median(seconds["one"]), statistics.median(seconds["cv"])
        print(f"{label}: featurize {spread(seconds['one'])} ({mb / one:.2f} MB/s), CountVectorizer(1-3 grams, "
              f"{n_entries} entries) {spread(seconds['cv'])}: featurize / CountVectorizer = {one / cv:.2f}x")


def per_run(base: list[float], times: list[float]) -> str:
    """The speed-up of each run over the run of ``base`` in the same turn."""
    return ", ".join(f"{b / t:.2f}" for b, t in zip(base, times))


def spread(values: list[float]) -> str:
    """``median s (min-max)``."""
    return f"{statistics.median(values):5.1f} s ({min(values):.1f}-{max(values):.1f})"


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
    parser.add_argument("--corpus", type=Path, default=default_news_zip(), help="NewsArticles.zip (default: %(default)s)")
    parser.add_argument("--docs", type=int, default=None, help="use only the first DOCS articles (default: all)")
    parser.add_argument("--copies", type=int, default=1,
                        help="repeat the articles this many times (doc ids <id>-<copy>), to see how the figures "
                             "grow with the size of the job (default: %(default)s)")
    parser.add_argument("--partitions", type=int, default=None, help="Dask partitions (default: 4 per worker)")
    parser.add_argument("--big-mb", type=float, default=1000, help="size of the repeated corpus file (0: skip)")
    parser.add_argument("--max-seconds", type=float, default=540, help="stop streaming the big file after this")
    parser.add_argument("--chunksize", type=int, default=CHUNKSIZE, help="documents per chunk (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing, in turn (default: %(default)s)")
    parser.add_argument("--ratio-only", action="store_true",
                        help="time only featurize (one process) and CountVectorizer, in turn --repeat times, in wall "
                             "and in CPU time of this process (CPU time depends less on other work on the machine)")
    parser.add_argument("--stream", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stream:
        return stream(args.stream, args.max_seconds, args.chunksize)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                      # the 36 articles without text
        corpus = news_corpus(args.corpus).iloc[:args.docs]
    if args.copies > 1:
        corpus = pd.concat([corpus.assign(doc_id=corpus["doc_id"] + f"-{copy}") for copy in range(args.copies)],
                           ignore_index=True)
    mb = megabytes(corpus["text"])
    print(f"corpus: {len(corpus)} articles, {mb:.2f} MB of text")

    imported, mapped, loaded = vectors_at_import()
    print(f"fresh process: import analysis {imported:.2f} s, word vectors {'MAPPED' if mapped else 'not read'} by "
          f"then; first WordVectors.load() {loaded:.2f} s (SHA-256 of both files, memory map, vocabulary)")
    (sents, attrs), cold = timed(featurize, corpus, chunksize=args.chunksize, progress=False)
    print(f"featurize, 1 process, first call: {cold:5.1f} s  {mb / cold:5.2f} MB/s  "
          f"({len(sents)} sentences, {len(attrs)} attributions; includes compiling the lexicons)")
    vectorize, n_entries = count_vectorizer(corpus["text"].tolist())
    if args.ratio_only:
        return ratio_only(corpus, vectorize, n_entries, args.repeat, args.chunksize, mb)
    seconds = compare(corpus, vectorize, args.repeat, args.workers, args.partitions or 4 * args.workers,
                      args.chunksize)
    one, cv = statistics.median(seconds["one"]), statistics.median(seconds["cv"])
    print(f"{args.repeat} runs of each, in turn; median (min-max):")
    print(f"featurize, 1 process:      {spread(seconds['one'])}  {mb / one:5.2f} MB/s "
          f"({mb / max(seconds['one']):.2f}-{mb / min(seconds['one']):.2f})")
    print(f"CountVectorizer(1-3 grams, {n_entries} entries): {spread(seconds['cv'])}  "
          f"featurize / CountVectorizer = {one / cv:.2f}x")
    two = seconds["two"]
    print(f"featurize, 2 plain processes, half the articles each (no Dask): {spread(two)}  speed-up over "
          f"1 process {one / statistics.median(two):.2f}x (per run: {per_run(seconds['one'], two)})")
    print("featurize on Dask, median s (min-max) and speed-up over 1 process: until both tables are in the "
          "cluster, until they are gathered here, and of dask.compute (a run of its own):")
    for config in ("default", "lean"):
        for n in sorted({1, args.workers}):
            cells = [f"{DASK_MEASURES[m]} {spread(seconds[config, n, m])} "
                     f"{one / statistics.median(seconds[config, n, m]):.2f}x" for m in DASK_MEASURES]
            gathered = seconds[config, n, "gathered"]
            over_one = statistics.median(seconds[config, 1, "gathered"]) / statistics.median(gathered)
            print(f"  {config} settings, {n} worker(s): " + " | ".join(cells))
            print(f"    gathered, speed-up per run: {per_run(seconds['one'], gathered)}"
                  + (f"; over 1 worker {over_one:.2f}x" if n > 1 else ""))
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
