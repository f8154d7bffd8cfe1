"""One plotting style for the kit, and deterministic figure files.

Figures are sized for a journal column (3.5 in) or a full page width (7.2 in),
use the Okabe-Ito colour-blind-safe palette, and a constrained layout so labels
do not overlap. The style is applied in a context (``style()``) while a kit
function draws, never by changing your global ``rcParams``. Every plotting
function takes ``ax=`` (an Axes, or a sequence of Axes for several panels) to
draw into your own figure, and returns ``(fig, ax)``. :func:`save_figure` writes
PNG (for reading) and SVG (for papers) that are byte-identical from run to run
and from machine to machine (``stable_svg_ids()``).

>>> fig, ax = new_figure()
>>> _ = ax.bar(["a", "b"], [1, 2]); _ = ax.set_ylabel("count")
"""

from __future__ import annotations

import base64
import io
import re
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from .._output import SavedFiles, show_saved, write_atomic
from .._validation import check_option
from ..errors import AnalysisError
from ..paths import figures_dir

#: Okabe & Ito (2008) colour-blind-safe palette, black last.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
WIDTHS = {"column": 3.5, "page": 7.2}
#: The kit's matplotlib settings (:func:`style`); plain data, so that importing
#: the kit does not import matplotlib (a cycler is written as matplotlib's rc
#: files write it).
STYLE = {
    "axes.prop_cycle": f"cycler(color={PALETTE!r})",
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
PDF_METADATA = {"CreationDate": None, "ModDate": None}

#: The ids matplotlib's SVG writer makes from a hash (``svg.hashsalt`` + the
#: content at full float precision, 10 hex digits): clip paths ``p``, markers
#: ``m``, hatches ``h``, images ``image``, paths of a collection ``C<i>_<j>_``.
#: Where an id is defined or referred to, it follows ``"`` or ``#`` and is
#: followed by ``"`` or ``)``.
_HASHED_ID = re.compile(r'(?<=["#])(p|m|h|image|C[0-9a-f]+_[0-9a-f]+_)([0-9a-f]{10})(?=[")])')
_DEFINED_ID = re.compile(r'\bid="(p|m|h|image|C[0-9a-f]+_[0-9a-f]+_)([0-9a-f]{10})"')


def stable_svg_ids(svg: str) -> str:
    """``svg`` with matplotlib's hashed ids renumbered in the order they are defined.

    matplotlib names a clip path by a hash of its rectangle at full float
    precision, so two machines whose layouts differ below the printed precision
    write the same drawing under different ids. Renumbered (``p0``, ``p1``, ...
    for clip paths; ``m0``... markers; ``h0``... hatches; ``image0``...; ``C<i>_<j>_0``),
    the ids depend only on the drawing. Ids that are not defined in the file are
    left as they are.

    >>> svg = ('<path clip-path="url(#p1a2b3c4d5e)" xlink:href="#m00ff00ff00"/>'
    ...        '<path id="m00ff00ff00"/><clipPath id="p1a2b3c4d5e"/>')
    >>> stable_svg_ids(svg)
    '<path clip-path="url(#p0)" xlink:href="#m0"/><path id="m0"/><clipPath id="p0"/>'
    """
    renamed: dict[str, str] = {}
    counts: dict[str, int] = {}
    for match in _DEFINED_ID.finditer(svg):
        old = match.group(1) + match.group(2)
        if old not in renamed:
            prefix = match.group(1)
            renamed[old] = f"{prefix}{counts.get(prefix, 0)}"
            counts[prefix] = counts.get(prefix, 0) + 1
    return _HASHED_ID.sub(lambda m: renamed.get(m.group(0), m.group(0)), svg)


def _write_svg(fig, path: Path) -> None:
    fig.savefig(path, format="svg", metadata=SVG_METADATA)
    path.write_bytes(stable_svg_ids(path.read_bytes().decode("utf-8")).encode("utf-8"))


@contextmanager
def style():
    """The kit's matplotlib style, for the duration of a ``with`` block.

    >>> import matplotlib
    >>> with style():
    ...     matplotlib.rcParams["font.size"]
    8.0
    """
    import matplotlib

    with matplotlib.rc_context(STYLE):
        yield


def new_figure(width: str = "column", height: float | None = None, nrows: int = 1, ncols: int = 1):
    """A styled ``(fig, ax)`` pair, with a constrained layout.

    Parameters
    ----------
    width : {"column", "page"}
        The width: a column (3.5 in, the default) or a page (7.2 in) of a paper.
    height : float, optional
        The height in inches; by default three quarters of the width.
    nrows, ncols : int
        Rows and columns of panels.

    Returns
    -------
    fig : Figure
        The new figure.
    ax : Axes or array of Axes
        One Axes, or for several panels an array of them, as
        ``matplotlib.pyplot.subplots`` gives.

    Raises
    ------
    AnalysisError
        If ``width`` is neither "column" nor "page".

    Examples
    --------
    >>> fig, ax = new_figure("page", 3)
    >>> fig.get_size_inches().tolist()
    [7.2, 3.0]
    """
    check_option("width", width, WIDTHS, where="new_figure")
    with style():
        w = WIDTHS[width]
        import matplotlib.pyplot as plt          # here, not with the kit: pyplot is most of matplotlib's import time

        return plt.subplots(nrows, ncols, figsize=(w, height or w * 0.75), layout="constrained")


def figure_for(ax, width: str = "column", height: float | None = None, nrows: int = 1, ncols: int = 1, *,
               flat: bool = False):
    """``(fig, ax)`` to draw into: the figure of the given ``ax`` (an Axes, or a
    sequence of ``nrows * ncols`` Axes), else a :func:`new_figure`. With
    ``flat``, ``ax`` is always a list of the Axes, however many panels.

    >>> fig, ax = new_figure()
    >>> figure_for(ax)[1] is ax, figure_for([ax], flat=True)[1] == [ax]
    (True, True)
    """
    if ax is None:
        fig, axes = new_figure(width, height, nrows, ncols)
    else:
        from matplotlib.axes import Axes

        panels = nrows * ncols
        given = np.asarray([ax] if isinstance(ax, Axes) else list(ax), dtype=object).ravel()
        if given.size != panels:
            raise AnalysisError(f"this figure has {panels} panel(s); pass ax= as {panels} Axes.")
        fig = given[0].figure
        axes = given.reshape(nrows, ncols) if nrows > 1 and ncols > 1 else given if panels > 1 else given[0]
    return (fig, list(np.ravel(axes))) if flat else (fig, axes)


def save_figure(fig, name: str, formats: tuple[str, ...] = ("png", "svg"), *, directory=None,
                close: bool = True, show: bool = True) -> SavedFiles:
    """Write ``<name>.png`` and ``.svg`` deterministically into ``directory``;
    show the figure in a notebook; return the paths.

    The same figure gives the same bytes on every run and machine (with the same
    matplotlib): no dates or software versions in the files' metadata, and the
    SVG's hashed ids renumbered (``stable_svg_ids()``). In a Jupyter notebook
    the figure is displayed, as the PNG written (at half its pixel size, the
    figure's size on screen), so that an executed notebook shows each figure
    it saved, with bytes that do not change from run to run.

    Parameters
    ----------
    fig : Figure
        The figure to write.
    name : str
        The files' name, without extension.
    formats : tuple of {"png", "svg", "pdf"}, or one of them
        The formats to write, a file each (default PNG and SVG).
    directory : str or Path, optional
        The folder, created if missing; by default ``$ANALYSIS_FIGURES_DIR``,
        else the checkout's ``figures/``, else ``figures/`` in the working
        directory (``analysis.paths.figures_dir()``).
    close : bool
        Close the figure once written (the default), to free its memory.
    show : bool
        Display the figure when running in a Jupyter notebook (the default;
        nothing is displayed elsewhere). Pass False with ``close=False`` if
        your notebook's matplotlib backend shows open figures itself.

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``; shown by file name
        only ("saved demo.png, demo.svg").

    Raises
    ------
    AnalysisError
        If ``formats`` holds another format (before anything is written).

    Examples
    --------
    >>> import tempfile
    >>> fig, ax = new_figure(); _ = ax.plot([0, 1])
    >>> save_figure(fig, "demo", directory=tempfile.mkdtemp())
    saved demo.png, demo.svg
    """
    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    for fmt in formats:
        check_option("formats", fmt, ("png", "svg", "pdf"), where="save_figure")
    folder = figures_dir(directory)
    paths = SavedFiles()
    try:
        with style():
            for fmt in formats:
                path = folder / f"{name}.{fmt}"
                if fmt == "svg":
                    paths.append(write_atomic(path, lambda tmp: _write_svg(fig, tmp)))
                else:
                    metadata = PNG_METADATA if fmt == "png" else PDF_METADATA
                    paths.append(write_atomic(path, lambda tmp: fig.savefig(tmp, format=fmt, metadata=metadata)))
            if show:
                png = paths[formats.index("png")].read_bytes() if "png" in formats else _png_bytes(fig)
                show_figure_png(png, name)
    finally:
        if close:
            import matplotlib.pyplot as plt

            plt.close(fig)
    return paths


def _png_bytes(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata=PNG_METADATA)
    return buffer.getvalue()


def show_figure_png(png: bytes, name: str) -> None:
    """Display the PNG ``png`` of the figure saved as ``name`` in a notebook, at
    the figure's size on screen (``figure.dpi`` of :data:`STYLE`; the PNG has
    ``savefig.dpi``); nothing outside a notebook.

    >>> show_figure_png(b"", "demo")      # not in a notebook: nothing happens
    """
    if not png:
        return
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")     # the IHDR chunk
    scale = STYLE["figure.dpi"] / STYLE["savefig.dpi"]
    bundle = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": f"<figure {name}>"}
    size = {"image/png": {"width": round(width * scale), "height": round(height * scale)}}
    show_saved(bundle, {"saved": name}, raw=True, metadata=size)


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
