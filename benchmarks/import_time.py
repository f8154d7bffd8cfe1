"""How long ``import analysis`` takes, in fresh interpreters, beside baselines
measured in the same run (machines and their load differ; the ratio travels).

    .venv/bin/python benchmarks/import_time.py [--runs 9]

Each statement runs ``--runs`` times, each in a new Python process, the runs of
the statements interleaved (so a burst of load on a shared machine falls on all
of them); the times are the wall clock of the whole process and its CPU time
(user + system, which load on a shared machine inflates less), medians over runs.
Baselines: the bare interpreter, ``import numpy``, and ``import pandas, sklearn``.
``import analysis`` imports a name's module only when the name is first used
(PEP 562), so the benchmark also times a first use (``analysis.sentences``:
its module, pandas and the segmentation rules), what a script pays before its
first step. Also listed: whether NLTK and pyplot were imported (they should
not be: NLTK is imported when a text is first segmented or stemmed, pyplot
when a figure is drawn).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time

STATEMENTS = {
    "python (nothing imported)": "pass",
    "import numpy": "import numpy",
    "import pandas, sklearn": "import pandas, sklearn",
    "import analysis": "import analysis",
    "first use: analysis.sentences": "import analysis; analysis.sentences",
}


def run(statement: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``python -c statement`` in a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="processes per statement (default 9)")
    args = parser.parse_args()
    run("import analysis")                                    # warm the file cache once; not counted
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in STATEMENTS}
    for _ in range(args.runs):
        for name, statement in STATEMENTS.items():
            times[name].append(run(statement))
    wall = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in times.items()}
    base, base_cpu = wall["import pandas, sklearn"], cpu["import pandas, sklearn"]
    print(f"{'':30s} {'wall (median, range)':>26s} {'ratio':>7s} {'CPU':>8s} {'ratio':>7s}")
    for name in STATEMENTS:
        spread = f"{min(w for w, _ in times[name]):.2f}-{max(w for w, _ in times[name]):.2f}"
        print(f"{name:30s} {wall[name]:6.2f} s ({spread:>11s})      {wall[name] / base:5.2f}x "
              f"{cpu[name]:6.2f} s {cpu[name] / base_cpu:5.2f}x")
    loaded = subprocess.run([sys.executable, "-c", "import sys, analysis; print(*sorted(m for m in "
                             "('nltk', 'matplotlib.pyplot', 'matplotlib', 'sklearn', 'scipy') if m in sys.modules))"],
                            check=True, capture_output=True, text=True).stdout.split()
    print(f"imported by 'import analysis': {', '.join(loaded) or 'none of them'} "
          f"(of nltk, matplotlib.pyplot, matplotlib, sklearn, scipy)")
    print(f"import analysis: {wall['import analysis']:.2f} s wall, {cpu['import analysis']:.2f} s CPU "
          f"(target < 1.5 s on an idle machine); {wall['import analysis'] - base:+.2f} s wall beyond "
          f"pandas+sklearn (median of {args.runs} runs; ratios against pandas+sklearn in the same run)")


if __name__ == "__main__":
    main()
