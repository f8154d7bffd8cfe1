"""Coding samples drawn with known probabilities, so that the units drawn for
teaching a classifier and the units drawn for correcting its findings are one
design: every drawn unit carries ``coding_probability``, its probability of
having been drawn, which :func:`analysis.prevalence` and the other corrected
estimators read.

* "random": a simple random sample, ``pi = n / N``.
* "stratified": strata from ``by`` (a group such as the outlet, or the
  machine's 0/1 label to oversample its positives). "proportional" allocation
  draws a systematic sample through the units sorted by stratum (random order
  within), so every stratum gets its share of ``n`` rounded up or down at
  random and every unit ``pi = n / N``; "equal" allocation takes the same
  number from each stratum (a simple random sample in each, ``pi = n_h / N_h``).
* "uncertain": probability proportional to the machine's uncertainty with a
  floor. The size of a unit is ``sqrt(mean over frames of p (1 - p))``, the
  standard deviation of its code if the probabilities ``p`` are calibrated,
  which is where a coded unit teaches a classifier most and, drawn in
  proportion to it, where it narrows a corrected estimate most (Neyman
  allocation for the DSL estimator). ``pi`` mixes the probabilities
  proportional to size (capped at 1) with a simple random sample:
  ``(1 - floor) * pi_size + floor * n / N``, so every unit keeps at least
  ``floor * n / N``. The sample is a systematic sample in random order (fixed
  size ``n``, each unit drawn with exactly its ``pi``), not the ``n`` most
  uncertain units: a top-k choice gives the other units no chance of being
  coded, and no estimate over them can be corrected.

The corrected estimators' variances treat a sample as if units had been drawn
independently (Poisson sampling), the usual approximation for these designs.

>>> import pandas as pd
>>> units = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)], "outlet": list("AAAAAAAABB")})
>>> sample = coding_sample(units, 4, strategy="stratified", by="outlet", allocation="equal")
>>> sample.groupby("outlet")["coding_probability"].agg(["size", "first"]).values.tolist()
[[2.0, 0.25], [2.0, 1.0]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import AnalysisError, TableError, require_columns
from ._tables import plain

STRATEGIES = ("random", "stratified", "uncertain")
ALLOCATIONS = ("proportional", "equal")


def coding_sample(units: pd.DataFrame, n: int, *, strategy: str = "random", by=None,
                  allocation: str = "proportional", frames=None, floor: float = 0.25, exclude=None,
                  random_state=0) -> pd.DataFrame:
    """Draw ``n`` units for hand coding with known probabilities, recorded in
    ``coding_probability`` (see the module docstring for the designs).

    Parameters
    ----------
    units : DataFrame
        One row per unit of the population (doc_id, and sent_id for
        sentences): :func:`analysis.sentences`, or :func:`analysis.frame_scores`
        for ``strategy="uncertain"``, which reads the ``<frame>_probability`` columns.
    n : int
        Units to draw, from 1 to the number of units not excluded.
    strategy : {"random", "stratified", "uncertain"}
    by : str or list of str, optional
        For "stratified": the column(s) whose values are the strata.
    allocation : {"proportional", "equal"}
        For "stratified": shares of ``n`` proportional to the strata's sizes
        (every unit ``pi = n / N``), or the same number from each stratum
        (all of a stratum smaller than its share, the rest spread over the others).
    frames : list of str, optional
        For "uncertain": the frames whose probabilities define the
        uncertainty; default every ``<frame>_probability`` column.
    floor : float
        For "uncertain": the share of the design that is a simple random
        sample, in (0, 1]; every unit's ``pi`` is at least ``floor * n / N``
        (1 gives a simple random sample).
    exclude : DataFrame, optional
        Units (doc_id, sent_id) not to draw, such as those coded before. The
        probabilities are then those of the units not excluded; to estimate
        over all units, add the excluded ones to the coding with
        ``coding_probability`` 1 (they are known for certain).
    random_state : int, numpy Generator or None
        The seed (``numpy.random.default_rng``).

    Returns
    -------
    DataFrame
        The drawn rows of ``units`` in their order and with their index, and
        ``coding_probability``.

    Raises
    ------
    TableError
        A missing column (keys, ``by``, the probability columns), or
        probabilities that are not numbers in [0, 1].
    AnalysisError
        An unknown strategy or allocation; ``n`` out of range; a floor
        outside (0, 1]; equal allocation with fewer units than strata.

    Examples
    --------
    Sizes sqrt(p (1 - p)): 0.5, 0.5, 0.3, 0.3 and four 0 (sum 1.6); in
    proportion to size, 2 * 0.5 / 1.6 = 0.625 and 0.375; with half the design
    simple random (2 / 8 = 0.25): 0.4375, 0.3125, and 0.125 for the units the machine is sure of:

    >>> units = pd.DataFrame({"doc_id": list("abcdefgh"), "aid_probability": [0.5, 0.5, 0.1, 0.1, 0, 0, 0, 0]})
    >>> coding_sample(units, 2, strategy="uncertain", floor=0.5)[["doc_id", "coding_probability"]].values.tolist()
    [['b', 0.4375], ['g', 0.125]]
    """
    require_columns(units, ["doc_id"], "coding_sample", hint="units= is the table of every unit (sentences()).")
    if strategy not in STRATEGIES:
        raise AnalysisError(f"coding_sample(): strategy must be one of {list(STRATEGIES)}, not {strategy!r}.")
    if allocation not in ALLOCATIONS:
        raise AnalysisError(f"coding_sample(): allocation must be one of {list(ALLOCATIONS)}, not {allocation!r}.")
    pool = units if exclude is None else units[~_excluded(units, exclude)]
    size = len(pool)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 0 < n <= size:
        raise AnalysisError(f"coding_sample(): n must be a whole number from 1 to the {size} units not excluded; "
                            f"got {n!r}.")
    rng = np.random.default_rng(random_state)
    if strategy == "random":
        chosen = rng.choice(size, n, replace=False)
        probability = np.full(size, n / size)
    elif strategy == "stratified":
        if by is None:
            raise AnalysisError("coding_sample(): strategy='stratified' needs by= (the column(s) of the strata).")
        by = [by] if isinstance(by, str) else list(by)
        require_columns(pool, by, "coding_sample")
        strata = pool.groupby(by, sort=True, dropna=False).ngroup().to_numpy()
        if allocation == "proportional":
            probability = np.full(size, n / size)
            order = np.lexsort((rng.permutation(size), strata))
            chosen = order[systematic_sample(probability[order], rng)]
        else:
            chosen, probability = _equal_allocation(strata, n, rng)
    else:
        if not 0 < floor <= 1:
            raise AnalysisError(f"coding_sample(): floor must be in (0, 1] (the share of the design that is simple "
                                f"random), not {floor!r}.")
        uncertainty = _uncertainty(pool, frames)
        probability = (1 - floor) * inclusion_probabilities(uncertainty, n) + floor * n / size
        order = rng.permutation(size)
        chosen = order[systematic_sample(probability[order], rng)]
    chosen = np.sort(chosen)
    return pool.iloc[chosen].assign(coding_probability=probability[chosen])


def inclusion_probabilities(size, n: int) -> np.ndarray:
    """Probabilities proportional to ``size`` that sum to ``n``, none above 1:
    units whose share would pass 1 are taken for certain and the rest of ``n``
    is shared among the others in proportion to their sizes (equally where
    their sizes are all 0).

    Parameters
    ----------
    size : array of float
        Non-negative sizes.
    n : int
        The sample size, at most the number of units.

    Returns
    -------
    ndarray

    Examples
    --------
    >>> inclusion_probabilities([8.0, 1.0, 1.0, 0.0], 2).tolist()
    [1.0, 0.5, 0.5, 0.0]
    """
    size = np.asarray(size, dtype=float)
    probability = np.zeros(len(size))
    certain = np.zeros(len(size), dtype=bool)
    while True:
        rest = n - certain.sum()
        total = size[~certain].sum()
        probability[~certain] = size[~certain] * rest / total if total > 0 else rest / (~certain).sum()
        probability[certain] = 1.0
        over = ~certain & (probability >= 1)
        if not over.any():
            return probability
        certain |= over


def systematic_sample(probability, rng: np.random.Generator) -> np.ndarray:
    """Positions drawn by systematic sampling in the given order: units are laid
    end to end on a line, each as long as its probability, and the units under
    the points ``u, u + 1, u + 2, ...`` (``u`` uniform in [0, 1)) are drawn.
    Each unit is drawn with exactly its probability, and ``sum(probability)``
    units in all (certain units, probability 1, always).

    Parameters
    ----------
    probability : array of float
        In [0, 1], summing to a whole number.
    rng : numpy Generator

    Returns
    -------
    ndarray of int
        Positions, sorted.

    Examples
    --------
    >>> systematic_sample([1.0, 0.5, 0.5, 0.0], np.random.default_rng(0)).tolist()
    [0, 2]
    """
    probability = np.asarray(probability, dtype=float)
    certain = probability >= 1 - 1e-12
    rest = np.flatnonzero(~certain)
    k = int(round(probability[rest].sum()))
    chosen = np.flatnonzero(certain)
    if k:
        ends = np.cumsum(probability[rest])
        ends *= k / ends[-1]
        points = rng.uniform() + np.arange(k)
        picked = np.minimum(np.searchsorted(ends, points, side="right"), len(rest) - 1)
        chosen = np.concatenate([chosen, rest[picked]])
    return np.sort(chosen)


def _equal_allocation(strata: np.ndarray, n: int, rng: np.random.Generator):
    sizes = np.bincount(strata)
    if n < len(sizes):
        raise AnalysisError(f"coding_sample(): equal allocation over {len(sizes)} strata needs n of at least "
                            f"{len(sizes)}; got {n}.")
    take = np.zeros(len(sizes), dtype=int)
    open_ = np.ones(len(sizes), dtype=bool)
    while n - take.sum() > 0:
        share = (n - take.sum()) // open_.sum()
        extra = (n - take.sum()) % open_.sum()
        room = sizes - take
        step = np.where(open_, share, 0)
        step[np.flatnonzero(open_)[:extra]] += 1
        take += np.minimum(step, room)
        open_ = take < sizes
    probability = (take / sizes)[strata]
    chosen = np.concatenate([rng.choice(np.flatnonzero(strata == h), take[h], replace=False)
                             for h in range(len(sizes))])
    return chosen, probability


def _uncertainty(pool: pd.DataFrame, frames) -> np.ndarray:
    columns = ([c for c in pool.columns if str(c).endswith("_probability")] if frames is None
               else [f"{f}_probability" for f in ([frames] if isinstance(frames, str) else frames)])
    if not columns:
        raise TableError("coding_sample(): strategy='uncertain' needs the machine's <frame>_probability columns "
                         "(frame_scores() of the units, or cross_fit()); units has none.")
    require_columns(pool, columns, "coding_sample", hint="strategy='uncertain' reads <frame>_probability columns.")
    p = pool[columns].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    bad = ~((p >= 0) & (p <= 1))
    if bad.any():
        row, col = np.argwhere(bad)[0]
        raise TableError(f"coding_sample(): column {columns[col]!r} holds {plain(pool[columns[col]].iloc[row])!r} in row "
                         f"{plain(pool.index[row])!r}; a probability must be a number from 0 to 1.")
    return np.sqrt((p * (1 - p)).mean(axis=1))


def _excluded(units: pd.DataFrame, exclude: pd.DataFrame) -> np.ndarray:
    keys = ["doc_id", "sent_id"] if "sent_id" in units.columns else ["doc_id"]
    require_columns(exclude, keys, "coding_sample", hint="exclude= lists units (e.g. those coded before).")
    index = pd.MultiIndex.from_frame(units[keys].astype({"doc_id": str}))
    return index.isin(pd.MultiIndex.from_frame(exclude[keys].astype({"doc_id": str})))
