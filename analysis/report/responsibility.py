"""Figures of responsibility attributions: who attributes what to whom, and per article.

>>> import pandas as pd
>>> a = pd.DataFrame({"speaker_actor": ["libya"], "actor": ["europe"], "kind": ["treatment"], "polarity": ["assign"]})
>>> from analysis.measures.attribution import responsibility_matrix
>>> fig, axes = plot_responsibility(responsibility_matrix(a))
>>> [ax.get_title() for ax in axes]
['causal, assign', 'causal, deny', 'treatment, assign', 'treatment, deny']
"""

from __future__ import annotations

import pandas as pd

from .._validation import check_interval
from ..errors import require_columns
from ..measures.attribution import responsibility_matrix
from ..resources.actors import Actors
from ..resources.cues import KINDS, POLARITIES
from .figures import PALETTE, figure_for, style


#: How many speakers and actors held responsible ``plot_responsibility`` shows by default.
N_ACTORS = 10
#: Above this many actors in a panel, their labels stand upright (slanted labels would overlap).
UPRIGHT_LABELS = 8


def plot_responsibility(matrix: pd.DataFrame, title: str | None = None, *, n: int = N_ACTORS, actors=None, ax=None):
    """Who attributes what to whom: one panel per kind x polarity, a heat map of
    speakers (rows) by actors held responsible (columns), with the counts
    written in the cells. The ``n`` speakers and the ``n`` actors with the most
    attributions are shown; the others are summed into one row and one column,
    "other (k)" (k actors), so that the labels stay readable.

    Parameters
    ----------
    matrix : DataFrame
        :func:`analysis.responsibility_matrix` output: speaker_actor, actor,
        kind, polarity, n.
    title : str, optional
        The figure's title.
    n : int
        How many speakers, and how many actors held responsible, to show
        (default 10); ties go to the one listed first in the actors resource.
    actors : Actors, path or mapping, optional
        Orders the actors as the resource lists them (default the shipped actors).
    ax : sequence of four Axes, optional
        Draw into these instead of a new figure.

    Returns
    -------
    fig : Figure
    axes : array of Axes
        The four panels.

    Raises
    ------
    AnalysisError
        If ``n`` is not a positive whole number.
    TableError
        If ``matrix`` lacks a column.

    Examples
    --------
    >>> import analysis
    >>> matrix = analysis.responsibility_matrix(analysis.attributions(analysis.load_corpus()))
    >>> fig, axes = plot_responsibility(matrix)
    >>> len(axes)
    4
    """
    check_interval("n", n, 1, integer=True, where="plot_responsibility", why="how many actors to show")
    require_columns(matrix, ["speaker_actor", "actor", "kind", "polarity", "n"], "plot_responsibility",
                    hint="Pass the table made by responsibility_matrix().")
    order = Actors.load(actors).ids
    total = matrix[["speaker_actor", "actor", "kind", "polarity", "n"]].copy()
    for column in ("speaker_actor", "actor"):
        total[column] = _top_and_other(total, column, n, order)
    total = total.groupby(["speaker_actor", "actor", "kind", "polarity"], as_index=False)["n"].sum()
    speakers = _in_file_order(total["speaker_actor"].unique(), order)
    held = _in_file_order(total["actor"].unique(), order)
    fig, axes = figure_for(ax, "page", 0.9 + 0.32 * max(len(speakers), 2), ncols=4)
    with style():
        _draw_matrix(fig, axes, total, speakers, held, title)
    return fig, axes


def _draw_matrix(fig, axes, total, speakers, actors, title) -> None:
    vmax = max(int(total["n"].max()), 1) if len(total) else 1
    for ax, (kind, polarity) in zip(axes, [(k, p) for k in KINDS for p in POLARITIES]):
        cells = total[(total["kind"] == kind) & (total["polarity"] == polarity)]
        grid = cells.pivot_table(index="speaker_actor", columns="actor", values="n", aggfunc="sum", fill_value=0)
        grid = grid.reindex(index=speakers, columns=actors, fill_value=0)
        ax.imshow(grid.to_numpy(), cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
        for i, j in zip(*grid.to_numpy().nonzero()):
            value = int(grid.iat[i, j])
            ax.text(j, i, str(value), ha="center", va="center", fontsize=7,
                    color="white" if value > vmax / 2 else "black")
        ax.set_title(f"{kind}, {polarity}")
        if len(actors) > UPRIGHT_LABELS:      # upright labels need no more width than a line of text
            ax.set_xticks(range(len(actors)), [a.replace("_", " ") for a in actors], rotation=90, ha="center")
        else:
            ax.set_xticks(range(len(actors)), [a.replace("_", " ") for a in actors], rotation=60, ha="right")
        ax.set_yticks(range(len(speakers)), [s.replace("_", " ") for s in speakers] if ax is axes[0] else [])
        if ax is not axes[0]:
            ax.tick_params(axis="y", length=0)      # unlabelled ticks would stand among the cells of the panel before
        ax.spines[["left", "bottom"]].set_visible(False)
    axes[0].set_ylabel("speaker")
    fig.supxlabel("actor held responsible", fontsize=8)
    if title:
        fig.suptitle(title, fontsize=9)


def plot_responsibility_by_doc(attributions: pd.DataFrame, *, actors=None, ax=None):
    """Per article: attributions by actor, assigned to the right of zero and
    denied to the left, one panel per kind; actors in the order of the actors
    resource.

    Parameters
    ----------
    attributions : DataFrame
        :func:`analysis.attributions` output: doc_id, speaker_actor, actor,
        kind, polarity.
    actors : Actors, path or mapping, optional
        Orders the actors as the resource lists them, others after them
        (default the shipped actors).
    ax : sequence of two Axes, optional
        Draw into these instead of a new figure.

    Returns
    -------
    fig : Figure
        The figure drawn into (that of ``ax`` when given).
    axes : array of Axes
        The two panels: causal, treatment.

    Raises
    ------
    TableError
        If ``attributions`` lacks a column.

    Examples
    --------
    >>> a = pd.DataFrame({"doc_id": ["d1", "d1"], "speaker_actor": ["(outlet)", "libya"], "actor": ["libya", "europe"],
    ...                   "kind": ["causal", "causal"], "polarity": ["deny", "assign"]})
    >>> fig, axes = plot_responsibility_by_doc(a)
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['libya', 'europe']
    """
    counts = responsibility_matrix(attributions, by="doc_id")
    docs = sorted(counts["doc_id"].unique())
    held = _in_file_order(counts["actor"].unique(), Actors.load(actors).ids)
    fig, axes = figure_for(ax, "page", 0.9 + 0.3 * max(len(docs), 2), ncols=2)
    with style():
        _draw_by_doc(fig, axes, counts, docs, held)
    return fig, axes


def _draw_by_doc(fig, axes, counts, docs, actors) -> None:
    colours = {actor: PALETTE[i % len(PALETTE)] for i, actor in enumerate(actors)}
    for ax, kind in zip(axes, KINDS):
        for sign, polarity in ((1, "assign"), (-1, "deny")):
            left = pd.Series(0, index=docs)
            for actor in actors:
                sel = counts[(counts["kind"] == kind) & (counts["polarity"] == polarity) & (counts["actor"] == actor)]
                width = sel.groupby("doc_id")["n"].sum().reindex(docs, fill_value=0) * sign
                ax.barh(docs, width, left=left, color=colours[actor], label=actor if sign == 1 else None,
                        edgecolor="white", linewidth=0.5)
                left = left + width
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_title(kind)
        ax.set_xlabel("denied  <  0  <  assigned")
        ax.invert_yaxis()
    axes[1].set_yticks(range(len(docs)), [])
    handles = {h.get_label(): h for ax in axes for h in ax.get_legend_handles_labels()[0]}
    fig.legend([handles[a] for a in actors if a in handles], [a.replace("_", " ") for a in actors if a in handles],
               fontsize=6, loc="outside right upper", frameon=False, title="actor", title_fontsize=7)


def _top_and_other(table: pd.DataFrame, column: str, n: int, order: list[str]) -> pd.Series:
    """``table[column]`` with all but the ``n`` values with the largest summed
    ``n`` (ties: actors-file order) as "other (k)"; unchanged if at most ``n + 1``
    values (an "other" of one would hide a name for nothing)."""
    sums = table.groupby(column)["n"].sum()
    if len(sums) <= n + 1:
        return table[column]
    place = {actor: i for i, actor in enumerate(order)}
    ranked = sorted(sums.index, key=lambda a: (-sums[a], place.get(a, len(place)), a))
    kept = set(ranked[:n])
    other = f"other ({len(ranked) - n})"
    return table[column].where(table[column].isin(kept), other)


def _in_file_order(ids, order: list[str]) -> list[str]:
    """Actor ids in the order of the actors file, others (the outlet, the
    unresolved id) after them, and "other (k)" last."""
    place = {actor: i for i, actor in enumerate(order)}
    return sorted(ids, key=lambda a: (a.startswith("other ("), place.get(a, len(place)), a))
