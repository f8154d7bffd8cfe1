"""Tests for analysis.report.corpus: the figure of document sizes shows the data."""

import pandas as pd

from analysis.report.corpus import plot_corpus_sizes
from analysis.report.figures import bar_labels_fit


def test_plot_corpus_sizes_shows_one_bar_per_document_with_its_value():
    summary = pd.DataFrame({"doc_id": ["a", "b", "c"], "words": [10, 30, 20]})
    fig, ax = plot_corpus_sizes(summary)
    assert ax is fig.axes[0]
    assert [p.get_width() for p in ax.patches] == [10, 30, 20]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]
    assert ax.get_xlabel() == "Words per document (count)" and ax.get_ylabel() == "Document"
    assert bar_labels_fit(fig)
