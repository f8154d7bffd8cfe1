"""NLTK's Punkt sentence tokenizer with the kit's abbreviations, made fast
(:class:`FastPunkt`); :func:`analysis.text.segment.punkt` builds it, and
imports this module (and with it NLTK) only when a text is first segmented.
"""

from __future__ import annotations

import re
import string

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken


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


# Candidate breaks whose decision needs no annotation (see FastPunkt).
_AFTER = r"(?: \S|[)\"\]}'‘’“”«»])"
_WORD_PERIOD = re.compile(rf"([A-Za-z]{{2,}})\.{_AFTER}")
_WORD_MARK = re.compile(rf"[A-Za-z]+[?!]{_AFTER}")
_ABBREVIATION_WORD = re.compile(r"([A-Za-z]{2,})\. [A-Za-z]+")


class FastPunkt(PunktSentenceTokenizer):
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
        decided = quick_decision(self._params.abbrev_types, text)
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


def quick_decision(abbreviations: set[str], context: str) -> bool | None:
    """Whether the context of a candidate break ends a sentence, if it has one
    of the shapes described in :class:`FastPunkt`; None otherwise."""
    if _WORD_MARK.match(context):
        return True
    word = _WORD_PERIOD.match(context)
    if word and word.group(1).lower() not in abbreviations:
        return True
    word = _ABBREVIATION_WORD.fullmatch(context)
    if word and word.group(1).lower() in abbreviations:
        return False
    return None
