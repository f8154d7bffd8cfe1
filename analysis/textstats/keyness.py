"""Keywords: which terms a target corpus uses more (or less) than a reference
corpus, with log-likelihood (G2) for how sure, log ratio for how much.

>>> import pandas as pd
>>> t = pd.DataFrame({"doc_id": ["t"], "text": ["migrants migrants migrants and aid"]})
>>> r = pd.DataFrame({"doc_id": ["r"], "text": ["aid and aid and trade and aid"]})
>>> keyness(t, r, min_count=1)[["term", "count_target", "count_reference", "log_ratio"]].round(3).values.tolist()
[['migrants', 3, 0, 3.07], ['aid', 1, 3, -1.1], ['and', 1, 3, -1.1], ['trade', 0, 1, -0.515]]
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy.stats import chi2

from .._validation import check_interval, check_option
from ..errors import AnalysisError, TableError
from ..resources.stopwords import normalize_word, stopword_set
from ..text._stemmer import english_stemmer
from ._association import chi2_p, log_likelihood, log_likelihood_two_cell
from ._options import check_min_count, length_range, warn_min_count
from ._stream import Stream, term_ids, word_stream

CORRECTIONS = ("bonferroni", "sidak", None)
#: The forms of G2 keyness computes: Dunning's over the four cells of the 2x2
#: table (the default), and Rayson & Garside's over the term's two cells.
G2_FORMS = ("four-cell", "two-cell")
ZERO_COUNT = 0.5


def keyness(target: pd.DataFrame, reference: pd.DataFrame | None = None, *, by=None, unit: str = "word",
            ngrams: int | tuple[int, int] = 1, lowercase: bool = True, stopwords=None, min_count: int = 5,
            alpha: float = 0.05, correction: str | None = "bonferroni", g2_form: str = "four-cell") -> pd.DataFrame:
    """Keywords of ``target`` against ``reference``: one row per term, sorted
    by signed G2 (most over-used in the target first, most under-used last).

    Parameters
    ----------
    target, reference : DataFrame
        Corpus, paragraphs, sentences or token tables (:func:`analysis.tokens`).
        They must not share text: a reference that contains the target is an
        error (it would pull every statistic towards 0).
    by : boolean Series or array, optional
        Instead of ``reference``: split ``target`` into its rows where ``by``
        is True (the target) and the others (the reference), e.g.
        ``keyness(corpus, by=corpus.outlet == "BBC")``.
    unit : {"word", "stem"}
        Terms are words (:func:`analysis.words`: no punctuation, no
        possessive 's) or their Snowball stems (no NLTK data needed). Lemmas
        are not offered: they need a lemmatizer with downloaded data.
    ngrams : int or (int, int)
        Term length in words, or a range (``(1, 3)``). An n-gram is a run of
        n words with no other token between them (punctuation and the
        possessive 's end a run, so n-grams never cross a sentence).
    lowercase : bool
        Fold case (and ``’`` into ``'``) before counting.
    stopwords : set of str or Path, optional
        Terms not to test (:func:`analysis.load_stopwords` gives the shipped
        English list); an n-gram is left out if its first or last word is one
        (as textacy's ``filter_stops``). Stop words still count in the corpus
        sizes. With ``unit="stem"``, the stop words are stemmed too.
    min_count : int
        Test only terms with at least this many occurrences in both corpora
        together (default 5). On a small corpus it can leave no term: the
        table is then empty, with a warning giving the highest count to lower
        it to.
    alpha, correction : float, {"bonferroni", "sidak", None}
        ``significant`` is ``p_value < threshold``, where the threshold is
        ``alpha`` corrected for the number of terms tested ``m`` (the rows of
        the table): Bonferroni ``alpha / m``, Šidák ``1 - (1 - alpha) ** (1 / m)``.
    g2_form : {"four-cell", "two-cell"}
        Which log-likelihood ``g2`` is (see Notes): "four-cell" (the default),
        Dunning's G2 over the whole 2x2 table, as AntConc 4 ("Log-Likelihood
        (4-term)", its default) and scipy give it; "two-cell", the form of
        Rayson & Garside (2000) over the term's own two cells, as UCREL's
        log-likelihood calculator gives it (and AntConc 3, whose values that
        calculator reproduces), to compare with numbers from those tools.

    Returns
    -------
    DataFrame
        term, (n, for n-gram ranges), count_target, count_reference,
        per_million_target, per_million_reference, g2, log_ratio, p_value,
        significant. ``attrs`` holds the corpus sizes (``size_target``,
        ``size_reference``: words, or n-grams of each length), ``tests``,
        ``alpha``, ``correction``, ``threshold`` (the corrected p),
        ``g2_critical`` (the ``|g2|`` that reaches it) and ``g2_form``.

    Notes
    -----
    For a term with counts ``a`` in the target and ``b`` in the reference,
    of ``c`` and ``d`` words (n-grams of its length) in all:

    * ``g2`` is Dunning's (1993) log-likelihood of the 2x2 table
      ``[[a, c - a], [b, d - b]]``: ``2 * sum(O * ln(O / E))`` over the four
      cells, ``E`` = row total x column total / (c + d), ``0 * ln 0 = 0``. It
      is signed: negative when ``a / c < b / d`` (under-used in the target).
      Rayson & Garside (2000) brought it to keyness in the two-cell form
      (``g2_form="two-cell"``: ``2 * (a * ln(a / E1) + b * ln(b / E2))``,
      ``E1 = c * (a + b) / (c + d)``, ``E2 = d * (a + b) / (c + d)``),
      which leaves out the cells of the other words and is smaller by about
      ``(a - E1)**2 * (1 / (c - a) + 1 / (d - b))``: close to the four-cell
      value when the term is rare in both corpora, smaller for frequent
      terms and small corpora. The four-cell form is the one whose null
      distribution is chi-squared with 1 degree of freedom; the two-cell
      form is read on the same distribution, as the tools that report it do.
      Which tool gives which: UCREL's calculator
      (https://ucrel.lancs.ac.uk/llwizard.html) states the two-cell formula;
      AntConc 3 matched that calculator (Anthony, AntConc list, 2011), and
      AntConc 4's default keyness statistic is "Log-Likelihood (4-term)",
      the four-cell form, whose extra terms are those of ``c - a`` and ``d -
      b`` (Anthony, AntConc list, 2 Feb 2023).
    * ``p_value`` is that chi-squared tail probability of ``|g2|``.
    * ``log_ratio`` is Hardie's (2014) binary log of the ratio of relative
      frequencies, ``log2((a / c) / (b / d))``: 1 means twice as frequent
      in the target, -1 half as frequent. A count of 0 is replaced by 0.5
      (the zero-frequency adjustment Hardie describes for Log Ratio), so a
      term found in one corpus only has a finite log ratio that understates
      the (unbounded) true one; ``count_target`` or ``count_reference`` 0
      marks those rows.
    * Swapping target and reference flips the sign of ``g2`` and ``log_ratio``.

    References: Dunning, T. (1993), Accurate methods for the statistics of
    surprise and coincidence, *Computational Linguistics* 19(1): 61-74.
    Rayson, P. & Garside, R. (2000), Comparing corpora using frequency
    profiling, *Proceedings of the Workshop on Comparing Corpora*, ACL 2000,
    1-6. Hardie, A. (2014), Log Ratio: an informal introduction, ESRC Centre
    for Corpus Approaches to Social Science (CASS), Lancaster University.

    Examples
    --------
    >>> import analysis
    >>> corpus = analysis.load_corpus()
    >>> keys = analysis.keyness(corpus, by=corpus.doc_id.str.startswith("003"), min_count=3)
    >>> keys.attrs["tests"] == len(keys), keys["g2"].is_monotonic_decreasing
    (True, True)
    """
    target, reference = _split(target, reference, by)
    sizes_n = length_range(ngrams, "ngrams", "keyness")
    _check_options(min_count, alpha, correction, g2_form)
    stop = stopword_set(stopwords, "keyness")
    if by is None:
        _check_disjoint(target, reference)
    need_breaks = sizes_n[-1] > 1
    streams = [word_stream(t, "keyness", breaks=need_breaks) for t in (target, reference)]
    for stream, name, table in zip(streams, ("target", "reference"), (target, reference)):
        if not stream.words:
            raise TableError(f"keyness(): the {name} has no words ({len(table)} rows"
                             f"{', all without text' if len(table) else ''}); pass a {name} with text"
                             f"{' (check the by= mask)' if by is not None else ''}.")
    ids, terms = term_ids(streams[0].words + streams[1].words, lowercase=lowercase, unit=unit, who="keyness")
    split = len(streams[0].words)
    if stop and unit == "stem":
        stop = frozenset(map(english_stemmer().stem, stop))
    is_stop = np.fromiter((normalize_word(t) in stop for t in terms), dtype=bool, count=len(terms))
    parts, size_t, size_r = [], {}, {}
    cut, most = 0, 0                     # terms that min_count removed, and the highest count among them
    for n in range(sizes_n[0], sizes_n[1] + 1):
        keys, counts, size_t[n], size_r[n] = _ngram_counts(ids[:split], ids[split:], streams, n, len(terms))
        if not size_t[n] or not size_r[n]:
            warnings.warn(f"keyness(): the {'target' if not size_t[n] else 'reference'} has no run of {n} words "
                          f"(no {n}-grams), so no {n}-word terms are tested.", stacklevel=2)
            continue
        first, last = keys[:, 0], keys[:, -1]
        total, candidate = counts.sum(axis=1), ~is_stop[first] & ~is_stop[last]
        rare = candidate & (total < min_count)
        cut, most = cut + int(rare.sum()), max(most, int(total[rare].max(initial=0)))
        keep = candidate & ~rare
        keys, counts = keys[keep], counts[keep]
        names = [terms[i] for i in keys[:, 0]] if n == 1 else [" ".join(terms[i] for i in row) for row in keys]
        parts.append(_statistics(names, n, counts[:, 0], counts[:, 1], size_t[n], size_r[n], g2_form))
    table = (pd.concat(parts, ignore_index=True) if parts
             else _statistics([], sizes_n[0], *[np.zeros(0)] * 2, 1, 1, g2_form))
    tests = len(table)
    threshold = _threshold(alpha, correction, tests)
    table["significant"] = table["p_value"] < threshold
    table = table.sort_values(["g2", "term"], ascending=[False, True], kind="stable", ignore_index=True)
    if sizes_n == (1, 1):
        table = table.drop(columns="n")
    table.attrs.update({"size_target": size_t if len(size_t) > 1 else size_t[sizes_n[0]],
                        "size_reference": size_r if len(size_r) > 1 else size_r[sizes_n[0]],
                        "tests": tests, "alpha": alpha, "correction": correction, "threshold": threshold,
                        "g2_critical": float(chi2.isf(threshold, 1)), "g2_form": g2_form})
    if not tests and cut:
        warn_min_count("keyness", min_count, f"{cut} terms that are not stop words", most,
                       count="count, target and reference together,")
    elif not tests and parts:
        warnings.warn("keyness(): every term is a stop word; the table is empty.", stacklevel=2)
    return table


def _split(target, reference, by):
    if by is None:
        if reference is None:
            raise AnalysisError("keyness() needs a reference: keyness(target, reference), or one table split by "
                                "a mask: keyness(corpus, by=corpus.outlet == 'BBC').")
        return target, reference
    if reference is not None:
        raise AnalysisError("keyness(): pass either a reference or by=, not both.")
    if not hasattr(target, "columns"):
        raise TableError(f"keyness() takes a DataFrame, not {type(target).__name__}.")
    if isinstance(by, pd.Series):
        if not by.index.equals(target.index):
            raise AnalysisError("keyness(): by= must be a boolean Series with the table's index "
                                "(e.g. corpus.outlet == 'BBC'), or an array of its length.")
        by = by.to_numpy()
    mask = np.asarray(by)
    if mask.shape != (len(target),) or mask.dtype != bool:
        raise AnalysisError(f"keyness(): by= must be True/False for each of the {len(target)} rows, not "
                            f"{mask.dtype} values of shape {mask.shape} (missing values must be decided first).")
    return target[mask], target[~mask]


def _check_options(min_count, alpha, correction, g2_form) -> None:
    check_min_count(min_count, "keyness")
    check_option("g2_form", g2_form, G2_FORMS, where="keyness")
    check_interval("alpha", alpha, 0, 1, closed="neither", where="keyness", why="the significance level")
    check_option("correction", correction, CORRECTIONS, where="keyness")


def _threshold(alpha: float, correction: str | None, tests: int) -> float:
    """The p-value a term must stay under, for ``tests`` terms tested.

    >>> _threshold(0.05, "bonferroni", 10), round(_threshold(0.05, "sidak", 10), 6)
    (0.005, 0.005116)
    """
    m = max(tests, 1)
    if correction == "bonferroni":
        return alpha / m
    if correction == "sidak":
        return float(-np.expm1(np.log1p(-alpha) / m))
    return alpha


def _check_disjoint(target: pd.DataFrame, reference: pd.DataFrame) -> None:
    """Raise if ``reference`` holds text of ``target``: the same (doc_id,
    tok_id) tokens, or a target row whose text is part of a reference row of
    the same document. Tables of different kinds are compared by doc_id."""
    for table in (target, reference):
        if not hasattr(table, "columns") or "doc_id" not in table.columns:
            return  # word_stream names what is missing
    tokens = ["token" in t.columns or "lower" in t.columns for t in (target, reference)]
    if all(tokens):
        cols = ["doc_id", "tok_id"] if all("tok_id" in t.columns for t in (target, reference)) else ["doc_id"]
        shared = pd.MultiIndex.from_frame(target[cols].astype(object)).intersection(
            pd.MultiIndex.from_frame(reference[cols].astype(object)))
        examples, count, what = [k[0] for k in shared[:3]], len(shared), "token" if len(cols) == 2 else "document"
    elif any(tokens):
        shared = pd.Index(target["doc_id"].unique()).intersection(pd.Index(reference["doc_id"].unique()))
        examples, count, what = list(shared[:3]), len(shared), "document"
    else:
        in_ref = target["doc_id"].isin(set(reference["doc_id"].tolist()))
        by_doc: dict = {}
        for doc, text in zip(reference["doc_id"].tolist(), reference["text"].tolist()):
            by_doc.setdefault(doc, []).append(text)
        hits = [doc for doc, text in zip(target["doc_id"][in_ref].tolist(), target["text"][in_ref].tolist())
                if isinstance(text, str) and text.strip()
                and any(isinstance(r, str) and text in r for r in by_doc[doc])]
        examples, count, what = list(dict.fromkeys(hits))[:3], len(hits), "row"
    if count:
        raise TableError(f"keyness(): the reference contains the target: {count} {what}(s) of the target are in "
                         f"it too (doc_id {', '.join(map(repr, examples))}...). Keyness compares two separate "
                         "corpora; a target counted in its reference pulls g2 and log ratio towards 0. Pass the "
                         "reference without them (reference[~reference.doc_id.isin(target.doc_id)]) or split "
                         "one table with by=.")


def _ngram_counts(ids_t: np.ndarray, ids_r: np.ndarray, streams: list[Stream], n: int, vocabulary: int):
    """Distinct n-grams (rows of term ids), their counts in target and
    reference (columns), and the number of n-grams in each."""
    if n == 1:
        counts = np.stack([np.bincount(ids_t, minlength=vocabulary), np.bincount(ids_r, minlength=vocabulary)], 1)
        present = np.flatnonzero(counts.sum(axis=1))
        return present[:, None], counts[present], len(ids_t), len(ids_r)
    starts = [stream.ngram_starts(n) for stream in streams]
    code = np.concatenate([ids_t[starts[0]], ids_r[starts[1]]])
    for k in range(1, n):                # one code per n-gram, kept below len(code) * vocabulary
        nxt = np.concatenate([ids_t[starts[0] + k], ids_r[starts[1] + k]])
        _, first, code = np.unique(code * vocabulary + nxt, return_index=True, return_inverse=True)
    side = np.r_[np.zeros(len(starts[0]), dtype=np.int64), np.ones(len(starts[1]), dtype=np.int64)]
    counts = np.bincount(code.ravel() * 2 + side, minlength=2 * len(first)).reshape(len(first), 2)
    positions = np.concatenate([starts[0], starts[1] + len(ids_t)])[first]
    ids_all = np.concatenate([ids_t, ids_r])
    keys = np.stack([ids_all[positions + k] for k in range(n)], axis=1) if len(positions) else \
        np.zeros((0, n), dtype=np.int64)
    return keys, counts, len(starts[0]), len(starts[1])


def _statistics(terms: list[str], n: int, a: np.ndarray, b: np.ndarray, c: int, d: int,
                g2_form: str) -> pd.DataFrame:
    """The keyness columns for counts ``a`` (target, of ``c`` > 0) and ``b`` (reference, of ``d`` > 0)."""
    a, b = a.astype(np.int64), b.astype(np.int64)
    sign = np.sign(a * d - b * c)          # exact in integers: a/c - b/d has the sign of ad - bc
    unsigned = log_likelihood(a, c - a, b, d - b) if g2_form == "four-cell" else log_likelihood_two_cell(a, b, c, d)
    g2 = sign * unsigned + 0.0
    ratio = np.log2((np.where(a > 0, a, ZERO_COUNT) / c) / (np.where(b > 0, b, ZERO_COUNT) / d))
    table = pd.DataFrame({"term": terms, "n": n, "count_target": a, "count_reference": b,
                          "per_million_target": a / c * 1e6, "per_million_reference": b / d * 1e6,
                          "g2": g2, "log_ratio": ratio, "p_value": chi2_p(g2)})
    return table.astype({"term": str, "n": "int64", "count_target": "int64", "count_reference": "int64",
                         "g2": float, "log_ratio": float, "p_value": float})
