"""Responsibility attributions: who holds whom responsible, for causing the
problem (``causal``) or for solving it (``treatment``), assigned or denied,
and who says so.

Causal and treatment responsibility follow Iyengar (1991) and the responsibility
items of Semetko & Valkenburg (2000). Two methods find them
(``attributions``, ``method=``):

* ``"rules"`` (the default): the responsibility rules of the cues, data in
  :class:`analysis.Cues`, applied clause by clause
  (:mod:`analysis.measures.cue_rules` says how each rule finds its actor);
* ``"learned"``: an :class:`analysis.AttributionModel` fitted on hand coding
  weighs every actor mention of a sentence, with the rules' output, the cues
  around it, its words and their vectors and a sentence classifier's
  probabilities among its features (:mod:`analysis.measures.roles`). The kit
  ships one fitted on the development coding of the migration actors and
  cues; fit your own on your coding.

Actors are those of the actors resource (:class:`analysis.Actors`), generic
references ("the government") resolved in their document
(:mod:`analysis.measures.actors`; ``actor_resolution`` says how); a generic
reference in a statement of a state's speaker is that state's.

The speaker is who makes the claim: the subject of an accusation or denial
("The government accused ..."), the agent of a passive one ("was accused by
the UN"); otherwise the speaker of the quote or reported statement the cue
stands in (:func:`analysis.quotes`), or of the statement of its sentence
(not one said in a participle clause: "..., with the Tories claiming ..."),
or of a quote of the sentence, or, for a sentence with no statement standing
between two sentences with statements of one speaker, that speaker (a
paraphrase going on); :data:`~analysis.OUTLET_VOICE` when the outlet speaks in
its own voice. ``speaker`` is the phrase as written, ``speaker_actor`` its
actor id (empty for a named speaker who is no actor of the file). A speaker's
"we" and "us" (the cues' ``speaker_pronouns``) are the speaker's actor.

>>> import pandas as pd
>>> doc = pd.DataFrame({"doc_id": ["d"], "text": ["Italy accused smugglers of the deaths."]})
>>> attributions(doc)[["speaker", "speaker_actor", "actor", "kind", "polarity", "cue"]].values.tolist()
[['Italy', 'europe', 'smugglers_traffickers', 'causal', 'assign', 'accused']]
"""

from __future__ import annotations

import warnings
from itertools import groupby
from typing import TYPE_CHECKING

import pandas as pd

from .._deprecation import renamed
from ..errors import AnalysisError, require_columns
from ..resources.actors import Actors
from ..resources.cues import Cues
from ..text.segment import sentences_for
from .cue_rules import RulePass, rule_pass
from .quotes import OUTLET_VOICE, QuoteContext, quote_marks, quote_rows

if TYPE_CHECKING:
    from .roles import AttributionModel

COLUMNS = ["doc_id", "sent_id", "start", "end", "speaker", "speaker_actor", "actor", "actor_resolution", "kind",
           "polarity", "cue", "rule", "evidence"]
#: In ``responsibility_matrix``, the speaker_actor of a named speaker who is no actor of the file.
NO_ACTOR = "(no actor)"

#: The method ``attributions`` uses when none is given. The learned model
#: becomes the default only once it wins on the locked test (issue 21).
DEFAULT_METHOD = "rules"
METHODS = ("rules", "learned")


def attributions(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None, *, actors=None,
                 cues=None, method: str | None = None, model=None) -> pd.DataFrame:
    """Responsibility attributions: who holds whom responsible, for causing or for
    solving a problem, assigned or denied, and who says so.

    Parameters
    ----------
    corpus : DataFrame
        A corpus table with doc_id and text (:func:`analysis.load_corpus`).
    sentences : DataFrame, optional
        The corpus's table from :func:`analysis.sentences`, if already made (it
        is made otherwise, and checked against the corpus if given).
    actors : Actors, path or mapping, optional
        Who can speak and be held responsible (default the shipped migration actors).
    cues : Cues, path or mapping, optional
        Speech cues and responsibility rules (default the shipped migration cues).
    method : {"rules", "learned"}, optional
        ``"rules"`` (the default, ``DEFAULT_METHOD``): the responsibility
        rules of the cues (:mod:`analysis.measures.cue_rules`). ``"learned"``:
        the roles of an :class:`analysis.AttributionModel` fitted on hand
        coding, which weighs every actor mention with the rules' output among
        its features.
    model : AttributionModel or path, optional
        For ``method="learned"``: a fitted model or its file (default the model
        shipped for the migration actors and cues); it must have been fitted
        with ``actors`` and ``cues``.

    Returns
    -------
    DataFrame
        One row per attribution: doc_id, sent_id, start, end (evidence span,
        offsets into the document's text), speaker (as written;
        :data:`~analysis.OUTLET_VOICE` for the outlet's own voice),
        speaker_actor (its actor id), actor (held responsible),
        actor_resolution (how its mention was resolved: alias, qualified, head,
        article, nearest, unresolved or fixed, see :mod:`analysis.measures.actors`;
        "speaker" where a rule holds the speaker responsible or finds a
        speaker's "we"; "speaker_state" where a generic reference in a
        statement of a state's speaker is that state's), kind (causal or
        treatment), polarity (assign or deny), cue (the words that carry it), rule (its id in the cues;
        "learned" where no rule found it), evidence (the text of the span); with ``method="learned"`` also
        probability (of the kind, as the model's calibration gives it; empty where a rule holding the
        speaker responsible is kept as it is) and reasons (the features that pushed it most).

    Raises
    ------
    ModelError
        ``method="learned"`` with a model fitted with other actors or cues.

    Examples
    --------
    >>> import pandas as pd
    >>> doc = pd.DataFrame({"doc_id": ["d"], "text": ["Libya bears no full responsibility for it."]})
    >>> attributions(doc)[["actor", "kind", "polarity"]].values.tolist()
    [['libya', 'causal', 'deny']]
    """
    require_columns(corpus, ["doc_id", "text"], "attributions", hint="Pass the table made by analysis.load_corpus().")
    method = DEFAULT_METHOD if method is None else method
    if method not in METHODS:
        raise AnalysisError(f"attributions(): method {method!r} is not one of {list(METHODS)}.")
    actors, cues = Actors.load(actors), Cues.load(cues)
    if method == "learned":
        from .roles import attribution_model                 # sklearn and the learned model only when asked for

        return learned_attributions(corpus, sentences, model=attribution_model(model, actors=actors, cues=cues))
    sents = sentences_for(corpus, sentences, "attributions")
    found = rule_pass(corpus, sents, actors=actors, cues=cues)
    return _attribution_table(found, found.founds, corpus, actors=actors, cues=cues)[COLUMNS]


def learned_attributions(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None, *,
                         model: AttributionModel) -> pd.DataFrame:
    """The attributions of a fitted :class:`analysis.AttributionModel`, with
    their speakers: what ``attributions`` gives with ``method="learned"``.

    Parameters
    ----------
    corpus : DataFrame
        doc_id and text.
    sentences : DataFrame, optional
        The corpus's :func:`analysis.sentences`, if already made.
    model : AttributionModel
        Fitted.

    Returns
    -------
    DataFrame
        The columns of ``attributions``, then probability and reasons.
    """
    require_columns(corpus, ["doc_id", "text"], "attributions", hint="Pass the table made by analysis.load_corpus().")
    sents = sentences_for(corpus, sentences, "attributions")
    found = rule_pass(corpus, sents, actors=model.actors_, cues=model.cues_, every_sentence=True)
    return _attribution_table(found, model.found(found), corpus, actors=model.actors_, cues=model.cues_)


def _attribution_table(found: RulePass, found_in: dict, corpus: pd.DataFrame, *, actors: Actors,
                       cues: Cues) -> pd.DataFrame:
    """The attributions of ``found_in`` (sentence position -> attributions in
    the layout of ``founds``) with their speakers, as the table
    ``attributions`` returns."""
    doc_ids, sent_ids, sent_starts, texts = found.doc_ids, found.sent_ids, found.starts, found.documents
    # Quotes are costly and only needed where a speaker is not in the clause and
    # a statement may give one: find them in those documents alone (each
    # document's quotes are its own).
    unspoken = {i: [f["cue_at"] for f in founds if _needs_statement(f)] for i, founds in found_in.items()
                if any(_needs_statement(f) for f in founds)}
    needed, marks = _documents_needing_quotes(unspoken, doc_ids, sent_starts, found.texts, texts, cues)
    spans: dict = {}                                        # the sentences of those documents
    for doc_id, start, end in zip(doc_ids, sent_starts, found.ends):
        if doc_id in needed:
            spans.setdefault(doc_id, []).append((start, end))
    asking = [(doc_ids[i], sent_ids[i]) for i in unspoken if doc_ids[i] in needed]
    around = {(doc_id, sent_id + d) for doc_id, sent_id in asking for d in (-1, 0, 1)}

    def over_around(row: dict) -> bool:
        return any((row["doc_id"], k) in around for k in range(row["first_sent_id"], row["last_sent_id"] + 1))

    quoted = [doc_id for doc_id in corpus["doc_id"].tolist() if doc_id in needed]
    said = quote_rows(QuoteContext(cues, actors), quoted, [texts[d] for d in quoted], spans, marks, wanted=over_around)
    statements = _statements_by_sentence(said, around)
    carried = _carried_speakers(asking, statements)
    outlet = (OUTLET_VOICE, OUTLET_VOICE)
    states = actors.state_actors
    rows = []
    for i in sorted(found_in):
        doc_id, sent_id, sent_start = doc_ids[i], sent_ids[i], sent_starts[i]
        for f in found_in[i]:
            start, end = sent_start + f["start"], sent_start + f["end"]
            stated = (_speaker_at(statements.get((doc_id, sent_id), []), sent_start + f["cue_at"])
                      or carried.get((doc_id, sent_id)) or outlet) if _needs_statement(f) else outlet
            speaker = f["speaker"] or stated
            actor, resolution = f["actor"], f["resolution"]
            if not actor:                                   # the speaker's own responsibility ("we must act")
                own = stated if resolution == "speaker" else speaker
                if not own[1] or own is outlet:
                    continue
                actor, resolution = own[1], "speaker"
            elif resolution == "article" and speaker[1] in states and speaker[1] != actor:
                actor, resolution = speaker[1], "speaker_state"     # "the government" in a state's statement
            rows.append([doc_id, sent_id, start, end, *speaker, actor, resolution, f["kind"],
                         f["polarity"], f["cue"], f["rule"], None, f.get("probability"), f.get("reasons", "")])
    table = pd.DataFrame(_merge(_most_probable(rows)), columns=[*COLUMNS, "probability", "reasons"])
    table["evidence"] = pd.Series([texts[d][s:e] for d, s, e in zip(table["doc_id"], table["start"], table["end"])],
                                  index=table.index, dtype=object)
    return table.astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def _needs_statement(found: dict) -> bool:
    """Whether an attribution needs the speaker of the statement it stands in:
    it has no speaker of its own, or its actor is a speaker pronoun ("called
    on us")."""
    return not found["speaker"] or found["resolution"] == "speaker"


def _documents_needing_quotes(unspoken: dict[int, list[int]], doc_ids: list, starts: list[int],
                              sentence_texts: list[str], texts: dict, cues: Cues) -> tuple[set, dict]:
    """The documents whose statements can give a speaker to an attribution
    without one of its own, and the :func:`quote_marks` found on the way (by
    doc_id). ``unspoken`` maps positions in the sentences table (``doc_ids``,
    ``starts``, ``sentence_texts``: its columns) to the cue positions (in the
    sentence) of such attributions; ``texts`` maps doc ids to their text.

    The speaker is that of a quote over the cue or of a reported statement of
    the sentence, which needs a speech cue in it; or it is carried from the
    statements over both sentences on either side (``_carried_speakers``),
    each with a speech cue or a quote that may run over it. Where none of
    these can be, the outlet speaks."""
    def same_doc(k: int, i: int) -> bool:
        return 0 <= k < len(doc_ids) and doc_ids[k] == doc_ids[i]

    near = sorted({k for i in unspoken for k in (i - 1, i, i + 1) if same_doc(k, i)})
    speech = {near[j] for j, *_ in cues.speech_lexicon.find_all([sentence_texts[k] for k in near])}
    marks: dict = {}

    def quote_over(k: int) -> bool:
        """Whether a quote may stand over sentence ``k``: :func:`quote_rows` sets a
        quote's sentences from the one of the character after its opening mark
        to the one of its closing mark (at most)."""
        return any((not same_doc(k + 1, k) or open_ + 1 < starts[k + 1])
                   and (not same_doc(k - 1, k) or starts[k] <= close) for open_, close in marks[doc_ids[k]])

    needed = set()
    for i, cue_starts in unspoken.items():
        doc_id = doc_ids[i]
        if doc_id in needed:
            continue
        if i in speech:
            needed.add(doc_id)
            continue
        if doc_id not in marks:
            marks[doc_id] = quote_marks(texts[doc_id])
        if (any(open_ < starts[i] + at < close for open_, close in marks[doc_id] for at in cue_starts)
                or all(same_doc(k, i) and (k in speech or quote_over(k)) for k in (i - 1, i + 1))):
            needed.add(doc_id)
    return needed, marks


@renamed(by_doc=("by", None, lambda by_doc: "doc_id" if by_doc else None))
def responsibility_matrix(attributions: pd.DataFrame, by: str | list[str] | None = None) -> pd.DataFrame:
    """Counts of attributions per speaker_actor x actor x kind x polarity.

    Parameters
    ----------
    attributions : DataFrame
        :func:`analysis.attributions` output (with any columns to group by).
    by : str or list of str, optional
        Count per value of these columns too, e.g. "doc_id" for each document
        (they come first). ``by_doc=True`` is its old spelling (``by="doc_id"``),
        accepted with a FutureWarning.

    Returns
    -------
    DataFrame
        Long format: (the ``by`` columns,) speaker_actor, actor, kind,
        polarity, n. A named speaker who is no actor (empty speaker_actor)
        counts as ``NO_ACTOR``.

    Examples
    --------
    >>> a = pd.DataFrame({"speaker_actor": ["libya", "libya", "(outlet)"], "actor": ["europe"] * 3,
    ...                   "kind": ["treatment"] * 3, "polarity": ["assign"] * 3})
    >>> responsibility_matrix(a).values.tolist()
    [['(outlet)', 'europe', 'treatment', 'assign', 1], ['libya', 'europe', 'treatment', 'assign', 2]]
    """
    if isinstance(by, bool):                     # the old by_doc, given by position
        warnings.warn("responsibility_matrix(attributions, True/False): the second argument is now by=; pass "
                      f"by={'doc_id' if by else None!r}. A bool there will stop working in the next release.",
                      FutureWarning, stacklevel=2)
        by = "doc_id" if by else None
    groups = [] if by is None else [by] if isinstance(by, str) else list(by)
    keys = groups + ["speaker_actor", "actor", "kind", "polarity"]
    require_columns(attributions, keys, "responsibility_matrix", hint="Pass the table made by analysis.attributions().")
    table = attributions[keys].copy()
    table["speaker_actor"] = table["speaker_actor"].fillna("").replace("", NO_ACTOR)
    counts = table.groupby(keys, sort=True).size().rename("n").reset_index()
    return counts.astype({"n": "int64"})



def _merge(rows: list[list]) -> list[list]:
    """One row for cues of one sentence that give the same speaker, actor, kind
    and polarity with overlapping evidence ("the EU should ... and assist"):
    the union of the spans, the cues and rules joined by "; ". ``rows`` (in
    the layout of ``COLUMNS``) come sentence by sentence, in the order of
    the sentences table, and keep it."""
    same = [COLUMNS.index(c) for c in ("speaker_actor", "actor", "kind", "polarity")]
    cue, rule = COLUMNS.index("cue"), COLUMNS.index("rule")
    merged: list[list] = []
    for _, sentence_rows in groupby(rows, key=lambda r: (r[0], r[1])):
        last = None
        for row in sorted(sentence_rows, key=lambda r: (r[2], r[3])):
            if last and [last[k] for k in same] == [row[k] for k in same] and row[2] < last[3]:
                last[3] = max(last[3], row[3])
                last[cue], last[rule] = f"{last[cue]}; {row[cue]}", f"{last[rule]}; {row[rule]}"
                continue
            last = list(row)
            merged.append(last)
    return merged


def _most_probable(rows: list[list]) -> list[list]:
    """Of learned rows (with a probability) of one sentence that give one
    actor the same kind and polarity (its mention and a speaker's "we"), the
    most probable; rule rows are kept as they are. The order is kept."""
    probability = len(COLUMNS)
    key = [COLUMNS.index(c) for c in ("doc_id", "sent_id", "actor", "kind", "polarity")]
    best: dict = {}
    for n, row in enumerate(rows):
        if row[probability] is not None:
            k = tuple(row[j] for j in key)
            if k not in best or row[probability] > rows[best[k]][probability]:
                best[k] = n
    kept = set(best.values())
    return [row for n, row in enumerate(rows) if row[probability] is None or n in kept]


def _carried_speakers(asking: list[tuple], statements: dict) -> dict:
    """Speakers of the sentences ``asking`` (doc_id, sent_id) without a
    statement of their own that stand between two sentences with statements
    of the same actor: a paraphrase that goes on ("The ministry said ...
    Another point was that ... It further noted ..."). ``statements`` is
    ``_statements_by_sentence`` (over these sentences and their
    neighbours); the speaker carried is ``(phrase, actor)`` of the statement before."""
    carried = {}
    for doc_id, sent_id in asking:
        before, after = statements.get((doc_id, sent_id - 1)), statements.get((doc_id, sent_id + 1))
        if (doc_id, sent_id) not in statements and before and after and before[0][4] and before[0][4] == after[0][4]:
            carried[(doc_id, sent_id)] = before[0][3:5]
    return carried


def _statements_by_sentence(said: list[dict], keys: set) -> dict:
    """``{(doc_id, sent_id): [(start, end, kind, speaker, speaker_actor, cue), ...]}``
    for the sentences of ``keys``: the quotes and statements with a speaker
    over each, in the order of ``said`` (rows of :func:`analysis.quotes`)."""
    statements: dict = {}
    for row in said:
        if not row["speaker"]:
            continue
        statement = (row["start"], row["end"], row["kind"], row["speaker"], row["speaker_actor"], row["cue"])
        for sent_id in range(row["first_sent_id"], row["last_sent_id"] + 1):
            if (row["doc_id"], sent_id) in keys:
                statements.setdefault((row["doc_id"], sent_id), []).append(statement)
    return statements


def _speaker_at(statements: list[tuple], position: int) -> tuple[str, str] | None:
    """``(speaker, speaker_actor)`` of the quote or statement (``(start, end,
    kind, speaker, speaker_actor, cue)``) that covers ``position``, else of the
    statement of the sentence, unless it is said in a participle clause, which
    covers its own words only ("Italy must act, with Germany claiming ..."),
    else of a quote of the sentence (the position is in its attribution);
    None when there is none."""
    covering = [s for s in statements if s[0] <= position < s[1]]
    chosen = (covering or [s for s in statements if s[2] == "reported" and not s[5].lower().endswith("ing")]
              or [s for s in statements if s[2] == "direct"])
    return (chosen[0][3], chosen[0][4]) if chosen else None
