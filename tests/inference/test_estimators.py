"""The estimators on arrays: by hand on tiny inputs, against the authors' package
ppi-python (PPI++) and statsmodels (sandwich standard errors), and by coverage."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from ppi_py import ppi_logistic_ci, ppi_mean_ci, ppi_ols_ci
from scipy.stats import norm

import analysis
from analysis.inference.estimators import (EstimationError, coded_mean, dsl_mean, m_estimate, naive_mean, ppi_mean,
                                           ppi_regression, pseudo_outcome)

Z = norm.ppf(0.975)


def test_dsl_mean_by_hand_on_four_units():
    # f = 0.2, 0.6, 0.9, 0.1; units 1 and 2 coded (y = 0, 1) with probability 0.5, 0.25
    # pseudo-outcomes: 0.2 + (0 - 0.2) / 0.5 = -0.2; 0.6 + (1 - 0.6) / 0.25 = 2.2; 0.9; 0.1
    f = [0.2, 0.6, 0.9, 0.1]
    y = [0.0, 1.0, np.nan, np.nan]
    pi = [0.5, 0.25, np.nan, np.nan]
    assert pseudo_outcome(f, y, pi) == pytest.approx([-0.2, 2.2, 0.9, 0.1])
    estimate, se = dsl_mean(f, y, pi)
    assert estimate == pytest.approx(3.0 / 4)
    # deviations from 0.75: -0.95, 1.45, 0.15, -0.65; squares 0.9025, 2.1025, 0.0225, 0.4225 -> sum 3.45
    assert se ** 2 == pytest.approx(3.45 / 4 / 4)


def test_dsl_mean_is_the_coded_mean_when_every_unit_is_coded_for_certain():
    y = np.array([1.0, 0.0, 1.0, 1.0])
    assert dsl_mean([0.0, 0.0, 0.0, 0.0], y, np.ones(4)) == pytest.approx((0.75, np.sqrt(0.1875 / 4)))


def test_coded_and_naive_means_by_hand():
    assert coded_mean([1.0, 0.0], [0.5, 0.5]) == pytest.approx((0.5, 0.5 / np.sqrt(2)))
    assert naive_mean([0.0, 0.0, 1.0, 1.0]) == pytest.approx((0.5, 0.25))


@pytest.fixture(scope="module")
def labelled():
    """A logistic population with a group, a covariate and a biased, noisy
    prediction: 150 coded units and 1,000 uncoded ones."""
    rng = np.random.default_rng(7)

    def draw(n):
        group, x = rng.integers(0, 2, n), rng.normal(size=n)
        y = (rng.random(n) < 1 / (1 + np.exp(-(-1 + 0.8 * group + 0.5 * x)))).astype(float)
        f = np.clip(0.5 * y + 0.25 + 0.25 * rng.normal(size=n) + 0.1 * group, 0, 1)
        return np.column_stack([np.ones(n), group, x]), y, f

    return draw(150), draw(1000)


@pytest.mark.parametrize("lam", [None, 0.0, 0.3, 1.0])
def test_ppi_mean_matches_ppi_python(labelled, lam):
    (_, y, f), (_, _, fu) = labelled
    noise = np.random.default_rng(8).normal(size=len(f) + len(fu))
    f, fu = f + noise[:len(f)], fu + noise[len(f):]           # a noisier prediction
    low, high = ppi_mean_ci(y, f, fu, alpha=0.05, lam=lam)
    estimate, se, tuned = ppi_mean(y, f, fu, lam=lam)
    assert [estimate - Z * se, estimate + Z * se] == pytest.approx([low[0], high[0]], abs=1e-12)
    if lam is None:
        assert 0 < tuned < 1       # a prediction this noisy gets an interior lam


@pytest.mark.parametrize("family, reference, tolerance", [("linear", ppi_ols_ci, 1e-12),
                                                          ("logistic", ppi_logistic_ci, 1e-8)])
@pytest.mark.parametrize("lam", [None, 0.0, 0.5, 1.0])
def test_ppi_regression_matches_ppi_python(labelled, family, reference, tolerance, lam):
    (X, y, f), (Xu, _, fu) = labelled
    low, high = reference(X, y, f, Xu, fu, alpha=0.05, lam=lam)
    coef, cov, _ = ppi_regression(X, y, f, Xu, fu, family=family, lam=lam)
    se = np.sqrt(np.diag(cov))
    assert coef - Z * se == pytest.approx(low, abs=tolerance)
    assert coef + Z * se == pytest.approx(high, abs=tolerance)


def test_m_estimate_matches_statsmodels_hc0(labelled):
    (X, y, f), _ = labelled
    coef, cov = m_estimate(X, y)
    fit = sm.OLS(y, X).fit(cov_type="HC0")
    assert coef == pytest.approx(fit.params, abs=1e-12)
    assert cov == pytest.approx(fit.cov_params(), abs=1e-12)
    coef, cov = m_estimate(X, y, family="logistic")
    fit = sm.GLM(y, X, family=sm.families.Binomial()).fit(cov_type="HC0", tol=1e-12)
    assert coef == pytest.approx(fit.params, abs=1e-7)
    assert cov == pytest.approx(fit.cov_params(), abs=1e-8)


def test_m_estimate_weighted_intercept_is_the_coded_mean():
    y, pi = np.array([1.0, 0.0, 0.0, 1.0]), np.array([0.5, 0.5, 0.25, 0.2])
    coef, cov = m_estimate(np.ones((4, 1)), y, 1 / pi)
    assert (coef[0], np.sqrt(cov[0, 0])) == pytest.approx(coded_mean(y, pi))


def test_logistic_intercept_is_the_logit_of_the_mean_with_its_delta_method_error():
    values = np.array([-0.2, 2.2, 0.9, 0.1, 0.0, 0.3])     # pseudo-outcomes may leave [0, 1]
    coef, cov = m_estimate(np.ones((6, 1)), values, family="logistic")
    mean = values.mean()
    assert coef[0] == pytest.approx(np.log(mean / (1 - mean)))
    assert cov[0, 0] == pytest.approx(values.var() / 6 / (mean * (1 - mean)) ** 2)


def test_logistic_without_a_finite_solution_is_an_error():
    with pytest.raises(EstimationError, match="no finite solution"):
        m_estimate(np.ones((3, 1)), np.array([-0.5, 0.2, 0.1]), family="logistic")
    with pytest.raises(EstimationError, match="collinear"):
        m_estimate(np.column_stack([np.ones(3), np.ones(3)]), np.array([0.0, 1.0, 1.0]))


def _population(rng, n):
    group = np.repeat(["A", "B"], n // 2)
    y = (rng.random(n) < np.where(group == "A", 0.2, 0.35)).astype(int)
    probability = np.clip(0.3 + 0.35 * y + 0.15 * rng.normal(size=n) - 0.1 * (group == "B"), 0.01, 0.99)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "outlet": group, "aid_probability": probability,
                         "truth": y})


def test_prevalence_ppi_matches_ppi_python_per_group():
    rng = np.random.default_rng(3)
    scores = _population(rng, 600)
    coded = rng.choice(600, 120, replace=False)
    coding = scores.iloc[coded][["doc_id"]].assign(aid=scores["truth"].to_numpy()[coded])
    result = analysis.prevalence(scores, coding, frames="aid", by="outlet", method="ppi")
    is_coded = scores.index.isin(coded)
    for _, row in result.iterrows():
        group = (scores["outlet"] == row["outlet"]).to_numpy()
        low, high = ppi_mean_ci(scores["truth"].to_numpy(float)[group & is_coded],
                                scores["aid_probability"].to_numpy()[group & is_coded],
                                scores["aid_probability"].to_numpy()[group & ~is_coded], alpha=0.05)
        assert [row["low"], row["high"]] == pytest.approx([low[0], high[0]], abs=1e-12)


def test_group_difference_ppi_matches_ppi_ols_with_a_group_dummy():
    rng = np.random.default_rng(4)
    scores = _population(rng, 800)
    coded = rng.choice(800, 150, replace=False)
    coding = scores.iloc[coded][["doc_id"]].assign(aid=scores["truth"].to_numpy()[coded])
    result = analysis.group_differences(scores, coding, by="outlet", frames="aid", method="ppi").iloc[0]
    is_coded = scores.index.isin(coded)
    X = np.column_stack([np.ones(800), (scores["outlet"] == "B").to_numpy(float)])
    f, y = scores["aid_probability"].to_numpy(), scores["truth"].to_numpy(float)
    low, high = ppi_ols_ci(X[is_coded], y[is_coded], f[is_coded], X[~is_coded], f[~is_coded], alpha=0.05)
    assert [result["low"], result["high"]] == pytest.approx([low[1], high[1]], abs=1e-12)
    regression = analysis.regression(scores, coding, "aid ~ outlet", method="ppi")
    assert regression[["low", "high"]].to_numpy() == pytest.approx(np.column_stack([low, high]), abs=1e-12)


def test_dsl_difference_is_the_difference_of_the_prevalences():
    rng = np.random.default_rng(5)
    scores = _population(rng, 400)
    coded = rng.choice(400, 100, replace=False)
    coding = scores.iloc[coded][["doc_id"]].assign(aid=scores["truth"].to_numpy()[coded],
                                                   coding_probability=rng.uniform(0.1, 0.5, 100))
    shares = analysis.prevalence(scores, coding, frames="aid", by="outlet").set_index("outlet")
    difference = analysis.group_differences(scores, coding, by="outlet", frames="aid").iloc[0]
    assert difference["estimate"] == pytest.approx(shares.loc["B", "estimate"] - shares.loc["A", "estimate"])
    assert difference["std_error"] == pytest.approx(np.hypot(shares.loc["B", "std_error"],
                                                             shares.loc["A", "std_error"]))


def test_dsl_intervals_cover_in_simulation_with_a_biased_machine():
    """400 populations of 500 units, 80 coded with unequal probabilities (0.08
    or 0.24 by the machine's label): the naive share is off by about 0.1 and
    misses; DSL's 95% interval covers the true share (0.3) about 95% of the time."""
    rng = np.random.default_rng(11)
    covered, naive_covered = [], []
    for _ in range(400):
        y = (rng.random(500) < 0.3).astype(float)
        f = np.clip(0.2 + 0.5 * y + 0.2 * rng.normal(size=500), 0, 1)
        pi = np.where(f > 0.5, 0.24, 0.08)
        coded = rng.random(500) < pi
        estimate, se = dsl_mean(f, np.where(coded, y, np.nan), np.where(coded, pi, np.nan))
        covered.append(abs(estimate - 0.3) <= Z * se)
        naive, naive_se = naive_mean(f)
        naive_covered.append(abs(naive - 0.3) <= Z * naive_se)
    assert 0.92 <= np.mean(covered) <= 0.98
    assert np.mean(naive_covered) < 0.2
