"""Agreement between coders, and between the machine and a coder.

* ``krippendorff_alpha(table, level_of_measurement)``: any number of coders, missing values,
  nominal, ordinal, interval or ratio metric (Krippendorff 2011, "Computing
  Krippendorff's Alpha-Reliability"), through the coincidence matrix;
  ``alpha_interval`` adds a bootstrap confidence interval over units.
* ``cohen_kappa(a, b)``: two coders, nominal codes (Cohen 1960).
* ``precision_recall_f1(machine, coder)``: per column (frame or attribution
  field), with percentile bootstrap confidence intervals over units;
  ``agreement_table`` adds alpha and kappa, ``disagreements`` lists the units
  where machine and coder differ.
* ``coder_agreement(coding)``: alpha and kappa between the coders of
  :func:`analysis.read_coding` output.

>>> import pandas as pd
>>> table = pd.DataFrame({"A": ["x", "y", "x"], "B": ["x", "y", "y"]})
>>> round(krippendorff_alpha(table), 3)
0.444
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._deprecation import renamed
from .._validation import check_interval, check_option
from ..errors import AnalysisError, TableError


LEVELS = ("nominal", "ordinal", "interval", "ratio")


@renamed(level="level_of_measurement")
def krippendorff_alpha(table: pd.DataFrame, level_of_measurement: str = "nominal") -> float:
    """Krippendorff's alpha for a units x coders table (NaN = not coded).

    Units coded by fewer than two coders carry no information on agreement and
    do not enter the coincidence matrix. Returns NaN when the pairable values
    show no variation at all (alpha is 0/0 then).

    Parameters
    ----------
    table : DataFrame
        One row per unit, one column per coder; missing values where a coder
        did not code the unit. Values may be strings for
        ``level_of_measurement="nominal"``; the other levels need numbers
        (ordinal: ranks in their natural order).
    level_of_measurement : {"nominal", "ordinal", "interval", "ratio"}
        The level of measurement, which sets the distance between two values
        (the name of the ``krippendorff`` package; ``level=`` is its old name
        here, accepted with a FutureWarning).

    Returns
    -------
    float
        Alpha: 1 is perfect agreement, 0 agreement at chance; NaN when the
        pairable values show no variation.

    Examples
    --------
    >>> t = pd.DataFrame({"A": [1, 2, 3, None], "B": [1, 2, 3, 3]})
    >>> krippendorff_alpha(t)
    1.0
    """
    level = check_option("level_of_measurement", level_of_measurement, LEVELS, where="krippendorff_alpha")
    coincidence, values = coincidence_matrix(table)
    if level != "nominal":
        try:
            values = values.astype(float)
        except (TypeError, ValueError):
            raise AnalysisError(f"level_of_measurement={level!r} needs numeric values; got {list(values)[:5]}. "
                                "Recode them as numbers or use level_of_measurement='nominal'.") from None
    totals = coincidence.sum(axis=1)
    n = totals.sum()
    delta2 = _difference(values, totals, level)
    observed = (coincidence * delta2).sum() / n
    expected = (np.outer(totals, totals) * delta2).sum() / (n * (n - 1))
    if expected == 0:
        return float("nan")
    return float(1 - observed / expected)


@renamed(level=("level_of_measurement", lambda value: isinstance(value, str)), confidence="level")
def alpha_interval(table: pd.DataFrame, level_of_measurement: str = "nominal", *, n_boot: int = 1000,
                   random_state=0, level: float = 0.95) -> tuple[float, float, float]:
    """Krippendorff's alpha with a percentile bootstrap interval that resamples
    units (rows). Replicates where alpha is undefined (no variation in the
    resampled units) are left out.

    Parameters
    ----------
    table : DataFrame
        One row per unit, one column per coder; NaN where a coder did not code the unit.
    level_of_measurement : {"nominal", "ordinal", "interval", "ratio"}
        The level of measurement (see :func:`analysis.krippendorff_alpha`).
    n_boot : int
        Bootstrap replicates.
    random_state : int, optional
        The seed of the bootstrap.
    level : float
        The confidence level of the interval, as everywhere in the kit (its
        old name ``confidence=``, and ``level="ordinal"`` for the level of
        measurement, are accepted with a FutureWarning).

    Returns
    -------
    alpha, low, high : float
        Alpha on all units and the bounds of its interval.

    Examples
    --------
    >>> t = pd.DataFrame({"A": [1, 0, 1, 0, 1, 1], "B": [1, 0, 1, 0, 0, 1]})
    >>> alpha, low, high = alpha_interval(t, n_boot=200)
    >>> round(alpha, 3), low <= alpha <= high
    (0.686, True)
    """
    check_interval("n_boot", n_boot, 1, integer=True, where="alpha_interval")
    check_interval("level", level, 0, 1, closed="neither", where="alpha_interval")
    point = krippendorff_alpha(table, level_of_measurement)
    rng = np.random.default_rng(random_state)
    rows = np.arange(len(table))
    values = []
    for _ in range(n_boot):
        sample = table.iloc[rng.choice(rows, size=len(rows), replace=True)]
        try:
            value = krippendorff_alpha(sample, level_of_measurement)
        except AnalysisError:                      # no unit coded twice in this resample
            continue
        if not np.isnan(value):
            values.append(value)
    if not values:
        return point, float("nan"), float("nan")
    tail = (1 - level) / 2
    low, high = np.quantile(values, [tail, 1 - tail])
    return point, float(low), float(high)


def coincidence_matrix(table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The values x values coincidence matrix of a units x coders table, and
    the sorted values it is indexed by (Krippendorff 2011, section B).

    >>> o, values = coincidence_matrix(pd.DataFrame({"A": ["a", "b"], "B": ["a", "a"]}))
    >>> values.tolist(), o.tolist()
    (['a', 'b'], [[2.0, 1.0], [1.0, 0.0]])
    """
    if not isinstance(table, pd.DataFrame):
        raise AnalysisError("Pass a DataFrame with one row per unit and one column per coder.")
    if table.shape[1] < 2:
        raise AnalysisError(f"Agreement needs at least two coder columns; got {list(table.columns)}.")
    cells = table.to_numpy(dtype=object)
    units, _ = np.nonzero(~pd.isna(cells))
    coded = cells[~pd.isna(cells)]
    try:
        values = np.array(sorted(set(coded)), dtype=object)
    except TypeError:
        raise AnalysisError("Coded values must be all numbers or all strings; "
                         f"got a mix: {sorted(map(repr, set(coded)))[:6]}.") from None
    codes = pd.Index(values).get_indexer(coded)
    counts = np.zeros((len(table), len(values)))
    np.add.at(counts, (units, codes), 1)
    pairable = counts.sum(axis=1)
    counts = counts[pairable >= 2]
    if len(counts) == 0:
        raise AnalysisError("No unit was coded by two or more coders, so there is no agreement to measure. "
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

    Parameters
    ----------
    a, b : sequence
        The two coders' codes, unit by unit; every unit must be coded by both
        (a missing value is an error).

    Returns
    -------
    float
        Kappa; NaN when both coders used one and the same value throughout.

    Examples
    --------
    >>> cohen_kappa(["y", "y", "n", "n"], ["y", "n", "n", "n"])
    0.5
    """
    a, b = pd.Series(list(a), dtype=object), pd.Series(list(b), dtype=object)
    if len(a) != len(b):
        raise AnalysisError(f"The two codings have different lengths ({len(a)} and {len(b)}); "
                         "pass one value per unit for each coder.")
    missing = np.flatnonzero(a.isna().to_numpy() | b.isna().to_numpy())
    if len(missing):
        raise AnalysisError(f"Cohen's kappa needs every unit coded by both coders; units at positions "
                         f"{missing[:10].tolist()} are missing. Drop them first or use krippendorff_alpha.")
    if len(a) == 0:
        raise AnalysisError("No units to compare.")
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

    Per unit, true positives are the labels in both sets, false positives
    those only the machine gives, false negatives those only the coder gives;
    they are summed over units.

    Parameters
    ----------
    machine, coder : DataFrame
        One row per unit (the same index, e.g. ``(doc_id, sent_id)``) and one
        column per frame or attribution field. A cell is read as a set of
        labels: 1/True is ``{True}``; 0, False, NaN and "" are the empty set; a
        string is split on ";" ("libya; europe"); a set, list or tuple is taken
        as is. The machine is evaluated on the coder's units.
    columns : list of str, optional
        The columns to compare (default the coder's columns).
    n_boot : int
        Bootstrap replicates (resampling units); 0 for no intervals.
    random_state : int, optional
        The seed of the bootstrap.
    level : float
        The confidence level of the intervals.

    Returns
    -------
    DataFrame
        One row per column: column, n_units, coder_labels, machine_labels, tp,
        fp, fn, precision, recall, f1, each measure with ``_low`` and ``_high``
        bounds. A measure is NaN where its denominator is 0 (precision when the
        machine gives no label); bootstrap replicates where it is undefined are
        left out.

    Examples
    --------
    >>> coder = pd.DataFrame({"crime": [1, 1, 0, 0]})
    >>> machine = pd.DataFrame({"crime": [1, 0, 1, 0]})
    >>> scores = precision_recall_f1(machine, coder, n_boot=0)
    >>> scores[["tp", "fp", "fn"]].values.tolist(), scores[["precision", "recall", "f1"]].values.tolist()
    ([[1, 1, 1]], [[0.5, 0.5, 0.5]])
    """
    check_interval("n_boot", n_boot, 0, integer=True, where="precision_recall_f1")
    check_interval("level", level, 0, 1, closed="neither", where="precision_recall_f1")
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
    """Machine against coder per column: :func:`analysis.precision_recall_f1`
    plus Krippendorff's alpha (nominal) and Cohen's kappa, treating the
    machine as a second coder.

    For alpha and kappa each cell's label set is one category (an empty set
    is "none"), so a sentence agrees only if both give the same set.

    Parameters
    ----------
    machine, coder : DataFrame
        One row per unit (the same index, e.g. ``(doc_id, sent_id)``) and one
        column per frame or attribution field. A cell is read as a set of
        labels: 1/True is ``{True}``; 0, False, NaN and "" are the empty set; a
        string is split on ";" ("libya; europe"); a set, list or tuple is taken
        as is. The machine is evaluated on the coder's units.
    columns : list of str, optional
        The columns to compare (default the coder's columns).
    n_boot : int
        Bootstrap replicates (resampling units); 0 for no intervals.
    random_state : int, optional
        The seed of the bootstrap.
    level : float
        The confidence level of the intervals.

    Returns
    -------
    DataFrame
        The columns of :func:`analysis.precision_recall_f1`, and alpha and kappa.

    Examples
    --------
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
    """The units where machine and coder differ: read them to see why.

    Parameters
    ----------
    machine, coder : DataFrame
        One row per unit (the same index, e.g. ``(doc_id, sent_id)``) and one
        column per frame or attribution field. A cell is read as a set of
        labels: 1/True is ``{True}``; 0, False, NaN and "" are the empty set; a
        string is split on ";" ("libya; europe"); a set, list or tuple is taken
        as is. The machine is evaluated on the coder's units.
    columns : list of str, optional
        The columns to compare (default the coder's columns).

    Returns
    -------
    DataFrame
        One row per unit and column that differ: the coder's index columns
        (e.g. doc_id, sent_id), column, missed (labels only the coder gave:
        false negatives) and extra (labels only the machine gave: false
        positives), each ";"-joined.

    Examples
    --------
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
            raise TableError(f"The {name} table has no column(s) {missing} (it has {list(table.columns)}).")
    for name, table in (("machine", machine), ("coder", coder)):
        if table.index.has_duplicates:
            repeated = table.index[table.index.duplicated()].tolist()[:5]
            raise TableError(f"The {name} table has duplicate units: {repeated}; give one row per unit "
                             "(see attribution_sets for several attributions per sentence).")
    absent = coder.index.difference(machine.index)
    if len(absent):
        raise TableError(f"{len(absent)} coded unit(s) have no machine row, e.g. {absent.tolist()[:5]}; "
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
    """Agreement between coders, per coded column.

    Parameters
    ----------
    coding : DataFrame
        :func:`analysis.read_coding` output: doc_id, sent_id, coder and the coded columns.
    columns : list of str, optional
        The coded columns to compare (default all).

    Returns
    -------
    DataFrame
        column, n_coders, n_units (coded by two or more coders), alpha (nominal
        Krippendorff's alpha) and kappa (Cohen's, only with exactly two coders,
        on the units both coded).

    Examples
    --------
    >>> coding = pd.DataFrame({"doc_id": ["d"] * 4, "sent_id": [0, 1, 0, 1],
    ...                        "coder": ["ann", "ann", "bo", "bo"], "crime": [1, 0, 1, 0]})
    >>> coder_agreement(coding, ["crime"])[["n_units", "alpha", "kappa"]].values.tolist()
    [[2.0, 1.0, 1.0]]
    """
    columns = columns or [c for c in coding.columns if c not in ("doc_id", "sent_id", "coder", "notes", "file", "row")]
    coders = coding["coder"].nunique()
    if coders < 2:
        raise AnalysisError(f"Agreement between coders needs at least two coders; the coding has {coders}. "
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
