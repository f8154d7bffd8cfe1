"""plot_estimates(): one panel per frame, a dot and a line per group and method, where the table puts them."""

import numpy as np
import pandas as pd
import pytest

from analysis import TableError, plot_estimates


def test_dots_and_lines_sit_at_the_estimates_and_intervals():
    table = pd.DataFrame({"outlet": ["A", "B"] * 2, "frame": "aid", "method": ["naive"] * 2 + ["dsl"] * 2,
                          "estimate": [0.1, 0.2, 0.3, 0.4], "low": [0.0, 0.1, 0.2, 0.3], "high": [0.2, 0.3, 0.4, 0.5],
                          "n_coded": [5, 7, 5, 7]})
    fig, axes = plot_estimates(table, by="outlet")
    (panel,) = axes
    dots = [line for line in panel.get_lines() if line.get_marker() == "o"]
    assert [d.get_label() for d in dots] == ["machine alone", "machine corrected (DSL)"]
    # groups from the top: A above B (rows reversed), naive a little above dsl on each row, as in the legend
    assert dots[0].get_xdata().tolist() == [0.2, 0.1] and dots[1].get_xdata().tolist() == [0.4, 0.3]
    assert np.all(dots[0].get_ydata() > dots[1].get_ydata())
    assert [t.get_text() for t in panel.get_yticklabels()] == ["B (7 coded)", "A (5 coded)"]
    segments = panel.collections[0].get_segments()
    assert [(s[0][0], s[1][0]) for s in segments] == [(0.1, 0.3), (0.0, 0.2)]


def test_a_table_without_intervals_is_refused():
    with pytest.raises(TableError, match="low"):
        plot_estimates(pd.DataFrame({"frame": ["aid"], "method": ["dsl"], "estimate": [0.1]}))
