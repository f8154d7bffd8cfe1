"""Figures that compare groups of articles (outlets, dates).

>>> import pandas as pd
>>> from analysis.measures.profiles import bootstrap_means
>>> t = pd.DataFrame({"outlet": ["A", "B"], "x": [1.0, 2.0]})
>>> fig, axes = plot_group_means(bootstrap_means(t, "outlet", ["x"], n_boot=10))
>>> [ax.get_title() for ax in axes]
['x']
"""

from __future__ import annotations

import pandas as pd

from .figures import PALETTE, figure_for, style


def plot_group_means(means: pd.DataFrame, by: str = "outlet", *, xlabel: str = "mean per article", ax=None):
    """Group means with their confidence intervals, one panel per measure: the
    mean of each group as a dot, its interval as a line, groups sorted by name.

    Parameters
    ----------
    means : DataFrame
        :func:`analysis.bootstrap_means` output: the ``by`` column, measure,
        mean, ci_low, ci_high.
    by : str
        The column naming the groups.
    xlabel : str
        The label of the x axes.
    ax : sequence of Axes, optional
        One Axes per measure to draw into, instead of a new figure.

    Returns
    -------
    fig : Figure
    axes : list of Axes
        One per measure.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis import bootstrap_means
    >>> table = pd.DataFrame({"outlet": ["a", "a", "b", "b"], "x": [1, 2, 3, 4]})
    >>> fig, axes = plot_group_means(bootstrap_means(table, "outlet", ["x"], n_boot=50))
    >>> len(axes)
    1
    """
    measures = list(dict.fromkeys(means["measure"]))
    groups = sorted(means[by].unique(), reverse=True)
    fig, axes = figure_for(ax, "page", 0.8 + 0.22 * len(groups), ncols=len(measures), flat=True)
    with style():
        for j, (panel, measure) in enumerate(zip(axes, measures)):
            part = means[means["measure"] == measure].set_index(by).reindex(groups)
            y = range(len(groups))
            panel.hlines(y, part["ci_low"], part["ci_high"], color=PALETTE[j % len(PALETTE)], lw=1.5)
            panel.plot(part["mean"], y, "o", color=PALETTE[j % len(PALETTE)], ms=4)
            panel.set_yticks(list(y), [f"{g} (n={n})" for g, n in zip(groups, part["n_docs"])] if j == 0 else [])
            panel.set_title(measure)
            panel.set_xlim(left=0)
        fig.supxlabel(xlabel)
    return fig, axes
