"""Run a notebook headless and publish what it writes, all or nothing.

Notebooks are kept as jupytext percent-format ``.py`` files. ``run_notebook``
executes one with the working directory at its folder, writes figures and tables
into a scratch folder, and only when every cell succeeded moves them into
``figures/`` together with an executed copy ``figures/notebooks/<name>.ipynb``.
A failing notebook raises ``NotebookError`` naming the cell and the error, and
leaves ``figures/`` untouched. ``make figures`` calls it once per notebook::

    python -m analysis run-notebook notebooks/01_corpus.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from .._output import write_atomic
from ..errors import NotebookError
from ..paths import figures_dir

#: Environment of the kernel: headless plots, no progress bars (their timings
#: would make the executed copies differ from run to run).
KERNEL_ENV = {"MPLBACKEND": "Agg", "TQDM_DISABLE": "1", "PYTHONHASHSEED": "0"}


def run_notebook(path: str | Path, out_dir: str | Path | None = None, *, timeout: int = 1200) -> list[Path]:
    """Execute the notebook at ``path``; publish its outputs into ``out_dir``
    (default ``figures/``) and return the published paths."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path).resolve()
    out_dir = Path(out_dir) if out_dir is not None else figures_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    notebook = jupytext.read(path)
    for number, cell in enumerate(notebook.cells):  # jupytext draws random ids; fix them for byte-identical copies
        cell["id"] = f"cell-{number}"
    scratch = Path(tempfile.mkdtemp(prefix=f".tmp-{path.stem}-", dir=out_dir))
    saved_env = {k: os.environ.get(k) for k in [*KERNEL_ENV, "ANALYSIS_FIGURES_DIR"]}
    os.environ.update({**KERNEL_ENV, "ANALYSIS_FIGURES_DIR": str(scratch)})
    try:
        client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                                coalesce_streams=True,    # one output per stream, however the kernel flushed it
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute()
        except CellExecutionError as err:
            cell = next((i for i, c in enumerate(notebook.cells)
                         if c.cell_type == "code" and any(o.get("output_type") == "error"
                                                          for o in c.get("outputs", []))), None)
            raise NotebookError(f"{path.name}: cell {cell + 1 if cell is not None else '?'} (counting markdown cells, from 1) failed; nothing was written to {out_dir}.\n{err}") from None
        published = []
        for item in sorted(scratch.iterdir()):
            target = out_dir / item.name
            os.replace(item, target)
            published.append(target)
        executed = out_dir / "notebooks" / f"{path.stem}.ipynb"
        notebook.metadata.pop("widgets", None)
        published.append(write_atomic(executed, lambda tmp: nbformat.write(notebook, str(tmp))))
        return published
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m analysis run-notebook NOTEBOOK.py [...]", file=sys.stderr)
        return 2
    for name in argv:
        try:
            paths = run_notebook(name)
        except NotebookError as err:
            print(err, file=sys.stderr)
            return 1
        print(f"{name}: wrote {len(paths)} file(s)")
    return 0

