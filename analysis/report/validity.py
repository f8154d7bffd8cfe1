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

from .figures import PALETTE, figure_for, style


def plot_scores(scores: pd.DataFrame, measure: str = "f1", *, xlabel: str | None = None, title: str | None = None,
                ax=None):
    """Point and confidence interval of one measure per column of
    :func:`analysis.precision_recall_f1` output (``n``: the coder's labels).
    Returns ``(fig, ax)``.
    """
    table = scores.iloc[::-1]
    fig, ax = figure_for(ax, "column", 0.6 + 0.3 * len(table))
    with style():
        y = np.arange(len(table))
        point, low, high = (table[measure].to_numpy(float), table[f"{measure}_low"].to_numpy(float),
                            table[f"{measure}_high"].to_numpy(float))
        ax.errorbar(point, y, xerr=np.nan_to_num([point - low, high - point]), fmt="o", color=PALETTE[0],
                    ecolor=PALETTE[0], elinewidth=1, capsize=2, markersize=4)
        ax.set_yticks(y, [f"{c} (n={n})" for c, n in zip(table["column"], table["coder_labels"])])
        ax.set_xlim(0, 1.02)
        ax.set_xlabel(xlabel or f"{measure.upper() if measure == 'f1' else measure.capitalize()} (machine vs coder)")
        ax.grid(axis="x", linewidth=0.4, alpha=0.5)
        if title:
            fig.suptitle(title, fontsize=9)
    return fig, ax
