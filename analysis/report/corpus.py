"""Figures of the corpus itself.

>>> import pandas as pd
>>> fig, ax = plot_corpus_sizes(pd.DataFrame({"doc_id": ["a", "b"], "words": [10, 20]}))
>>> len(ax.patches)
2
"""

from __future__ import annotations

import pandas as pd

from ..errors import require_columns
from .figures import PALETTE, figure_for, style


def plot_corpus_sizes(summary: pd.DataFrame, column: str = "words", *, ax=None):
    """Horizontal bars of one size column of :func:`analysis.corpus_summary`, per document.

    Parameters
    ----------
    summary : DataFrame
        :func:`analysis.corpus_summary` output (doc_id and the ``column``).
    column : str
        The size to draw: "words", "sentences" or "paragraphs".
    ax : Axes, optional
        Draw into this Axes instead of a new figure.

    Returns
    -------
    fig : Figure
    ax : Axes

    Examples
    --------
    >>> import analysis
    >>> fig, ax = plot_corpus_sizes(analysis.corpus_summary(analysis.load_corpus()), "sentences")
    >>> len(ax.patches), ax.get_xlabel()
    (5, 'Sentences per document (count)')
    """
    require_columns(summary, ["doc_id", column], "plot_corpus_sizes", hint="Pass analysis.corpus_summary(corpus).")
    fig, ax = figure_for(ax, "column", 0.35 * len(summary) + 1.0)
    with style():
        ax.barh(summary["doc_id"].astype(str), summary[column], color=PALETTE[0])
        ax.invert_yaxis()
        ax.set_xlabel(f"{column.capitalize()} per document (count)")
        ax.set_ylabel("Document")
        ax.set_title(f"{column.capitalize()} per document")
    return fig, ax
