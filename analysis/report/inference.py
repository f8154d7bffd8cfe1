"""Figures of corrected estimates: each group's share by the machine alone, by
the machine corrected with the hand coding, and by the hand coding alone, side
by side with their intervals.

>>> import pandas as pd
>>> table = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "frame": "aid", "method": ["naive", "dsl"] * 2,
...                       "estimate": [0.2, 0.1, 0.3, 0.35], "low": [0.15, 0.0, 0.25, 0.2],
...                       "high": [0.25, 0.2, 0.35, 0.5], "n_coded": [10, 10, 12, 12]})
>>> fig, axes = plot_estimates(table, by="outlet")
>>> [ax.get_title() for ax in axes]
['aid']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import require_columns
from .figures import PALETTE, figure_for, style

#: How each method is named in a legend.
METHOD_LABELS = {"naive": "machine alone", "dsl": "machine corrected (DSL)", "ppi": "machine corrected (PPI++)",
                 "coded": "hand coding alone"}


def plot_estimates(table: pd.DataFrame, by: str | None = None, *, xlabel: str = "share", ax=None):
    """Estimates with their intervals, one panel per frame, one row per group,
    one colour per method (a dot and a line, methods a little apart).

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.prevalence` output (or :func:`analysis.group_differences`,
        with ``by`` its group column): frame, method, estimate, low, high, and
        ``by``; n_coded, if there, is shown beside each group's name.
    by : str, optional
        The column naming the groups (one row if None).
    xlabel : str
        The label of the x axes.
    ax : sequence of Axes, optional
        One Axes per frame to draw into, instead of a new figure.

    Returns
    -------
    fig : Figure
    axes : list of Axes
        One per frame.

    Examples
    --------
    >>> table = pd.DataFrame({"frame": ["aid", "aid"], "method": ["naive", "coded"], "estimate": [0.2, 0.3],
    ...                       "low": [0.1, 0.1], "high": [0.3, 0.5]})
    >>> fig, axes = plot_estimates(table)
    >>> len(axes), [t.get_text() for t in fig.legends[0].get_texts()]
    (1, ['machine alone', 'hand coding alone'])
    """
    require_columns(table, ["frame", "method", "estimate", "low", "high"] + ([by] if by else []), "plot_estimates",
                    hint="Pass the table of analysis.prevalence().")
    frames = list(dict.fromkeys(table["frame"]))
    methods = list(dict.fromkeys(table["method"]))
    groups = sorted(table[by].unique(), key=str, reverse=True) if by else [None]
    fig, axes = figure_for(ax, "page", 1.0 + 0.3 * len(groups) * max(1, len(methods) / 2), ncols=len(frames),
                           flat=True)
    offsets = (np.arange(len(methods)) - (len(methods) - 1) / 2) * (0.7 / max(len(methods), 1))
    with style():
        for j, (panel, frame) in enumerate(zip(axes, frames)):
            part = table[table["frame"] == frame]
            for k, method in enumerate(methods):
                rows = part[part["method"] == method]
                rows = rows.set_index(by).reindex(groups) if by else rows
                y = np.arange(len(groups)) - offsets[k]
                colour = PALETTE[k % len(PALETTE)]
                panel.hlines(y, rows["low"], rows["high"], color=colour, lw=1.5)
                panel.plot(rows["estimate"], y, "o", color=colour, ms=3.5, label=METHOD_LABELS.get(method, method))
            labels = [str(g) if g is not None else "" for g in groups]
            if by and "n_coded" in part.columns and j == 0:
                coded = part.groupby(by)["n_coded"].max()
                labels = [f"{g} ({int(coded[g])} coded)" for g in groups]
            panel.set_yticks(range(len(groups)), labels if j == 0 else [])
            panel.set_title(frame)
            panel.axvline(0, color="#999999", lw=0.5)
        handles, labels = axes[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside upper center", ncol=len(methods), fontsize=7, frameon=False)
        fig.supxlabel(xlabel)
    return fig, axes


def plot_coverage(table: pd.DataFrame, *, by: str = "frame", design: str | None = "design", method: str = "dsl",
                  reference: str = "coded", level: float = 0.95, ax=None):
    """What :func:`analysis.simulate_coding` found: the coverage of one method's
    intervals (left, with a band from ``level - 0.02`` to ``level + 0.02``) and
    their mean width relative to another method's (right, hand coding alone by
    default), one row per ``by`` value, one marker per design.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.simulate_coding` output: ``by``, method, coverage,
        width, and ``design`` if several runs are stacked.
    by : str
        The column of the rows (default frame).
    design : str or None
        The column telling runs apart (None: one run).
    method, reference : str
        The method shown, and the one its width is divided by.
    level : float
        The nominal coverage.
    ax : sequence of two Axes, optional

    Returns
    -------
    fig : Figure
    axes : list of Axes
        Coverage, then width ratio.

    Examples
    --------
    >>> table = pd.DataFrame({"frame": ["aid"] * 2, "method": ["dsl", "coded"], "coverage": [0.96, 0.95],
    ...                       "width": [0.08, 0.1]})
    >>> fig, axes = plot_coverage(table, design=None)
    >>> [round(float(x), 6) for x in axes[1].get_lines()[1].get_xdata()]     # the first line marks 1
    [0.8]
    """
    require_columns(table, [by, "method", "coverage", "width"] + ([design] if design else []), "plot_coverage",
                    hint="Pass the table of analysis.simulate_coding().")
    rows = list(dict.fromkeys(table[by]))
    runs = list(dict.fromkeys(table[design])) if design else [None]
    fig, axes = figure_for(ax, "page", 0.9 + 0.3 * len(rows), ncols=2, flat=True)
    with style():
        axes[0].axvspan(level - 0.02, level + 0.02, color="#e5e5e5", zorder=0)
        axes[1].axvline(1.0, color="#999999", lw=0.8)
        for k, run in enumerate(runs):
            part = table if run is None else table[table[design] == run]
            shown = part[part["method"] == method].set_index(by).reindex(rows)
            base = part[part["method"] == reference].set_index(by).reindex(rows)
            y = np.arange(len(rows))[::-1]
            marker = "osD^v"[k % 5]
            axes[0].plot(shown["coverage"], y, marker, color=PALETTE[k % len(PALETTE)], label=run)
            axes[1].plot(shown["width"] / base["width"], y, marker, color=PALETTE[k % len(PALETTE)], label=run)
        for panel in axes:
            panel.set_yticks(np.arange(len(rows))[::-1], rows if panel is axes[0] else [])
        axes[0].set_xlabel(f"coverage of {METHOD_LABELS.get(method, method)}'s {level:.0%} intervals")
        axes[1].set_xlabel(f"its interval width / {METHOD_LABELS.get(reference, reference)}'s")
        if design:
            axes[0].legend(fontsize=7, frameon=False, loc="lower left")
    return fig, axes
