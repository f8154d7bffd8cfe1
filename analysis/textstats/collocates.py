"""Collocates: the words that occur near a node ("migrants", "illegal
immigrant*") more often than chance, with the association measures that
corpus linguists report (log-Dice, MI, MI3, t-score, log-likelihood).

>>> import pandas as pd
>>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1],
...                   "text": ["Illegal migrants drowned.", "Migrants drowned off Libya."]})
>>> collocates(s, "migrant*", window=(1, 1), min_count=1)[["node", "term", "count", "left", "right"]].values.tolist()
[['migrant*', 'drowned', 2, 0, 2], ['migrant*', 'illegal', 1, 1, 0]]
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .._validation import check_option
from ..errors import AnalysisError
from ..matching import Lexicon
from ..resources.stopwords import normalize_word, stopword_set
from ._association import log_likelihood
from ._options import check_min_count, warn_min_count
from ._stream import word_stream

MEASURES = ("log_dice", "mi", "mi3", "t_score", "g2", "count")
COLUMNS = {"node": str, "term": str, "count": "int64", "left": "int64", "right": "int64", "node_count": "int64",
           "term_count": "int64", "expected": float, "log_dice": float, "mi": float, "mi3": float,
           "t_score": float, "g2": float}


def node_lexicon(node, who: str) -> Lexicon:
    """A node as a :class:`~analysis.Lexicon`: a word, phrase or
    glob (its own label), a list of them (one label each, e.g. 50 nodes counted
    in one pass), a mapping ``{label: [entries]}``, or a Lexicon (such as
    ``analysis.load_codebook().naming_lexicon``, labelled by naming id).

    >>> node_lexicon(["migrant*", "illegal immigrants"], "collocates").labels
    ['migrant*', 'illegal immigrants']
    """
    if isinstance(node, Lexicon):
        return node
    if isinstance(node, str):
        return Lexicon.from_entries({node: [node]})
    if isinstance(node, dict):
        return Lexicon.from_entries(node)
    if isinstance(node, (list, tuple, pd.Series, pd.Index)):
        nodes = list(node)
        bad = [n for n in nodes if not isinstance(n, str)]
        if bad or not nodes:
            raise AnalysisError(f"{who}(): node= must be a word, phrase or glob, a list of them, a mapping "
                                f"{{label: [entries]}} or a Lexicon; got {node!r}.")
        return Lexicon.from_entries({n: [n] for n in nodes})
    raise AnalysisError(f"{who}(): node= must be a word, phrase or glob, a list of them, a mapping "
                        f"{{label: [entries]}} or a Lexicon, not {type(node).__name__}.")


def window_sizes(window, who: str) -> tuple[int, int]:
    """``(left, right)`` from ``window``: one number for both sides, or a pair.

    >>> window_sizes(5, "collocates"), window_sizes((0, 3), "collocates")
    ((5, 5), (0, 3))
    """
    sizes = (window, window) if isinstance(window, (int, np.integer)) else tuple(window) \
        if isinstance(window, (tuple, list)) else None
    if sizes is None or len(sizes) != 2 or not all(isinstance(x, (int, np.integer)) for x in sizes):
        raise AnalysisError(f"{who}(): window= must be a number of words or a pair (left, right), not {window!r}.")
    if min(sizes) < 0 or sum(sizes) == 0:
        raise AnalysisError(f"{who}(): window={window!r}: sizes must be 0 or more words on each side, and not "
                            "0 on both (e.g. (5, 5), or (0, 3) for the right side only).")
    return int(sizes[0]), int(sizes[1])


def positions(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """All of ``range(s, e)`` for each pair, concatenated (repeats kept).

    >>> positions(np.array([2, 7]), np.array([4, 9])).tolist()
    [2, 3, 7, 8]
    """
    sizes = np.maximum(ends - starts, 0)
    offsets = np.cumsum(sizes) - sizes
    return np.repeat(starts - offsets, sizes) + np.arange(int(sizes.sum()))


def collocates(tokens_or_corpus: pd.DataFrame, node, *, window=(5, 5), within: str = "sentence",
               lowercase: bool = True, stopwords=None, min_count: int = 3, sort_by: str = "log_dice") -> pd.DataFrame:
    """Collocates of ``node``: one row per node and word found in its windows
    at least ``min_count`` times.

    Parameters
    ----------
    tokens_or_corpus : DataFrame
        A corpus, paragraphs or sentences table, or a token table
        (:func:`analysis.tokens`). Rows are read in the order given.
    node : str, list of str, dict or Lexicon
        A word, phrase or glob ("migrant*", "illegal immigrant*"), matched as
        in :mod:`analysis.matching`; a list of them (each its own node,
        all counted in one pass over the corpus); a mapping ``{label:
        [entries]}``; or a :class:`~analysis.Lexicon` such as the codebook's
        naming labels (``analysis.load_codebook().naming_lexicon``).
    window : int or (int, int)
        Words counted on the left and right of each node occurrence.
    within : {"sentence", "paragraph", "document"}
        Windows stop at the edge of this unit (a corpus table is segmented
        into sentences or paragraphs for it; a token table needs its
        ``sent_id`` or ``par_id``). "document" lets windows cross sentences.
    lowercase : bool
        Fold the case of collocates (node matching ignores case anyway).
    stopwords : set of str or Path, optional
        Words left out of the table (:func:`analysis.load_stopwords`). They
        still take up window positions and count in the corpus size, so the
        statistics of a word do not depend on the stop list.
    min_count : int
        Keep collocates with at least this many co-occurrences (default 3).
        A node whose collocates it removes all has no rows, with a warning
        giving the highest co-occurrence count to lower it to.
    sort_by : {"log_dice", "mi", "mi3", "t_score", "g2", "count"}
        Order of the collocates of each node (highest first; ties by term).

    Returns
    -------
    DataFrame
        node (its label), term, count (co-occurrences), left and right (how
        many of them stood before and after the node), node_count,
        term_count (corpus frequency of the collocate), expected, log_dice,
        mi, mi3, t_score, g2. A node that never occurs, or whose collocates
        ``min_count`` or the stop words remove all, gives no rows and a
        warning. ``attrs``: window, within, size (words in the corpus) and
        span (per node, the window positions counted).

    Notes
    -----
    Counting follows Evert's (2008) surface co-occurrence. Words are the
    kit's word tokens (:func:`analysis.words`: punctuation does not take a
    window position). For each occurrence of the node, its window is the
    ``window[0]`` words before it and ``window[1]`` words after it, cut at the
    edge of its ``within`` unit; the node's own words are not in its window.
    Each (node occurrence, word in its window) pair counts once: a word in the
    windows of two node occurrences counts twice, and one node occurrence in
    the window of another counts as a collocate ("migrants migrants" gives
    "migrants" two co-occurrences with itself). A node found inside a
    hyphenated word ("smuggling" in "anti-smuggling") is that whole word.

    The 2x2 table of each collocate ``c`` (Evert 2008): ``O11 = count``;
    the row total ``R1`` = the window positions of all node occurrences
    (``attrs["span"]``, edges and overlaps as they fall); ``C1`` = the
    frequency of ``c``; ``N`` = the words of the corpus; ``E11 = R1 * C1 / N``
    (``expected``). Where windows overlap, a position counted twice in ``R1``
    also counts twice in ``C1`` (if it holds ``c``) and in ``N``, so that the
    table stays a table of counts; without overlaps these are the plain
    frequencies.

    * ``mi = log2(O11 / E11)`` (pointwise mutual information, Church & Hanks 1990);
    * ``mi3 = log2(O11**3 / E11)`` (Daille 1994), which favours frequent pairs;
    * ``t_score = (O11 - E11) / sqrt(O11)`` (Church, Gale, Hanks & Hindle 1991);
    * ``g2``: Dunning's (1993) log-likelihood of the 2x2 table, signed:
      negative when ``O11 < E11``;
    * ``log_dice = 14 + log2(2 * O11 / (node_count + term_count))``
      (Rychlý 2008), from the frequencies of node and collocate only, so it
      does not depend on the corpus size or the window's N; 14 is its
      maximum when each node occurrence has the collocate once at most.

    References: Church, K. W. & Hanks, P. (1990), Word association norms,
    mutual information, and lexicography, *Computational Linguistics* 16(1):
    22-29. Church, K., Gale, W., Hanks, P. & Hindle, D. (1991), Using
    statistics in lexical analysis, in U. Zernik (ed.), *Lexical
    Acquisition*, 115-164. Daille, B. (1994), *Approche mixte pour
    l'extraction automatique de terminologie*, PhD thesis, Université Paris 7.
    Dunning, T. (1993), *Computational Linguistics* 19(1): 61-74. Evert, S.
    (2008), Corpora and collocations, in A. Lüdeling & M. Kytö (eds.),
    *Corpus Linguistics: An International Handbook*, article 58. Rychlý, P.
    (2008), A lexicographer-friendly association score, *Proceedings of
    RASLAN 2008*, 6-9.

    Examples
    --------
    >>> import analysis
    >>> table = analysis.collocates(analysis.sentences(analysis.load_corpus()), ["migrants", "illegal"],
    ...                             stopwords=analysis.load_stopwords())
    >>> table.groupby("node").head(1)[["node", "term"]].values.tolist()
    [['migrants', 'libya'], ['illegal', 'immigrants']]
    """
    left_size, right_size = window_sizes(window, "collocates")
    lexicon = node_lexicon(node, "collocates")
    check_option("sort_by", sort_by, MEASURES, where="collocates")
    check_min_count(min_count, "collocates")
    stop = stopword_set(stopwords, "collocates")
    stream = word_stream(tokens_or_corpus, "collocates", within=within)
    ids, terms = stream.term_ids(lowercase=lowercase, who="collocates")
    vocabulary, size = len(terms), len(ids)
    frequency = np.bincount(ids, minlength=vocabulary)
    keep_term = ~np.fromiter((normalize_word(t) in stop for t in terms), dtype=bool, count=vocabulary)
    group_start, group_end = stream.group_bounds()
    parts, spans, missing, bare, cut = [], {}, [], [], {}   # cut: node -> (collocates removed, most co-occurrences)
    for label, hits in stream.node_spans(lexicon).items():
        if not len(hits):
            missing.append(label)
            continue
        first, last, unit = hits[:, 0], hits[:, 1], hits[:, 2]
        left = positions(np.maximum(first - left_size, group_start[unit]), first)
        right = positions(last, np.minimum(last + right_size, group_end[unit]))
        left_counts = np.bincount(ids[left], minlength=vocabulary)
        right_counts = np.bincount(ids[right], minlength=vocabulary)
        covered, times = np.unique(np.concatenate([left, right]), return_counts=True)
        repeats = times > 1
        extra = np.bincount(ids[covered[repeats]], weights=times[repeats] - 1, minlength=vocabulary)
        spans[label] = len(left) + len(right)
        observed = left_counts + right_counts
        chosen = np.flatnonzero((observed >= min_count) & keep_term)
        if not len(chosen):
            candidates = observed[(observed > 0) & keep_term]
            if len(candidates):
                cut[label] = len(candidates), int(candidates.max())
            else:
                bare.append(label)
        parts.append(_measures(label, [terms[i] for i in chosen], observed[chosen], left_counts[chosen],
                               right_counts[chosen], len(hits), frequency[chosen], frequency[chosen] + extra[chosen],
                               spans[label], size + int((times[repeats] - 1).sum())))
    if missing:
        warnings.warn(f"collocates(): node(s) {missing} never occur in the corpus ({size} words); they have no "
                      "rows. Check the spelling, or use a glob ('report*' for report, reports, reported).",
                      stacklevel=2)
    if cut:
        most = max(m for _, m in cut.values())
        warn_min_count("collocates", min_count, f"{sum(n for n, _ in cut.values())} collocates of node(s) {list(cut)}",
                       most, count="co-occurrence count", outcome="they have no rows")
    if bare:
        warnings.warn(f"collocates(): node(s) {bare} occur, but their windows hold no word other than stop words; "
                      "they have no rows. Widen window= or within=.", stacklevel=2)
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame({c: [] for c in COLUMNS})
    table = table.astype(COLUMNS)
    order = {label: i for i, label in enumerate(lexicon.labels)}
    table = table.assign(_order=table["node"].map(order)).sort_values(
        ["_order", sort_by, "term"], ascending=[True, False, True], kind="stable", ignore_index=True)
    table = table.drop(columns="_order")
    table.attrs.update({"window": (left_size, right_size), "within": within, "size": size, "span": spans})
    return table


def _measures(label: str, terms: list[str], o11, left, right, node_count: int, term_count, c1, r1: int,
              n: int) -> pd.DataFrame:
    """The association measures of each collocate, from its 2x2 table
    (``o11`` of ``r1`` window positions; ``c1`` and ``n`` counted with repeats)."""
    o11 = o11.astype(float)
    expected = r1 * c1 / n
    g2 = np.sign(o11 - expected) * log_likelihood(o11, r1 - o11, c1 - o11, n - r1 - c1 + o11)
    return pd.DataFrame({
        "node": label, "term": terms, "count": o11.astype(np.int64), "left": left, "right": right,
        "node_count": node_count, "term_count": term_count, "expected": expected,
        "log_dice": 14 + np.log2(2 * o11 / (node_count + term_count)),
        "mi": np.log2(o11 / expected), "mi3": np.log2(o11 ** 3 / expected),
        "t_score": (o11 - expected) / np.sqrt(o11), "g2": g2 + 0.0})
