"""Compare groups of articles (outlets, dates): one profile row per article,
and group means with bootstrap confidence intervals.

>>> t = pd.DataFrame({"outlet": ["A", "A", "B"], "x": [1.0, 3.0, 2.0]})
>>> bootstrap_means(t, "outlet", ["x"], n_boot=100)["mean"].tolist()
[2.0, 2.0]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_interval
from ..errors import require_columns, require_unique_ids
from ..resources.codebook import Codebook
from ..resources.cues import KINDS


def bootstrap_means(table: pd.DataFrame, by: str, columns: list[str], *, n_boot: int = 1000,
                    level: float = 0.95, random_state=0) -> pd.DataFrame:
    """Mean of each of ``columns`` per group of ``by``, with a percentile
    bootstrap confidence interval that resamples the rows (articles) of each
    group: ``by``, measure, n_docs, mean, ci_low, ci_high. Groups in sorted
    order; the same resamples serve every column.

    Parameters
    ----------
    table : DataFrame
        One row per article, such as :func:`analysis.article_profiles` gives,
        with ``by`` and ``columns``.
    by : str
        The column whose values are the groups; rows with no value are left
        out.
    columns : list of str
        The numeric columns to average.
    n_boot : int
        Bootstrap resamples per group.
    level : float
        Confidence level of the interval: 0.95 takes the 2.5th and 97.5th
        percentiles of the resampled means.
    random_state : int, numpy Generator or None
        Seed of the resampling (``numpy.random.default_rng``); the default, 0,
        gives the same intervals on every run.

    Returns
    -------
    DataFrame
        One row per group and column: ``by``, measure (the column's name),
        n_docs (rows in the group), mean, ci_low, ci_high.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A", "B"], "x": [1.0, 3.0, 2.0]})
    >>> bootstrap_means(t, "outlet", ["x"], n_boot=200)[["outlet", "n_docs", "mean", "ci_low"]].values.tolist()
    [['A', 2, 2.0, 1.0], ['B', 1, 2.0, 2.0]]
    """
    require_columns(table, [by, *columns], "bootstrap_means")
    check_interval("n_boot", n_boot, 1, integer=True, where="bootstrap_means")
    check_interval("level", level, 0, 1, closed="neither", where="bootstrap_means")
    rng = np.random.default_rng(random_state)
    tail = (1 - level) / 2
    rows = []
    for group, part in table.groupby(by, sort=True):
        values = part[columns].to_numpy(dtype=float)
        resampled = values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1)
        low, high = np.quantile(resampled, [tail, 1 - tail], axis=0)
        rows += [(group, col, len(values), values[:, j].mean(), low[j], high[j]) for j, col in enumerate(columns)]
    return pd.DataFrame(rows, columns=[by, "measure", "n_docs", "mean", "ci_low", "ci_high"])


def article_profiles(sentences: pd.DataFrame, attributions: pd.DataFrame, corpus: pd.DataFrame,
                     by: str = "outlet", *, codebook=None) -> pd.DataFrame:
    """One row per article of ``corpus``: doc_id, ``by``, sentences, for each
    frame of ``codebook`` the share of its sentences that carry it (a hit, or
    the classifier's 1), and ``causal`` / ``treatment``: 1 if it assigns
    responsibility of that kind to any actor (polarity "assign"), else 0.
    Takes the tables of :func:`analysis.featurize` made with that codebook.

    Parameters
    ----------
    sentences : DataFrame
        The sentences table of :func:`analysis.featurize`: doc_id and one
        column per frame of ``codebook`` (a sentence carries a frame when its
        value is above 0).
    attributions : DataFrame
        The attributions table of :func:`analysis.featurize` (or
        :func:`analysis.attributions`): doc_id, kind and polarity.
    corpus : DataFrame
        The corpus the tables were made from, with doc_id and ``by``.
    by : str
        The column of ``corpus`` to keep for grouping (default "outlet").
    codebook : Codebook, path or mapping, optional
        The frames (default the shipped codebook).

    Returns
    -------
    DataFrame
        One row per row of ``corpus``, in its order and with its index:
        doc_id, ``by``, sentences (int), one column per frame (the share, 0 to
        1; NaN for an article without sentences), causal and treatment (int,
        0 or 1).

    Examples
    --------
    >>> import analysis
    >>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...                      "text": ["Italy accused smugglers of the deaths. Aid for victims."]})
    >>> s, a = analysis.featurize(docs, progress=False, method="dictionary")
    >>> article_profiles(s, a, docs)[["sentences", "criminality", "humanitarian", "causal"]].values.tolist()
    [[2.0, 0.5, 1.0, 1.0]]
    """
    frames = Codebook.load(codebook).frame_ids
    require_columns(sentences, ["doc_id", *frames], "article_profiles", hint="Pass featurize()'s tables.")
    require_columns(attributions, ["doc_id", "kind", "polarity"], "article_profiles", hint="Pass featurize()'s tables.")
    require_columns(corpus, ["doc_id", by], "article_profiles")
    require_unique_ids(corpus, "article_profiles")
    shares = (sentences[frames] > 0).groupby(sentences["doc_id"], sort=False).mean()
    shares.insert(0, "sentences", sentences.groupby("doc_id", sort=False).size())
    assigned = attributions[attributions["polarity"] == "assign"]
    kinds = pd.crosstab(assigned["doc_id"], assigned["kind"]).reindex(columns=list(KINDS), fill_value=0)
    table = corpus[["doc_id", by]].join(shares, on="doc_id").join((kinds > 0).astype("int64"), on="doc_id")
    return table.fillna({"sentences": 0, "causal": 0, "treatment": 0}).astype({"sentences": "int64", "causal": "int64",
                                                               "treatment": "int64"})
