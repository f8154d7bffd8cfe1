"""The estimators behind :func:`analysis.prevalence`, :func:`analysis.group_differences`
and :func:`analysis.regression`, on arrays.

Notation: a population of ``N`` units (sentences or articles); for each the
machine's prediction ``f`` (a 0/1 label, a probability, any number); a sample of
them coded by hand, each coded unit with its code ``y`` and its probability
``pi`` of having been drawn for coding (known from the design).

* **DSL**, design-based supervised learning (Egami, Hinck, Stewart and Wei 2023):
  every unit gets the pseudo-outcome ``f + R / pi * (y - f)`` (``R`` = 1 if coded),
  which has the expectation of ``y`` whatever ``f`` is, as long as ``pi`` is the
  real probability and ``f`` did not learn from the unit (cross-fitting). Means
  and regressions are taken of the pseudo-outcome over all units (an
  M-estimator), with sandwich (HC0) standard errors. Any design with known
  ``pi > 0`` works.
* **PPI++**, prediction-powered inference with power tuning (Angelopoulos et
  al. 2023; Angelopoulos, Duchi and Zrnic 2023): the coded units are the
  labelled sample, the uncoded ones the unlabelled sample, and ``lam`` scales
  the predictions to minimise the variance (clipped to [0, 1]; 0 gives hand
  coding alone, 1 plain PPI). It assumes both samples are simple random samples
  of one population (equal ``pi``). The formulas are those of the authors'
  package ``ppi-python`` (``ppi_mean_ci``, ``ppi_ols_ci``, ``ppi_logistic_ci``
  without weights), which the tests check to numerical precision.
* **coded**: hand coding alone, each coded unit weighted by ``1 / pi`` (the
  Hajek estimator; for a regression, weighted M-estimation), sandwich SEs.
* **naive**: the machine's predictions taken as the truth.

Intervals are for the process that produced the units, as in both papers; for
the finite set of units at hand they are conservative by about the share coded.

>>> f = np.array([0.2, 0.6, 0.9, 0.1])          # the machine's probabilities
>>> y = np.array([0.0, 1.0, np.nan, np.nan])     # two units coded, each drawn with probability 0.5
>>> pseudo_outcome(f, y, np.array([0.5, 0.5, np.nan, np.nan])).tolist()
[-0.2, 1.4, 0.9, 0.1]
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit

FAMILIES = ("linear", "logistic")


class EstimationError(ArithmeticError):
    """An estimate that cannot be made from these numbers (e.g. a logistic
    model whose corrected shares are at or beyond 0 or 1); the message says why."""


def pseudo_outcome(prediction, coded_value, probability) -> np.ndarray:
    """DSL's design-adjusted outcome of every unit: ``f + (y - f) / pi`` for a
    coded unit, ``f`` for the others.

    Parameters
    ----------
    prediction : array of float
        The machine's prediction ``f`` of every unit.
    coded_value : array of float
        The hand code ``y``; NaN for a unit not coded.
    probability : array of float
        The probability ``pi`` with which each unit was drawn for coding (read
        for coded units only).

    Returns
    -------
    ndarray
        One value per unit.

    Examples
    --------
    >>> pseudo_outcome([1.0, 0.0], [0.0, np.nan], [0.25, np.nan]).tolist()
    [-3.0, 0.0]
    """
    f = np.asarray(prediction, dtype=float)
    y = np.asarray(coded_value, dtype=float)
    pi = np.asarray(probability, dtype=float)
    out = f.copy()
    coded = ~np.isnan(y)
    out[coded] += (y[coded] - f[coded]) / pi[coded]
    return out


def group_means(values, groups, n_groups: int, *, weights=None,
                clusters=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The (weighted) mean of ``values`` in each group and its sandwich standard
    error, vectorised: ``m = sum(w v) / sum(w)`` and ``se = sqrt(sum over
    clusters of (sum of w (v - m))**2) / sum(w)``, each unit its own cluster by
    default (then, unweighted, ``sqrt(mean((v - m)**2) / n)``).

    Parameters
    ----------
    values : array of float
    groups : array of int
        Each value's group, 0 to ``n_groups - 1``.
    n_groups : int
    weights : array of float, optional
        Each value's weight (default 1).
    clusters : array of int, optional
        Each value's cluster (e.g. its article): values of one cluster are not
        taken as independent.

    Returns
    -------
    mean, std_error, count : ndarray
        One value per group (NaN where a group is empty).

    Examples
    --------
    >>> m, se, n = group_means(np.array([1.0, 3.0, 5.0]), np.array([0, 0, 1]), 2)
    >>> m.tolist(), se.tolist(), n.tolist()
    ([2.0, 5.0], [0.7071067811865476, 0.0], [2, 1])

    Two clusters of two values in one group: deviations from 2.5 summed per
    cluster are -2 (1 and 2) and 2 (3 and 4), so sqrt(4 + 4) / 4:

    >>> m, se, n = group_means(np.array([1.0, 2.0, 3.0, 4.0]), np.zeros(4, int), 1, clusters=np.array([0, 0, 1, 1]))
    >>> float(m[0]), bool(se[0] == np.sqrt(8) / 4)
    (2.5, True)
    """
    values = np.asarray(values, dtype=float)
    groups = np.asarray(groups)
    w = np.ones(len(values)) if weights is None else np.asarray(weights, dtype=float)
    count = np.bincount(groups, minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.bincount(groups, weights=w, minlength=n_groups)
        mean = np.bincount(groups, weights=w * values, minlength=n_groups) / total
        deviation = w * (values - mean[groups])
        if clusters is None:
            spread = np.bincount(groups, weights=deviation ** 2, minlength=n_groups)
        else:
            _, cluster = np.unique(np.asarray(clusters), return_inverse=True)
            cells, cell = np.unique(cluster.ravel() * n_groups + groups, return_inverse=True)
            sums = np.bincount(cell.ravel(), weights=deviation, minlength=len(cells))
            spread = np.bincount(cells % n_groups, weights=sums ** 2, minlength=n_groups)
        return mean, np.sqrt(spread) / total, count


def dsl_mean(prediction, coded_value, probability) -> tuple[float, float]:
    """DSL estimate of the mean of ``y`` and its standard error: the mean of the
    pseudo-outcomes and ``sqrt(var / N)`` (``var`` with divisor ``N``).

    Parameters
    ----------
    prediction, coded_value, probability : arrays
        As for :func:`pseudo_outcome`.

    Returns
    -------
    estimate, std_error : float

    Examples
    --------
    Four units, two coded with probability 0.5: pseudo-outcomes -0.2, 1.4, 0.9,
    0.1 (mean 0.55, squared deviations 0.5625, 0.7225, 0.1225, 0.2025, their
    mean 0.4025), so the standard error is sqrt(0.4025 / 4):

    >>> est, se = dsl_mean([0.2, 0.6, 0.9, 0.1], [0, 1, np.nan, np.nan], [0.5, 0.5, np.nan, np.nan])
    >>> round(est, 10), round(se ** 2, 10)
    (0.55, 0.100625)
    """
    values = pseudo_outcome(prediction, coded_value, probability)
    mean, se, _ = group_means(values, np.zeros(len(values), dtype=int), 1)
    return float(mean[0]), float(se[0])


def coded_mean(coded_value, probability) -> tuple[float, float]:
    """Hand coding alone: the mean of the coded values weighted by ``1 / pi``
    (Hajek) and its linearised standard error ``sqrt(sum(w**2 (y - m)**2)) / sum(w)``.
    With equal probabilities: the sample mean and ``sqrt(var / n)``.

    Parameters
    ----------
    coded_value : array of float
        The codes of the coded units (no NaN).
    probability : array of float
        Their probabilities of having been drawn.

    Returns
    -------
    estimate, std_error : float

    Examples
    --------
    Weights 2, 2, 4 (sum 8): mean 2 / 8; squared weighted deviations
    4 * 0.5625 + 4 * 0.0625 + 16 * 0.0625 = 3.5:

    >>> est, se = coded_mean([1.0, 0.0, 0.0], [0.5, 0.5, 0.25])
    >>> est, bool(round(se, 12) == round(np.sqrt(3.5) / 8, 12))
    (0.25, True)
    """
    y = np.asarray(coded_value, dtype=float)
    w = 1 / np.asarray(probability, dtype=float)
    mean = float(np.sum(w * y) / np.sum(w))
    return mean, float(np.sqrt(np.sum(w ** 2 * (y - mean) ** 2)) / np.sum(w))


def naive_mean(prediction) -> tuple[float, float]:
    """The machine's predictions taken as the truth: their mean and ``sqrt(var / N)``.

    Parameters
    ----------
    prediction : array of float

    Returns
    -------
    estimate, std_error : float

    Examples
    --------
    >>> est, se = naive_mean([0.0, 1.0])
    >>> est, round(se ** 2, 12)
    (0.5, 0.125)
    """
    f = np.asarray(prediction, dtype=float)
    return float(f.mean()), float(f.std() / np.sqrt(len(f)))


# -- PPI++ -------------------------------------------------------------------------------------

def ppi_lambda(grads, grads_hat, grads_hat_unlabeled, inv_hessian) -> float:
    """The power-tuning parameter of PPI++ that minimises the trace of the
    estimate's estimated covariance, clipped to [0, 1] (as ``ppi-python``'s
    ``_calc_lam_glm``); 0 when the predictions do not vary.

    Parameters
    ----------
    grads : ndarray (n, d)
        Gradients of the loss at the estimate on the coded units, with their codes.
    grads_hat : ndarray (n, d)
        The same with the predictions in place of the codes.
    grads_hat_unlabeled : ndarray (N, d)
        The same on the uncoded units.
    inv_hessian : ndarray (d, d)

    Returns
    -------
    float

    Examples
    --------
    Gradients of +-1 on 4 coded and 8 uncoded units: covariance 2 * 4 / 4 = 2;
    variance of the 12 predicted gradients 12 / 11; so 2 / (2 * 1.5 * 12 / 11):

    >>> g = np.array([[1.0], [-1.0], [1.0], [-1.0]])
    >>> round(ppi_lambda(g, g, np.array([[1.0], [-1.0]] * 4), np.eye(1)), 12) == round(22 / 36, 12)
    True
    """
    n, N = len(grads), len(grads_hat_unlabeled)
    centred, centred_hat = grads - grads.mean(axis=0), grads_hat - grads_hat.mean(axis=0)
    cov_grads = (centred.T @ centred_hat + centred_hat.T @ centred) / n
    d = inv_hessian.shape[0]
    var_hat = np.cov(np.concatenate([grads_hat, grads_hat_unlabeled]).T).reshape(d, d)
    numerator = np.trace(inv_hessian @ cov_grads @ inv_hessian)
    denominator = 2 * (1 + n / N) * np.trace(inv_hessian @ var_hat @ inv_hessian)
    if denominator <= 0:
        return 0.0
    return float(np.clip(numerator / denominator, 0, 1))


def ppi_mean(coded_value, prediction, prediction_unlabeled, *, lam: float | None = None) -> tuple[float, float, float]:
    """PPI++ estimate of a mean, its standard error and ``lam``.

    ``lam * mean(f_unlabeled) + mean(y - lam * f)``, standard error
    ``sqrt(var(lam * f_unlabeled) / N + var(y - lam * f) / n)`` (divisors N and
    n), ``lam`` tuned when None (as ``ppi_py.ppi_mean_ci``).

    Parameters
    ----------
    coded_value : array of float
        The codes ``y`` of the ``n`` coded units.
    prediction : array of float
        The predictions of the same units.
    prediction_unlabeled : array of float
        The predictions of the ``N`` units not coded.
    lam : float, optional
        Fixed power-tuning parameter (1: plain PPI; 0: hand coding alone).

    Returns
    -------
    estimate, std_error, lam : float

    Examples
    --------
    >>> est, se, lam = ppi_mean([1.0, 0.0], [1.0, 0.0], [1.0, 0.0, 1.0, 0.0], lam=1)
    >>> est, se
    (0.5, 0.25)
    """
    y, f, fu = (np.asarray(a, dtype=float) for a in (coded_value, prediction, prediction_unlabeled))
    n, N = len(y), len(fu)
    if lam is None:
        start = fu.mean() + (y - f).mean()
        lam = ppi_lambda((y - start)[:, None], (f - start)[:, None], (fu - start)[:, None], np.eye(1))
    estimate = lam * fu.mean() + (y - lam * f).mean()
    std_error = np.sqrt((lam * fu).var() / N + (y - lam * f).var() / n)
    return float(estimate), float(std_error), float(lam)


# -- M-estimation: linear and logistic regressions ---------------------------------------------

def m_estimate(X, target, weights=None, *, family: str = "linear", clusters=None) -> tuple[np.ndarray, np.ndarray]:
    """Solve ``sum(w * x * (t - mu(x @ b))) = 0`` (least squares, or the logistic
    score equations, which need no 0/1 target) and give the sandwich covariance
    ``A^-1 B A^-1`` with ``A = sum(w mu' x x^T)``, ``B = sum(w^2 (t - mu)^2 x x^T)``.

    DSL is this with the pseudo-outcomes as target and unit weights; hand coding
    alone with the codes of the coded units and weights ``1 / pi``; the naive
    estimate with the predictions.

    Parameters
    ----------
    X : ndarray (n, d)
        Covariates, with a column of ones for the intercept.
    target : array (n,)
    weights : array (n,), optional
        Default 1.
    family : {"linear", "logistic"}
    clusters : array (n,), optional
        Each row's cluster: ``B`` sums the scores ``w (t - mu) x`` within a
        cluster before their outer products (cluster-robust covariance).

    Returns
    -------
    coef : ndarray (d,)
    cov : ndarray (d, d)

    Raises
    ------
    EstimationError
        If the covariates are collinear, or a logistic fit has no finite
        solution (a group's corrected share at or beyond 0 or 1).

    Examples
    --------
    >>> X = np.column_stack([np.ones(4), [0, 0, 1, 1]])
    >>> coef, cov = m_estimate(X, np.array([0.0, 1.0, 1.0, 1.0]))
    >>> coef.tolist(), np.diag(cov).tolist()
    ([0.5, 0.5], [0.125, 0.125])
    """
    X = np.asarray(X, dtype=float)
    t = np.asarray(target, dtype=float)
    w = np.ones(len(t)) if weights is None else np.asarray(weights, dtype=float)
    if family not in FAMILIES:
        raise ValueError(f"family must be one of {FAMILIES}, not {family!r}.")
    if np.linalg.matrix_rank(X) < X.shape[1]:
        raise EstimationError("the covariates are collinear (a level or column is redundant or constant).")
    coef = _solve(X, [t], [w], family)
    eta = X @ coef
    mu, slope = (eta, np.ones(len(t))) if family == "linear" else (expit(eta), expit(eta) * (1 - expit(eta)))
    A = X.T @ (X * (w * slope)[:, None])
    scores = X * (w * (t - mu))[:, None]
    if clusters is not None:
        _, cluster = np.unique(np.asarray(clusters), return_inverse=True)
        scores = np.stack([np.bincount(cluster.ravel(), weights=scores[:, j]) for j in range(X.shape[1])], axis=1)
    B = scores.T @ scores
    A_inv = np.linalg.inv(A)
    return coef, A_inv @ B @ A_inv


def _solve(X, targets, weights, family: str, Xs=None) -> np.ndarray:
    """The coefficients that solve ``sum_k sum_i w_ki x_ki (t_ki - mu(x_ki b)) = 0``
    over one or more (X, target, weight) blocks (``Xs`` for several blocks):
    weighted least squares, or Newton's method with step halving on the
    concave logistic objective."""
    Xs = Xs or [X] * len(targets)
    if family == "linear":
        A = sum(Xk.T @ (Xk * wk[:, None]) for Xk, wk in zip(Xs, weights))
        b = sum(Xk.T @ (wk * tk) for Xk, tk, wk in zip(Xs, targets, weights))
        return np.linalg.solve(A, b)

    def objective(coef):
        return sum(np.sum(wk * (tk * (Xk @ coef) - np.logaddexp(0, Xk @ coef)))
                   for Xk, tk, wk in zip(Xs, targets, weights))

    coef = np.zeros(Xs[0].shape[1])
    value = objective(coef)
    for _ in range(200):
        grad = sum(Xk.T @ (wk * (tk - expit(Xk @ coef))) for Xk, tk, wk in zip(Xs, targets, weights))
        hess = sum(Xk.T @ (Xk * (wk * expit(Xk @ coef) * (1 - expit(Xk @ coef)))[:, None])
                   for Xk, wk in zip(Xs, weights))
        try:
            step = np.linalg.solve(hess, grad)
        except np.linalg.LinAlgError:
            break
        size = 1.0
        while True:
            candidate = coef + size * step
            new = objective(candidate)
            if new >= value - 1e-14 * abs(value):
                break
            size /= 2
            if size < 1e-10:
                candidate, new, size = coef, value, 0.0
                break
        coef, value = candidate, new
        if np.max(np.abs(size * step)) < 1e-11:
            if np.max(np.abs(coef)) > 30:
                break
            return coef
    raise EstimationError("the logistic model has no finite solution: the corrected share of some group is at or "
                          "beyond 0 or 1 (too few coded units, or a share near 0 or 1). Use family='linear' or "
                          "code more units of that group.")


def ppi_regression(X, coded_value, prediction, X_unlabeled, prediction_unlabeled, *, family: str = "linear",
                   lam: float | None = None) -> tuple[np.ndarray, np.ndarray, float]:
    """PPI++ estimate of regression coefficients, their covariance and ``lam``,
    as ``ppi_py.ppi_ols_ci`` and ``ppi_py.ppi_logistic_ci`` (no weights) compute them.

    Linear: the least-squares fit of ``lam * f`` on the uncoded units plus that
    of ``y - lam * f`` on the coded ones. Logistic: the minimiser of the
    rectified loss ``lam/N sum_u l(f) - lam/n sum_c l(f) + 1/n sum_c l(y)``.
    Covariance ``H^-1 (n/N cov(lam g_u) + cov(g - lam g_hat)) H^-1 / n``, with
    ``H`` the Hessian over all units and the ``g`` the gradients (covariances
    with divisor n - 1). ``lam`` tuned when None: from the gradients at the
    ``lam = 1`` estimate, then once more at the tuned one (as the package does).

    Parameters
    ----------
    X : ndarray (n, d)
        Covariates of the coded units, with a column of ones.
    coded_value, prediction : array (n,)
        Their codes and predictions.
    X_unlabeled : ndarray (N, d)
        Covariates of the uncoded units.
    prediction_unlabeled : array (N,)
    family : {"linear", "logistic"}
    lam : float, optional
        Fixed power-tuning parameter.

    Returns
    -------
    coef : ndarray (d,)
    cov : ndarray (d, d)
    lam : float

    Examples
    --------
    >>> X = np.ones((2, 1))
    >>> coef, cov, lam = ppi_regression(X, [1.0, 0.0], [1.0, 0.0], np.ones((4, 1)), [1.0, 0.0, 1.0, 0.0], lam=1)
    >>> coef.tolist()
    [0.5]
    """
    X, Xu = np.asarray(X, dtype=float), np.asarray(X_unlabeled, dtype=float)
    y, f, fu = (np.asarray(a, dtype=float) for a in (coded_value, prediction, prediction_unlabeled))
    if family not in FAMILIES:
        raise ValueError(f"family must be one of {FAMILIES}, not {family!r}.")
    n, N, d = len(y), len(fu), X.shape[1]
    for matrix in (X, Xu):
        if np.linalg.matrix_rank(matrix) < d:
            raise EstimationError("the covariates are collinear among the coded or the uncoded units (a level "
                                  "without units on one side, or a constant column).")

    def fit(lam_):
        if family == "linear":
            return _solve(None, [lam_ * fu], [np.ones(N)], family, Xs=[Xu]) + \
                _solve(None, [y - lam_ * f], [np.ones(n)], family, Xs=[X])
        return _solve(None, [fu, f, y], [np.full(N, lam_ / N), np.full(n, -lam_ / n), np.full(n, 1 / n)],
                      family, Xs=[Xu, X, X])

    def stats(coef, use_unlabeled: bool):
        mu, mu_u = X @ coef, Xu @ coef
        slope, slope_u = np.ones(n), np.ones(N)
        if family == "logistic":
            mu, mu_u = expit(mu), expit(mu_u)
            slope, slope_u = mu * (1 - mu), mu_u * (1 - mu_u)
        if use_unlabeled:
            hessian = (Xu.T @ (Xu * slope_u[:, None]) + X.T @ (X * slope[:, None])) / (N + n)
            grads_u = Xu * (mu_u - fu)[:, None]
        else:
            hessian = X.T @ (X * slope[:, None]) / n
            grads_u = np.zeros_like(Xu)
        return X * (mu - y)[:, None], X * (mu - f)[:, None], grads_u, np.linalg.inv(hessian)

    if lam is None:
        first = fit(1.0)
        tuned = fit(ppi_lambda(*stats(first, True)))
        lam = ppi_lambda(*stats(tuned, True))
    coef = fit(lam)
    grads, grads_hat, grads_u, inv_hessian = stats(coef, lam != 0)
    var_u = np.cov((lam * grads_u).T).reshape(d, d)
    var = np.cov((grads - lam * grads_hat).T).reshape(d, d)
    return coef, inv_hessian @ (n / N * var_u + var) @ inv_hessian / n, float(lam)
