"""Differences between groups and regressions of a measure on covariates,
corrected for the machine's errors with the hand coding (DSL or PPI++), with
sandwich standard errors.

A difference between groups is the regression of the measure on the groups'
dummies: its coefficients are each group's difference from the reference group.

>>> import pandas as pd
>>> scores = pd.DataFrame({"doc_id": list("abcdefgh"), "outlet": list("XXXXYYYY"),
...                        "aid": [1, 1, 0, 0, 1, 0, 0, 0]})
>>> coding = pd.DataFrame({"doc_id": list("acegh"), "aid": [1, 1, 1, 1, 0]})
>>> group_differences(scores, coding, by="outlet", frames="aid")[["outlet", "reference", "estimate"]].round(6).values.tolist()
[['Y', 'X', -0.25]]
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from scipy.stats import norm

from ..errors import AnalysisError, TableError
from ._tables import measured_units
from .estimators import FAMILIES, EstimationError, m_estimate, ppi_regression, pseudo_outcome
from .prevalence import METHODS

_FORMULA = re.compile(r"^\s*(\w+)\s*~\s*(\w+(?:\s*\+\s*\w+)*)\s*$")


def regression(scores: pd.DataFrame, coding: pd.DataFrame, formula: str, *, family: str = "linear", method="dsl",
               reference: dict | None = None, level: float = 0.95, prediction: str = "auto", cluster=None,
               codebook=None, codebook_version=None) -> pd.DataFrame:
    """A linear or logistic regression of a measure on covariates, corrected for
    the machine's errors with the hand coding.

    "dsl" fits the model to every unit's pseudo-outcome ``f + R / pi * (y - f)``
    (see :func:`analysis.prevalence`): least squares, or the logistic score
    equations, which take pseudo-outcomes outside 0 and 1. Standard errors are
    the sandwich (HC0) of that M-estimator. "ppi" is PPI++ (the coded units
    labelled, the others unlabelled, ``lam`` tuned), as the package
    ``ppi-python`` computes it; it needs one coding probability for every coded
    unit. "coded" fits the coded units alone, weighted by ``1 / pi``; "naive"
    fits the machine's predictions as if they were the codes.

    Parameters
    ----------
    scores, coding : DataFrame
        As for :func:`analysis.prevalence`; the covariates are columns of ``scores``.
    formula : str
        "outcome ~ covariate + covariate ...": the outcome a measure (a frame,
        a column of both tables), the covariates columns of ``scores``. A
        numeric column enters as it is; any other (text, dates as text,
        categories) as one dummy per level but the reference. An intercept is
        always fitted.
    family : {"linear", "logistic"}
        A linear probability model (coefficients in shares), or a logistic one
        (coefficients in log odds).
    method : str or list of str
        "dsl" (default), "ppi", "coded" or "naive"; several give their rows one
        after the other.
    reference : dict, optional
        The reference level of a categorical covariate, ``{column: level}``;
        default its first level in sorted order.
    level : float
        Confidence level of the normal intervals.
    prediction, cluster, codebook, codebook_version
        As for :func:`analysis.prevalence` (``cluster``: cluster-robust
        sandwich; not with "ppi").

    Returns
    -------
    DataFrame
        One row per coefficient and method: term ("Intercept", a numeric
        column's name, or ``column[level]`` for a level's dummy), estimate,
        low, high, std_error, p_value (two-sided, normal), n_units, n_coded,
        method, outcome, family, prediction (the machine's column used; ""
        for "coded").

    Raises
    ------
    TableError
        As :func:`analysis.prevalence`; also a malformed formula, a level of a
        categorical covariate with fewer than 2 coded units (the correction
        would have nothing to learn from there; code some, or merge levels),
        covariates that are collinear or a logistic model with no finite
        solution.
    AnalysisError
        An unknown method or family, or a level outside (0, 1).

    Examples
    --------
    >>> scores = pd.DataFrame({"doc_id": list("abcdefgh"), "outlet": list("XXXXYYYY"),
    ...                        "aid": [1, 1, 0, 0, 1, 0, 0, 0]})
    >>> coding = pd.DataFrame({"doc_id": list("acegh"), "aid": [1, 1, 1, 1, 0]})
    >>> regression(scores, coding, "aid ~ outlet")[["term", "estimate"]].round(6).values.tolist()
    [['Intercept', 0.9], ['outlet[Y]', -0.25]]
    """
    match = _FORMULA.match(formula) if isinstance(formula, str) else None
    if not match:
        raise TableError(f"regression(): formula must read 'outcome ~ covariate + covariate', with column names, "
                         f"not {formula!r}.")
    outcome, covariates = match.group(1), [c.strip() for c in match.group(2).split("+")]
    methods = _methods(method, family, level, "regression", cluster)
    units = measured_units(scores, coding, frames=[outcome], by=None, prediction=prediction, who="regression",
                           codebook=codebook, codebook_version=codebook_version, cluster=cluster)
    if missing := [c for c in covariates if c not in scores.columns]:
        raise TableError(f"regression(): covariate(s) {missing} are not columns of scores (it has "
                         f"{list(scores.columns)}).")
    X, terms = _design(scores, covariates, reference or {}, units.coded)
    z = norm.ppf(0.5 + level / 2)
    rows = []
    for method_ in methods:
        keep = np.ones(len(X), dtype=bool)
        try:
            coef, cov = _fit(units, outcome, X, keep, method_, family)
        except EstimationError as error:
            raise TableError(f"regression(): {method_}: {error}") from None
        se = np.sqrt(np.diag(cov))
        rows.append(pd.DataFrame({"term": terms, **_interval(coef, se, z), "n_units": len(X),
                                  "n_coded": int(units.coded.sum()), "method": method_, "outcome": outcome,
                                  "family": family, "prediction": _prediction(units, outcome, method_)}))
    return pd.concat(rows, ignore_index=True)


def group_differences(scores: pd.DataFrame, coding: pd.DataFrame, *, by: str, frames=None, reference=None,
                      method="dsl", level: float = 0.95, prediction: str = "auto", cluster=None, codebook=None,
                      codebook_version=None) -> pd.DataFrame:
    """The difference in each frame's share (or a measure's mean) between every
    group and a reference group, corrected for the machine's errors with the
    hand coding, with intervals.

    Each difference is a coefficient of the linear regression of the measure on
    the groups' dummies (:func:`analysis.regression`), so "dsl" gives the
    difference of the groups' :func:`analysis.prevalence` estimates with the
    standard error ``sqrt(se_group**2 + se_reference**2)``, and "ppi" what
    ``ppi_py.ppi_ols_ci`` gives with a group dummy (one ``lam`` for all groups).

    Parameters
    ----------
    scores, coding : DataFrame
        As for :func:`analysis.prevalence`.
    by : str
        The column of ``scores`` whose values are the groups.
    frames : str or list of str, optional
        The measures; default the frames of ``codebook``.
    reference : optional
        The group the others are compared with; default the first in sorted order.
    method : str or list of str
        "dsl" (default), "ppi", "coded" or "naive".
    level : float
        Confidence level of the normal intervals.
    prediction, cluster, codebook, codebook_version
        As for :func:`analysis.prevalence` (``cluster``: not with "ppi").

    Returns
    -------
    DataFrame
        One row per frame, group other than the reference, and method: ``by``
        (the group), reference, frame, estimate (group minus reference), low,
        high, std_error, p_value (two-sided, normal), n_units, n_coded (of the
        group), method, prediction, note. A group with fewer than two coded
        units (or, for "ppi", uncoded units) has NaN and says so in note.

    Raises
    ------
    TableError
        As :func:`analysis.prevalence`; also a reference that is not a group,
        or has fewer than two coded units.
    AnalysisError
        An unknown method, or a level outside (0, 1).

    Examples
    --------
    >>> scores = pd.DataFrame({"doc_id": list("abcdef"), "outlet": list("XXXYYY"), "aid": [1, 0, 0, 1, 1, 0]})
    >>> coding = pd.DataFrame({"doc_id": list("abcdef"), "aid": [1, 0, 0, 1, 1, 1]})
    >>> group_differences(scores, coding, by="outlet", frames="aid")[["outlet", "estimate"]].round(6).values.tolist()
    [['Y', 0.666667]]
    """
    if not isinstance(by, str):
        raise TableError(f"group_differences(): by= is one column of scores, not {by!r}.")
    methods = _methods(method, "linear", level, "group_differences", cluster)
    units = measured_units(scores, coding, frames=frames, by=by, prediction=prediction, who="group_differences",
                           codebook=codebook, codebook_version=codebook_version, cluster=cluster)
    labels = units.group_labels
    reference = labels[0] if reference is None else reference
    if reference not in labels:
        raise TableError(f"group_differences(): reference {reference!r} is not a value of {by!r} (it has {labels}).")
    ref = labels.index(reference)
    n_units = np.bincount(units.groups, minlength=units.n_groups)
    n_coded = np.bincount(units.groups, weights=units.coded, minlength=units.n_groups).astype(int)
    n_uncoded = n_units - n_coded
    z = norm.ppf(0.5 + level / 2)
    rows = []
    for method_ in methods:
        usable = np.ones(units.n_groups, dtype=bool) if method_ == "naive" else n_coded >= 2
        if method_ == "ppi":
            usable &= n_uncoded >= 2
        if not usable[ref]:
            raise TableError(f"group_differences(): the reference group {reference!r} has {n_coded[ref]} coded and "
                             f"{n_uncoded[ref]} uncoded units; {method_!r} needs at least 2 coded (and for 'ppi' 2 "
                             "uncoded) units there. Pick another reference=.")
        others = [g for g in range(units.n_groups) if g != ref]
        included = [g for g in others if usable[g]]
        keep = np.isin(units.groups, [ref, *included])
        X = np.column_stack([np.ones(keep.sum())] + [(units.groups[keep] == g).astype(float) for g in included])
        for frame in units.frames:
            estimate, se = np.full(len(others), np.nan), np.full(len(others), np.nan)
            try:
                coef, cov = _fit(units, frame, X, keep, method_, "linear")
            except EstimationError as error:
                raise TableError(f"group_differences(): {method_}, frame {frame!r}: {error}") from None
            where = [others.index(g) for g in included]
            estimate[where], se[where] = coef[1:], np.sqrt(np.diag(cov))[1:]
            notes = ["" if usable[g] else f"{n_coded[g]} coded and {n_uncoded[g]} uncoded unit(s) in this group: the "
                     "corrected difference cannot be made (code at least 2 of its units)" for g in others]
            table = pd.DataFrame({by: [labels[g] for g in others], "reference": reference, "frame": frame,
                                  **_interval(estimate, se, z), "n_units": n_units[others],
                                  "n_coded": n_coded[others], "method": method_,
                                  "prediction": _prediction(units, frame, method_), "note": notes})
            rows.append(table)
    return pd.concat(rows, ignore_index=True)


def _methods(method, family: str, level: float, who: str, cluster) -> list[str]:
    methods = [method] if isinstance(method, str) else list(method)
    if not methods or any(m not in METHODS for m in methods):
        raise AnalysisError(f"{who}(): method must be one of {list(METHODS)} (or a list of them), not {method!r}.")
    if "ppi" in methods and cluster is not None:
        raise AnalysisError(f"{who}(): method='ppi' does not take cluster=; use method='dsl'.")
    if family not in FAMILIES:
        raise AnalysisError(f"{who}(): family must be one of {list(FAMILIES)}, not {family!r}.")
    if not 0 < level < 1:
        raise AnalysisError(f"{who}(): level must be between 0 and 1 (e.g. 0.95), not {level!r}.")
    return methods


def _design(scores: pd.DataFrame, covariates: list[str], reference: dict, coded: np.ndarray):
    """The design matrix (intercept, numeric columns, dummies) and its term names."""
    columns, terms = [np.ones(len(scores))], ["Intercept"]
    for name in covariates:
        column = scores[name]
        if column.isna().any():
            row = column.index[column.isna().to_numpy()][0]
            raise TableError(f"regression(): covariate {name!r} is empty in row {row!r}; fill it or drop the unit "
                             "from the population.")
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            columns.append(column.to_numpy(dtype=float))
            terms.append(name)
            continue
        levels = sorted(column.unique(), key=str)
        base = reference.get(name, levels[0])
        if base not in levels:
            raise TableError(f"regression(): reference level {base!r} of {name!r} is not among its values {levels}.")
        for value in levels:
            members = (column == value).to_numpy()
            if (members & coded).sum() < 2:
                raise TableError(f"regression(): level {value!r} of {name!r} has {(members & coded).sum()} coded "
                                 "unit(s); the correction needs at least 2 in every level. Code some of its units, "
                                 "or merge it with another level.")
            if value != base:
                columns.append(members.astype(float))
                terms.append(f"{name}[{value}]")
    return np.column_stack(columns), terms


def _fit(units, frame: str, X: np.ndarray, keep: np.ndarray, method: str, family: str):
    """Coefficients and covariance of one method on the units ``keep`` (rows of X)."""
    f, y, pi, coded = (a[keep] for a in (units.predictions[frame], units.codes[frame], units.probability,
                                         units.coded))
    clusters = None if units.clusters is None else units.clusters[keep]
    if method == "naive":
        return m_estimate(X, f, family=family, clusters=clusters)
    if method == "dsl":
        return m_estimate(X, pseudo_outcome(f, y, pi), family=family, clusters=clusters)
    if method == "coded":
        return m_estimate(X[coded], y[coded], 1 / pi[coded], family=family,
                          clusters=None if clusters is None else clusters[coded])
    if np.ptp(pi[coded]) > 1e-9 * pi[coded].max():
        raise TableError(f"method='ppi' needs one coding probability for all coded units (a simple random sample), "
                         f"but they range from {pi[coded].min():.4g} to {pi[coded].max():.4g}; use method='dsl', "
                         "which takes any known probabilities.")
    coef, cov, _ = ppi_regression(X[coded], y[coded], f[coded], X[~coded], f[~coded], family=family)
    return coef, cov


def _interval(estimate: np.ndarray, se: np.ndarray, z: float) -> dict:
    with np.errstate(invalid="ignore", divide="ignore"):
        p_value = 2 * norm.sf(np.abs(estimate / se))
    return {"estimate": estimate, "low": estimate - z * se, "high": estimate + z * se, "std_error": se,
            "p_value": p_value}


def _prediction(units, frame: str, method: str) -> str:
    return "" if method == "coded" else units.prediction_columns[frame] + units.prediction_note
