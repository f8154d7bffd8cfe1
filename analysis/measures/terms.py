"""Words, stems and pairs of stems as features of texts: what the frame
classifier and the sentence classifier of responsibility both count.

* ``TOKEN``: a word, lower case, with inner apostrophes and hyphens.
* ``text_tokens``: the tokens of many texts in one list, a separator
  between texts, with the text of each token (for features in one pass).
* ``term_vocabulary``: the stems and pairs of stems in at least
  ``min_df`` texts, with their smooth idf.
* ``term_matrix``: counts of a vocabulary's terms per text.
* ``cached_stems``: English stems, each distinct word stemmed once.

>>> tokenized = text_tokens(["Aid came.", "More aid"])
>>> vocabulary, idf = term_vocabulary(["Aid came.", "More aid"], 2, list)
>>> vocabulary, term_matrix(tokenized, 2, vocabulary, list).toarray().tolist()
({'aid': 0}, [[1.0], [1.0]])
"""

from __future__ import annotations

import math
import re

import numpy as np
from scipy import sparse

from ..text._stemmer import english_stemmer
from .linear import rounded

#: A word (the tokens of the classifiers' features and of sentence vectors).
TOKEN_PATTERN = r"\w+(?:['’-]\w+)*"
TOKEN = re.compile(TOKEN_PATTERN)
#: Joins texts in ``text_tokens``; never part of a word.
SEPARATOR = "\x00"
_TOKEN_OR_SEPARATOR = re.compile(f"{TOKEN_PATTERN}|{SEPARATOR}")


def text_tokens(texts: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """All tokens of all texts (lower case, a separator between texts), the
    text each belongs to, and which are separators."""
    joined = SEPARATOR.join(t.replace(SEPARATOR, " ") for t in texts).lower()
    tokens = _TOKEN_OR_SEPARATOR.findall(joined)
    is_separator = np.fromiter((t == SEPARATOR for t in tokens), dtype=bool, count=len(tokens))
    text_of = np.cumsum(is_separator) - is_separator
    return tokens, text_of, is_separator


def cached_stems(tokens: list[str], cache: dict) -> list[str]:
    """The English (Snowball) stem of each token, each distinct token stemmed
    once: ``cache`` (a model's own dict) keeps them between calls.

    >>> cached_stems(["rescued", "rescues"], {})
    ['rescu', 'rescu']
    """
    new = set(tokens).difference(cache)
    cache.update(zip(new, map(english_stemmer().stem, new)))
    return list(map(cache.__getitem__, tokens))


def term_vocabulary(texts: list[str], min_df: int, stems) -> tuple[dict[str, int], np.ndarray]:
    """Terms (stems and pairs of stems; ``stems`` maps a list of tokens to
    theirs) in at least ``min_df`` texts, sorted, and their smooth idf."""
    documents: dict[str, set] = {}
    for i, text in enumerate(texts):
        words = stems(TOKEN.findall(text.lower()))
        for term in {*words, *(f"{a} {b}" for a, b in zip(words, words[1:]))}:
            documents.setdefault(term, set()).add(i)
    kept = sorted(term for term, found in documents.items() if len(found) >= min_df)
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + len(documents[t]))) + 1 for t in kept])
    return {term: i for i, term in enumerate(kept)}, rounded(idf)


def term_matrix(tokenized, n_texts: int, vocabulary: dict[str, int], stems) -> sparse.csr_matrix:
    """Counts of the vocabulary's terms in each text, in one pass over all tokens (``text_tokens``):
    tokens become stems, stems integers, pairs of stems pairs of integers looked up at once."""
    tokens, text_of, is_separator = tokenized
    tokens = stems(tokens)
    names = sorted({w for term in vocabulary for w in term.split(" ")})
    number = {w: i for i, w in enumerate(names)}
    ids = np.fromiter(map(number.get, tokens, [-1] * len(tokens)), dtype=np.int64, count=len(tokens))
    ids[is_separator] = -1
    width = len(names) + 1
    unigram = np.full(width, -1, dtype=np.int64)
    pairs, pair_features = [], []
    for term, feature in vocabulary.items():
        words = term.split(" ")
        if len(words) == 1:
            unigram[number[term]] = feature
        else:
            pairs.append(number[words[0]] * width + number[words[1]])
            pair_features.append(feature)
    known = ids >= 0
    single = unigram[np.where(known, ids, width - 1)]          # the last slot of unigram is -1
    hit = known & (single >= 0)
    rows, cols = [text_of[hit]], [single[hit]]
    if pairs:
        order = np.argsort(pairs)
        pair_keys, pair_features = np.array(pairs)[order], np.array(pair_features)[order]
        both = known[:-1] & known[1:]
        keys = np.where(both, ids[:-1] * width + ids[1:], -1)
        place = np.minimum(np.searchsorted(pair_keys, keys), len(pair_keys) - 1)
        found = both & (pair_keys[place] == keys)
        rows.append(text_of[:-1][found])
        cols.append(pair_features[place[found]])
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n_texts, len(vocabulary)))
