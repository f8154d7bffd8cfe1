"""Where things are: the shipped resources (package data, read with
:mod:`importlib.resources`, so the kit works installed from a wheel), and, only
when the code runs from a checkout of the project, its ``seeds/``, ``data/``,
``notebooks/`` and ``figures/`` folders.

``ANALYSIS_FIGURES_DIR`` overrides where figures and tables are written (the
notebook runner uses it to write into a scratch folder and move the files into
``figures/`` only when a notebook succeeds).

>>> shipped("migration", "frames.yaml").name
'frames.yaml'
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .errors import AnalysisError

PACKAGE_DIR = Path(__file__).resolve().parent


def shipped(*parts: str):
    """A resource file shipped with the kit (under ``analysis/data/``), as a
    :class:`importlib.resources.abc.Traversable` (a ``Path`` when installed normally)."""
    return resources.files("analysis").joinpath("data", *parts)


def project_root() -> Path | None:
    """The root of the project checkout the code runs from, or None when the
    kit is installed (no ``pyproject.toml`` and ``seeds/`` beside the package)."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() and (root / "seeds").is_dir() else None


def checkout_path(*parts: str, what: str, error: type[AnalysisError] = AnalysisError) -> Path:
    """A path in the project checkout; outside one, ``error`` naming ``what`` to pass.

    >>> checkout_path("seeds", what="a corpus path").name
    'seeds'
    """
    root = project_root()
    if root is None:
        raise error(f"the kit is not running from a checkout of the project, so there is no "
                    f"{'/'.join(parts)}/ to default to. Pass {what}.")
    return root.joinpath(*parts)


def figures_dir(directory: str | Path | None = None) -> Path:
    """Where ``save_figure`` and ``save_table`` write (created if missing):
    ``directory`` if given, else ``$ANALYSIS_FIGURES_DIR``, else the checkout's
    ``figures/``, else ``figures/`` in the working directory."""
    if directory is None:
        root = project_root()
        directory = os.environ.get("ANALYSIS_FIGURES_DIR") or (root / "figures" if root else Path.cwd() / "figures")
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    return path
