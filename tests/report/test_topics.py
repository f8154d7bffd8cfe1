"""Tests for analysis.report.topics: the figures of k selection, topic shares per
text and prevalence by group show the data."""

import numpy as np

from analysis.measures.coherence import select_k
from analysis.measures.topics import fit_topics, topic_prevalence
from analysis.report.topics import plot_doc_topics, plot_k_selection, plot_prevalence


def test_plot_k_selection_draws_the_table_and_marks_k(easy):
    texts, _, _ = easy
    selection = select_k(texts[:100], [2, 3, 4, 5], progress=False)
    fig, axes = plot_k_selection(selection)
    assert list(axes) == fig.axes
    assert [ax.get_ylabel() for ax in axes] == ["NPMI coherence", "topic diversity", "stability"]
    assert axes[-1].get_xlabel() == "number of topics k"
    for ax, column in zip(axes, ["coherence", "diversity", "stability"]):
        line = ax.get_lines()[0]
        assert line.get_xdata().tolist() == [2, 3, 4, 5]
        assert np.allclose(line.get_ydata(), selection.table[column])
        assert any(list(l.get_xdata()) == [selection.k, selection.k] for l in ax.get_lines()[1:])
    assert f"k = {selection.k}" in axes[0].get_title()


def test_plot_doc_topics_shows_every_text_and_topic(corpus):
    model = fit_topics(corpus, 3, unit="paragraphs")
    fig, ax = plot_doc_topics(model)
    assert ax is fig.axes[0]
    image = ax.get_images()[0]
    assert np.array_equal(image.get_array(), model.doc_topics_)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(labels) == 3 and labels[0].startswith("0: " + model.top_terms(1)[0][0])
    assert [t.get_text() for t in ax.get_yticklabels()] == corpus["doc_id"].tolist()


def test_plot_prevalence_has_one_cell_per_group_and_topic(corpus):
    model = fit_topics(corpus, 3, unit="paragraphs")
    prevalence = topic_prevalence(model, corpus, "date")
    fig, ax = plot_prevalence(prevalence, "date", model=model)
    assert ax is fig.axes[0]
    assert np.allclose(ax.get_images()[0].get_array(), prevalence[["topic_0", "topic_1", "topic_2"]])
    assert len(ax.texts) == len(prevalence) * 3
    assert ax.texts[0].get_text() == f"{prevalence.loc[0, 'topic_0']:.2f}"
    first_label = f"{prevalence.loc[0, 'date']} (n={prevalence.loc[0, 'n_texts']})"
    assert ax.get_yticklabels()[0].get_text() == first_label
