"""Frames of migration (sovereignty, humanitarian, security, criminality,
cooperation), measured with a codebook that is data
(``analysis/data/migration/frames.yaml``) and traceable to words and spans.

* ``frame_hits(sentences)``: one row per hit, with offsets into the document.
* ``frame_scores(sentences)``: the input with one column per frame: 0/1 from the
  frame classifier (:class:`analysis.FrameClassifier`, with probabilities) or the
  dictionary's hits (``method="dictionary"``).
* ``frame_profile(sentences, by="doc_id")``: hits per 1,000 tokens and share of
  sentences with each frame, per group.
* ``frame_evidence(sentences)``: the strongest sentences per frame, as KWIC.

Every function takes the codebook as ``codebook=`` (a path, a mapping or a
:class:`~analysis.resources.Codebook`; default the shipped one). Matching rules
(case, token boundaries, multi-word entries, globs, negation) are those of
:mod:`analysis.matching`. A negated hit ("no violations") still counts by
default: a frame that is denied is still invoked; pass ``negated="skip"`` (with
``method="dictionary"`` in :func:`frame_scores`) to leave negated hits out.

>>> import analysis
>>> sents = analysis.sentences(analysis.load_corpus())
>>> scores = frame_scores(sents)
>>> list(scores.columns[6:11])
['sovereignty', 'humanitarian', 'security', 'criminality', 'cooperation']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_option
from ..errors import AnalysisError, TableError, require_columns
from ..matching import is_negated
from ..resources.codebook import Codebook
from ..text._units import context, row_keys, texts_of, unit_column
from ..text.segment import words
from .classifier import frame_classifier
from .dictionary import NEGATED_CHOICES, frame_counts

METHODS = ("auto", "classifier", "dictionary")


def resolve_method(method: str, *, codebook=None, model=None, where: str = "frame_scores") -> str:
    """"classifier" or "dictionary": ``method``, with "auto" made the
    classifier when there is one for the codebook (``model`` given, or the
    codebook is the shipped one), else the dictionary. ``where`` names the
    function an unknown method is refused for.

    >>> resolve_method("auto"), resolve_method("auto", codebook={"aid": ["aid"]})
    ('classifier', 'dictionary')
    """
    check_option("method", method, METHODS, where=where)
    if method != "auto":
        return method
    return "classifier" if model is not None or Codebook.load(codebook) == Codebook.load() else "dictionary"




def frame_hits(sentences: pd.DataFrame, *, codebook=None) -> pd.DataFrame:
    """Every hit of the codebook's dictionary entries in a table of texts.

    Parameters
    ----------
    sentences : DataFrame
        A table with doc_id and text (sentences, paragraphs or a corpus); with
        ``start``, offsets are into the document.
    codebook : Codebook, path or mapping, optional
        The frames and their entries (default the shipped codebook).

    Returns
    -------
    DataFrame
        One row per hit: doc_id, the unit id (sent_id or par_id, if present),
        frame, entry, weight, start, end (offsets into the document's ``text``
        when the input has ``start``), matched (the text), negated (a negator
        before the hit in its clause).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [10],
    ...                   "text": ["They found no victims, only smugglers."]})
    >>> frame_hits(s)[["frame", "entry", "start", "end", "matched", "negated"]].values.tolist()
    [['humanitarian', 'victim*', 24, 31, 'victims', True], ['criminality', 'smuggl*', 38, 47, 'smugglers', False]]
    """
    return _hits(sentences, Codebook.load(codebook), "frame_hits").drop(columns="_row")


def _hits(sentences: pd.DataFrame, cb: Codebook, who: str) -> pd.DataFrame:
    """:func:`frame_hits`, with the position of each hit's row in ``sentences`` in ``_row``."""
    texts = texts_of(sentences, who)
    unit = unit_column(sentences)
    doc_ids, units, base = row_keys(sentences)
    rows = [(doc_ids[i], *units[i], label, entry, cb.weights[label, entry],
             base[i] + s, base[i] + e, texts[i][s:e], is_negated(texts[i], s), i)
            for i, s, e, label, entry in cb.lexicon.find_all(texts)]
    columns = ["doc_id", *([unit] if unit else []), "frame", "entry", "weight", "start", "end", "matched", "negated",
               "_row"]
    table = pd.DataFrame(rows, columns=columns)
    return table.astype({"start": "int64", "end": "int64", "negated": bool, "weight": float, "_row": "int64"})


def frame_scores(sentences: pd.DataFrame, *, codebook=None, method: str = "auto", model=None,
                 negated: str = "count", weighted: bool = False) -> pd.DataFrame:
    """The input table (same rows, same index) with one column per frame,
    named by the frame id.

    Parameters
    ----------
    sentences : DataFrame
        A table with ``text`` (and usually ``doc_id``, ``sent_id``), such as
        :func:`analysis.sentences` gives; any rows of text will do.
    codebook : Codebook, path or mapping, optional
        The frames (default the shipped codebook); see :func:`analysis.load_codebook`.
    method : {"auto", "classifier", "dictionary"}
        "classifier": 1 or 0 from the frame classifier ``model``
        (:class:`analysis.FrameClassifier` or its file; default the shipped one,
        fitted on hand coding of the shipped codebook), and its probability in
        ``<frame>_probability``. "dictionary": the number of the codebook's
        dictionary hits in each row's ``text``. "auto" (the default): the
        classifier when there is one for the codebook (``model`` given, or the
        shipped codebook), else the dictionary. On unseen news the shipped
        classifier scored a little better than the dictionary (notebook
        ``08_unseen_news``).
    model : FrameClassifier or path, optional
        The classifier for ``method="classifier"`` (or "auto"): a fitted
        :class:`analysis.FrameClassifier` or the JSON file it was saved to.
    negated : {"count", "skip"}
        Dictionary only (with the classifier it is an error, as is
        ``weighted``): count negated hits (default: a denied frame is still
        invoked) or leave them out.
    weighted : bool
        Dictionary: sum entry weights (floats) instead of counting hits (integers).

    Returns
    -------
    DataFrame
        ``sentences`` with one column per frame: 0/1 (classifier) plus
        ``<frame>_probability``, or hit counts (dictionary; weight sums if
        ``weighted``).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "text": ["Aid and relief for victims.", "Smugglers were arrested."]})
    >>> frame_scores(s, method="dictionary").iloc[:, 2:].values.tolist()
    [[0, 3, 0, 0, 0], [0, 0, 0, 2, 0]]
    >>> frame_scores(s).iloc[:, 2:7].values.tolist()
    [[0, 1, 0, 0, 0], [0, 0, 0, 1, 0]]
    """
    check_option("negated", negated, NEGATED_CHOICES, where="frame_scores")
    if resolve_method(method, codebook=codebook, model=model) == "classifier":
        if negated != "count" or weighted:
            raise AnalysisError("frame_scores(): negated= and weighted= set how the dictionary counts; the "
                                "classifier (method='auto' chose it) has neither. Pass method='dictionary' to "
                                "use them.")
        texts_of(sentences, "frame_scores")
        return frame_classifier(model, codebook=codebook).scores(sentences)
    cb = Codebook.load(codebook)
    texts = texts_of(sentences, "frame_scores")
    clash = [f for f in cb.frame_ids if f in sentences.columns]
    if clash:
        raise TableError(f"frame_scores(): the input already has column(s) {clash}; drop or rename them first.")
    counts = frame_counts(cb, texts, negated, weighted)
    scores = sentences.copy()
    for j, fid in enumerate(cb.frame_ids):
        scores[fid] = counts[:, j]
    return scores


def frame_profile(sentences: pd.DataFrame, by: str | list[str] = "doc_id", *, codebook=None,
                  negated: str = "count") -> pd.DataFrame:
    """The dictionary's hits per group and frame, as rates.

    Parameters
    ----------
    sentences : DataFrame
        A table with doc_id and text (usually :func:`analysis.sentences`).
    by : str or list of str
        The column(s) to group by (default documents).
    codebook : Codebook, path or mapping, optional
        The frames and their entries (default the shipped codebook).
    negated : {"count", "skip"}
        Count negated hits (default: a denied frame is still invoked) or leave them out.

    Returns
    -------
    DataFrame
        Per group and frame: sentences, tokens (words, as :func:`analysis.words`),
        hits, sentences_with_frame, per_1000_tokens (hits per 1,000 tokens)
        and share_of_sentences (sentences with at least one hit / sentences).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "text": ["Aid for victims.", "Nothing here."]})
    >>> p = frame_profile(s)
    >>> p[p.frame == "humanitarian"][["hits", "tokens", "per_1000_tokens", "share_of_sentences"]].values.tolist()
    [[2.0, 5.0, 400.0, 0.5]]
    """
    check_option("negated", negated, NEGATED_CHOICES, where="frame_profile")
    cb = Codebook.load(codebook)
    by = [by] if isinstance(by, str) else list(by)
    texts = texts_of(sentences, "frame_profile")
    require_columns(sentences, by, "frame_profile", hint="Group by columns of the table (by=...).")
    counts = frame_counts(cb, texts, negated)
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
    # parts are frame after frame, each with the groups in order of appearance: make it group after group
    group_major = np.arange(len(profile)).reshape(len(frames), len(sizes)).T.ravel()
    return profile.iloc[group_major].reset_index(drop=True)


def frame_evidence(sentences: pd.DataFrame, n: int = 3, window: int = 8, *, codebook=None) -> pd.DataFrame:
    """The ``n`` strongest sentences per frame, as keyword in context.

    A sentence's strength for a frame is the summed weight of its non-negated
    hits (ties: number of distinct entries, then corpus order). Each row shows
    the sentence's first highest-weight hit in context, and all its entries.

    Parameters
    ----------
    sentences : DataFrame
        A table with doc_id and text (usually :func:`analysis.sentences`).
    n : int
        Sentences per frame.
    window : int
        Tokens shown on each side of the keyword.
    codebook : Codebook, path or mapping, optional
        The frames and their entries (default the shipped codebook).

    Returns
    -------
    DataFrame
        frame, rank, doc_id, unit id, strength, entries, left, keyword, right.

    Examples
    --------
    >>> import analysis
    >>> ev = frame_evidence(analysis.sentences(analysis.load_corpus()), n=1)
    >>> ev.frame.tolist()
    ['sovereignty', 'humanitarian', 'security', 'criminality', 'cooperation']
    """
    cb = Codebook.load(codebook)
    unit = unit_column(sentences)
    hits = _hits(sentences, cb, "frame_evidence")
    hits = hits[~hits["negated"]]
    keys = ["doc_id", *([unit] if unit else [])]
    rows = []
    for fid in cb.frame_ids:
        own = hits[hits["frame"] == fid]
        ranked = (own.groupby("_row").agg(strength=("weight", "sum"), distinct=("entry", "nunique"))
                  .reset_index().sort_values(["strength", "distinct", "_row"], ascending=[False, False, True]))
        for rank, (row, strength) in enumerate(zip(ranked["_row"].head(n), ranked["strength"].head(n)), start=1):
            sent = own[own["_row"] == row]
            best = sent.sort_values(["weight", "start"], ascending=[False, True]).iloc[0]
            text, base = sentences["text"].iloc[row], int(sentences["start"].iloc[row]) if "start" in sentences else 0
            left, keyword, right = context(text, int(best["start"]) - base, int(best["end"]) - base, window)
            rows.append((fid, rank, *(sentences[k].iloc[row] for k in keys), float(strength),
                         "; ".join(dict.fromkeys(sent["matched"].str.lower())), left, keyword, right))
    columns = ["frame", "rank", *keys, "strength", "entries", "left", "keyword", "right"]
    return pd.DataFrame(rows, columns=columns)
