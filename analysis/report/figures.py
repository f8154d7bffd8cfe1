"""One plotting style for the kit, and deterministic figure files.

Figures are sized for a journal column (3.5 in) or a full page width (7.2 in),
use the Okabe-Ito colour-blind-safe palette, and a constrained layout so labels
do not overlap. The style is applied in a context (``style()``) while a kit
function draws, never by changing your global ``rcParams``. Every plotting
function takes ``ax=`` (an Axes, or a sequence of Axes for several panels) to
draw into your own figure, and returns ``(fig, ax)``. :func:`save_figure` writes
PNG (for reading) and SVG (for papers) that are byte-identical from run to run.

>>> fig, ax = new_figure()
>>> _ = ax.bar(["a", "b"], [1, 2]); _ = ax.set_ylabel("count")
"""

from __future__ import annotations

from contextlib import contextmanager

import matplotlib
import matplotlib.pyplot as plt
import numpy as np

from .._output import SavedFiles, write_atomic
from ..errors import AnalysisError
from ..paths import figures_dir

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


@contextmanager
def style():
    """The kit's matplotlib style, for the duration of a ``with`` block.

    >>> import matplotlib
    >>> with style():
    ...     matplotlib.rcParams["font.size"]
    8.0
    """
    with matplotlib.rc_context(STYLE):
        yield


def new_figure(width: str = "column", height: float | None = None, nrows: int = 1, ncols: int = 1):
    """A styled ``(fig, ax)`` pair; ``width`` is "column" (3.5 in) or "page" (7.2 in).

    >>> fig, ax = new_figure("page", 3)
    >>> fig.get_size_inches().tolist()
    [7.2, 3.0]
    """
    if width not in WIDTHS:
        raise AnalysisError(f"width must be one of {list(WIDTHS)}, not {width!r}.")
    with style():
        w = WIDTHS[width]
        return plt.subplots(nrows, ncols, figsize=(w, height or w * 0.75), layout="constrained")


def figure_for(ax, width: str = "column", height: float | None = None, nrows: int = 1, ncols: int = 1):
    """``(fig, ax)`` to draw into: the figure of the given ``ax`` (an Axes, or a
    sequence of ``nrows * ncols`` Axes), else a :func:`new_figure`.

    >>> fig, ax = new_figure()
    >>> figure_for(ax)[1] is ax
    True
    """
    if ax is None:
        return new_figure(width, height, nrows, ncols)
    panels = nrows * ncols
    if panels > 1:
        axes = np.asarray(list(ax), dtype=object)
        if axes.size != panels:
            raise AnalysisError(f"this figure has {panels} panels; pass ax= as a sequence of {panels} Axes.")
        return axes[0].figure, axes.reshape(nrows, ncols) if nrows > 1 and ncols > 1 else axes
    return ax.figure, ax


def save_figure(fig, name: str, formats: tuple[str, ...] = ("png", "svg"), *, directory=None,
                close: bool = True) -> SavedFiles:
    """Write ``<name>.png`` and ``.svg`` deterministically into ``directory``
    (default ``analysis.paths.figures_dir()``); return the paths.

    >>> import tempfile
    >>> fig, ax = new_figure(); _ = ax.plot([0, 1])
    >>> save_figure(fig, "demo", directory=tempfile.mkdtemp())
    saved demo.png, demo.svg
    """
    folder = figures_dir(directory)
    paths = SavedFiles()
    with style():
        for fmt in formats:
            metadata = {"png": PNG_METADATA, "svg": SVG_METADATA, "pdf": {"CreationDate": None, "ModDate": None}}[fmt]
            path = folder / f"{name}.{fmt}"
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
            boxes = [label.get_window_extent(renderer) for label in labels if label.get_text()]
            if any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]):
                return False
    return True
