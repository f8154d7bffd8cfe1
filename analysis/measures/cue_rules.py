"""The responsibility rules of the cues, applied sentence by sentence: the
engine of :func:`analysis.attributions` (``method="rules"``) and the
candidates and features of its learned method
(:class:`analysis.AttributionModel`).

``rule_pass`` finds, in each sentence of a corpus, the cue hits of the
responsibility rules, the actor mentions (generic references resolved in
their document, speakers' "we" and "us" among them) and the attributions the
rules make of them. The rules are data (``responsibility`` and
``counterfactual`` of the cues, :class:`analysis.Cues`); each rule names cue
words and where the actor stands relative to the cue, within its clause:

* ``subject``: the last actor mention before the cue, after any speech cue
  ("Libya bears no responsibility", "the EU should assist"; in "the UN said the
  talks must end" the UN is not the subject of "must"); in a relative clause
  without one, the actor right before "who", "which" or "that" ("the
  traffickers, who abused migrants");
* ``object``: the first actor mention after it ("accused the army of",
  "outside the capacity of the government", "due to smugglers");
* ``objects``: every actor mention after it ("requires support from the UN and
  the international community");
* ``speaker``: the speaker of the statement itself.

Actors coordinated with the one found ("the UN and the EU") are taken too. A
negator among the three words before a ``negatable`` cue, in its clause, flips
the polarity ("bears no responsibility" denies). What a rule may ask of its
cue (keys of the rule in the cues file):

* ``adjacent``: the subject stands right before the cue, with only
  auxiliaries, adverbs and words of its own noun phrase between, as a modal's
  subject does ("EU leaders will have to act"; not "X was suggesting the
  criminally insane should ...");
* ``not_passive``: no cue before a passive ("smugglers should be punished"
  says nothing of who must act);
* ``passive_subject``: after a passive auxiliary the subject is held
  responsible and the agent after "by" speaks ("Labour has been accused of
  ...", "Italy was accused by the UN of ...");
* ``needs_object``: the rest of the clause names what the rule needs (a
  denial denies charges, involvement or a wrongdoing: "denied abusing
  migrants", "strongly denied it"; not "denied it amounted to a crisis",
  "sought to deny entry").

A cue of an object rule that ends in "to" is no cue after a form of "be" and
before a verb: that "to" opens an infinitive ("is due to outline plans", not
"was due to smugglers"). "If X had not ..., Y would not ..." assigns causal
responsibility to X, and to Y when Y's clause names a wrongdoing ("such a
crime"). A capitalised cue right after a capitalised word is part of a name
and no cue ("Technical Cooperation with the State of Libya").

>>> import analysis
>>> corpus = analysis.load_corpus(pd.DataFrame({"doc_id": ["d"], "text": ["Italy accused smugglers of the deaths."]}))
>>> found = rule_pass(corpus, analysis.sentences(corpus), actors=Actors.load(), cues=Cues.load())
>>> [(f["actor"], f["kind"], f["polarity"], f["cue"]) for f in found.founds[0]]
[('smugglers_traffickers', 'causal', 'assign', 'accused')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

import pandas as pd

from ..matching import is_negated
from ..resources.actors import GENERIC, Actors
from ..resources.cues import Cues
from .actors import Mention, resolutions, resolve_mentions, unit_mentions

_CLAUSE_WORDS = ("that", "which", "who", "whom", "but", "while", "whereas", "because", "if")
# A clause break (a mark, or one of the words as a whole word), written backwards: the last
# break before a cue is the first of the text before it reversed, found without scanning it all.
_CLAUSE_BEFORE_BACKWARDS = re.compile(r"[,;:“”\"()]|\b(?:" + "|".join(w[::-1] for w in _CLAUSE_WORDS) + r")\b",
                                      re.IGNORECASE)
# A period ends a clause unless it closes an initial or an abbreviation in capitals ("the U.S. to").
_CLAUSE_AFTER = re.compile(r"[,;:!?“”\"()]|(?<!\b[A-Z])\.|\b(?:which|who|whom|so that|but|while|whereas|because|if)\b",
                           re.IGNORECASE)
_BE = r"(?:is|are|was|were|be|been|being|am|['’]s|['’]re)"
_ADVERB = r"(?:\w+ly|not|also|still|never|always|now|already|too|then|thus|therefore|even|just|only|once|again)"
# A passive auxiliary ends the text before a cue ("has been (widely) accused", "got blamed").
_PASSIVE_BEFORE = re.compile(rf"(?:\b{_BE}|\bget|\bgets|\bgot|\bgetting)\s+(?:{_ADVERB}\s+)*$", re.IGNORECASE)
_BE_BEFORE = re.compile(rf"\b{_BE}\s+(?:{_ADVERB}\s+)*$", re.IGNORECASE)
# A participle: a word in -ed, -en or -wn, or an irregular one; not a word that only looks like one.
_PARTICIPLE = (r"(?!(?:even|often|open|seven|eleven|citizen|children|garden|happen|listen|need|indeed|hundred|speed"
               r"|seed|feed|breed|greed|ready|red|bed|shed|wed)\b)(?:\w+(?:ed|en|wn)|done|held|made|sent|kept|left|built"
               r"|paid|told|brought|bought|caught|taught|found|put|set|cut|hit|let|shut|spent|lost|won|hung|struck|led"
               r"|fed|met|sold|sought|thought|fought|dealt|meant|felt|heard|bound|stuck|hurt|shot|swept)")
# A passive right after a cue ("should (not) be killed"), not an adjective before "to" ("be prepared to").
_PASSIVE_AFTER = re.compile(rf"\s+(?:{_ADVERB}\s+)*(?:be|been|get)\s+(?:{_ADVERB}\s+)*{_PARTICIPLE}\b(?!\s+to\b)",
                            re.IGNORECASE)
_BY_AGENT = re.compile(r"\bby\s+", re.IGNORECASE)
_COORDINATOR = re.compile(r"\b(?:and|or|but)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
# Words that may stand between a modal and its subject ("EU leaders will not have to").
_AUXILIARIES = frozenset("will would shall should can could may might must has have had is are was were be been being "
                         "do does did not never n't also still now always already too then thus therefore even just "
                         "only alone itself themselves himself herself in turn".split())
# Words that open a noun phrase or a clause, or join them: none of them continues a subject's noun phrase.
_FUNCTION_WORDS = frozenset("the a an this that these those its his her their our my your some any many most all each "
                            "every no he she it they we i you him them us me who which whom whose what where when why "
                            "how of in on at to from for with by about against over into than as since after before "
                            "while until because if though although whether and or but nor so yet".split())
_NOUN_PHRASE_OPENERS = frozenset("the a an this these those its his her their our my your some any many most all each "
                                 "every no".split())
_COORDINATION = re.compile(r"^(?:\s*(?:,|and|or|as well as|the|its|their|with|in|to|from|general|particular)\s*)*$",
                           re.IGNORECASE)


@dataclass
class RulePass:
    """What ``rule_pass`` finds in a corpus's sentences, by position ``i``
    in its sentences table (the lists ``doc_ids``, ``sent_ids``, ``starts``,
    ``texts`` are that table's columns; offsets below are into the sentence).

    Attributes
    ----------
    doc_ids, sent_ids, starts, ends, texts : list
        The sentences table's columns.
    documents : dict
        doc_id -> the document's text.
    cue_hits : dict
        i -> the responsibility cue hits of sentence i, (start, end, rule id,
        entry), longest first, without overlaps; only sentences with hits.
    mentions : dict
        i -> the actor mentions of sentence i (``Mention``,
        generic references resolved in the document; a speaker pronoun is a
        mention of actor "" with resolution "speaker"): every sentence with a
        cue (or every sentence, with ``every_sentence``) that has mentions.
    founds : dict
        i -> the rules' attributions in sentence i, dicts with start, end
        (the evidence span), actor, resolution, kind, polarity, cue, rule,
        speaker ((phrase, actor id) of a subject that speaks, else ""),
        cue_at (the cue's start) and mention_at (the start of the actor's
        mention; -1 where the rule's actor is the speaker); only sentences
        with some.
    """

    doc_ids: list
    sent_ids: list
    starts: list
    ends: list
    texts: list
    documents: dict
    cue_hits: dict = field(default_factory=dict)
    mentions: dict = field(default_factory=dict)
    founds: dict = field(default_factory=dict)
    speech: dict = field(default_factory=dict)
    speech_lexicon: object = None

    def speech_hits(self, positions: list[int]) -> list[list]:
        """The speech cue hits (start, end, label, entry) of the sentences at
        ``positions``, found once per sentence, in one scan of those not yet scanned."""
        new = sorted({i for i in positions if i not in self.speech})
        for i, hits in zip(new, self.speech_lexicon.find_each([self.texts[i] for i in new])):
            self.speech[i] = hits
        return [self.speech[i] for i in positions]


def rule_pass(corpus: pd.DataFrame, sentences: pd.DataFrame, *, actors: Actors, cues: Cues,
              every_sentence: bool = False) -> RulePass:
    """The cue hits, actor mentions and rule attributions of each sentence.

    Parameters
    ----------
    corpus : DataFrame
        doc_id and text of the documents.
    sentences : DataFrame
        Their sentences (:func:`analysis.sentences`), checked against ``corpus``.
    actors : Actors
    cues : Cues
    every_sentence : bool
        Find the mentions of every sentence (one scan of each document), not
        only of the sentences with a cue.

    Returns
    -------
    RulePass
    """
    texts_of_sents = sentences["text"].tolist()
    found = RulePass(sentences["doc_id"].tolist(), sentences["sent_id"].tolist(), sentences["start"].tolist(),
                     sentences["end"].tolist(), texts_of_sents, dict(zip(corpus["doc_id"].tolist(),
                                                                         corpus["text"].tolist())),
                     speech_lexicon=cues.speech_lexicon)
    for i, hits in groupby(cues.cue_lexicon.find_all(texts_of_sents), key=itemgetter(0)):
        kept = _cue_hits(cues, texts_of_sents[i], [hit[1:] for hit in hits])
        if kept:
            found.cue_hits[i] = kept
    counterfactual = cues.counterfactual_pattern
    cued = [i for i, text in enumerate(texts_of_sents)
            if i in found.cue_hits or cues.may_be_counterfactual(text) and counterfactual.search(text)]
    if every_sentence:
        mentions = _document_mentions(actors, found)
        found.mentions = {i: m for i, m in zip(mentions, _with_speaker_pronouns(
            cues, [texts_of_sents[i] for i in mentions], list(mentions.values()))) if m}
        cued_mentions = [found.mentions.get(i, ()) for i in cued]
    else:
        cued_mentions = _with_speaker_pronouns(cues, [texts_of_sents[i] for i in cued],
                                               _mentions(actors, cued, texts_of_sents, found.doc_ids, found.starts,
                                                         found.documents))
        found.mentions = {i: m for i, m in zip(cued, cued_mentions) if m}
    cued_cues = [found.cue_hits.get(i, ()) for i in cued]
    speech_ends = _speech_before_cues(cues, [texts_of_sents[i] for i in cued], cued_cues)
    for i, sent_cues, sent_mentions, sent_speech_ends in zip(cued, cued_cues, cued_mentions, speech_ends):
        founds = _sentence_attributions(cues, texts_of_sents[i], sent_cues, sent_mentions, sent_speech_ends)
        if founds:
            found.founds[i] = founds
    return found


def _document_mentions(actors: Actors, found: RulePass) -> dict[int, list[Mention]]:
    """The mentions of every sentence (by position), from one scan of each
    document, generic references resolved there; offsets into the sentence."""
    by_doc: dict = {}
    for i, doc_id in enumerate(found.doc_ids):
        by_doc.setdefault(doc_id, []).append(i)
    result: dict[int, list[Mention]] = {}
    docs = list(by_doc)
    for doc_id, doc_found in zip(docs, unit_mentions([found.documents[d] for d in docs], actors)):
        if not doc_found:
            continue
        resolved = resolve_mentions(doc_found, actors, found.documents[doc_id])
        j = 0
        for i in by_doc[doc_id]:
            base, end = found.starts[i], found.ends[i]
            while j < len(resolved) and resolved[j].start < base:
                j += 1
            inside = []
            while j < len(resolved) and resolved[j].end <= end:
                inside.append(resolved[j]._replace(start=resolved[j].start - base, end=resolved[j].end - base))
                j += 1
            if inside:
                result[i] = inside
    return result



def _mentions(actors: Actors, cued: list[int], sentence_texts: list[str], doc_ids: list, starts: list[int],
              documents: dict) -> list[Sequence[Mention]]:
    """Actor mentions of the cued sentences, generic references resolved in
    their document: a document with a generic reference in a cued sentence
    is read whole (the ``article`` rule weighs every state it names)."""
    result: list = []
    generic: dict = {}                      # document -> its cued sentences (places in result) to resolve there
    for i, mentions in zip(cued, unit_mentions([sentence_texts[i] for i in cued], actors)):
        if any(m.actor == GENERIC for m in mentions):
            generic.setdefault(doc_ids[i], []).append(len(result))
            result.append(None)
        else:                               # nothing to resolve: the sentence suffices (often it names no actor)
            result.append(resolve_mentions(mentions, actors) if mentions else ())
    for doc_id, doc_found in zip(generic, unit_mentions([documents[d] for d in generic], actors)):
        resolved, j = resolutions(doc_found, actors, documents[doc_id]), 0
        for k in generic[doc_id]:           # the mentions inside each sentence, in one walk (they do not overlap)
            base = starts[cued[k]]
            end = base + len(sentence_texts[cued[k]])
            while j < len(doc_found) and doc_found[j].start < base:
                j += 1
            result[k] = []
            while j < len(doc_found) and doc_found[j].end <= end:
                m, (actor, how) = doc_found[j], resolved[j]
                result[k].append(Mention(m.start - base, m.end - base, actor, m.alias, how))
                j += 1
    return result



def _with_speaker_pronouns(cues: Cues, texts: list[str], mentions: list[Sequence[Mention]]) -> list[Sequence[Mention]]:
    """The mentions of each text with its speaker pronouns ("we", "us" of the
    cues' ``speaker_pronouns``) among them, as mentions of no actor: a rule
    that finds one holds the speaker responsible."""
    pattern = cues.speaker_pronouns
    if pattern is None:
        return mentions
    result = []
    for text, found in zip(texts, mentions):
        pronouns = [Mention(m.start(), m.end(), "", m.group(), "speaker") for m in pattern.finditer(text)
                    if not any(a.start < m.end() and m.start() < a.end for a in found)]
        result.append(sorted([*found, *pronouns]) if pronouns else found)
    return result



# --------------------------------------------------------------------------- one sentence


def _sentence_attributions(cues: Cues, text: str, hits: tuple[tuple[int, int, str, str], ...],
                            mentions: Sequence[Mention], said: tuple[tuple[int, ...], ...]) -> list[dict]:
    """Attributions in one sentence, offsets into it, from its cue hits
    (``_cue_hits``), actor mentions (:func:`analysis.find_actors`) and the
    ends of the speech cues before each cue hit (``_speech_before_cues``). A
    speaker found in the sentence is ``(phrase, actor id)``; "" when it is not there."""
    found = []
    for (start, end, rule_id, _), said_before in zip(hits, said):
        rule = cues.rules[rule_id]
        not_after, not_before = cues.rule_filters[rule_id]
        if not_after:
            before = text[:start].split()
            if before and before[-1].lower() in not_after:
                continue
        if not_before:
            after = " ".join(text[end:].split()[:3]).lower()
            if any(after == w or after.startswith(w + " ") for w in not_before):
                continue
        if rule_id in cues.rule_objects and not _names_object(text, end, cues.rule_objects[rule_id]):
            continue
        if rule.get("not_passive") and _PASSIVE_AFTER.match(text, end):
            continue
        if rule["actor"] in ("object", "objects") and _opens_infinitive(text, start, end, mentions):
            continue
        polarity = rule["polarity"]
        if rule.get("negatable") and is_negated(text, start, window=3):
            polarity = {"assign": "deny", "deny": "assign"}[polarity]
        passive = rule.get("passive_subject") and _PASSIVE_BEFORE.search(text[max(0, start - 60):start])
        slot = "subject" if passive else rule["actor"]
        actors = ([Mention(start, end, "", "", "")] if slot == "speaker"
                  else _slot(text, mentions, start, end, slot, said_before))
        if rule.get("adjacent") and actors and not _adjacent(text[actors[-1].end:start]):
            actors = []
        speaker = ""
        if passive:                                         # "X was accused by Y of ...": Y speaks
            agent = _agent(text, mentions, end)
            speaker = (text[agent.start:agent.end], agent.actor) if agent else ""
        elif rule.get("speaker") == "subject":
            subject = (_slot(text, mentions, start, end, "subject", said_before) if rule["actor"] != "subject"
                       else actors)[-1:]
            speaker = (text[subject[0].start:subject[0].end], subject[0].actor) if subject else ""
        for m in actors:
            found.append({"start": min(start, m.start), "end": max(end, m.end), "actor": m.actor,
                          "resolution": m.resolution, "kind": rule["kind"], "polarity": polarity,
                          "cue": text[start:end], "rule": rule_id, "speaker": speaker, "cue_at": start,
                          "mention_at": -1 if slot == "speaker" else m.start})
    found += _counterfactuals(cues, text, mentions)
    return sorted(found, key=lambda f: (f["start"], f["end"], f["actor"]))



def _names_object(text: str, end: int, objects: re.Pattern) -> bool:
    """Whether the rest of the clause after a cue ending at ``end`` names what
    the rule needs (``objects``: ``rule_objects``), or holds nothing
    but pronouns, determiners and adverbs ("strongly denied it")."""
    stop = _CLAUSE_AFTER.search(text, end)
    rest = _COORDINATOR.split(text[end:stop.start() if stop else len(text)], 1)[0]   # "denied and in return accused"
    if objects.search(rest):
        return True
    return all(w.lower() in _FUNCTION_WORDS or w.lower() in _AUXILIARIES or w.lower().endswith("ly")
               for w in _WORD.findall(rest))



def _opens_infinitive(text: str, start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """Whether the cue at ``start:end`` ends in "to" that opens an infinitive:
    after a form of "be" and before a lower-case word that opens no noun
    phrase and no actor mention ("is due to outline plans", not "was due to
    smugglers", "was due to the war")."""
    if not text[start:end].lower().endswith(" to") or not _BE_BEFORE.search(text[max(0, start - 40):start]):
        return False
    word = _WORD.match(text, len(text[:end]) + len(text[end:]) - len(text[end:].lstrip()))
    if word is None or not word.group()[0].islower() or word.group().lower() in _NOUN_PHRASE_OPENERS:
        return False
    return not any(m.start == word.start() for m in mentions)



def _adjacent(gap: str) -> bool:
    """Whether ``gap``, the text between a subject mention and a cue, lets the
    mention be the cue's subject: auxiliaries, adverbs and negators, after
    words that go on with the mention's noun phrase ("EU leaders will", "the
    UN and its agencies must"), never a verb, a pronoun or a new noun phrase
    ("Italy was suggesting the criminally insane should")."""
    words = [w.lower() for w in _WORD.findall(gap.replace("’", "'"))]
    while words and (words[-1] in _AUXILIARIES or words[-1].endswith(("ly", "n't"))):
        words.pop()
    if words and words[0] in ("and", "or"):                 # a coordinated noun phrase: "and its partners"
        words = words[1:]
        if words and words[0] in _NOUN_PHRASE_OPENERS:
            words = words[1:]
    return all(w not in _FUNCTION_WORDS and w not in _AUXILIARIES and not w.endswith("ing") for w in words)



def _agent(text: str, mentions: Sequence[Mention], end: int) -> Mention | None:
    """The actor after "by" in the clause of a passive cue ending at ``end``
    ("was accused by the UN of ..."), or None."""
    stop = _CLAUSE_AFTER.search(text, end)
    hi = stop.start() if stop else len(text)
    for by in _BY_AGENT.finditer(text, end, hi):
        after = [m for m in mentions if by.end() <= m.start < hi]
        if after and not text[by.end():after[0].start].strip(" ") or after and \
                text[by.end():after[0].start].lower().strip() in _NOUN_PHRASE_OPENERS:
            return after[0]
    return None



def _speech_before_cues(cues: Cues, texts: list[str],
                        hits: list[tuple[tuple[int, int, str, str], ...]]) -> list[tuple[tuple[int, ...], ...]]:
    """For each sentence of ``texts`` and its cue ``hits``: for each hit, the
    ends of the speech cues in the text before it, in one scan of the speech lexicon.

    >>> texts = ["The UN said Libya bears no responsibility.", "Italy said it told Libya to act, and blamed smugglers."]
    >>> _speech_before_cues(Cues.load(), texts, [[(27, 41, "blame", "responsib*")], [(37, 43, "accusation", "blamed")]])
    [((11,),), ((10, 18),)]
    """
    before = [texts[k][:start] for k, sentence_hits in enumerate(hits) for start, _, _, _ in sentence_hits]
    ends = {j: tuple(end for _, _, end, _, _ in speech)
            for j, speech in groupby(cues.speech_lexicon.find_all(before), key=itemgetter(0))}
    said, j = [], 0
    for sentence_hits in hits:
        said.append(tuple(ends.get(j + n, ()) for n in range(len(sentence_hits))))
        j += len(sentence_hits)
    return said



def _cue_hits(cues: Cues, text: str,
             lexicon_hits: list[tuple[int, int, str, str]]) -> tuple[tuple[int, int, str, str], ...]:
    """Cue hits, longest first at each position, without overlaps."""
    order = cues.rule_order
    hits = sorted(lexicon_hits, key=lambda h: (h[0], -(h[1] - h[0]), order[h[2]]))
    hits = [h for h in hits if not _in_name(text, h[0])]
    kept: list[tuple[int, int, str, str]] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return tuple(kept)



def _in_name(text: str, start: int) -> bool:
    """A capitalised cue after a capitalised word is part of a name
    ("Framework for International Technical Cooperation with ...")."""
    if not text[start].isupper():
        return False
    before = _WORD.findall(text[:start])
    return bool(before) and before[-1][0].isupper() and text[:start].strip()[-1:].isalnum()



def _slot(text: str, mentions: Sequence[Mention], start: int, end: int, slot: str,
          said: tuple[int, ...]) -> list[Mention]:
    """Actor mentions in a rule's slot, with the actors coordinated to them;
    ``said`` are the ends of the speech cues before the cue (the subject comes after them)."""
    if slot == "subject":
        backwards = _CLAUSE_BEFORE_BACKWARDS.search(text[:start][::-1])
        brk = (start - backwards.end(), start - backwards.start()) if backwards else (0, 0)   # the last break
        lo = max([brk[1], *said])
        inside = [m for m in mentions if lo <= m.start and m.end <= start]
        if not inside and backwards and text[brk[0]:brk[1]].lower() in ("who", "which", "that"):
            head = text[:brk[0]].rstrip(" ,")               # "the traffickers, who abused ...": the antecedent
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



def _counterfactuals(cues: Cues, text: str, mentions: Sequence[Mention]) -> list[dict]:
    """"If X had not ..., Y would not ...": X causal assign; Y too if its clause names a wrongdoing."""
    found = []
    for match in cues.counterfactual_pattern.finditer(text) if cues.may_be_counterfactual(text) else ():
        cue = f"{match.group('if')} … {match.group('neg')} … {match.group('would')}"
        ante = [m for m in mentions if match.start("ante") <= m.start and m.end <= match.end("ante")]
        cons = [m for m in mentions if match.start("cons") <= m.start and m.end <= match.start("would")]
        wrong = cues.wrongdoing_pattern.search(text, match.end("would"), match.end())
        for part, group in ((ante[:1], "ante"), (cons[:1] if wrong else [], "cons")):
            for m in part:
                lo, hi = (match.start(), match.end("ante")) if group == "ante" else (match.start("cons"), match.end())
                found.append({"start": lo, "end": hi, "actor": m.actor, "resolution": m.resolution,
                              "kind": "causal", "polarity": "assign", "cue": cue, "rule": "counterfactual",
                              "speaker": "", "cue_at": match.start(), "mention_at": m.start})
    return found


