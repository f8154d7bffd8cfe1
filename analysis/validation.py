"""Validation: hand coding, agreement between coders, and machine against coder.

Agreement statistics
  * ``krippendorff_alpha(table, level)``: any number of coders, missing values,
    nominal, ordinal, interval or ratio metric (Krippendorff 2011, "Computing
    Krippendorff's Alpha-Reliability"), through the coincidence matrix.
  * ``cohen_kappa(a, b)``: two coders, nominal codes (Cohen 1960).
  * ``precision_recall_f1(machine, coder)``: per column (frame or attribution
    field), with percentile bootstrap confidence intervals over units;
    ``agreement_table`` adds alpha and kappa, ``disagreements`` lists the
    units where machine and coder differ; ``attribution_sets`` turns
    attribution tables into per-sentence sets of actors, kinds, polarities.

Coding sheets
  * ``coding_sheet(sentences, n, stratify_by, path)`` writes a CSV for coders;
  * ``read_coding(paths)`` reads coded sheets back and checks every value
    against the codebook; ``coder_agreement`` gives alpha and kappa between coders.

Codebook
  * ``codebook(format="markdown")`` renders frames, actors and cues for a
    paper's appendix; ``python -m analysis codebook OUT.md`` writes it.

>>> import pandas as pd
>>> table = pd.DataFrame({"A": ["x", "y", "x"], "B": ["x", "y", "y"]})
>>> round(krippendorff_alpha(table), 3)
0.444
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from .actors import load_actors
from .framing import load_codebook
from .output import write_atomic
from .datafile import read_yaml_mapping
from .paths import PACKAGE_DATA
from .plots import PALETTE, new_figure

LEVELS = ("nominal", "ordinal", "interval", "ratio")
FRAMES_FILE = PACKAGE_DATA / "frames.yaml"
ACTORS_FILE = PACKAGE_DATA / "actors.yaml"
CUES_FILE = PACKAGE_DATA / "cues.yaml"
KINDS = ("causal", "treatment")
POLARITIES = ("assign", "deny")
ATTRIBUTION_FIELDS = ("actor", "kind", "polarity")
CONTEXT_COLUMNS = ["doc_id", "sent_id", "previous", "sentence", "next"]


# --------------------------------------------------------------------------- agreement


def krippendorff_alpha(table: pd.DataFrame, level: str = "nominal") -> float:
    """Krippendorff's alpha for a units x coders table (NaN = not coded).

    Units coded by fewer than two coders carry no information on agreement and
    do not enter the coincidence matrix. Returns NaN when the pairable values
    show no variation at all (alpha is 0/0 then).

    Parameters
    ----------
    table : DataFrame
        One row per unit, one column per coder; missing values where a coder
        did not code the unit. Values may be strings for ``level="nominal"``;
        the other levels need numbers (ordinal: ranks in their natural order).
    level : {"nominal", "ordinal", "interval", "ratio"}

    Examples
    --------
    >>> t = pd.DataFrame({"A": [1, 2, 3, None], "B": [1, 2, 3, 3]})
    >>> krippendorff_alpha(t)
    1.0
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}.")
    coincidence, values = coincidence_matrix(table)
    if level != "nominal":
        try:
            values = values.astype(float)
        except (TypeError, ValueError):
            raise ValueError(f"level={level!r} needs numeric values; got {list(values)[:5]}. "
                             "Recode them as numbers or use level='nominal'.") from None
    totals = coincidence.sum(axis=1)
    n = totals.sum()
    delta2 = _difference(values, totals, level)
    observed = (coincidence * delta2).sum() / n
    expected = (np.outer(totals, totals) * delta2).sum() / (n * (n - 1))
    if expected == 0:
        return float("nan")
    return float(1 - observed / expected)


def coincidence_matrix(table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The values x values coincidence matrix of a units x coders table, and
    the sorted values it is indexed by (Krippendorff 2011, section B).

    >>> o, values = coincidence_matrix(pd.DataFrame({"A": ["a", "b"], "B": ["a", "a"]}))
    >>> values.tolist(), o.tolist()
    (['a', 'b'], [[2.0, 1.0], [1.0, 0.0]])
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError("Pass a DataFrame with one row per unit and one column per coder.")
    if table.shape[1] < 2:
        raise ValueError(f"Agreement needs at least two coder columns; got {list(table.columns)}.")
    cells = table.to_numpy(dtype=object)
    units, _ = np.nonzero(~pd.isna(cells))
    coded = cells[~pd.isna(cells)]
    try:
        values = np.array(sorted(set(coded)), dtype=object)
    except TypeError:
        raise ValueError("Coded values must be all numbers or all strings; "
                         f"got a mix: {sorted(map(repr, set(coded)))[:6]}.") from None
    codes = pd.Index(values).get_indexer(coded)
    counts = np.zeros((len(table), len(values)))
    np.add.at(counts, (units, codes), 1)
    pairable = counts.sum(axis=1)
    counts = counts[pairable >= 2]
    if len(counts) == 0:
        raise ValueError("No unit was coded by two or more coders, so there is no agreement to measure. "
                         "Check that the coders' columns share units (rows).")
    weights = counts / (counts.sum(axis=1, keepdims=True) - 1)
    coincidence = weights.T @ counts - np.diag(weights.sum(axis=0))
    return coincidence, values


def _difference(values: np.ndarray, totals: np.ndarray, level: str) -> np.ndarray:
    """Squared difference function delta^2(c, k) of Krippendorff (2011)."""
    if level == "nominal":
        return 1.0 - np.eye(len(values))
    v = values.astype(float)
    if level == "interval":
        return np.subtract.outer(v, v) ** 2
    if level == "ratio":
        with np.errstate(invalid="ignore", divide="ignore"):
            d = (np.subtract.outer(v, v) / np.add.outer(v, v)) ** 2
        return np.nan_to_num(d)  # 0/0 only on the diagonal at value 0
    cumulative = np.concatenate([[0.0], np.cumsum(totals)])  # ordinal
    i, k = np.meshgrid(np.arange(len(v)), np.arange(len(v)), indexing="ij")
    lo, hi = np.minimum(i, k), np.maximum(i, k)
    between = cumulative[hi + 1] - cumulative[lo]
    return (between - (totals[i] + totals[k]) / 2) ** 2


def cohen_kappa(a, b) -> float:
    """Cohen's kappa for two coders' nominal codes of the same units.

    ``(p_o - p_e) / (1 - p_e)`` with ``p_e`` from each coder's own marginals.
    Every unit must be coded by both; missing values are an error. Returns
    NaN when both coders used one and the same value throughout.

    >>> cohen_kappa(["y", "y", "n", "n"], ["y", "n", "n", "n"])
    0.5
    """
    a, b = pd.Series(list(a), dtype=object), pd.Series(list(b), dtype=object)
    if len(a) != len(b):
        raise ValueError(f"The two codings have different lengths ({len(a)} and {len(b)}); "
                         "pass one value per unit for each coder.")
    missing = np.flatnonzero(a.isna().to_numpy() | b.isna().to_numpy())
    if len(missing):
        raise ValueError(f"Cohen's kappa needs every unit coded by both coders; units at positions "
                         f"{missing[:10].tolist()} are missing. Drop them first or use krippendorff_alpha.")
    if len(a) == 0:
        raise ValueError("No units to compare.")
    p_observed = float((a.to_numpy() == b.to_numpy()).mean())
    pa, pb = a.value_counts(normalize=True), b.value_counts(normalize=True)
    p_expected = float((pa * pb.reindex(pa.index, fill_value=0)).sum())
    if p_expected == 1:
        return float("nan")
    return (p_observed - p_expected) / (1 - p_expected)


def precision_recall_f1(machine: pd.DataFrame, coder: pd.DataFrame, columns: list[str] | None = None, *,
                        n_boot: int = 1000, random_state: int | None = 0, level: float = 0.95) -> pd.DataFrame:
    """Precision, recall and F1 of the machine against a coder, per column, with
    percentile bootstrap confidence intervals that resample units.

    Both tables have one row per unit (same index, e.g. ``(doc_id, sent_id)``)
    and one column per frame or attribution field. A cell is read as a set of
    labels: 1/True is ``{True}``; 0, False, NaN and "" are the empty set; a
    string is split on ";" ("libya; europe"); a set, list or tuple is taken as
    is. Per unit, true positives are the labels in both sets, false positives
    those only the machine gives, false negatives those only the coder gives;
    they are summed over units. The machine is evaluated on the coder's units.

    Returns one row per column: column, n_units, coder_labels, machine_labels,
    tp, fp, fn, precision, recall, f1, each with ``_low`` and ``_high`` bounds.
    A measure is NaN where its denominator is 0 (precision when the machine
    gives no label); bootstrap replicates where it is undefined are left out.

    Examples
    --------
    >>> coder = pd.DataFrame({"crime": [1, 1, 0, 0]})
    >>> machine = pd.DataFrame({"crime": [1, 0, 1, 0]})
    >>> scores = precision_recall_f1(machine, coder, n_boot=0)
    >>> scores[["tp", "fp", "fn"]].values.tolist(), scores[["precision", "recall", "f1"]].values.tolist()
    ([[1, 1, 1]], [[0.5, 0.5, 0.5]])
    """
    if n_boot < 0 or not 0 < level < 1:
        raise ValueError(f"n_boot must be >= 0 and level between 0 and 1; got n_boot={n_boot}, level={level}.")
    machine, columns = _align(machine, coder, columns)
    counts = np.zeros((3, len(coder), len(columns)))  # tp, fp, fn per unit and column
    for j, col in enumerate(columns):
        for i, (m, c) in enumerate(zip(machine[col], coder[col])):
            m, c = label_set(m), label_set(c)
            counts[:, i, j] = len(m & c), len(m - c), len(c - m)
    tp, fp, fn = counts.sum(axis=1)
    table = pd.DataFrame({"column": columns, "n_units": len(coder),
                          "coder_labels": (tp + fn).astype(int), "machine_labels": (tp + fp).astype(int),
                          "tp": tp.astype(int), "fp": fp.astype(int), "fn": fn.astype(int)})
    point = _scores(tp, fp, fn)
    boot = _bootstrap(counts, n_boot, random_state)
    alpha = (1 - level) / 2
    for k, name in enumerate(("precision", "recall", "f1")):
        table[name] = point[k]
        for suffix, q in (("_low", alpha), ("_high", 1 - alpha)):
            table[name + suffix] = _nanquantile(boot[k], q) if n_boot else np.nan
    return table


def agreement_table(machine: pd.DataFrame, coder: pd.DataFrame, columns: list[str] | None = None, *,
                    n_boot: int = 1000, random_state: int | None = 0, level: float = 0.95) -> pd.DataFrame:
    """Machine against coder per column: ``precision_recall_f1`` plus
    Krippendorff's alpha (nominal) and Cohen's kappa, treating the machine as
    a second coder. For alpha and kappa each cell's label set is one category
    (an empty set is "none"), so a sentence agrees only if both give the same set.

    >>> coder = pd.DataFrame({"crime": [1, 1, 0, 0]})
    >>> machine = pd.DataFrame({"crime": [1, 0, 0, 0]})
    >>> agreement_table(machine, coder, n_boot=0)[["recall", "kappa"]].values.tolist()
    [[0.5, 0.5]]
    """
    table = precision_recall_f1(machine, coder, columns, n_boot=n_boot, random_state=random_state, level=level)
    machine, _ = _align(machine, coder, columns)
    alphas, kappas = [], []
    for column in table["column"]:
        pair = pd.DataFrame({"machine": machine[column].map(_category).to_numpy(),
                             "coder": coder[column].map(_category).to_numpy()})
        alphas.append(krippendorff_alpha(pair))
        kappas.append(cohen_kappa(pair["machine"], pair["coder"]))
    return table.assign(alpha=alphas, kappa=kappas)


def disagreements(machine: pd.DataFrame, coder: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """The units where machine and coder differ, one row per unit and column:
    the coder's index columns (e.g. doc_id, sent_id), column, missed (labels
    only the coder gave: false negatives) and extra (labels only the machine
    gave: false positives), each ";"-joined. Read them to see why they differ.

    >>> coder = pd.DataFrame({"crime": [1, 0], "actor": ["libya;un", ""]}, index=pd.Index([0, 1], name="unit"))
    >>> machine = pd.DataFrame({"crime": [1, 1], "actor": ["libya", ""]}, index=coder.index)
    >>> disagreements(machine, coder).values.tolist()
    [[0, 'actor', 'un', ''], [1, 'crime', '', '1']]
    """
    machine, columns = _align(machine, coder, columns)
    rows = []
    for position, unit in enumerate(coder.index):
        for column in columns:
            m, c = label_set(machine[column].iloc[position]), label_set(coder[column].iloc[position])
            if m != c:
                rows.append((*(unit if isinstance(unit, tuple) else (unit,)), column,
                             _joined(c - m), _joined(m - c)))
    names = [n or "unit" for n in coder.index.names]
    return pd.DataFrame(rows, columns=[*names, "column", "missed", "extra"])


def _joined(labels: frozenset) -> str:
    return ";".join(sorted("1" if label is True else str(label) for label in labels))


def _align(machine: pd.DataFrame, coder: pd.DataFrame, columns: list[str] | None) -> tuple[pd.DataFrame, list[str]]:
    """The machine's rows for the coder's units, and the columns to compare (checked)."""
    columns = list(coder.columns) if columns is None else list(columns)
    for name, table in (("machine", machine), ("coder", coder)):
        missing = [c for c in columns if c not in table.columns]
        if missing:
            raise ValueError(f"The {name} table has no column(s) {missing} (it has {list(table.columns)}).")
    for name, table in (("machine", machine), ("coder", coder)):
        if table.index.has_duplicates:
            repeated = table.index[table.index.duplicated()].tolist()[:5]
            raise ValueError(f"The {name} table has duplicate units: {repeated}; give one row per unit "
                             "(see attribution_sets for several attributions per sentence).")
    absent = coder.index.difference(machine.index)
    if len(absent):
        raise ValueError(f"{len(absent)} coded unit(s) have no machine row, e.g. {absent.tolist()[:5]}; "
                         "score every coded unit (index both tables the same way, e.g. by doc_id and sent_id).")
    return machine.loc[coder.index], columns


def _category(value) -> str:
    return _joined(label_set(value)) or "none"


def label_set(value) -> frozenset:
    """A coded cell as a set of labels (see ``precision_recall_f1``).

    >>> sorted(label_set("libya; europe")), label_set(1), label_set(0), label_set(float("nan"))
    (['europe', 'libya'], frozenset({True}), frozenset(), frozenset())
    """
    if isinstance(value, (set, frozenset, list, tuple)):
        return frozenset(value)
    if isinstance(value, str):
        return frozenset(v.strip() for v in value.split(";") if v.strip())
    if value is None or pd.isna(value) or not value:
        return frozenset()
    return frozenset({True})


def _scores(tp, fp, fn):
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), np.nan)
        recall = np.where(tp + fn > 0, tp / (tp + fn), np.nan)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
    return precision, recall, f1


def _bootstrap(counts: np.ndarray, n_boot: int, random_state) -> np.ndarray:
    """Scores of ``n_boot`` resamples of units: array (3, n_boot, n_columns)."""
    n_units = counts.shape[1]
    rng = np.random.default_rng(random_state)
    draws = rng.integers(0, n_units, size=(n_boot, n_units))
    weights = np.zeros((n_boot, n_units))
    np.add.at(weights, (np.repeat(np.arange(n_boot), n_units), draws.ravel()), 1)
    return np.array(_scores(*(weights @ counts[k] for k in range(3))))


def _nanquantile(samples: np.ndarray, q: float) -> np.ndarray:
    defined = ~np.isnan(samples)
    return np.array([np.quantile(samples[defined[:, j], j], q) if defined[:, j].any() else np.nan
                     for j in range(samples.shape[1])])


def coders_table(coding: pd.DataFrame, column: str) -> pd.DataFrame:
    """One row per unit (doc_id, sent_id), one column per coder, for one coded
    column of ``read_coding`` output (NaN where a coder did not code the unit).
    Attribution lists are compared as sets ("europe;libya" == "libya;europe",
    "" is "none").

    >>> coding = pd.DataFrame({"doc_id": ["d", "d", "d"], "sent_id": [0, 1, 0],
    ...                        "coder": ["ann", "ann", "bo"], "crime": [1, 0, 1]})
    >>> coders_table(coding, "crime").values.tolist()
    [[1.0, 1.0], [0.0, nan]]
    """
    values = coding[column]
    if not pd.api.types.is_numeric_dtype(values):
        values = values.map(_category)
    return (coding.assign(**{column: values})
            .pivot(index=["doc_id", "sent_id"], columns="coder", values=column))


def coder_agreement(coding: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """Agreement between coders per coded column of ``read_coding`` output:
    column, n_coders, n_units (coded by two or more coders), alpha (nominal
    Krippendorff's alpha) and kappa (Cohen's, only with exactly two coders,
    on the units both coded).

    >>> coding = pd.DataFrame({"doc_id": ["d"] * 4, "sent_id": [0, 1, 0, 1],
    ...                        "coder": ["ann", "ann", "bo", "bo"], "crime": [1, 0, 1, 0]})
    >>> coder_agreement(coding, ["crime"])[["n_units", "alpha", "kappa"]].values.tolist()
    [[2.0, 1.0, 1.0]]
    """
    columns = columns or [c for c in coding.columns if c not in ("doc_id", "sent_id", "coder", "notes", "file", "row")]
    coders = coding["coder"].nunique()
    if coders < 2:
        raise ValueError(f"Agreement between coders needs at least two coders; the coding has {coders}. "
                         "Have a second coder code the same sheet.")
    rows = []
    for column in columns:
        table = coders_table(coding, column)
        both = table.dropna()
        rows.append({"column": column, "n_coders": table.shape[1],
                     "n_units": int((table.notna().sum(axis=1) >= 2).sum()), "alpha": krippendorff_alpha(table),
                     "kappa": cohen_kappa(both.iloc[:, 0], both.iloc[:, 1]) if table.shape[1] == 2 and len(both)
                     else np.nan})
    return pd.DataFrame(rows)


def attribution_sets(attributions: pd.DataFrame, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per sentence, the sets of actors, kinds, polarities and whole
    attributions ("actor/kind/polarity") of an attribution table, ready for
    ``precision_recall_f1``.

    ``attributions`` has doc_id, sent_id, actor, kind, polarity: one row per
    attribution (``analysis.attributions``; blank fields for a sentence
    without one) or one row per sentence with ";"-separated lists
    (``read_coding``). ``units`` (doc_id, sent_id) lists the sentences to
    return (by default those in ``attributions``): sentences without
    attributions get empty sets, attributions of other sentences are left out.

    >>> t = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 0], "actor": ["libya", "un"],
    ...                   "kind": ["causal", "treatment"], "polarity": ["deny", "assign"]})
    >>> sorted(attribution_sets(t).loc[("d", 0), "attribution"])
    ['libya/causal/deny', 'un/treatment/assign']
    """
    missing = [c for c in ["doc_id", "sent_id", *ATTRIBUTION_FIELDS] if c not in attributions.columns]
    if missing:
        raise ValueError(f"attribution_sets() needs columns doc_id, sent_id, actor, kind, polarity; missing {missing}.")
    found: dict[tuple, list[tuple]] = {}
    for i, rec in enumerate(attributions[["doc_id", "sent_id", *ATTRIBUTION_FIELDS]].itertuples(index=False)):
        parts = [[p.strip() for p in v.split(";") if p.strip()] if isinstance(v, str) else [] for v in rec[2:]]
        if len({len(p) for p in parts}) > 1:
            raise ValueError(f"Row {i} ({rec.doc_id}, {rec.sent_id}): actor, kind and polarity must all be given "
                             f"(or all be blank), with as many items each; got {rec[2:]}.")
        found.setdefault((rec.doc_id, int(rec.sent_id)), []).extend(zip(*parts))
    keys = list(found) if units is None else list(zip(units["doc_id"], units["sent_id"].astype(int)))
    rows = [[frozenset(t[j] for t in found.get(key, [])) for j in range(3)]
            + [frozenset("/".join(t) for t in found.get(key, []))] for key in keys]
    index = pd.MultiIndex.from_tuples(keys, names=["doc_id", "sent_id"])
    return pd.DataFrame(rows, index=index, columns=[*ATTRIBUTION_FIELDS, "attribution"])


def plot_scores(scores: pd.DataFrame, measure: str = "f1"):
    """Point and confidence interval of one measure per column of
    ``precision_recall_f1`` output; returns ``(fig, ax)``.

    >>> scores = precision_recall_f1(pd.DataFrame({"f": [1, 0, 1]}), pd.DataFrame({"f": [1, 1, 0]}), n_boot=20)
    >>> fig, ax = plot_scores(scores); ax.get_xlabel()
    'F1 (machine vs coder)'
    """
    table = scores.iloc[::-1]
    fig, ax = new_figure("column", 0.6 + 0.3 * len(table))
    y = np.arange(len(table))
    point, low, high = (table[measure].to_numpy(float), table[f"{measure}_low"].to_numpy(float),
                        table[f"{measure}_high"].to_numpy(float))
    ax.errorbar(point, y, xerr=np.nan_to_num([point - low, high - point]), fmt="o", color=PALETTE[0],
                ecolor=PALETTE[0], elinewidth=1, capsize=2, markersize=4)
    ax.set_yticks(y, [f"{c} (n={n})" for c, n in zip(table["column"], table["coder_labels"])])
    ax.set_xlim(0, 1.02)
    ax.set_xlabel(f"{measure.upper() if measure == 'f1' else measure.capitalize()} (machine vs coder)")
    ax.grid(axis="x", linewidth=0.4, alpha=0.5)
    return fig, ax


# --------------------------------------------------------------------------- coding sheets



class CodingSheetError(ValueError):
    """A coding sheet that cannot be read; says which file, row and column
    (rows numbered as a spreadsheet shows them, header lines included)."""

    def __init__(self, path, row: int | None, column: str | None, problem: str):
        self.path, self.row, self.column = Path(path), row, column
        where = ", ".join(p for p in (str(path), row and f"row {row}", column and f"column {column!r}") if p)
        super().__init__(f"{where}: {problem}")


def coding_sheet(sentences: pd.DataFrame, n: int | None = None, stratify_by: str | list[str] | None = "doc_id",
                 random_state: int | None = 0, path: str | Path | None = None, *, frames: list[str] | None = None,
                 actors: list[str] | None = None, codebook_version: str | None = None,
                 overwrite: bool = False) -> pd.DataFrame:
    """A sheet for hand coding: a stratified random sample of sentences with
    their context, one blank column per frame and the attribution fields.

    Strata get shares of ``n`` proportional to their size (largest remainders
    round, ties to the first stratum); units are drawn without replacement
    within each stratum and listed in document order. ``previous`` and
    ``next`` are the neighbouring sentences of the same document (context
    only). If ``path`` is given the sheet is written there as CSV (UTF-8),
    with header lines starting with "#" that name the codebook version and
    say how to code; an existing file is never replaced unless
    ``overwrite=True``.

    Parameters
    ----------
    sentences : DataFrame
        ``analysis.sentences(corpus)``: doc_id, sent_id, text.
    n : int, optional
        Sentences to sample; all of them if None.
    stratify_by : str or list of str or None
        Column(s) of ``sentences`` defining the strata (default: documents).
    frames, actors : list of str, optional
        Frame ids and actor ids; read from ``analysis/data/frames.yaml`` and
        ``actors.yaml`` if not given.
    codebook_version : str, optional
        Written into the header; by default built from the codebook files.

    Examples
    --------
    >>> import analysis
    >>> sents = analysis.sentences(analysis.load_corpus())
    >>> sheet = coding_sheet(sents, n=10, frames=["crime"], actors=["libya"], codebook_version="test")
    >>> list(sheet.columns)
    ['doc_id', 'sent_id', 'previous', 'sentence', 'next', 'crime', 'actor', 'kind', 'polarity', 'coder', 'notes']
    >>> len(sheet), sheet.groupby("doc_id").size().tolist()
    (10, [2, 2, 2, 2, 2])
    """
    missing = [c for c in ["doc_id", "sent_id", "text"] if c not in sentences.columns]
    if missing:
        raise ValueError(f"coding_sheet() needs the table of analysis.sentences(); missing columns {missing}.")
    frames = frame_ids() if frames is None else list(frames)
    actors = actor_ids() if actors is None else list(actors)
    clash = set(frames) & set(CONTEXT_COLUMNS + list(ATTRIBUTION_FIELDS) + ["coder", "notes"])
    if clash:
        raise ValueError(f"Frame ids {sorted(clash)} clash with the sheet's own columns; rename them in the codebook.")
    if path is not None and Path(path).exists() and not overwrite:
        raise FileExistsError(f"{path} exists and may hold coding; pick another path or pass overwrite=True.")
    ordered = sentences.sort_values(["doc_id", "sent_id"]).reset_index(drop=True)
    same_doc = ordered["doc_id"].eq(ordered["doc_id"].shift(1))
    ordered["previous"] = ordered["text"].shift(1).where(same_doc, "")
    ordered["next"] = ordered["text"].shift(-1).where(ordered["doc_id"].eq(ordered["doc_id"].shift(-1)), "")
    rows = ordered.loc[sample_stratified(ordered, n, stratify_by, random_state)]
    sheet = rows[["doc_id", "sent_id", "previous", "text", "next"]].rename(columns={"text": "sentence"})
    for col in frames + list(ATTRIBUTION_FIELDS) + ["coder", "notes"]:
        sheet[col] = ""
    sheet = sheet.reset_index(drop=True)
    if path is not None:
        version = codebook_version or current_codebook_version()
        write_atomic(Path(path), lambda tmp: _write_sheet(tmp, sheet, _sheet_header(version, frames, actors)))
    return sheet


def sample_stratified(table: pd.DataFrame, n: int | None, stratify_by: str | list[str] | None,
                      random_state: int | None = 0) -> pd.Index:
    """Index labels of a stratified random sample of ``n`` rows (proportional
    allocation, largest remainders), in the table's order.

    >>> t = pd.DataFrame({"g": ["a"] * 6 + ["b"] * 3})
    >>> t.loc[sample_stratified(t, 3, "g")]["g"].tolist()
    ['a', 'a', 'b']
    """
    if n is None:
        return table.index
    if not 0 < n <= len(table):
        raise ValueError(f"n must be between 1 and the number of rows ({len(table)}); got n={n}.")
    rng = np.random.default_rng(random_state)
    groups = [table.index] if stratify_by is None else [g.index for _, g in table.groupby(stratify_by, sort=True)]
    sizes = np.array([len(g) for g in groups])
    quota = sizes * n / sizes.sum()
    take = np.floor(quota).astype(int)
    for i in np.argsort(-(quota - take), kind="stable")[: n - take.sum()]:
        take[i] += 1
    chosen = [label for g, k in zip(groups, take) for label in rng.choice(np.asarray(g), size=k, replace=False)]
    return table.index[table.index.isin(chosen)]


def read_coding(paths, *, frames: list[str] | None = None, actors: list[str] | None = None,
                codebook_version: str | None = None, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read one or more coded sheets, checking every value against the codebook.

    Frame cells must be 1, 0 or blank (blank = 0). ``actor``, ``kind`` and
    ``polarity`` hold one attribution, or several separated by ";" in the same
    order in the three columns; ``kind`` is causal or treatment, ``polarity``
    assign or deny, ``actor`` an actor id. A blank ``coder`` cell takes the
    file's name (without extension). Rows with no value at all are skipped.
    The sheet's codebook version must equal ``codebook_version`` (by default
    the current codebook's), so that codes are read with the codebook they were
    made with. Given ``sentences`` (``analysis.sentences(corpus)``), every
    (doc_id, sent_id) must be one of them.

    Returns one row per coded sentence: doc_id, sent_id, coder, one integer
    column per frame, actor, kind, polarity (";"-joined, "" for none), notes,
    file, row (the sheet's row number, as a spreadsheet shows it).
    Raises ``CodingSheetError`` (a ValueError) naming the file, row and column.

    Examples
    --------
    >>> import analysis, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> sents = analysis.sentences(analysis.load_corpus())
    >>> _ = coding_sheet(sents, n=5, path=path, frames=["crime"], actors=["libya"], codebook_version="test")
    >>> coded = read_coding(path, frames=["crime"], actors=["libya"], codebook_version="test")
    >>> len(coded), int(coded["crime"].sum()), coded["coder"].iloc[0]
    (5, 0, 'sheet')
    """
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if not paths:
        raise ValueError("read_coding() needs at least one sheet path.")
    frames = frame_ids() if frames is None else list(frames)
    actors = actor_ids() if actors is None else list(actors)
    version = codebook_version or current_codebook_version()
    table = pd.concat([_read_sheet(Path(p), frames, set(actors), version) for p in paths], ignore_index=True)
    seen = table.duplicated(["doc_id", "sent_id", "coder"], keep="first")
    if seen.any():
        dup = table[seen].iloc[0]
        raise CodingSheetError(dup["file"], int(dup["row"]), "sent_id",
                               f"coder {dup['coder']!r} coded sentence ({dup['doc_id']}, {dup['sent_id']}) twice; "
                               "keep one row per sentence and coder.")
    if sentences is not None:
        known = pd.MultiIndex.from_arrays([sentences["doc_id"], sentences["sent_id"].astype(int)])
        unknown = table[~pd.MultiIndex.from_arrays([table["doc_id"], table["sent_id"]]).isin(known)]
        if len(unknown):
            bad = unknown.iloc[0]
            raise CodingSheetError(bad["file"], int(bad["row"]), "doc_id",
                                   f"sentence ({bad['doc_id']}, {bad['sent_id']}) is not in the corpus; was the sheet "
                                   "made from another corpus, or were doc_id or sent_id edited?")
    return table


def _sheet_header(version: str, frames: list[str], actors: list[str]) -> list[str]:
    return [
        f"# codebook_version: {version}",
        "# Code the sentence only; previous and next are context. Definitions: the codebook "
        "(analysis.codebook() or figures/codebook.md).",
        f"# Frames ({' '.join(frames)}): 1 if the sentence uses the frame; blank or 0 if not.",
        f"# actor: who is held responsible - one of: {' '.join(actors)}.",
        f"# kind: {' or '.join(KINDS)}. polarity: {' or '.join(POLARITIES)}. Several attributions in one "
        "sentence: separate them with ; in the same order in actor and kind and polarity.",
        "# coder: your name or initials. notes: free text. Do not edit doc_id or sent_id or the column names.",
    ]


def _write_sheet(path: Path, sheet: pd.DataFrame, header: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerows([line] for line in header)
        writer.writerow(sheet.columns)
        writer.writerows(sheet.astype(str).itertuples(index=False))


def _read_sheet(path: Path, frames: list[str], actors: set[str], version: str) -> pd.DataFrame:
    if not path.is_file():
        raise CodingSheetError(path, None, None, "no such file.")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    n_header = next((i for i, r in enumerate(records) if not (r and r[0].startswith("#"))), len(records))
    found = [r[0].split(":", 1)[1].strip() for r in records[:n_header] if r[0].startswith("# codebook_version:")]
    if not found:
        raise CodingSheetError(path, 1, None, "no '# codebook_version: ...' header line; "
                               "make sheets with analysis.coding_sheet() and keep their header lines.")
    if found[0] != version:
        raise CodingSheetError(path, 1, None, f"the sheet was made with codebook version {found[0]!r} but the "
                               f"codebook is {version!r}; check the codes against that version's definitions, "
                               "then pass codebook_version=" f"{found[0]!r} to read it.")
    if n_header == len(records):
        raise CodingSheetError(path, n_header + 1, None, "no column names after the header lines.")
    columns = [c.strip() for c in records[n_header]]
    expected = CONTEXT_COLUMNS + frames + list(ATTRIBUTION_FIELDS) + ["coder", "notes"]
    for col in expected:
        if col not in columns:
            raise CodingSheetError(path, n_header + 1, col, f"column missing; the sheet needs the columns {expected}.")
    for col in columns:
        if col not in expected or columns.count(col) > 1:
            raise CodingSheetError(path, n_header + 1, col or "(blank)",
                                   "unknown or repeated column; the sheet needs exactly the columns "
                                   f"{expected} (are the frames of the codebook {frames}?).")
    rows = []
    for row_number, record in enumerate(records[n_header + 1:], start=n_header + 2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(columns) and any(cell.strip() for cell in record[len(columns):]):
            raise CodingSheetError(path, row_number, None, f"{len(record)} cells but {len(columns)} columns; "
                                   "a value was typed to the right of the last column.")
        cells = dict(zip(columns, (c.strip() for c in record + [""] * (len(columns) - len(record)))))
        rows.append(_read_row(path, row_number, cells, frames, actors))
    if not rows:
        raise CodingSheetError(path, None, None, "the sheet has no rows.")
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "coder", *frames, *ATTRIBUTION_FIELDS,
                                       "notes", "file", "row"])


def _read_row(path: Path, row: int, cells: dict, frames: list[str], actors: set[str]) -> list:
    def fail(column: str, problem: str):
        raise CodingSheetError(path, row, column, f"{problem} (found {cells[column]!r}).")

    if not cells["doc_id"]:
        fail("doc_id", "doc_id is blank; do not edit doc_id or sent_id")
    sent_id = _integer(cells["sent_id"])
    if sent_id is None:
        fail("sent_id", "sent_id must be a whole number; do not edit doc_id or sent_id")
    codes = []
    for frame in frames:
        value = 0 if cells[frame] == "" else _integer(cells[frame])
        if value not in (0, 1):
            fail(frame, "a frame cell must be 1 (the sentence uses the frame), 0 or blank")
        codes.append(value)
    parts = {f: [p.strip() for p in cells[f].split(";")] if cells[f] else [] for f in ATTRIBUTION_FIELDS}
    allowed = {"actor": actors, "kind": set(KINDS), "polarity": set(POLARITIES)}
    for field, values in parts.items():
        for value in values:
            if value not in allowed[field]:
                fail(field, f"{field} must be one of {sorted(allowed[field])}, separated by ; for several")
    counts = {f: len(v) for f, v in parts.items()}
    if len(set(counts.values())) > 1:
        field = min(counts, key=counts.get)
        fail(field, f"actor, kind and polarity must list the same number of attributions; got {counts}")
    coder = cells["coder"] or path.stem
    return [cells["doc_id"], sent_id, coder, *codes, *(";".join(parts[f]) for f in ATTRIBUTION_FIELDS),
            cells["notes"], str(path), row]


def _integer(text: str) -> int | None:
    """A whole number written as "3" or "3.0" (as spreadsheets may save it), else None."""
    match = re.fullmatch(r"(\d+)(?:\.0*)?", text)
    return int(match.group(1)) if match else None


# --------------------------------------------------------------------------- codebook


def _load_yaml(path: Path) -> dict:
    return read_yaml_mapping(path, hint="pass the ids explicitly (frames=..., actors=...).")


def frame_ids() -> list[str]:
    """Frame ids of the shipped codebook (``analysis/data/frames.yaml``), in its order."""
    return load_codebook(FRAMES_FILE).frame_ids


def actor_ids() -> list[str]:
    """Actor ids of ``analysis/data/actors.yaml``, in its order."""
    return list(load_actors())


def current_codebook_version() -> str:
    """The versions of the codebook files, e.g. "frames.yaml v2; actors.yaml v1; cues.yaml v1"."""
    return "; ".join(f"{path.name} v{_load_yaml(path).get('version', '?')}" if path.is_file()
                     else f"{path.name} missing" for path in (FRAMES_FILE, ACTORS_FILE, CUES_FILE))


def codebook(format: str = "markdown") -> str:
    """The codebook as Markdown for a paper's appendix: frames (definitions,
    what counts, examples, dictionary entries), actors (definitions, aliases)
    and the cues of responsibility attribution, with the files' versions.

    ``python -m analysis codebook figures/codebook.md`` writes it.

    >>> text = codebook()
    >>> text.splitlines()[0]
    '# Codebook'
    """
    if format != "markdown":
        raise ValueError(f"format must be 'markdown', not {format!r}.")
    cues = _load_yaml(CUES_FILE)
    missing = [k for k in ("kinds", "polarities", "responsibility") if not cues.get(k)]
    if missing:
        raise ValueError(f"{CUES_FILE}: missing or empty {missing}; the codebook needs them.")
    parts = ["# Codebook", "", f"Versions: {current_codebook_version()}.", "",
             *_frames_markdown(), *_actors_markdown(), *_cues_markdown(cues)]
    return "\n".join(parts).rstrip() + "\n"


def _frames_markdown() -> list[str]:
    book, overlaps = load_codebook(FRAMES_FILE), _load_yaml(FRAMES_FILE).get("overlaps")
    lines = ["## Frames", "", "A sentence can carry several frames. Dictionary entries match whole words, "
             "case-insensitively; `*` matches any ending.", ""]
    if overlaps:
        lines += [f"How the frames overlap: {' '.join(str(overlaps).split())}", ""]
    for entry in book.frames:
        lines += [f"### `{entry['id']}`" + (f": {entry['label']}" if entry.get("label") else ""), ""]
        for key, value in entry.items():
            if key in ("id", "label", "entries", "examples") or value in (None, "", []):
                continue
            title = key.replace("_", " ").capitalize()
            if isinstance(value, list):
                lines += [f"{title}:", "", *[f"- {' '.join(str(v).split())}" for v in value], ""]
            else:
                lines += [f"{title}: {' '.join(str(value).split())}", ""]
        if entry.get("examples"):
            lines += ["Examples:", "", *[f"> {' '.join(str(e).split())}\n" for e in entry["examples"]]]
        if entry.get("entries"):
            lines += [f"Dictionary entries: {_entries_text(entry['entries'])}.", ""]
    if book.naming:
        lines += ["## Naming of people on the move", "", "Which label a sentence uses for people on the move "
                  "(kind: people) or for their movement (kind: phenomenon); the longest label at a place wins.", "",
                  "| id | label | kind | entries |", "|---|---|---|---|"]
        lines += [f"| `{n['id']}` | {n.get('label', '')} | {n.get('kind', '')} | {_entries_text(n['entries'])} |"
                  for n in book.naming]
        lines.append("")
    return lines


def _entries_text(entries) -> str:
    """Dictionary entries as text: strings, or mappings with entry and optional weight and note."""
    shown = []
    for e in entries:
        if isinstance(e, dict):
            extra = "; ".join([f"weight {e['weight']}"] * (e.get("weight", 1) != 1)
                              + [str(e["note"])] * bool(e.get("note")))
            pattern = e["entry"]
            shown.append(f"`{pattern}`" + (f" ({extra})" if extra else ""))
        else:
            shown.append(f"`{e}`")
    return ", ".join(shown).replace("|", "\\|")


def _words(items) -> str:
    return ", ".join(f"`{item}`".replace("|", "\\|") for item in items)


def _actors_markdown() -> list[str]:
    lines = ["## Actors", "",
             "Who speaks and who is held responsible. Aliases are matched case-insensitively on whole "
             "words; `*` matches any ending; the longest match wins.", ""]
    for actor, entry in load_actors().items():
        lines += [f"### `{actor}`", "", entry["definition"], "", f"Aliases: {_words(entry['aliases'])}.", ""]
    return lines


def _cues_markdown(cues: dict) -> list[str]:
    lines = ["## Responsibility attributions", "",
             "Each attribution records who is held responsible (actor), the kind of responsibility and "
             "its polarity, with the cue that carries it.", "", "| field | value | definition |", "|---|---|---|"]
    for field, key in (("kind", "kinds"), ("polarity", "polarities")):
        lines += [f"| {field} | `{value}` | {' '.join(str(text).split())} |" for value, text in cues[key].items()]
    lines += ["", "### Cues", "", "| rule | cues | kind | polarity | actor held responsible |", "|---|---|---|---|---|"]
    position = {"subject": "subject before the cue", "object": "first actor after the cue",
                "objects": "every actor after the cue"}
    for rule in cues["responsibility"]:
        negatable = " (a negator before the cue flips the polarity)" if rule.get("negatable") else ""
        not_after = f" (not right after {_words(rule['not_after'])})" if rule.get("not_after") else ""
        speaker = "; the subject is the speaker" if rule.get("speaker") == "subject" else ""
        lines.append(f"| {rule['id']} | {_words(rule['cues'])}{not_after} | {rule['kind']} | {rule['polarity']}"
                     f"{negatable} | {position.get(rule['actor'], rule['actor'])}{speaker} |")
    if "counterfactual" in cues:
        cf = cues["counterfactual"]
        lines += ["", "Counterfactuals: a condition (" + _words(cf["condition"]) + ") with a negation ("
                  + _words(cf["negation"]) + ") followed by " + _words(cf["consequence"])
                  + " makes the condition's actor a cause (causal, assign); the consequence's actor is assigned "
                  "too when its clause names a wrongdoing (" + _words(cf["wrongdoing"]) + ")."]
    if "speech" in cues:
        lines += ["", "### Speech cues", "", "Quotes and reported statements are attributed to a speaker through: "
                  + _words(cues["speech"]) + "."]
    return lines + [""]


def main(argv: list[str]) -> int:
    """``python -m analysis codebook OUT.md``: write the codebook as Markdown."""
    if len(argv) != 2 or argv[0] != "codebook":
        print("usage: python -m analysis codebook OUT.md", file=sys.stderr)
        return 2
    text = codebook("markdown")
    out = write_atomic(Path(argv[1]), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    print(f"wrote {out}")
    return 0

