"""Tests for analysis.attribution: the six examples of the issue, each construction
with other actors, negations and near misses, the hand coding of the seeds, the
matrix and the figure. Expected rows are worked out by hand from the codebook."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.attribution import (attributions, attributions_agreement, plot_responsibility,
                                  plot_responsibility_by_doc, responsibility_matrix)
from analysis.paths import PROJ_ROOT

CODING = PROJ_ROOT / "tests" / "coding" / "attribution_seed_coding.csv"


def triples(text):
    """(speaker, actor, kind, polarity) of one text, in order."""
    table = attributions(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    return [tuple(r) for r in table[["speaker", "actor", "kind", "polarity"]].values.tolist()]


# ----------------------------------------------------------------------------- the issue's examples

@pytest.mark.parametrize("text, expected", [
    ("He added that Libya bears no full responsibility for it.", [("", "libya", "causal", "deny")]),
    ("Libya and its people refuse to be held responsible for the failure of the international community.",
     [("", "libya", "causal", "deny"), ("", "international_community", "causal", "assign")]),
    ("Of course, the European Union should take part in these efforts and assist Libya.",
     [("", "europe", "treatment", "assign")]),
    ("Without borders, smugglers and traffickers would not have a chance to do such a crime.", []),
    ("If those migrants did not come to Libya, smugglers and traffickers would not have a chance to do such a crime.",
     [("", "migrants", "causal", "assign"), ("", "smugglers_traffickers", "causal", "assign")]),
    ("Not providing air cover is outside the capacity of the government of national accord.",
     [("", "libya", "treatment", "deny")]),
    ("The government accused the rival eastern-based army of carrying out the attack.",
     [("libya", "armed_groups", "causal", "assign")]),
])
def test_the_issue_examples(text, expected):
    assert triples(text) == expected


def test_the_issue_examples_in_the_seeds_with_their_speakers():
    table = attributions(analysis.load_corpus())
    got = {(r.doc_id[:3], r.sent_id, r.speaker, r.actor, r.kind, r.polarity) for r in table.itertuples()}
    assert {("001", 3, "libya", "libya", "causal", "deny"),
            ("000", 8, "libya", "libya", "causal", "deny"),
            ("000", 8, "libya", "international_community", "causal", "assign"),
            ("003", 3, "europe", "europe", "treatment", "assign"),
            ("001", 8, "libya", "smugglers_traffickers", "causal", "assign"),
            ("002", 2, "libya", "libya", "treatment", "deny"),
            ("002", 5, "libya", "armed_groups", "causal", "assign")} <= got
    row = table[table.doc_id.str.startswith("002") & (table.sent_id == 5) & (table.speaker == "libya")].iloc[0]
    assert (row.cue, row.evidence) == ("accused", "accused the rival eastern-based army")


# ----------------------------------------------------------------------------- constructions, other actors

@pytest.mark.parametrize("text, expected", [
    # blame and responsibility words, negated and not
    ("Italy bears responsibility for the deaths at sea.", [("", "europe", "causal", "assign")]),
    ("Italy bears no responsibility for the deaths at sea.", [("", "europe", "causal", "deny")]),
    ("The smugglers are to blame for the shipwreck.", [("", "smugglers_traffickers", "causal", "assign")]),
    ("The smugglers are not to blame for the shipwreck.", [("", "smugglers_traffickers", "causal", "deny")]),
    ("There is no doubt, the militias are responsible.", [("", "armed_groups", "causal", "assign")]),
    ("The EU refuses to be held responsible for the drownings.", [("", "europe", "causal", "deny")]),
    ("Deaths rose after the failure of the UN to act.", [("", "un_agencies", "causal", "assign")]),
    # burden
    ("Tunisia's neighbours say Italy is bearing the burden of arrivals.", [("", "europe", "treatment", "assign")]),
    # obligation, requirement, appeal
    ("The IOM must open a humanitarian corridor.", [("", "un_agencies", "treatment", "assign")]),
    ("The UN said the talks must end.", []),
    ("Ending the crisis requires help from the EU and the UN.",
     [("", "europe", "treatment", "assign"), ("", "un_agencies", "treatment", "assign")]),
    ("Amnesty urged Italy to stop returns to Libya.", [("", "europe", "treatment", "assign")]),
    ("The UNHCR called on the international community to resettle refugees.",
     [("un_agencies", "international_community", "treatment", "assign")]),
    # accusation and denial
    ("The UN accused militias of abusing migrants.", [("un_agencies", "armed_groups", "causal", "assign")]),
    ("The militias denied the charges.", [("armed_groups", "armed_groups", "causal", "deny")]),
    ("Migrants were denied access to lawyers.", []),
    ("Italy rejected the accusations.", []),
    # capacity denial
    ("Rescuing everyone is beyond the capacity of the Italian government.", [("", "europe", "treatment", "deny")]),
    ("The capacity of the coast guard grew.", []),
    # causal constructions
    ("Crossings rose because of smugglers.", [("", "smugglers_traffickers", "causal", "assign")]),
    ("Crossings rose due to the EU's policies.", [("", "europe", "causal", "assign")]),
    ("Crossings fell due to bad weather.", []),
    ("If the EU had not funded the camps, militias would not profit from detention.",
     [("", "europe", "causal", "assign"), ("", "armed_groups", "causal", "assign")]),
    ("If Europe had not closed its ports, migrants would not have drowned.", [("", "europe", "causal", "assign")]),
    ("If Europe opens its ports, militias would not profit.", []),
    # passives, relative clauses, other refusals
    ("Italy must not be held responsible for the deaths.", [("", "europe", "causal", "deny")]),
    ("Greece cannot be blamed for the crisis.", [("", "europe", "causal", "deny")]),
    ("Greece can be blamed for the crisis.", [("", "europe", "causal", "assign")]),
    ("Malta refused to take responsibility for the boat.", [("", "europe", "causal", "deny")]),
    ("The traffickers, who abused the migrants, were arrested.", [("", "smugglers_traffickers", "causal", "assign")]),
    ("The migrants were abused in the camps.", []),
    # a cue inside a name is no cue
    ("The Framework for Technical Cooperation with the EU met.", []),
])
def test_constructions_with_other_actors(text, expected):
    assert triples(text) == expected


def test_speaker_is_the_quoted_speaker_or_the_outlet():
    assert triples('"The EU must act," the IOM said.') == [("un_agencies", "europe", "treatment", "assign")]
    assert triples("The EU must act.") == [("", "europe", "treatment", "assign")]
    assert triples('"These are fabrications," Italy\'s interior minister said.') == [
        ("europe", "europe", "causal", "deny")]
    assert triples("Europe has failed migrants, said the IOM chief.") == [("un_agencies", "europe", "causal", "assign")]
    assert triples("Libya must act, said Italy's minister, adding that the EU should pay.") == [
        ("europe", "libya", "treatment", "assign"), ("europe", "europe", "treatment", "assign")]
    # the speaker of a quote resolved through "He"
    assert triples('Besher said the camps were full. "The world must help." He added.') == [("libya", "international_community",
                                                                          "treatment", "assign")]


def test_speakers_from_quotes_are_found_in_a_corpus_of_mixed_documents():
    # Quotes are only looked for in documents with a claim whose clause names
    # no speaker (a, c, d); b's speaker is the subject of "accused".
    texts = {"a": '"The EU must act," the IOM said.',
             "b": "The government accused the rival eastern-based army of carrying out the attack.",
             "c": "The EU must act.",
             "d": "Italy's minister said the camps were full. The EU must act. The minister added that it was rough."}
    table = attributions(pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())}))
    assert table[["doc_id", "sent_id", "speaker", "actor"]].values.tolist() == [
        ["a", 0, "un_agencies", "europe"], ["b", 0, "libya", "armed_groups"], ["c", 0, "", "europe"],
        ["d", 1, "europe", "europe"]]                       # d: carried between two statements of Italy's minister
    one_by_one = pd.concat([attributions(pd.DataFrame({"doc_id": [d], "text": [t]})) for d, t in texts.items()],
                           ignore_index=True)
    pd.testing.assert_frame_equal(table, one_by_one)


def test_cues_of_one_claim_are_merged_and_offsets_are_evidence():
    text = "Of course, the European Union should take part and assist Libya. Italy must help."
    table = attributions(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert table[["sent_id", "cue", "rule", "evidence"]].values.tolist() == [
        [0, "should; assist", "obligation; assistance", "European Union should take part and assist"],
        [1, "must", "obligation", "Italy must"]]
    assert all(text[s:e] == ev for s, e, ev in zip(table.start, table.end, table.evidence))


def test_missing_columns():
    with pytest.raises(ValueError, match="doc_id and text"):
        attributions(pd.DataFrame({"doc_id": ["d"]}))


# ----------------------------------------------------------------------------- hand coding of the seeds

def test_coding_covers_every_seed_sentence_with_valid_codes():
    coding = pd.read_csv(CODING, keep_default_na=False)
    sents = analysis.sentences(analysis.load_corpus())
    assert set(zip(coding.doc_id, coding.sent_id)) == set(zip(sents.doc_id, sents.sent_id))
    texts = dict(zip(zip(sents.doc_id, sents.sent_id), sents.text))
    assert all(texts[(d, s)] == t for d, s, t in zip(coding.doc_id, coding.sent_id, coding.sentence))
    coded = coding[coding.actor != ""]
    assert set(coded.actor) <= set(analysis.load_actors())
    assert set(coded.kind) == {"causal", "treatment"} and set(coded.polarity) == {"assign", "deny"}
    assert set(coded.speaker) <= set(analysis.load_actors()) | {""}
    assert (coding[coding.actor == ""][["kind", "polarity"]] == "").all().all()


def test_machine_against_the_hand_coding_of_the_seeds():
    coding = pd.read_csv(CODING, keep_default_na=False)
    score = attributions_agreement(attributions(analysis.load_corpus()), coding).iloc[0]
    assert score["coder"] == 48
    assert score["precision"] >= 0.95 and score["recall"] >= 0.65 and score["speaker_accuracy"] >= 0.95


def test_agreement_counts_sets_of_triples_per_sentence():
    base = {"doc_id": "d", "sent_id": 0, "speaker": "libya", "kind": "causal", "polarity": "assign"}
    machine = pd.DataFrame([dict(base, actor="europe"), dict(base, actor="europe"), dict(base, actor="media")])
    coder = pd.DataFrame([dict(base, actor="europe", speaker="un_agencies"), dict(base, actor="migrants"),
                          dict(base, actor="", kind="", polarity="", sent_id=1)])
    score = attributions_agreement(machine, coder).iloc[0]
    # machine {europe, media}, coder {europe, migrants}: tp 1, fp 1, fn 1; the matched speaker differs
    assert (score.tp, score.fp, score.fn, score.precision, score.recall, score.speaker_accuracy) == (1, 1, 1, .5, .5, 0)


# ----------------------------------------------------------------------------- matrix and figures

TOY = pd.DataFrame({
    "doc_id": ["a", "a", "a", "b", "b"],
    "speaker": ["libya", "libya", "", "un_agencies", "libya"],
    "actor": ["europe", "europe", "libya", "libya", "libya"],
    "kind": ["treatment", "treatment", "causal", "treatment", "causal"],
    "polarity": ["assign", "assign", "assign", "assign", "deny"],
})


def test_responsibility_matrix_counts_and_outlet():
    assert responsibility_matrix(TOY).values.tolist() == [
        ["libya", "europe", "treatment", "assign", 2],
        ["libya", "libya", "causal", "deny", 1],
        ["outlet", "libya", "causal", "assign", 1],
        ["un_agencies", "libya", "treatment", "assign", 1]]
    by_doc = responsibility_matrix(TOY, by_doc=True)
    assert by_doc[by_doc.doc_id == "b"].n.tolist() == [1, 1]
    with pytest.raises(ValueError, match="missing"):
        responsibility_matrix(TOY.drop(columns="kind"))


def test_plot_responsibility_labels_cells_and_data():
    fig, axes = plot_responsibility(responsibility_matrix(TOY))
    assert [ax.get_title() for ax in axes] == ["causal, assign", "causal, deny", "treatment, assign", "treatment, deny"]
    assert [t.get_text() for t in axes[0].get_yticklabels()] == ["libya", "un agencies", "outlet"]
    assert [t.get_text() for t in axes[0].get_xticklabels()] == ["libya", "europe"]      # actors.yaml order
    # treatment, assign: libya -> europe 2 (row 0, col 1), un_agencies -> libya 1 (row 1, col 0)
    data = axes[2].images[0].get_array()
    assert np.array_equal(np.asarray(data), [[0, 2], [1, 0], [0, 0]])
    cells = sorted((t.get_position(), t.get_text()) for t in axes[2].texts)
    assert cells == [((0, 1), "1"), ((1, 0), "2")]
    assert [(t.get_position(), t.get_text()) for t in axes[0].texts] == [((0, 2), "1")]   # outlet -> libya
    plt.close(fig)


def test_plot_responsibility_by_doc_bars():
    fig, axes = plot_responsibility_by_doc(TOY)
    causal = {(round(p.get_y() + p.get_height() / 2), p.get_width()) for p in axes[0].patches if p.get_width()}
    # doc a (y 0): outlet assigns libya once (+1); doc b (y 1): libya denies its own (-1)
    assert causal == {(0, 1), (1, -1)}
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["libya", "europe"]
    plt.close(fig)


def test_scores_before_tuning_with_the_first_cues_file(monkeypatch):
    # tests/coding/attribution_cues_v1.yaml is cues.yaml as written from the issue's list of cues,
    # before any look at the machine's errors on the seeds: P 19/19, R 19/48 (tuned: 33/33, 33/48).
    import sys
    quotes_module, attribution_module = sys.modules["analysis.quotes"], sys.modules["analysis.attribution"]
    caches = (quotes_module.speech_lexicon, quotes_module._trailers, attribution_module._rules,
              attribution_module._cue_lexicon, attribution_module._counterfactual_pattern, attribution_module._wrongdoing)
    v1 = PROJ_ROOT / "tests" / "coding" / "attribution_cues_v1.yaml"
    monkeypatch.setattr(quotes_module, "CUES_FILE", v1)
    monkeypatch.setattr(attribution_module, "CUES_FILE", v1)
    for cache in caches:
        cache.cache_clear()
    try:
        coding = pd.read_csv(CODING, keep_default_na=False)
        score = attributions_agreement(attributions(analysis.load_corpus()), coding).iloc[0]
    finally:
        monkeypatch.undo()
        for cache in caches:
            cache.cache_clear()
    assert (score.machine, score.tp, score.coder) == (19, 19, 48)


def test_ready_made_sentences_give_the_same_attributions():
    corpus = analysis.load_corpus()
    sents = analysis.sentences(corpus)
    pd.testing.assert_frame_equal(attributions(corpus, sentences=sents), attributions(corpus))


def test_sentences_missing_a_document_are_refused_not_skipped():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "blank"], "text": ["Libya must stop the boats.", "Italy must act.",
                                                                    " \n "]})
    sents = analysis.sentences(corpus)
    assert set(sents["doc_id"]) == {"a", "b"}              # a blank document has no sentences, and needs none
    assert set(attributions(corpus, sentences=sents)["doc_id"]) == {"a", "b"}
    with pytest.raises(ValueError, match=r"attributions\(\).*no rows for 1 document.*\['b'\]"):
        attributions(corpus, sentences=sents[sents["doc_id"] == "a"])
