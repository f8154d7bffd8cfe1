"""Tests for analysis.measures.profiles: article profiles and group means with
bootstrap intervals, known answers."""

import numpy as np
import pandas as pd
import pytest

from analysis.measures.profiles import article_profiles, bootstrap_means


def test_bootstrap_means_known_answer_and_reproducible():
    table = pd.DataFrame({"outlet": ["A"] * 4 + ["B"] * 3, "x": [1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 2.0]})
    result = bootstrap_means(table, "outlet", ["x"], n_boot=2000, random_state=0)
    a = result.set_index("outlet").loc["A"]
    assert (a["mean"], a["ci_low"], a["ci_high"], a["n_docs"]) == (1.0, 1.0, 1.0, 4)
    b = result.set_index("outlet").loc["B"]
    assert b["mean"] == 1.0 and 0.0 <= b["ci_low"] < 1.0 < b["ci_high"] <= 2.0
    assert result.equals(bootstrap_means(table, "outlet", ["x"], n_boot=2000, random_state=0))
    # the percentile interval of the mean of (0, 1, 2): replicate means are multiples of 1/3
    assert np.isclose(b["ci_low"] * 3, round(b["ci_low"] * 3))


def test_article_profiles_known_answer():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"]})
    sents = pd.DataFrame({"doc_id": ["a", "a", "a", "a", "b", "c"], "sent_id": [0, 1, 2, 3, 0, 0],
                          "text": ["t"] * 6, "aid": [2, 0, 1, 0, 0, 0], "law": [0, 0, 0, 1, 1, 0],
                          "naming": [""] * 6, "n_attributions": [1, 0, 0, 1, 0, 0]})
    attrs = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 3], "kind": ["causal", "treatment"],
                          "polarity": ["assign", "deny"]})
    table = article_profiles(sents, attrs, corpus, codebook={"aid": ["aid"], "law": ["law"]})
    assert list(table.columns) == ["doc_id", "outlet", "sentences", "aid", "law", "causal", "treatment"]
    assert table.values.tolist() == [["a", "X", 4, 0.5, 0.25, 1, 0], ["b", "X", 1, 0.0, 1.0, 0, 0],
                                     ["c", "Y", 1, 0.0, 0.0, 0, 0]]


def test_an_article_without_sentences_has_none_and_no_share():
    corpus = pd.DataFrame({"doc_id": ["a", "empty"], "outlet": ["X", "Y"]})
    sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["t"], "aid": [1]})
    attrs = pd.DataFrame({"doc_id": pd.Series([], dtype=str), "kind": [], "polarity": []})
    table = article_profiles(sents, attrs, corpus, codebook={"aid": ["aid"]}).set_index("doc_id")
    assert table.loc["empty", "sentences"] == 0 and np.isnan(table.loc["empty", "aid"])
    assert table.loc["a", ["sentences", "aid"]].tolist() == [1, 1.0]


def test_a_corpus_with_a_repeated_id_is_refused():
    corpus = pd.DataFrame({"doc_id": ["a", "a"], "outlet": ["X", "Y"]})
    sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["t"], "aid": [1]})
    attrs = pd.DataFrame({"doc_id": pd.Series([], dtype=str), "kind": [], "polarity": []})
    with pytest.raises(ValueError, match=r"article_profiles\(\): doc_id 'a' is in rows 0 and 1"):
        article_profiles(sents, attrs, corpus, codebook={"aid": ["aid"]})
