"""Save a table as CSV (for data), Markdown (for reading) and LaTeX (for papers).

Numbers are formatted the same way in every file and every run, so the files
are byte-identical across runs.

>>> import tempfile, pandas as pd
>>> save_table(pd.DataFrame({"a": [1.5]}), "demo", directory=tempfile.mkdtemp())
saved demo.csv, demo.md, demo.tex
"""

from __future__ import annotations

import pandas as pd

from .._output import SavedFiles, show_saved, write_atomic
from ..paths import figures_dir

_LATEX_SPECIALS = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
                   "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def format_cells(table: pd.DataFrame, digits: int = 3) -> pd.DataFrame:
    """Cells as strings: floats rounded to ``digits``, missing values empty."""
    def fmt(value) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        if isinstance(value, float):
            return f"{value:.{digits}f}"
        return str(value)
    return table.apply(lambda col: col.map(fmt)).astype(str)


def to_markdown(table: pd.DataFrame, digits: int = 3) -> str:
    """A GitHub-flavoured Markdown table.

    >>> print(to_markdown(pd.DataFrame({"x": ["a|b"], "n": [2]})))
    | x | n |
    |---|---:|
    | a\\|b | 2 |
    """
    cells = format_cells(table, digits)
    numeric = [pd.api.types.is_numeric_dtype(table[c]) for c in table.columns]
    head = "| " + " | ".join(map(str, table.columns)) + " |"
    rule = "|" + "|".join("---:" if n else "---" for n in numeric) + "|"
    body = ["| " + " | ".join(v.replace("|", "\\|").replace("\n", " ") for v in row) + " |"
            for row in cells.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def to_latex(table: pd.DataFrame, digits: int = 3) -> str:
    """A booktabs LaTeX tabular with special characters escaped."""
    def esc(text: str) -> str:
        return "".join(_LATEX_SPECIALS.get(ch, ch) for ch in text.replace("\n", " "))
    cells = format_cells(table, digits)
    align = "".join("r" if pd.api.types.is_numeric_dtype(table[c]) else "l" for c in table.columns)
    lines = [rf"\begin{{tabular}}{{{align}}}", r"\toprule",
             " & ".join(esc(str(c)) for c in table.columns) + r" \\", r"\midrule"]
    lines += [" & ".join(esc(v) for v in row) + r" \\" for row in cells.itertuples(index=False)]
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines)


def save_table(table: pd.DataFrame, name: str, *, digits: int = 3, directory=None, show: bool = True) -> SavedFiles:
    """Write a table as ``<name>.csv``, ``<name>.md`` and ``<name>.tex``, and
    show it in a notebook.

    Parameters
    ----------
    table : DataFrame
        The table; its index is not written.
    name : str
        The file name without suffix.
    digits : int
        Decimal places of float cells.
    directory : str or Path, optional
        Where to write (created if missing); default ``analysis.paths.figures_dir()``:
        ``$ANALYSIS_FIGURES_DIR``, else the checkout's ``figures/``.
    show : bool
        Display the table when running in a Jupyter notebook (the default;
        nothing is displayed elsewhere), so that an executed notebook shows
        every table it saved.

    Returns
    -------
    SavedFiles
        The three paths written (a list that prints as "saved <name>.csv, ...").

    Examples
    --------
    >>> import tempfile
    >>> import pandas as pd
    >>> paths = save_table(pd.DataFrame({"a": [1.23456]}), "demo", directory=tempfile.mkdtemp())
    >>> [p.name for p in paths]
    ['demo.csv', 'demo.md', 'demo.tex']
    >>> paths[0].read_text().splitlines()
    ['a', '1.235']
    """
    folder = figures_dir(directory)
    writers = {
        "csv": lambda p: p.write_text(format_cells(table, digits).to_csv(index=False, lineterminator="\n"),
                                      encoding="utf-8"),
        "md": lambda p: p.write_text(to_markdown(table, digits) + "\n", encoding="utf-8"),
        "tex": lambda p: p.write_text(to_latex(table, digits) + "\n", encoding="utf-8"),
    }
    paths = SavedFiles(write_atomic(folder / f"{name}.{ext}", write) for ext, write in writers.items())
    if show:
        show_saved(table, {"saved": name})
    return paths
