"""regression() and group_differences(): known answers and bad input."""

import numpy as np
import pandas as pd
import pytest

from analysis import TableError, group_differences, prevalence, regression


@pytest.fixture
def scores():
    rng = np.random.default_rng(0)
    n = 300
    outlet = np.repeat(["A", "B", "C"], n // 3)
    truth = (rng.random(n) < np.select([outlet == "A", outlet == "B"], [0.2, 0.4], 0.3)).astype(int)
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "outlet": outlet, "month": rng.integers(1, 4, n),
                         "aid_probability": np.clip(0.25 + 0.4 * truth + 0.2 * rng.normal(size=n), 0, 1),
                         "truth": truth})


@pytest.fixture
def coding(scores):
    sample = scores.sample(90, random_state=1)
    return pd.DataFrame({"doc_id": sample["doc_id"], "aid": sample["truth"], "coding_probability": 0.3})


def test_logistic_on_dummies_is_the_logit_of_the_group_shares(scores, coding):
    shares = prevalence(scores, coding, frames="aid", by="outlet").set_index("outlet")["estimate"]
    fit = regression(scores, coding, "aid ~ outlet", family="logistic").set_index("term")["estimate"]
    logit = np.log(shares / (1 - shares))
    assert fit["Intercept"] == pytest.approx(logit["A"], abs=1e-8)
    assert fit["outlet[C]"] == pytest.approx(logit["C"] - logit["A"], abs=1e-8)


def test_terms_numeric_covariates_reference_levels_and_methods(scores, coding):
    table = regression(scores, coding, "aid ~ outlet + month", reference={"outlet": "B"},
                       method=["dsl", "coded", "naive"])
    assert table["term"].tolist()[:4] == ["Intercept", "outlet[A]", "outlet[C]", "month"]
    assert set(table["method"]) == {"dsl", "coded", "naive"}
    assert (table["n_units"] == 300).all() and (table["n_coded"] == 90).all()
    assert ((table["low"] < table["estimate"]) & (table["estimate"] < table["high"])).all()
    assert table["p_value"].between(0, 1).all()


def test_group_differences_against_a_chosen_reference_and_a_group_without_coding(scores, coding):
    some = coding[~coding["doc_id"].isin(scores.loc[scores["outlet"] == "C", "doc_id"])]
    table = group_differences(scores, some, by="outlet", frames="aid", reference="B", method=["dsl", "naive"])
    assert table[["outlet", "reference", "method"]].values.tolist() == [
        ["A", "B", "dsl"], ["C", "B", "dsl"], ["A", "B", "naive"], ["C", "B", "naive"]]
    c = table.iloc[1]
    assert np.isnan(c["estimate"]) and "0 coded" in c["note"]
    assert table.iloc[3]["estimate"] == pytest.approx(
        scores.loc[scores.outlet == "C", "aid_probability"].mean() - scores.loc[scores.outlet == "B",
                                                                               "aid_probability"].mean())


@pytest.mark.parametrize("formula, message", [("aid = outlet", "formula must read"), ("aid ~ colour", "colour"),
                                              ("aid ~ outlet * month", "formula must read")])
def test_bad_formulas_are_named(scores, coding, formula, message):
    with pytest.raises(TableError, match=message):
        regression(scores, coding, formula)


def test_a_level_without_coded_units_is_an_error_that_says_what_to_do(scores, coding):
    some = coding[~coding["doc_id"].isin(scores.loc[scores["outlet"] == "C", "doc_id"])]
    with pytest.raises(TableError, match="level 'C' of 'outlet' has 0 coded unit.*merge it"):
        regression(scores, some, "aid ~ outlet")


def test_a_reference_without_coding_or_not_a_group_is_an_error(scores, coding):
    with pytest.raises(TableError, match="reference 'Z' is not a value"):
        group_differences(scores, coding, by="outlet", frames="aid", reference="Z")
    some = coding[~coding["doc_id"].isin(scores.loc[scores["outlet"] == "A", "doc_id"])]
    with pytest.raises(TableError, match="reference group 'A' has 0 coded"):
        group_differences(scores, some, by="outlet", frames="aid")


def test_ppi_regression_needs_one_coding_probability(scores, coding):
    unequal = coding.assign(coding_probability=np.linspace(0.1, 0.5, len(coding)))
    with pytest.raises(TableError, match="method='dsl'"):
        regression(scores, unequal, "aid ~ outlet", method="ppi")
