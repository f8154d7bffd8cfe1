"""The words of a table, as one stream: what keyness, collocates, dispersion and
clusters count.

A table is a text table (a corpus, paragraphs or sentences: ``doc_id`` and
``text``) or a token table (``analysis.tokens(...)``: ``doc_id`` and ``token``
or ``lower``). Words are the kit's tokens (:data:`analysis.text.segment.TOKEN_PATTERN`)
without punctuation and the possessive 's, as :func:`analysis.words` gives them.
Rows are read in the order given; a unit is a row of a text table, or a run of
token rows with the same doc_id and sent_id (else par_id).

>>> import pandas as pd
>>> s = word_stream(pd.DataFrame({"doc_id": ["a", "a"], "text": ["Aid arrived.", "No aid, Libya's aid."]}), "demo")
>>> s.words, s.bounds.tolist()
(['Aid', 'arrived', 'No', 'aid', 'Libya', 'aid'], [0, 2, 6])
>>> term_ids(s.words)[1]
['aid', 'arrived', 'no', 'libya']
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field
from collections import defaultdict
from itertools import chain, count

import numpy as np
import pandas as pd

from .._validation import check_option
from ..errors import TableError, require_columns
from ..resources.stopwords import normalize_word
from ..text._stemmer import english_stemmer
from ..text._units import texts_of
from ..text.segment import TOKEN_PATTERN, is_word, paragraphs, sentences

HINT = ("Pass a corpus, paragraphs or sentences table (doc_id, text) or a token table "
        "(analysis.tokens(...): doc_id, token).")
WITHIN = ("sentence", "paragraph", "document")
UNITS = ("word", "stem")


@dataclass
class Stream:
    """Words of a table: ``words`` (as written, in order), ``bounds`` (index in
    ``words`` of each unit's first word, and ``len(words)`` last), ``groups``
    (per unit, the id of its window group: units of one group are adjacent),
    ``doc_ids`` (per unit), ``breaks`` (per word, True if it does not follow
    another word directly within its unit: None unless asked for), and the unit
    texts that node patterns are matched against (``texts``, built on first use)."""

    words: list[str]
    bounds: np.ndarray
    groups: np.ndarray
    doc_ids: list
    word_rows: np.ndarray
    breaks: np.ndarray | None = None
    _tokens: list[list[str]] | None = field(default=None, repr=False)
    _texts: list[str] | None = field(default=None, repr=False)
    _codes: tuple[np.ndarray, list[str]] | None = field(default=None, repr=False)

    def term_ids(self, *, lowercase: bool = True, unit: str = "word", who: str = "keyness"):
        """:func:`term_ids` of the words (from the token table's codes when it had them)."""
        if self._codes is None:
            return term_ids(self.words, lowercase=lowercase, unit=unit, who=who)
        return term_ids(self._codes[1], lowercase=lowercase, unit=unit, who=who, codes=self._codes[0])

    @property
    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = [" ".join(tokens) for tokens in self._tokens]
        return self._texts

    def ngram_starts(self, n: int) -> np.ndarray:
        """Positions in ``words`` where a run of ``n`` words without a break starts."""
        if n == 1:
            return np.arange(len(self.words))
        ok = np.ones(max(len(self.words) - n + 1, 0), dtype=bool)
        for k in range(1, n):
            ok &= ~self.breaks[k:len(self.words) - n + 1 + k]
        return np.flatnonzero(ok)

    def word_starts(self, unit: int) -> list[int]:
        """Character offsets in ``texts[unit]`` of the unit's words."""
        if self._tokens is None:
            return [m.start() for m in TOKEN_PATTERN.finditer(self.texts[unit]) if is_word(m.group())]
        starts, at = [], 0
        for token in self._tokens[unit]:
            if is_word(token):
                starts.append(at)
            at += len(token) + 1
        return starts

    def group_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Per unit, the first word and one past the last word of its window group."""
        if not len(self.groups):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        change = np.flatnonzero(np.r_[True, self.groups[1:] != self.groups[:-1]])
        firsts = self.bounds[change]
        lasts = self.bounds[np.r_[change[1:], len(self.groups)]]
        size = np.diff(np.r_[change, len(self.groups)])
        return np.repeat(firsts, size), np.repeat(lasts, size)

    def node_spans(self, lexicon) -> dict[str, np.ndarray]:
        """Per label of ``lexicon``, an ``(n, 3)`` array of its hits: first
        word, one past the last word (positions in ``words``) and unit. A hit
        inside a word (a hyphenated word, "anti-smuggling" for "smuggling")
        takes the whole word."""
        found: dict[str, list[tuple[int, int, int]]] = {label: [] for label in lexicon.labels}
        starts_of: dict[int, list[int]] = {}
        for unit, start, end, label, _ in lexicon.find_all(self.texts) if len(self.texts) else []:
            starts = starts_of.get(unit)
            if starts is None:
                starts = starts_of[unit] = self.word_starts(unit)
            first, last = bisect_right(starts, start) - 1, bisect_left(starts, end)
            if 0 <= first < last:
                base = int(self.bounds[unit])
                found[label].append((base + first, base + last, unit))
        return {label: np.array(hits, dtype=np.int64).reshape(-1, 3) for label, hits in found.items()}


@contextmanager
def _gc_paused():
    """Pause Python's cyclic garbage collector: building a stream makes one
    list per unit, and the collections those allocations trigger would scan
    the millions of words already made, for nothing (a third of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def word_stream(table: pd.DataFrame, who: str, *, within: str | None = None, breaks: bool = False) -> Stream:
    """The :class:`Stream` of ``table``. ``within`` ("sentence", "paragraph",
    "document" or None) sets the window groups, segmenting a text table into
    sentences or paragraphs when its rows are larger; ``breaks`` records where
    a run of words is broken (for n-grams). ``who`` names the calling function
    in errors."""
    with _gc_paused():
        return _word_stream(table, who, within, breaks)


def _word_stream(table: pd.DataFrame, who: str, within: str | None, breaks: bool) -> Stream:
    if within is not None:
        check_option("within", within, WITHIN, where=who)
    if not hasattr(table, "columns"):
        raise TableError(f"{who}() takes a DataFrame, not {type(table).__name__}. {HINT}")
    if "token" in table.columns or "lower" in table.columns:
        return _token_stream(table, who, within, breaks)
    require_columns(table, ["doc_id", "text"], who, hint=HINT)
    rows = table
    segment = {"sentence": (sentences, "sent_id"), "paragraph": (paragraphs, "par_id")}.get(within)
    if segment and segment[1] not in table.columns:
        # each row on its own (a table of paragraphs holds a document in several rows), then its doc_id back
        rows = segment[0](pd.DataFrame({"doc_id": np.arange(len(table)), "text": table["text"].to_numpy()}))
        rows["doc_id"] = table["doc_id"].to_numpy()[rows["doc_id"].to_numpy()]
    texts = texts_of(rows, who)
    doc_ids = rows["doc_id"].tolist()
    words: list[list[str]] = []
    runs: list[list[bool]] = []
    for text in texts:
        tokens = TOKEN_PATTERN.findall(text)
        if breaks:
            unit_words, unit_runs = _words_and_breaks(tokens)
            runs.append(unit_runs)
        else:
            unit_words = list(filter(is_word, tokens))
        words.append(unit_words)
    sizes = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    if within == "document":
        groups = pd.factorize(pd.Series(doc_ids, dtype=object))[0]
    elif within == "paragraph" and "sent_id" in rows.columns:
        groups = _group_codes(rows, ["doc_id", "par_id"], who)
    else:
        groups = np.arange(len(rows))
    return Stream(list(chain.from_iterable(words)), np.r_[0, np.cumsum(sizes)].astype(np.int64), groups, doc_ids,
                  np.repeat(np.arange(len(rows)), sizes),
                  np.fromiter(chain.from_iterable(runs), dtype=bool, count=int(sizes.sum())) if breaks else None,
                  _texts=texts)


def _words_and_breaks(tokens: list[str]) -> tuple[list[str], list[bool]]:
    """The words of ``tokens``, and per word: True if another token (or the start) comes right before it."""
    words, out, after_word = [], [], False
    for t in tokens:
        if is_word(t):
            words.append(t)
            out.append(not after_word)
            after_word = True
        else:
            after_word = False
    return words, out


def _group_codes(table: pd.DataFrame, columns: list[str], who: str) -> np.ndarray:
    """Per row, the number of the run of consecutive rows with the same values in ``columns``."""
    require_columns(table, columns, who, hint=HINT)
    change = np.zeros(len(table), dtype=bool)
    if len(table):
        change[0] = True
    for column in columns:
        values = table[column]
        values = values.to_numpy() if pd.api.types.is_numeric_dtype(values) else pd.factorize(values)[0]
        change[1:] |= values[1:] != values[:-1]
    return np.cumsum(change) - 1


def _token_stream(table: pd.DataFrame, who: str, within: str | None, breaks: bool) -> Stream:
    column = "token" if "token" in table.columns else "lower"
    require_columns(table, ["doc_id", column], who, hint=HINT)
    codes, types = pd.factorize(table[column])
    types = types.tolist()
    not_tokens = [k for k, t in enumerate(types) if not isinstance(t, str) or not t]
    bad = np.flatnonzero((codes < 0) | np.isin(codes, not_tokens))[:1].tolist()
    if bad:
        raise TableError(f"{who}(): row {bad[0]} of the token table has {column} "
                         f"{table[column].iloc[bad[0]]!r}, not a token; drop such rows first.")
    unit_cols = ["doc_id", *[c for c in ("sent_id", "par_id") if c in table.columns][:1]]
    if within in ("sentence", "paragraph"):
        need = "sent_id" if within == "sentence" else "par_id"
        if need not in table.columns:
            raise TableError(f"{who}(): within={within!r} needs a token table with {need} (the token table has "
                             f"{list(table.columns)}); make it with analysis.tokens(analysis."
                             f"{'sentences' if within == 'sentence' else 'paragraphs'}(corpus)), or pass "
                             "within='document'.")
        group_cols = ["doc_id", need]
    else:
        group_cols = ["doc_id"]
    units = _group_codes(table, unit_cols, who)
    groups_of_rows = _group_codes(table, group_cols, who) if within else units
    starts = np.flatnonzero(np.r_[True, units[1:] != units[:-1]]) if len(units) else np.zeros(0, dtype=np.int64)
    word_type = np.fromiter(map(is_word, types), dtype=bool, count=len(types))
    is_w = word_type[codes]
    before = np.r_[0, np.cumsum(is_w)]
    rows = np.flatnonzero(is_w)
    tokens = table[column].tolist()
    words = [tokens[i] for i in rows.tolist()]
    word_code = (np.cumsum(word_type) - 1)[codes[rows]]       # numbered among the word types only
    word_types = [t for t, w in zip(types, word_type.tolist()) if w]
    unit_tokens = [tokens[a:b] for a, b in zip(starts.tolist(), np.r_[starts[1:], len(tokens)].tolist())]
    run_breaks = None
    if breaks:
        previous_word = np.r_[False, is_w[:-1]]
        new_unit = np.zeros(len(tokens), dtype=bool)
        new_unit[starts] = True
        gap = np.zeros(len(tokens), dtype=bool)
        if "tok_id" in table.columns:
            ids = table["tok_id"].to_numpy()
            gap[1:] = ids[1:] != ids[:-1] + 1
        run_breaks = (~previous_word | new_unit | gap)[rows]
    doc_ids = table["doc_id"].iloc[starts].tolist()
    return Stream(words, before[np.r_[starts, len(tokens)]].astype(np.int64), groups_of_rows[starts], doc_ids,
                  rows, run_breaks, _tokens=unit_tokens, _codes=(word_code, word_types))


def term_ids(words: list[str], *, lowercase: bool = True, unit: str = "word", who: str = "keyness",
             codes: np.ndarray | None = None) -> tuple[np.ndarray, list[str]]:
    """``(ids, terms)``: each word's term id and the terms: the words as
    written (or, with ``codes``, the words are the distinct words and
    ``codes`` number each occurrence), lower-cased with ``’`` as ``'`` (``lowercase``), or their Snowball
    stems (``unit="stem"``, always lower case). Terms are numbered in order of
    first occurrence.

    >>> ids, terms = term_ids(["Aid", "aid", "Won’t", "won't"])
    >>> ids.tolist(), terms
    ([0, 0, 1, 1], ['aid', "won't"])
    >>> term_ids(["rescued", "rescues"], unit="stem")[1]
    ['rescu']
    """
    check_option("unit", unit, UNITS, where=who,
                 why="lemmas need a lemmatizer with downloaded data (WordNet), which the kit does not use; unit='stem' "
                     "(Snowball, no data needed) is the nearest" if unit == "lemma" else "")
    if codes is None:
        index: defaultdict[str, int] = defaultdict(count().__next__)   # a new word gets the next number
        codes = np.fromiter(map(index.__getitem__, words), dtype=np.int64, count=len(words))
        types = list(index)
    else:                                # ``words`` are the distinct words, ``codes`` each word's number
        types = list(words)
    if unit == "stem":
        stem = english_stemmer().stem
        forms = [stem(t.replace("’", "'")) for t in types]
    elif lowercase:
        forms = list(map(normalize_word, types))
    else:
        return codes, types
    merged: dict[str, int] = {}
    mapping = np.array([merged.setdefault(f, len(merged)) for f in forms], dtype=np.int64)
    return (mapping[codes] if len(codes) else codes), list(merged)
