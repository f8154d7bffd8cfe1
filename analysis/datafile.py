"""Read the kit's data files (codebooks, actors, cues) and users' replacements.

>>> from analysis.paths import PACKAGE_DATA
>>> read_yaml_mapping(PACKAGE_DATA / "cues.yaml")["version"] >= 1
True
"""

from __future__ import annotations

from pathlib import Path

import yaml


def read_yaml_mapping(path: str | Path, error: type[Exception] = ValueError, *, kind: str = "YAML",
                      hint: str = "") -> dict:
    """The mapping at the top of a YAML file (read with ``yaml.safe_load``).

    A missing file, invalid YAML (with its line and column) or a top level that
    is not a mapping raises ``error`` naming the file; ``kind`` and ``hint`` say
    what file was expected and what to do.
    """
    path = Path(path)
    if not path.is_file():
        raise error(f"{path}: no such {kind} file" + (f"; {hint}" if hint else "."))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}:" if mark else ""
        raise error(f"{path}:{where} not valid YAML ({getattr(err, 'problem', None) or err}).") from None
    if not isinstance(data, dict):
        raise error(f"{path}: expected a mapping at the top level" + (f"; {hint}" if hint else "."))
    return data
