"""How the corrected estimators would do on a population whose every unit is
coded: draw coding samples from it again and again, estimate, and count how
often the intervals cover the population's true share and how wide they are.

>>> import pandas as pd
>>> from analysis.synthetic import synthetic_measurements
>>> population = synthetic_measurements(400, random_state=0)
>>> codes = population[["doc_id"]].assign(aid=population["truth"])
>>> table = simulate_coding(population, codes, n=80, frames="aid", replicates=50, progress=False)
>>> table[["method", "replicates"]].values.tolist()
[['dsl', 50], ['coded', 50], ['naive', 50]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from ..errors import AnalysisError, require_columns
from ..evaluation.sampling import coding_sample
from .prevalence import prevalence
from .regression import group_differences


def simulate_coding(scores: pd.DataFrame, codes: pd.DataFrame, *, n: int, frames=None, by=None,
                    strategy: str = "random", floor: float = 0.25, methods=("dsl", "coded", "naive"),
                    differences: bool = False, replicates: int = 2000, level: float = 0.95, prediction: str = "auto",
                    codebook=None, random_state=0, progress: bool = True) -> pd.DataFrame:
    """Coverage, width and error of the corrected estimates over repeated
    coding samples of a population coded in full.

    Each replicate draws ``n`` units with :func:`analysis.coding_sample`
    (``strategy``, ``by`` as strata for "stratified", ``floor`` for
    "uncertain"), takes their codes from ``codes``, and estimates every
    frame's share per group with :func:`analysis.prevalence` (and, with
    ``differences``, every group's difference from the first with
    :func:`analysis.group_differences`). The truth is the population's share:
    the mean of ``codes`` over its units.

    Parameters
    ----------
    scores : DataFrame
        The machine's table of every unit (as for :func:`analysis.prevalence`).
    codes : DataFrame
        The hand codes of every unit of ``scores`` (keys and one column per frame).
    n : int
        Units coded in each replicate.
    frames, by, prediction, codebook
        As for :func:`analysis.prevalence` (``by`` also stratifies a
        "stratified" design).
    strategy : {"random", "stratified", "uncertain"}
    floor : float
        For "uncertain".
    methods : list of str
        The estimators compared.
    differences : bool
        Also the differences between groups (needs ``by``, one column).
    replicates : int
        Coding samples drawn.
    level : float
        Confidence level of the intervals.
    random_state : int
        Seed of the first replicate (replicate i uses ``random_state + i``).
    progress : bool
        Show a progress bar.

    Returns
    -------
    DataFrame
        One row per estimate (``by`` group, or group and reference for a
        difference), frame and method: estimand ("share" or "difference"),
        the ``by`` column, reference, frame, method, truth, coverage (share of
        replicates whose interval holds the truth), width (mean interval
        width), sd (standard deviation of the estimates over replicates), bias
        (mean estimate minus truth), replicates (with an estimate; a replicate
        whose sample left a group with fewer than two coded units has none).

    Raises
    ------
    TableError
        If ``codes`` lacks a unit of ``scores`` or a frame.
    AnalysisError
        If ``differences`` is asked without one ``by`` column.

    Examples
    --------
    A useless machine still gives intervals that hold:

    >>> from analysis.synthetic import synthetic_measurements
    >>> population = synthetic_measurements(2000, quality="useless", random_state=1)
    >>> codes = population[["doc_id"]].assign(aid=population["truth"])
    >>> table = simulate_coding(population, codes, n=200, frames="aid", replicates=200, progress=False)
    >>> table.set_index("method")["coverage"].between(0.9, 1).to_dict()
    {'dsl': True, 'coded': True, 'naive': False}
    """
    if differences and not isinstance(by, str):
        raise AnalysisError("simulate_coding(): differences=True needs by= (one column of scores).")
    keys = ["doc_id", "sent_id"] if "sent_id" in scores.columns else ["doc_id"]
    scores = scores.reset_index(drop=True)
    frame_list = [frames] if isinstance(frames, str) else frames
    truth_codes = scores[keys].merge(codes, on=keys, how="left", validate="one_to_one")
    reference = prevalence(scores, truth_codes.assign(coding_probability=1.0), frames=frame_list, by=by,
                           method="dsl", prediction=prediction, codebook=codebook)
    frame_list = list(reference["frame"].unique())
    require_columns(truth_codes, frame_list, "simulate_coding")
    group_columns = [] if by is None else [by] if isinstance(by, str) else list(by)
    truth = reference[group_columns + ["frame", "estimate"]].rename(columns={"estimate": "truth"})
    if differences:
        diff_truth = group_differences(scores, truth_codes.assign(coding_probability=1.0), by=by, frames=frame_list,
                                       method="dsl", prediction=prediction, codebook=codebook)
        diff_truth = diff_truth[[by, "reference", "frame", "estimate"]].rename(columns={"estimate": "truth"})
    rows = []
    by_position = truth_codes[keys + frame_list].set_axis(scores.index)
    for i in tqdm(range(replicates), desc="coding samples", disable=not progress):
        sample = coding_sample(scores, n, strategy=strategy, by=by, floor=floor, frames=frame_list,
                               random_state=random_state + i)
        coding = by_position.loc[sample.index].assign(coding_probability=sample["coding_probability"].to_numpy())
        shares = prevalence(scores, coding, frames=frame_list, by=by, method=list(methods), level=level,
                            prediction=prediction, codebook=codebook)
        rows.append(shares.merge(truth, on=group_columns + ["frame"]).assign(estimand="share"))
        if differences:
            diffs = group_differences(scores, coding, by=by, frames=frame_list, method=list(methods), level=level,
                                      prediction=prediction, codebook=codebook)
            rows.append(diffs.merge(diff_truth, on=[by, "reference", "frame"]).assign(estimand="difference"))
    runs = pd.concat(rows, ignore_index=True)
    if "reference" not in runs.columns:
        runs["reference"] = ""
    runs["reference"] = runs["reference"].fillna("")
    runs["covered"] = (runs["low"] <= runs["truth"]) & (runs["truth"] <= runs["high"])
    runs["width"] = runs["high"] - runs["low"]
    runs["error"] = runs["estimate"] - runs["truth"]
    done = runs[runs["estimate"].notna()]
    keys_out = ["estimand", *group_columns, "reference", "frame", "method"]
    summary = done.groupby(keys_out, sort=False).agg(truth=("truth", "first"), coverage=("covered", "mean"),
                                                     width=("width", "mean"), sd=("estimate", "std"),
                                                     bias=("error", "mean"), replicates=("estimate", "size"))
    summary = summary.reset_index()
    order = {m: i for i, m in enumerate(methods)}
    summary = summary.sort_values(["estimand", "frame", "method"], key=lambda s: s.map(order) if s.name == "method"
                                  else s.map({"share": 0, "difference": 1}) if s.name == "estimand" else s,
                                  kind="stable")
    if not differences:
        summary = summary.drop(columns=["estimand", "reference"])
    return summary.reset_index(drop=True)
