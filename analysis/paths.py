"""Project paths, anchored to the repository root so that notebooks and scripts
find ``seeds/`` and ``figures/`` from any working directory.

``ANALYSIS_FIGURES_DIR`` overrides where figures and tables are written (the
notebook runner uses it to write into a scratch folder and move the files into
``figures/`` only when a notebook succeeds).

>>> from analysis.paths import SEEDS_DIR
>>> SEEDS_DIR.name
'seeds'
"""

from __future__ import annotations

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
SEEDS_DIR = PROJ_ROOT / "seeds"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
DATA_DIR = PROJ_ROOT / "data"


def figures_dir() -> Path:
    """Folder where ``save_figure`` and ``save_table`` write (created if missing)."""
    path = Path(os.environ.get("ANALYSIS_FIGURES_DIR", PROJ_ROOT / "figures"))
    path.mkdir(parents=True, exist_ok=True)
    return path
