"""Segment a corpus into paragraphs, sentences and tokens, with character offsets
into each document's ``text``.

* A paragraph is a non-blank line (news files put one paragraph per line, with
  or without blank lines between them).
* Sentences come from NLTK's Punkt, within paragraphs, with the abbreviations of
  :class:`analysis.SegmentationRules` (shipped: ``analysis/data/segmentation.yaml``);
  it needs no NLTK data. A sentence never
  spans two paragraphs. Quotes are left as written: a quote that runs over
  several sentences gives several sentences, and an attribution standing alone
  after a quote ("Besher added.") is a sentence of its own.
* Tokens are words (with inner hyphens and apostrophes: "eastern-based",
  "won't"), numbers ("3,300"), letter abbreviations ("U.N."), the possessive
  "'s" as its own token, and single punctuation marks.

For every row of every table, ``doc_text[start:end] == text``.

>>> import analysis
>>> sents = analysis.sentences(analysis.load_corpus())
>>> row = sents.iloc[0]
>>> doc = analysis.load_corpus().set_index("doc_id").loc[row.doc_id, "text"]
>>> doc[row.start:row.end] == row.text
True
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..errors import TableError, require_columns, require_unique_ids
from ..resources.rules import SegmentationRules

_HINT = "Pass the table made by analysis.load_corpus() or analysis.sentences()."
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
TOKEN_PATTERN = re.compile(
    r"(?:[A-Za-z]\.){2,}"                    # U.N., U.S.A.
    r"|\d+(?:[.,]\d+)+"                      # 3,300  2.5
    r"|[^\W_]+(?:[-'’](?![sS]\b)[^\W_]+)*"   # words, eastern-based, won't, Fat'hi
    r"|['’][sS]\b"                           # possessive 's
    r"|[^\w\s]|_",                           # one punctuation mark
)


@lru_cache(maxsize=8)
def punkt(rules: SegmentationRules) -> tuple:
    """The tokenizer of ``rules`` (a :class:`~analysis.text._punkt.FastPunkt`)
    and the pattern of an abbreviation that stands before a number ("No."),
    built once per set of rules. NLTK is imported here, when a text is first
    segmented, not with the kit."""
    from ._punkt import FastPunkt

    numbered = "|".join(re.escape(a) for a in rules.number_abbreviations) or r"(?!)"
    return FastPunkt(set(rules.abbreviations)), re.compile(rf"\b(?:{numbered})\.$")


def sentence_spans(text: str, *, segmentation=None) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of one paragraph (or any text), with
    the abbreviations of ``segmentation`` (default the shipped rules).

    >>> t = "Mr. Besher spoke. He cited No. 5 of the U.N. rules."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Mr. Besher spoke.', 'He cited No. 5 of the U.N. rules.']
    """
    tokenizer, numbered = punkt(SegmentationRules.load(segmentation))
    spans: list[list[int]] = []
    for start, end in tokenizer.spans(text):
        if spans and text[start:start + 1].isdigit() and numbered.search(text[spans[-1][0]:spans[-1][1]]):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(s, e) for s, e in spans]


def words(text: str) -> list[str]:
    """Lower-case word tokens of a text: no punctuation, no possessive 's.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of str
        The words, in order.

    Examples
    --------
    >>> words("The UN's 3,300 migrants, rescued.")
    ['the', 'un', '3,300', 'migrants', 'rescued']
    """
    return [t.lower() for t in TOKEN_PATTERN.findall(text) if is_word(t)]


def is_word(token: str) -> bool:
    """True for a word token of :data:`TOKEN_PATTERN`: not punctuation, not the possessive 's.

    >>> [is_word(t) for t in ["Libya", "3,300", "’s", ",", "U.N."]]
    [True, True, False, False, True]
    """
    return token[0].isalnum() or token[-1].isalnum() and token[0] not in "'’"


def paragraphs(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph: a paragraph is a non-blank line of the document's ``text``.

    Parameters
    ----------
    corpus : DataFrame
        A corpus table with doc_id and text (:func:`analysis.load_corpus`).

    Returns
    -------
    DataFrame
        doc_id, par_id (0-based in the document), start, end (offsets into the
        document's ``text``), text.

    Examples
    --------
    >>> import analysis
    >>> analysis.paragraphs(analysis.load_corpus()).groupby("doc_id").size().tolist()
    [9, 10, 11, 11, 9]
    """
    require_columns(corpus, ["doc_id", "text"], "paragraphs", hint=_HINT)
    require_unique_ids(corpus, "paragraphs")
    rows = [(doc_id, par_id, start, start + len(text), text)
            for doc_id, doc in zip(corpus["doc_id"].tolist(), corpus["text"].tolist())
            for par_id, (start, text) in enumerate(_paragraph_spans(doc))]
    return _frame(rows, ["doc_id", "par_id", "start", "end", "text"])


def sentences(corpus: pd.DataFrame, *, segmentation=None) -> pd.DataFrame:
    """One row per sentence, from NLTK's Punkt within each paragraph, with the
    news abbreviations of the segmentation rules (no NLTK data needed).

    Parameters
    ----------
    corpus : DataFrame
        A corpus table with doc_id and text (:func:`analysis.load_corpus`).
    segmentation : SegmentationRules, path or mapping, optional
        The abbreviations that do not end a sentence (default the shipped
        ``analysis/data/segmentation.yaml``); see :class:`~analysis.SegmentationRules`.

    Returns
    -------
    DataFrame
        doc_id, sent_id (0-based in the document), par_id, start, end (offsets
        into the document's ``text``), text.

    Examples
    --------
    >>> import analysis
    >>> sents = analysis.sentences(analysis.load_corpus())
    >>> len(sents), list(sents.columns)
    (61, ['doc_id', 'sent_id', 'par_id', 'start', 'end', 'text'])
    """
    require_columns(corpus, ["doc_id", "text"], "sentences", hint=_HINT)
    require_unique_ids(corpus, "sentences")
    rules = SegmentationRules.load(segmentation)
    rows = []
    for doc_id, doc in zip(corpus["doc_id"].tolist(), corpus["text"].tolist()):
        sent_id = 0
        for par_id, (start, text) in enumerate(_paragraph_spans(doc)):
            for s, e in sentence_spans(text, segmentation=rules):
                rows.append((doc_id, sent_id, par_id, start + s, start + e, text[s:e]))
                sent_id += 1
    return _frame(rows, ["doc_id", "sent_id", "par_id", "start", "end", "text"])


def sentences_for(corpus: pd.DataFrame, given: pd.DataFrame | None, who: str) -> pd.DataFrame:
    """The sentences table of ``corpus``: ``given``, checked to cover exactly
    the corpus's documents that have sentences, or if None, made with
    :func:`sentences`.
    ``who`` names the calling function in the errors.

    >>> import analysis
    >>> corpus = analysis.load_corpus()
    >>> len(sentences_for(corpus, None, "quotes"))
    61
    >>> sentences_for(corpus.iloc[:1], analysis.sentences(corpus), "quotes")
    Traceback (most recent call last):
    ...
    analysis.errors.TableError: quotes() was given sentences with rows for 4 documents not in the corpus ...
    """
    if given is None:
        return sentences(corpus)
    require_columns(given, ["doc_id", "sent_id", "start", "end", "text"], who, hint=_HINT)
    require_unique_ids(corpus, who)
    have, docs = set(given["doc_id"].tolist()), set(corpus["doc_id"].tolist())
    missing = docs - have
    if missing:                                 # a document of only spaces has no sentences, and needs none
        missing = set(sentences(corpus[corpus["doc_id"].isin(missing)])["doc_id"].tolist())
    for ids, what in ((missing, "no rows for {} document{}"),
                      (have - docs, "rows for {} document{} not in the corpus")):
        if ids:
            raise TableError(f"{who}() was given sentences with {what.format(len(ids), 's' * (len(ids) > 1))} "
                             f"(e.g. {sorted(ids)[:5]}). Pass analysis.sentences(corpus) of this very corpus, "
                             f"or leave sentences out and {who}() makes it.")
    return given


def _paragraph_spans(text: str) -> list[tuple[int, str]]:
    """``(start, text)`` of each paragraph: a line with something in it, stripped."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        line = m.group()
        spans.append((m.start() + len(line) - len(line.lstrip()), line.strip()))
    return spans


def tokens(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per word token of a corpus, paragraphs or sentences table.

    Parameters
    ----------
    frame : DataFrame
        A table with doc_id and text: a corpus (:func:`analysis.load_corpus`),
        :func:`analysis.paragraphs` or :func:`analysis.sentences`.

    Returns
    -------
    DataFrame
        doc_id, the unit's id column (sent_id or par_id, if present), tok_id
        (0-based in the document), start, end (offsets into the document's
        text), token, lower.

    Examples
    --------
    >>> import analysis
    >>> toks = analysis.tokens(analysis.sentences(analysis.load_corpus()))
    >>> list(toks.columns)
    ['doc_id', 'sent_id', 'tok_id', 'start', 'end', 'token', 'lower']
    """
    require_columns(frame, ["doc_id", "text"], "tokens", hint=_HINT)
    unit = next((c for c in ("sent_id", "par_id") if c in frame.columns), None)
    offsets = frame["start"] if "start" in frame.columns else pd.Series(0, index=frame.index)
    units = frame[unit] if unit else pd.Series(None, index=frame.index)
    rows, tok_id, current = [], 0, None
    for doc_id, unit_id, base, text in zip(frame["doc_id"], units, offsets, frame["text"]):
        if doc_id != current:
            current, tok_id = doc_id, 0
        for m in TOKEN_PATTERN.finditer(text):
            rows.append((doc_id, unit_id, tok_id, base + m.start(), base + m.end(), m.group(), m.group().lower()))
            tok_id += 1
    columns = ["doc_id", "unit", "tok_id", "start", "end", "token", "lower"]
    table = _frame(rows, columns)
    return table.rename(columns={"unit": unit}) if unit else table.drop(columns="unit")


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=columns)
    for col in ("par_id", "sent_id", "tok_id", "start", "end"):
        if col in table.columns:
            table[col] = table[col].astype("int64")
    return table
