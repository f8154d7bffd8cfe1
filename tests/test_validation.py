"""Tests for analysis._validation: what each constraint allows, how it says so,
and that the kit's options are refused in that one form."""

import math

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis._validation import Interval, Options, check, check_interval, check_option
from analysis.errors import AnalysisError, TopicInputError


@pytest.mark.parametrize("value, inside", [
    (1, True), (np.int64(1), True), (10, True), (0, False), (11, False), (1.0, False), (True, False), ("3", False),
    (None, False),
])
def test_a_whole_number_interval(value, inside):
    assert (value in Interval(1, 10, integer=True)) is inside


@pytest.mark.parametrize("closed, low_in, high_in", [
    ("both", True, True), ("left", True, False), ("right", False, True), ("neither", False, False)])
def test_the_ends_of_an_interval(closed, low_in, high_in):
    interval = Interval(0, 1, closed=closed)
    assert (0 in interval, 1 in interval, 0.5 in interval, math.nan in interval) == (low_in, high_in, True, False)
    assert str(interval) == f"a number in {'[' if low_in else '('}0, 1{']' if high_in else ')'}"


def test_what_constraints_say():
    assert str(Interval(2, integer=True)) == "a whole number >= 2"
    assert str(Interval(high=5, closed="neither")) == "a number < 5"
    assert str(Options(("count", "skip", None))) == "one of 'count', 'skip', None"
    assert [] not in Options(("a",))                     # an unhashable value is simply not an option
    assert None in Options(("bonferroni", None))


def test_one_message_names_the_function_the_option_what_it_allows_and_a_guess():
    with pytest.raises(AnalysisError) as err:
        check_option("sort_by", "log_dise", ("log_dice", "mi"), where="collocates")
    assert str(err.value) == ("collocates(): sort_by= must be one of 'log_dice', 'mi'; got 'log_dise'. "
                              "Did you mean 'log_dice'?")
    with pytest.raises(AnalysisError) as err:
        check_option("sort_by", "t", ("log_dice", "mi"), where="collocates")
    assert "Did you mean" not in str(err.value)
    with pytest.raises(TopicInputError, match=r"^select_k\(\): sample_fraction= must be a number in \(0, 1\]; got 0\.$"):
        check_interval("sample_fraction", 0, 0, 1, closed="right", where="select_k", error=TopicInputError)
    with pytest.raises(AnalysisError, match=r"^f\(\): n= must be a whole number >= 0 \(lines\); got -1\.$"):
        check("n", -1, Interval(0, integer=True), where="f", why="lines")
    assert check_interval("level", 0.9, 0, 1, closed="neither", where="f") == 0.9       # the value, unchanged


@pytest.mark.parametrize("call, message", [
    (lambda: analysis.load_corpus(pd.DataFrame({"text": ["x"]}), id_col=None, on_error="ignore"),
     r"load_corpus\(\): on_error= must be one of 'raise', 'skip'; got 'ignore'"),
    (lambda: analysis.keyness(analysis.load_corpus(), by=[True, False, True, False, True], alpha=1.5),
     r"keyness\(\): alpha= must be a number in \(0, 1\) \(the significance level\); got 1\.5"),
    (lambda: analysis.keyness(analysis.load_corpus(), by=[True, False, True, False, True], correction="holm"),
     r"keyness\(\): correction= must be one of 'bonferroni', 'sidak', None; got 'holm'"),
    (lambda: analysis.keyness(analysis.load_corpus(), by=[True, False, True, False, True], unit="lemma"),
     r"keyness\(\): unit= must be one of 'word', 'stem' \(lemmas need a lemmatizer"),
    (lambda: analysis.bootstrap_means(pd.DataFrame({"g": ["a"], "x": [1.0]}), "g", ["x"], level=95),
     r"bootstrap_means\(\): level= must be a number in \(0, 1\); got 95"),
    (lambda: analysis.alpha_interval(pd.DataFrame({"A": [1, 2], "B": [1, 2]}), n_boot=0),
     r"alpha_interval\(\): n_boot= must be a whole number >= 1; got 0"),
    (lambda: analysis.krippendorff_alpha(pd.DataFrame({"A": [1, 2], "B": [1, 2]}), "circular"),
     r"krippendorff_alpha\(\): level_of_measurement= must be one of 'nominal', 'ordinal', 'interval', 'ratio'"),
    (lambda: analysis.new_figure("poster"), r"new_figure\(\): width= must be one of 'column', 'page'; got 'poster'"),
    (lambda: analysis.coding_sheet(pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["x"]}), strategy="first"),
     r"coding_sheet\(\): strategy= must be one of 'random', 'uncertain'; got 'first'"),
    (lambda: analysis.top_terms_table(analysis.fit_topics(["aid camp", "aid rescue", "camp rescue"], 2), layout="tall"),
     r"top_terms_table\(\): layout= must be one of 'long', 'wide'; got 'tall'"),
    (lambda: analysis.learning_curve(["a", "b", "c", "d", "e"], pd.DataFrame({"aid": [1, 0, 1, 0, 1]}), ["a"],
                                     pd.DataFrame({"aid": [1]}), batch=3, codebook={"aid": ["aid"]}),
     r"learning_curve\(\): batch= must be a whole number in \[1, 2\] \(at most half the pool"),
    (lambda: analysis.learning_curve(["a", "b"], pd.DataFrame({"aid": [1, 0]}), ["a"], pd.DataFrame({"aid": [1]}),
                                     batch=1, strategies=("random", "active"), codebook={"aid": ["aid"]}),
     r"learning_curve\(\): strategies= must be one of 'random', 'uncertain'; got 'active'"),
    (lambda: analysis.featurize(analysis.load_corpus(), method="bert", progress=False),
     r"featurize\(\): method= must be one of 'auto', 'classifier', 'dictionary'; got 'bert'"),
])
def test_the_kits_options_are_refused_in_one_form(call, message):
    with pytest.raises(AnalysisError, match=message):
        call()
