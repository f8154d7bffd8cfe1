"""Quotes, reported statements and their speakers.

``quotes(corpus)`` gives one row per direct quote or reported statement:

* **Direct quotes** are spans in quotation marks (straight or curly) that open a
  sentence, or follow "X said:". A quote may run over several sentences, and over
  paragraphs when each new paragraph reopens it (news style). A short quotation
  inside a sentence ("the file is 'thorny'") is part of that sentence's reported
  statement, not a quote of its own.
* Their **attribution** is looked for after the quote (``," Besher said``,
  ``," said the UNSMIL``, or an attribution line of its own: ``Besher added.``),
  then before it (``Besher said: "...``); a quote with neither, right after
  another quote of the same paragraph, has that quote's speaker (attribution
  inside: ``"A," he said. "B."``).
* **Reported statements** are sentences with a speech cue outside quotation
  marks: "X said (that) ...", "..., X said on Facebook.", "..., said X.",
  "..., according to X.". One per sentence: the first cue with a speaker.
  After "told" (and "informed", "assured", "reminded") comes who was spoken
  to, then what was said: "X told reporters (that) ...", "X told CNN large
  numbers had fled"; "X told reporters." reports nothing, and who was spoken
  to is no speaker. Places and times may come first ("X said on Monday the
  plan would fail", "X told MPs in a statement released on Thursday the bill
  was flawed"): what was said then follows "that" or a comma, or opens with a
  determiner, a pronoun, a quantifier or a number and has a finite verb;
  else nothing is reported ("X said in northern Syria.").

Speakers are written as in the text (``speaker``); one after its cue keeps its
title and an appositive that describes it ("said Mr. John Smith", "said Sherry
Rehman, the climate minister of Pakistan", "said its director, Jo Dardenne"),
as does one before its cue, the appositive between commas ("Sherry Rehman, the
climate minister of Pakistan, said"), and one after "according to"
("According to Jan Egeland, the head of the Norwegian Refugee Council, ...").
An appositive after a name describes it when it opens with a determiner and
its head (its last word before a preposition) is a person title or an
organisation word of the cues.
A speaker that is an anaphor (``anaphors`` of the cues: "he", "the minister",
"it", "the ministry", "the statement" ...) is resolved to the most recent
earlier speaker of the same article of the same type, person or organisation
(``person_titles`` of the cues); "the minister" and "the ministry" prefer the
most recent speaker whose name has "minister" / "ministry". ``resolved_speaker``
is the antecedent as written, ``speaker_actor`` the actor id (of the actors) of
the last actor mentioned in it (the head of "Othman Belbeisi, IOM's Chief of
Mission" is IOM, of "Interior Minister of Libya's UN-backed government Fat'hi
Bashagha" is Bashagha), a generic reference ("officials said") resolved in its
document (:mod:`analysis.measures.actors`); empty when no actor is mentioned.
A quote whose speaker is not found has an empty ``speaker``. The outlet's own
voice, where other functions need to name it, is :data:`OUTLET_VOICE`.

The cues (speech verbs, anaphors, speaker types) and the actors are resources
passed as ``cues=`` and ``actors=`` (default: the shipped migration files).

>>> import analysis
>>> q = analysis.quotes(analysis.load_corpus())
>>> q.loc[(q.kind == "direct") & (q.speaker == "He"), ["resolved_speaker", "speaker_actor"]].values.tolist()
[['Besher', 'libya']]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import pandas as pd

from ..errors import require_columns
from ..resources.actors import GENERIC, Actors
from ..resources.cues import Cues
from ..text.segment import sentences_for
from .actors import resolve_mentions, unit_mentions

#: The speaker of what the outlet says in its own voice (not a quote or a
#: reported statement), in every table that names speakers.
#:
#: >>> import analysis
#: >>> table = analysis.attributions(analysis.load_corpus())
#: >>> (table["speaker"] == analysis.OUTLET_VOICE).sum() > 0
#: np.True_
OUTLET_VOICE = "(outlet)"
COLUMNS = ["doc_id", "kind", "start", "end", "first_sent_id", "last_sent_id", "text",
           "speaker", "speaker_start", "resolved_speaker", "speaker_actor", "cue"]

_OPEN, _CLOSE = "“", "”"
_BREAK_WORDS = ("as", "while", "whereas", "but", "because", "after", "before", "when", "since", "which", "who")
# A clause break (a mark, or one of the words as a whole word), written backwards: the
# last break of a text is the first of the text reversed, found without scanning it all.
_BREAK_BACKWARDS = re.compile(r"[,;:“”\"]|\b(?:" + "|".join(w[::-1] for w in _BREAK_WORDS) + r")\b")
_DETERMINERS = "the|a|an|its|his|her|their|our|my|this|these|those"
_DETERMINER = re.compile(rf"(?:{_DETERMINERS})\s", re.IGNORECASE)
_PRONOUNS = "he|she|it|they|we|i|there|you"
_QUANTIFIERS = r"at\s+least|at\s+most|more\s+than|nearly|almost|some|many|all|most|no|few|several|each|every|both" \
               r"|dozens|hundreds|thousands|millions"
# A preposition that opens a place or a time ("on Monday", "in a statement"), not a
# quantifier ("at least 300").
_PLACE_PREPOSITION = r"(?:on|in|at|via|during)(?!\s+(?:least|most)\b)"
# A place up to a comma or "that", then "that" ("on its website that ...").
_PLACE_AND_THAT = re.compile(rf"[\s,]*(?:{_PLACE_PREPOSITION}\s+(?:(?!\bthat\b)[^,])*,?\s*)?(?P<that>that\s+)?",
                             re.IGNORECASE)
# A finite verb, roughly: an auxiliary, a modal or a lower-case word in -ed ("would fail",
# "drowned"; not "need", "hundred").
_FINITE = r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|do|does|did" \
          r"|\w+n[’']t|(?!(?:need|indeed|hundred|speed|seed|feed|breed|greed)\b)(?-i:[a-z]\w+ed))\b"
_NAME_WORD = r"(?-i:[A-Z])[\w'’.-]*"
# Words that open a clause or a place ("that", "he", "on" ...).
_OPENS_CLAUSE = (f"that|{_PRONOUNS}|not|how|what|why|whether|if"
                 "|to|on|in|at|during|via|through|by|from|for|with")
# A lower-case word of a noun phrase: not a determiner, pronoun, quantifier, preposition
# or conjunction.
_PLAIN_WORD = (rf"(?!(?:{_DETERMINERS}|{_OPENS_CLAUSE}|{_QUANTIFIERS}|him|them|us|me|of|and|or|but|about|against"
               r"|over|into|than|like|as|since|after|before|while|when|where|until|unless|because|although|though"
               r"|without|within|between|among|under|across|around)\b)(?-i:[a-z])[\w'’-]*")
# The noun phrase of a place or a time: a determiner, then a name ("Monday", "New York")
# and lower-case words, or lower-case words only ("a statement", "the weekend").
_PLACE_PHRASE = (rf"(?:(?:{_DETERMINERS})\s+)?(?:{_NAME_WORD}(?:\s+{_NAME_WORD})*(?:\s+{_PLAIN_WORD})*"
                 rf"|{_PLAIN_WORD}(?:\s+{_PLAIN_WORD})*)")
# Places and times ("on Monday", "in a statement released on Monday", "at the end of the
# meeting"), then a clause: a determiner, a pronoun or a quantifier, or a number and a
# lower-case word, with a finite verb later ("on Monday the plan would fail", "at the
# weekend 300 people drowned"). A name is no clause's start: "in northern Syria are".
_PLACE_THEN_CLAUSE = re.compile(
    rf"[\s,]*{_PLACE_PREPOSITION}\s+{_PLACE_PHRASE}(?:\s+(?:of|{_PLACE_PREPOSITION})\s+{_PLACE_PHRASE})*,?\s+"
    rf"(?=(?:(?:{_DETERMINERS}|{_PRONOUNS}|{_QUANTIFIERS})\s|\d(?:[\d,.]*\d)?\s+(?!(?:{_DETERMINERS})\b)(?-i:[a-z]))"
    rf".*?\b{_FINITE})", re.IGNORECASE)
_TWO_WORDS = re.compile(r"\w\W+\w")
# A finite verb in a phrase after a speech cue makes it a clause, not a speaker ("says the
# government has failed"); a participle after a hyphen, a determiner or an adverb is an
# adjective ("a Brussels-based NGO", "the newly elected mayor").
_HAS_FINITE = re.compile(rf"(?<![-‐‑])(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!ly )\b{_FINITE}", re.IGNORECASE)
# A passive auxiliary at the end of the text before a speech cue ("X has been (widely) accused",
# "X was told"): the subject did not speak.
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+|not\s+|also\s+)*$",
                             re.IGNORECASE)
# What opens a clause of its own before its subject ("with the Tories claiming ...").
_ABSOLUTE = re.compile(r"(?:with|as)\s+(?=\S)", re.IGNORECASE)
# A relative clause between commas that describes the name before it ("X, who is Home Secretary, said").
_RELATIVE = re.compile(r"\s*(?:who|which)\b", re.IGNORECASE)
_SPACE_OR_COMMA = re.compile(r"[ ,]")
# A period followed by a word does not end a speaker: the segmenter left it inside the
# sentence, so it is an abbreviation's ("said Mr. John Smith", "U.S. envoy").
_SPEAKER_END = re.compile(r",\s+(?=[a-z])|\s+(?:on|in|at|during|via|through|to)\s+|[;:!?]|\.(?!\s*\w)")
# Speech verbs whose object is who was spoken to ("told reporters that ..."), not what was said.
_TELLING = re.compile(r"tell|tells|told|telling|informs?|informed|assures?|assured|reminds?|reminded", re.IGNORECASE)
_TOLD_WORD = rf"(?!(?:{_DETERMINERS}|{_OPENS_CLAUSE})\b)[\w'’.-]+(?![\w'’.-])\s*"
# Who was spoken to: words (a determiner, then words up to one that opens a clause or a
# place: a determiner, a subject pronoun, "that", a preposition) before such a word ("told
# the AFP news agency in Paris", "told reporters the plan would fail", "told him she had");
# else a name, not a possessive, before a lower-case clause with a finite verb before any
# colon or quotation mark ("told CNN large numbers of people had fled", not "told
# Sunday's edition of ...", "told ABC News today: \"...");
# else the words up to a punctuation mark ("told reporters.").
_ADDRESSEE = re.compile(rf"\s*(?:(?:(?:{_DETERMINERS})\s+)?(?:{_TOLD_WORD})+\b(?=(?:{_DETERMINERS}|{_OPENS_CLAUSE})\b)"
                        rf"|(?:{_NAME_WORD}(?<![’']s)\s+)+(?=(?-i:[a-z])[^:“”\"]*?\b{_FINITE})"
                        rf"|(?:(?:{_DETERMINERS})\s+)?(?:{_TOLD_WORD})*)", re.IGNORECASE)
# A quotation mark, or a run of line breaks: [“”"]|\n+, written to start with a
# character class so that the scan skips fast to the next one.
_MARK_OR_BREAK = re.compile(r"[“”\"\n](?:(?<=\n)\n*)?")
_OPENS_WITH_MARK = re.compile(r"\s*[“\"]")
_FIRST_MARK = re.compile(r"[“”]|(?<=\S)\"|\"(?=\s|$)|(?<!\S)\"")
_ENDS_WITH_COMMA_OR_COLON = re.compile(r"[,:]\s*$")
_WORD = re.compile(r"\w")
_OPENS_QUOTE = re.compile(r"[\s,:]*[“\"]")
_PARTICIPLE = re.compile(r"\s*,\s*\w+ing\b")
_NOT_A_SPEAKER = re.compile(r"(?:that|to|it|what|how)\b")
_WORDS = re.compile(r"[\w'’-]+")
# What ends the head of a noun phrase: a preposition or a relative pronoun.
_AFTER_HEAD = re.compile(r"\s(?:of|for|at|in|on|to|with|from|by|under|after|who|which|that)\s", re.IGNORECASE)
_AND = re.compile(r"\s(?:and|or)\s", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n(?<!\n\n)")      # the first of a run of line breaks (found fast: a literal)


def quotes(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None, *, actors=None,
           cues=None) -> pd.DataFrame:
    """One row per direct quote (``kind`` "direct") or reported statement
    ("reported"): doc_id, kind, start, end (offsets of the quoted or reported
    words in the document's text), first_sent_id, last_sent_id, text, speaker
    (as written), speaker_start, resolved_speaker, speaker_actor, cue.

    Parameters
    ----------
    corpus : DataFrame
        A corpus table with doc_id and text (:func:`analysis.load_corpus`).
    sentences : DataFrame, optional
        The corpus's table from :func:`analysis.sentences`, if already made (it
        is made otherwise, and checked against the corpus if given).
    actors : Actors, path or mapping, optional
        The actors that ``speaker_actor`` names (:class:`analysis.Actors`;
        default the shipped migration actors).
    cues : Cues, path or mapping, optional
        Speech cues, anaphors and speaker types (:class:`analysis.Cues`;
        default the shipped migration cues).

    Returns
    -------
    DataFrame
        One row per quote or statement, documents in corpus order and each
        in text order: doc_id, kind ("direct" or "reported"), start, end,
        first_sent_id and last_sent_id (the sent_id of the sentences it starts
        and ends in), text (the quoted or reported words), speaker (empty if
        not found), speaker_start (its offset in the document's text, -1 if
        none), resolved_speaker (an anaphor's antecedent, empty if none is
        found; else the speaker), speaker_actor (an actor id, or empty), cue
        (the speech cue's words, empty if none).

    Examples
    --------
    >>> import pandas as pd
    >>> text = '"We will act," EU commissioner Ylva Johansson said.\\nShe added that Italy must help.'
    >>> table = quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    >>> table[["text", "speaker", "resolved_speaker", "speaker_actor"]].values.tolist()[1]
    ['Italy must help', 'She', 'EU commissioner Ylva Johansson', 'europe']
    """
    require_columns(corpus, ["doc_id", "text"], "quotes", hint="Pass the table made by analysis.load_corpus().")
    ctx = QuoteContext(Cues.load(cues), Actors.load(actors))
    sents = sentences_for(corpus, sentences, "quotes")
    spans: dict = {}
    for doc_id, start, end in zip(sents["doc_id"].tolist(), sents["start"].tolist(), sents["end"].tolist()):
        spans.setdefault(doc_id, []).append((start, end))
    table = pd.DataFrame(quote_rows(ctx, corpus["doc_id"].tolist(), corpus["text"].tolist(), spans), columns=COLUMNS)
    for col in ("start", "end", "first_sent_id", "last_sent_id", "speaker_start"):
        table[col] = table[col].astype("int64")
    return table


def quote_rows(ctx, doc_ids: list, texts: list[str], spans: dict, marks: dict | None = None,
               wanted=None) -> list[dict]:
    """The rows of :func:`quotes` (dicts with its columns) of the documents
    ``doc_ids`` with ``texts``, with the resources of ``ctx``
    (:class:`QuoteContext`). ``spans`` maps doc ids to the (start, end) of their
    sentences, ``marks`` to their :func:`quote_marks` where already found;
    with ``wanted``, a test of a row, only the rows that pass it get their
    speaker_actor (see :func:`_resolve`)."""
    marks = marks or {}
    docs = [(doc_id, _doc_quotes(ctx, text, spans.get(doc_id, []),
                                 marks[doc_id] if doc_id in marks else quote_marks(text)))
            for doc_id, text in zip(doc_ids, texts)]
    actor_of = _speaker_actors(ctx, {row["speaker"] for _, found in docs for row in found})
    rows = []
    for (doc_id, found), text in zip(docs, texts):
        rows += _resolve(ctx, [dict(doc_id=doc_id, **r) for r in found], _actor_finder(ctx, text, actor_of), wanted)
    return rows


# --------------------------------------------------------------------------- one document


def _doc_quotes(ctx, text: str, spans: list[tuple[int, int]], marks: list[tuple[int, int]]) -> list[dict]:
    """Direct quotes and reported statements of one document (its sentence
    ``spans`` and quotation ``marks``: :func:`quote_marks`), in text order.
    The speech lexicon scans the sentences and the places where a quote's
    attribution may stand in one go."""
    sent_of = _sentence_finder(spans)
    paragraph_of = _paragraph_finder(text)
    sentence_starts = [spans[sent_of(open_)][0] for open_, _ in marks]
    opening = [(open_, close, s_start) for (open_, close), s_start in zip(marks, sentence_starts)
               if _opens_quote(text[s_start:open_], text[open_:close])]
    tails = [_tail(text, close, spans, sent_of) for _, close, _ in opening]
    heads = [_head(text, s_start, open_) for open_, _, s_start in opening]
    hits = ctx.cues.speech_lexicon.find_each([text[start:end] for start, end in [*spans, *tails, *heads]])
    n, q = len(spans), len(opening)
    sentence_hits, tail_hits, head_hits = hits[:n], hits[n:n + q], hits[n + q:]
    rows, used_cues = [], set()
    previous = None                                 # the paragraph and attribution of the quote before
    for (open_, close, s_start), tail, t_hits, head, h_hits in zip(opening, tails, tail_hits, heads, head_hits):
        found = _after(ctx, text, tail, t_hits) or _before(ctx, text, head, h_hits)
        par = paragraph_of(open_)
        if found is None and previous and previous[0] == par and not text[s_start:open_].strip():
            found = previous[1]
        if found is None:
            found = {"speaker": "", "speaker_start": -1, "cue": "", "cue_start": -1}
        used_cues.add(found["cue_start"])
        rows.append(_row("direct", open_ + 1, close, text, sent_of, found))
        previous = par, found
    in_quote = _quote_finder(marks)
    for (s_start, s_end), s_hits in zip(spans, sentence_hits):
        reported = _reported(ctx, text, s_start, s_end, s_hits, in_quote, used_cues) if s_hits else None
        if reported:
            rows.append(_row("reported", reported.pop("start"), reported.pop("end"), text, sent_of, reported))
    return sorted(rows, key=lambda r: (r["start"], r["kind"]))


def quote_marks(text: str) -> list[tuple[int, int]]:
    """(open, close) positions of quotation marks; ``close`` is the closing
    mark's position (or the end of the paragraph where a quote is not closed).
    A quote left open at the end of a paragraph goes on when the next paragraph
    opens with a quotation mark."""
    pairs, open_ = [], None
    for m in _MARK_OR_BREAK.finditer(text):
        ch, i = m.group(), m.start()
        if ch.startswith("\n"):
            if open_ is not None and not _continues(text[m.end():_paragraph_end(text, m.end())]):
                pairs.append((open_, i))
                open_ = None
            continue
        opening = ch == _OPEN or (ch == '"' and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–"))
        if opening and open_ is None:
            open_ = i
        elif not opening and open_ is not None:
            pairs.append((open_, i))
            open_ = None
    if open_ is not None:
        pairs.append((open_, len(text.rstrip())))
    return pairs


def _continues(paragraph: str) -> bool:
    """A quote open at the end of a paragraph goes on into the next
    ``paragraph`` when it opens with a quotation mark or closes one before
    opening any."""
    if _OPENS_WITH_MARK.match(paragraph):
        return True
    first = _FIRST_MARK.search(paragraph)
    return bool(first) and (first.group() == _CLOSE or first.group() == '"' and first.start() > 0
                             and not paragraph[first.start() - 1].isspace())


def _paragraph_end(text: str, start: int) -> int:
    """The end of the paragraph that goes on at ``start``: its line break, or the end of the text."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _opens_quote(before: str, quoted: str) -> bool:
    """Quotation marks make a direct quote when only a comma or colon (or
    nothing) of their sentence stands ``before`` them (not a short quotation
    inside a sentence) and the ``quoted`` text has a word."""
    return (not before.strip() or bool(_ENDS_WITH_COMMA_OR_COLON.search(before))) and bool(_WORD.search(quoted))


def _tail(text, close, spans, sent_of) -> tuple[int, int]:
    """Where an attribution after a quote stands: the rest of the sentence, or
    the next sentence of the paragraph when the quote ends its sentence."""
    sent = sent_of(close)
    end = spans[sent][1]
    tail_start = close + 1
    if not text[tail_start:end].strip(" ,.”\"") and sent + 1 < len(spans):
        nxt = spans[sent + 1]
        if "\n" not in text[end:nxt[0]] or len(text[nxt[0]:nxt[1]].split()) <= 8:
            tail_start, end = nxt
    return tail_start, end


def _head(text, s_start, open_) -> tuple[int, int]:
    """Where an attribution before a quote stands ("X said: \"..."): its
    sentence up to the quote, or the sentence before when that ends with a
    colon (an empty span when neither), without a trailing comma or colon."""
    if not text[s_start:open_].strip():
        prev = text[:s_start].rstrip()
        if not prev.endswith(":"):
            return s_start, s_start
        s_start = max(prev.rfind("\n"), prev.rfind(". ")) + 1
        open_ = len(prev) - 1
    return s_start, s_start + len(text[s_start:open_].rstrip(" ,:"))


def _after(ctx, text, tail, hits) -> dict | None:
    """Attribution in the ``tail`` span after a quote (see :func:`_tail`);
    ``hits`` are the speech lexicon's hits in it."""
    tail_start, tail = tail[0], text[tail[0]:tail[1]]
    lead = len(tail) - len(tail.lstrip(" ,.”\""))
    hits = [h for h in hits if h[0] >= lead]
    if not hits:
        return None
    c_start, c_end = hits[0][0], hits[0][1]
    speaker = _subject(ctx, tail[lead:c_start])
    if speaker and len(speaker[0].split()) <= 15 and _plausible(ctx, speaker[0]):
        return _found(tail_start + lead + speaker[1], speaker[0], tail_start, hits[0], text)
    if tail[lead:c_start].strip():
        return None
    named = _object(ctx, tail[c_end:])
    if named:
        return _found(tail_start + c_end + named[1], named[0], tail_start, hits[0], text)
    return None


def _before(ctx, text, head, hits) -> dict | None:
    """Attribution in the ``head`` span before a quote (see :func:`_head`):
    "X said: \"..."; ``hits`` are the speech lexicon's hits in it."""
    head_start, head = head[0], text[head[0]:head[1]]
    hits = [h for h in hits if not head[_content_start(head, h):].strip()]
    if not hits:
        return None
    speaker = _subject(ctx, head[:hits[-1][0]])
    if speaker and _plausible(ctx, speaker[0]):
        return _found(head_start + speaker[1], speaker[0], head_start, hits[-1], text)
    return None


def _reported(ctx, text, s_start, s_end, hits, in_quote, used_cues) -> dict | None:
    """The reported statement of one sentence: its first speech cue (of
    ``hits``, the speech lexicon's hits in it), outside quotation marks
    (``in_quote``: :func:`_quote_finder`), with a plausible speaker before or after it."""
    sentence = text[s_start:s_end]
    for c_start, c_end, _, _ in hits:
        at = s_start + c_start
        if in_quote(at):
            continue
        if _PASSIVE_BEFORE.search(sentence, max(0, c_start - 40), c_start):
            continue                                # "X has been accused", "X was told": X did not speak
        rest = sentence[c_end:]
        subject = _subject(ctx, sentence[:c_start])
        subject = subject if subject and len(subject[0].split()) <= 15 and _plausible(ctx, subject[0]) else None
        if (subject and "," not in subject[0] and sentence[:c_start].rstrip().endswith(",")
                and _ends_with_speaker(ctx, rest)):
            subject = None                          # "..., said the IOM chief.", not "X, the IOM chief, said"
        content_start = _content_start(sentence, (c_start, c_end))
        content = sentence[content_start:]
        content_after = subject is not None and _words_follow(content)
        if at in used_cues and not (subject and content_after and not _OPENS_QUOTE.match(content)):
            return None                             # the attribution of a direct quote
        if subject:
            if content_after:
                start = s_start + content_start + _reported_start(ctx, content)
                end = s_end
            else:
                start, end = s_start, s_start + subject[1]
            found = _found(s_start + subject[1], subject[0], s_start, (c_start, c_end), text)
        else:
            if sentence[:c_start].rstrip().endswith(("who", "which", "what")):
                continue
            if _TELLING.fullmatch(sentence, c_start, c_end):
                continue                            # "told X": X was spoken to, not the speaker
            if sentence[c_start:c_end].lower().endswith("ing"):
                continue                            # "..., saying X were informed": X is not who says it
            named = _object(ctx, rest if sentence[:c_start].strip() else _source(ctx, rest))
            if not named:
                continue
            if sentence[:c_start].strip():
                start, end = s_start, s_start + c_start
            else:                                   # "According to X, ..."
                start, end = s_start + c_end + named[1] + len(named[0]), s_end
                start += len(text[start:end]) - len(text[start:end].lstrip(" ,"))
            found = _found(s_start + c_end + named[1], named[0], s_start, (c_start, c_end), text)
        while end > start and text[end - 1] in " ,.;:":
            end -= 1
        if end - start > 0 and _WORD.search(text[start:end]):
            return {"start": start, "end": end, **found}
    return None


# --------------------------------------------------------------------------- speakers


def _subject(ctx, head: str) -> tuple[str, int] | None:
    """The speaker phrase at the end of ``head`` (text before a speech cue):
    trailing adverbs and times stripped, back to the last clause break, or to
    the one before when the phrase and the words before it are in apposition
    between commas ("Sherry Rehman, the climate minister of Pakistan, said").
    Returns (phrase, offset in head)."""
    end = len(head.rstrip(" ,"))
    trailer = _trailer_at_end(ctx, head[:end].lower())
    while trailer is not None:
        end = len(head[:end - len(trailer)].rstrip(" ,"))
        trailer = _trailer_at_end(ctx, head[:end].lower())
    start = _clause_start(head, end)
    comma = len(head[:start].rstrip()) - 1
    relative = head.rfind(",", 0, end)
    if head[end:].lstrip().startswith(",") and relative > 0 and _RELATIVE.match(head, relative + 1):
        before = _clause_start(head, relative)              # "Theresa May, who is Home Secretary, says"
        if head[before:relative].strip()[:1].isupper():
            start = before
    elif head[end:].lstrip().startswith(",") and comma > 0 and head[comma] == ",":
        before = _clause_start(head, comma)
        if _apposition(ctx, head[before:comma], head[start:end]):
            start = before
    absolute = _ABSOLUTE.match(head, start + len(head[start:end]) - len(head[start:end].lstrip()))
    if absolute:                                            # "with the Tories claiming ...": the Tories
        start = absolute.end()
    phrase = head[start:end]
    lead = len(phrase) - len(phrase.lstrip())
    phrase = phrase.strip()
    return (phrase, start + lead) if phrase else None


def _clause_start(head: str, end: int) -> int:
    """Where the clause that ends at ``end`` in ``head`` starts: after its last clause break."""
    last_break = _BREAK_BACKWARDS.search(head[:end][::-1])
    return end - last_break.start() if last_break else 0


def _trailer_at_end(ctx, low: str) -> str | None:
    """The longest speaker trailer that is ``low`` or ends it after a space or a comma."""
    trailers, longest = ctx.cues.trailer_set
    if low in trailers:
        return low
    for mark in _SPACE_OR_COMMA.finditer(low, max(0, len(low) - longest - 1)):
        if low[mark.end():] in trailers:
            return low[mark.end():]
    return None


def _words_follow(text: str) -> bool:
    """Whether what was said follows in ``text``: a clause after a place or a
    time ("on Monday the plan would fail"), or two words or more after a place
    and "that" ("on its website that ...")."""
    return bool(_PLACE_THEN_CLAUSE.match(text) or _TWO_WORDS.search(text, _PLACE_AND_THAT.match(text).end()))


def _content_start(text: str, cue_hit) -> int:
    """Where what was said may start after the cue at ``cue_hit`` (start, end)
    in ``text``: right after it, or after whom it was told to ("told reporters")."""
    c_start, c_end = cue_hit[0], cue_hit[1]
    return _ADDRESSEE.match(text, c_end).end() if _TELLING.fullmatch(text, c_start, c_end) else c_end


def _reported_start(ctx, content: str) -> int:
    """Where the reported words start in ``content`` (what follows a cue, and
    whom it was told to): after a place and "that" ("on its website that"),
    else after places and times before a clause ("on Monday the plan would
    fail"), or else after the cues' content lead ("yesterday", "in a statement, ")."""
    place = _PLACE_AND_THAT.match(content)
    if place.group("that"):
        return place.end()
    clause = _PLACE_THEN_CLAUSE.match(content)
    return clause.end() if clause else ctx.cues.content_lead.match(content).end()


def _object(ctx, rest: str) -> tuple[str, int] | None:
    """The speaker phrase right after a cue ("said the UNSMIL on its website"),
    with an appositive that describes it ("said Sherry Rehman, the climate
    minister of Pakistan": :func:`_apposition`)."""
    lead = len(rest) - len(rest.lstrip(" ,"))
    stop = _SPEAKER_END.search(rest, lead)
    if stop and stop.group().startswith(","):
        after = _SPEAKER_END.search(rest, stop.end())
        if _apposition(ctx, rest[lead:stop.start()], rest[stop.end():after.start() if after else len(rest)]):
            stop = after
    phrase = rest[lead:stop.start() if stop else len(rest)].strip()
    if _NOT_A_SPEAKER.match(phrase) or _HAS_FINITE.search(phrase):
        return None                                 # "says the government has failed": a clause, not a speaker
    return (phrase, lead) if phrase and len(phrase.split()) <= 15 and _plausible(ctx, phrase) else None


def _source(ctx, rest: str) -> str:
    """Who is named after a sentence's opening "according to", in the ``rest``
    of the sentence: the words up to a comma, or up to the next one when they
    are in apposition ("According to Jan Egeland, the head of the Norwegian
    Refugee Council, the camps are full")."""
    parts = rest.split(",")
    return ",".join(parts[:2]) if len(parts) > 2 and _apposition(ctx, parts[0], parts[1]) else parts[0]


def _ends_with_speaker(ctx, rest: str) -> bool:
    """True if the text after a cue is a speaker phrase and then the end of the
    sentence, a place ("on its website") or a participle ("adding that ...")."""
    named = _object(ctx, rest)
    after = rest[named[1] + len(named[0]):] if named else ""
    return bool(named) and (not _words_follow(after) or bool(_PARTICIPLE.match(after)))


def _plausible(ctx, phrase: str) -> bool:
    """A speaker is an anaphor, starts with a capital letter (after "the", "a",
    "an"), is a description and a name in apposition ("its director, Jo
    Dardenne"), or names an actor ("the coast guard", "officials", "scientists")."""
    if ctx.cues.anaphor_kind(phrase):
        return True
    first = _ARTICLE.sub("", phrase)
    if first and first[0].isupper():
        return True
    description, comma, name = phrase.partition(",")
    if comma and name.lstrip()[:1].isupper() and ctx.describes_speaker(description):
        return True
    return bool(first) and ctx.names_actor(phrase)


def _apposition(ctx, name: str, description: str) -> bool:
    """Whether "``name``, ``description``" is one speaker, a name and an
    appositive that describes it ("Sherry Rehman, the climate minister of
    Pakistan"): the name is capitalised, the description opens with a
    determiner and describes a speaker (:meth:`QuoteContext.describes_speaker`)."""
    description = description.strip()
    return (name.strip()[:1].isupper() and (bool(_DETERMINER.match(description)) or len(description.split()) <= 4)
            and ctx.describes_speaker(description))


def _found(speaker_start, speaker, base, cue_hit, text) -> dict:
    c_start, c_end = base + cue_hit[0], base + cue_hit[1]
    return {"speaker": speaker, "speaker_start": speaker_start, "cue": text[c_start:c_end], "cue_start": c_start}


@dataclass
class QuoteContext:
    """The resources of one call, with what is computed from them on the way
    (per phrase: whether it names an actor, its speaker type)."""

    cues: Cues
    actors: Actors
    _types: dict = field(default_factory=dict)

    def names_actor(self, phrase: str) -> bool:
        """Whether ``phrase`` mentions an actor (kept on the actors object, across calls)."""
        known = self.actors.__dict__.setdefault("_names_actor", {})
        if phrase not in known:
            known[phrase] = bool(next(unit_mentions([phrase], self.actors)))
        return known[phrase]

    def describes_speaker(self, phrase: str) -> bool:
        """Whether a head of ``phrase`` (the last word of it, or of one of its
        parts joined by "and", before a preposition: "the head of the council",
        "a spokesman for UNHCR", "the minister and point person for ...") is a
        person title or an organisation word (not "the report also said the
        secret service")."""
        heads = (_WORDS.findall(part)[-1:] for part in _AND.split(_AFTER_HEAD.split(phrase, 1)[0]))
        return any(w.lower() in self.cues.person_titles or w.lower() in self.cues.organisation_words
                   for head in heads for w in head)

    def speaker_type(self, phrase: str) -> str:
        """person or organisation: a person title makes a person, then an
        organisation word an organisation, then a name of capitalised words a person."""
        if phrase not in self._types:
            words = _WORDS.findall(phrase)
            if any(w.lower() in self.cues.person_titles for w in words):
                kind = "person"
            elif any(w.lower() in self.cues.organisation_words for w in words):
                kind = "organisation"
            elif words and all(w[0].isupper() and not w.isupper() for w in words):
                kind = "person"
            else:
                kind = "organisation"
            self._types[phrase] = kind
        return self._types[phrase]


def _speaker_actors(ctx, speakers: set[str]) -> dict[str, tuple]:
    """Speaker phrase -> its last actor mention (None when it names no actor),
    in one scan of all of them."""
    ordered = sorted(speakers)
    return {speaker: found[-1] if found else None
            for speaker, found in zip(ordered, unit_mentions(ordered, ctx.actors))}


def _actor_finder(ctx, text: str, actor_of: dict[str, tuple]):
    """A function from a speaker phrase (and where it stands in ``text``) to
    its actor id: the last actor it mentions, a generic one ("officials")
    resolved in the document, whose mentions are found only when needed."""
    document: list = []

    def actor(phrase: str, at: int) -> str:
        last = actor_of[phrase]
        if last is None:
            return ""
        if last.actor != GENERIC:
            return last.actor
        if not document:
            document.extend(resolve_mentions(next(unit_mentions([text], ctx.actors)), ctx.actors, text))
        position = at + last.start
        return next((m.actor for m in document if m.start <= position < m.end), ctx.actors.unresolved)
    return actor


def _resolve(ctx, rows: list[dict], actor_of, wanted=None) -> list[dict]:
    """Fill resolved_speaker and speaker_actor (of a named speaker: ``actor_of``,
    see :func:`_actor_finder`); anaphors take the most recent earlier speaker
    of the same type (see the module docstring). With ``wanted`` (a test of a
    row), only the rows that pass it get their speaker_actor, the others ""
    (the actor of a generic speaker is found by reading the whole document)."""
    done: list[dict] = []
    named_by: dict[int, dict | None] = {}           # id of a row -> the row that names its speaker
    for row in sorted(rows, key=lambda r: r["speaker_start"] if r["speaker_start"] >= 0 else r["start"]):
        kind = ctx.cues.anaphor_kind(row["speaker"]) if row["speaker"] else None
        if kind:
            key = row["speaker"].lower().split()[-1]
            latest = [r for r in reversed(done) if r["resolved_speaker"] and r["speaker_start"] < row["speaker_start"]]
            titled = (r for r in latest if key in ("minister", "ministry") and key in r["resolved_speaker"].lower())
            typed = (r for r in latest if ctx.speaker_type(r["resolved_speaker"]) == kind)
            source = next(titled, None) or next(typed, None)
            row["resolved_speaker"] = source["resolved_speaker"] if source else ""
            named_by[id(row)] = named_by[id(source)] if source else None
        else:
            row["resolved_speaker"] = row["speaker"]
            named_by[id(row)] = row if row["speaker"] else None
        done.append(row)
    for row in done:
        naming = named_by[id(row)]
        row["speaker_actor"] = (actor_of(naming["speaker"], naming["speaker_start"])
                                if naming and (wanted is None or wanted(row)) else "")
    return sorted(done, key=lambda r: (r["start"], r["kind"]))


# --------------------------------------------------------------------------- helpers


def _row(kind, start, end, text, sent_of, found) -> dict:
    while end > start and text[end - 1].isspace():
        end -= 1
    return {"kind": kind, "start": start, "end": end, "first_sent_id": sent_of(start),
            "last_sent_id": sent_of(max(start, end - 1)), "text": text[start:end],
            "speaker": found["speaker"], "speaker_start": found["speaker_start"], "cue": found["cue"]}


def _sentence_finder(spans):
    """A function from a character offset to the index of its sentence."""
    starts = [s for s, _ in spans]

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)
    return sent_of


def _quote_finder(marks: list[tuple[int, int]]):
    """A function from a character offset to whether it stands between
    quotation marks (``marks``: :func:`quote_marks`, in order, not overlapping)."""
    opens = [open_ for open_, _ in marks]

    def in_quote(pos: int) -> bool:
        i = bisect.bisect_right(opens, pos) - 1
        return i >= 0 and pos < marks[i][1]
    return in_quote


def _paragraph_finder(text: str):
    """A function from a character offset to the index of its paragraph
    (the number of line-break runs that start before it)."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]

    def paragraph_of(pos: int) -> int:
        return bisect.bisect_left(breaks, pos)
    return paragraph_of
