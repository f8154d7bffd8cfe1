"""One plotting style for the kit, and deterministic figure files.

Figures are sized for a journal column (3.5 in) or a full page width (7.2 in),
use the Okabe-Ito colour-blind-safe palette, and a constrained layout so labels
do not overlap. ``save_figure`` writes PNG (for reading) and SVG (for papers)
that are byte-identical from run to run.

>>> from analysis.plots import new_figure, save_figure
>>> fig, ax = new_figure()
>>> _ = ax.bar(["a", "b"], [1, 2]); _ = ax.set_ylabel("count")
"""

from __future__ import annotations


import matplotlib

import matplotlib.pyplot as plt

from .output import SavedFiles, write_atomic
from .paths import figures_dir

#: Okabe & Ito (2008) colour-blind-safe palette, black last.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
WIDTHS = {"column": 3.5, "page": 7.2}
STYLE = {
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 9,
    "axes.labelsize": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "font.size": 8,
    "font.family": "DejaVu Sans",
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "svg.hashsalt": "analysis-kit",
    "svg.fonttype": "path",
    "image.cmap": "cividis",
}
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": None}


def apply_style() -> None:
    """Set the kit's matplotlib rcParams (palette, font sizes, deterministic SVG)."""
    matplotlib.rcParams.update(STYLE)


def new_figure(width: str = "column", height: float | None = None, nrows: int = 1, ncols: int = 1):
    """A styled ``(fig, ax)`` pair; ``width`` is "column" (3.5 in) or "page" (7.2 in).

    >>> fig, ax = new_figure("page", 3)
    >>> fig.get_size_inches().tolist()
    [7.2, 3.0]
    """
    apply_style()
    w = WIDTHS[width]
    fig, ax = plt.subplots(nrows, ncols, figsize=(w, height or w * 0.75), layout="constrained")
    return fig, ax


def save_figure(fig, name: str, formats: tuple[str, ...] = ("png", "svg"), *, close: bool = True) -> SavedFiles:
    """Write ``figures/<name>.png`` and ``.svg`` deterministically; return the paths.

    >>> import os, tempfile; os.environ["ANALYSIS_FIGURES_DIR"] = tempfile.mkdtemp()
    >>> fig, ax = new_figure(); _ = ax.plot([0, 1])
    >>> save_figure(fig, "demo")
    saved demo.png, demo.svg
    >>> del os.environ["ANALYSIS_FIGURES_DIR"]
    """
    apply_style()
    paths = SavedFiles()
    for fmt in formats:
        metadata = {"png": PNG_METADATA, "svg": SVG_METADATA, "pdf": {"CreationDate": None, "ModDate": None}}[fmt]
        path = figures_dir() / f"{name}.{fmt}"
        paths.append(write_atomic(path, lambda tmp: fig.savefig(tmp, format=fmt, metadata=metadata)))
    if close:
        plt.close(fig)
    return paths


def bar_labels_fit(fig) -> bool:
    """True if no two tick labels of any axis overlap (a check for tests)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        for labels in (ax.get_xticklabels(), ax.get_yticklabels()):
            boxes = [l.get_window_extent(renderer) for l in labels if l.get_text()]
            if any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]):
                return False
    return True


def plot_corpus_sizes(summary, column: str = "words"):
    """Horizontal bars of one size column of ``corpus_summary`` per document.

    >>> import pandas as pd
    >>> fig = plot_corpus_sizes(pd.DataFrame({"doc_id": ["a", "b"], "words": [10, 20]}))
    >>> len(fig.axes[0].patches)
    2
    """
    fig, ax = new_figure("column", 0.35 * len(summary) + 1.0)
    ax.barh(summary["doc_id"].astype(str), summary[column], color=PALETTE[0])
    ax.invert_yaxis()
    ax.set_xlabel(f"{column.capitalize()} per document (count)")
    ax.set_ylabel("Document")
    ax.set_title(f"{column.capitalize()} per document")
    return fig
