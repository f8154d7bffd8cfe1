"""The corpus at a glance: one row per document with its size.

>>> import analysis
>>> analysis.corpus_summary(analysis.load_corpus())["sentences"].sum()
np.int64(61)
"""

from __future__ import annotations

import pandas as pd

from ..text.segment import paragraphs, sentences, words

SUMMARY_COLUMNS = ["doc_id", "title", "outlet", "date", "words", "sentences", "paragraphs"]


def corpus_summary(corpus: pd.DataFrame, *, segmentation=None) -> pd.DataFrame:
    """The size of each document: doc_id, title, outlet, date (when the corpus
    has them), and the number of words, sentences and paragraphs of its ``text``.

    Parameters
    ----------
    corpus : DataFrame
        A corpus table (:func:`analysis.load_corpus`): doc_id, text and any metadata.
    segmentation : SegmentationRules, path or mapping, optional
        The abbreviations that do not end a sentence (default the shipped
        rules), as for :func:`analysis.sentences`.

    Returns
    -------
    DataFrame
        One row per document: doc_id, title, outlet, date (empty where the corpus
        lacks the column), words, sentences, paragraphs.

    Examples
    --------
    >>> import analysis
    >>> summary = corpus_summary(analysis.load_corpus())
    >>> summary[["words", "sentences", "paragraphs"]].iloc[0].tolist()
    [328, 9, 9]
    """
    counts = pd.DataFrame({
        "doc_id": corpus["doc_id"],
        "words": corpus["text"].map(lambda t: len(words(t))).astype("int64"),
    })
    for name, table in (("sentences", sentences(corpus, segmentation=segmentation)), ("paragraphs", paragraphs(corpus))):
        sizes = table.groupby("doc_id", sort=False).size()
        counts[name] = counts["doc_id"].map(sizes).fillna(0).astype("int64")
    meta = corpus.reindex(columns=["doc_id", "title", "outlet", "date"])
    return meta.merge(counts, on="doc_id")[SUMMARY_COLUMNS]
