"""Shares (or means) of a measure per group, corrected for the machine's errors
with the hand coding of a sample drawn with known probabilities.

>>> import pandas as pd
>>> scores = pd.DataFrame({"doc_id": list("abcdefgh"), "outlet": list("XXXXYYYY"),
...                        "aid": [1, 1, 0, 0, 1, 0, 0, 0]})
>>> coding = pd.DataFrame({"doc_id": list("acegh"), "aid": [1, 1, 1, 1, 0]})

Five of eight units coded at random (probability 5/8 each); in X the machine
missed c, so its pseudo-outcome is 0 + 8/5 * (1 - 0) = 1.6 and X's share
(1 + 1 + 1.6 + 0) / 4:

>>> prevalence(scores, coding, frames="aid", by="outlet")[["outlet", "estimate", "n_coded"]].values.tolist()
[['X', 0.9, 2], ['Y', 0.65, 3]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import norm

from ..errors import AnalysisError
from ._tables import measured_units
from .estimators import group_means, ppi_mean, pseudo_outcome

METHODS = ("dsl", "ppi", "naive", "coded")
#: Fewer coded units than this in a group: the row carries a caution in ``note``.
FEW_CODED = 10


def prevalence(scores: pd.DataFrame, coding: pd.DataFrame, *, frames=None, by=None, method="dsl",
               level: float = 0.95, prediction: str = "auto", weight=None, cluster=None, codebook=None,
               codebook_version=None) -> pd.DataFrame:
    """The share of units carrying each frame (or the mean of any measure), per
    group, corrected for the machine's errors with the hand coding.

    The machine has measured every unit of ``scores``; people coded some of
    them (``coding``), each drawn with a known probability. The default,
    design-based supervised learning (DSL; Egami, Hinck, Stewart and Wei 2023),
    averages per group the pseudo-outcome ``f + R / pi * (y - f)`` of every
    unit (``f`` the machine's prediction, ``y`` the hand code, ``R`` = 1 if
    coded, ``pi`` the probability of having been coded): unbiased whatever the
    machine's accuracy, with a standard error that counts the machine's errors.
    The better the machine, the narrower the interval; a useless machine gives
    about the width of hand coding alone.

    Parameters
    ----------
    scores : DataFrame
        One row per unit of the population the coding was drawn from: doc_id
        (and sent_id for sentences), the ``by`` columns, and the machine's
        column for each frame (:func:`analysis.frame_scores`'s 0/1 and
        ``<frame>_probability`` columns, or any numeric measure such as
        :func:`analysis.article_profiles`' shares).
    coding : DataFrame
        The hand-coded units: the same keys and one column per frame (0/1, or
        the measure); optionally ``coding_probability``, each unit's
        probability of having been drawn for coding (1 for a unit coded for
        certain; :func:`analysis.coding_sample` records it). Without it the
        coding is taken as a simple random sample of ``scores``: n coded / n
        units. A ``codebook_version`` (or ``codebook``) column is checked
        against ``codebook``.
    frames : str or list of str, optional
        The measures (columns of both tables); default the frames of ``codebook``.
    by : str or list of str, optional
        Column(s) of ``scores`` whose values are the groups; None for one row
        per frame.
    method : str or list of str
        "dsl" (default), "ppi" (PPI++, prediction-powered inference with a
        tuned ``lam``, per group with the coded units as labelled and the
        others as unlabelled data; needs equal coding probabilities within
        each group), "naive" (the machine's predictions as the truth) or
        "coded" (hand coding alone, weighted by ``1 / pi``); several give
        their rows one after the other.
    level : float
        Confidence level of the normal intervals (``estimate +- z *
        std_error``; not clipped to [0, 1]).
    prediction : str
        The machine's column used as ``f`` for a frame: "auto" (default:
        ``<frame>_probability`` where scores has it, else ``<frame>``),
        "probability", "label" (``<frame>``, e.g. the classifier's 0/1), or a
        pattern such as "{frame}_score". The ``prediction`` column of the
        result names it.
    weight : str, optional
        A column of ``scores`` with each unit's weight in the mean (default
        1): e.g. 1 / the number of its article's sentences, so that every
        article counts the same and a group's estimate is the mean of its
        articles' shares (the outlet means of :func:`analysis.article_profiles`).
    cluster : str, optional
        A column of ``scores`` (e.g. doc_id) whose units are not independent:
        the standard errors sum each cluster's deviations (cluster-robust),
        as a bootstrap that resamples articles would. Default: units are independent.
    codebook : Codebook, path or mapping, optional
        The frames (default the shipped codebook): its frame ids are the
        default ``frames``, and its version is what a coding's version must be.
    codebook_version : str or list of str, optional
        Other versions the coding may have been made with (e.g.
        "frames.yaml v1.2", when the definitions did not change since).

    Returns
    -------
    DataFrame
        One row per group, frame and method: the ``by`` columns, frame,
        estimate, low, high, std_error, n_units, n_coded, method, prediction
        (the machine's column used, and whether it was cross-fitted by
        :func:`analysis.cross_fit`; "" for "coded"), note ("" or why the row
        is empty or to be read with care). A group with fewer than two coded
        units has NaN and says so (it cannot be estimated), as does "ppi" with
        fewer than two uncoded units.

    Raises
    ------
    TableError
        A missing column, frame or machine column; a unit twice in a table; a
        coded unit not in scores; a value that is not a number; a coding
        probability outside (0, 1]; a coding made with another codebook
        version; "ppi" with unequal probabilities in a group, or with
        ``weight`` or ``cluster`` (which it does not take); a bad weight or
        cluster column.
    AnalysisError
        An unknown method or a level outside (0, 1).

    Examples
    --------
    Four units, two coded with probability 0.5: pseudo-outcomes
    0.2 + 2 * (0 - 0.2), 0.6 + 2 * (1 - 0.6), 0.9 and 0.1:

    >>> scores = pd.DataFrame({"doc_id": list("abcd"), "aid_probability": [0.2, 0.6, 0.9, 0.1], "aid": [0, 1, 1, 0]})
    >>> coding = pd.DataFrame({"doc_id": ["a", "b"], "aid": [0, 1], "coding_probability": [0.5, 0.5]})
    >>> row = prevalence(scores, coding, frames="aid").iloc[0]
    >>> round(float(row["estimate"]), 10), row["prediction"]
    (0.55, 'aid_probability')
    """
    methods = [method] if isinstance(method, str) else list(method)
    unknown = [m for m in methods if m not in METHODS]
    if unknown or not methods:
        raise AnalysisError(f"prevalence(): method must be one of {list(METHODS)} (or a list of them), not {method!r}.")
    if not 0 < level < 1:
        raise AnalysisError(f"prevalence(): level must be between 0 and 1 (e.g. 0.95), not {level!r}.")
    if "ppi" in methods and (weight is not None or cluster is not None):
        raise AnalysisError("prevalence(): method='ppi' takes neither weight= nor cluster=; use method='dsl'.")
    units = measured_units(scores, coding, frames=frames, by=by, prediction=prediction, who="prevalence",
                           codebook=codebook, codebook_version=codebook_version, weight=weight, cluster=cluster)
    z = norm.ppf(0.5 + level / 2)
    n_units = np.bincount(units.groups, minlength=units.n_groups)
    n_coded = np.bincount(units.groups, weights=units.coded, minlength=units.n_groups).astype(int)
    parts = []
    for method_ in methods:
        for frame in units.frames:
            estimate, std_error, note = _estimate(units, frame, method_, n_coded)
            table = pd.DataFrame({"frame": frame, "estimate": estimate, "low": estimate - z * std_error,
                                  "high": estimate + z * std_error, "std_error": std_error, "n_units": n_units,
                                  "n_coded": n_coded, "method": method_,
                                  "prediction": "" if method_ == "coded" else
                                  units.prediction_columns[frame] + units.prediction_note,
                                  "note": note})
            for i, column in enumerate(units.by):
                table.insert(i, column, [label[i] if len(units.by) > 1 else label for label in units.group_labels])
            parts.append(table)
    return pd.concat(parts, ignore_index=True)


def _estimate(units, frame: str, method: str, n_coded: np.ndarray):
    """Estimates, standard errors and notes of every group for one frame and method."""
    f, y, pi, groups, k = units.predictions[frame], units.codes[frame], units.probability, units.groups, units.n_groups
    w, clusters = units.weights, units.clusters
    note = np.array([""] * k, dtype=object)
    if method == "naive":
        estimate, std_error, _ = group_means(f, groups, k, weights=w, clusters=clusters)
        return estimate, std_error, note
    if method == "dsl":
        estimate, std_error, _ = group_means(pseudo_outcome(f, y, pi), groups, k, weights=w, clusters=clusters)
    elif method == "coded":
        coded = units.coded
        weights = (1 / pi if w is None else w / pi)[coded]
        estimate, std_error, _ = group_means(y[coded], groups[coded], k, weights=weights,
                                             clusters=None if clusters is None else clusters[coded])
    else:
        estimate, std_error = np.full(k, np.nan), np.full(k, np.nan)
        for g in range(k):
            members = groups == g
            coded, uncoded = members & units.coded, members & ~units.coded
            if coded.sum() < 2:
                continue
            if uncoded.sum() < 2:
                note[g] = "PPI needs at least 2 uncoded units in the group; use method='dsl' or 'coded'"
                continue
            if np.ptp(pi[coded]) > 1e-9 * pi[coded].max():
                label = units.group_labels[g]
                raise AnalysisError(f"prevalence(): method='ppi' needs equal coding probabilities within a group, but "
                                    f"group {label!r} has {pi[coded].min():.4g} to {pi[coded].max():.4g}; use "
                                    "method='dsl', which takes any known probabilities.")
            estimate[g], std_error[g], _ = ppi_mean(y[coded], f[coded], f[uncoded])
    few = n_coded < 2
    estimate[few], std_error[few] = np.nan, np.nan
    for g in np.flatnonzero(few):
        note[g] = (f"{n_coded[g]} coded unit(s) in this group: the corrected estimate cannot be made (code at least "
                   "2 of its units; 10 or more for a usable interval)")
    for g in np.flatnonzero(~few & (n_coded < FEW_CODED)):
        if not note[g]:
            note[g] = f"only {n_coded[g]} coded units: the interval may be too narrow"
    return estimate, std_error, note
