"""Tests for analysis.textstats.dispersion: range, Juilland's D and Gries's DP worked
by hand, their extremes, multi-word terms, parts other than documents, bad input."""

import math

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import AnalysisError, dispersion

# a: 4 words, b: 3, c: 3 (S = 10)
DOCS = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["aid aid aid aid", "aid and more", "more and more"]})


def test_range_d_and_dp_worked_by_hand():
    got = dispersion(DOCS, ["aid"]).iloc[0]
    # aid: 4, 1, 0 times in parts of 4, 3, 3 words
    rates = [4 / 4, 1 / 3, 0 / 3]
    mean = sum(rates) / 3
    sd = math.sqrt(sum((r - mean) ** 2 for r in rates) / 3)           # population SD
    assert got["juilland_d"] == pytest.approx(1 - (sd / mean) / math.sqrt(3 - 1))   # 0.33856
    assert got["juilland_d"] == pytest.approx(0.33856, abs=1e-5)
    # DP: |4/5 - 4/10| + |1/5 - 3/10| + |0 - 3/10| = 0.4 + 0.1 + 0.3, halved
    assert got["dp"] == pytest.approx(0.5 * (0.4 + 0.1 + 0.3))
    assert got["dp_norm"] == pytest.approx(0.4 / (1 - 3 / 10))
    assert (got["count"], got["range"], got["parts"]) == (5, 2, 3)


def test_even_and_one_part_extremes():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "text": ["x y", "x z", "x w", "v only"]})
    table = dispersion(docs, ["x", "only"]).set_index("term")
    # x: once in each of three 2-word parts and not in the fourth
    assert table.loc["x", "range"] == 3
    # only: all in part d, 2 of 8 words: D = 0, DP = 1 - 2/8, and DP_norm = 1 (d is a smallest part)
    assert table.loc["only", "juilland_d"] == pytest.approx(0.0)
    assert table.loc["only", "dp"] == pytest.approx(1 - 2 / 8)
    assert table.loc["only", "dp_norm"] == pytest.approx(1.0)
    even = dispersion(pd.DataFrame({"doc_id": list("abc"), "text": ["x y"] * 3}), ["x"]).iloc[0]
    assert even["juilland_d"] == pytest.approx(1.0) and even["dp"] == pytest.approx(0.0, abs=1e-12)


def test_multi_word_terms_are_counted_as_ngrams():
    docs = pd.DataFrame({"doc_id": ["a", "b"],
                         "text": ["Illegal immigrants arrived.", "Immigrants, illegal immigrants."]})
    got = dispersion(docs, ["illegal  immigrants"]).iloc[0]
    # bigrams per part: a has 2, b has 1 ("immigrants , illegal" is broken by the comma)
    assert (got["term"], got["count"], got["range"]) == ("illegal immigrants", 2, 2)
    assert got["dp"] == pytest.approx(0.5 * (abs(1 / 2 - 2 / 3) + abs(1 / 2 - 1 / 3)))


def test_all_terms_by_count_and_other_parts(corpus):
    table = dispersion(corpus, min_count=5)
    assert table["count"].min() >= 5 and table["count"].is_monotonic_decreasing
    assert table.iloc[0]["term"] == "the" and (table["range"] <= 5).all()
    assert table["juilland_d"].between(0, 1).all() and table["dp"].between(0, 1).all()
    two = corpus.assign(half=["x", "x", "y", "y", "y"])
    assert set(dispersion(two, ["libya"], by="half")["parts"]) == {2}


def test_a_keyword_carried_by_one_article_shows(corpus):
    target = corpus.iloc[:2]
    keys = analysis.keyness(target, corpus.iloc[2:], min_count=3, stopwords=analysis.load_stopwords())
    spread = dispersion(target, keys["term"].head(10))
    assert list(spread["term"]) == keys["term"].head(10).tolist()
    sizes = [len(analysis.words(t)) for t in target["text"]]
    one = spread[spread["range"] == 1]
    assert len(one) >= 1                                   # a top keyword of the pair that only one article uses
    for r in one.itertuples():
        article = next(i for i, t in enumerate(target["text"]) if r.term in analysis.words(t))
        assert r.juilland_d == pytest.approx(0.0)
        assert r.dp == pytest.approx(1 - sizes[article] / sum(sizes))


def test_absent_terms_get_nan_with_a_warning_and_one_part_is_an_error(corpus):
    with pytest.warns(UserWarning, match=r"never occur \(\['zeppelin'\]\)"):
        table = dispersion(corpus, ["libya", "zeppelin"])
    assert table.iloc[1][["count", "range"]].tolist() == [0, 0] and np.isnan(table.iloc[1]["dp"])
    with pytest.raises(AnalysisError, match="two or more"):
        dispersion(corpus.iloc[:1])
    with pytest.raises(AnalysisError, match="by='outlet_name'"):
        dispersion(corpus, by="outlet_name")
    with pytest.raises(AnalysisError, match="non-empty strings"):
        dispersion(corpus, ["libya", ""])


def test_a_glob_is_refused_saying_where_globs_go():
    with pytest.raises(AnalysisError) as err:
        dispersion(DOCS, ["aid", "mor*", "a?d"])
    assert str(err.value) == (
        "dispersion(): terms are words or n-grams as keyness() writes them, not globs: ['mor*', 'a?d'] (kwic() and "
        "collocates() take globs). Name the words instead: dispersion(table) without terms gives every word, to "
        "choose them from.")


def test_a_min_count_that_leaves_no_word_says_so():
    with pytest.warns(UserWarning) as caught:
        table = dispersion(DOCS, min_count=6)
    # aid 5, more 3, and 2
    assert table.empty and list(table.columns)[:2] == ["term", "count"]
    assert [str(w.message) for w in caught] == [
        "dispersion(): min_count=6 removed all 3 words (the highest count is 5); the table is empty. Lower "
        "min_count (e.g. min_count=5)."]
