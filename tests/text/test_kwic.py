"""Tests for analysis.text.kwic: sorting by the words around the keyword,
seeded samples, and the HTML display that aligns the keyword."""

import pandas as pd
import pytest

import analysis
from analysis import AnalysisError, kwic
from analysis.text.kwic import Concordance

LINES = pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                      "text": ["Boats of migrants drowned off Libya.", "Hundreds of migrants arrived, officials said.",
                               "Thousands of migrants arrived by sea.", "Migrants, again."]})


def test_sort_by_the_first_second_and_third_word_right():
    assert kwic(LINES, "migrants", sort="R1")["doc_id"].tolist() == ["d", "b", "c", "a"]   # "" < arrived < drowned
    # R1 ties (arrived, arrived) broken by R2: by < officials (the comma is skipped)
    assert kwic(LINES, "migrants", sort=["R1", "R2"])["doc_id"].tolist() == ["d", "c", "b", "a"]
    assert kwic(LINES, "migrants", sort="R3")["doc_id"].tolist() == ["d", "a", "b", "c"]  # "", libya, said, sea


def test_sort_by_words_left_keeps_ties_in_corpus_order():
    assert kwic(LINES, "migrants", sort="L1")["doc_id"].tolist() == ["d", "a", "b", "c"]   # "", of, of, of
    assert kwic(LINES, "migrants", sort="L2")["doc_id"].tolist() == ["d", "a", "b", "c"]   # boats, hundreds, thousands
    assert kwic(LINES, "migrants", sort="keyword")["doc_id"].tolist() == ["a", "b", "c", "d"]


def test_sort_words_come_from_the_whole_text_not_the_shown_window():
    table = kwic(LINES, "migrants", window=1, sort="R3")
    assert table["doc_id"].tolist() == ["d", "a", "b", "c"]
    assert table.iloc[1]["right"] == "drowned"


def test_seeded_samples_repeat_and_differ_by_seed(sents):
    every = kwic(sents, ["migrant*", "libya*"])
    assert len(every) > 40
    first = kwic(sents, ["migrant*", "libya*"], n=10, random_state=3)
    again = kwic(sents, ["migrant*", "libya*"], n=10, random_state=3)
    other = kwic(sents, ["migrant*", "libya*"], n=10, random_state=4)
    pd.testing.assert_frame_equal(first, again)
    assert len(first) == 10 and not first.equals(other)
    where = {key: i for i, key in enumerate(map(tuple, every[["doc_id", "start"]].values))}
    rows = [where[key] for key in map(tuple, first[["doc_id", "start"]].values)]   # every sampled line is a match
    assert rows == sorted(rows)                                                 # kept in corpus order
    assert len(kwic(sents, "migrant*", n=10_000)) == len(kwic(sents, "migrant*"))
    sorted_sample = kwic(sents, ["migrant*", "libya*"], n=10, random_state=3, sort="R1")
    assert sorted(sorted_sample["start"]) == sorted(first["start"])


def test_html_aligns_the_keyword_and_escapes_text():
    table = kwic(pd.DataFrame({"doc_id": ["a"], "text": ["<b>Aid</b> & migrants arrived"]}), "migrants", window=20)
    html = table._repr_html_()
    assert "text-align:right\">&lt; b &gt; Aid &lt; / b &gt; &amp;</td>" in html   # left context right-aligned
    assert "text-align:left\">arrived</td>" in html
    assert "font-weight:bold\">migrants</td>" in html
    assert "<b>" not in html


def test_html_shows_at_most_max_rows(sents):
    table = kwic(sents, "the")
    with pd.option_context("display.max_rows", 5):
        html = table._repr_html_()
    assert html.count("<tr>") == 6 and f"{len(table) - 5} more of {len(table)} lines" in html


def test_the_result_is_a_plain_dataframe_underneath(sents):
    table = kwic(sents, "migrant*", sort="L1")
    assert isinstance(table, Concordance) and isinstance(table, pd.DataFrame)
    assert type(table[["left", "keyword"]]) is pd.DataFrame
    assert type(table.head(3)) is pd.DataFrame
    assert list(table.columns) == ["doc_id", "sent_id", "start", "end", "left", "keyword", "right", "label",
                                   "entry", "negated"]


def test_bad_sort_and_n(sents):
    for bad in ["R0", "X1", "right", [], ["R1", 2]]:
        with pytest.raises(AnalysisError, match="sort="):
            kwic(sents, "migrants", sort=bad)
    for bad in [-1, 2.5]:
        with pytest.raises(AnalysisError, match=r"kwic\(\): n= must be a whole number >= 0 \(a number of lines\)"):
            kwic(sents, "migrants", n=bad)
    assert kwic(sents, "zeppelin", sort="R1").empty


def test_sorting_many_lines_is_stable_against_an_independent_sort(sents):
    lines = kwic(sents, "the", window=8)
    assert len(lines) > 100
    first_right = [(analysis.words(right) or [""])[0] for right in lines["right"]]
    expected = sorted(range(len(lines)), key=lambda i: first_right[i])      # Python's sort is stable
    got = kwic(sents, "the", window=8, sort="R1")
    assert list(zip(got["doc_id"], got["start"])) == [(lines["doc_id"][i], lines["start"][i]) for i in expected]


def test_kwic_window_and_document_offsets():
    s = pd.DataFrame({"doc_id": ["a"], "sent_id": [3], "start": [100],
                      "text": ["One two three four human rights five six, seven."]})
    k = kwic(s, ["human rights"], window=2)
    assert k[["sent_id", "start", "end", "left", "keyword", "right"]].values.tolist() == [
        [3, 119, 131, "three four", "human rights", "five six"]]
