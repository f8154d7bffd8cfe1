"""Run a notebook headless and publish what it writes, all or nothing.

Notebooks are kept as jupytext percent-format ``.py`` files. ``run_notebook``
executes one with the working directory at its folder, writes figures and tables
into a scratch folder, and only when every cell succeeded moves them into
``figures/`` together with an executed copy ``figures/notebooks/<name>.ipynb``.
A failing notebook raises ``NotebookError`` naming the cell and the error, and
leaves ``figures/`` untouched. ``make figures`` calls it once per notebook::

    python -m analysis run-notebook notebooks/01_corpus.py

A notebook shows what it makes: ``save_figure`` and ``save_table`` display
what they write (their outputs name it in their metadata, ``{"analysis":
{"saved": name}}``), and the numbers its text quotes come from the
computation: a cell calls :func:`quoted` with the phrases the text below
quotes, computed (``f"{n:,} terms"``), and ``unquoted_numbers`` finds a
number in the text that no such phrase accounts for, or a phrase the text no
longer holds (the tests run it on every notebook).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from .._output import SAVED_METADATA, in_notebook, show_saved, write_atomic
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
        # the copy is no pair of the .py: with jupytext's "formats: py:percent" kept, JupyterLab's
        # jupytext refuses to open it ("Unable to read paired notebook")
        notebook.metadata.pop("jupytext", None)
        published.append(write_atomic(executed, lambda tmp: nbformat.write(notebook, str(tmp))))
        return published
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def quoted(*phrases: str) -> None:
    """Show the phrases in which the text of a notebook quotes numbers, as the
    cell computed them (``quoted(f"{len(corpus):,} articles")``); a test checks
    that the text holds each phrase and quotes no number outside them
    (``unquoted_numbers`` in this module), so the text cannot drift from the data.

    In a notebook the phrases are displayed (the output's metadata names them:
    ``{"analysis": {"quoted": [...]}}``); elsewhere they are printed.

    Parameters
    ----------
    *phrases : str
        Each a phrase of the text, with the numbers in it computed.

    Examples
    --------
    >>> words = [327, 398]
    >>> quoted(f"{min(words)} to {max(words)} words", f"{len(words)} articles")
    Numbers in the text below, as computed here: 327 to 398 words · 2 articles
    """
    phrases = [" ".join(p.split()) for p in phrases]
    said = " · ".join(phrases)
    if not in_notebook():
        print(f"Numbers in the text below, as computed here: {said}")
        return
    text = f"**Numbers in the text below**, as computed here: {said}"
    show_saved({"text/markdown": text, "text/plain": text}, {"quoted": phrases}, raw=True)


#: A number as notebook text writes it: 38, 1,300, 0.49, 45%.
_NUMBER = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?%?(?!\w)")
#: What in a notebook's text is not a quoted number: code spans (file and
#: function names), link targets, citations ("Dai 2017", "Baker et al. 2008")
#: and DOIs.
_NOT_QUOTED = re.compile(r"`[^`]*`|\]\([^)]*\)|\b[A-Z][^\s\d(),;]*(?: et al\.)?,? (?:19|20)\d\d\b|doi:\S+")


def notebook_markdown(path: str | Path) -> str:
    """The text of a notebook's markdown cells (a jupytext ``.py`` or an
    ``.ipynb``), one cell per paragraph, without the title line."""
    path = Path(path)
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                   for c in cells if c["cell_type"] == "markdown"]
    else:
        import jupytext
        sources = [c.source for c in jupytext.read(path).cells if c.cell_type == "markdown"]
    text = "\n\n".join(sources)
    return re.sub(r"\A\s*# .*\n", "", text)


def quoted_phrases(executed: str | Path) -> list[str]:
    """The phrases an executed notebook's :func:`quoted` cells showed, in order."""
    cells = json.loads(Path(executed).read_text(encoding="utf-8"))["cells"]
    return [phrase for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])
            for phrase in o.get("metadata", {}).get(SAVED_METADATA, {}).get("quoted", [])]


def unquoted_numbers(source: str | Path, executed: str | Path, *, definitions: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with the numbers the text of the notebook ``source``
    quotes, against its executed copy ``executed``: each phrase of a
    :func:`quoted` cell that the text does not hold, and each number in the
    text (outside code spans, link targets, citations and DOIs) that neither
    such a phrase nor one of ``definitions`` (phrases that define a unit, such
    as "per 1,000 tokens") holds. Empty if all is well.

    Parameters
    ----------
    source : path
        The notebook as written (jupytext ``.py``).
    executed : path
        Its executed copy (``.ipynb``), as :func:`run_notebook` writes it.
    definitions : tuple of str
        Phrases whose numbers are definitions, not results.

    Returns
    -------
    list of str
        One message per problem.
    """
    text = " ".join(notebook_markdown(source).split())
    problems = []
    covered = [False] * len(text)
    for phrase in [*quoted_phrases(executed), *definitions]:
        found = [m.start() for m in re.finditer(re.escape(phrase), text)]
        if not found and phrase not in definitions:
            problems.append(f"the text does not say {phrase!r}, which the notebook computed")
        for start in found:
            covered[start:start + len(phrase)] = [True] * len(phrase)
    for match in _NOT_QUOTED.finditer(text):
        covered[match.start():match.end()] = [True] * (match.end() - match.start())
    for match in _NUMBER.finditer(text):
        if not all(covered[match.start():match.end()]):
            context = text[max(0, match.start() - 40):match.end() + 20]
            problems.append(f"{match.group(0)!r} is quoted but not computed: ...{context}...")
    return problems


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

