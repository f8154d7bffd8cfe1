"""Tests for analysis.textstats.keyness: 2x2 tables worked by hand, symmetry, a
cross-check against scipy on the seeds, n-grams, stop words and bad input."""

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, power_divergence
from scipy.stats.contingency import expected_freq

import analysis
from analysis import AnalysisError, TableError, keyness


def docs(*texts, prefix="d"):
    return pd.DataFrame({"doc_id": [f"{prefix}{i}" for i in range(len(texts))], "text": list(texts)})


def row(table, term):
    found = table[table["term"] == term]
    assert len(found) == 1, f"{term!r} not in the table"
    return found.iloc[0]


def test_g2_log_ratio_and_p_worked_by_hand():
    # target: 10 words, "migrants" 4 times; reference: 40 words, "migrants" twice
    target = docs("migrants migrants migrants migrants w1 w2 w3 w4 w5 w6", prefix="t")
    reference = docs("migrants migrants " + " ".join(f"r{i}" for i in range(38)), prefix="r")
    got = row(keyness(target, reference, min_count=1), "migrants")
    # the 2x2 table [[4, 10 - 4], [2, 40 - 2]], N = 50, column totals 6 and 44
    e11, e12, e21, e22 = 10 * 6 / 50, 10 * 44 / 50, 40 * 6 / 50, 40 * 44 / 50      # 1.2, 8.8, 4.8, 35.2
    g2 = 2 * (4 * math.log(4 / e11) + 6 * math.log(6 / e12) + 2 * math.log(2 / e21) + 38 * math.log(38 / e22))
    assert g2 == pytest.approx(7.3510, abs=1e-4)
    assert got["g2"] == pytest.approx(g2, rel=1e-12)
    assert got["log_ratio"] == pytest.approx(math.log2((4 / 10) / (2 / 40)))        # log2(8) = 3
    assert got["log_ratio"] == pytest.approx(3.0)
    assert got["p_value"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)))            # chi2, 1 df
    assert got["per_million_target"] == pytest.approx(4 / 10 * 1e6)
    assert got["per_million_reference"] == pytest.approx(2 / 40 * 1e6)
    assert (got["count_target"], got["count_reference"]) == (4, 2)


def test_the_two_cell_g2_of_rayson_and_garside_worked_by_hand():
    """UCREL's calculator: G2 = 2 * (a ln(a / E1) + b ln(b / E2)), E1 = c (a + b) / (c + d), E2 = d (a + b) / (c + d)."""
    target = docs("migrants migrants migrants migrants w1 w2 w3 w4 w5 w6", prefix="t")           # a = 4 of c = 10
    reference = docs("migrants migrants " + " ".join(f"r{i}" for i in range(38)), prefix="r")     # b = 2 of d = 40
    table = keyness(target, reference, min_count=1, g2_form="two-cell")
    e1, e2 = 10 * 6 / 50, 40 * 6 / 50                                                           # 1.2 and 4.8
    g2 = 2 * (4 * math.log(4 / e1) + 2 * math.log(2 / e2))
    assert g2 == pytest.approx(6.1299, abs=1e-4)
    got = row(table, "migrants")
    assert got["g2"] == pytest.approx(g2, rel=1e-12) and got["p_value"] == pytest.approx(math.erfc(math.sqrt(g2 / 2)))
    assert table.attrs["g2_form"] == "two-cell" and keyness(target, reference, min_count=1).attrs["g2_form"] == "four-cell"
    # under-used in the target: negative, as in the four-cell form; a word in one corpus only: 0 ln 0 = 0
    w1 = row(table, "w1")                                                   # 1 of 10 against 0 of 40: E1 = 0.2
    assert w1["g2"] == pytest.approx(2 * 1 * math.log(1 / 0.2))
    r0 = row(table, "r0")                                                   # 0 of 10 against 1 of 40: E2 = 0.8
    assert r0["g2"] == pytest.approx(-2 * 1 * math.log(1 / 0.8))


def test_the_two_cell_g2_is_the_four_cell_g2_without_the_other_words_cells(corpus):
    mask = corpus.doc_id.str.startswith("003")
    four, two = (keyness(corpus, by=mask, min_count=2, g2_form=form).set_index("term") for form in ("four-cell", "two-cell"))
    two = two.loc[four.index]
    c, d = four.attrs["size_target"], four.attrs["size_reference"]
    a, b = four["count_target"].to_numpy(float), four["count_reference"].to_numpy(float)
    n = c + d
    other = [(c - a, c * (n - a - b) / n), (d - b, d * (n - a - b) / n)]        # the cells of the other words
    rest = 2 * sum(o * np.log(o / e) for o, e in other)
    np.testing.assert_allclose(np.abs(four["g2"]) - np.abs(two["g2"]), rest, rtol=1e-7, atol=1e-9)
    assert (np.sign(four["g2"]) == np.sign(two["g2"])).all() and (np.abs(two["g2"]) <= np.abs(four["g2"]) + 1e-9).all()
    with pytest.raises(AnalysisError, match=r"keyness\(\): g2_form= must be one of 'four-cell', 'two-cell'; got "
                                            r"'2-term'"):
        keyness(corpus, by=mask, g2_form="2-term")


def test_zero_cell_g2_takes_0_log_0_as_0_and_log_ratio_replaces_0_by_0_5():
    target = docs("bashagha bashagha bashagha a1 a2 a3 a4 a5 a6 a7", prefix="t")    # 10 words
    reference = docs(" ".join(f"r{i}" for i in range(20)), prefix="r")              # 20 words, no bashagha
    table = keyness(target, reference, min_count=1)
    got = row(table, "bashagha")
    # [[3, 7], [0, 20]], N = 30: E = 1, 9, 2, 18; the empty cell adds 0
    g2 = 2 * (3 * math.log(3 / 1) + 7 * math.log(7 / 9) + 0 + 20 * math.log(20 / 18))
    assert got["g2"] == pytest.approx(g2)
    assert got["log_ratio"] == pytest.approx(math.log2((3 / 10) / (0.5 / 20)))      # log2(12)
    under = row(table, "r0")                                                         # 0 in target, 1 of 20
    assert under["log_ratio"] == pytest.approx(math.log2((0.5 / 10) / (1 / 20)))    # 0.0: the 0.5 is a floor
    assert under["g2"] < 0
    assert not table.isna().any().any()


def test_identical_corpora_give_g2_0_and_nothing_significant():
    text = "Libya said the migrants would be returned to Libya by sea."
    table = keyness(docs(text, prefix="t"), docs(text, prefix="r"), min_count=1)
    assert (table["g2"] == 0).all() and (table["log_ratio"] == 0).all()
    assert np.allclose(table["p_value"], 1.0) and not table["significant"].any()


def test_swapping_target_and_reference_flips_the_signs(corpus):
    a, b = corpus.iloc[:2], corpus.iloc[2:]
    ab = keyness(a, b, min_count=1).set_index("term")
    ba = keyness(b, a, min_count=1).set_index("term").loc[ab.index]
    assert len(ab) > 500
    np.testing.assert_allclose(ab["g2"], -ba["g2"], atol=1e-9)
    np.testing.assert_allclose(ab["log_ratio"], -ba["log_ratio"], atol=1e-12)
    assert (ab["count_target"] == ba["count_reference"]).all()
    np.testing.assert_allclose(ab["p_value"], ba["p_value"])


def test_g2_matches_scipy_power_divergence_on_the_seeds(corpus):
    table = keyness(corpus, by=corpus["doc_id"].str.startswith("003"), min_count=1)
    c, d = table.attrs["size_target"], table.attrs["size_reference"]
    assert c == sum(len(analysis.words(t)) for t in corpus["text"][corpus["doc_id"].str.startswith("003")])
    for r in table.itertuples():
        observed = np.array([[r.count_target, c - r.count_target], [r.count_reference, d - r.count_reference]])
        expected = expected_freq(observed)
        stat = power_divergence(observed, expected, lambda_="log-likelihood", axis=None).statistic
        assert abs(r.g2) == pytest.approx(stat, rel=1e-9, abs=1e-9), r.term
        assert np.sign(r.g2) == np.sign(r.count_target / c - r.count_reference / d)


def test_the_threshold_is_corrected_for_the_number_of_terms_tested(corpus):
    mask = corpus["doc_id"].str.startswith("003")
    bonferroni = keyness(corpus, by=mask, min_count=2)
    m = len(bonferroni)
    assert bonferroni.attrs["tests"] == m
    assert bonferroni.attrs["threshold"] == pytest.approx(0.05 / m)
    assert chi2.sf(bonferroni.attrs["g2_critical"], 1) == pytest.approx(0.05 / m)
    assert (bonferroni["significant"] == (bonferroni["p_value"] < 0.05 / m)).all()
    sidak = keyness(corpus, by=mask, min_count=2, correction="sidak")
    assert sidak.attrs["threshold"] == pytest.approx(1 - 0.95 ** (1 / m))
    none = keyness(corpus, by=mask, min_count=2, correction=None)
    assert none["significant"].sum() > bonferroni["significant"].sum() >= 1


def test_by_equals_an_explicit_split_and_sorting_is_by_g2(corpus):
    mask = corpus["doc_id"].str.startswith("003")
    by = keyness(corpus, by=mask)
    pd.testing.assert_frame_equal(by, keyness(corpus[mask], corpus[~mask]))
    assert by["g2"].is_monotonic_decreasing
    assert by.iloc[0]["g2"] > 0 > by.iloc[-1]["g2"]


def test_corpus_sentence_and_token_tables_give_the_same_table(corpus, sents):
    a, b = corpus.iloc[:2], corpus.iloc[2:]
    from_corpus = keyness(a, b, min_count=2)
    sa, sb = sents[sents["doc_id"].isin(a["doc_id"])], sents[sents["doc_id"].isin(b["doc_id"])]
    pd.testing.assert_frame_equal(from_corpus, keyness(sa, sb, min_count=2))
    pd.testing.assert_frame_equal(from_corpus, keyness(analysis.tokens(sa), analysis.tokens(sb), min_count=2))


def test_ngrams_never_cross_punctuation_and_have_their_own_sizes():
    target = docs("Illegal immigrants arrived. Illegal immigrants left.", prefix="t")
    reference = docs("Immigrants, illegal acts.", prefix="r")
    table = keyness(target, reference, ngrams=2, min_count=1)
    # target bigrams: illegal immigrants x2, immigrants arrived, immigrants left; the reference's
    # "immigrants , illegal" is broken by the comma: only "illegal acts"
    assert table.attrs["size_target"] == 4 and table.attrs["size_reference"] == 1
    assert sorted(table["term"]) == ["illegal acts", "illegal immigrants", "immigrants arrived", "immigrants left"]
    assert row(table, "illegal immigrants")["count_target"] == 2
    both = keyness(target, reference, ngrams=(1, 2), min_count=1)
    assert both.attrs["size_target"] == {1: 6, 2: 4}
    assert set(both["n"]) == {1, 2}


def test_stop_words_are_not_tested_but_still_count_in_the_sizes():
    target = docs("The head of state met the migrants of the camp.", prefix="t")
    reference = docs("A state and a camp.", prefix="r")
    plain = keyness(target, reference, ngrams=(1, 3), min_count=1)
    stop = keyness(target, reference, ngrams=(1, 3), min_count=1, stopwords=analysis.load_stopwords())
    assert plain.attrs["size_target"] == stop.attrs["size_target"]
    assert "the" in set(plain["term"]) and "the" not in set(stop["term"])
    assert "head of state" in set(stop["term"])                   # a stop word inside is fine
    assert "the head" not in set(stop["term"]) and "migrants of" not in set(stop["term"])
    assert stop.attrs["tests"] == len(stop) < len(plain)
    common = plain.merge(stop, on="term", suffixes=("", "_stop"))
    np.testing.assert_allclose(common["g2"], common["g2_stop"])


def test_case_and_stems():
    target, reference = docs("Migrants rescued; migrants rescues.", prefix="t"), docs("aid", prefix="r")
    assert row(keyness(target, reference, min_count=1), "migrants")["count_target"] == 2
    assert "Migrants" in set(keyness(target, reference, min_count=1, lowercase=False)["term"])
    assert row(keyness(target, reference, min_count=1, unit="stem"), "rescu")["count_target"] == 2


def test_empty_target_or_reference_is_an_error(corpus):
    with pytest.raises(TableError, match="target has no words"):
        keyness(corpus.iloc[:0], corpus)
    with pytest.raises(TableError, match="reference has no words"):
        keyness(corpus, docs("... !", prefix="x"))
    with pytest.raises(TableError, match="check the by= mask"):
        keyness(corpus, by=np.zeros(len(corpus), dtype=bool))


def test_a_reference_that_contains_the_target_is_an_error(corpus, sents):
    with pytest.raises(TableError, match="reference contains the target"):
        keyness(corpus.iloc[:1], corpus)
    with pytest.raises(TableError, match="reference contains the target"):
        keyness(sents.iloc[:3], corpus)                            # sentences of a document in the reference
    tokens = analysis.tokens(sents)
    with pytest.raises(TableError, match="reference contains the target"):
        keyness(tokens.iloc[:50], tokens)
    # other sentences of the same documents are fine
    keyness(sents.iloc[:10], sents.iloc[10:], min_count=1)


def test_bad_options_are_errors(corpus):
    with pytest.raises(AnalysisError, match="needs a reference"):
        keyness(corpus)
    with pytest.raises(AnalysisError, match="either a reference or by="):
        keyness(corpus, corpus, by=corpus["doc_id"] == "x")
    with pytest.raises(AnalysisError, match="True/False"):
        keyness(corpus, by=[True, False])
    with pytest.raises(AnalysisError, match="unit='stem'"):
        keyness(corpus.iloc[:2], corpus.iloc[2:], unit="lemma")
    with pytest.raises(AnalysisError, match="ngrams="):
        keyness(corpus.iloc[:2], corpus.iloc[2:], ngrams=(3, 1))
    with pytest.raises(AnalysisError, match="correction="):
        keyness(corpus.iloc[:2], corpus.iloc[2:], correction="holm")
    with pytest.raises(AnalysisError, match="stopwords="):
        keyness(corpus.iloc[:2], corpus.iloc[2:], stopwords="the")


def test_no_term_left_gives_an_empty_typed_table_with_a_warning():
    with pytest.warns(UserWarning) as caught:
        table = keyness(docs("aid arrived", prefix="t"), docs("aid left", prefix="r"), min_count=50)
    # aid (2), arrived (1), left (1): three terms, the highest count 2
    assert [str(w.message) for w in caught] == [
        "keyness(): min_count=50 removed all 3 terms that are not stop words (the highest count, target and "
        "reference together, is 2); the table is empty. Lower min_count (e.g. min_count=2)."]
    assert table.empty
    assert list(table.columns) == ["term", "count_target", "count_reference", "per_million_target",
                                   "per_million_reference", "g2", "log_ratio", "p_value", "significant"]
    assert table["count_target"].dtype == "int64" and table["g2"].dtype == float
    assert table["significant"].dtype == bool


def test_the_default_min_count_on_a_small_corpus_says_how_far_to_lower_it():
    target = docs("Costs of emissions rose.", "Scientists warn of emissions.", prefix="t")
    reference = docs("Scientists counted costs.", "The costs fell.", prefix="r")
    stop = {"of", "the"}
    with pytest.warns(UserWarning, match=r"min_count=5 removed all 7 terms .* is 3\); .* \(e\.g\. min_count=3\)"):
        assert keyness(target, reference, stopwords=stop).empty
    assert keyness(target, reference, stopwords=stop, min_count=3)["term"].tolist() == ["costs"]
    with pytest.warns(UserWarning, match="every term is a stop word; the table is empty"):
        assert keyness(docs("of the", prefix="t"), docs("the of", prefix="r"), stopwords=stop, min_count=1).empty


def test_no_warning_on_ordinary_input(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        keyness(corpus.iloc[:2], corpus.iloc[2:])


def test_keyness_and_dispersion_check_their_options_as_clusters_does():
    corpus = analysis.load_corpus()
    with pytest.raises(AnalysisError, match=r"keyness\(\): ngrams= must be a length \(3\) or a range \(2, 5\), not \(1, 2, 3\)"):
        analysis.keyness(corpus, by=corpus.doc_id.str.startswith("003"), ngrams=(1, 2, 3))
    for bad in (0, "x"):
        with pytest.raises(AnalysisError, match=rf"dispersion\(\): min_count= must be a whole number >= 1; got {bad!r}\."):
            analysis.dispersion(corpus, ["libya"], min_count=bad)
