"""Clusters: the most frequent n-grams (2 to 5 words) that contain a node, the
phrases a name for people on the move comes in ("thousands of migrants",
"illegal immigrants from").

>>> import pandas as pd
>>> s = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Illegal migrants drowned.", "The illegal migrants, again."]})
>>> clusters(s, "migrants", size=2, min_count=1)[["cluster", "count", "docs"]].values.tolist()
[['illegal migrants', 2, 2], ['migrants drowned', 1, 1]]
"""

from __future__ import annotations

import warnings
from collections import Counter

import numpy as np
import pandas as pd

from ._options import check_min_count, length_range, warn_min_count
from ._stream import word_stream
from .collocates import node_lexicon

COLUMNS = {"node": str, "cluster": str, "n": "int64", "count": "int64", "docs": "int64"}


def clusters(tokens_or_corpus: pd.DataFrame, node, *, size=(2, 5), lowercase: bool = True,
             min_count: int = 2) -> pd.DataFrame:
    """N-grams that contain ``node``, with how often and in how many documents.

    Parameters
    ----------
    tokens_or_corpus : DataFrame
        A corpus, paragraphs, sentences or token table.
    node : str, list of str, dict or Lexicon
        As in :func:`analysis.collocates`: a word, phrase or glob, a list of
        them, a mapping ``{label: [entries]}`` or a Lexicon.
    size : int or (int, int)
        Cluster length in words, or a range (default 2 to 5). A cluster is a
        run of words with no other token between them (punctuation and the
        possessive 's end a run), holding a whole node occurrence.
    lowercase : bool
        Fold case (and ``’`` into ``'``) before counting (the default), so
        "Illegal migrants" and "illegal migrants" are one cluster. The node
        is matched ignoring case either way.
    min_count : int
        Keep clusters found at least this many times (default 2; a warning
        says so if it leaves none).

    Returns
    -------
    DataFrame
        node, cluster (its words, lower-cased with ``lowercase``, one space
        between them), n (its length), count (occurrences: one n-gram holding
        two node occurrences counts once), docs (documents it occurs in).
        Sorted by node, count (highest first), n and cluster.

    Examples
    --------
    >>> import analysis
    >>> table = analysis.clusters(analysis.load_corpus(), "illegal", size=(2, 3))
    >>> table.head(2)[["cluster", "count"]].values.tolist()
    [['illegal immigrants', 12], ['illegal immigration', 6]]
    """
    lo, hi = length_range(size, "size", "clusters")
    check_min_count(min_count, "clusters")
    lexicon = node_lexicon(node, "clusters")
    stream = word_stream(tokens_or_corpus, "clusters", breaks=True)
    ids, terms = stream.term_ids(lowercase=lowercase, who="clusters")
    runs = np.cumsum(stream.breaks)              # words i..j are one run when runs[i] == runs[j]
    unit_of_word = np.repeat(np.arange(len(stream.doc_ids)), np.diff(stream.bounds))
    doc_of_word = pd.factorize(pd.Series(stream.doc_ids, dtype=object))[0][unit_of_word] if len(ids) else ids
    rows, missing, cut, most = [], [], 0, 0
    for label, hits in stream.node_spans(lexicon).items():
        if not len(hits):
            missing.append(label)
            continue
        first, length = hits[:, 0], hits[:, 1] - hits[:, 0]
        for n in range(lo, hi + 1):
            # an n-gram holds an occurrence when it starts up to n - length words before it
            starts = np.unique(np.concatenate([(first - shift)[length + shift <= n] for shift in range(n)]))
            starts = starts[(starts >= 0) & (starts + n <= len(ids))]
            starts = starts[runs[starts] == runs[starts + n - 1]]
            grams = [" ".join(terms[i] for i in ids[p:p + n]) for p in starts.tolist()]
            counts = Counter(grams)
            docs = Counter(gram for gram, _ in set(zip(grams, doc_of_word[starts].tolist())))
            rows += [(label, gram, n, count, docs[gram]) for gram, count in counts.items() if count >= min_count]
            below = [count for count in counts.values() if count < min_count]
            cut, most = cut + len(below), max([most, *below])
    if missing:
        warnings.warn(f"clusters(): node(s) {missing} never occur in the corpus; they have no rows.", stacklevel=2)
    if not rows and cut:
        warn_min_count("clusters", min_count, f"{cut} clusters", most)
    table = pd.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)
    order = {label: i for i, label in enumerate(lexicon.labels)}
    table = table.assign(_order=table["node"].map(order)).sort_values(
        ["_order", "count", "n", "cluster"], ascending=[True, False, True, True], kind="stable", ignore_index=True)
    return table.drop(columns="_order")
