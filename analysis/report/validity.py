"""Figures of validity: the machine against hand coding.

>>> import pandas as pd
>>> from analysis.evaluation.agreement import precision_recall_f1
>>> scores = precision_recall_f1(pd.DataFrame({"f": [1, 0, 1]}), pd.DataFrame({"f": [1, 1, 0]}), n_boot=20)
>>> fig, ax = plot_scores(scores); ax.get_xlabel()
'F1 (machine vs coder)'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import TableError, require_columns
from .figures import PALETTE, figure_for, style


def plot_scores(scores: pd.DataFrame, measure: str = "f1", *, xlabel: str | None = None, title: str | None = None,
                ax=None):
    """Point and confidence interval of one measure for each column (frame) of
    :func:`analysis.precision_recall_f1` output.

    Parameters
    ----------
    scores : DataFrame
        :func:`analysis.precision_recall_f1` output: one row per column, the
        measure with ``<measure>_low`` and ``<measure>_high``, and
        ``coder_labels`` (the coder's positive labels).
    measure : {"f1", "precision", "recall"}
        The measure to draw.
    xlabel, title : str, optional
        Labels; the default x label names the measure.
    ax : Axes, optional
        Draw into this Axes instead of a new figure.

    Returns
    -------
    fig : Figure
    ax : Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis import precision_recall_f1
    >>> scores = precision_recall_f1(pd.DataFrame({"f": [1, 0, 1]}), pd.DataFrame({"f": [1, 1, 0]}), n_boot=20)
    >>> fig, ax = plot_scores(scores)
    >>> ax.get_xlabel()
    'F1 (machine vs coder)'
    """
    table = scores.iloc[::-1]
    fig, ax = figure_for(ax, "column", 0.6 + 0.3 * len(table))
    with style():
        y = np.arange(len(table))
        _intervals(ax, table, measure, y, color=PALETTE[0], ecolor=PALETTE[0], capsize=2, markersize=4)
        ax.set_yticks(y, [f"{c} (n={n})" for c, n in zip(table["column"], table["coder_labels"])])
        _score_axis(fig, ax, xlabel or f"{_measure_name(measure)} (machine vs coder)", title)
    return fig, ax


def plot_method_comparison(scores: pd.DataFrame, measure: str = "f1", *, by: str = "method", xlabel: str | None = None,
                           title: str | None = None, ax=None):
    """Several methods side by side: one row per column (frame), one marker and
    confidence interval per method.

    Parameters
    ----------
    scores : DataFrame
        :func:`analysis.precision_recall_f1` tables stacked, with a ``by``
        column naming the method: column, the measure with ``<measure>_low``
        and ``<measure>_high`` (no interval is drawn where they are NaN).
    measure : {"f1", "precision", "recall"}
        The measure to draw.
    by : str
        The column naming the method (default "method").
    xlabel : str, optional
        The x label; by default the measure, "with bootstrap interval" if
        any is drawn (name the level yourself, e.g. "F1 with 95% bootstrap
        interval": the table does not record it).
    title : str, optional
        The figure's title.
    ax : Axes, optional
        Draw into this Axes instead of a new figure.

    Returns
    -------
    fig : Figure
        The figure drawn into (that of ``ax`` when given).
    ax : Axes
        The Axes drawn into.

    Examples
    --------
    >>> from analysis import precision_recall_f1
    >>> one = precision_recall_f1(pd.DataFrame({"f": [1, 0, 1]}), pd.DataFrame({"f": [1, 1, 0]}), n_boot=20)
    >>> both = pd.concat([one.assign(method="a"), one.assign(method="b")])
    >>> fig, ax = plot_method_comparison(both); [t.get_text() for t in ax.get_legend().get_texts()]
    ['a', 'b']
    """
    require_columns(scores, ["column", by, measure], "plot_method_comparison",
                    hint="Pass precision_recall_f1() tables stacked with pd.concat, each with a column naming its method.")
    methods = list(dict.fromkeys(scores[by]))
    columns = list(dict.fromkeys(scores["column"]))
    fig, ax = figure_for(ax, "column", 0.9 + 0.35 * len(columns) * max(1, len(methods)) ** 0.5)
    with style():
        step = 0.7 / max(1, len(methods))
        for k, method in enumerate(methods):
            part = scores[scores[by] == method].set_index("column").reindex(columns)
            y = np.arange(len(columns)) - 0.35 + step * (k + 0.5)
            _intervals(ax, part, measure, y, markersize=3.5, color=PALETTE[k % len(PALETTE)], capsize=1.5,
                       label=method)
        ax.set_yticks(np.arange(len(columns)), columns)
        ax.invert_yaxis()
        intervals = f"{measure}_low" in scores.columns and scores[f"{measure}_low"].notna().any()
        default = f"{_measure_name(measure)}{' with bootstrap interval' if intervals else ''}"
        _score_axis(fig, ax, xlabel or default, title)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig, ax


def _intervals(ax, table: pd.DataFrame, measure: str, y, **style) -> None:
    """``measure`` of each row of ``table`` at ``y``, with its ``_low``-``_high`` interval."""
    point, low, high = (table[measure].to_numpy(float), table[f"{measure}_low"].to_numpy(float),
                        table[f"{measure}_high"].to_numpy(float))
    ax.errorbar(point, y, xerr=np.nan_to_num([point - low, high - point]), fmt="o", elinewidth=1, **style)


def _score_axis(fig, ax, xlabel: str, title: str | None) -> None:
    """A score axis from 0 to 1, its label and grid, and the figure's title."""
    ax.set_xlim(0, 1.02)
    ax.set_xlabel(xlabel)
    ax.grid(axis="x", linewidth=0.4, alpha=0.5)
    if title:
        fig.suptitle(title, fontsize=9)


def _measure_name(measure: str) -> str:
    return measure.upper() if measure == "f1" else measure.capitalize()


def plot_learning_curve(curve: pd.DataFrame, frame: str = "mean", *, ax=None):
    """Test-set F1 against the number of coded sentences, one line per strategy
    (the mean over seeds, with their range shaded).

    Parameters
    ----------
    curve : DataFrame
        :func:`analysis.learning_curve` output: strategy, seed, n_coded, frame, f1.
    frame : str
        The frame whose F1 is drawn, or "mean" (the default) for the mean over
        frames.
    ax : Axes, optional
        Draw into this Axes instead of a new figure.

    Returns
    -------
    fig : Figure
        The figure drawn into (that of ``ax`` when given).
    ax : Axes
        The Axes drawn into.

    Raises
    ------
    TableError
        If ``curve`` lacks a column or has no row for ``frame``.

    Examples
    --------
    >>> curve = pd.DataFrame({"strategy": ["random"] * 2, "seed": [0, 0], "n_coded": [10, 20], "frame": ["mean"] * 2,
    ...                       "f1": [0.4, 0.5]})
    >>> fig, ax = plot_learning_curve(curve); ax.get_xlabel()
    'coded sentences'
    """
    require_columns(curve, ["strategy", "n_coded", "frame", "f1"], "plot_learning_curve",
                    hint="Pass analysis.learning_curve()'s table.")
    part = curve[curve["frame"] == frame]
    if part.empty:
        raise TableError(f"plot_learning_curve(): the curve has no rows for frame {frame!r}; its frames are "
                         f"{list(dict.fromkeys(curve['frame']))}.")
    fig, ax = figure_for(ax, "column")
    with style():
        for k, (strategy, lines) in enumerate(part.groupby("strategy", sort=True)):
            stats = lines.groupby("n_coded")["f1"].agg(["mean", "min", "max"])
            ax.plot(stats.index, stats["mean"], marker="o", markersize=2.5, color=PALETTE[k % len(PALETTE)],
                    label=strategy)
            ax.fill_between(stats.index, stats["min"], stats["max"], color=PALETTE[k % len(PALETTE)], alpha=0.2, lw=0)
        ax.set_xlabel("coded sentences")
        ax.set_ylabel(f"test-set F1 ({'mean over frames' if frame == 'mean' else frame})")
        ax.legend(frameon=False)
    return fig, ax
