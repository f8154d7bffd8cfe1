"""Synthetic data with a known answer, for tests, simulations and benchmarks.

* :func:`synthetic_measurements`: units of two or more groups with a true 0/1
  code drawn from a logistic model, and a machine's probability and label for
  it, of realistic accuracy or useless (the simulations of the corrected
  estimators, :mod:`analysis.inference`);
* :func:`synthetic_truth`: the true shares, difference and slope of that model.

>>> table = synthetic_measurements(5, random_state=0)
>>> list(table.columns)
['doc_id', 'group', 'x', 'truth', 'aid_probability', 'aid']
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import expit, logit

#: The machine's log odds: intercept, weight of the true code, shift in every
#: group after the first (a bias that differs between groups), noise. "realistic"
#: gives F1 of about 0.65 to 0.8 at the threshold 0.5 and a mean probability
#: well above the true share, as the kit's frame classifier on unseen news;
#: "useless" ignores the true code.
QUALITIES = {"realistic": (-1.6, 2.2, 0.4, 1.0), "useless": (-1.0, 0.0, 0.4, 1.0)}


def synthetic_measurements(n: int = 1000, *, shares: dict | None = None, slope: float = 0.5,
                           quality: str = "realistic", frame: str = "aid", random_state=0) -> pd.DataFrame:
    """Units with a true code, a covariate and a machine's prediction.

    Each unit gets a group (in equal numbers, in turn), a covariate ``x`` drawn
    from the standard normal, and its true code ``truth`` ~ Bernoulli(``expit(a_g
    + slope * x)``), ``a_g`` set so that a unit of group g with ``x = 0`` has
    the code with probability ``shares[g]``. The machine's probability is
    ``expit(c0 + c1 * truth + c2 * [g is not the first] + c3 * e)`` with ``e``
    standard normal (the constants of ``quality`` in :data:`QUALITIES`); its
    label is 1 from 0.5.

    Parameters
    ----------
    n : int
        Units.
    shares : dict, optional
        Group -> share at ``x = 0``; default ``{"A": 0.15, "B": 0.3}``.
    slope : float
        The logistic coefficient of ``x``.
    quality : {"realistic", "useless"}
    frame : str
        The name of the measure: columns ``<frame>_probability`` and ``<frame>``.
    random_state : int, numpy Generator or None

    Returns
    -------
    DataFrame
        doc_id ("u0", "u1", ...), group, x, truth (0/1), ``<frame>_probability``, ``<frame>`` (0/1).

    Examples
    --------
    >>> t = synthetic_measurements(20000, quality="useless", random_state=1)
    >>> round(float(t["truth"].corr(t["aid_probability"])), 1)
    0.0
    """
    if quality not in QUALITIES:
        raise ValueError(f"quality must be one of {list(QUALITIES)}, not {quality!r}.")
    shares = {"A": 0.15, "B": 0.3} if shares is None else dict(shares)
    rng = np.random.default_rng(random_state)
    names = list(shares)
    group = np.arange(n) % len(names)
    x = rng.normal(size=n)
    truth = (rng.random(n) < expit(logit(np.array([shares[g] for g in names]))[group] + slope * x)).astype(int)
    c0, c1, c2, c3 = QUALITIES[quality]
    probability = expit(c0 + c1 * truth + c2 * (group > 0) + c3 * rng.normal(size=n))
    return pd.DataFrame({"doc_id": [f"u{i}" for i in range(n)], "group": np.array(names, dtype=object)[group], "x": x,
                         "truth": truth, f"{frame}_probability": probability,
                         frame: (probability >= 0.5).astype(int)})


def synthetic_truth(*, shares: dict | None = None, slope: float = 0.5) -> dict:
    """The parameters :func:`synthetic_measurements` draws from: each group's
    true share (the mean of ``expit(a_g + slope * x)`` over the normal ``x``,
    by Gauss-Hermite quadrature), the difference of the second group's share
    from the first's, and the slope.

    Parameters
    ----------
    shares : dict, optional
        As for :func:`synthetic_measurements`.
    slope : float

    Returns
    -------
    dict
        ``{"share": {group: share}, "difference": float, "slope": float}``.

    Examples
    --------
    >>> truth = synthetic_truth(shares={"A": 0.5, "B": 0.5}, slope=1.0)
    >>> truth["share"], truth["difference"]
    ({'A': 0.5, 'B': 0.5}, 0.0)
    """
    shares = {"A": 0.15, "B": 0.3} if shares is None else dict(shares)
    nodes, weights = np.polynomial.hermite_e.hermegauss(80)
    weights = weights / weights.sum()
    share = {g: round(float(np.sum(weights * expit(logit(s) + slope * nodes))), 15) for g, s in shares.items()}
    first, second = list(share)[:2]
    return {"share": share, "difference": share[second] - share[first], "slope": slope}
