"""Tests for analysis.report.keywords: the keyness and collocates figures."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import TableError, plot_collocates, plot_keyness
from analysis.report.keywords import place_labels


@pytest.fixture(scope="module")
def keys(corpus):
    return analysis.keyness(corpus.iloc[:2], corpus.iloc[2:], min_count=2, correction=None)


def boxes(ax):
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in ax.texts]


def test_keyness_figure_labels_the_strongest_terms_without_overlaps(keys):
    fig, ax = plot_keyness(keys, n=8)
    labelled = [t.get_text() for t in ax.texts]
    strong = keys[keys["significant"] & (keys["log_ratio"].abs() >= 1)]
    assert labelled and set(labelled) <= set(strong["term"])
    assert strong.nlargest(1, "g2")["term"].iloc[0] in labelled
    found = boxes(ax)
    assert not any(a.overlaps(b) for i, a in enumerate(found) for b in found[i + 1:])
    frame = ax.get_window_extent()
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1 for b in found)
    assert ax.get_yscale() == "log"
    plt.close(fig)


def test_keyness_figure_draws_into_a_given_axes_and_checks_its_table(keys):
    fig, ax = plt.subplots()
    assert plot_keyness(keys, ax=ax) == (fig, ax)
    plt.close(fig)
    with pytest.raises(TableError, match="keyness table"):
        plot_keyness(keys.drop(columns="log_ratio"))


def test_place_labels_skips_a_label_with_no_free_place():
    fig, ax = plt.subplots(figsize=(1, 1))
    ax.set_xlim(0, 1), ax.set_ylim(0, 1)
    placed = place_labels(ax, [(0.5, 0.5, f"label {i}") for i in range(40)])
    assert 0 < len(placed) < 40 and len(ax.texts) == len(placed)
    plt.close(fig)


def test_collocates_figure_one_panel_per_node(sents):
    table = analysis.collocates(sents, ["migrants", "illegal"], min_count=2, stopwords=analysis.load_stopwords())
    fig, axes = plot_collocates(table, n=4)
    assert [len(a.patches) for a in axes] == [4, 4]
    first = table[table["node"] == "migrants"].nlargest(4, "log_dice")
    assert [t.get_text() for t in axes[0].get_yticklabels()] == first["term"].tolist()
    np.testing.assert_allclose([p.get_width() for p in axes[0].patches], first["log_dice"])
    assert analysis.report.figures.bar_labels_fit(fig)
    plt.close(fig)
    with pytest.raises(TableError, match="no collocates"):
        plot_collocates(table.iloc[:0])
    with pytest.raises(TableError, match="collocates table"):
        plot_collocates(pd.DataFrame({"node": ["x"]}))
