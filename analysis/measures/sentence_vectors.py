"""Sentence vectors from word vectors: a frequency-weighted mean (SIF, Arora,
Liang and Ma 2017), the features that let a classifier see meaning where no
keyword is ("bodies of 74 migrants were found").

* **words**: lower-case tokens (``\\w+(?:['’-]\\w+)*``, the frame classifier's
  pattern), ``’`` read as ``'``; a token that is not in the vocabulary is
  looked up in its parts between apostrophes and hyphens ("libya's" as
  "libya" and "s", "anti-smuggling" as "anti" and "smuggling"), and left out
  if none is there;
* **weights**: SIF's ``a / (a + p(w))``, with ``p(w)`` the word's frequency.
  Word vectors carry no counts, but GloVe and word2vec files list words from
  the most to the least frequent, so the frequency is read from the rank by
  Zipf's law, ``p(w) = 1 / (rank * H(n))`` (``H(n)`` the harmonic number of
  the vocabulary's size): "the" weighs 0.013, a word of rank 1,000 0.93, a
  rare word 1. Vectors not in frequency order get wrong weights;
* **pooling**: the weighted vectors summed and divided by the number of
  words found, per text (:func:`sentence_vectors`); a text with no word in
  the vocabulary gets zeros;
* **prototypes** (``entry_prototypes``): one vector per frame, the mean
  of its dictionary entries' unit vectors (an entry: the mean of its words; a
  word with ``*``: the mean of the ten most frequent vocabulary words it
  matches), so that the cosine of a sentence to a frame is a feature too.

The frame classifier removes the common component (SIF's second step) and
standardises the result (:class:`analysis.FrameClassifier`). Everything here
is linear in the words, so a score computed from these features splits
exactly into one contribution per word (``piece_contributions``), which
is the evidence shown for a positive.

>>> from analysis import WordVectors
>>> v = WordVectors.load({"the": [1.0, 0.0], "aid": [0.0, 1.0], "camp": [0.0, 3.0]})
>>> sentence_vectors(["The aid.", "Camp"], vectors=v, a=1e6).round(3).tolist()   # a large a: every word weighs 1
[[0.5, 0.5], [0.0, 3.0]]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from ..resources.vectors import WordVectors
from ..text._units import estimator_texts
from .terms import TOKEN

_PART = re.compile(r"[^'’-]+")
#: SIF's smoothing ``a`` (Arora et al. 2017 use 1e-3 to 1e-4).
SIF_A = 1e-3
#: How many of the most frequent vocabulary words a dictionary glob ("smuggl*") stands for in a prototype.
GLOB_WORDS = 10


@dataclass(frozen=True)
class Pieces:
    """The in-vocabulary pieces of one text (:func:`text_pieces`), one entry per
    piece: its vocabulary row and its character span in the text."""

    row: np.ndarray
    start: np.ndarray
    end: np.ndarray


def sif_weights(rows: np.ndarray, n_words: int, a: float = SIF_A) -> np.ndarray:
    """SIF weight of each vocabulary row: ``a / (a + p)`` with the Zipf
    frequency ``p = 1 / ((row + 1) * H(n_words))``.

    >>> sif_weights(np.array([0, 999, 399_999]), 400_000).round(3).tolist()
    [0.013, 0.931, 1.0]
    """
    harmonic = math.log(n_words) + 0.5772156649 + 1 / (2 * n_words)
    p = 1.0 / ((np.asarray(rows, dtype=np.float64) + 1) * harmonic)
    return a / (a + p)


def token_rows(tokens: Sequence[str], vectors: WordVectors) -> tuple[np.ndarray, list[str], list[tuple[int, ...]]]:
    """The distinct tokens (lower case) and their vocabulary rows: each token's
    code (its index among the distinct ones), the distinct tokens, and per
    distinct token its row, or its parts' rows, or none (see the module docstring)."""
    codes, uniques = pd.factorize(np.asarray(tokens, dtype=object))
    uniques = [u.replace("’", "'") for u in uniques]
    found = vectors.rows(uniques)
    unique_rows = [(int(r),) if r >= 0 else () for r in found.tolist()]
    missing = np.flatnonzero(found < 0)
    if len(missing):
        parts = [_PART.findall(uniques[i]) for i in missing]
        rows = iter(vectors.rows([p for ps in parts for p in ps]).tolist())
        for i, ps in zip(missing, parts):
            unique_rows[i] = tuple(r for r in (next(rows) for _ in ps) if r >= 0)
    return codes, uniques, unique_rows


def text_pieces(text: str, vectors: WordVectors) -> Pieces:
    """The in-vocabulary pieces of one text with their character spans (for evidence)."""
    words, starts, ends = [], [], []
    for match in TOKEN.finditer(text):
        token = match.group().lower().replace("’", "'")
        if len(token) != len(match.group()):            # lower-casing changed the length ("İ"): no spans inside
            words.append(token), starts.append(match.start()), ends.append(match.end())
            continue
        if token in vectors:
            words.append(token), starts.append(match.start()), ends.append(match.end())
            continue
        for part in _PART.finditer(token):
            words.append(part.group()), starts.append(match.start() + part.start())
            ends.append(match.start() + part.end())
    rows = vectors.rows(words) if words else np.zeros(0, dtype=np.int64)
    keep = rows >= 0
    return Pieces(row=rows[keep], start=np.asarray(starts, dtype=np.int64)[keep],
                  end=np.asarray(ends, dtype=np.int64)[keep])


def pooled(tokens: Sequence[str], text_of: np.ndarray, n_texts: int, vectors: WordVectors,
           a: float = SIF_A) -> tuple[np.ndarray, np.ndarray]:
    """SIF sentence vectors of ``n_texts`` texts from their tokens (lower case;
    ``text_of`` the text of each), and the number of pieces found in each text:
    each distinct token's weighted vector is summed once, then counted per text."""
    codes, _, unique_rows = token_rows(tokens, vectors)
    lengths = np.array([len(r) for r in unique_rows], dtype=np.float64)
    flat = np.fromiter((r for rs in unique_rows for r in rs), dtype=np.int64, count=int(lengths.sum()))
    owner = np.repeat(np.arange(len(unique_rows)), lengths.astype(np.int64))
    weighted = np.asarray(vectors.vectors[flat], dtype=np.float64) * sif_weights(flat, len(vectors), a)[:, None]
    per_token = np.zeros((len(unique_rows), vectors.dim))
    np.add.at(per_token, owner, weighted)
    counts = sparse.csr_matrix((np.ones(len(codes)), (np.asarray(text_of), codes)),
                               shape=(n_texts, len(unique_rows)))
    n = counts @ lengths
    return (counts @ per_token) / np.where(n > 0, n, 1)[:, None], n


def sentence_vectors(texts, *, vectors=None, a: float = SIF_A) -> np.ndarray:
    """The SIF-weighted mean of the word vectors of each text (see the module docstring).

    Parameters
    ----------
    texts : list of str, Series, or DataFrame with ``text``
    vectors : WordVectors, path or mapping, optional
        Default: the kit's GloVe 6B 50d (:class:`analysis.WordVectors`).
    a : float
        SIF's smoothing: smaller gives frequent words less weight.

    Returns
    -------
    ndarray
        Shape ``(n_texts, dim)``, float64.

    Examples
    --------
    >>> import numpy as np
    >>> s = sentence_vectors(["Migrants drowned off Libya.", "Refugees died at sea.", "The match ended 2-1."])
    >>> cosine = s @ s.T / np.outer(np.linalg.norm(s, axis=1), np.linalg.norm(s, axis=1))
    >>> bool(cosine[0, 1] > cosine[0, 2])
    True
    """
    vectors = WordVectors.load(vectors)
    texts = estimator_texts(texts, "sentence_vectors()")
    tokens, text_of = [], []
    for i, text in enumerate(texts):
        found = TOKEN.findall(text.lower())
        tokens += found
        text_of += [i] * len(found)
    return pooled(tokens, np.asarray(text_of, dtype=np.int64), len(texts), vectors, a)[0]


def piece_contributions(pieces: Pieces, n: float, direction: np.ndarray, vectors: WordVectors,
                        a: float = SIF_A) -> np.ndarray:
    """What each piece of one text adds to ``sentence_vector @ direction``:
    its SIF weight over ``n`` (the text's number of pieces) times its word
    vector's projection on ``direction``; the pieces' contributions sum to it.

    >>> v = WordVectors.load({"the": [1.0, 0.0], "aid": [0.0, 1.0]})
    >>> p = text_pieces("The aid", v)
    >>> piece_contributions(p, 2, np.array([0.0, 1.0]), v, a=1e6).round(3).tolist()
    [0.0, 0.5]
    """
    weights = sif_weights(pieces.row, len(vectors), a)
    return weights / max(n, 1) * (np.asarray(vectors.vectors[pieces.row], dtype=np.float64) @ direction)


def entry_prototypes(codebook, vectors: WordVectors) -> np.ndarray:
    """One unit vector per frame of ``codebook``: the mean of its entries' unit
    vectors (see the module docstring); zeros for a frame none of whose
    entries has a word in the vocabulary.

    >>> from analysis import Codebook
    >>> v = WordVectors.load({"aid": [1.0, 0.0], "aids": [1.0, 0.2], "border": [0.0, 2.0]})
    >>> entry_prototypes(Codebook.load({"help": ["aid*"], "borders": ["border"]}), v).round(3).tolist()
    [[0.995, 0.1], [0.0, 1.0]]
    """
    order = sorted(range(len(vectors)), key=vectors.words.__getitem__)
    ordered = [vectors.words[i] for i in order]
    table = np.asarray(vectors.vectors, dtype=np.float64)
    result = np.zeros((len(codebook.frame_ids), vectors.dim))
    for j, frame in enumerate(codebook.frames):
        entries = []
        for entry in frame["entries"]:
            words = []
            for word in entry["entry"].lower().replace("’", "'").split():
                if word.endswith("*"):
                    prefix = word.rstrip("*")
                    first = bisect_left(ordered, prefix)
                    rows = []
                    for k in range(first, len(ordered)):
                        if not ordered[k].startswith(prefix):
                            break
                        rows.append(order[k])
                    rows = sorted(rows)[:GLOB_WORDS]
                else:
                    rows = [r for r in vectors.rows([word]).tolist() if r >= 0]
                if rows:
                    words.append(table[rows].mean(axis=0))
            if words:
                entries.append(_unit(np.mean(words, axis=0)))
        if entries:
            result[j] = _unit(np.mean(entries, axis=0))
    return result


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector
