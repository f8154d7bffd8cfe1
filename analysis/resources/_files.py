"""Reading resource files: YAML mappings with clear errors, and a cache that
gives a file's new content as soon as it, or a file it refers to, changes on disk.

>>> from analysis.paths import shipped
>>> read_yaml_mapping(shipped("cues.yaml"), ValueError)["version"] >= 1
True
"""

from __future__ import annotations

from collections.abc import Callable
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import yaml

from ..paths import shipped

CLOSE_MATCH = 0.8     # difflib's ratio for "did you mean": one letter off in a word of five ('idd' for 'id')

_CACHE: dict[tuple, tuple[Any, dict]] = {}     # (key, path) -> (value, {file read: its version})
_READING: list[dict] = []                        # per build in progress, the files it has read


def read_yaml_mapping(path, error: type[Exception], *, kind: str = "YAML", hint: str = "") -> dict:
    """The mapping at the top of a YAML file (``yaml.safe_load``).

    A missing file, invalid YAML (with its line and column) or a top level that
    is not a mapping raises ``error`` naming the file; ``kind`` and ``hint`` say
    what file was expected and what to do.
    """
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


def cached_by_file(path, build: Callable[[Any], Any], *, key: str = ""):
    """``build(path)``, computed once per version of the file and of every
    file the build read (:func:`note_read`, or a nested ``cached_by_file``):
    a file edited on disk (new modification time or size) is read again, and
    so is a file that refers to it.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"; _ = p.write_text("a")
    >>> cached_by_file(p, lambda q: q.read_text())
    'a'
    >>> _ = p.write_text("bb"); cached_by_file(p, lambda q: q.read_text())
    'bb'
    """
    version = _version(path)
    if version is None:
        return build(path)
    cache_key = (key, str(path))
    hit = _CACHE.get(cache_key)
    if hit is None or hit[1][str(path)] != version or any(
            _version(other) != seen for other, seen in hit[1].items() if other != str(path)):
        _READING.append({})
        try:
            value = build(path)
        finally:
            read = _READING.pop()
        hit = _CACHE[cache_key] = (value, {**read, str(path): version})
    for reading in _READING:
        reading.update(hit[1])
    return hit[0]


def note_read(path) -> None:
    """Record that the builds in progress (:func:`cached_by_file`) read ``path``."""
    for reading in _READING:
        reading[str(path)] = _version(path)


def _version(path) -> tuple[int, int] | None:
    try:
        stat = Path(str(path)).stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def as_path(source):
    """A user's path (str or ``os.PathLike``) as a ``Path``; ``"shipped:NAME"``
    as the file shipped with the kit (under ``analysis/data/``), and a shipped
    :class:`~importlib.resources.abc.Traversable` as it is.

    >>> as_path("shipped:migration/cues.yaml").name
    'cues.yaml'
    """
    if isinstance(source, str) and source.startswith("shipped:"):
        return shipped(*source.removeprefix("shipped:").split("/"))
    return source if hasattr(source, "read_text") and not isinstance(source, str) else Path(source)


def referenced_file(reference, base, source: str, error: type[Exception], key: str):
    """The file a resource file names under ``key``: ``shipped:NAME`` (a file
    shipped with the kit, under ``analysis/data/``), an absolute path, or a path
    relative to the folder of the naming file (``base``). Raises ``error`` naming ``source`` and
    ``key`` if it is not there."""
    if not isinstance(reference, str) or not reference.strip():
        raise error(f"{source}: {key}: must be a path (relative to this file, or absolute) or shipped:NAME, not {reference!r}.")
    if reference.startswith("shipped:"):
        path = as_path(reference)
    elif Path(reference).is_absolute():
        path = Path(reference)
    elif base is None:
        raise error(f"{source}: {key}: {reference!r} is relative, but a mapping has no folder; give "
                    "shipped:NAME or an absolute path, or load the file from its path.")
    else:
        path = as_path(base) / reference
    if not path.is_file():
        raise error(f"{source}: {key}: {path} does not exist; give a path relative to this file's folder, "
                    "an absolute path or shipped:NAME.")
    return path


def close_key(key, allowed) -> str | None:
    """The key of ``allowed`` that ``key`` is likely a misspelling of, or None.

    >>> close_key("frams", {"frames", "naming"}), close_key("blame", {"frames", "naming"})
    ('frames', None)
    """
    match = get_close_matches(str(key), sorted(allowed), 1, CLOSE_MATCH)
    return match[0] if match else None


def key_problems(data: dict, allowed, required=()) -> str:
    """What is wrong with the keys of ``data``, or "" if nothing is: each key
    outside ``allowed`` with the allowed key it is likely a misspelling of,
    and the ``required`` keys missing beside it.

    >>> key_problems({"idd": "aid", "entries": ["aid"]}, {"id", "entries"}, required=("id", "entries"))
    "missing 'id' (unknown key 'idd': did you mean 'id'?). Allowed keys: ['entries', 'id']."
    """
    unknown = [k for k in data if k not in allowed]
    if not unknown:
        return ""
    close = {k: match for k in unknown if (match := close_key(k, allowed))}
    guesses = ", ".join(f"{m!r} for {k!r}" if len(unknown) > 1 else repr(m) for k, m in close.items())
    said = (f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}"
            + (f": did you mean {guesses}?" if close else ""))
    missing = [k for k in required if k not in data]
    if missing:
        said = f"missing {', '.join(map(repr, missing))} ({said})"
    return f"{said}{'' if said.endswith('?') else '.'} Allowed keys: {sorted(allowed)}."
