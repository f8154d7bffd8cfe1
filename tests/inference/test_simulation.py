"""simulate_coding(): known answers with a perfect and a constant machine."""

import pandas as pd
import pytest

from analysis import AnalysisError, simulate_coding
from analysis.synthetic import synthetic_measurements


@pytest.fixture(scope="module")
def population():
    table = synthetic_measurements(600, random_state=2)
    return table, table[["doc_id"]].assign(aid=table["truth"])


def test_a_perfect_machine_gives_the_population_share_every_time(population):
    table, codes = population
    perfect = table.assign(aid_probability=table["truth"].astype(float))
    result = simulate_coding(perfect, codes, n=60, frames="aid", by="group", replicates=20,
                             progress=False).set_index(["group", "method"])
    truth = codes.merge(table[["doc_id", "group"]]).groupby("group")["aid"].mean()
    for method in ("dsl", "naive"):
        row = result.loc[("A", method)]
        assert row["truth"] == pytest.approx(truth["A"])
        assert (row["bias"], row["sd"], row["coverage"]) == pytest.approx((0, 0, 1))
    assert result.loc[("A", "coded"), "sd"] > 0                    # hand coding alone varies with the sample


def test_differences_and_replicates(population):
    table, codes = population
    result = simulate_coding(table, codes, n=60, frames="aid", by="group", differences=True, replicates=10,
                             methods=["dsl"], progress=False)
    assert result[["estimand", "group", "reference"]].values.tolist() == [["share", "A", ""], ["share", "B", ""],
                                                                         ["difference", "B", "A"]]
    assert (result["replicates"] == 10).all()
    truth = codes.merge(table[["doc_id", "group"]]).groupby("group")["aid"].mean()
    assert result["truth"].iloc[2] == pytest.approx(truth["B"] - truth["A"])
    with pytest.raises(AnalysisError, match="needs by="):
        simulate_coding(table, codes, n=60, frames="aid", differences=True, replicates=1, progress=False)
