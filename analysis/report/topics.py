"""Figures of topic models: choosing k, topic shares per text, prevalence by group.

>>> from analysis.measures.topics import fit_topics
>>> from analysis.synthetic import planted_corpus
>>> texts, _, _ = planted_corpus(n_docs=60, k=2, random_state=0)
>>> fig, ax = plot_doc_topics(fit_topics(texts, 2))
>>> ax.get_ylabel()
'text_id'
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.utils.validation import check_is_fitted

from .._deprecation import renamed
from ..measures.coherence import STABILITY_THRESHOLD, KSelection
from ..measures.topics import TopicModel
from .figures import PALETTE, figure_for, style


def plot_k_selection(selection: KSelection, *, ax=None):
    """Coherence, diversity and stability against k, the recommended k marked.

    Parameters
    ----------
    selection : KSelection
        What :func:`analysis.select_k` returns.
    ax : sequence of three Axes, optional
        Draw the three panels into these instead of a new figure.

    Returns
    -------
    fig : Figure
    axes : array of Axes
        Coherence, diversity and stability, top to bottom.

    Examples
    --------
    >>> from analysis import select_k
    >>> from analysis.synthetic import planted_corpus
    >>> texts = planted_corpus(n_docs=40, k=2, doc_length=30, random_state=0)[0]
    >>> selection = select_k(texts, ks=range(2, 4), random_states=(0, 1), progress=False)
    >>> fig, axes = plot_k_selection(selection)
    >>> len(axes), selection.k
    (3, 2)
    """
    table = selection.table
    fig, axes = figure_for(ax, "column", 4.2, nrows=3)
    with style():
        _draw_k_selection(selection, table, axes)
    return fig, axes


def _draw_k_selection(selection, table, axes) -> None:
    panels = [("coherence", "NPMI coherence"), ("diversity", "topic diversity"), ("stability", "stability")]
    for ax, (column, label) in zip(axes, panels):
        ax.plot(table["k"], table[column], marker="o", markersize=3, color=PALETTE[0])
        if column == "coherence":
            ax.fill_between(table["k"], table["coherence"] - table["coherence_sd"],
                            table["coherence"] + table["coherence_sd"], color=PALETTE[0], alpha=0.2, lw=0)
        if column == "stability":
            ax.axhline(STABILITY_THRESHOLD, color=PALETTE[7], lw=0.6, ls=":")
        ax.axvline(selection.k, color=PALETTE[5], lw=0.8, ls="--")
        ax.set_ylabel(label)
        ax.set_xticks(table["k"])
    axes[-1].set_xlabel("number of topics k")
    axes[0].set_title(f"recommended k = {selection.k}")


def _topic_labels(model: TopicModel, n: int) -> list[str]:
    return [f"{i}: " + ", ".join(terms) for i, terms in enumerate(model.top_terms(n))]


@renamed(n_words="n")
def plot_doc_topics(model: TopicModel, *, n: int = 3, ax=None):
    """Heatmap of topic shares: one row per text, one column per topic (labelled
    with its top words); texts of one document are grouped and labelled by doc_id.

    Parameters
    ----------
    model : TopicModel
        A fitted topic model (:func:`analysis.fit_topics`).
    n : int
        Top words in each topic's label (``n_words=`` is its old name,
        accepted with a FutureWarning).
    ax : Axes, optional
        Draw into this Axes instead of a new figure.

    Returns
    -------
    fig : Figure
    ax : Axes

    Examples
    --------
    >>> import analysis
    >>> model = analysis.fit_topics(analysis.load_corpus(), k=3, unit="paragraphs")
    >>> fig, ax = plot_doc_topics(model)
    >>> len(ax.get_xticklabels())
    3
    """
    check_is_fitted(model, "doc_topics_")
    n_texts = len(model.doc_topics_)
    fig, ax = figure_for(ax, "page", min(9.0, 1.5 + 0.08 * n_texts))
    with style():
        _draw_doc_topics(fig, ax, model, n_texts, n)
    return fig, ax


def _draw_doc_topics(fig, ax, model, n_texts, n) -> None:
    image = ax.imshow(model.doc_topics_, aspect="auto", interpolation="nearest", vmin=0, vmax=1)
    ax.set_xticks(range(model.k), _topic_labels(model, n), rotation=30, ha="right")
    if "doc_id" in model.units_.columns and model.units_["doc_id"].nunique() < n_texts:
        docs = model.units_["doc_id"].to_numpy()
        starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
        ends = np.r_[starts[1:], n_texts]
        ax.set_yticks((starts + ends - 1) / 2, [str(docs[s]) for s in starts])
        for boundary in starts[1:]:
            ax.axhline(boundary - 0.5, color="white", lw=1)
        ax.set_ylabel(f"document ({model.unit})")
    else:
        id_column = "doc_id" if "doc_id" in model.units_.columns else "text_id"
        step = max(1, n_texts // 25)
        ax.set_yticks(range(0, n_texts, step), [str(v) for v in model.units_[id_column].to_numpy()[::step]])
        ax.set_ylabel(id_column)
    fig.colorbar(image, ax=ax, label="topic share", shrink=0.8)


def plot_prevalence(prevalence: pd.DataFrame, by: str, *, model: TopicModel | None = None, ax=None):
    """Heatmap of the mean topic share of each group, the share written in each cell.

    Parameters
    ----------
    prevalence : DataFrame
        :func:`analysis.topic_prevalence` output: the ``by`` column and
        ``topic_<i>`` columns.
    by : str
        The column naming the groups (rows of the heatmap).
    model : TopicModel, optional
        If given, topics are labelled with their top words.
    ax : Axes, optional
        Draw into this Axes instead of a new figure.

    Returns
    -------
    fig : Figure
    ax : Axes

    Examples
    --------
    >>> import analysis
    >>> corpus = analysis.load_corpus()
    >>> model = analysis.fit_topics(corpus, k=3, unit="paragraphs")
    >>> fig, ax = plot_prevalence(analysis.topic_prevalence(model, corpus, by="doc_id"), "doc_id", model=model)
    >>> ax.get_ylabel(), len(ax.texts)
    ('doc_id', 15)
    """
    topics = [c for c in prevalence.columns if c.startswith("topic_")]
    values = prevalence[topics].to_numpy(dtype=float)
    fig, ax = figure_for(ax, "page", 1.2 + 0.35 * len(prevalence))
    with style():
        _draw_prevalence(fig, ax, prevalence, by, model, topics, values)
    return fig, ax


def _draw_prevalence(fig, ax, prevalence, by, model, topics, values) -> None:
    image = ax.imshow(values, aspect="auto", interpolation="nearest", vmin=0, vmax=max(values.max(), 1e-9))
    labels = _topic_labels(model, 3) if model is not None else topics
    ax.set_xticks(range(len(topics)), labels, rotation=30, ha="right")
    ax.set_yticks(range(len(prevalence)),
                  [f"{g} (n={n})" for g, n in zip(prevalence[by], prevalence["n_texts"])])
    ax.set_ylabel(by)
    for (i, j), value in np.ndenumerate(values):
        ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=6,
                color="white" if value < 0.6 * values.max() else "black")
    fig.colorbar(image, ax=ax, label="mean topic share", shrink=0.8)
