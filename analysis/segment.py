"""Segment a corpus into paragraphs, sentences and tokens, with character offsets
into each document's ``text``.

* A paragraph is a non-blank line (news files put one paragraph per line, with
  or without blank lines between them).
* Sentences come from NLTK's Punkt, within paragraphs, with abbreviations shipped
  in ``analysis/data/segmentation.yaml``; it needs no NLTK data. A sentence never
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
import yaml
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .paths import PACKAGE_DATA

SEGMENTATION = PACKAGE_DATA / "segmentation.yaml"

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
TOKEN_PATTERN = re.compile(
    r"(?:[A-Za-z]\.){2,}"                    # U.N., U.S.A.
    r"|\d+(?:[.,]\d+)+"                      # 3,300  2.5
    r"|[^\W_]+(?:[-'’](?![sS]\b)[^\W_]+)*"   # words, eastern-based, won't, Fat'hi
    r"|['’][sS]\b"                           # possessive 's
    r"|[^\w\s]|_",                           # one punctuation mark
)


class _RememberingPunkt(PunktSentenceTokenizer):
    """Punkt that remembers its decision for each candidate break: whether the
    words around a period ("said. The") break the sentence depends on them and
    the fixed parameters alone, and a news corpus repeats a quarter of them."""

    MAX_REMEMBERED = 200_000

    def __init__(self, params: PunktParameters):
        super().__init__(params)
        self._breaks: dict[str, bool] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        found = self._breaks.get(text)
        if found is None:
            if len(self._breaks) >= self.MAX_REMEMBERED:
                self._breaks.clear()
            found = self._breaks[text] = super().text_contains_sentbreak(text)
        return found


@lru_cache(maxsize=1)
def _punkt() -> tuple[PunktSentenceTokenizer, re.Pattern]:
    config = yaml.safe_load(SEGMENTATION.read_text(encoding="utf-8"))
    params = PunktParameters()
    params.abbrev_types = {a.lower() for a in config["abbreviations"]}
    numbered = "|".join(re.escape(a) for a in config["number_abbreviations"])
    return _RememberingPunkt(params), re.compile(rf"\b(?:{numbered})\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of one paragraph (or any text).

    >>> t = "Mr. Besher spoke. He cited No. 5 of the U.N. rules."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Mr. Besher spoke.', 'He cited No. 5 of the U.N. rules.']
    """
    tokenizer, numbered = _punkt()
    spans: list[list[int]] = []
    for start, end in tokenizer.span_tokenize(text):
        if spans and numbered.search(text[spans[-1][0]:spans[-1][1]]) and text[start:start + 1].isdigit():
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(s, e) for s, e in spans]


def token_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each token.

    >>> t = "Libya’s eastern-based army won't say."
    >>> [t[s:e] for s, e in token_spans(t)]
    ['Libya', '’s', 'eastern-based', 'army', "won't", 'say', '.']
    """
    return [m.span() for m in TOKEN_PATTERN.finditer(text)]


def words(text: str) -> list[str]:
    """Lower-case word tokens of a text: no punctuation, no possessive 's.

    >>> words("The UN's 3,300 migrants, rescued.")
    ['the', 'un', '3,300', 'migrants', 'rescued']
    """
    return [m.group().lower() for m in TOKEN_PATTERN.finditer(text)
            if m.group()[0].isalnum() or m.group()[-1].isalnum() and m.group()[0] not in "'’"]


def paragraphs(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph: doc_id, par_id (0-based in the document), start, end, text.

    >>> import analysis
    >>> analysis.paragraphs(analysis.load_corpus()).groupby("doc_id").size().tolist()
    [9, 10, 11, 11, 9]
    """
    _require(corpus, ["doc_id", "text"], "paragraphs")
    rows = [(doc_id, par_id, m.start(), m.end(), m.group())
            for doc_id, text in zip(corpus["doc_id"], corpus["text"])
            for par_id, m in enumerate(_PARAGRAPH.finditer(text))]
    rows = [(d, p, s + _lead(t), e - _trail(t), t.strip()) for d, p, s, e, t in rows]
    return _frame(rows, ["doc_id", "par_id", "start", "end", "text"])


def sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: doc_id, sent_id (0-based in the document), par_id,
    start, end, text. Offsets index the document's ``text``.

    >>> import analysis
    >>> len(analysis.sentences(analysis.load_corpus()))
    61
    """
    pars = paragraphs(corpus)
    rows, sent_id, current = [], 0, None
    for doc_id, par_id, start, text in zip(pars["doc_id"], pars["par_id"], pars["start"], pars["text"]):
        if doc_id != current:
            current, sent_id = doc_id, 0
        for s, e in sentence_spans(text):
            rows.append((doc_id, sent_id, par_id, start + s, start + e, text[s:e]))
            sent_id += 1
    return _frame(rows, ["doc_id", "sent_id", "par_id", "start", "end", "text"])


def tokens(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per token of a corpus, paragraphs or sentences table: doc_id, the
    unit's id column (sent_id or par_id, if present), tok_id (0-based in the
    document), start, end (offsets into the document's text), token, lower.

    >>> import analysis
    >>> toks = analysis.tokens(analysis.sentences(analysis.load_corpus()))
    >>> list(toks.columns)
    ['doc_id', 'sent_id', 'tok_id', 'start', 'end', 'token', 'lower']
    """
    _require(frame, ["doc_id", "text"], "tokens")
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


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _trail(text: str) -> int:
    return len(text) - len(text.rstrip())


def _require(frame: pd.DataFrame, columns: list[str], who: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{who}() needs columns {columns}; missing {missing} (has {list(frame.columns)}). "
                         "Pass the table made by analysis.load_corpus() or analysis.sentences().")


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=columns)
    for col in ("par_id", "sent_id", "tok_id", "start", "end"):
        if col in table.columns:
            table[col] = table[col].astype("int64")
    return table
