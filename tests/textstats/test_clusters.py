"""Tests for analysis.textstats.clusters: planted n-grams around a node."""

import pandas as pd
import pytest

import analysis
from analysis import AnalysisError, clusters

SENTS = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0],
                      "text": ["Thousands of migrants arrived.", "Thousands of migrants, again.",
                               "Migrants and migrants arrived."]})


def table_of(table):
    return {(c, n): (k, d) for c, n, k, d in table[["cluster", "n", "count", "docs"]].itertuples(index=False)}


def test_planted_clusters_with_counts_and_documents():
    got = table_of(clusters(SENTS, "migrants", size=(2, 3), min_count=1))
    assert got[("of migrants", 2)] == (2, 1)              # twice, both in document a
    assert got[("migrants arrived", 2)] == (2, 2)         # a and b
    assert got[("thousands of migrants", 3)] == (2, 1)
    assert ("migrants again", 2) not in got               # the comma ends the run
    # "migrants and migrants" holds the node twice and counts once
    assert got[("migrants and migrants", 3)] == (1, 1)
    assert got[("migrants and", 2)] == (1, 1) and got[("and migrants", 2)] == (1, 1)


def test_sorted_by_count_then_length_and_min_count():
    table = clusters(SENTS, "migrants", size=(2, 3))
    assert table["count"].min() >= 2
    assert table[["cluster", "count"]].values.tolist() == [["migrants arrived", 2], ["of migrants", 2],
                                                          ["thousands of migrants", 2]]


def test_multi_word_nodes_must_fit_whole(corpus):
    table = clusters(corpus, "illegal immigrants", size=(2, 3), min_count=1)
    assert set(table["n"]) == {2, 3}
    assert all("illegal immigrants" in c for c in table["cluster"])
    assert table.iloc[0]["cluster"] == "illegal immigrants"


def test_bad_input():
    with pytest.raises(AnalysisError, match="size="):
        clusters(SENTS, "migrants", size=(3, 2))
    with pytest.raises(AnalysisError, match="min_count="):
        clusters(SENTS, "migrants", min_count=0)
    with pytest.warns(UserWarning, match="never occur"):
        empty = clusters(SENTS, "zeppelin")
    assert empty.empty and list(empty.columns) == ["node", "cluster", "n", "count", "docs"]
    assert empty["count"].dtype == "int64"


def test_token_tables_give_the_same_clusters(sents):
    pd.testing.assert_frame_equal(clusters(analysis.tokens(sents), "migrant*"), clusters(sents, "migrant*"))


def test_a_table_emptied_by_min_count_says_so():
    table = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Illegal migrants came.", "Many migrants left."]})
    with pytest.warns(UserWarning, match=r"min_count=3 removed all 4 clusters \(the highest count is 1\).*min_count=1"):
        assert clusters(table, "migrants", size=2, min_count=3).empty
    assert clusters(table, "migrants", size=2, min_count=1)["cluster"].tolist() == [
        "illegal migrants", "many migrants", "migrants came", "migrants left"]
