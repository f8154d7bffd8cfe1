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
from .linear import best_threshold, platt_scaling, rounded, sigmoid


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


def _logistic(C: float) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=1000, random_state=0)
