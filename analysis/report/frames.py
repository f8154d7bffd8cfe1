"""Figures of frames and of the naming of people on the move.

>>> import analysis
>>> fig, ax = plot_frame_profile(analysis.frame_profile(analysis.sentences(analysis.load_corpus())))
>>> len(ax.patches)
25
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_option
from ..errors import TableError
from .figures import PALETTE, figure_for, style


def plot_frame_profile(profile: pd.DataFrame, value: str = "per_1000_tokens", by: str = "doc_id", *,
                       labels: dict | None = None, width: str = "page", ax=None):
    """Grouped horizontal bars: one group per ``by`` value, one bar per frame.

    Parameters
    ----------
    profile : DataFrame
        :func:`analysis.frame_profile` output: the ``by`` column, frame and
        ``value``, one row per group and frame.
    value : {"per_1000_tokens", "share_of_sentences"}
        The rate to draw.
    by : str
        The column of the groups (default documents).
    labels : dict, optional
        Renames groups on the axis (e.g. doc_id -> title); groups not in it
        keep their value.
    width : {"page", "column"}
        The width of a new figure: a page or a column of a paper.
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
    AnalysisError
        If ``value`` is not one of the two rates.

    Examples
    --------
    >>> import analysis
    >>> profile = analysis.frame_profile(analysis.sentences(analysis.load_corpus()))
    >>> fig, ax = plot_frame_profile(profile, value="share_of_sentences")
    >>> ax.get_xlabel()
    'Share of sentences with the frame'
    """
    titles = {"per_1000_tokens": "Frame hits per 1,000 tokens", "share_of_sentences": "Share of sentences with the frame"}
    check_option("value", value, titles, where="plot_frame_profile")
    frames = list(dict.fromkeys(profile["frame"]))
    groups = list(dict.fromkeys(profile[by]))
    wide = profile.pivot(index=by, columns="frame", values=value).reindex(index=groups, columns=frames)
    fig, ax = figure_for(ax, width, 0.9 + 0.32 * len(groups) * max(1, len(frames)) ** 0.5)
    with style():
        height = 0.8 / len(frames)
        y = np.arange(len(groups))
        for j, fid in enumerate(frames):
            ax.barh(y - 0.4 + height * (j + 0.5), wide[fid].to_numpy(), height=height, label=fid,
                    color=PALETTE[j % len(PALETTE)])
        ax.set_yticks(y, [str((labels or {}).get(g, g)) for g in groups])
        ax.invert_yaxis()
        ax.set_xlabel(titles[value])
        ax.set_ylabel({"doc_id": "Article"}.get(by, by))
        ax.legend(title="Frame", loc="best", frameon=False)
    return fig, ax


def plot_naming(table: pd.DataFrame, by: str = "doc_id", *, share: bool = True, width: str = "page", ax=None):
    """Stacked horizontal bars of a :func:`analysis.naming_table`: one bar per
    group, one segment per naming label (labels with no count are left out), as
    shares of the group's names (``share=True``) or counts; each group's
    number of names is shown beside it.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.naming_table` output: the ``by`` column, a count column
        per naming label and ``total``. Every numeric column but ``by`` and
        ``total`` is taken for a label.
    by : str
        The column of the groups, a bar each (default documents).
    share : bool
        Draw shares of each group's names (the default) or counts.
    width : {"page", "column"}
        The width of a new figure: a page or a column of a paper.
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
        If ``table`` has no ``by`` column or no label with a count.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"speaker": ["x", "y"], "migrants": [1, 0], "refugees": [3, 2], "total": [4, 2]})
    >>> fig, ax = plot_naming(t, by="speaker")
    >>> [round(float(p.get_width()), 2) for p in ax.patches]
    [0.25, 0.0, 0.75, 1.0]
    """
    labels = [c for c in table.columns if c not in (by, "total") and pd.api.types.is_numeric_dtype(table[c])
              and table[c].sum() > 0]
    if by not in table.columns or not labels:
        raise TableError(f"plot_naming(): need a '{by}' column and at least one label with a count "
                         f"(has {list(table.columns)}); pass naming_table(naming, by={by!r}).")
    counts = table[labels].to_numpy(dtype=float)
    totals = counts.sum(axis=1, keepdims=True)
    values = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0) if share else counts
    fig, ax = figure_for(ax, width, 1.0 + 0.3 * len(table))
    with style():
        y, left = np.arange(len(table)), np.zeros(len(table))
        for j, label in enumerate(labels):
            ax.barh(y, values[:, j], left=left, label=label.replace("_", " "), color=PALETTE[j % len(PALETTE)])
            left += values[:, j]
        ax.set_yticks(y, [f"{g} (n={int(n)})" for g, n in zip(table[by].astype(str), totals[:, 0])])
        ax.invert_yaxis()
        ax.set_xlabel("Share of names for people on the move" if share else "Names for people on the move")
        ax.set_ylabel({"doc_id": "Article", "speaker_actor": "Speaker (actor)", "speaker": "Speaker"}.get(by, by))
        ax.legend(title="Name", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig, ax
