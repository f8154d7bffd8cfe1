"""Figures of keywords and collocates.

* :func:`plot_keyness`: log ratio (how much) against ``|G2|`` (how sure) of each
  term of :func:`analysis.keyness`, the strongest keywords labelled;
* :func:`plot_collocates`: the top collocates of each node, side by side.

>>> import analysis
>>> corpus = analysis.load_corpus()
>>> fig, ax = plot_keyness(analysis.keyness(corpus, by=corpus.doc_id.str.startswith("003"), min_count=3))
>>> ax.get_xlabel()
'log ratio (binary log of the ratio of relative frequencies)'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._deprecation import renamed
from ..errors import TableError, require_columns
from .figures import PALETTE, figure_for, style

GREY = "#BBBBBB"
MEASURE_NAMES = {"log_dice": "log-Dice", "mi": "MI", "mi3": "MI3", "t_score": "t-score", "g2": "G2",
                 "count": "co-occurrences"}


@renamed(top="n")
def plot_keyness(table: pd.DataFrame, *, n: int = 12, target: str = "target", reference: str = "reference",
                 width: str = "page", height: float = 4.2, ax=None):
    """Each term of a :func:`analysis.keyness` table as a point: log ratio (x)
    against ``|g2|`` (y, log scale).

    Terms that pass the table's corrected threshold (``significant``) and are
    at least twice as frequent on one side (``|log ratio| >= 1``) are
    coloured, the others grey; the dashed line is the ``|g2|`` of the
    threshold (``attrs["g2_critical"]``). The ``n`` terms of each side by
    ``|g2|`` among the coloured ones are labelled, placed so that labels do
    not overlap (a label that finds no free place is left out).

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.keyness` output (term, g2, log_ratio, significant).
    n : int
        Terms labelled on each side (``top=`` is its old name, accepted with a
        FutureWarning).
    target, reference : str
        The names of the two corpora in the legend.
    width : {"page", "column"}
        The width of a new figure: a page or a column of a paper.
    height : float
        The height of a new figure, in inches.
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
    >>> fig, ax = plot_keyness(analysis.keyness(corpus, by=corpus.doc_id.str.startswith("003"), min_count=3))
    >>> ax.get_xlabel()
    'log ratio (binary log of the ratio of relative frequencies)'
    """
    require_columns(table, ["term", "g2", "log_ratio", "significant"], "plot_keyness",
                    hint="Pass a keyness table: analysis.keyness(...).")
    fig, ax = figure_for(ax, width, height)
    strength = table["g2"].abs().clip(lower=0.01).to_numpy()
    ratio = table["log_ratio"].to_numpy()
    strong = table["significant"].to_numpy() & (np.abs(ratio) >= 1)
    over, under = strong & (table["g2"].to_numpy() > 0), strong & (table["g2"].to_numpy() < 0)
    with style():
        ax.scatter(ratio[~strong], strength[~strong], s=4, color=GREY, lw=0, label="other terms", rasterized=False)
        ax.scatter(ratio[over], strength[over], s=7, color=PALETTE[0], lw=0, label=f"more frequent in {target}")
        ax.scatter(ratio[under], strength[under], s=7, color=PALETTE[1], lw=0, label=f"more frequent in {reference}")
        ax.set_yscale("log")
        critical = table.attrs.get("g2_critical")
        if critical:
            ax.axhline(critical, color="black", lw=0.6, ls="--",
                       label=f"corrected p < {table.attrs.get('threshold', 0):.1e} ({table.attrs.get('correction')})")
        for x in (-1, 1):
            ax.axvline(x, color=GREY, lw=0.6, ls=":")
        span = max(float(np.abs(ratio).max()) if len(ratio) else 1.0, 1.5) * 1.08
        ax.set_xlim(-span, span)
        top_y = float(strength.max()) if len(strength) else 10.0
        ax.set_ylim(0.05, top_y * 4)
        ax.set_xlabel("log ratio (binary log of the ratio of relative frequencies)")
        ax.set_ylabel("|G2| (log-likelihood, log scale)")
        ax.legend(loc="lower left", frameon=False, fontsize=6)
        order = np.argsort(-strength, kind="stable")
        picks = [i for side in (over, under) for i in [j for j in order if side[j]][:n]]
        picks.sort(key=lambda i: -strength[i])
        place_labels(ax, [(ratio[i], strength[i], str(table["term"].iloc[i])) for i in picks],
                     avoid=list(zip(ratio, strength)), hlines=[critical] if critical else [])
    return fig, ax


def place_labels(ax, points: list[tuple[float, float, str]], *, avoid=(), hlines=(), fontsize: float = 6) -> list:
    """Label ``(x, y, text)`` points in order, each at the first of several
    offsets (nearer first, farther ones with a leader line) where its box
    overlaps no label already placed, no labelled point, no point of
    ``avoid`` (``(x, y)`` pairs) and no horizontal line at a y of ``hlines``,
    and stays inside the axes; a label with no such place is left out.
    Deterministic; labels do not change the layout. Returns the placed
    ``Text`` objects.

    >>> from analysis.report.figures import new_figure
    >>> fig, ax = new_figure(); _ = ax.set_xlim(0, 10); _ = ax.set_ylim(0, 10)
    >>> [t.get_text() for t in place_labels(ax, [(5, 5, "a"), (5, 5, "b")])]
    ['a', 'b']
    """
    fig = ax.figure
    fig.canvas.draw()                       # run the layout first: offsets are in display space
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    xy = np.array([(x, y) for x, y, _ in points] + [tuple(p) for p in avoid], dtype=float).reshape(-1, 2)
    centres = ax.transData.transform(xy) if len(xy) else np.zeros((0, 2))
    boxes = np.hstack([centres - 2, centres + 2])          # a point takes 4 x 4 pixels
    for y in hlines:
        line = ax.transData.transform((0, y))[1]
        boxes = np.vstack([boxes, (frame.x0, line - 1, frame.x1, line + 1)])
    placed = []
    steps = [(dx * r, dy * r) for r in (1, 2.5, 4.5, 7) for dx, dy in
             ((4, 3), (4, -3), (-4, 3), (-4, -3), (0, 5), (0, -6), (6, 0), (-6, 0))]
    for x, y, text in points:
        for dx, dy in steps:
            label = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize,
                                ha="left" if dx > 0 else "right" if dx < 0 else "center",
                                va="bottom" if dy > 0 else "top" if dy < 0 else "center",
                                arrowprops=None if abs(dx) + abs(dy) < 12 else
                                {"arrowstyle": "-", "lw": 0.4, "color": "#555555", "shrinkA": 0, "shrinkB": 2})
            label.set_in_layout(False)
            box = label.get_window_extent(renderer)
            rect = (box.x0 - 3, box.y0 - 1, box.x1 + 3, box.y1 + 1)   # room either side: two labels never read as one
            inside = frame.x0 <= rect[0] and rect[2] <= frame.x1 and frame.y0 <= rect[1] and rect[3] <= frame.y1
            hit = (boxes[:, 0] < rect[2]) & (rect[0] < boxes[:, 2]) & (boxes[:, 1] < rect[3]) & (rect[1] < boxes[:, 3])
            if inside and not hit.any():
                boxes = np.vstack([boxes, rect])
                placed.append(label)
                break
            label.remove()
    return placed


@renamed(top="n")
def plot_collocates(table: pd.DataFrame, *, n: int = 10, measure: str = "log_dice", nodes=None,
                    width: str = "page", ax=None):
    """The ``n`` collocates of each node of a :func:`analysis.collocates`
    table by ``measure``, one panel per node, side by side; each bar is
    labelled with the co-occurrence count.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.collocates` output: node, term, count, node_count and
        the ``measure`` column.
    n : int
        Collocates drawn per node, the highest by ``measure`` (ties: the first
        in the table; ``top=`` is its old name, accepted with a FutureWarning).
    measure : str
        The column to rank and draw: "log_dice" (the default), "mi", "mi3",
        "t_score", "g2" or "count".
    nodes : sequence of str, optional
        The nodes to draw, in this order; by default all of the table's, in
        table order.
    width : {"page", "column"}
        The width of a new figure: a page or a column of a paper.
    ax : sequence of Axes, optional
        Draw into these, one per node, instead of a new figure.

    Returns
    -------
    fig : Figure
        The figure drawn into (that of ``ax`` when given).
    axes : list of Axes
        The panels, one per node, each titled with the node and its count.

    Raises
    ------
    TableError
        If a column is missing, or there is no node to draw.

    Examples
    --------
    >>> import analysis
    >>> t = analysis.collocates(analysis.sentences(analysis.load_corpus()), ["migrants", "illegal"])
    >>> fig, axes = plot_collocates(t, n=5)
    >>> [a.get_title() for a in axes]
    ['migrants (n=12)', 'illegal (n=20)']
    """
    require_columns(table, ["node", "term", "count", "node_count", measure], "plot_collocates",
                    hint="Pass a collocates table: analysis.collocates(...).")
    nodes = list(dict.fromkeys(table["node"])) if nodes is None else list(nodes)
    if not nodes:
        raise TableError("plot_collocates(): the table has no collocates to show (no rows).")
    fig, axes = figure_for(ax, width, 0.9 + 0.16 * n, ncols=len(nodes), flat=True)
    with style():
        for j, (panel, node) in enumerate(zip(axes, nodes)):
            part = table[table["node"] == node].nlargest(n, measure, keep="first")
            y = np.arange(len(part))
            values = part[measure].to_numpy()
            panel.barh(y, values, color=PALETTE[j % len(PALETTE)], height=0.7)
            panel.set_yticks(y, part["term"].tolist())
            panel.invert_yaxis()
            for yy, value, count in zip(y, values, part["count"]):
                panel.text(value, yy, f" {count}", va="center", ha="left", fontsize=5.5, color="#333333")
            high = float(values.max()) if len(values) else 1.0
            panel.set_xlim(min(0.0, float(values.min()) if len(values) else 0.0), high * 1.18)
            count = int(part["node_count"].iloc[0]) if len(part) else int(
                table.loc[table["node"] == node, "node_count"].max() if (table["node"] == node).any() else 0)
            panel.set_title(f"{node} (n={count})")
        fig.supxlabel(f"{MEASURE_NAMES.get(measure, measure)} (bar label: co-occurrences)", fontsize=8)
    return fig, axes
