"""Calibrated linear decisions, one label at a time: the estimator design of
:class:`analysis.FrameClassifier`, as public helpers for any classifier of
the kit that decides a 0/1 label from a feature matrix.

For one label, ``fit_label``:

1. chooses the regularisation ``C`` of a logistic regression (L2, liblinear,
   class weights ``"balanced"`` by default) from ``Cs`` by stratified
   cross-validation on the training rows: the C whose cross-validated F1 (at
   its best threshold) is highest, the smaller C on a tie;
2. calibrates probabilities by Platt (1999) scaling, fitted on the
   cross-validated decision values with Platt's smoothed targets;
3. sets the threshold on the calibrated probability where the
   cross-validated F1 is highest (midway to the next lower probability);
4. refits the logistic regression on all rows.

Coefficients, intercept and Platt parameters are rounded to 7 significant
digits (``rounded``), as a model file keeps them, so that a saved and
loaded model predicts exactly as the fitted one.

>>> import numpy as np
>>> X = np.array([[0.0], [0.1], [0.2], [0.9], [1.0], [0.8]] * 5)
>>> y = np.array([0, 0, 0, 1, 1, 1] * 5)
>>> label = fit_label(X, y, cv=3)
>>> label.predict(np.array([[0.05], [0.95]])).tolist(), round(label.cv_f1, 2)
([0, 1], 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Significant digits kept of learned numbers (coefficients, intercepts, Platt parameters, idf).
DIGITS = 7


@dataclass(frozen=True)
class LabelModel:
    """One label's calibrated linear decision (what :func:`fit_label` returns).

    Parameters
    ----------
    coef : ndarray
        The logistic regression's coefficients, one per feature.
    intercept : float
    platt : ndarray
        Platt's ``(a, b)``: probability = sigmoid(a * decision + b).
    threshold : float
        The probability from which the label is 1.
    C : float
        The regularisation chosen.
    cv_f1 : float
        The cross-validated F1 at ``C`` and ``threshold`` (in-sample for the
        choice of both: an optimistic figure).
    """

    coef: np.ndarray
    intercept: float
    platt: np.ndarray
    threshold: float
    C: float
    cv_f1: float

    def decision(self, features) -> np.ndarray:
        """The linear score of each row."""
        return np.asarray(features @ self.coef).ravel() + self.intercept

    def probability(self, features) -> np.ndarray:
        """The calibrated probability of each row."""
        return sigmoid(self.decision(features) * self.platt[0] + self.platt[1])

    def predict(self, features) -> np.ndarray:
        """1 where the probability reaches the threshold, else 0."""
        return (self.probability(features) >= self.threshold).astype(np.int64)


def fit_label(features, target, *, Cs=(0.3, 1.0, 3.0, 10.0), cv: int = 5, random_state: int = 0,
              class_weight="balanced") -> LabelModel:
    """Fit one label's calibrated logistic regression (see the module docstring).

    Parameters
    ----------
    features : array or sparse matrix, shape (n_rows, n_features)
    target : array of 0/1, shape (n_rows,)
        Needs at least ``cv`` rows of each class.
    Cs : tuple of float
        The regularisation strengths tried.
    cv : int
        Stratified folds (shuffled with ``random_state``).
    random_state : int
        Seed of the folds.
    class_weight : "balanced", dict or None
        As in :class:`sklearn.linear_model.LogisticRegression`.

    Returns
    -------
    LabelModel
    """
    from sklearn.model_selection import StratifiedKFold      # imported when a model is fitted, not with the kit

    target = np.asarray(target).astype(np.int64)
    split = list(StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state).split(np.zeros(len(target)),
                                                                                             target))
    best = None
    for c in Cs:
        decision = cross_validated_decision(features, target, c, split, class_weight=class_weight)
        platt = platt_scaling(decision, target)
        f1, threshold = best_threshold(sigmoid(decision * platt[0] + platt[1]), target)
        if best is None or f1 > best[2] or (f1 == best[2] and c < best[0]):
            best = (c, platt, f1, threshold)
    c, platt, f1, threshold = best
    model = _logistic(c, class_weight).fit(features, target)
    return LabelModel(coef=rounded(model.coef_[0]), intercept=float(rounded(model.intercept_)[0]),
                      platt=rounded(platt), threshold=float(threshold), C=float(c), cv_f1=float(f1))


def cross_validated_decision(features, target, C: float, split, *, class_weight="balanced") -> np.ndarray:
    """Each row's decision value from the logistic regression fitted on the
    folds that do not hold it.

    Parameters
    ----------
    features : array or sparse matrix
    target : array of 0/1
    C : float
    split : list of (train, test) index arrays
    class_weight : "balanced", dict or None

    Returns
    -------
    ndarray, shape (n_rows,)
    """
    decision = np.zeros(len(target))
    for train, test in split:
        model = _logistic(C, class_weight).fit(features[train], target[train])
        decision[test] = model.decision_function(features[test])
    return decision


def platt_scaling(decision: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Platt's ``(a, b)`` fitted to decision values, with his smoothed targets
    ((n+ + 1) / (n+ + 2) and 1 / (n- + 2)), so that separable folds give no
    infinite slope.

    >>> bool(platt_scaling(np.array([-2.0, -1.0, 1.0, 2.0]), np.array([0, 0, 1, 1]))[0] > 0)
    True
    """
    from sklearn.linear_model import LogisticRegression

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


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function."""
    return 1.0 / (1.0 + np.exp(-x))


def rounded(values) -> np.ndarray:
    """Values kept to :data:`DIGITS` significant digits, as model files keep them.

    >>> rounded([1/3]).tolist()
    [0.3333333]
    """
    return np.array([float(f"{v:.{DIGITS}g}") for v in np.ravel(values)]).reshape(np.shape(values))


def _logistic(C: float, class_weight):
    """sklearn's LogisticRegression for one label, imported when a model is fitted, not with the kit."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, class_weight=class_weight, solver="liblinear", max_iter=1000)
