"""Frames of migration (sovereignty, humanitarian, security, criminality,
cooperation) and the naming of people on the move, measured with a codebook
that is data (``analysis/data/frames.yaml``) and traceable to words and spans.

* ``frame_hits(sentences)``: one row per hit, with offsets into the document.
* ``frame_scores(sentences)``: the input with one integer column per frame.
* ``frame_profile(sentences, by="doc_id")``: hits per 1,000 tokens and share of
  sentences with each frame, per group.
* ``frame_evidence(sentences)``: the strongest sentences per frame, as KWIC.
* ``kwic(corpus, pattern)``: keyword in context for any entry or glob.
* ``frame_validity(sentences, coding)``: precision, recall, F1 against hand coding.
* ``migrant_naming(sentences)``, ``naming_speakers(naming, quotes)`` and
  ``naming_table(naming, by)``: how people on the move are named, per
  sentence, by whom, and per group.
* ``FrameScorer``: the same counts as a scikit-learn transformer.
* ``plot_frame_profile(profile)``, ``plot_naming(table, by)``: the figures.
* ``load_codebook(path)`` / ``save_codebook(codebook, path)``: your own
  codebook as YAML (ours, or a quanteda-style ``{key: [entries]}`` mapping) or
  a LIWC/quanteda ``.dic`` file, to replace or (``extend=True``) extend ours.

Matching rules (case, token boundaries, multi-word entries, globs, negation)
are those of :mod:`analysis.matching`. A negated hit ("no violations") still
counts by default: a frame that is denied is still invoked; pass
``negated="skip"`` to leave negated hits out.

>>> import analysis
>>> sents = analysis.sentences(analysis.load_corpus())
>>> scores = frame_scores(sents)
>>> list(scores.columns[-5:])
['sovereignty', 'humanitarian', 'security', 'criminality', 'cooperation']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .matching import Lexicon, LexiconError, is_negated
from .datafile import read_yaml_mapping
from .paths import PACKAGE_DATA
from .segment import TOKEN_PATTERN, words

CODEBOOK_FILE = PACKAGE_DATA / "frames.yaml"
NEGATED_CHOICES = ("count", "skip")
RESERVED_IDS = frozenset({"doc_id", "sent_id", "par_id", "text", "start", "end", "frame", "label"})
_TOP_KEYS = {"version", "title", "description", "changelog", "overlaps", "frames", "naming"}
_FRAME_KEYS = {"id", "label", "definition", "includes", "excludes", "examples", "overlaps", "note", "entries"}
_ENTRY_KEYS = {"entry", "weight", "note"}
_NAMING_KEYS = {"id", "label", "kind", "note", "entries"}
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_WORD_CHAR = re.compile(r"\w")
_LETTERS = re.compile(r"[^\W\d_]+")


class CodebookError(ValueError):
    """A codebook file or mapping that cannot be used; the message names the
    file and the key or line, and says what to do."""


@dataclass(frozen=True)
class Codebook:
    """A validated codebook: frames with their entries, and naming labels.

    Build one with :func:`load_codebook`; ``frames`` are mappings with ``id``,
    ``entries`` (each ``{"entry", "weight", "note"}``) and the descriptive keys;
    ``naming`` are mappings with ``id``, ``label``, ``kind`` and ``entries``.

    >>> cb = load_codebook()
    >>> cb.frame_ids
    ['sovereignty', 'humanitarian', 'security', 'criminality', 'cooperation']
    """

    version: str
    frames: tuple
    naming: tuple = ()
    source: str = field(default="<mapping>", compare=False)
    about: dict = field(default_factory=dict)  # title, description, changelog, overlaps, naming_description

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
    def weights(self) -> dict[tuple[str, str], float]:
        """``{(frame id, entry): weight}``."""
        return {(f["id"], e["entry"]): e["weight"] for f in self.frames for e in f["entries"]}

    def to_dict(self) -> dict:
        """The codebook as a plain mapping in the YAML layout of ``frames.yaml``."""
        frames = [{**f, "entries": [e["entry"] if e["weight"] == 1 and not e["note"] else
                                    {k: v for k, v in e.items() if v is not None} for e in f["entries"]]}
                  for f in self.frames]
        about = {k: v for k, v in self.about.items() if k != "naming_description"}
        data = {"version": self.version, **about, "frames": frames}
        if self.naming:
            described = {"description": self.about["naming_description"]} if "naming_description" in self.about else {}
            data["naming"] = {**described, "labels": [dict(n) for n in self.naming]}
        return data


# --------------------------------------------------------------------------- codebook files


def load_codebook(path: str | Path | None = None, *, extend: bool = False) -> Codebook:
    """Read a codebook: ours (``path=None``), or yours to replace or extend ours.

    Parameters
    ----------
    path : str or Path, optional
        ``.yaml``/``.yml``: either the layout of ``analysis/data/frames.yaml``
        (``frames:`` with ``id`` and ``entries``; only those two keys are
        required) or a quanteda-style mapping ``{frame: [entry, ...]}`` (nested
        keys are joined with ``_``). ``.dic``: a LIWC/quanteda dictionary (a
        ``%``-delimited header of ``number name`` lines, then ``entry<TAB>number...``).
    extend : bool
        Add the file's frames to ours: entries of a frame id we have are added
        to it, new ids become new frames.

    Naming labels come from the file if it has ``naming:``, else from ours.
    Raises :class:`CodebookError` naming the file and the key or line.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.yaml"
    >>> _ = path.write_text("blame:\\n  - blame*\\n  - responsib*\\n")
    >>> load_codebook(path).frame_ids
    ['blame']
    >>> load_codebook(path, extend=True).frame_ids[-2:]
    ['cooperation', 'blame']
    """
    if path is None:
        return _shipped()
    path = Path(path)
    if not path.is_file():
        raise CodebookError(f"{path}: no such codebook file; give the path of a .yaml or .dic file.")
    if path.suffix.lower() == ".dic":
        codebook = _read_dic(path)
    elif path.suffix.lower() in {".yaml", ".yml"}:
        codebook = codebook_from_dict(_read_yaml(path), source=str(path))
    else:
        raise CodebookError(f"{path}: unknown codebook format {path.suffix!r}; use .yaml, .yml or .dic.")
    if not codebook.naming:
        codebook = Codebook(codebook.version, codebook.frames, _shipped().naming, codebook.source, codebook.about)
    return _merge(_shipped(), codebook) if extend else codebook


def save_codebook(codebook: Codebook, path: str | Path) -> Path:
    """Write a codebook as ``.yaml`` (everything) or ``.dic`` (frames and
    entries only: a LIWC file has no weights, notes, definitions or naming).

    >>> import tempfile, pathlib
    >>> path = save_codebook(load_codebook(), pathlib.Path(tempfile.mkdtemp()) / "copy.yaml")
    >>> load_codebook(path) == load_codebook()
    True
    """
    path = Path(path)
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
    path.write_text(text, encoding="utf-8")
    return path


def codebook_from_dict(data: dict, source: str = "<mapping>") -> Codebook:
    """Validate a codebook mapping (see :func:`load_codebook`) into a :class:`Codebook`.

    >>> codebook_from_dict({"frames": [{"id": "aid", "entries": ["aid", {"entry": "relief", "weight": 2}]}]}).weights
    {('aid', 'aid'): 1, ('aid', 'relief'): 2}
    """
    if not isinstance(data, dict) or not data:
        raise CodebookError(f"{source}: expected a mapping with 'frames:' (or {{frame: [entries]}}), "
                            f"got {type(data).__name__}.")
    if "frames" not in data:
        return Codebook("unversioned", tuple(_simple_frames(data, source)), (), source)
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise CodebookError(f"{source}: unknown top-level key(s) {sorted(unknown)}; allowed: {sorted(_TOP_KEYS)}.")
    frames_data = data["frames"]
    if not isinstance(frames_data, list) or not frames_data:
        raise CodebookError(f"{source}: 'frames' must be a non-empty list of frames with 'id' and 'entries'.")
    frames = [_frame(f, f"{source}: frames[{i}]") for i, f in enumerate(frames_data)]
    _unique([f["id"] for f in frames], f"{source}: frames")
    naming = _naming(data.get("naming"), source)
    about = {k: data[k] for k in ("title", "description", "changelog", "overlaps") if k in data}
    if isinstance(data.get("naming"), dict) and "description" in data["naming"]:
        about["naming_description"] = data["naming"]["description"]
    codebook = Codebook(str(data.get("version", "unversioned")), tuple(frames), tuple(naming), source, about)
    codebook.lexicon, codebook.naming_lexicon  # noqa: B018 -- compile now so bad entries fail here
    return codebook


@lru_cache(maxsize=1)
def _shipped() -> Codebook:
    return codebook_from_dict(_read_yaml(CODEBOOK_FILE), source=str(CODEBOOK_FILE))


def _read_yaml(path: Path) -> dict:
    return read_yaml_mapping(path, CodebookError, kind="codebook", hint="give the path of a .yaml or .dic file.")


def _frame(data, where: str) -> dict:
    if not isinstance(data, dict):
        raise CodebookError(f"{where}: a frame must be a mapping with 'id' and 'entries', not {data!r}.")
    fid = _frame_id(data.get("id"), where)
    where = f"{where} (id {fid!r})"
    unknown = set(data) - _FRAME_KEYS
    if unknown:
        raise CodebookError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_FRAME_KEYS)}.")
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
    if not isinstance(data, dict) or "entry" not in data:
        raise CodebookError(f"{where}: an entry is a string or a mapping with 'entry' (and 'weight', 'note'), "
                            f"not {data!r}.")
    unknown = set(data) - _ENTRY_KEYS
    if unknown:
        raise CodebookError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_ENTRY_KEYS)}.")
    if not isinstance(data["entry"], str):
        raise CodebookError(f"{where}.entry: {data['entry']!r} is not a string; quote it.")
    weight = data.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0:
        raise CodebookError(f"{where}.weight: {weight!r} is not a positive number.")
    note = data.get("note")
    if note is not None and not isinstance(note, str):
        raise CodebookError(f"{where}.note: must be text, not {note!r}.")
    return {"entry": data["entry"], "weight": weight, "note": note}


def _frame_id(fid, where: str) -> str:
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
        frames.append({"id": fid, "entries": [_entry(e, f"{source}: key {name!r}[{j}]")
                                              for j, e in enumerate(value)]})
    _unique([f["id"] for f in frames], f"{source}: keys")
    return frames


def _naming(data, source: str) -> list[dict]:
    if data is None:
        return []
    labels = data.get("labels") if isinstance(data, dict) else None
    unknown = set(data) - {"description", "labels"} if isinstance(data, dict) else set()
    if unknown:
        raise CodebookError(f"{source}: naming: unknown key(s) {sorted(unknown)}; allowed: ['description', 'labels'].")
    if not isinstance(labels, list) or not labels:
        raise CodebookError(f"{source}: naming: expected a mapping with 'labels:', a list of labels "
                            "with id, label, kind and entries.")
    out = []
    for i, item in enumerate(labels):
        where = f"{source}: naming.labels[{i}]"
        if not isinstance(item, dict):
            raise CodebookError(f"{where}: must be a mapping with id, label, kind and entries.")
        unknown = set(item) - _NAMING_KEYS
        if unknown:
            raise CodebookError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_NAMING_KEYS)}.")
        nid = _frame_id(item.get("id"), where)
        entries = item.get("entries")
        if not isinstance(entries, list) or not entries or not all(isinstance(e, str) for e in entries):
            raise CodebookError(f"{where} (id {nid!r}).entries: must be a non-empty list of strings.")
        kind = item.get("kind", "people")
        if kind not in ("people", "phenomenon"):
            raise CodebookError(f"{where} (id {nid!r}).kind: {kind!r} must be 'people' or 'phenomenon'.")
        out.append({**item, "id": nid, "label": str(item.get("label", nid)), "kind": kind})
    _unique([n["id"] for n in out], f"{source}: naming.labels")
    return out


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


def _read_dic(path: Path) -> Codebook:
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
    codebook = Codebook("unversioned", tuple({"id": n, "entries": e} for n, e in frames.items()), (), str(path))
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
            frames[frame["id"]]["entries"] += frame["entries"]
        else:
            frames[frame["id"]] = frame
    codebook = Codebook(f"{base.version}+{Path(extra.source).name}", tuple(frames.values()),
                        extra.naming or base.naming, f"{base.source} + {extra.source}", base.about)
    codebook.lexicon  # noqa: B018 -- duplicates between the two files fail here, naming both
    return codebook


def _resolve(codebook) -> Codebook:
    if codebook is None:
        return _shipped()
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, (str, Path)):
        return load_codebook(codebook)
    if isinstance(codebook, dict):
        return codebook_from_dict(codebook)
    raise TypeError(f"codebook must be None, a path, a mapping or a Codebook, not {type(codebook).__name__}.")


# --------------------------------------------------------------------------- frames


def frame_hits(sentences: pd.DataFrame, codebook=None) -> pd.DataFrame:
    """One row per hit: doc_id, the unit id (sent_id or par_id, if present),
    frame, entry, weight, start, end (offsets into the document's ``text``
    when the input has ``start``), matched (the text), negated.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [10],
    ...                   "text": ["They found no victims, only smugglers."]})
    >>> frame_hits(s)[["frame", "entry", "start", "end", "matched", "negated"]].values.tolist()
    [['humanitarian', 'victim*', 24, 31, 'victims', True], ['criminality', 'smuggl*', 38, 47, 'smugglers', False]]
    """
    cb = _resolve(codebook)
    texts = _texts(sentences, "frame_hits")
    hits = cb.lexicon.find_all(texts)
    unit = _unit_column(sentences)
    doc_ids, units, base = _row_keys(sentences)
    rows = [(doc_ids[i], *units[i], label, entry, cb.weights[label, entry],
             base[i] + s, base[i] + e, texts[i][s:e], is_negated(texts[i], s))
            for i, s, e, label, entry in hits]
    columns = ["doc_id", *([unit] if unit else []), "frame", "entry", "weight", "start", "end", "matched", "negated"]
    table = pd.DataFrame(rows, columns=columns)
    return table.astype({"start": "int64", "end": "int64", "negated": bool, "weight": float})


def frame_scores(sentences: pd.DataFrame, codebook=None, *, negated: str = "count",
                 weighted: bool = False) -> pd.DataFrame:
    """The input table (same rows, same index) with one column per frame,
    named by the frame id: the number of hits in each row's ``text``.

    Parameters
    ----------
    negated : {"count", "skip"}
        Count negated hits (default: a denied frame is still invoked) or leave them out.
    weighted : bool
        Sum entry weights (floats) instead of counting hits (integers).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "text": ["Aid and relief for victims.", "Smugglers were arrested."]})
    >>> frame_scores(s).iloc[:, 2:].values.tolist()
    [[0, 3, 0, 0, 0], [0, 0, 0, 2, 0]]
    """
    cb = _resolve(codebook)
    texts = _texts(sentences, "frame_scores")
    clash = [f for f in cb.frame_ids if f in sentences.columns]
    if clash:
        raise ValueError(f"frame_scores(): the input already has column(s) {clash}; drop or rename them first.")
    counts = _count(cb, texts, negated, weighted)
    scores = sentences.copy()
    for j, fid in enumerate(cb.frame_ids):
        scores[fid] = counts[:, j]
    return scores


def frame_profile(sentences: pd.DataFrame, by: str | list[str] = "doc_id", codebook=None, *,
                  negated: str = "count") -> pd.DataFrame:
    """Per group and frame: sentences, tokens (words, as :func:`analysis.words`),
    hits, sentences_with_frame, per_1000_tokens (hits per 1,000 tokens) and
    share_of_sentences (sentences with at least one hit / sentences).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "text": ["Aid for victims.", "Nothing here."]})
    >>> p = frame_profile(s)
    >>> p[p.frame == "humanitarian"][["hits", "tokens", "per_1000_tokens", "share_of_sentences"]].values.tolist()
    [[2.0, 5.0, 400.0, 0.5]]
    """
    cb = _resolve(codebook)
    by = [by] if isinstance(by, str) else list(by)
    missing = [c for c in by if c not in sentences.columns]
    if missing:
        raise ValueError(f"frame_profile(): no column(s) {missing} to group by (has {list(sentences.columns)}).")
    texts = _texts(sentences, "frame_profile")
    counts = _count(cb, texts, negated, False)
    table = sentences[by].copy()
    table["_tokens"] = [len(words(t)) for t in texts]
    frames = cb.frame_ids
    for j, fid in enumerate(frames):
        table[f"hits:{fid}"] = counts[:, j]
        table[f"with:{fid}"] = counts[:, j] > 0
    grouped = table.groupby(by, sort=False)
    sizes, tokens = grouped.size(), grouped["_tokens"].sum()
    parts = []
    for fid in frames:
        part = pd.DataFrame({"frame": fid, "sentences": sizes, "tokens": tokens,
                             "hits": grouped[f"hits:{fid}"].sum(), "sentences_with_frame": grouped[f"with:{fid}"].sum()})
        parts.append(part.reset_index())
    profile = pd.concat(parts, ignore_index=True).astype(
        {"sentences": "int64", "tokens": "int64", "hits": "int64", "sentences_with_frame": "int64"})
    profile["per_1000_tokens"] = np.where(profile["tokens"] > 0, 1000 * profile["hits"] / profile["tokens"].clip(1), 0.0)
    profile["share_of_sentences"] = profile["sentences_with_frame"] / profile["sentences"]
    order = {fid: i for i, fid in enumerate(frames)}
    keys = profile[by].apply(tuple, axis=1)
    first = {k: i for i, k in reversed(list(enumerate(table[by].apply(tuple, axis=1))))}
    profile = profile.assign(_g=keys.map(first), _f=profile["frame"].map(order)).sort_values(["_g", "_f"])
    return profile.drop(columns=["_g", "_f"]).reset_index(drop=True)


def frame_evidence(sentences: pd.DataFrame, n: int = 3, window: int = 8, codebook=None) -> pd.DataFrame:
    """The ``n`` strongest sentences per frame, as keyword in context.

    A sentence's strength for a frame is the summed weight of its non-negated
    hits (ties: number of distinct entries, then corpus order). Each row shows
    the sentence's first highest-weight hit in context, and all its entries.
    Columns: frame, rank, doc_id, unit id, strength, entries, left, keyword, right.

    >>> import analysis
    >>> ev = frame_evidence(analysis.sentences(analysis.load_corpus()), n=1)
    >>> ev.frame.tolist()
    ['sovereignty', 'humanitarian', 'security', 'criminality', 'cooperation']
    """
    cb = _resolve(codebook)
    unit = _unit_column(sentences)
    hits = frame_hits(sentences, cb)
    hits = hits[~hits["negated"]].copy()
    keys = ["doc_id", *([unit] if unit else [])]
    position = {k: i for i, k in enumerate(sentences[keys].apply(tuple, axis=1))}
    hits["_row"] = hits[keys].apply(tuple, axis=1).map(position)
    rows = []
    for fid in cb.frame_ids:
        own = hits[hits["frame"] == fid]
        ranked = (own.groupby("_row").agg(strength=("weight", "sum"), distinct=("entry", "nunique"))
                  .reset_index().sort_values(["strength", "distinct", "_row"], ascending=[False, False, True]))
        for rank, (row, strength) in enumerate(zip(ranked["_row"].head(n), ranked["strength"].head(n)), start=1):
            sent = own[own["_row"] == row]
            best = sent.sort_values(["weight", "start"], ascending=[False, True]).iloc[0]
            text, base = sentences["text"].iloc[row], int(sentences["start"].iloc[row]) if "start" in sentences else 0
            left, keyword, right = _context(text, int(best["start"]) - base, int(best["end"]) - base, window)
            rows.append((fid, rank, *(sentences[k].iloc[row] for k in keys), float(strength),
                         "; ".join(dict.fromkeys(sent["matched"].str.lower())), left, keyword, right))
    columns = ["frame", "rank", *keys, "strength", "entries", "left", "keyword", "right"]
    return pd.DataFrame(rows, columns=columns)


def kwic(corpus: pd.DataFrame, pattern, window: int = 8) -> pd.DataFrame:
    """Keyword in context: one row per match of ``pattern`` in ``corpus["text"]``.

    ``pattern`` is an entry or glob ("humanitarian*", "human rights"), a list
    of them, or a :class:`~analysis.matching.Lexicon`; matching follows
    :mod:`analysis.matching`. ``corpus`` is any table with doc_id and text (a
    corpus, paragraphs or sentences; with ``start``, offsets are into the
    document). ``window`` is the number of tokens shown on each side.
    Columns: doc_id, unit id (if any), start, end, left, keyword, right,
    label, entry, negated.

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["They did not save lives at sea, officials said."]})
    >>> kwic(docs, "sav* lives", window=3)[["left", "keyword", "right", "negated"]].values.tolist()
    [['They did not', 'save lives', 'at sea ,', True]]
    """
    lexicon = pattern if isinstance(pattern, Lexicon) else Lexicon.from_entries(
        {"pattern": [pattern] if isinstance(pattern, str) else list(pattern)})
    texts = _texts(corpus, "kwic")
    unit = _unit_column(corpus)
    doc_ids, units, base = _row_keys(corpus)
    rows = []
    for i, s, e, label, entry in lexicon.find_all(texts):
        left, keyword, right = _context(texts[i], s, e, window)
        rows.append((doc_ids[i], *units[i], base[i] + s, base[i] + e, left, keyword, right, label, entry,
                     is_negated(texts[i], s)))
    columns = ["doc_id", *([unit] if unit else []), "start", "end", "left", "keyword", "right", "label", "entry",
               "negated"]
    return pd.DataFrame(rows, columns=columns).astype({"start": "int64", "end": "int64", "negated": bool})


def _context(text: str, start: int, end: int, window: int) -> tuple[str, str, str]:
    before = [m.group() for m in TOKEN_PATTERN.finditer(text, 0, start)][-window:] if window > 0 else []
    after = [m.group() for m in TOKEN_PATTERN.finditer(text, end)][:window] if window > 0 else []
    return " ".join(before), text[start:end], " ".join(after)


def _count(cb: Codebook, texts: list[str], negated: str, weighted: bool) -> np.ndarray:
    if negated not in NEGATED_CHOICES:
        raise ValueError(f"negated must be one of {NEGATED_CHOICES}, not {negated!r}.")
    hits = cb.lexicon.find_all(texts)
    if negated == "skip":
        hits = [h for h in hits if not is_negated(texts[h[0]], h[1])]
    index = {fid: j for j, fid in enumerate(cb.frame_ids)}
    k = len(index)
    cells = np.array([h[0] * k + index[h[3]] for h in hits], dtype=np.int64)
    weights = np.array([cb.weights[h[3], h[4]] for h in hits], dtype=float) if weighted else None
    counts = np.bincount(cells, weights=weights, minlength=len(texts) * k).reshape(len(texts), k)
    return counts if weighted else counts.astype(np.int64)


def _texts(frame: pd.DataFrame, who: str) -> list[str]:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{who}() takes a DataFrame with doc_id and text columns (e.g. analysis.sentences(corpus)).")
    missing = [c for c in ("doc_id", "text") if c not in frame.columns]
    if missing:
        raise ValueError(f"{who}() needs columns doc_id and text; missing {missing} (has {list(frame.columns)}). "
                         "Pass the table made by analysis.load_corpus() or analysis.sentences().")
    texts = frame["text"].tolist()
    bad = None if set(map(type, texts)) <= {str} else next(
        (i for i, t in enumerate(texts) if not isinstance(t, str)), None)
    if bad is not None:
        raise ValueError(f"{who}(): row {bad} (doc_id {frame['doc_id'].iloc[bad]!r}) has text {texts[bad]!r}, "
                         "not a string; drop or fill such rows first.")
    return texts


def _unit_column(frame: pd.DataFrame) -> str | None:
    return next((c for c in ("sent_id", "par_id") if c in frame.columns), None)


def _row_keys(frame: pd.DataFrame) -> tuple[list, list[tuple], list[int]]:
    """Per row, as lists (indexing a column per hit is slow): doc_id, the unit
    id as a tuple (``(sent_id,)``, ``(par_id,)`` or ``()``) and the offset of
    the text in its document (``start``, else 0)."""
    unit = _unit_column(frame)
    units = list(zip(frame[unit].tolist())) if unit else [()] * len(frame)
    starts = frame["start"].tolist() if "start" in frame.columns else [0] * len(frame)
    return frame["doc_id"].tolist(), units, starts


def frame_validity(sentences: pd.DataFrame, coding: pd.DataFrame, codebook=None, *, n_boot: int = 0,
                   random_state: int | None = 0) -> pd.DataFrame:
    """Precision, recall and F1 per frame of the codebook (a sentence has a
    frame if it has at least one hit) against hand coding with one 0/1 column
    per frame id, matched on doc_id and sent_id; see
    :func:`analysis.validation.precision_recall_f1` for the columns.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "text": ["Aid.", "Relief."]})
    >>> coding = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "humanitarian": [1, 0]})
    >>> frame_validity(s, coding)[["column", "tp", "fp", "fn", "precision"]].values.tolist()
    [['humanitarian', 1, 1, 0, 0.5]]
    """
    from .validation import precision_recall_f1

    cb = _resolve(codebook)
    frames = [f for f in cb.frame_ids if f in coding.columns]
    if not frames:
        raise ValueError(f"frame_validity(): the coding has none of the frame columns {cb.frame_ids}.")
    keys = ["doc_id", "sent_id"]
    machine = frame_scores(sentences, cb).set_index(keys)[frames].gt(0).astype(int)
    return precision_recall_f1(machine, coding.set_index(keys)[frames], n_boot=n_boot, random_state=random_state)


# --------------------------------------------------------------------------- naming


def migrant_naming(sentences: pd.DataFrame, codebook=None) -> pd.DataFrame:
    """One row per name given to people on the move (or their movement):
    doc_id, unit id, label (naming id), kind (people/phenomenon), entry, start,
    end (offsets into the document when the input has ``start``), matched,
    proper_name.

    Labels do not overlap: at one place the longest label wins. ``proper_name``
    is True when every word of the match is capitalised and it is not the
    sentence's first word ("Anti-Illegal Immigration Department"); such rows
    are kept but left out of :func:`naming_table`.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a"], "text": ["Illegal immigrants, migrants and refugees met the Commissioner for Refugees."]})
    >>> migrant_naming(s)[["label", "matched", "proper_name"]].values.tolist()
    [['illegal_immigrants', 'Illegal immigrants', False], ['migrants_and_refugees', 'migrants and refugees', False], ['refugees', 'Refugees', True]]
    """
    cb = _resolve(codebook)
    texts = _texts(sentences, "migrant_naming")
    unit = _unit_column(sentences)
    doc_ids, units, base = _row_keys(sentences)
    kinds = {n["id"]: n["kind"] for n in cb.naming}
    hits = sorted(cb.naming_lexicon.find_all(texts), key=lambda h: (h[0], h[1], h[1] - h[2]))
    rows, last = [], (-1, -1)
    for i, s, e, label, entry in hits:
        if (i, s) < last:
            continue
        last = (i, e)
        matched = texts[i][s:e]
        proper = bool(_WORD_CHAR.search(texts[i], 0, s)) and all(w[:1].isupper() for w in _LETTERS.findall(matched))
        rows.append((doc_ids[i], *units[i], label, kinds[label], entry, base[i] + s, base[i] + e, matched, proper))
    columns = ["doc_id", *([unit] if unit else []), "label", "kind", "entry", "start", "end", "matched", "proper_name"]
    return pd.DataFrame(rows, columns=columns).astype({"start": "int64", "end": "int64", "proper_name": bool})


def naming_table(naming: pd.DataFrame, by: str | list[str] = "doc_id", codebook=None) -> pd.DataFrame:
    """Counts of each naming label per group (proper names left out): one row
    per group, one column per label in codebook order, and ``total``.
    ``by`` may be any column of ``naming`` (e.g. a speaker joined in from
    :mod:`analysis.quotes`).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Illegal immigrants and migrants.", "Refugees."]})
    >>> naming_table(migrant_naming(s))[["doc_id", "illegal_immigrants", "migrants", "refugees", "total"]].values.tolist()
    [['a', 1, 1, 0, 2], ['b', 0, 0, 1, 1]]
    """
    cb = _resolve(codebook)
    by = [by] if isinstance(by, str) else list(by)
    missing = [c for c in [*by, "label", "proper_name"] if c not in naming.columns]
    if missing:
        raise ValueError(f"naming_table(): no column(s) {missing} (has {list(naming.columns)}); "
                         "pass the table made by migrant_naming().")
    kept = naming[~naming["proper_name"]]
    table = pd.crosstab([kept[c] for c in by], kept["label"]) if len(kept) else pd.DataFrame(
        index=pd.MultiIndex.from_tuples([], names=by) if len(by) > 1 else pd.Index([], name=by[0]))
    groups = naming[by].drop_duplicates()
    table = table.reindex(pd.MultiIndex.from_frame(groups) if len(by) > 1 else pd.Index(groups[by[0]], name=by[0]),
                          fill_value=0)
    table = table.reindex(columns=cb.naming_ids, fill_value=0).astype("int64")
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table.reset_index()


def naming_speakers(naming: pd.DataFrame, quotes: pd.DataFrame, *, narrator: str = "(narration)") -> pd.DataFrame:
    """``naming`` with who says each name: ``speaker`` and ``speaker_actor`` of
    the quote or reported statement (from :func:`analysis.quotes`) whose span
    holds the name (speaker_actor is empty if the speaker is no known actor),
    and ``narrator`` in both for names in the journalist's own text.

    Both tables need doc_id, start, end as offsets into the same document
    text; ``quotes`` also resolved_speaker (or speaker) and speaker_actor.

    >>> import pandas as pd
    >>> n = pd.DataFrame({"doc_id": ["a", "a"], "label": ["migrants", "refugees"], "start": [5, 40],
    ...                   "end": [13, 48], "proper_name": [False, False]})
    >>> q = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [30], "resolved_speaker": ["Besher"],
    ...                   "speaker_actor": ["libya"]})
    >>> naming_speakers(n, q)[["label", "speaker", "speaker_actor"]].values.tolist()
    [['migrants', 'Besher', 'libya'], ['refugees', '(narration)', '(narration)']]
    """
    who = "resolved_speaker" if "resolved_speaker" in quotes.columns else "speaker"
    missing = [c for c in ("doc_id", "start", "end", who, "speaker_actor") if c not in quotes.columns]
    missing += [f"naming.{c}" for c in ("doc_id", "start", "end") if c not in naming.columns]
    if missing:
        raise ValueError(f"naming_speakers(): missing column(s) {missing}; pass migrant_naming(...) and "
                         "analysis.quotes(corpus).")
    spans = quotes[["doc_id", "start", "end", who, "speaker_actor"]].rename(
        columns={"start": "_q_start", "end": "_q_end", who: "speaker"})
    out = naming.reset_index(drop=True).assign(_row=lambda t: range(len(t)))
    pairs = out[["_row", "doc_id", "start", "end"]].merge(spans, on="doc_id")
    inside = pairs[(pairs["_q_start"] <= pairs["start"]) & (pairs["end"] <= pairs["_q_end"])]
    inside = inside.sort_values(["_row", "_q_start"]).drop_duplicates("_row", keep="last").set_index("_row")
    out["speaker"] = out["_row"].map(inside["speaker"]).fillna(narrator).astype(str)
    out["speaker_actor"] = out["_row"].map(inside["speaker_actor"]).fillna(narrator).astype(str)
    return out.drop(columns="_row")


# --------------------------------------------------------------------------- estimator


class FrameScorer(TransformerMixin, BaseEstimator):
    """Frame counts as a scikit-learn transformer: texts in, one column per frame out.

    Parameters
    ----------
    codebook : None, path, mapping or Codebook
        None for the shipped codebook.
    negated : {"count", "skip"}
        See :func:`frame_scores`.
    weighted : bool
        Sum entry weights instead of counting hits.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.preprocessing import Binarizer
    >>> pipe = make_pipeline(FrameScorer(), Binarizer(threshold=0))
    >>> pipe.fit_transform(["Smugglers and traffickers were arrested.", "Aid."]).tolist()
    [[0, 0, 0, 1, 0], [0, 1, 0, 0, 0]]
    """

    def __init__(self, codebook=None, negated: str = "count", weighted: bool = False):
        self.codebook = codebook
        self.negated = negated
        self.weighted = weighted

    def fit(self, X, y=None):
        """Load and compile the codebook; X is not used."""
        if self.negated not in NEGATED_CHOICES:
            raise ValueError(f"negated must be one of {NEGATED_CHOICES}, not {self.negated!r}.")
        self.codebook_ = _resolve(self.codebook)
        self.frames_ = self.codebook_.frame_ids
        return self

    def transform(self, X) -> np.ndarray:
        """Counts (or weight sums), shape ``(n_texts, n_frames)``; X is a list or
        Series of texts, or a DataFrame with a ``text`` column."""
        check_is_fitted(self, "codebook_")
        return _count(self.codebook_, self._texts(X), self.negated, self.weighted)

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        check_is_fitted(self, "codebook_")
        return np.asarray(self.frames_, dtype=object)

    @staticmethod
    def _texts(X) -> list[str]:
        if isinstance(X, str):
            raise ValueError("FrameScorer takes a list of texts, not one string; wrap it: [text].")
        if isinstance(X, pd.DataFrame):
            if "text" not in X.columns:
                raise ValueError(f"FrameScorer: a DataFrame needs a 'text' column (has {list(X.columns)}).")
            X = X["text"]
        texts = list(X)
        bad = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
        if bad is not None:
            raise ValueError(f"FrameScorer: item {bad} is {texts[bad]!r}, not a string.")
        return texts


# --------------------------------------------------------------------------- plots


def plot_frame_profile(profile: pd.DataFrame, value: str = "per_1000_tokens", by: str = "doc_id", *,
                       labels: dict | None = None, width: str = "page"):
    """Grouped horizontal bars: one group per ``by`` value, one bar per frame.

    ``profile`` is the table of :func:`frame_profile`; ``value`` is
    "per_1000_tokens" or "share_of_sentences"; ``labels`` renames groups on the
    axis (e.g. doc_id -> title). Returns ``(fig, ax)``.

    >>> import analysis
    >>> fig, ax = plot_frame_profile(frame_profile(analysis.sentences(analysis.load_corpus())))
    >>> len(ax.patches)
    25
    """
    from .plots import PALETTE, new_figure

    titles = {"per_1000_tokens": "Frame hits per 1,000 tokens", "share_of_sentences": "Share of sentences with the frame"}
    if value not in titles:
        raise ValueError(f"value must be one of {list(titles)}, not {value!r}.")
    frames = list(dict.fromkeys(profile["frame"]))
    groups = list(dict.fromkeys(profile[by]))
    wide = profile.pivot(index=by, columns="frame", values=value).reindex(index=groups, columns=frames)
    fig, ax = new_figure(width, 0.9 + 0.32 * len(groups) * max(1, len(frames)) ** 0.5)
    height = 0.8 / len(frames)
    y = np.arange(len(groups))
    for j, fid in enumerate(frames):
        ax.barh(y - 0.4 + height * (j + 0.5), wide[fid].to_numpy(), height=height, label=fid,
                color=PALETTE[j % len(PALETTE)])
    ax.set_yticks(y, [str((labels or {}).get(g, g)) for g in groups])
    ax.invert_yaxis()
    ax.set_xlabel(titles[value])
    ax.set_ylabel({"doc_id": "Article"}.get(by, by))
    ax.legend(title="Frame", loc="best", frameon=False)
    return fig, ax


def plot_naming(table: pd.DataFrame, by: str = "doc_id", *, share: bool = True, width: str = "page"):
    """Stacked horizontal bars of a :func:`naming_table`: one bar per group,
    one segment per naming label (labels with no count are left out), as
    shares of the group's names (``share=True``) or counts; each group's
    number of names is shown beside it. Returns ``(fig, ax)``.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"speaker": ["x", "y"], "migrants": [1, 0], "refugees": [3, 2], "total": [4, 2]})
    >>> fig, ax = plot_naming(t, by="speaker")
    >>> [round(float(p.get_width()), 2) for p in ax.patches]
    [0.25, 0.0, 0.75, 1.0]
    """
    from .plots import PALETTE, new_figure

    labels = [c for c in table.columns if c not in (by, "total") and pd.api.types.is_numeric_dtype(table[c])
              and table[c].sum() > 0]
    if by not in table.columns or not labels:
        raise ValueError(f"plot_naming(): need a '{by}' column and at least one label with a count "
                         f"(has {list(table.columns)}); pass naming_table(naming, by={by!r}).")
    counts = table[labels].to_numpy(dtype=float)
    totals = counts.sum(axis=1, keepdims=True)
    values = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0) if share else counts
    fig, ax = new_figure(width, 1.0 + 0.3 * len(table))
    y, left = np.arange(len(table)), np.zeros(len(table))
    for j, label in enumerate(labels):
        ax.barh(y, values[:, j], left=left, label=label.replace("_", " "), color=PALETTE[j % len(PALETTE)])
        left += values[:, j]
    ax.set_yticks(y, [f"{g} (n={int(n)})" for g, n in zip(table[by].astype(str), totals[:, 0])])
    ax.invert_yaxis()
    ax.set_xlabel("Share of names for people on the move" if share else "Names for people on the move")
    ax.set_ylabel({"doc_id": "Article", "speaker_actor": "Speaker (actor)", "speaker": "Speaker"}.get(by, by))
    ax.legend(title="Name", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig, ax
