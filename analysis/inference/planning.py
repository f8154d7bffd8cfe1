"""How many units to code: from a pilot coding, the number to code for a target
interval width, or for the power to detect a difference between two groups,
with the corrected estimator (DSL) and with hand coding alone.

With a simple random sample of ``n`` of a group's ``N`` units, the variance of
DSL's share is ``A / N + E[e^2] / n``, where ``e = y - f`` is the machine's
error and ``A = var(f) + 2 cov(f, e) - E[e]^2`` (from the pseudo-outcome's
variance with ``pi = n / N``); hand coding alone has ``var(y) / n``. The
pilot's coded units estimate ``E[e^2]``, ``E[e]``, ``cov(f, e)`` and ``var(y)``
(each weighted by ``1 / pi``), all units ``var(f)``; then ``n`` is solved for.

>>> import pandas as pd
>>> scores = pd.DataFrame({"doc_id": list("abcdefgh"), "aid": [1, 1, 0, 0, 1, 0, 0, 0]})
>>> coding = pd.DataFrame({"doc_id": list("abcd"), "aid": [1, 0, 0, 0]})
>>> coding_size(scores, coding, frames="aid", width=0.6)[["method", "n"]].values.tolist()
[['dsl', 8.0], ['coded', nan]]
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.stats import norm

from ..errors import AnalysisError, TableError
from ._tables import measured_units


def coding_size(scores: pd.DataFrame, coding: pd.DataFrame, *, width: float | None = None,
                difference: float | None = None, power: float = 0.8, frames=None, by=None, groups=None,
                level: float = 0.95, prediction: str = "auto", codebook=None, codebook_version=None) -> pd.DataFrame:
    """The number of units to code (by simple random sampling) for an interval
    of a given width, or for the power to detect a difference between two
    groups, with DSL and with hand coding alone, from a pilot coding.

    Parameters
    ----------
    scores, coding : DataFrame
        The machine's table of every unit and the pilot coding, as for
        :func:`analysis.prevalence` (the pilot may have unequal probabilities).
    width : float, optional
        The target width of the interval (high - low) of each group's share.
    difference : float, optional
        The difference between two groups' shares to detect (instead of ``width``).
    power : float
        With ``difference``: the probability of a significant difference
        (two-sided test at ``1 - level``) if it is that large.
    frames, by, prediction, codebook, codebook_version
        As for :func:`analysis.prevalence`.
    groups : tuple of two, optional
        With ``difference``: the two groups of ``by`` compared (default its
        two groups, if it has two).
    level : float
        Confidence level of the intervals (and of the test).

    Returns
    -------
    DataFrame
        One row per group (or pair of groups) and frame and method ("dsl",
        "coded"): the ``by`` column (for a width), frame, method, n (units to
        code in the group, or in each of the two groups; NaN if no number
        of them will do), n_units, n_pilot (coded in the pilot), note (why n is
        NaN). A difference's rows name the groups in ``groups``.

    Raises
    ------
    AnalysisError
        Neither or both of ``width`` and ``difference``; a ``difference``
        without two groups; a level or power outside (0, 1).
    TableError
        As :func:`analysis.prevalence`, or a group with fewer than 2 pilot
        coded units.

    Examples
    --------
    Eight units, the first four coded; the machine's labels (f) are wrong on one
    of them (e = 0, -1, 0, 0): E[e^2] = 0.25, E[e] = -0.25, cov(f, e) =
    -0.125; over all units var(f) = 0.375 * 0.625 = 0.234375, so A = 0.234375 -
    0.25 - 0.0625 = -0.078125; and var(y) = 0.1875. A width of 0.6 is a
    variance of (0.6 / 3.92)^2 = 0.023429, reached by DSL with n = 0.25 /
    (0.023429 + 0.078125 / 8) = 7.53, so 8; hand coding alone would need
    0.1875 / 0.023429 = 8.003, more than the 8 units there are:

    >>> scores = pd.DataFrame({"doc_id": list("abcdefgh"), "aid": [1, 1, 0, 0, 1, 0, 0, 0]})
    >>> coding = pd.DataFrame({"doc_id": list("abcd"), "aid": [1, 0, 0, 0]})
    >>> plan = coding_size(scores, coding, frames="aid", width=0.6)
    >>> plan[["method", "n", "n_units", "n_pilot"]].values.tolist()
    [['dsl', 8.0, 8, 4], ['coded', nan, 8, 4]]
    >>> plan["note"].iloc[1][:40]
    'not reachable by coding all 8 units (tha'

    """
    if (width is None) == (difference is None):
        raise AnalysisError("coding_size(): give width= (of an interval) or difference= (between two groups), one.")
    if not 0 < level < 1 or not 0 < power < 1:
        raise AnalysisError(f"coding_size(): level and power must be between 0 and 1, not {level!r} and {power!r}.")
    units = measured_units(scores, coding, frames=frames, by=by, prediction=prediction, who="coding_size",
                           codebook=codebook, codebook_version=codebook_version)
    z = norm.ppf(0.5 + level / 2)
    if difference is not None:
        if len(units.by) != 1:
            raise AnalysisError("coding_size(): difference= compares two groups; give by= (one column).")
        pair = list(units.group_labels) if groups is None else list(groups)
        if len(pair) != 2 or any(g not in units.group_labels for g in pair):
            raise AnalysisError(f"coding_size(): difference= needs two groups of {units.by[0]!r}; give groups=(a, b) "
                                f"from {units.group_labels}.")
        target = (abs(difference) / (z + norm.ppf(power))) ** 2
    else:
        target = (width / (2 * z)) ** 2
    rows = []
    for frame in units.frames:
        moments = [_moments(units, frame, g) for g in range(units.n_groups)]
        if difference is None:
            for g, m in enumerate(moments):
                label = {} if not units.by else {units.by[0] if len(units.by) == 1 else "group": units.group_labels[g]}
                for method, (n, note) in (("dsl", _solve(m["e2"], m["A"] / m["N"], target, m["N"])),
                                          ("coded", _solve(m["var_y"], 0.0, target, m["N"]))):
                    rows.append({**label, "frame": frame, "method": method, "n": n, "n_units": m["N"],
                                 "n_pilot": m["n"], "note": note})
            continue
        a, b = (moments[units.group_labels.index(g)] for g in pair)
        smaller = min(a["N"], b["N"])
        for method, (n, note) in (("dsl", _solve(a["e2"] + b["e2"], a["A"] / a["N"] + b["A"] / b["N"], target,
                                                 smaller)),
                                  ("coded", _solve(a["var_y"] + b["var_y"], 0.0, target, smaller))):
            rows.append({"groups": f"{pair[0]} vs {pair[1]}", "frame": frame, "method": method, "n": n,
                         "n_units": a["N"] + b["N"], "n_pilot": a["n"] + b["n"], "note": note})
    return pd.DataFrame(rows)


def _moments(units, frame: str, g: int) -> dict:
    """The pilot's estimates of the variance components of group ``g``."""
    members = units.groups == g
    coded = members & units.coded
    if coded.sum() < 2:
        raise TableError(f"coding_size(): group {units.group_labels[g]!r} has {int(coded.sum())} coded unit(s) in "
                         "the pilot; code at least 2 (10 or more for a usable plan).")
    f_all = units.predictions[frame][members]
    f, y = units.predictions[frame][coded], units.codes[frame][coded]
    w = 1 / units.probability[coded]
    e = y - f

    def mean(values):
        return float(np.sum(w * values) / np.sum(w))

    e_mean = mean(e)
    cov_fe = mean((f - mean(f)) * (e - e_mean))
    return {"N": int(members.sum()), "n": int(coded.sum()), "e2": mean(e ** 2),
            "A": float(f_all.var()) + 2 * cov_fe - e_mean ** 2, "var_y": mean((y - mean(y)) ** 2)}


def _solve(per_unit: float, fixed: float, target: float, limit: int) -> tuple[float, str]:
    """The smallest n with ``fixed + per_unit / n <= target``, at most ``limit``."""
    if per_unit <= 0:
        return 1.0, ""
    room = target - fixed
    n = math.ceil(per_unit / room - 1e-9) if room > 0 else math.inf
    if n > limit:
        best = fixed + per_unit / limit
        return float("nan"), (f"not reachable by coding all {limit} units (that gives a standard error of "
                              f"{math.sqrt(max(best, 0)):.3g}); widen the target or code in more groups")
    return float(n), ""
