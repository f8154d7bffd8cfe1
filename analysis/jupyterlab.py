"""JupyterLab settings that make the kit's notebooks open as notebooks.

The notebooks are jupytext percent-format ``.py`` files. With jupytext 1.16+ and
JupyterLab 4 a double click on a ``.py`` file opens the text editor, unless the
default viewer of Python files is "Jupytext Notebook". :func:`write_lab_settings`
sets that default in the settings overrides of the *environment*
(``<prefix>/share/jupyter/lab/settings/overrides.json``), merged with whatever
the file already holds. Your home folder is never touched, and your own
settings (``~/.jupyter/lab/user-settings``, or Settings > Settings Editor in
JupyterLab) still win over it. ``make setup`` runs it; in a conda environment,
run it once after ``conda env create`` (with the environment active)::

    python -m analysis lab-settings

>>> import tempfile
>>> path = write_lab_settings(tempfile.mkdtemp())
>>> path.relative_to(path.parents[4]).as_posix()
'share/jupyter/lab/settings/overrides.json'
>>> json.loads(path.read_text()) == VIEWER_SETTINGS
True
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

from ._output import write_text_atomic
from .errors import AnalysisError

#: The setting: Python files open with jupytext's notebook view.
VIEWER_SETTINGS = {"@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"python": "Jupytext Notebook"}}}


def lab_settings_path(prefix: str | Path | None = None) -> Path:
    """The settings overrides file of the environment at ``prefix`` (default: this Python's)."""
    return Path(prefix if prefix is not None else sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def is_environment(prefix: str | Path) -> bool:
    """True if ``prefix`` is a virtual environment or a conda environment."""
    prefix = Path(prefix)
    return (prefix / "pyvenv.cfg").is_file() or (prefix / "conda-meta").is_dir()


def _merge(into: dict, new: dict) -> dict:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
    return into


def write_lab_settings(prefix: str | Path | None = None) -> Path:
    """Set :data:`VIEWER_SETTINGS` in the overrides file of the environment at
    ``prefix`` (default: this Python's, which must be a virtual or conda
    environment); keep every other setting in the file. Return its path."""
    if prefix is None:
        if not is_environment(sys.prefix):
            raise AnalysisError(f"{sys.prefix} is not a virtual or conda environment; writing JupyterLab settings "
                                "there would change them for every user of this Python. Activate the kit's "
                                "environment (make setup creates .venv), or pass --prefix.")
        prefix = sys.prefix
    path = lab_settings_path(prefix)
    current = {}
    if path.exists():
        try:
            current = json.loads(path.read_text(encoding="utf-8") or "{}")
        except json.JSONDecodeError as err:
            raise AnalysisError(f"{path} is not valid JSON ({err}); fix or remove it, then run this again.") from None
        if not isinstance(current, dict):
            raise AnalysisError(f"{path} holds a {type(current).__name__}, not a JSON object; fix or remove it.")
    merged = _merge(current, copy.deepcopy(VIEWER_SETTINGS))
    text = json.dumps(merged, indent=2, ensure_ascii=False) + "\n"
    # readable by everyone who uses the environment, as pip's files are
    return write_text_atomic(path, text, mode=0o644)


def main(argv: list[str]) -> int:
    """``python -m analysis lab-settings [--prefix PATH]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m analysis lab-settings",
                                     description="Make JupyterLab in this environment open .py notebooks as notebooks.")
    parser.add_argument("--prefix", help=f"the environment to configure (default: this Python's, {sys.prefix})")
    args = parser.parse_args(argv)
    try:
        path = write_lab_settings(args.prefix)
    except AnalysisError as err:
        print(f"lab-settings: {err}", file=sys.stderr)
        return 1
    print(f"JupyterLab opens .py files as notebooks in this environment ({path})")
    return 0
