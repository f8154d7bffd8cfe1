"""Tests for analysis.textstats.collocates: planted windows whose counts are known
(sentence edges, repeated nodes, crossing sentences), every measure worked by
hand, and a direct computation on the seeds."""

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from scipy.stats import power_divergence
from scipy.stats.contingency import expected_freq

import analysis
from analysis import AnalysisError, TableError, collocates

# One document, four sentences, 16 words:
#   a b NODE c d e . | NODE x y . | p q r NODE . | NODE NODE z .
PLANTED = pd.DataFrame({"doc_id": ["d"] * 4, "sent_id": [0, 1, 2, 3], "par_id": [0, 0, 1, 1],
                        "text": ["a b node c d e.", "node x y.", "p q r node.", "node node z."]})


def counts(table):
    return {t: (c, l, r) for t, c, l, r in table[["term", "count", "left", "right"]].itertuples(index=False)}


def test_planted_window_counts_within_sentences():
    table = collocates(PLANTED, "node", window=(2, 2), min_count=1)
    # sentence 0: a b | c d.  sentence 1: nothing left (sentence start) | x y.
    # sentence 2: q r | nothing right (sentence end).  sentence 3, first node: | node z; second node: node | z
    # e and p are 3 words away; y is the last word of its window
    assert counts(table) == {"a": (1, 1, 0), "b": (1, 1, 0), "c": (1, 0, 1), "d": (1, 0, 1), "x": (1, 0, 1),
                             "y": (1, 0, 1), "q": (1, 1, 0), "r": (1, 1, 0), "node": (2, 1, 1), "z": (2, 0, 2)}
    assert set(table["node_count"]) == {5}
    # window positions: 4 + 2 + 2 + 2 + 2
    assert table.attrs["span"] == {"node": 12} and table.attrs["size"] == 16


def test_windows_cross_sentences_only_when_asked():
    table = collocates(PLANTED, "node", window=(2, 2), within="document", min_count=1)
    # a b NODE c d e NODE x y p q r NODE NODE NODE z  (positions 0..15)
    got = counts(table)
    assert got["d"] == (2, 1, 1)             # right of the first node, left of the second
    assert got["e"] == (1, 1, 0) and got["y"] == (1, 0, 1)
    assert "p" not in got                    # three words from the nearest node on either side
    assert got["node"] == (6, 3, 3)          # three adjacent nodes see each other
    assert table.attrs["span"] == {"node": 4 + 4 + 4 + 4 + 3}   # the last node has only z on its right
    # with 3 words a side, p is right of the second node (across a paragraph end) and left of the third
    wide = {within: counts(collocates(PLANTED, "node", window=(3, 3), within=within, min_count=1))["p"]
            for within in ("document", "paragraph", "sentence")}
    assert wide == {"document": (2, 1, 1), "paragraph": (1, 1, 0), "sentence": (1, 1, 0)}


def test_every_measure_worked_by_hand():
    table = collocates(PLANTED, "node", window=(2, 2), min_count=1).set_index("term")
    # "a": O11 = 1 of R1 = 12 window positions; f(a) = 1; N = 16 words, plus 1 for the position z
    # that two windows share (so z counts twice in N and in f(z))
    n, r1 = 16 + 1, 12
    e = r1 * 1 / n                                                          # 0.70588
    a = table.loc["a"]
    assert a["expected"] == pytest.approx(e)
    assert a["mi"] == pytest.approx(math.log2(1 / e))                       # 0.50250
    assert a["mi3"] == pytest.approx(math.log2(1 ** 3 / e))
    assert a["t_score"] == pytest.approx((1 - e) / math.sqrt(1))            # 0.29412
    assert a["log_dice"] == pytest.approx(14 + math.log2(2 * 1 / (5 + 1)))  # 12.41504
    # table [[1, 11], [0, 5]]: E = 0.70588, 11.29412, 0.29412, 4.70588
    g2 = 2 * (1 * math.log(1 / e) + 11 * math.log(11 / (12 * 16 / n)) + 0 + 5 * math.log(5 / (5 * 16 / n)))
    assert a["g2"] == pytest.approx(g2)
    z = table.loc["z"]
    ez = r1 * 2 / n                                                         # f(z) = 1 + 1 repeat
    assert (z["count"], z["term_count"], z["expected"]) == (2, 1, pytest.approx(ez))
    assert z["mi3"] == pytest.approx(math.log2(2 ** 3 / ez))
    assert z["log_dice"] == pytest.approx(14 + math.log2(2 * 2 / (5 + 1)))
    observed = np.array([[2, r1 - 2], [0, n - r1]])
    assert z["g2"] == pytest.approx(power_divergence(observed, expected_freq(observed), lambda_="log-likelihood",
                                                     axis=None).statistic)
    node = table.loc["node"]                                                # 2 of 5 node tokens are in windows
    assert node["expected"] == pytest.approx(r1 * 5 / n) and node["g2"] < 0  # fewer than expected: negative


def test_one_sided_windows_and_bad_windows():
    right = counts(collocates(PLANTED, "node", window=(0, 1), min_count=1))
    assert right == {"c": (1, 0, 1), "x": (1, 0, 1), "node": (1, 0, 1), "z": (1, 0, 1)}
    assert counts(collocates(PLANTED, "node", window=1, min_count=1))["r"] == (1, 1, 0)
    for bad in [(-1, 2), (0, 0), (1.5, 2), "5", (1, 2, 3)]:
        with pytest.raises(AnalysisError, match="window="):
            collocates(PLANTED, "node", window=bad)


def test_multi_word_glob_and_several_nodes_in_one_pass():
    s = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0],
                      "text": ["Illegal immigrants arrived by boat.", "An illegal immigrant drowned.",
                               "Migrants arrived by boat."]})
    table = collocates(s, "illegal immigrant*", window=(1, 1), min_count=1)
    assert counts(table) == {"arrived": (1, 0, 1), "an": (1, 1, 0), "drowned": (1, 0, 1)}   # node words excluded
    assert set(table["node_count"]) == {2}
    several = collocates(s, ["illegal immigrant*", "migrants", "boat"], window=(1, 1), min_count=1)
    assert list(dict.fromkeys(several["node"])) == ["illegal immigrant*", "migrants", "boat"]
    for node in ["migrants", "boat"]:
        alone = collocates(s, node, window=(1, 1), min_count=1)
        pd.testing.assert_frame_equal(several[several["node"] == node].reset_index(drop=True), alone)


def test_naming_labels_of_the_codebook_as_nodes(sents):
    with pytest.warns(UserWarning) as caught:
        table = collocates(sents, analysis.load_codebook().naming_lexicon, min_count=2)
    never, rare = (str(w.message) for w in caught)
    assert "asylum_seekers" in never                                    # labels the seeds never use
    assert "min_count=2 removed all 21 collocates of node(s) ['migrants_and_refugees', 'irregular_migration']" in rare
    assert {"illegal_immigrants", "migrants"} <= set(table["node"])
    assert "libya" in set(table.loc[table["node"] == "illegal_immigrants", "term"])


def test_mi_on_the_seeds_matches_a_direct_count(sents):
    table = collocates(sents, "migrants", window=(3, 3), min_count=1).set_index("term")
    # a direct computation from analysis.words, sentence by sentence
    pairs, n_words, span, freq, cover = Counter(), 0, 0, Counter(), Counter()
    for i, text in enumerate(sents["text"]):
        words = analysis.words(text)
        freq.update(words)
        for j, w in enumerate(words):
            if w != "migrants":
                continue
            window = list(range(max(0, j - 3), j)) + list(range(j + 1, min(len(words), j + 4)))
            span += len(window)
            pairs.update(words[k] for k in window)
            cover.update((i, k) for k in window)
        n_words += len(words)
    repeats = {key: times - 1 for key, times in cover.items() if times > 1}
    assert table.attrs["span"]["migrants"] == span and table.attrs["size"] == n_words
    assert len(table) == len(pairs) > 40
    for term, o11 in pairs.items():
        extra = sum(r for (i, k), r in repeats.items() if analysis.words(sents["text"].iloc[i])[k] == term)
        expected = span * (freq[term] + extra) / (n_words + sum(repeats.values()))
        assert table.loc[term, "count"] == o11
        assert table.loc[term, "mi"] == pytest.approx(math.log2(o11 / expected)), term


def test_stop_words_leave_the_other_rows_unchanged(sents):
    plain = collocates(sents, "migrants", min_count=1)
    stop = collocates(sents, "migrants", min_count=1, stopwords=analysis.load_stopwords())
    assert "the" in set(plain["term"]) and "the" not in set(stop["term"])
    pd.testing.assert_frame_equal(stop, plain[plain["term"].isin(stop["term"])].reset_index(drop=True))


def test_corpus_sentences_and_tokens_give_the_same_table(corpus, sents):
    from_sents = collocates(sents, ["migrants", "illegal"], min_count=1)
    pd.testing.assert_frame_equal(collocates(corpus, ["migrants", "illegal"], min_count=1), from_sents)
    pd.testing.assert_frame_equal(collocates(analysis.tokens(sents), ["migrants", "illegal"], min_count=1),
                                  from_sents)


def test_sorting_and_min_count(sents):
    table = collocates(sents, "migrants", sort_by="t_score")
    assert table["t_score"].is_monotonic_decreasing and table["count"].min() >= 3
    with pytest.raises(AnalysisError, match="sort_by="):
        collocates(sents, "migrants", sort_by="dice")
    with pytest.raises(AnalysisError, match="min_count="):
        collocates(sents, "migrants", min_count=0)


def test_a_node_that_never_occurs_gives_an_empty_typed_table_with_a_warning(sents):
    with pytest.warns(UserWarning, match=r"\['zeppelin'\] never occur .*use a glob \('report\*' for report, "
                                         r"reports, reported\)"):
        table = collocates(sents, "zeppelin")
    assert table.empty and list(table.columns)[:3] == ["node", "term", "count"]
    assert table["count"].dtype == "int64" and table["mi"].dtype == float
    with pytest.warns(UserWarning, match="zeppelin"):
        some = collocates(sents, ["zeppelin", "migrants"])
    assert set(some["node"]) == {"migrants"}


def test_nodes_whose_collocates_min_count_removes_all_say_how_far_to_lower_it():
    sents = analysis.sentences(pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "Emissions rose. Costs rose sharply.", "Scientists said emissions fell. Emissions rose."]}))
    with pytest.warns(UserWarning) as caught:
        table = collocates(sents, ["emission*", "cost*", "scientist*"])
    # emission*: rose 2, fell 1, scientists 1, said 1; cost*: rose 1, sharply 1; scientist*: said, emissions, fell
    assert table.empty and [str(w.message) for w in caught] == [
        "collocates(): min_count=3 removed all 9 collocates of node(s) ['emission*', 'cost*', 'scientist*'] (the "
        "highest co-occurrence count is 2); they have no rows. Lower min_count (e.g. min_count=2)."]
    with pytest.warns(UserWarning, match=r"removed all 5 collocates of node\(s\) \['cost\*', 'scientist\*'\]"):
        kept = collocates(sents, ["emission*", "cost*", "scientist*"], min_count=2)
    assert kept[["node", "term", "count"]].values.tolist() == [["emission*", "rose", 2]]


def test_nodes_with_only_stop_words_around_them_say_so():
    sents = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "text": ["Costs.", "The costs of it rose."]})
    with pytest.warns(UserWarning, match=r"node\(s\) \['cost\*'\] occur, but their windows hold no word other "
                                         r"than stop words; they have no rows\. Widen window= or within=\."):
        assert collocates(sents, "cost*", window=(1, 1), stopwords={"the", "of"}, min_count=1).empty


def test_token_tables_without_sentences_need_within_document(corpus, sents):
    tokens = analysis.tokens(corpus)
    with pytest.raises(TableError, match="within='document'"):
        collocates(tokens, "migrants")
    with pytest.raises(TableError, match="par_id"):
        collocates(analysis.tokens(sents), "migrants", within="paragraph")
    broken = analysis.tokens(sents)
    broken.loc[7, "token"] = None
    with pytest.raises(TableError, match="row 7 of the token table"):
        collocates(broken, "migrants")
    assert len(collocates(tokens, "migrants", within="document"))
    with pytest.raises(AnalysisError, match="within="):
        collocates(corpus, "migrants", within="clause")


def test_no_nan_in_a_table_with_rare_and_frequent_collocates(sents):
    table = collocates(sents, ["migrants", "libya", "the"], min_count=1)
    assert len(table) > 300 and not table.isna().any().any()


def test_an_empty_table_gives_no_rows_and_says_why():
    sents = analysis.sentences(analysis.load_corpus())
    for empty in (sents.iloc[:0], analysis.tokens(sents).iloc[:0]):
        with pytest.warns(UserWarning, match=r"node\(s\) \['migrants'\] never occur in the corpus \(0 words\)"):
            table = analysis.collocates(empty, "migrants")
        assert table.empty and list(table.columns) == list(analysis.collocates(sents, "migrants").columns)


def test_a_table_of_paragraphs_gives_the_windows_of_its_sentences():
    corpus = analysis.load_corpus()
    by_sentence = collocates(analysis.sentences(corpus), "migrants")
    assert collocates(analysis.paragraphs(corpus), "migrants").equals(by_sentence)
    assert collocates(corpus, "migrants").equals(by_sentence)
