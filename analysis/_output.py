"""Writing outputs into ``figures/`` atomically: a file is written to a temporary
name and renamed, so an interrupted run never leaves a half-written file.

>>> from analysis._output import write_atomic
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

#: The key of the output metadata that names what a save function wrote
#: (``{"analysis": {"saved": "01_corpus_words"}}``): how a test finds, in an
#: executed notebook, the figure or table a cell saved.
SAVED_METADATA = "analysis"


def write_atomic(path: Path, write: Callable[[Path], None], *, mode: int | None = None) -> Path:
    """Call ``write(tmp_path)``, then rename the temporary file to ``path``,
    whose mode is ``mode`` (default an ordinary new file's: 0o666 less the umask)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(fd)
    try:
        write(Path(tmp))
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask              # mkstemp makes it 0600
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text_atomic(path: Path, text: str, *, mode: int | None = None) -> Path:
    """:func:`write_atomic` of ``text`` as UTF-8."""
    return write_atomic(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"), mode=mode)


def progress_enabled(progress: bool) -> bool:
    """Whether to show a progress bar: ``progress``, unless ``TQDM_DISABLE`` is set
    (tqdm's notebook bars ignore that variable, so the kit checks it itself; the
    notebook runner sets it so executed copies are byte-identical).

    >>> import os; os.environ["TQDM_DISABLE"] = "1"; progress_enabled(True)
    False
    >>> del os.environ["TQDM_DISABLE"]; progress_enabled(True)
    True
    """
    return progress and not os.environ.get("TQDM_DISABLE")


class SavedFiles(list):
    """The paths a save function wrote; shown by file name only, so a notebook's
    output does not depend on where the project or its scratch folder lives.

    >>> SavedFiles([Path("/tmp/x/a.png"), Path("/tmp/x/a.svg")])
    saved a.png, a.svg
    """

    def __repr__(self) -> str:
        return "saved " + ", ".join(Path(p).name for p in self)


def in_notebook() -> bool:
    """True when the code runs in a Jupyter kernel (IPython loaded, its shell
    with a kernel), where :func:`show_saved` displays; False in a script, a
    terminal or a doctest (IPython is never imported here for this).

    >>> in_notebook()
    False
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return getattr(shell, "kernel", None) is not None


def show_saved(obj, what: dict, *, raw: bool = False, metadata: dict | None = None) -> None:
    """Display ``obj`` (an object, or with ``raw`` a mime bundle) in the
    notebook, its output metadata saying ``what`` it is under
    :data:`SAVED_METADATA` (``{"saved": name}`` for a figure or table written);
    nothing outside a notebook (:func:`in_notebook`)."""
    if not in_notebook():
        return
    from IPython.display import display
    display(obj, raw=raw, metadata={**(metadata or {}), SAVED_METADATA: what})
