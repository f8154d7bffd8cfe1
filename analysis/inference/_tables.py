"""The checks and alignment shared by the corrected estimators: the machine's
table of every unit and the hand coding of some of them, joined on their keys,
every bad input named with its row and column and what to do.

>>> import pandas as pd
>>> scores = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "aid": [1, 0, 1, 0]})
>>> coding = pd.DataFrame({"doc_id": ["a", "b"], "aid": [1, 1]})
>>> units = measured_units(scores, coding, frames=["aid"], by=None, prediction="auto", who="prevalence")
>>> units.keys, units.coded.tolist(), units.probability.tolist()
(['doc_id'], [True, True, False, False], [0.5, 0.5, nan, nan])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import TableError, plain, require_columns
from ..evaluation.sheets import resource_version
from ..resources.codebook import Codebook

#: The column of ``scores`` that :func:`analysis.cross_fit` writes: each unit's fold.
FOLD_COLUMN = "crossfit_fold"
#: The column of the coding with each coded unit's probability of having been drawn.
PROBABILITY_COLUMN = "coding_probability"
PREDICTIONS = ("auto", "probability", "label")
_VERSION = re.compile(r"^\s*(\S+\s+v[\w.\-]+|\S+\s+\(unversioned\))")


@dataclass
class MeasuredUnits:
    """Every unit of the population, aligned: its group, and per frame the
    machine's prediction and (for coded units) the hand code and the
    probability of having been coded."""

    keys: list[str]
    frames: list[str]
    prediction_columns: dict[str, str]
    prediction_note: str
    groups: np.ndarray            # group code of each unit
    group_labels: list            # the label of each group code (tuples for several by columns)
    by: list[str]
    coded: np.ndarray             # bool, per unit
    probability: np.ndarray       # per unit, NaN where not coded
    predictions: dict[str, np.ndarray]
    codes: dict[str, np.ndarray]  # per frame, per unit: the hand code, NaN where not coded
    table: pd.DataFrame           # the scores table's keys and by columns, in its order
    weights: np.ndarray | None = None   # per unit, from weight=
    clusters: np.ndarray | None = None  # per unit, cluster codes from cluster=

    @property
    def n_groups(self) -> int:
        return len(self.group_labels)


def measured_units(scores: pd.DataFrame, coding: pd.DataFrame, *, frames, by, prediction: str, who: str,
                   codebook=None, codebook_version=None, weight=None, cluster=None) -> MeasuredUnits:
    """Check ``scores`` and ``coding`` and align them (see the module docstring)."""
    require_columns(scores, ["doc_id"], who, hint="scores= is the machine's table of every unit (frame_scores(), "
                    "featurize() or article_profiles()).")
    require_columns(coding, ["doc_id"], who, hint="coding= is the hand coding of some of those units "
                    "(read_frame_coding()).")
    keys = _keys(scores, coding, who)
    book = Codebook.load(codebook)
    frames = list(book.frame_ids if frames is None else ([frames] if isinstance(frames, str) else frames))
    if not frames:
        raise TableError(f"{who}(): frames= is empty; name at least one measure.")
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    columns = _prediction_columns(scores, frames, prediction, who)
    for frame in frames:
        if frame not in coding.columns:
            raise TableError(f"{who}(): frame {frame!r} is not a column of the coding (it has "
                             f"{list(coding.columns)}); code it, or leave it out of frames=.")
    require_columns(scores, by, who, hint="by= names columns of scores.")
    _check_version(coding, book, codebook_version, who)

    index, coded_index = key_index(scores, keys), key_index(coding, keys)
    if index.has_duplicates:
        _refuse_duplicates(scores, keys, "scores", who)
    if coded_index.has_duplicates:
        _refuse_duplicates(coding, keys, "coding", who)
    position = index.get_indexer(coded_index)
    missing = np.flatnonzero(position < 0)
    if len(missing):
        shown = ", ".join(f"{_key(coding, keys, i)} (row {plain(coding.index[i])!r})" for i in missing[:3])
        raise TableError(f"{who}(): {len(missing)} coded unit(s) are not in scores: {shown}"
                         f"{' ...' if len(missing) > 3 else ''}. scores must hold every unit of the population the "
                         "coding was drawn from (same doc_id and sent_id); score those units, or drop them from "
                         "the coding if they belong to another population.")

    n = len(scores)
    coded = np.zeros(n, dtype=bool)
    coded[position] = True
    probability = np.full(n, np.nan)
    probability[position] = _probabilities(coding, n, who)
    predictions = {frame: _numeric(scores[columns[frame]], "scores", columns[frame], who) for frame in frames}
    codes = {}
    for frame in frames:
        values = np.full(n, np.nan)
        values[position] = _numeric(coding[frame], "coding", frame, who)
        codes[frame] = values
    for column in by:
        empty = scores[column].isna().to_numpy()
        if empty.any():
            first = int(np.flatnonzero(empty)[0])
            raise TableError(f"{who}(): by column {column!r} is empty in {int(empty.sum())} row(s) of scores, "
                             f"first {_key(scores, keys, first)} (row {plain(scores.index[first])!r}); fill it, or "
                             "drop those units from the population (and from the coding).")
    if by:
        grouped = scores.groupby(by, sort=True)
        groups = grouped.ngroup().to_numpy()
        labels = list(grouped.size().index)
    else:
        groups, labels = np.zeros(n, dtype=int), [None]
    folds = scores[FOLD_COLUMN].nunique() if FOLD_COLUMN in scores.columns else 0
    note = f", cross-fitted ({folds} folds)" if folds else ""
    weights = clusters = None
    if weight is not None:
        require_columns(scores, [weight], who, hint="weight= names a column of scores.")
        weights = _numeric(scores[weight], "scores", weight, who)
        if (weights < 0).any() or not (weights > 0).any():
            raise TableError(f"{who}(): weight column {weight!r} must hold weights of 0 or more, not all 0.")
    if cluster is not None:
        require_columns(scores, [cluster], who, hint="cluster= names a column of scores (e.g. doc_id).")
        clusters = pd.factorize(scores[cluster])[0]
        if (clusters < 0).any():
            raise TableError(f"{who}(): cluster column {cluster!r} is empty in some rows; fill it.")
    return MeasuredUnits(keys, frames, columns, note, groups, labels, by, coded, probability, predictions, codes,
                         scores[keys + by].reset_index(drop=True), weights, clusters)


def key_index(table: pd.DataFrame, keys: list[str]) -> pd.Index:
    """The units' keys as an index (doc_id compared as text)."""
    doc = table["doc_id"]
    doc = doc.to_numpy() if doc.dtype == object else doc.astype(str).to_numpy()
    if keys == ["doc_id"]:
        return pd.Index(doc)
    return pd.MultiIndex.from_arrays([doc, table["sent_id"].to_numpy()])


def _keys(scores: pd.DataFrame, coding: pd.DataFrame, who: str) -> list[str]:
    in_scores, in_coding = "sent_id" in scores.columns, "sent_id" in coding.columns
    if in_scores != in_coding:
        has, lacks = ("scores", "coding") if in_scores else ("coding", "scores")
        raise TableError(f"{who}(): {has} has sent_id but {lacks} has not; both must be sentences (doc_id and "
                         "sent_id) or both articles (doc_id only).")
    return ["doc_id", "sent_id"] if in_scores else ["doc_id"]


def _key(table: pd.DataFrame, keys: list[str], i: int) -> str:
    return "(" + ", ".join(f"{k} {plain(table[k].iloc[i])!r}" for k in keys) + ")"


def _refuse_duplicates(table: pd.DataFrame, keys: list[str], name: str, who: str) -> None:
    repeated = table.duplicated(keys, keep=False).to_numpy()
    if repeated.any():
        rows = np.flatnonzero(repeated)
        first = rows[0]
        same = [r for r in rows if all(table[k].iloc[r] == table[k].iloc[first] for k in keys)]
        raise TableError(f"{who}(): {name} holds unit {_key(table, keys, first)} more than once (rows "
                         f"{', '.join(repr(plain(table.index[r])) for r in same)}); keep one row per unit"
                         + (" (for several coders, the adjudicated or agreed code)." if name == "coding" else "."))


def _prediction_columns(scores: pd.DataFrame, frames: list[str], prediction: str, who: str) -> dict[str, str]:
    if not isinstance(prediction, str) or (prediction not in PREDICTIONS and "{frame}" not in prediction):
        raise TableError(f"{who}(): prediction= must be one of {list(PREDICTIONS)} or a column name pattern with "
                         f"'{{frame}}' such as '{{frame}}_score', not {prediction!r}.")
    columns = {}
    for frame in frames:
        if prediction == "auto":
            column = f"{frame}_probability" if f"{frame}_probability" in scores.columns else frame
        elif prediction == "probability":
            column = f"{frame}_probability"
        elif prediction == "label":
            column = frame
        else:
            column = prediction.format(frame=frame)
        if column not in scores.columns:
            raise TableError(f"{who}(): the machine's column {column!r} for frame {frame!r} is not in scores (it "
                             f"has {list(scores.columns)}); score the units for it (frame_scores()), or leave the "
                             "frame out of frames=, or set prediction=.")
        columns[frame] = column
    return columns


def _numeric(column: pd.Series, name: str, label: str, who: str) -> np.ndarray:
    values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
    bad = np.flatnonzero(~np.isfinite(values))
    if len(bad):
        raise TableError(f"{who}(): column {label!r} of {name} holds {plain(column.iloc[bad[0]])!r} in row "
                         f"{plain(column.index[bad[0]])!r} ({len(bad)} such row(s)); it must be a number in every row "
                         "(0 or 1 for a frame).")
    return values


def _probabilities(coding: pd.DataFrame, n_units: int, who: str) -> np.ndarray:
    if PROBABILITY_COLUMN not in coding.columns:
        return np.full(len(coding), len(coding) / n_units)
    values = pd.to_numeric(coding[PROBABILITY_COLUMN], errors="coerce").to_numpy(dtype=float)
    bad = np.flatnonzero(~((values > 0) & (values <= 1)))
    if len(bad):
        raise TableError(f"{who}(): column {PROBABILITY_COLUMN!r} of the coding holds "
                         f"{plain(coding[PROBABILITY_COLUMN].iloc[bad[0]])!r} in row {plain(coding.index[bad[0]])!r} "
                         f"({len(bad)} such row(s)); each coded unit's probability of having been drawn must be in "
                         "(0, 1]: 1 for a unit coded for certain, the design's probability for a sampled one "
                         "(coding_sample() records it).")
    return values


def _check_version(coding: pd.DataFrame, book: Codebook, accepted, who: str) -> None:
    """A coding that records its codebook version (column codebook_version or
    codebook, as the coding files in data/coding/ do) must have been made with
    the codebook in use, or with a version named in ``accepted``."""
    column = next((c for c in ("codebook_version", "codebook") if c in coding.columns), None)
    if column is None:
        return
    current = resource_version(book)
    allowed = {current, *([accepted] if isinstance(accepted, str) else accepted or [])}
    found = coding[column].astype(str).str.extract(_VERSION, expand=False).fillna(coding[column].astype(str))
    bad = np.flatnonzero(~found.isin(allowed).to_numpy())
    if len(bad):
        other = found.iloc[bad[0]]
        raise TableError(f"{who}(): row {plain(coding.index[bad[0]])!r} of the coding was coded with {other!r} (column "
                         f"{column!r}; {len(bad)} such row(s)), but the codebook in use is {current!r}. If the "
                         "frames' definitions did not change between them (the codebook's changelog says), pass "
                         f"codebook_version={other!r} to accept the coding; otherwise code those units again with "
                         "the codebook in use.")
