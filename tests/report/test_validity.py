"""Tests for analysis.report.validity: the figure of scores draws each interval."""

import pandas as pd
import pytest

from analysis.errors import TableError
from analysis.report.figures import PALETTE
from analysis.report.validity import plot_learning_curve, plot_method_comparison, plot_scores


def test_plot_scores_draws_each_interval():
    scores = pd.DataFrame({"column": ["a", "b"], "coder_labels": [4, 9], "f1": [0.5, 0.8],
                           "f1_low": [0.2, 0.7], "f1_high": [0.9, 0.95]})
    fig, ax = plot_scores(scores)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["b (n=9)", "a (n=4)"]
    segments = ax.collections[0].get_segments()  # horizontal error bars, bottom row first
    assert [(s[0][0], s[1][0]) for s in segments] == [pytest.approx((0.7, 0.95)), pytest.approx((0.2, 0.9))]


def _scores(method, low):
    return pd.DataFrame({"column": ["a"], "f1": [0.5], "f1_low": [low], "f1_high": [0.9], "method": [method]})


def test_method_comparison_names_an_interval_only_where_one_is_drawn():
    fig, ax = plot_method_comparison(pd.concat([_scores("x", 0.2), _scores("y", 0.3)]))
    assert ax.get_xlabel() == "F1 with bootstrap interval"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["x", "y"]
    fig, ax = plot_method_comparison(_scores("x", float("nan")))
    assert ax.get_xlabel() == "F1"
    fig, ax = plot_method_comparison(_scores("x", 0.2), xlabel="F1 with 90% bootstrap interval")
    assert ax.get_xlabel() == "F1 with 90% bootstrap interval"


def test_learning_curve_draws_any_number_of_strategies_and_names_a_missing_frame():
    curve = pd.DataFrame([{"strategy": f"s{k}", "seed": 0, "n_coded": n, "frame": "mean", "f1": 0.1 * k}
                          for k in range(len(PALETTE) + 2) for n in (10, 20)])
    fig, ax = plot_learning_curve(curve)
    assert len(ax.get_lines()) == len(PALETTE) + 2
    assert ax.get_lines()[len(PALETTE)].get_color() == ax.get_lines()[0].get_color()
    with pytest.raises(TableError, match=r"no rows for frame 'humanitarian'; its frames are \['mean'\]"):
        plot_learning_curve(curve, "humanitarian")


def test_method_comparison_names_a_missing_method_column():
    with pytest.raises(TableError, match=r"plot_method_comparison\(\) needs columns \['column', 'method', 'f1'\]"):
        plot_method_comparison(_scores("x", 0.2).drop(columns="method"))
