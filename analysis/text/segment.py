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
import string
from functools import lru_cache

import pandas as pd
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

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


def _stdlib(pattern) -> re.Pattern:
    """One of NLTK's Punkt patterns compiled by :mod:`re` (NLTK 3.10 runs them
    through a guarded engine with a timeout, three times slower here)."""
    return re.compile(pattern.pattern, pattern.flags & (re.IGNORECASE | re.MULTILINE | re.UNICODE | re.VERBOSE))


class _StdlibVars(PunktLanguageVars):
    __slots__ = ()
    re_boundary_realignment = _stdlib(PunktLanguageVars.re_boundary_realignment)
    _word_re = _stdlib(PunktLanguageVars()._word_tokenizer_re())
    _period_re = _stdlib(PunktLanguageVars().period_context_re())

    def _word_tokenizer_re(self) -> re.Pattern:
        return self._word_re

    def period_context_re(self) -> re.Pattern:
        return self._period_re


class _StdlibToken(PunktToken):
    __slots__ = ()
    _RE_ELLIPSIS = _stdlib(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _stdlib(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _stdlib(PunktToken._RE_INITIAL)
    _RE_ALPHA = _stdlib(PunktToken._RE_ALPHA)


# Candidate breaks whose decision needs no annotation (see _Punkt).
_AFTER = r"(?: \S|[)\"\]}'‘’“”«»])"
_WORD_PERIOD = re.compile(rf"([A-Za-z]{{2,}})\.{_AFTER}")
_WORD_MARK = re.compile(rf"[A-Za-z]+[?!]{_AFTER}")
_ABBREVIATION_WORD = re.compile(r"([A-Za-z]{2,})\. [A-Za-z]+")


class _Punkt(PunktSentenceTokenizer):
    """NLTK's Punkt with abbreviations as its only parameters (no collocations,
    sentence starters or orthographic statistics), deciding every candidate
    break as NLTK does, several times faster: NLTK's patterns run under
    :mod:`re`, and the commonest contexts of a candidate break are decided
    at once, as Punkt's two passes would decide them with these parameters:

    * ``word? Next`` or ``word! Next``: a break (``?`` and ``!`` always end a sentence);
    * ``word. Next`` or ``word.”``, the word two or more ASCII letters: a break
      unless the word is an abbreviation;
    * ``abbreviation. word``: no break.

    Other contexts (initials, numbers, quotes before the word...) go through
    Punkt's annotation. ``tests/text/test_segment.py`` compares the spans with
    NLTK's ``PunktSentenceTokenizer`` on the seeds and on generated text.
    """

    def __init__(self, abbreviations: set[str]):
        params = PunktParameters()
        params.abbrev_types = set(abbreviations)
        super().__init__(params, lang_vars=_StdlibVars(), token_cls=_StdlibToken)

    def text_contains_sentbreak(self, text: str) -> bool:
        decided = _quick_decision(self._params.abbrev_types, text)
        return super().text_contains_sentbreak(text) if decided is None else decided

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence: ``span_tokenize(text)`` in one
        pass over the candidate breaks, without Punkt's chain of generators."""
        starts, ends = [0], []
        for match, context in self._candidates(text):
            if self.text_contains_sentbreak(context):
                ends.append(match.end())
                starts.append(match.start("next_tok") if match.group("next_tok") else match.end())
        ends.append(len(text.rstrip()))
        # Closing quotes and brackets after a break belong to the sentence before it.
        realign, spans, shift = self._lang_vars.re_boundary_realignment, [], 0
        for i, (start, end) in enumerate(zip(starts, ends)):
            start += shift
            closing = realign.match(text, starts[i + 1], ends[i + 1]) if i + 1 < len(starts) else None
            if closing:
                spans.append((start, starts[i + 1] + len(closing.group().rstrip())))
                shift = closing.end() - starts[i + 1]
            else:
                shift = 0
                if start < end:
                    spans.append((start, end))
        return spans

    def _candidates(self, text: str) -> list[tuple[re.Match, str]]:
        """Each candidate break with its context (the word before it, the mark,
        what follows), as Punkt's ``_match_potential_end_contexts`` gives them:
        of candidates within one word ("!!!"), only the last."""
        kept: list[tuple[re.Match, int]] = []           # (candidate, start of the word before it)
        only_spaces = not _OTHER_WHITESPACE.search(text)
        for match in self._lang_vars.period_context_re().finditer(text):
            word_start, word_end = (kept[-1][1], kept[-1][0].start()) if kept else (0, 0)
            space = (text.rfind(" ", word_end, match.start()) if only_spaces
                     else _last_whitespace(text, word_end, match.start()))
            start = space + 1 if space > word_end else word_start
            if kept and start < word_end:               # the same word goes on: this candidate replaces it
                kept.pop()
            kept.append((match, start))
        return [(m, text[start:m.start()] + m.group() + m.group("after_tok")) for m, start in kept]


_OTHER_WHITESPACE = re.compile(r"[\t\n\r\x0b\x0c]")


def _last_whitespace(text: str, start: int, end: int) -> int:
    """Index of the last of Punkt's whitespace characters in ``text[start:end]``, or -1."""
    return max(text.rfind(space, start, end) for space in string.whitespace)


def _quick_decision(abbreviations: set[str], context: str) -> bool | None:
    """Whether the context of a candidate break ends a sentence, if it has one
    of the shapes described in :class:`_Punkt`; None otherwise."""
    if _WORD_MARK.match(context):
        return True
    word = _WORD_PERIOD.match(context)
    if word and word.group(1).lower() not in abbreviations:
        return True
    word = _ABBREVIATION_WORD.fullmatch(context)
    if word and word.group(1).lower() in abbreviations:
        return False
    return None


@lru_cache(maxsize=8)
def punkt(rules: SegmentationRules) -> tuple[PunktSentenceTokenizer, re.Pattern]:
    """The tokenizer of ``rules`` and the pattern of an abbreviation that stands
    before a number ("No."), built once per set of rules."""
    numbered = "|".join(re.escape(a) for a in rules.number_abbreviations) or r"(?!)"
    return _Punkt(set(rules.abbreviations)), re.compile(rf"\b(?:{numbered})\.$")


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
