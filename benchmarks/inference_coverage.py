"""Coverage of the corrected estimators' 95% intervals in simulation (issue 23).

    .venv/bin/python benchmarks/inference_coverage.py [--replicates 2000] [--units 2000] [--coded 200]

Each replicate draws a new population from ``analysis.synthetic.synthetic_measurements``
(two groups with true shares about 0.16 and 0.31, a covariate ``x`` with a
logistic slope of 0.5, and a machine of realistic accuracy, F1 about 0.8 with a
mean probability well above the true share, or a useless one), draws a coding
sample with ``analysis.coding_sample`` (simple random, or in proportion to the
machine's uncertainty with a floor of 0.25: unequal probabilities), and
estimates with the kit's public functions: the share of group A
(``prevalence``), the difference B - A (``group_differences``) and the
coefficient of ``x`` in a logistic regression ``aid ~ group + x``
(``regression``). The truth is the model's (``synthetic_truth``), so coverage
is over new populations as well as new samples, the framework of DSL and PPI.
Prints, per design, machine, estimand and method: coverage (goal 0.93 to 0.97
for the corrected methods), mean interval width, bias, and replicates. PPI++
needs equal probabilities, so it runs under simple random sampling only.
"""

import argparse
import time

import numpy as np
import pandas as pd
from tqdm import tqdm

import analysis
from analysis.synthetic import synthetic_measurements, synthetic_truth

DESIGNS = {"simple random": {"strategy": "random"}, "uncertainty, floor 0.25": {"strategy": "uncertain", "floor": 0.25}}


def replicate(seed: int, quality: str, design: dict, units: int, coded: int) -> list[dict]:
    population = synthetic_measurements(units, quality=quality, random_state=seed)
    sample = analysis.coding_sample(population, coded, frames=["aid"], random_state=seed, **design)
    coding = sample[["doc_id", "coding_probability"]].assign(aid=sample["truth"].to_numpy())
    methods = ["dsl", "ppi", "coded", "naive"] if design["strategy"] == "random" else ["dsl", "coded", "naive"]
    truth = synthetic_truth()
    rows = []
    shares = analysis.prevalence(population, coding, frames="aid", by="group", method=methods)
    for row in shares[shares["group"] == "A"].itertuples():
        rows.append(("share of group A", row.method, truth["share"]["A"], row.estimate, row.low, row.high))
    differences = analysis.group_differences(population, coding, by="group", frames="aid", method=methods)
    for row in differences.itertuples():
        rows.append(("difference B - A", row.method, truth["difference"], row.estimate, row.low, row.high))
    slopes = analysis.regression(population, coding, "aid ~ group + x", family="logistic", method=methods)
    for row in slopes[slopes["term"] == "x"].itertuples():
        rows.append(("logistic slope of x", row.method, truth["slope"], row.estimate, row.low, row.high))
    return [dict(zip(["estimand", "method", "truth", "estimate", "low", "high"], r)) for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicates", type=int, default=2000)
    parser.add_argument("--units", type=int, default=2000, help="units per population")
    parser.add_argument("--coded", type=int, default=200, help="units coded per replicate")
    args = parser.parse_args()
    start = time.perf_counter()
    runs = []
    for design_name, design in DESIGNS.items():
        for quality in ("realistic", "useless"):
            for seed in tqdm(range(args.replicates), desc=f"{design_name}, {quality} machine"):
                for row in replicate(seed, quality, design, args.units, args.coded):
                    runs.append({"design": design_name, "machine": quality, **row})
    table = pd.DataFrame(runs)
    table["covered"] = (table["low"] <= table["truth"]) & (table["truth"] <= table["high"])
    table["width"] = table["high"] - table["low"]
    table["error"] = table["estimate"] - table["truth"]
    summary = (table.dropna(subset=["estimate"]).groupby(["design", "machine", "estimand", "method"], sort=False)
               .agg(coverage=("covered", "mean"), width=("width", "mean"), bias=("error", "mean"),
                    replicates=("covered", "size")).reset_index())
    pd.set_option("display.width", 200)
    print(summary.round(3).to_string(index=False))
    corrected = summary[summary["method"].isin(["dsl", "ppi"])]
    inside = corrected["coverage"].between(0.93, 0.97)
    print(f"\ncorrected intervals (dsl, ppi) with coverage in [0.93, 0.97]: {int(inside.sum())} of {len(corrected)}"
          + ("" if inside.all() else "; outside: " + "; ".join(
              f"{r.design}, {r.machine}, {r.estimand}, {r.method}: {r.coverage:.3f}"
              for r in corrected[~inside].itertuples())))
    dsl = summary[summary["method"] == "dsl"].set_index(["design", "machine", "estimand"])["width"]
    coded = summary[summary["method"] == "coded"].set_index(["design", "machine", "estimand"])["width"]
    print("DSL interval width / hand coding alone's:\n" + (dsl / coded).round(3).to_string())
    print(f"\n{args.replicates} replicates per design and machine, {args.units} units, {args.coded} coded; "
          f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
