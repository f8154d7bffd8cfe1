"""coding_size(): the n it gives delivers the width (or power) asked for, in simulation."""

import numpy as np
import pandas as pd
import pytest

from analysis import AnalysisError, TableError, coding_sample, coding_size, group_differences, simulate_coding
from analysis.synthetic import synthetic_measurements


@pytest.fixture(scope="module")
def population():
    table = synthetic_measurements(6000, random_state=3)
    return table, table[["doc_id"]].assign(aid=table["truth"])


def _pilot(table, codes, n, seed=0):
    sample = coding_sample(table, n, random_state=seed)
    return sample[["doc_id", "coding_probability"]].merge(codes, on="doc_id")


def test_the_n_for_a_width_gives_that_width(population):
    table, codes = population
    plan = coding_size(table, _pilot(table, codes, 150), frames="aid", width=0.08).set_index("method")["n"]
    assert plan["dsl"] < plan["coded"]                       # a useful machine needs fewer coded units
    for method in ("dsl", "coded"):
        result = simulate_coding(table, codes, n=int(plan[method]), frames="aid", methods=[method], replicates=150,
                                 progress=False)
        assert result["width"].iloc[0] == pytest.approx(0.08, rel=0.06)


def test_the_n_for_a_difference_gives_its_power(population):
    table, codes = population
    truth = codes.merge(table[["doc_id", "group"]]).groupby("group")["aid"].mean()
    difference = truth["B"] - truth["A"]
    plan = coding_size(table, _pilot(table, codes, 300), frames="aid", by="group", difference=difference,
                       power=0.8).set_index("method")
    assert plan.loc["dsl", "groups"] == "A vs B"
    n = int(plan.loc["dsl", "n"])
    significant = []
    for seed in range(200):
        sample = coding_sample(table, 2 * n, strategy="stratified", by="group", allocation="equal", random_state=seed)
        coding = sample[["doc_id", "coding_probability"]].merge(codes, on="doc_id")
        significant.append(group_differences(table, coding, by="group", frames="aid")["p_value"].iloc[0] < 0.05)
    assert np.mean(significant) == pytest.approx(0.8, abs=0.08)


def test_bad_requests_are_named(population):
    table, codes = population
    pilot = _pilot(table, codes, 100)
    with pytest.raises(AnalysisError, match="one"):
        coding_size(table, pilot, frames="aid")
    with pytest.raises(AnalysisError, match="give by="):
        coding_size(table, pilot, frames="aid", difference=0.1)
    with pytest.raises(AnalysisError, match="groups=\\(a, b\\)"):
        coding_size(table, pilot, frames="aid", by="group", groups=("A", "Z"), difference=0.1)
    with pytest.raises(TableError, match="group 'B' has 0 coded"):
        coding_size(table, pilot[pilot["doc_id"].isin(table.loc[table.group == "A", "doc_id"])], frames="aid",
                    by="group", width=0.1)
