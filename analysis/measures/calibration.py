"""Calibrated linear decisions learned with cross-validation grouped by
article: the estimator design of :class:`analysis.FrameClassifier`, for
units (sentences, actor mentions) that come in groups whose members must stay
on one side of every split, as the sentences of one article do.

For one 0/1 label, ``fit_grouped_label``:

1. chooses the regularisation ``C`` of a logistic regression (L2, liblinear,
   balanced class weights) from ``Cs`` by ``cv``-fold cross-validation that
   keeps each group (article) in one fold and the classes as balanced across
   folds as the groups allow (``StratifiedGroupKFold``, shuffled with
   ``random_state``): the C whose cross-validated F1 at its best threshold is
   highest, the smaller on a tie;
2. calibrates probabilities by Platt (1999) scaling on the cross-validated
   decision values, with his smoothed targets;
3. sets the threshold where the cross-validated F1 is highest (midway to the
   next lower probability);
4. refits on all rows; coefficients and calibration kept to 7 significant
   digits (``rounded``), as model files keep them.

It returns the cross-validated probabilities too, for a caller that decides
on larger units (an actor in a sentence) or stacks models.

>>> import numpy as np
>>> X = np.array([[0.0], [0.1], [0.9], [1.0]] * 6)
>>> y = np.array([0, 0, 1, 1] * 6)
>>> label, cv_probability = fit_grouped_label(X, y, np.repeat(np.arange(12), 2), cv=3)
>>> (X[:2] @ label["coef"] + label["intercept"] > 0).tolist(), label["cv_f1"]
([False, False], 1.0)
"""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

from ..errors import ModelError

#: Significant digits kept of learned numbers.
DIGITS = 7


def fit_grouped_label(features, target, groups, *, Cs=(0.1, 0.3, 1.0, 3.0), cv: int = 5,
                      random_state: int = 0, label: str = "the label") -> tuple[dict, np.ndarray]:
    """Fit one label's calibrated logistic regression (see the module docstring).

    Parameters
    ----------
    features : array or sparse matrix, shape (n_rows, n_features)
    target : array of 0/1, shape (n_rows,)
    groups : array, shape (n_rows,)
        The group of each row (an article): never on both sides of a split.
    Cs : tuple of float
        The regularisation strengths tried.
    cv : int
        Folds (at most the number of groups).
    random_state : int
        Seed of the folds.
    label : str
        What the target is, for the error message.

    Returns
    -------
    dict
        coef (ndarray), intercept, platt (ndarray ``(a, b)``: probability =
        sigmoid(a * decision + b)), threshold, C, cv_f1 (the cross-validated F1
        at that threshold, in-sample for the choice of C and threshold).
    ndarray
        The cross-validated probability of each row (calibrated), for the chosen C.

    Raises
    ------
    ModelError
        A fold's training rows are all of one class: the positives sit in too
        few groups for ``cv`` folds.
    """
    target = np.asarray(target).astype(np.int64)
    n_splits = max(2, min(cv, len(set(groups))))
    split = list(StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
                 .split(np.zeros(len(target)), target, groups))
    for train, _ in split:
        if len(np.unique(target[train])) < 2:
            raise ModelError(f"{label}: the {int(target.sum())} positive rows of {len(target)} sit in "
                             f"{len(set(groups[target > 0]))} of {len(set(groups))} articles, too few for {n_splits} "
                             "folds that keep each article on one side (one fold would learn from one class). "
                             "Code sentences from more articles, or pass a smaller cv=.")
    best = None
    for c in Cs:
        decision = np.zeros(len(target))
        for train, test in split:
            decision[test] = _logistic(c).fit(features[train], target[train]).decision_function(features[test])
        platt = platt_scaling(decision, target)
        probability = sigmoid(decision * platt[0] + platt[1])
        f1, threshold = best_threshold(probability, target)
        if best is None or f1 > best[2]:
            best = (c, platt, f1, threshold, probability)
    c, platt, f1, threshold, probability = best
    model = _logistic(c).fit(features, target)
    return ({"coef": rounded(model.coef_[0]), "intercept": float(rounded(model.intercept_)[0]),
             "platt": rounded(platt), "threshold": float(threshold), "C": float(c), "cv_f1": float(f1)},
            probability)


def probability_of(label: dict, features) -> np.ndarray:
    """The calibrated probability of each row under a fitted label (``fit_grouped_label``).

    >>> probability_of({"coef": np.array([2.0]), "intercept": -1.0, "platt": np.array([1.0, 0.0])},
    ...                np.array([[0.5]])).tolist()
    [0.5]
    """
    decision = np.asarray(features @ np.asarray(label["coef"])).ravel() + label["intercept"]
    return sigmoid(decision * label["platt"][0] + label["platt"][1])


def platt_scaling(decision: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Platt's ``(a, b)`` fitted to decision values, with his smoothed targets
    ((n+ + 1) / (n+ + 2) and 1 / (n- + 2)), so that separable folds give no
    infinite slope.

    >>> bool(platt_scaling(np.array([-2.0, -1.0, 1.0, 2.0]), np.array([0, 0, 1, 1]))[0] > 0)
    True
    """
    n_pos, n_neg = int(target.sum()), int(len(target) - target.sum())
    soft = np.where(target == 1, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    platt = LogisticRegression(C=1e6, solver="lbfgs").fit(
        np.concatenate([decision, decision]).reshape(-1, 1), np.r_[np.ones(len(target)), np.zeros(len(target))],
        sample_weight=np.r_[soft, 1 - soft])
    return np.array([float(platt.coef_[0, 0]), float(platt.intercept_[0])])


def best_threshold(probability: np.ndarray, target: np.ndarray, *,
                   n_positive: int | None = None) -> tuple[float, float]:
    """The highest F1 of "probability >= t" over every distinct probability t,
    and the threshold that gives it, midway to the next lower probability (0
    below the lowest); on a tie, the highest threshold. ``n_positive``: the
    positives F1's recall counts, when some have no row (an attribution
    whose actor has no mention): by default ``target.sum()``.

    >>> best_threshold(np.array([0.9, 0.8, 0.3, 0.1]), np.array([1, 1, 0, 0]))
    (1.0, 0.55)
    >>> best_threshold(np.array([0.9, 0.8, 0.3, 0.1]), np.array([1, 1, 0, 0]), n_positive=4)[0]
    0.6666666666666666
    """
    if not len(probability):
        return 0.0, 1.0
    levels, level_of = np.unique(-probability, return_inverse=True)
    positives = np.bincount(level_of, weights=target, minlength=len(levels))
    counted = np.bincount(level_of, minlength=len(levels))
    total = target.sum() if n_positive is None else n_positive
    f1 = 2 * np.cumsum(positives) / (np.cumsum(counted) + total)
    best = int(np.argmax(f1))
    below = -levels[best + 1] if best + 1 < len(levels) else 0.0
    return float(f1[best]), float((-levels[best] + below) / 2)


def sigmoid(x):
    """The logistic function."""
    return 1.0 / (1.0 + np.exp(-x))


def rounded(values) -> np.ndarray:
    """Values kept to ``DIGITS`` significant digits, as model files keep them.

    >>> rounded([1/3]).tolist()
    [0.3333333]
    """
    return np.array([float(f"{v:.{DIGITS}g}") for v in np.ravel(values)]).reshape(np.shape(values))


def _logistic(C: float) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=1000, random_state=0)
