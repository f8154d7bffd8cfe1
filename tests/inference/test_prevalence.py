"""prevalence(): the table it returns, by hand, and every bad input of the issue's list."""

import csv
import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import TableError, prevalence


@pytest.fixture
def scores():
    """Eight sentences of two outlets with the machine's label and probability."""
    return pd.DataFrame({"doc_id": ["1", "1", "2", "2", "3", "3", "4", "4"], "sent_id": [0, 1] * 4,
                         "outlet": list("XXXXYYYY"), "aid": [1, 1, 0, 0, 1, 0, 0, 0],
                         "aid_probability": [0.9, 0.8, 0.3, 0.1, 0.6, 0.4, 0.2, 0.1]})


@pytest.fixture
def coding():
    return pd.DataFrame({"doc_id": ["1", "2", "3", "4"], "sent_id": [0, 0, 0, 1], "aid": [1, 1, 1, 0],
                         "coding_probability": [0.5, 0.5, 0.5, 0.5]})


def test_one_row_per_group_and_frame_with_the_issue_columns(scores, coding):
    table = prevalence(scores, coding, frames="aid", by="outlet")
    assert list(table.columns) == ["outlet", "frame", "estimate", "low", "high", "std_error", "n_units", "n_coded",
                                   "method", "prediction", "note"]
    assert table[["outlet", "n_units", "n_coded", "prediction"]].values.tolist() == [
        ["X", 4, 2, "aid_probability"], ["Y", 4, 2, "aid_probability"]]
    # X: 0.9 + 2 * (1 - 0.9), 0.8, 0.3 + 2 * (1 - 0.3), 0.1 -> 1.1, 0.8, 1.7, 0.1; mean 0.925
    # Y: 0.6 + 2 * 0.4, 0.4, 0.2, 0.1 + 2 * (0 - 0.1) -> 1.4, 0.4, 0.2, -0.1; mean 0.475
    assert table["estimate"].tolist() == pytest.approx([0.925, 0.475])
    x = np.array([1.1, 0.8, 1.7, 0.1])
    assert table["std_error"].iloc[0] == pytest.approx(np.sqrt(((x - x.mean()) ** 2).mean() / 4))
    assert table["high"].iloc[0] - table["estimate"].iloc[0] == pytest.approx(1.959964 * table["std_error"].iloc[0])


def test_the_label_column_and_the_other_methods(scores, coding):
    table = prevalence(scores, coding, frames=["aid"], by="outlet", prediction="label",
                       method=["dsl", "naive", "coded"]).set_index(["method", "outlet"])
    assert table.loc[("dsl", "X"), "prediction"] == "aid"
    # X with labels 1, 1, 0, 0: 1 + 2 * 0, 1, 0 + 2 * 1, 0 -> mean 1.0
    assert table.loc[("dsl", "X"), "estimate"] == pytest.approx(1.0)
    assert table.loc[("naive", "X"), "estimate"] == pytest.approx(0.5)
    assert table.loc[("coded", "Y"), "estimate"] == pytest.approx(0.5)      # codes 1 and 0
    assert table.loc[("coded", "Y"), "prediction"] == ""


def test_without_probabilities_the_coding_is_a_simple_random_sample(scores, coding):
    with_half = prevalence(scores, coding, frames="aid")
    without = prevalence(scores, coding.drop(columns="coding_probability"), frames="aid")   # 4 of 8
    assert without["estimate"].tolist() == pytest.approx(with_half["estimate"].tolist())


def test_a_group_without_enough_coded_units_is_a_row_that_says_so(scores, coding):
    table = prevalence(scores, coding[coding["doc_id"] != "4"], frames="aid", by="outlet",
                       method=["dsl", "coded", "ppi"])
    y = table[table["outlet"] == "Y"]
    assert y["estimate"].isna().all() and y["std_error"].isna().all()
    assert y["note"].str.contains("1 coded unit").all()
    assert table.loc[table["outlet"] == "X", "estimate"].notna().all()


def test_articles_as_units_and_any_numeric_measure():
    profiles = pd.DataFrame({"doc_id": ["a", "b", "c"], "causal": [0.0, 1.0, 1.0]})
    coding = pd.DataFrame({"doc_id": ["a", "b", "c"], "causal": [1, 1, 0], "coding_probability": 1.0})
    assert prevalence(profiles, coding, frames="causal")["estimate"].tolist() == pytest.approx([2 / 3])


def test_cross_fitted_scores_say_so(scores, coding):
    folded = scores.assign(crossfit_fold=[0, 1] * 4)
    assert prevalence(folded, coding, frames="aid")["prediction"].iloc[0] == "aid_probability, cross-fitted (2 folds)"


@pytest.mark.parametrize("change, message", [
    (lambda s, c: (s, pd.concat([c, pd.DataFrame({"doc_id": ["9"], "sent_id": [0], "aid": [1]})])),
     r"1 coded unit\(s\) are not in scores: \(doc_id '9', sent_id 0\)"),
    (lambda s, c: (s, c.assign(coding_probability=[0.5, 0.0, 0.5, 0.5])), r"'coding_probability'.*0\.0.*\(0, 1\]"),
    (lambda s, c: (s, c.assign(coding_probability=[0.5, 1.5, 0.5, 0.5])), r"1\.5 in row 1"),
    (lambda s, c: (s, c.assign(coding_probability=[0.5, None, 0.5, 0.5])), r"'coding_probability'"),
    (lambda s, c: (s.drop(columns=["aid", "aid_probability"]), c), r"machine's column 'aid' for frame 'aid'"),
    (lambda s, c: (s, c.drop(columns="aid")), r"frame 'aid' is not a column of the coding"),
    (lambda s, c: (s, c.assign(aid=[1, "yes", 0, 0])), r"column 'aid' of coding holds 'yes' in row 1"),
    (lambda s, c: (s, pd.concat([c, c.iloc[[0]]], ignore_index=True)), r"coding holds unit .* once \(rows 0, 4\)"),
    (lambda s, c: (pd.concat([s, s.iloc[[2]]], ignore_index=True), c), r"scores holds unit .*doc_id '2'"),
    (lambda s, c: (s, c.drop(columns="sent_id")), r"scores has sent_id but coding has not"),
    (lambda s, c: (s.assign(outlet=["X", None] * 4), c), r"by column 'outlet' is empty in 4 row"),
    (lambda s, c: (s, c.assign(codebook="frames.yaml v0.9 (definitions)")),
     r"coded with 'frames\.yaml v0\.9'.*codebook in use is 'frames\.yaml v1\.3'.*codebook_version="),
])
def test_bad_input_is_a_clear_error(scores, coding, change, message):
    bad_scores, bad_coding = change(scores, coding)
    with pytest.raises(TableError, match=message):
        prevalence(bad_scores, bad_coding, frames="aid", by="outlet")


def test_an_older_codebook_version_can_be_accepted_by_name(scores, coding):
    older = coding.assign(codebook_version="frames.yaml v1.2")
    with pytest.raises(TableError, match="v1.2"):
        prevalence(scores, older, frames="aid")
    assert len(prevalence(scores, older, frames="aid", codebook_version="frames.yaml v1.2")) == 1


def test_frames_default_to_the_codebooks_and_each_must_be_in_both_tables(scores, coding):
    with pytest.raises(TableError, match="'sovereignty'"):
        prevalence(scores, coding)
    book = {"aid": ["aid"]}
    assert prevalence(scores, coding, codebook=book)["frame"].tolist() == ["aid"]


def test_ppi_refuses_unequal_probabilities_in_a_group(scores, coding):
    with pytest.raises(analysis.AnalysisError, match="method='dsl'"):
        prevalence(scores, coding.assign(coding_probability=[0.5, 0.25, 0.5, 0.5]), frames="aid", by="outlet",
                   method="ppi")


@pytest.mark.parametrize("options, message", [({"method": "bayes"}, "method must be one of"),
                                              ({"level": 95}, "level must be between 0 and 1"),
                                              ({"prediction": "score"}, "prediction= must be one of")])
def test_bad_options_are_named(scores, coding, options, message):
    with pytest.raises(analysis.AnalysisError, match=message):
        prevalence(scores, coding, frames="aid", **options)


def test_a_coded_sheet_carries_its_probabilities_and_codebook_version_into_prevalence(tmp_path):
    from analysis import coding_sheet, read_frame_coding
    book = {"version": "2", "frames": [{"id": "aid", "entries": ["aid"]}]}
    sents = pd.DataFrame({"doc_id": ["a"] * 6 + ["b"] * 4, "sent_id": list(range(6)) + list(range(4)),
                          "text": [f"Sentence {i}." for i in range(10)]})
    coding_sheet(sents, n=4, path=tmp_path / "sheet.csv", codebook=book, random_state=1)
    records = list(csv.reader(open(tmp_path / "sheet.csv", encoding="utf-8", newline="")))
    column = records[0].index("aid")
    for record in records[1:]:
        record[column] = "1"                                           # the coder finds aid in every sentence
    with open(tmp_path / "sheet.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(records)
    coded = read_frame_coding(tmp_path / "sheet.csv", codebook=book)
    assert coded["aid"].tolist() == [1, 1, 1, 1] and (coded["coding_probability"] == 0.4).all()
    scores = sents.assign(aid=0)
    # every pseudo-outcome of a coded sentence is 0 + (1 - 0) / 0.4: the share is 4 * 2.5 / 10
    assert prevalence(scores, coded, codebook=book)["estimate"].tolist() == pytest.approx([1.0])
    with pytest.raises(TableError, match="coded with '<mapping> v2'"):
        prevalence(scores, coded, codebook={"version": "3", "frames": [{"id": "aid", "entries": ["aid"]}]})


def test_weights_and_clusters():
    # two articles of one outlet: a (3 sentences, shares of the machine 1, 1, 0) and b (1 sentence, 0)
    scores = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "sent_id": [0, 1, 2, 0], "aid": [1.0, 1.0, 0.0, 0.0]})
    coding = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0], "aid": [1, 0], "coding_probability": 1.0})
    scores["per_article"] = 1 / scores.groupby("doc_id")["doc_id"].transform("size")
    naive = prevalence(scores, coding, frames="aid", method="naive", weight="per_article", cluster="doc_id").iloc[0]
    assert naive["estimate"] == pytest.approx((2 / 3 + 0) / 2)           # the mean of the articles' shares
    # weighted deviations summed per article: a: (1/3)(1 + 1 + 0 - 3 * 1/3) = 1/3, b: 1 * (0 - 1/3)
    assert naive["std_error"] == pytest.approx(np.sqrt(2 / 9) / 2)
    clustered = prevalence(scores, coding, frames="aid", method="naive", cluster="doc_id").iloc[0]
    # unweighted: mean 0.5; per article: a 0.5 + 0.5 - 0.5 = 0.5, b -0.5 -> sqrt(0.5) / 4
    assert clustered["std_error"] == pytest.approx(np.sqrt(0.5) / 4)
    with pytest.raises(analysis.AnalysisError, match="'ppi' takes neither"):
        prevalence(scores, coding, frames="aid", method="ppi", cluster="doc_id")
