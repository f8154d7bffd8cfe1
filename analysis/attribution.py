"""Responsibility attributions: who holds whom responsible, for causing the
problem (``causal``) or for solving it (``treatment``), assigned or denied.

Causal and treatment responsibility follow Iyengar (1991) and the responsibility
items of Semetko & Valkenburg (2000). The rules are data (``responsibility`` and
``counterfactual`` in ``analysis/data/cues.yaml``); each rule names cue words and
where the actor stands relative to the cue, within its clause:

* ``subject``: the last actor mention before the cue, after any speech cue
  ("Libya bears no responsibility", "the EU should assist"; in "the UN said the
  talks must end" the UN is not the subject of "must"); in a relative clause
  without one, the actor right before "who", "which" or "that" ("the
  traffickers, who abused migrants");
* ``object``: the first actor mention after it ("accused the army of",
  "outside the capacity of the government", "due to smugglers");
* ``objects``: every actor mention after it ("requires support from the UN and
  the international community").

Actors coordinated with the one found ("the UN and the EU") are taken too. A
negator among the three words before a ``negatable`` cue, in its clause, flips
the polarity ("bears no responsibility" denies). "If X had not ..., Y would not
..." assigns causal responsibility to X, and to Y when Y's clause names a
wrongdoing ("such a crime").

The speaker is the actor who makes the claim: the subject of an accusation or
denial ("The government accused ..."); otherwise the speaker of the quote or
reported statement the cue stands in (:func:`analysis.quotes`), or of the
statement of its sentence, or, for a sentence with no statement standing
between two sentences with statements of one speaker, that speaker (a
paraphrase going on); empty when the outlet speaks in its own voice. A
capitalised cue right after a capitalised word is part of a name and no cue
("Technical Cooperation with the State of Libya").

>>> import pandas as pd
>>> doc = pd.DataFrame({"doc_id": ["d"], "text": ["Italy accused smugglers of the deaths."]})
>>> attributions(doc)[["speaker", "actor", "kind", "polarity", "cue"]].values.tolist()
[['europe', 'smugglers_traffickers', 'causal', 'assign', 'accused']]
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby

import pandas as pd

from .actors import ActorsError, Mention, actor_mentions, find_actors, find_actors_each, load_actors
from .matching import Lexicon, is_negated
from .plots import PALETTE, new_figure
from .quotes import CUES_FILE, CuesError, load_cues, quotes, speech_lexicon
from .segment import sentences_for

#: The public names of actors, quotes and attribution, exported together by ``analysis``.
__all__ = ["ActorsError", "CuesError", "actor_mentions", "attributions", "attributions_agreement", "find_actors",
           "load_actors", "load_cues", "plot_responsibility", "plot_responsibility_by_doc", "quotes",
           "responsibility_matrix"]

COLUMNS = ["doc_id", "sent_id", "start", "end", "speaker", "actor", "kind", "polarity", "cue", "rule", "evidence"]
OUTLET = "outlet"

_CLAUSE_BEFORE = re.compile(r"[,;:“”\"()]|\b(?:that|which|who|whom|but|while|whereas|because|if)\b", re.IGNORECASE)
_CLAUSE_AFTER = re.compile(r"[,;:.!?“”\"()]|\b(?:which|who|whom|so that|but|while|whereas|because|if)\b",
                           re.IGNORECASE)
_NAME_WORDS = re.compile(r"[\w'’-]+")
_COORDINATION = re.compile(r"^(?:\s*(?:,|and|or|as well as|the|its|their|with|in|to|from|general|particular)\s*)*$",
                           re.IGNORECASE)


def attributions(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per responsibility attribution: doc_id, sent_id, start, end
    (evidence span, offsets into the document's text), speaker (actor id, or
    empty for the outlet's own voice), actor, kind (causal | treatment),
    polarity (assign | deny), cue (the words that carry it), rule (its id in
    ``cues.yaml``), evidence (the text of the span).

    ``sentences`` is the corpus's table from :func:`analysis.sentences`, if
    already made (it is made otherwise).

    >>> import pandas as pd
    >>> doc = pd.DataFrame({"doc_id": ["d"], "text": ["Libya bears no full responsibility for it."]})
    >>> attributions(doc)[["actor", "kind", "polarity"]].values.tolist()
    [['libya', 'causal', 'deny']]
    """
    missing = [c for c in ("doc_id", "text") if c not in corpus.columns]
    if missing:
        raise ValueError(f"attributions() needs columns doc_id and text; missing {missing}. "
                         "Pass the table made by analysis.load_corpus().")
    sents = sentences_for(corpus, sentences, "attributions")
    texts = dict(zip(corpus["doc_id"].tolist(), corpus["text"].tolist()))
    doc_ids, sent_ids, sent_starts = sents["doc_id"].tolist(), sents["sent_id"].tolist(), sents["start"].tolist()
    texts_of_sents = sents["text"].tolist()
    hits_of: dict[int, list[tuple[int, int, str, str]]] = {}   # only sentences with hits: most have none
    for i, *hit in _cue_lexicon().find_all(texts_of_sents):
        hits_of.setdefault(i, []).append(tuple(hit))
    cues = {i: _cue_hits(texts_of_sents[i], hits) for i, hits in hits_of.items()}
    cued = [i for i, text in enumerate(texts_of_sents)         # a counterfactual needs a comma or semicolon
            if cues.get(i) or ("," in text or ";" in text) and _counterfactual_pattern().search(text)]
    cued_cues = [cues.get(i, []) for i in cued]
    mentions = find_actors_each([texts_of_sents[i] for i in cued])
    speech_ends = _speech_before_cues([texts_of_sents[i] for i in cued], cued_cues)
    found_in = [_sentence_attributions(texts_of_sents[i], sent_cues, sent_mentions, sent_speech_ends)
                for i, sent_cues, sent_mentions, sent_speech_ends in zip(cued, cued_cues, mentions, speech_ends)]
    # Quotes are costly and only needed where a speaker is not in the clause:
    # find them in those documents alone (each document's quotes are its own).
    unspoken = {doc_ids[i] for i, founds in zip(cued, found_in) if any(not f["speaker"] for f in founds)}
    quoted, quoted_sents = corpus[corpus["doc_id"].isin(unspoken)], sents[sents["doc_id"].isin(unspoken)]
    statements = _statements_by_sentence(quotes(quoted, sentences=quoted_sents)) if unspoken else {}
    carried = _carried_speakers(quoted_sents, statements)
    rows = []
    for i, founds in zip(cued, found_in):
        doc_id, sent_id, sent_start = doc_ids[i], sent_ids[i], sent_starts[i]
        for found in founds:
            start, end = sent_start + found["start"], sent_start + found["end"]
            speaker = (found["speaker"] or _speaker_at(statements.get((doc_id, sent_id), []),
                                                       sent_start + found["cue_at"])
                       or carried.get((doc_id, sent_id), ""))
            if not found["actor"]:                          # the speaker's own responsibility
                if not speaker:
                    continue
                found["actor"] = speaker
            rows.append([doc_id, sent_id, start, end, speaker, found["actor"], found["kind"],
                         found["polarity"], found["cue"], found["rule"], None])
    table = pd.DataFrame(_merge(rows), columns=COLUMNS)
    table["evidence"] = pd.Series([texts[d][s:e] for d, s, e in zip(table["doc_id"], table["start"], table["end"])],
                                  index=table.index, dtype=object)
    return table.astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def responsibility_matrix(attributions: pd.DataFrame, by_doc: bool = False) -> pd.DataFrame:
    """Counts of attributions per speaker x actor x kind x polarity (and doc_id
    first when ``by_doc``), long format with a column ``n``; the outlet's own
    voice (empty speaker) is the speaker "outlet".

    >>> a = pd.DataFrame({"speaker": ["libya", "libya", ""], "actor": ["europe"] * 3,
    ...                   "kind": ["treatment"] * 3, "polarity": ["assign"] * 3})
    >>> responsibility_matrix(a).values.tolist()
    [['libya', 'europe', 'treatment', 'assign', 2], ['outlet', 'europe', 'treatment', 'assign', 1]]
    """
    keys = (["doc_id"] if by_doc else []) + ["speaker", "actor", "kind", "polarity"]
    missing = [c for c in keys if c not in attributions.columns]
    if missing:
        raise ValueError(f"responsibility_matrix() needs columns {keys}; missing {missing}. "
                         "Pass the table made by analysis.attributions().")
    table = attributions[keys].copy()
    table["speaker"] = table["speaker"].fillna("").replace("", OUTLET)
    counts = table.groupby(keys, sort=True).size().rename("n").reset_index()
    return counts.astype({"n": "int64"})


def plot_responsibility(matrix: pd.DataFrame, title: str | None = None):
    """Who attributes what to whom: one panel per kind x polarity, a heat map of
    speakers (rows) by actors held responsible (columns), with the counts
    written in the cells. Takes :func:`responsibility_matrix`; returns
    ``(fig, axes)``.

    >>> a = pd.DataFrame({"speaker": ["libya"], "actor": ["europe"], "kind": ["treatment"], "polarity": ["assign"]})
    >>> fig, axes = plot_responsibility(responsibility_matrix(a))
    >>> [ax.get_title() for ax in axes]
    ['causal, assign', 'causal, deny', 'treatment, assign', 'treatment, deny']
    """
    missing = [c for c in ("speaker", "actor", "kind", "polarity", "n") if c not in matrix.columns]
    if missing:
        raise ValueError(f"plot_responsibility() needs the table made by responsibility_matrix(); missing {missing}.")
    total = matrix.groupby(["speaker", "actor", "kind", "polarity"], as_index=False)["n"].sum()
    speakers = _in_file_order(total["speaker"].unique())
    actors = _in_file_order(total["actor"].unique())
    fig, axes = new_figure("page", 0.9 + 0.32 * max(len(speakers), 2), ncols=4)
    vmax = max(int(total["n"].max()), 1) if len(total) else 1
    for ax, (kind, polarity) in zip(axes, [(k, p) for k in ("causal", "treatment") for p in ("assign", "deny")]):
        cells = total[(total["kind"] == kind) & (total["polarity"] == polarity)]
        grid = cells.pivot_table(index="speaker", columns="actor", values="n", aggfunc="sum", fill_value=0)
        grid = grid.reindex(index=speakers, columns=actors, fill_value=0)
        ax.imshow(grid.to_numpy(), cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
        for i, j in zip(*grid.to_numpy().nonzero()):
            value = int(grid.iat[i, j])
            ax.text(j, i, str(value), ha="center", va="center", fontsize=7,
                    color="white" if value > vmax / 2 else "black")
        ax.set_title(f"{kind}, {polarity}")
        ax.set_xticks(range(len(actors)), [a.replace("_", " ") for a in actors], rotation=60, ha="right")
        ax.set_yticks(range(len(speakers)), [s.replace("_", " ") for s in speakers] if ax is axes[0] else [])
        ax.spines[["left", "bottom"]].set_visible(False)
    axes[0].set_ylabel("speaker")
    fig.supxlabel("actor held responsible", fontsize=8)
    if title:
        fig.suptitle(title, fontsize=9)
    return fig, axes


def plot_responsibility_by_doc(attributions: pd.DataFrame):
    """Per article: attributions by actor, assigned to the right of zero and
    denied to the left, one panel per kind. Returns ``(fig, axes)``.

    >>> a = pd.DataFrame({"doc_id": ["d1", "d1"], "speaker": ["", "libya"], "actor": ["libya", "europe"],
    ...                   "kind": ["causal", "causal"], "polarity": ["deny", "assign"]})
    >>> fig, axes = plot_responsibility_by_doc(a)
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['libya', 'europe']
    """
    counts = responsibility_matrix(attributions, by_doc=True)
    docs = sorted(counts["doc_id"].unique())
    actors = _in_file_order(counts["actor"].unique())
    colours = dict(zip(actors, PALETTE))
    fig, axes = new_figure("page", 0.9 + 0.3 * max(len(docs), 2), ncols=2)
    for ax, kind in zip(axes, ("causal", "treatment")):
        for sign, polarity in ((1, "assign"), (-1, "deny")):
            left = pd.Series(0, index=docs)
            for actor in actors:
                sel = counts[(counts["kind"] == kind) & (counts["polarity"] == polarity) & (counts["actor"] == actor)]
                width = sel.groupby("doc_id")["n"].sum().reindex(docs, fill_value=0) * sign
                ax.barh(docs, width, left=left, color=colours[actor], label=actor if sign == 1 else None,
                        edgecolor="white", linewidth=0.5)
                left = left + width
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_title(kind)
        ax.set_xlabel("denied  <  0  <  assigned")
        ax.invert_yaxis()
    axes[1].set_yticks(range(len(docs)), [])
    handles = {h.get_label(): h for ax in axes for h in ax.get_legend_handles_labels()[0]}
    fig.legend([handles[a] for a in actors if a in handles], [a.replace("_", " ") for a in actors if a in handles],
               fontsize=6, loc="outside right upper", frameon=False, title="actor", title_fontsize=7)
    return fig, axes


def _in_file_order(ids) -> list[str]:
    """Actor ids in the order of actors.yaml, others (the outlet) after them."""
    order = {actor: i for i, actor in enumerate(load_actors())}
    return sorted(ids, key=lambda a: (order.get(a, len(order)), a))


# --------------------------------------------------------------------------- one sentence


def _sentence_attributions(text: str, hits: list[tuple[int, int, str, str]], mentions: list[Mention],
                            said: dict[int, list[int]]) -> list[dict]:
    """Attributions in one sentence, offsets into it, from its cue hits
    (:func:`_cue_hits`), actor mentions (:func:`analysis.find_actors`) and
    speech cues before each cue hit (:func:`_speech_before_cues`)."""
    found = []
    for start, end, rule_id, _ in hits:
        rule = _rules()[rule_id]
        before = text[:start].split()
        if before and before[-1].lower() in {w.lower() for w in rule.get("not_after", [])}:
            continue
        after = " ".join(text[end:].split()[:3]).lower()
        if any(after == w.lower() or after.startswith(w.lower() + " ") for w in rule.get("not_before", [])):
            continue
        polarity = rule["polarity"]
        if rule.get("negatable") and is_negated(text, start, window=3):
            polarity = {"assign": "deny", "deny": "assign"}[polarity]
        actors = ([Mention(start, end, "", "")] if rule["actor"] == "speaker"
                  else _slot(text, mentions, start, end, rule["actor"], said[start]))
        speaker = ""
        if rule.get("speaker") == "subject" and rule["actor"] != "subject":
            speaker = next((m.actor for m in _slot(text, mentions, start, end, "subject", said[start])[-1:]), "")
        elif rule.get("speaker") == "subject":
            speaker = actors[-1].actor if actors else ""
        for m in actors:
            found.append({"start": min(start, m.start), "end": max(end, m.end), "actor": m.actor,
                          "kind": rule["kind"], "polarity": polarity, "cue": text[start:end],
                          "rule": rule_id, "speaker": speaker, "cue_at": start})
    found += _counterfactuals(text, mentions)
    return sorted(found, key=lambda f: (f["start"], f["end"], f["actor"]))


def _speech_before_cues(texts: list[str], hits: list[list[tuple[int, int, str, str]]]) -> list[dict[int, list[int]]]:
    """For each sentence of ``texts`` and its cue ``hits``: ``{cue start: ends
    of the speech cues in the text before it}``, in one scan of the speech lexicon.

    >>> texts = ["The UN said Libya bears no responsibility.", "Italy said it told Libya to act, and blamed smugglers."]
    >>> _speech_before_cues(texts, [[(27, 41, "blame", "responsib*")], [(37, 43, "accusation", "blamed")]])
    [{27: [11]}, {37: [10, 18]}]
    """
    cue_starts = [(k, start) for k, sentence_hits in enumerate(hits) for start, _, _, _ in sentence_hits]
    speech = speech_lexicon().find_each([texts[k][:start] for k, start in cue_starts])
    said: list[dict[int, list[int]]] = [{} for _ in texts]
    for (k, start), before in zip(cue_starts, speech):
        said[k][start] = [end for _, end, _, _ in before]
    return said


def _cue_hits(text: str, lexicon_hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Cue hits, longest first at each position, without overlaps."""
    order = _rule_order()
    hits = sorted(lexicon_hits, key=lambda h: (h[0], -(h[1] - h[0]), order[h[2]]))
    hits = [h for h in hits if not _in_name(text, h[0])]
    kept: list[tuple[int, int, str, str]] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


def _in_name(text: str, start: int) -> bool:
    """A capitalised cue after a capitalised word is part of a name
    ("Framework for International Technical Cooperation with ...")."""
    if not text[start].isupper():
        return False
    before = _NAME_WORDS.findall(text[:start])
    return bool(before) and before[-1][0].isupper() and text[:start].strip()[-1:].isalnum()


def _slot(text: str, mentions: list[Mention], start: int, end: int, slot: str, said: list[int]) -> list[Mention]:
    """Actor mentions in a rule's slot, with the actors coordinated to them;
    ``said`` are the ends of the speech cues before the cue (the subject comes after them)."""
    if slot == "subject":
        breaks = list(_CLAUSE_BEFORE.finditer(text, 0, start))
        lo = max([breaks[-1].end() if breaks else 0, *said])
        inside = [m for m in mentions if lo <= m.start and m.end <= start]
        if not inside and breaks and breaks[-1].group().lower() in ("who", "which", "that"):
            head = text[:breaks[-1].start()].rstrip(" ,")    # "the traffickers, who abused ...": the antecedent
            inside = [m for m in mentions if m.end == len(head)]
        if not inside:
            return []
        chosen = [inside[-1]]
        for m in reversed(inside[:-1]):
            if not _COORDINATION.match(text[m.end:chosen[0].start]):
                break
            chosen.insert(0, m)
        return _unique(chosen)
    stop = _CLAUSE_AFTER.search(text, end)
    hi = stop.start() if stop else len(text)
    inside = [m for m in mentions if m.start >= end and m.end <= hi]
    if slot == "objects" or not inside:
        return _unique(inside)
    chosen = [inside[0]]
    for m in inside[1:]:
        if not _COORDINATION.match(text[chosen[-1].end:m.start]):
            break
        chosen.append(m)
    return _unique(chosen)


def _unique(mentions: list[Mention]) -> list[Mention]:
    """One mention per actor (the first)."""
    seen, kept = set(), []
    for m in mentions:
        if m.actor not in seen:
            seen.add(m.actor)
            kept.append(m)
    return kept


def _counterfactuals(text: str, mentions: list[Mention]) -> list[dict]:
    """"If X had not ..., Y would not ...": X causal assign; Y too if its clause names a wrongdoing."""
    found = []
    for match in _counterfactual_pattern().finditer(text):
        cue = f"{match.group('if')} … {match.group('neg')} … {match.group('would')}"
        ante = [m for m in mentions if match.start("ante") <= m.start and m.end <= match.end("ante")]
        cons = [m for m in mentions if match.start("cons") <= m.start and m.end <= match.start("would")]
        wrong = _wrongdoing().search(text, match.end("would"), match.end())
        for part, group in ((ante[:1], "ante"), (cons[:1] if wrong else [], "cons")):
            for m in part:
                lo, hi = (match.start(), match.end("ante")) if group == "ante" else (match.start("cons"), match.end())
                found.append({"start": lo, "end": hi, "actor": m.actor, "kind": "causal", "polarity": "assign",
                              "cue": cue, "rule": "counterfactual", "speaker": "", "cue_at": match.start()})
    return found


def _merge(rows: list[list]) -> list[list]:
    """One row for cues of one sentence that give the same speaker, actor, kind
    and polarity with overlapping evidence ("the EU should ... and assist"):
    the union of the spans, the cues and rules joined by "; ". ``rows`` come
    sentence by sentence, in the order of the sentences table, and keep it."""
    merged: list[list] = []
    for _, sentence_rows in groupby(rows, key=lambda r: (r[0], r[1])):
        last = None
        for row in sorted(sentence_rows, key=lambda r: (r[2], r[3])):
            if last and last[4:8] == row[4:8] and row[2] < last[3]:
                last[3] = max(last[3], row[3])
                last[8], last[9] = f"{last[8]}; {row[8]}", f"{last[9]}; {row[9]}"
                continue
            last = list(row)
            merged.append(last)
    return merged


def _carried_speakers(sents: pd.DataFrame, statements: dict) -> dict:
    """Speakers of sentences without a statement of their own that stand
    between two sentences with statements of the same speaker: a paraphrase
    that goes on ("The ministry said ... Another point was that ... It further
    noted ..."). ``statements`` is :func:`_statements_by_sentence`."""
    spoken = {key: found[0][3] for key, found in statements.items()}
    carried = {}
    for doc_id, sent_id in zip(sents["doc_id"].tolist(), sents["sent_id"].tolist()):
        before, after = spoken.get((doc_id, sent_id - 1)), spoken.get((doc_id, sent_id + 1))
        if (doc_id, sent_id) not in spoken and before and before == after:
            carried[(doc_id, sent_id)] = before
    return carried


def _statements_by_sentence(said: pd.DataFrame) -> dict:
    """``{(doc_id, sent_id): [(start, end, kind, speaker_actor), ...]}``: the
    quotes and statements over each sentence, in the order of ``said``."""
    statements: dict = {}
    columns = ("doc_id", "first_sent_id", "last_sent_id", "start", "end", "kind", "speaker_actor")
    for row in zip(*(said[c].tolist() for c in columns)):
        doc_id, first, last, statement = row[0], row[1], row[2], row[3:]
        for sent_id in range(first, last + 1):
            statements.setdefault((doc_id, sent_id), []).append(statement)
    return statements


def _speaker_at(statements: list[tuple], position: int) -> str:
    """Actor of the quote or statement (``(start, end, kind, speaker_actor)``)
    that covers ``position``, else of the statement of the sentence; empty (the
    outlet) when there is none."""
    covering = [s for s in statements if s[0] <= position < s[1]]
    chosen = covering or [s for s in statements if s[2] == "reported"]
    return str(chosen[0][3]) if chosen else ""


@lru_cache(maxsize=1)
def _rules() -> dict[str, dict]:
    return {rule["id"]: rule for rule in load_cues(CUES_FILE)["responsibility"]}


@lru_cache(maxsize=1)
def _rule_order() -> dict[str, int]:
    return {rule_id: i for i, rule_id in enumerate(_rules())}


@lru_cache(maxsize=1)
def _cue_lexicon() -> Lexicon:
    return Lexicon.from_entries({rule_id: rule["cues"] for rule_id, rule in _rules().items()})


@lru_cache(maxsize=1)
def _counterfactual_pattern() -> re.Pattern:
    words = load_cues(CUES_FILE)["counterfactual"]

    def alternatives(key: str) -> str:
        return "|".join(r"\w+n't" if w == "n't" else re.escape(w).replace(r"\ ", r"\s+") for w in words[key])
    return re.compile(rf"\b(?P<if>{alternatives('condition')})\b(?P<ante>[^,;.]*?\b(?P<neg>{alternatives('negation')})"
                      rf"\b[^,;.]*)[,;]\s*(?P<cons>[^.;]*?)\b(?P<would>{alternatives('consequence')})(?!\w)[^.;]*",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _wrongdoing() -> re.Pattern:
    words = load_cues(CUES_FILE)["counterfactual"]["wrongdoing"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\*", r"\w*") for w in words) + r")\b",
                      re.IGNORECASE)


def attributions_agreement(attributions: pd.DataFrame, coding: pd.DataFrame) -> pd.DataFrame:
    """Machine against hand coding, per sentence: precision, recall and F1 of
    the set of (actor, kind, polarity) triples, and the share of matched
    triples whose speaker agrees. ``coding`` has doc_id, sent_id, speaker,
    actor, kind, polarity (rows with an empty actor are sentences without an
    attribution), as ``tests/coding/attribution_seed_coding.csv``.

    >>> m = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "speaker": ["libya"], "actor": ["libya"],
    ...                   "kind": ["causal"], "polarity": ["deny"]})
    >>> c = pd.concat([m, m.assign(actor="migrants", polarity="assign")])
    >>> attributions_agreement(m, c).loc[0, ["precision", "recall", "speaker_accuracy"]].tolist()
    [1.0, 0.5, 1.0]
    """
    keys = ["doc_id", "sent_id", "speaker", "actor", "kind", "polarity"]
    for name, table in (("attributions", attributions), ("coding", coding)):
        missing = [c for c in keys if c not in table.columns]
        if missing:
            raise ValueError(f"attributions_agreement(): {name} lacks columns {missing}; it needs {keys}.")

    def triples(table: pd.DataFrame) -> dict:
        rows = table[keys].fillna("").astype({"sent_id": "int64"})
        rows = rows[rows["actor"].astype(str) != ""]
        found: dict = {}
        for r in rows.itertuples(index=False):
            found.setdefault((r.doc_id, r.sent_id, r.actor, r.kind, r.polarity), set()).add(r.speaker)
        return found
    machine, coder = triples(attributions), triples(coding)
    tp = set(machine) & set(coder)
    precision = len(tp) / len(machine) if machine else float("nan")
    recall = len(tp) / len(coder) if coder else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else float("nan")
    speakers = sum(bool(machine[k] & coder[k]) for k in tp) / len(tp) if tp else float("nan")
    return pd.DataFrame([{"machine": len(machine), "coder": len(coder), "tp": len(tp), "fp": len(machine) - len(tp),
                          "fn": len(coder) - len(tp), "precision": precision, "recall": recall, "f1": f1,
                          "speaker_accuracy": speakers}])
