"""Tests for analysis.report.responsibility: the responsibility figures label
their cells and show the data."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.measures.attribution import responsibility_matrix
from analysis.report.responsibility import plot_responsibility, plot_responsibility_by_doc

TOY = pd.DataFrame({
    "doc_id": ["a", "a", "a", "b", "b"],
    "speaker_actor": ["libya", "libya", "(outlet)", "un_agencies", "libya"],
    "actor": ["europe", "europe", "libya", "libya", "libya"],
    "kind": ["treatment", "treatment", "causal", "treatment", "causal"],
    "polarity": ["assign", "assign", "assign", "assign", "deny"],
})


def test_plot_responsibility_labels_cells_and_data():
    fig, axes = plot_responsibility(responsibility_matrix(TOY))
    assert [ax.get_title() for ax in axes] == ["causal, assign", "causal, deny", "treatment, assign", "treatment, deny"]
    assert [t.get_text() for t in axes[0].get_yticklabels()] == ["libya", "un agencies", "(outlet)"]
    assert [t.get_text() for t in axes[0].get_xticklabels()] == ["libya", "europe"]      # actors.yaml order
    # treatment, assign: libya -> europe 2 (row 0, col 1), un_agencies -> libya 1 (row 1, col 0)
    data = axes[2].images[0].get_array()
    assert np.array_equal(np.asarray(data), [[0, 2], [1, 0], [0, 0]])
    cells = sorted((t.get_position(), t.get_text()) for t in axes[2].texts)
    assert cells == [((0, 1), "1"), ((1, 0), "2")]
    assert [(t.get_position(), t.get_text()) for t in axes[0].texts] == [((0, 2), "1")]   # outlet -> libya
    plt.close(fig)


def test_plot_responsibility_by_doc_bars():
    fig, axes = plot_responsibility_by_doc(TOY)
    causal = {(round(p.get_y() + p.get_height() / 2), p.get_width()) for p in axes[0].patches if p.get_width()}
    # doc a (y 0): outlet assigns libya once (+1); doc b (y 1): libya denies its own (-1)
    assert causal == {(0, 1), (1, -1)}
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["libya", "europe"]
    plt.close(fig)
