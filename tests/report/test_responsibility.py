"""Tests for analysis.report.responsibility: the responsibility figures label
their cells and show the data."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from analysis.errors import AnalysisError
from analysis.measures.attribution import responsibility_matrix
from analysis.report.figures import bar_labels_fit
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


#: Twenty states, as a corpus of international news names them.
STATES = ["united_states", "united_kingdom", "germany", "france", "italy", "libya", "turkey", "greece", "syria", "iraq",
          "afghanistan", "mexico", "canada", "australia", "netherlands", "hungary", "poland", "austria", "sweden",
          "spain"]


def _twenty_actors():
    """Each of the twenty states blames each other state; the i-th state is blamed i + 1 times by each speaker,
    and speaks i + 1 times to each actor: the last ones in STATES have the most attributions either way."""
    rows = [{"speaker_actor": s, "actor": a, "kind": "causal", "polarity": "assign", "n": (i + 1) * (j + 1)}
            for i, s in enumerate(STATES) for j, a in enumerate(STATES)]
    return pd.DataFrame(rows)


def test_plot_responsibility_with_twenty_actors_shows_the_top_n_and_other_readably():
    fig, axes = plot_responsibility(_twenty_actors())               # default: the top 10
    columns = [t.get_text() for t in axes[0].get_xticklabels()]
    assert set(columns[:-1]) == {s.replace("_", " ") for s in STATES[10:]} and columns[-1] == "other (10)"
    rows = [t.get_text() for t in axes[0].get_yticklabels()]
    assert set(rows[:-1]) == {s.replace("_", " ") for s in STATES[10:]} and rows[-1] == "other (10)"
    # the "other" cell sums what the ten least blamed received from the ten least speaking: sum(i*j), i, j in 1..10
    grid = np.asarray(axes[0].images[0].get_array())
    assert grid[-1, -1] == sum(range(1, 11)) ** 2
    assert grid.sum() == sum(range(1, 21)) ** 2                     # nothing lost
    assert bar_labels_fit(fig)
    plt.close(fig)
    fig, axes = plot_responsibility(_twenty_actors(), n=5)
    assert [t.get_text() for t in axes[0].get_xticklabels()][-1] == "other (15)"
    plt.close(fig)


def test_plot_responsibility_keeps_a_lone_actor_rather_than_an_other_of_one():
    fig, axes = plot_responsibility(_twenty_actors(), n=19)
    assert "other" not in " ".join(t.get_text() for t in axes[0].get_xticklabels())
    plt.close(fig)


@pytest.mark.parametrize("n", [0, -1, 2.5, True])
def test_plot_responsibility_refuses_an_n_that_is_no_count(n):
    with pytest.raises(AnalysisError, match=r"plot_responsibility\(\): n= must be a whole number >= 1"):
        plot_responsibility(_twenty_actors(), n=n)
