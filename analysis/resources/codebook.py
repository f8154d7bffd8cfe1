"""Codebooks of frames and of the naming of people on the move, as data.

A codebook is read from YAML (the layout of ``analysis/data/migration/frames.yaml``,
or a quanteda-style ``{frame: [entry, ...]}`` mapping) or a LIWC/quanteda ``.dic``
file, validated (every text a string, ids unique, entries compilable; errors name
the file and key path, and a misspelt key the key meant), and compiled once into the lexicons that
:func:`analysis.frame_hits` and :func:`analysis.migrant_naming` match.

>>> cb = Codebook.load()
>>> cb.frame_ids
['sovereignty', 'humanitarian', 'security', 'criminality', 'cooperation']
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .._output import write_text_atomic
from ..errors import CodebookError, LexiconError
from ..matching import Lexicon
from ._base import Resource, freeze, thaw
from ._files import as_path, close_key, key_problems, read_yaml_mapping

RESERVED_IDS = frozenset({"doc_id", "sent_id", "par_id", "text", "start", "end", "frame", "label"})
_TOP_KEYS = {"version", "title", "description", "changelog", "overlaps", "frames", "naming"}
_FRAME_KEYS = {"id", "label", "definition", "includes", "excludes", "examples", "overlaps", "note", "entries"}
_FRAME_TEXTS = ("label", "definition", "overlaps", "note")
_FRAME_LISTS = ("includes", "excludes", "examples")
_ENTRY_KEYS = {"entry", "weight", "note"}
_NAMING_KEYS = {"id", "label", "kind", "note", "entries"}
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Codebook(Resource):
    """A validated, immutable codebook: frames with their entries, and naming labels.

    Build one with :meth:`Codebook.load` (a path, a mapping, or None for the
    shipped one) or :func:`load_codebook` (which can also extend ours).
    ``frames`` are read-only mappings with ``id``, ``entries`` (each with
    ``entry``, ``weight``, ``note``) and the descriptive keys; ``naming`` are
    mappings with ``id``, ``label``, ``kind`` and ``entries``.

    Parameters
    ----------
    version : str
        The codebook's version: the file's ``version:`` ("unversioned" if it
        has none; an extended codebook's joins ours and the file's name with
        ``+``).
    frames : tuple of mapping
        The frames, in file order (see above).
    naming : tuple of mapping, optional
        The naming labels (see above); default none.
    source : str
        Where the codebook was read from (a path, or "<mapping>"), named in
        error messages; default "<mapping>". Two codebooks that differ only
        in ``source`` are equal.
    about : mapping, optional
        Those of the file's ``title``, ``description``, ``changelog``,
        ``overlaps`` and ``naming.description`` (as ``naming_description``)
        it has; default empty.

    Examples
    --------
    >>> Codebook.load({"aid": ["aid", "relief*"]}).frame_ids
    ['aid']
    """

    version: str
    frames: tuple
    naming: tuple = ()
    source: str = field(default="<mapping>", compare=False)
    about: object = field(default_factory=dict)  # title, description, changelog, overlaps, naming_description

    kind = "codebook"
    error = CodebookError
    default = ("migration", "frames.yaml")
    hint = "give the path of a .yaml or .dic file."

    @property
    def frame_ids(self) -> list[str]:
        return [f["id"] for f in self.frames]

    @property
    def naming_ids(self) -> list[str]:
        return [n["id"] for n in self.naming]

    @cached_property
    def lexicon(self) -> Lexicon:
        """The frames' entries compiled for matching (label = frame id)."""
        return _compile(self.source, {f["id"]: [e["entry"] for e in f["entries"]] for f in self.frames})

    @cached_property
    def naming_lexicon(self) -> Lexicon:
        """The naming labels' entries compiled for matching (label = naming id)."""
        return _compile(self.source, {n["id"]: list(n["entries"]) for n in self.naming})

    @cached_property
    def entries_digest(self) -> str:
        """SHA-256 of the frames' and naming labels' ids and entries, in order:
        two codebooks with the same digest find the same hits, whatever their
        version says (a frame classifier records it to refuse edited entries).

        >>> Codebook.load({"aid": ["aid"]}).entries_digest == Codebook.load({"aid": ["relief"]}).entries_digest
        False
        """
        matched = [[f["id"], [e["entry"] for e in f["entries"]]] for f in self.frames]
        named = [[n["id"], list(n["entries"])] for n in self.naming]
        return hashlib.sha256(json.dumps([matched, named], ensure_ascii=False).encode("utf-8")).hexdigest()

    @cached_property
    def weights(self) -> dict[tuple[str, str], float]:
        """``{(frame id, entry): weight}``."""
        return {(f["id"], e["entry"]): e["weight"] for f in self.frames for e in f["entries"]}

    def to_dict(self) -> dict:
        """The codebook as a plain mapping in the YAML layout of ``frames.yaml``.

        Returns
        -------
        dict
            ``version``, the descriptive keys of the file (``title``,
            ``description``, ``changelog``, ``overlaps``), ``frames`` (an entry
            of weight 1 with no note as its text alone, any other as a mapping
            with ``entry``, ``weight`` and ``note`` if it has one) and, if
            there are naming labels, ``naming`` (its ``description`` if any,
            and ``labels``); plain dicts and lists, as
            :func:`analysis.save_codebook` writes them to YAML.
        """
        frames = [{**thaw(f), "entries": [e["entry"] if e["weight"] == 1 and not e["note"] else
                                          {k: v for k, v in e.items() if v is not None} for e in f["entries"]]}
                  for f in self.frames]
        about = {k: thaw(v) for k, v in self.about.items() if k != "naming_description"}
        data = {"version": self.version, **about, "frames": frames}
        if self.naming:
            described = {"description": self.about["naming_description"]} if "naming_description" in self.about else {}
            data["naming"] = {**described, "labels": [thaw(n) for n in self.naming]}
        return data

    @classmethod
    def from_file(cls, path) -> "Codebook":
        """Read and validate a codebook file, with no caching (:meth:`load` caches).

        Parameters
        ----------
        path : str or Path
            A ``.yaml``/``.yml`` codebook (our layout or a ``{frame: [entries]}``
            mapping) or a LIWC/quanteda ``.dic`` file.

        Returns
        -------
        Codebook

        Examples
        --------
        >>> from analysis.paths import shipped
        >>> Codebook.from_file(shipped("migration", "frames.yaml")).frame_ids[:2]
        ['sovereignty', 'humanitarian']
        """
        path = as_path(path)
        suffix = Path(str(path)).suffix.lower()
        if not path.is_file():
            raise CodebookError(f"{path}: no such codebook file; give the path of a .yaml or .dic file.")
        if suffix == ".dic":
            return _read_dic(path)
        if suffix not in {".yaml", ".yml"}:
            raise CodebookError(f"{path}: unknown codebook format {suffix!r}; use .yaml, .yml or .dic.")
        data = read_yaml_mapping(path, CodebookError, kind="codebook", hint=cls.hint)
        return cls.from_dict(data, source=str(path))

    @classmethod
    def from_dict(cls, data, *, source: str = "<mapping>", base=None) -> "Codebook":
        """Validate a codebook mapping (see :func:`load_codebook`).

        Parameters
        ----------
        data : dict
            Our layout (``frames:``, a list of frames with ``id`` and
            ``entries``, and optionally ``version``, ``title``,
            ``description``, ``changelog``, ``overlaps`` and ``naming``), or a
            quanteda-style mapping ``{frame: [entry, ...]}`` (nested keys are
            joined with ``_``). A mapping without ``frames:`` whose keys
            include ours, or near misses of ours, holding no list of entries
            (``version: 0.1``, ``frams:`` with a list of frames) is our layout
            with a misspelt key, and refused naming it.
        source : str
            Where the mapping comes from, named in error messages and kept as
            ``source``; default "<mapping>".
        base : path, optional
            Not used: a codebook names no other file (every resource's
            ``from_dict`` takes it).

        Returns
        -------
        Codebook
            The validated codebook, its entries compiled.

        Raises
        ------
        CodebookError
            Naming ``source`` and the key path at fault.

        Examples
        --------
        >>> Codebook.from_dict({"frames": [{"id": "aid", "entries": ["aid", {"entry": "relief", "weight": 2}]}]}).weights
        {('aid', 'aid'): 1, ('aid', 'relief'): 2}
        """
        if not isinstance(data, dict) or not data:
            raise CodebookError(f"{source}: expected a mapping with 'frames:' (or {{frame: [entries]}}), "
                                f"got {type(data).__name__}.")
        ours = [] if "frames" in data else _layout_keys(data)
        if "frames" not in data and not ours:
            codebook = cls("unversioned", freeze(_simple_frames(data, source)), (), source)
        else:
            problem = key_problems(data, _TOP_KEYS, required=("frames",))
            if problem:
                looks = (f"looks like our layout (frames.yaml) with a misspelt key, not a {{frame: [entries]}} "
                         f"mapping (no list of entries under {', '.join(map(repr, ours))}): " if ours else "")
                raise CodebookError(f"{source}: {looks}{problem}")
            frames_data = data.get("frames")
            if not isinstance(frames_data, list) or not frames_data:
                raise CodebookError(f"{source}: 'frames' must be a non-empty list of frames with 'id' and 'entries'.")
            frames = [_frame(f, f"{source}: frames[{i}]") for i, f in enumerate(frames_data)]
            _unique([f["id"] for f in frames], f"{source}: frames")
            naming = _naming(data.get("naming"), source)
            about = {k: data[k] for k in ("title", "description", "changelog", "overlaps") if k in data}
            for key in ("title", "description", "overlaps"):
                if key in about:
                    _text(about[key], f"{source}: {key}")
            if "changelog" in about:
                _texts(about["changelog"], f"{source}: changelog")
            if isinstance(data.get("naming"), dict) and "description" in data["naming"]:
                about["naming_description"] = _text(data["naming"]["description"], f"{source}: naming.description")
            codebook = cls(str(data.get("version", "unversioned")), freeze(frames), freeze(naming), source,
                           freeze(about))
        codebook.lexicon, codebook.naming_lexicon  # noqa: B018 -- compile now so bad entries fail here
        return codebook


def load_codebook(path=None, *, extend: bool = False) -> Codebook:
    """Read a codebook: ours (``path=None``), or yours to replace or extend ours.

    Parameters
    ----------
    path : str or Path, optional
        ``.yaml``/``.yml``: either the layout of ``analysis/data/migration/frames.yaml``
        (``frames:`` with ``id`` and ``entries``; only those two keys are
        required) or a quanteda-style mapping ``{frame: [entry, ...]}`` (nested
        keys are joined with ``_``). ``.dic``: a LIWC/quanteda dictionary (a
        ``%``-delimited header of ``number name`` lines, then ``entry<TAB>number...``).
    extend : bool
        Add the file's frames to ours: entries of a frame id we have are added
        to it, new ids become new frames.

    Returns
    -------
    Codebook
        The validated codebook, the same as ``Codebook.load(path)`` (the
        form every measure's ``codebook=`` takes) unless ``extend``. Naming
        labels (:func:`analysis.migrant_naming`) come from the file's
        ``naming:``; a file without it has none, unless ``extend`` keeps ours.

    Raises
    ------
    CodebookError
        Naming the file and the key path at fault.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.yaml"
    >>> _ = path.write_text("blame:\\n  - blame*\\n  - responsib*\\n")
    >>> load_codebook(path).frame_ids
    ['blame']
    >>> load_codebook(path, extend=True).frame_ids[-2:]
    ['cooperation', 'blame']
    """
    codebook = Codebook.load(path)
    return _merge(Codebook.load(), codebook) if extend and path is not None else codebook


def save_codebook(codebook: Codebook, path, *, overwrite: bool = False) -> Path:
    """Write a codebook to a file (all at once: an interrupted write leaves no half file).

    Parameters
    ----------
    codebook : Codebook
        The codebook (``Codebook.load(...)`` or :func:`analysis.load_codebook`).
    path : str or Path
        ``.yaml`` (everything) or ``.dic`` (frames and entries only: a LIWC file
        has no weights, notes, definitions or naming).
    overwrite : bool
        Replace an existing file (its comments are not kept); by default an
        existing file is refused.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    FileExistsError
        If ``path`` exists and ``overwrite`` is false.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = save_codebook(Codebook.load(), pathlib.Path(tempfile.mkdtemp()) / "copy.yaml")
    >>> load_codebook(path) == Codebook.load()
    True
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} exists; pass overwrite=True to replace it (its comments are lost), "
                              "or choose another path.")
    if path.suffix.lower() in {".yaml", ".yml"}:
        text = yaml.safe_dump(codebook.to_dict(), sort_keys=False, allow_unicode=True, width=100)
    elif path.suffix.lower() == ".dic":
        numbers = {fid: i for i, fid in enumerate(codebook.frame_ids, start=1)}
        lines = ["%", *(f"{n}\t{fid}" for fid, n in numbers.items()), "%"]
        cats: dict[str, list[int]] = {}
        for frame in codebook.frames:
            for e in frame["entries"]:
                cats.setdefault(e["entry"], []).append(numbers[frame["id"]])
        lines += ["\t".join([entry, *map(str, ns)]) for entry, ns in cats.items()]
        text = "\n".join(lines) + "\n"
    else:
        raise CodebookError(f"{path}: cannot write format {path.suffix!r}; use .yaml or .dic.")
    return write_text_atomic(path, text)


# --------------------------------------------------------------------------- validation


def _text(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CodebookError(f"{where}: must be text, not {value!r}; quote it in the file (a colon followed by "
                            "a space inside unquoted text makes YAML read a mapping).")
    return value


def _texts(value, where: str) -> list[str]:
    if not isinstance(value, list):
        raise CodebookError(f"{where}: must be a list of texts, not {value!r}.")
    return [_text(item, f"{where}[{i}]") for i, item in enumerate(value)]


def _frame(data, where: str) -> dict:
    if not isinstance(data, dict):
        raise CodebookError(f"{where}: a frame must be a mapping with 'id' and 'entries', not {data!r}.")
    problem = key_problems(data, _FRAME_KEYS, required=("id", "entries"))
    if problem:
        named = f"{where} (id {data['id']!r})" if "id" in data else where
        raise CodebookError(f"{named}: {problem}")
    fid = _frame_id(data.get("id"), where)
    where = f"{where} (id {fid!r})"
    for key in _FRAME_TEXTS:
        if key in data:
            _text(data[key], f"{where}.{key}")
    for key in _FRAME_LISTS:
        if key in data:
            _texts(data[key], f"{where}.{key}")
    entries = data.get("entries")
    if not isinstance(entries, list) or not entries:
        raise CodebookError(f"{where}.entries: must be a non-empty list of entries.")
    frame = {k: data[k] for k in data if k != "entries"}
    frame["id"] = fid
    frame["entries"] = [_entry(e, f"{where}.entries[{j}]") for j, e in enumerate(entries)]
    return frame


def _entry(data, where: str) -> dict:
    if isinstance(data, str):
        return {"entry": data, "weight": 1, "note": None}
    problem = key_problems(data, _ENTRY_KEYS, required=("entry",)) if isinstance(data, dict) else ""
    if problem:
        raise CodebookError(f"{where}: {problem}")
    if not isinstance(data, dict) or "entry" not in data:
        raise CodebookError(f"{where}: an entry is a string or a mapping with 'entry' (and 'weight', 'note'), "
                            f"not {data!r}.")
    if not isinstance(data["entry"], str):
        raise CodebookError(f"{where}.entry: {data['entry']!r} is not a string; quote it.")
    weight = data.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0:
        raise CodebookError(f"{where}.weight: {weight!r} is not a positive number.")
    note = data.get("note")
    if note is not None:
        _text(note, f"{where}.note")
    return {"entry": data["entry"], "weight": weight, "note": note}


def _frame_id(fid, where: str) -> str:
    if fid is None:
        raise CodebookError(f"{where}: missing 'id'; give it a name of letters, digits and underscores "
                            "(it becomes a column name).")
    if not isinstance(fid, str) or not _ID.fullmatch(fid):
        raise CodebookError(f"{where}: id {fid!r} must be a name of letters, digits and underscores "
                            "(it becomes a column name).")
    if fid in RESERVED_IDS:
        raise CodebookError(f"{where}: id {fid!r} is reserved for a table column; choose another id.")
    return fid


def _simple_frames(data: dict, source: str, prefix: str = "") -> list[dict]:
    frames = []
    for key, value in data.items():
        name = f"{prefix}_{key}" if prefix else str(key)
        if isinstance(value, dict):
            frames += _simple_frames(value, source, name)
            continue
        fid = _frame_id(name, f"{source}: key {name!r}")
        if not isinstance(value, list) or not value:
            raise CodebookError(f"{source}: key {name!r}: expected a list of entries, got {value!r}.")
        frames.append({"id": fid, "entries": [_entry(e, f"{source}: {name}[{j}]") for j, e in enumerate(value)]})
    _unique([f["id"] for f in frames], f"{source}: keys")
    return frames


def _naming(data, source: str) -> list[dict]:
    if data is None:
        return []
    labels = data.get("labels") if isinstance(data, dict) else None
    problem = key_problems(data, {"description", "labels"}, required=("labels",)) if isinstance(data, dict) else ""
    if problem:
        raise CodebookError(f"{source}: naming: {problem}")
    if not isinstance(labels, list) or not labels:
        raise CodebookError(f"{source}: naming: expected a mapping with 'labels:', a list of labels "
                            "with id, label, kind and entries.")
    out = []
    for i, item in enumerate(labels):
        where = f"{source}: naming.labels[{i}]"
        if not isinstance(item, dict):
            raise CodebookError(f"{where}: must be a mapping with id, label, kind and entries.")
        problem = key_problems(item, _NAMING_KEYS, required=("id", "entries"))
        if problem:
            raise CodebookError(f"{where}: {problem}")
        nid = _frame_id(item.get("id"), where)
        where = f"{where} (id {nid!r})"
        entries = item.get("entries")
        if not isinstance(entries, list) or not entries:
            raise CodebookError(f"{where}.entries: must be a non-empty list of strings.")
        _texts(entries, f"{where}.entries")
        kind = item.get("kind", "people")
        if kind not in ("people", "phenomenon"):
            raise CodebookError(f"{where}.kind: {kind!r} must be 'people' or 'phenomenon'.")
        for key in ("label", "note"):
            if key in item:
                _text(item[key], f"{where}.{key}")
        out.append({**item, "id": nid, "label": str(item.get("label", nid)), "kind": kind})
    _unique([n["id"] for n in out], f"{source}: naming.labels")
    return out


def _layout_keys(data: dict) -> list:
    """The keys of a mapping without ``frames:`` that make it our layout with
    a misspelt key rather than a ``{frame: [entries]}`` mapping: ours or close
    to ours (``frams``), and holding something other than a list of entries
    (``version: 0.1``, a list of frames).

    >>> _layout_keys({"version": 0.1, "frams": [{"id": "aid"}]}), _layout_keys({"frame": ["aid"], "blame": 0})
    (['version', 'frams'], [])
    """
    return [k for k, v in data.items()
            if (k in _TOP_KEYS or close_key(k, _TOP_KEYS))
            and not (isinstance(v, list) and all(isinstance(e, str) for e in v))]


def _unique(ids: list[str], where: str) -> None:
    seen = set()
    for i in ids:
        if i in seen:
            raise CodebookError(f"{where}: id {i!r} appears twice; merge the two.")
        seen.add(i)


def _compile(source: str, entries: dict[str, list[str]]) -> Lexicon:
    try:
        return Lexicon.from_entries(entries)
    except LexiconError as err:
        raise CodebookError(f"{source}: {err}") from None


def _read_dic(path) -> Codebook:
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    numbered = [(i, line.strip()) for i, line in enumerate(lines, start=1) if line.strip()]
    if not numbered or numbered[0][1] != "%":
        raise CodebookError(f"{path}: line {numbered[0][0] if numbered else 1}: a .dic file starts with a "
                            "'%' line, then 'number<TAB>category' lines, then '%'.")
    categories: dict[str, str] = {}
    k = 1
    while k < len(numbered) and numbered[k][1] != "%":
        lineno, line = numbered[k]
        parts = line.split(None, 1)
        if len(parts) != 2 or not parts[0].isdigit():
            raise CodebookError(f"{path}: line {lineno}: expected 'number<TAB>category', got {line!r}.")
        if parts[0] in categories:
            raise CodebookError(f"{path}: line {lineno}: category number {parts[0]} is defined twice.")
        categories[parts[0]] = _frame_id(parts[1].strip(), f"{path}: line {lineno}")
        k += 1
    if k == len(numbered):
        raise CodebookError(f"{path}: the category header has no closing '%' line.")
    frames = {name: [] for name in categories.values()}
    for lineno, line in numbered[k + 1:]:
        fields = [f.strip() for f in line.split("\t")] if "\t" in line else _split_words(line)
        entry, numbers = fields[0], [f for f in fields[1:] if f]
        if not numbers:
            raise CodebookError(f"{path}: line {lineno}: entry {entry!r} has no category number.")
        for number in numbers:
            if number not in categories:
                raise CodebookError(f"{path}: line {lineno}: category {number!r} of entry {entry!r} is not "
                                    f"in the header (known: {', '.join(categories)}).")
            frames[categories[number]].append({"entry": entry, "weight": 1, "note": None})
    empty = [name for name, entries in frames.items() if not entries]
    if empty:
        raise CodebookError(f"{path}: category {empty[0]!r} has no entries; remove it from the header.")
    codebook = Codebook("unversioned", freeze([{"id": n, "entries": e} for n, e in frames.items()]), (), str(path))
    codebook.lexicon  # noqa: B018 -- compile now so bad entries fail here
    return codebook


def _split_words(line: str) -> list[str]:
    """``human rights 2 5`` -> ``["human rights", "2", "5"]`` (trailing numbers are categories)."""
    parts = line.split()
    k = len(parts)
    while k > 1 and parts[k - 1].isdigit():
        k -= 1
    return [" ".join(parts[:k]), *parts[k:]]


def _merge(base: Codebook, extra: Codebook) -> Codebook:
    frames = {f["id"]: dict(f, entries=list(f["entries"])) for f in base.frames}
    for frame in extra.frames:
        if frame["id"] in frames:
            frames[frame["id"]]["entries"] += list(frame["entries"])
        else:
            frames[frame["id"]] = dict(frame)
    codebook = Codebook(f"{base.version}+{Path(extra.source).name}", freeze(list(frames.values())),
                        extra.naming or base.naming, f"{base.source} + {extra.source}", base.about)
    codebook.lexicon  # noqa: B018 -- duplicates between the two files fail here, naming both
    return codebook
