"""The files of the learned models of attribution (:class:`analysis.AttributionModel`,
:class:`analysis.ResponsibilityClassifier`): plain JSON, never pickle, that
records the actors, cues and word vectors a model was fitted with (file name,
version and digest) and is refused with others.

>>> import tempfile, pathlib
>>> path = write_model_file(pathlib.Path(tempfile.mkdtemp()) / "m.json", {"format": "x", "format_version": 1})
>>> read_model_file(path, "x", 1, "an x model")
{'format': 'x', 'format_version': 1}
>>> read_model_file(path, "y", 1, "a y model")
Traceback (most recent call last):
...
analysis.errors.ModelError: .../m.json: not a y model file of format y v1.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .._output import write_text_atomic
from ..errors import ModelError
from ..resources.actors import Actors
from ..resources.cues import Cues
from ..resources.vectors import WordVectors


def write_model_file(path, data: dict, *, overwrite: bool = False) -> Path:
    """Write a model's plain data as JSON (compact, UTF-8, atomically).

    Parameters
    ----------
    path : str or Path
    data : dict
        What the model's ``to_dict`` gives.
    overwrite : bool
        Replace an existing file; without it an existing file is an error.

    Returns
    -------
    Path

    Raises
    ------
    FileExistsError
        ``path`` exists and ``overwrite`` is False.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} exists; pass overwrite=True to replace it.")
    return write_text_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")


def labels_as_data(models: dict) -> dict:
    """Per label, its fitted decision (``analysis.measures.calibration``) with arrays as lists."""
    return {label: {**m, "coef": list(m["coef"]), "platt": list(m["platt"])} for label, m in models.items()}


def labels_from_data(data: dict) -> dict:
    """The inverse of :func:`labels_as_data`."""
    return {label: {**m, "coef": np.array(m["coef"]), "platt": np.array(m["platt"])} for label, m in data.items()}


def read_model_file(source: Path, fmt: str, version: int, what: str) -> dict:
    """The JSON of a model file, checked to be of ``fmt`` and ``version``.

    Parameters
    ----------
    source : Path
    fmt : str
    version : int
    what : str
        What the file should be, for the error ("a responsibility classifier").

    Returns
    -------
    dict

    Raises
    ------
    ModelError
    """
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ModelError(f"{source}: cannot be read as {what} ({err}).") from None
    if not isinstance(data, dict) or data.get("format") != fmt or data.get("format_version") != version:
        raise ModelError(f"{source}: not {what} file of format {fmt} v{version}.")
    return data


def resource_stamps(model) -> dict:
    """What a model file records of the actors, cues and vectors a model
    (``actors_``, ``cues_``, ``vectors_``) was fitted with: file name,
    version and digest.

    Parameters
    ----------
    model : a fitted model with ``actors_``, ``cues_`` and ``vectors_``

    Returns
    -------
    dict
    """
    vectors = None if model.vectors_ is None else {"name": model.vectors_.name, "digest": model.vectors_.digest}
    return {"actors": {"source": _name(model.actors_.source), "version": model.actors_.version,
                       "digest": model.actors_.digest},
            "cues": {"source": _name(model.cues_.source), "version": model.cues_.version, "digest": model.cues_.digest},
            "vectors": vectors}


def check_resource_stamps(model, data: dict, source) -> None:
    """Set ``model.actors_``, ``cues_`` and ``vectors_`` from its parameters,
    refusing resources whose digests differ from those ``data`` records.

    Parameters
    ----------
    model : a model with ``actors``, ``cues`` and ``vectors`` parameters
    data : dict
        The model file's content.
    source : path
        The file, named in errors.

    Raises
    ------
    ModelError
        Naming the resource that differs and what to do.
    """
    model.actors_, model.cues_ = Actors.load(model.actors), Cues.load(model.cues)
    for what, resource in (("actors", model.actors_), ("cues", model.cues_)):
        saved = data[what]
        if saved["digest"] != resource.digest:
            raise ModelError(f"{source}: the model was fitted with the {what} of {saved['source']} v{saved['version']}; "
                             f"those in use ({_name(resource.source)} v{resource.version}) differ (another digest), so "
                             f"its features would mean other things. Pass the {what} it was fitted with, or fit a model "
                             f"on your coding with yours ({type(model).__name__}(actors=..., cues=...).fit(coding, "
                             "corpus)).")
    model.vectors_ = None
    if data["vectors"] is not None:
        model.vectors_ = WordVectors.load(model.vectors)
        if model.vectors_.digest != data["vectors"]["digest"]:
            raise ModelError(f"{source}: the model was fitted with the word vectors {data['vectors']['name']}; those in "
                             f"use ({model.vectors_.name}) differ. Pass those vectors, or fit the model again.")


def _name(source: str) -> str:
    return source if source.startswith("<") else Path(source).name
