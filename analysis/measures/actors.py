"""Actor mentions in text, with generic references resolved in their document.

:func:`find_actors` finds the mentions of the actors of an actors file
(:class:`analysis.resources.Actors`): longest alias first, one mention per
stretch of text. A generic reference ("the government", "authorities", "the
minister", "police") is resolved where it stands, and each mention says how
(``resolution``):

* ``alias``: the words are an alias of the actor ("Italy", "GNA", "the EU");
* ``qualified``: a generic reference with its actor right before it ("the
  Italian government", "Libya's coast guard", "UN officials") or after "of"
  ("the government of Mexico");
* ``head``: a generic reference whose last word is that of an earlier mention
  of the document ("the army" after "the eastern-based army"): that mention's actor;
* ``article``: otherwise the state (an actor with countries) that the whole
  article points to. Each state named in it by an alias or a qualified
  reference, before or after, votes: ``log(1 + n)`` for its n mentions,
  ``NEAR`` (1) more for the state named last before the reference, halved
  every ``HALF_LIFE`` (600) characters back, and ``DATELINE`` (1) more for a
  state named in the article's dateline ("PARIS, France - ...", "LONDON
  (Reuters) -"). The most votes win; ties go to the state named last before
  the reference, then to the one named first. So a state named often wins
  over one named once nearby ("Prague" in an article on Britain's Home
  Office), and of two states named as often the nearer one wins;
* ``nearest`` (with ``generic.resolve: nearest``, the rule before actors v4):
  otherwise the actor of the nearest preceding mention of a state;
* ``unresolved``: none of these; the actor is the file's ``generic.unresolved``
  id (``government_unresolved``), never a fixed country.

An actors file may set ``generic.resolve: nearest``, ``unresolved`` (never
resolve) or ``actor:ID`` (always that actor: resolution ``fixed``);
``article`` is the default. People of a state are no mention of it: an alias
of a state followed by a people noun ("Syrian refugees", "EU citizens"), and
an alias after "non-", "anti-" or "pro-" ("non-EU countries"); phrases in the
file's ``ignore`` list ("New Mexico") mask the aliases inside them. A capital that goes on into a name
is no mention of its state either: followed by a capitalised word in the same
clause ("the Paris Agreement", "the Dublin Regulation") or joined to a word by
a hyphen ("a Brussels-based NGO"), unless that word starts a mention of its own
("the Tripoli Government", "Rome-Tripoli talks"). Country names are not part of
the rule: a name such as "Ghana Health Service" is the state's, and one that is
not ("South China Morning Post") goes in the ``ignore`` list.

>>> [(m.actor, m.alias, m.resolution) for m in find_actors("Italy urged the Libyan coast guard to act.")]
[('europe', 'Italy', 'alias'), ('libya', 'Libyan coast guard', 'qualified')]
>>> [(m.actor, m.resolution) for m in find_actors("The government accused smugglers.")]
[('government_unresolved', 'unresolved'), ('smugglers_traffickers', 'alias')]
>>> [(m.alias, m.actor) for m in find_actors("Rome signed the Rome Statute; Tripoli did not.")]
[('Rome', 'europe'), ('Tripoli', 'libya')]
"""

from __future__ import annotations

import re
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple

import pandas as pd

from ..errors import TableError, require_columns
from ..resources.actors import GENERIC, IGNORED, Actors

_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?[ \t]+")          # "Libya's coast guard", "the Italian government"
_OF_GAP = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?", re.IGNORECASE)  # "the government of Mexico"
_LAST_WORD = re.compile(r"[^\W\d_]+(?=[^\w]*$)")
_NAME_GOES_ON = re.compile(r"[ \t]+(?=[^\W\d_])|[-‐‑](?=\w)")     # "the Paris Agreement", "a Brussels-based NGO"
_NEXT_WORD = re.compile(r"\w+")
# A prefix that makes a mention a modifier of something else ("non-EU citizens", "anti-EU parties").
# A dateline: capitalised words (with commas, periods and numbers of a date) at the start of an
# article, then a dash, a slash, a bracket or a quotation mark ("PARIS, France - ", "GENEVA, March 27. /TASS/.").
_DATELINE = re.compile(r"\s*(?P<place>[A-Z][\w.'’]*(?:[ ,.]+(?:[A-Z][\w.'’]*|\d+))*)[ ,.]*(?:\([^)\n]{1,40}\)\s*)?"
                       r"(?:[-—–]|/|\"|“)")
_PREFIXED = re.compile(r"(?<![\w-])(?:non|anti|pro)[-‐‑]$", re.IGNORECASE)
_DATE_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                        "june july august september october november december".split())  # news drops the "on" of "on Tuesday"


class Mention(NamedTuple):
    """One actor mention: ``text[start:end]`` names ``actor`` through
    ``alias`` (for a qualified generic, both aliases joined), resolved as
    ``resolution`` says (see the module docstring)."""
    start: int
    end: int
    actor: str
    alias: str
    resolution: str = "alias"


class _Found(NamedTuple):
    """A mention before resolution; ``actor`` is :data:`GENERIC` for a generic
    reference to resolve, ``head`` the last word of the matched text."""
    start: int
    end: int
    actor: str
    alias: str
    resolution: str
    head: str


def find_actors(text: str, *, actors=None) -> list[Mention]:
    """Actor mentions in ``text`` (one document), in order, without overlaps.

    Parameters
    ----------
    text : str
        The text of one document; generic references are resolved within it.
    actors : Actors, path or mapping, optional
        The actors and their aliases (default the shipped migration actors).

    Returns
    -------
    list of Mention
        One named tuple per mention, in text order: start, end (offsets into
        ``text``), actor (the actor id), alias (the alias matched; for a
        qualified generic reference, both aliases joined) and resolution
        (alias, qualified, head, nearest, unresolved or fixed; see the module
        docstring).

    Examples
    --------
    >>> [(m.actor, m.alias) for m in find_actors("the eastern-based army and militias")]
    [('armed_groups', 'eastern-based army'), ('armed_groups', 'militia*')]
    """
    return find_actors_each([text], actors=actors)[0]


def find_actors_each(texts: list[str], *, actors=None) -> list[list[Mention]]:
    """``find_actors(text)`` for each of ``texts`` (each its own document), in one scan.

    >>> [[m.actor for m in found] for found in find_actors_each(["Italy and IOM", "nobody", "the EU"])]
    [['europe', 'un_agencies'], [], ['europe']]
    """
    actors = Actors.load(actors)
    return [resolve_mentions(found, actors, text) for found, text in zip(unit_mentions(texts, actors), texts)]


def actor_mentions(frame: pd.DataFrame, *, actors=None) -> pd.DataFrame:
    """One row per actor mention in a sentences (or paragraphs, corpus) table:
    the frame's id columns, start, end (offsets into the document's text),
    mention (the words), actor, alias, resolution. Generic references are
    resolved within each document, reading its rows in order.

    Parameters
    ----------
    frame : DataFrame
        A table with doc_id and text, such as :func:`analysis.sentences`,
        :func:`analysis.paragraphs` or :func:`analysis.load_corpus` gives, the
        rows of each document together and in text order; with ``start``,
        offsets are into the document.
    actors : Actors, path or mapping, optional
        The actors and their aliases (default the shipped migration actors).

    Returns
    -------
    DataFrame
        One row per mention, in the order of the rows and then of the text:
        doc_id, sent_id and par_id (those ``frame`` has), start, end, mention,
        actor (the actor id), alias (the alias matched), resolution (alias,
        qualified, head, nearest, unresolved or fixed; see the module
        docstring).

    Raises
    ------
    TableError
        If ``frame`` lacks doc_id or text, or the rows of a document are not
        together (its generic references would be resolved in pieces).

    Examples
    --------
    >>> import analysis
    >>> m = analysis.sentences(analysis.load_corpus()).pipe(actor_mentions)
    >>> m.loc[1, ["mention", "actor", "resolution"]].tolist()
    ['Fact-Finding Mission', 'un_agencies', 'alias']
    """
    require_columns(frame, ["doc_id", "text"], "actor_mentions",
                    hint="Pass the table made by analysis.sentences() or analysis.load_corpus().")
    _require_documents_together(frame["doc_id"])
    actors = Actors.load(actors)
    ids = [c for c in ("doc_id", "sent_id", "par_id") if c in frame.columns]
    texts = frame["text"].tolist()
    bases = frame["start"].tolist() if "start" in frame.columns else [0] * len(frame)
    keys = list(zip(*(frame[c].tolist() for c in ids)))
    found = unit_mentions(texts, actors)
    rows, doc_rows, doc_found, current, opening = [], [], [], object(), ""
    for key, base, text, mentions in zip(keys, bases, texts, found):
        if key[0] != current:
            if doc_rows:
                rows += _rows_of(doc_rows, doc_found, actors, opening)
            doc_rows, doc_found = [], []
            opening = " " * base + text             # the document's first row, where a dateline stands
        current = key[0]
        for m in mentions:
            doc_rows.append((key, base, text, m))
            doc_found.append(m._replace(start=base + m.start, end=base + m.end))
    if doc_rows:
        rows += _rows_of(doc_rows, doc_found, actors, opening)
    return pd.DataFrame(rows, columns=[*ids, "start", "end", "mention", "actor", "alias", "resolution"]).astype(
        {"start": "int64", "end": "int64"})


def _require_documents_together(doc_ids: pd.Series) -> None:
    """Raise TableError naming the first document whose rows are split by another's."""
    ids = doc_ids.reset_index(drop=True)
    starts = ids[ids.ne(ids.shift())]                   # the first row of each run of one document
    again = starts[starts.duplicated()]
    if len(again):
        doc = again.iloc[0]
        raise TableError(f"actor_mentions(): the rows of document {doc!r} are not together (rows "
                         f"{starts.index[starts.eq(doc)][0]} and {again.index[0]}, by position); sort the table "
                         "by doc_id and text order (start, or sent_id) first.")


def _rows_of(doc_rows, doc_found, actors, opening: str) -> list[list]:
    resolved = resolve_mentions(doc_found, actors, opening)
    return [[*key, m.start, m.end, text[m.start - base:m.end - base], m.actor, m.alias, m.resolution]
            for (key, base, text, _), m in zip(doc_rows, resolved)]


def unit_mentions(texts: list[str], actors: Actors) -> Iterator[list[_Found]]:
    """Mentions of each text before resolution, text by text, from one scan:
    aliases matched (capitals-only aliases only in capitals), overlaps removed
    (longest, then the earlier actor), masked phrases, demonyms of people and
    capitals in names dropped, and generic references qualified by an adjacent
    mention."""
    lexicon, order = actors.lexicon, actors.order
    acronyms, states, people_after, capitals = actors.acronyms, actors.state_actors, actors.people_after, actors.capitals
    hits = [h for h in lexicon.find_all(texts) if h[4] not in acronyms or texts[h[0]][h[1]:h[2]] == h[4]]
    hits.sort(key=lambda h: (h[0], h[1], h[1] - h[2], order[h[3]]))
    heads: dict[str, str] = {}              # matched words -> their head (the same words recur)
    at = 0
    for i, text in enumerate(texts):
        kept: list[_Found] = []
        last_end = -1
        while at < len(hits) and hits[at][0] == i:
            _, start, end, label, alias = hits[at]
            at += 1
            if start < last_end:
                continue
            last_end = end
            if label == IGNORED or label in states and people_after.match(text, end):
                continue                    # "Syrian refugees", "EU citizens": people, not their state
            if _PREFIXED.search(text, max(0, start - 6), start):
                continue                    # "non-EU citizens", "anti-EU parties": not the EU
            if (label, alias) in capitals and _in_name(text, end, hits, i):
                continue
            words = text[start:end]
            head = heads.get(words)
            if head is None:
                head = heads[words] = _head(words)
            if kept:
                before = kept[-1]
                if label == GENERIC and before.actor != GENERIC and _POSSESSIVE_GAP.fullmatch(text, before.end, start):
                    kept[-1] = _Found(before.start, end, before.actor, f"{before.alias} {alias}", "qualified", head)
                    continue
                if before.actor == GENERIC and label != GENERIC and _OF_GAP.fullmatch(text, before.end, start):
                    kept[-1] = _Found(before.start, end, label, f"{before.alias} of {alias}", "qualified", before.head)
                    continue
            kept.append(_Found(start, end, label, alias, "alias", head))
        yield kept


def resolve_mentions(found: list[_Found], actors: Actors, text: str | None = None) -> list[Mention]:
    """The mentions of one document (in text order) with every generic
    reference resolved by the file's rule (see the module docstring);
    ``text``, the document's (or its start), gives its dateline."""
    return [Mention(m.start, m.end, actor, m.alias, how)
            for m, (actor, how) in zip(found, resolutions(found, actors, text))]


def resolutions(found: list[_Found], actors: Actors, text: str | None = None) -> list[tuple[str, str]]:
    """``(actor, resolution)`` of each mention of one document (in text
    order), generic references resolved by the file's rule; what
    :func:`resolve_mentions` makes mentions of. ``text``, the document's, gives
    its dateline to the ``article`` rule (without it, none is looked for)."""
    rule, unresolved, states = actors.resolve, actors.unresolved, actors.state_actors
    fixed = rule.removeprefix("actor:") if rule.startswith("actor:") else None
    named = [(m.start, m.end, m.actor) for m in found if m.actor in states]     # the article's explicit states
    votes = _ArticleVotes(named, _dateline_states(found, states, text)) if rule == "article" and named else None
    heads: dict[str, str] = {}
    last_state = None
    resolved = []
    for m in found:
        actor, how = m.actor, m.resolution
        if actor == GENERIC:
            if fixed:
                actor, how = fixed, "fixed"
            elif rule in ("nearest", "article") and m.head in heads:
                actor, how = heads[m.head], "head"
            elif votes is not None:
                actor, how = votes.winner(m.start), "article"
            elif rule == "nearest" and last_state:
                actor, how = last_state, "nearest"
            else:
                actor, how = unresolved, "unresolved"
        if actor != unresolved:
            heads[m.head] = actor
            if actor in states:
                last_state = actor
        resolved.append((actor, how))
    return resolved


#: The ``article`` rule's weights (see :class:`_ArticleVotes`): a state named right before
#: a generic reference gets ``NEAR`` votes more, halved every ``HALF_LIFE`` characters
#: back; the state of the dateline ``DATELINE`` votes more.
NEAR, HALF_LIFE, DATELINE = 1.0, 600, 1.0


class _ArticleVotes:
    """The ``article`` rule: each state named in the article (an alias or a
    qualified mention, anywhere in it) gets ``log(1 + n)`` votes for its n
    mentions, ``NEAR * 2 ** (-d / HALF_LIFE)`` more for its last mention d
    characters before the reference, and ``DATELINE`` more when the article's
    dateline names it; the most votes win, ties going to the state named last
    before the reference, then to the one named first in the article."""

    def __init__(self, named: list[tuple[int, int, str]], dateline: frozenset):
        self.named = named
        self.ends = [end for _, end, _ in named]
        base: dict[str, float] = {}
        for _, _, state in named:
            base[state] = base.get(state, 0) + 1
        self.base = {state: math.log1p(n) + (DATELINE if state in dateline else 0.0) for state, n in base.items()}
        self.first = {}
        for i, (_, _, state) in enumerate(named):
            self.first.setdefault(state, i)

    def winner(self, at: int) -> str:
        """The state a generic reference starting at ``at`` resolves to."""
        score = dict(self.base)
        last: dict[str, int] = {}
        for k in range(bisect_right(self.ends, at) - 1, -1, -1):   # the states named before it, nearest first
            start, end, state = self.named[k]
            if state not in last:
                last[state] = len(last)
                score[state] += NEAR * 2 ** (-(at - end) / HALF_LIFE)
            if at - end > 8 * HALF_LIFE:
                break
        return max(score, key=lambda s: (score[s], -last.get(s, len(score)), -self.first[s]))


def _dateline_states(found: list[_Found], states: frozenset, text: str | None) -> frozenset:
    """The states named in the article's dateline ("PARIS, France - ...",
    "GENEVA, March 27. /TASS/.", "WASHINGTON (Reuters) -"), if it has one."""
    line = _DATELINE.match(text) if text else None
    if line is None:
        return frozenset()
    return frozenset(m.actor for m in found if m.end <= line.end("place") and m.actor in states)


def _in_name(text: str, end: int, hits: list[tuple], unit: int) -> bool:
    """Whether the capital ending at ``end`` of ``text`` (unit ``unit`` of the
    sorted ``hits``) goes on into a name: the next word is capitalised (and no
    day or month: "Tripoli Tuesday said"), after spaces, or joined by a hyphen,
    and no hit starts at it."""
    gap = _NAME_GOES_ON.match(text, end)
    if gap is None:
        return False
    if gap.group().isspace() and (not text[gap.end()].isupper()
                                  or _NEXT_WORD.match(text, gap.end()).group().lower() in _DATE_WORDS):
        return False
    next_hit = bisect_left(hits, (unit, gap.end()))
    return next_hit == len(hits) or hits[next_hit][:2] != (unit, gap.end())


def _head(words: str) -> str:
    """The last word, lower case, singular: "authorities" -> "authority"."""
    match = _LAST_WORD.search(words)
    word = match.group().lower() if match else words.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
