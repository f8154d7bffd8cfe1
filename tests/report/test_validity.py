"""Tests for analysis.report.validity: the figure of scores draws each interval."""

import pandas as pd
import pytest

from analysis.report.validity import plot_scores


def test_plot_scores_draws_each_interval():
    scores = pd.DataFrame({"column": ["a", "b"], "coder_labels": [4, 9], "f1": [0.5, 0.8],
                           "f1_low": [0.2, 0.7], "f1_high": [0.9, 0.95]})
    fig, ax = plot_scores(scores)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["b (n=9)", "a (n=4)"]
    segments = ax.collections[0].get_segments()  # horizontal error bars, bottom row first
    assert [(s[0][0], s[1][0]) for s in segments] == [pytest.approx((0.7, 0.95)), pytest.approx((0.2, 0.9))]
