"""Dispersion: how evenly a term is spread over the texts of a corpus, so
that a keyword carried by one article shows as such.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"],
...                      "text": ["aid aid aid aid", "aid and more", "more and more"]})
>>> dispersion(docs, ["aid", "more"]).round(3).values.tolist()
[['aid', 5, 2, 3, 0.339, 0.4, 0.571], ['more', 3, 2, 3, 0.423, 0.4, 0.571]]
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ._options import check_min_count, warn_min_count
from ._stream import word_stream

COLUMNS = {"term": str, "count": "int64", "range": "int64", "parts": "int64", "juilland_d": float, "dp": float,
           "dp_norm": float}


def dispersion(tokens_or_corpus: pd.DataFrame, terms=None, *, by: str = "doc_id", unit: str = "word",
               lowercase: bool = True, min_count: int = 1) -> pd.DataFrame:
    """Range, Juilland's D and Gries's DP of each term over the parts of a corpus.

    Parameters
    ----------
    tokens_or_corpus : DataFrame
        A corpus, paragraphs, sentences or token table.
    terms : list of str, optional
        The terms to describe, as :func:`analysis.keyness` writes them (lower
        case; multi-word terms with one space between words, counted as
        n-grams are there). Not globs: a term with ``*`` or ``?`` is an error
        (:func:`analysis.kwic` and :func:`analysis.collocates` take globs).
        Default: every word occurring ``min_count`` times or more.
    by : str
        The column whose values are the parts (default: documents). Parts
        with no words are left out.
    unit, lowercase : {"word", "stem"}, bool
        As in :func:`analysis.keyness`.
    min_count : int
        Without ``terms``, the fewest occurrences a word needs to have a row
        (default 1; a warning says so if it leaves none); with ``terms``,
        every term has one.

    Returns
    -------
    DataFrame
        term, count, range (parts where it occurs), parts (parts in all),
        juilland_d, dp, dp_norm. Sorted as ``terms``, else by count
        (highest first) and term.

    Notes
    -----
    For a term with ``f_i`` occurrences in part ``i`` of ``s_i`` words
    (``n`` parts, ``f`` and ``S`` the totals; n-grams of the term's length
    for multi-word terms):

    * ``juilland_d = 1 - V / sqrt(n - 1)`` (Juilland & Chang-Rodríguez
      1964), ``V`` the coefficient of variation (population standard
      deviation over mean) of the relative frequencies ``f_i / s_i``, so
      parts of unequal size are compared by rate. 1: the same rate
      everywhere; 0: all in one part.
    * ``dp = 0.5 * sum(|f_i / f - s_i / S|)`` (Gries 2008): how far the
      term's spread is from the parts' sizes. 0: spread as the words are; near
      1: all in one small part. ``dp_norm = dp / (1 - min(s_i / S))``
      (Lijffijt & Gries 2012) reaches 1 for a term in the smallest part only.

    With many parts, D stays high for a term found in few of them (on the 481
    migration articles of NewsArticles, "wilders" is in 42 and has D = 0.82
    but DP = 0.91): read DP and range beside it (Gries 2008 discusses this).

    A term that never occurs has count 0 and no D or DP (NaN), with a
    warning naming it. Fewer than two parts is an error.

    References: Juilland, A. & Chang-Rodríguez, E. (1964), *Frequency
    Dictionary of Spanish Words*, The Hague: Mouton. Gries, S. Th. (2008),
    Dispersions and adjusted frequencies in corpora, *International Journal
    of Corpus Linguistics* 13(4): 403-437. Lijffijt, J. & Gries, S. Th.
    (2012), Correction to Stefan Th. Gries' "Dispersions and adjusted
    frequencies in corpora", *International Journal of Corpus Linguistics*
    17(1): 147-149.

    Examples
    --------
    >>> import analysis
    >>> table = analysis.dispersion(analysis.load_corpus(), ["libya", "sovereignty"])
    >>> table[["term", "count", "range"]].values.tolist()
    [['libya', 35, 5], ['sovereignty', 1, 1]]
    """
    if not hasattr(tokens_or_corpus, "columns") or by not in tokens_or_corpus.columns:
        raise AnalysisError(f"dispersion(): by={by!r} must be a column of the table "
                            f"({list(getattr(tokens_or_corpus, 'columns', []))}).")
    check_min_count(min_count, "dispersion")
    wanted = _wanted(terms)
    lengths = sorted({len(t.split(" ")) for t in wanted}) if wanted is not None else [1]
    stream = word_stream(tokens_or_corpus, "dispersion", breaks=lengths[-1] > 1)
    part_of_row, part_names = pd.factorize(tokens_or_corpus[by].astype(object))
    if (part_of_row < 0).any():
        raise AnalysisError(f"dispersion(): column {by!r} has missing values; fill or drop them first.")
    ids, vocabulary = stream.term_ids(lowercase=lowercase, unit=unit, who="dispersion")
    parts = part_of_row[stream.word_rows]
    occupied = int((np.bincount(parts, minlength=len(part_names)) > 0).sum())
    if occupied < 2:
        raise AnalysisError(f"dispersion(): the words fall into {occupied} part(s) of {by!r}; dispersion needs "
                            "two or more (pass a table with more documents, or another by=).")
    rows = []
    for n in lengths:
        starts = stream.ngram_starts(n)
        sizes = np.bincount(parts[starts], minlength=len(part_names)).astype(float)
        if n == 1:
            names, term_of_start = vocabulary, ids
        else:
            first_words = {t.split(" ")[0] for t in wanted if len(t.split(" ")) == n}
            first_ids = [i for i, t in enumerate(vocabulary) if t in first_words]
            starts = starts[np.isin(ids[starts], first_ids)]
            grams = [" ".join(vocabulary[i] for i in ids[p:p + n]) for p in starts.tolist()]
            term_of_start, names = pd.factorize(pd.Series(grams, dtype=object))
            names = list(names)
        rows.append(_measures(names, term_of_start, parts[starts], sizes))
    table = pd.concat(rows, ignore_index=True)
    if wanted is None:
        highest = int(table["count"].max())
        if highest < min_count:
            warn_min_count("dispersion", min_count, f"{len(table)} words", highest)
        table = table[table["count"] >= min_count].sort_values(["count", "term"], ascending=[False, True],
                                                               kind="stable")
    else:
        table = table.drop_duplicates("term").set_index("term").reindex(wanted).reset_index()
        absent = table["count"].isna()
        if absent.any():
            warnings.warn(f"dispersion(): {int(absent.sum())} term(s) never occur "
                          f"({table.loc[absent, 'term'].tolist()[:10]}); their D and DP are undefined (NaN).",
                          stacklevel=2)
            table.loc[absent, ["count", "range"]] = 0
            table.loc[absent, "parts"] = occupied
    return table.astype(COLUMNS).reset_index(drop=True)


def _wanted(terms) -> list[str] | None:
    if terms is None:
        return None
    if isinstance(terms, str):
        terms = [terms]
    terms = list(terms)
    bad = [t for t in terms if not isinstance(t, str) or not t.strip()]
    if bad:
        raise AnalysisError(f"dispersion(): terms must be non-empty strings; got {bad[:3]!r}.")
    globs = [t for t in terms if "*" in t or "?" in t]
    if globs:
        raise AnalysisError(f"dispersion(): terms are words or n-grams as keyness() writes them, not globs: "
                            f"{globs[:3]!r} (kwic() and collocates() take globs). Name the words instead: "
                            "dispersion(table) without terms gives every word, to choose them from.")
    return [" ".join(t.split()) for t in terms]


def _measures(names: list[str], term: np.ndarray, part: np.ndarray, sizes: np.ndarray) -> pd.DataFrame:
    """Dispersion of each term from the term and part of each occurrence
    (``sizes``: the words, or n-grams, of each part; two or more parts have some)."""
    used = sizes > 0
    n_parts, total = int(used.sum()), sizes.sum()
    vocabulary = len(names)
    pair, count = np.unique(term.astype(np.int64) * len(sizes) + part, return_counts=True)
    t, p = pair // len(sizes), pair % len(sizes)
    f = np.bincount(t, weights=count, minlength=vocabulary)
    rate = count / sizes[p]
    mean = np.bincount(t, weights=rate, minlength=vocabulary) / max(n_parts, 1)
    var = np.maximum(np.bincount(t, weights=rate ** 2, minlength=vocabulary) / max(n_parts, 1) - mean ** 2, 0)
    d = 1 - np.sqrt(var) / mean / np.sqrt(n_parts - 1)     # every term here occurs, so mean > 0
    share = sizes[p] / total
    gap = np.abs(count / f[t] - share) - share              # parts without the term add their share: 1 - sum
    dp = 0.5 * (np.bincount(t, weights=gap, minlength=vocabulary) + 1)
    smallest = sizes[used].min() / total
    return pd.DataFrame({"term": names, "count": f.astype(np.int64),
                         "range": np.bincount(t, minlength=vocabulary), "parts": n_parts,
                         "juilland_d": np.clip(d, 0, 1), "dp": dp, "dp_norm": dp / (1 - smallest)})
