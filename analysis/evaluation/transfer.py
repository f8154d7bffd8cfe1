"""Transfer, measured: how a classifier does on a group it never saw (an
outlet, a year, a source), beside the usual random split.

* :func:`cross_validate_by_group`: out-of-group predictions. For each group
  of ``by`` in turn, a fresh copy of the estimator (``sklearn.base.clone``)
  is fitted on every other row and predicts that group's rows; with
  ``by=None``, the rows are split at random into ``n_splits`` folds instead,
  keeping the rows of one ``within`` group (an article) together.
* :func:`transfer_scores`: precision, recall and F1 per label of both, on the
  same rows: "leave one group out" is what a user of another outlet can
  expect, "random split" the figure usually reported.

Rows whose group is missing (NaN or None; e.g. sentences of another corpus
that are coded) are always trained on and never tested, in both splits.
Each model chooses its own settings by cross-validation inside its training
rows (a :class:`~analysis.FrameClassifier` does), so the figures are
out-of-sample for those choices.

>>> import pandas as pd
>>> from analysis import FrameClassifier
>>> texts = ["Aid reached the camp.", "Talks went on.", "More aid came.", "A match was played."] * 10
>>> codes = pd.DataFrame({"aid": [1, 0, 1, 0] * 10})
>>> outlet = ["A"] * 20 + ["B"] * 20
>>> model = FrameClassifier(codebook={"aid": ["aid"]}, features=("terms", "dictionary"), cv=2)
>>> transfer_scores(texts, codes, by=outlet, estimator=model, n_splits=2)[["split", "column", "f1"]].values.tolist()
[['leave one group out', 'aid', 1.0], ['random split', 'aid', 1.0]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import clone
from tqdm.auto import tqdm

from .._output import progress_enabled
from ..errors import AnalysisError, TableError
from ..measures.classifier import FrameClassifier
from ..text._units import estimator_texts
from .agreement import precision_recall_f1

SPLITS = ("leave one group out", "random split")


def cross_validate_by_group(X, y: pd.DataFrame, *, by=None, within=None, estimator=None, n_splits: int = 5,
                            random_state: int = 0, progress: bool = False) -> pd.DataFrame:
    """Each row's labels as predicted by a model that did not see its group (or its fold).

    Parameters
    ----------
    X : list of str, Series or DataFrame with ``text``
        The texts.
    y : DataFrame
        The hand codes: one 0/1 column per label (for a FrameClassifier, per
        frame of its codebook), one row per text.
    by : array-like or str, optional
        The group of each row (a column of ``X`` if a name): each group is held
        out in turn. Missing groups (NaN, None) are always trained on. None: a
        random split into ``n_splits`` folds (of the rows that have a group,
        if ``within`` is given, else of all rows).
    within : array-like or str, optional
        For the random split: rows of one group here (e.g. ``doc_id``, the
        article) stay in one fold. Default: each row on its own.
    estimator : classifier, optional
        Fitted afresh (``sklearn.base.clone``) for every fold, with
        ``fit(texts, codes)`` and ``predict(texts)`` giving one 0/1 column per
        label. Default: :class:`analysis.FrameClassifier` with the shipped
        codebook.
    n_splits : int
        Folds of the random split.
    random_state : int
        Seed of the random split.
    progress : bool
        Show a progress bar over the folds.

    Returns
    -------
    DataFrame
        One row per tested row of ``X`` (same index): ``held_out`` (the group
        or fold that was held out) and the predicted 0/1 of each label
        (columns of ``y``).

    Raises
    ------
    TableError
        ``y`` does not have one row per text, ``by`` or ``within`` not one value per
        row, or fewer than two groups.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis import FrameClassifier
    >>> texts = ["Aid reached the camp.", "Talks went on.", "More aid came.", "A match was played."] * 10
    >>> codes = pd.DataFrame({"aid": [1, 0, 1, 0] * 10})
    >>> model = FrameClassifier(codebook={"aid": ["aid"]}, features=("terms", "dictionary"), cv=2)
    >>> held = cross_validate_by_group(texts, codes, by=["A"] * 20 + ["B"] * 20, estimator=model)
    >>> held.groupby("held_out")["aid"].sum().to_dict()
    {'A': 10, 'B': 10}
    """
    texts = estimator_texts(X, "cross_validate_by_group()")
    if len(y) != len(texts):
        raise TableError(f"cross_validate_by_group(): {len(texts)} texts but {len(y)} rows of codes; give one row of "
                         "codes per text.")
    index = X.index if isinstance(X, (pd.Series, pd.DataFrame)) else pd.RangeIndex(len(texts))
    estimator = FrameClassifier() if estimator is None else estimator
    labels = y.reset_index(drop=True)
    groups = _column(X, by, len(texts), "by") if by is not None else None
    folds: list[tuple[object, np.ndarray]] = []
    if groups is not None:
        known = groups.notna().to_numpy()
        names = sorted(groups[known].unique().tolist(), key=str)
        if len(names) < 2:
            raise TableError(f"cross_validate_by_group(): by= has {len(names)} group(s); holding one out needs two "
                             "or more.")
        folds = [(name, (groups == name).to_numpy()) for name in names]
    else:
        together = _column(X, within, len(texts), "within") if within is not None else pd.Series(np.arange(len(texts)))
        known = together.notna().to_numpy()
        if together[known].nunique() < n_splits:
            raise TableError(f"cross_validate_by_group(): {together[known].nunique()} groups of within= cannot make "
                             f"{n_splits} folds; lower n_splits.")
        from sklearn.model_selection import GroupKFold   # imported when it is used, not with the kit

        splitter = GroupKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
        rows = np.flatnonzero(known)
        for k, (_, test) in enumerate(splitter.split(rows, groups=together[known].astype(str).to_numpy())):
            mask = np.zeros(len(texts), dtype=bool)
            mask[rows[test]] = True
            folds.append((f"fold {k + 1}", mask))
    predicted = np.zeros((len(texts), labels.shape[1]), dtype=np.int64)
    held_out = np.empty(len(texts), dtype=object)
    for name, test in tqdm(folds, desc="held-out groups", disable=not progress_enabled(progress)):
        model = clone(estimator).fit([t for t, keep in zip(texts, ~test) if keep], labels[~test])
        predicted[test] = np.asarray(model.predict([t for t, keep in zip(texts, test) if keep]))
        held_out[test] = name
    tested = np.zeros(len(texts), dtype=bool)
    for _, test in folds:
        tested |= test
    result = pd.DataFrame(predicted[tested], columns=labels.columns, index=index[tested])
    result.insert(0, "held_out", held_out[tested])
    return result


def transfer_scores(X, y: pd.DataFrame, *, by, within=None, estimator=None, n_splits: int = 5, random_state: int = 0,
                    n_boot: int = 0, level: float = 0.95, progress: bool = False) -> pd.DataFrame:
    """Precision, recall and F1 per label when each group of ``by`` is held
    out, beside a random split of the same rows (:func:`cross_validate_by_group`).

    Parameters
    ----------
    X, y, estimator, n_splits, random_state, progress
        As in :func:`cross_validate_by_group`.
    by : array-like or str
        The groups to hold out in turn (e.g. each sentence's outlet).
    within : array-like or str, optional
        Rows that stay together in the random split (e.g. ``doc_id``: the
        sentences of one article). Default: each row on its own.
    n_boot : int
        Bootstrap replicates over the rows for intervals; 0 for none.
    level : float
        The confidence level of the intervals.

    Returns
    -------
    DataFrame
        One row per split ("leave one group out", "random split") and label,
        with the columns of :func:`analysis.precision_recall_f1` (pooled over
        the held-out rows: every tested row predicted once per split).

    Examples
    --------
    See the module docstring.
    """
    if by is None:
        raise AnalysisError("transfer_scores(): by= is needed (the groups to hold out in turn, e.g. outlets).")
    groups = _column(X, by, len(estimator_texts(X, "transfer_scores()")), "by")
    if within is not None:
        within = _column(X, within, len(groups), "within").where(groups.notna().to_numpy())
    else:
        within = pd.Series(np.where(groups.notna(), np.arange(len(groups)), np.nan))
    options = {"estimator": estimator, "n_splits": n_splits, "random_state": random_state, "progress": progress}
    codes = y.reset_index(drop=True)
    texts = X.reset_index(drop=True) if isinstance(X, (pd.Series, pd.DataFrame)) else list(X)
    parts = []
    for split, kwargs in zip(SPLITS, ({"by": groups}, {"within": within})):
        predicted = cross_validate_by_group(texts, codes, **kwargs, **options)
        scores = precision_recall_f1(predicted[codes.columns], codes.loc[predicted.index], n_boot=n_boot,
                                     random_state=random_state, level=level)
        parts.append(scores.assign(split=split))
    table = pd.concat(parts, ignore_index=True)
    return table[["split", *[c for c in table.columns if c != "split"]]]


def _column(X, values, n: int, name: str) -> pd.Series:
    """``values`` as a Series of length ``n``: a column of ``X`` by name, or the values given."""
    if isinstance(values, str):
        if not isinstance(X, pd.DataFrame) or values not in X.columns:
            raise TableError(f"{name}={values!r} names no column of X; pass the values themselves (one per text) or "
                             "a table X with that column.")
        values = X[values]
    series = pd.Series(list(values), dtype=object)
    if len(series) != n:
        raise TableError(f"{name}= has {len(series)} values for {n} texts; give one per text.")
    return series.where(series.notna(), None)
