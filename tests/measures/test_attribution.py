"""Tests for analysis.measures.attribution: the six examples of the issue, each
construction with other actors, negations and near misses, speakers, and the
matrix. Expected rows are worked out by hand from the codebook."""

import pandas as pd
import pytest

import analysis
from analysis.measures.attribution import attributions, responsibility_matrix


def triples(text):
    """(speaker_actor, actor, kind, polarity) of one text, in order."""
    table = attributions(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    return [tuple(r) for r in table[["speaker_actor", "actor", "kind", "polarity"]].values.tolist()]


# ----------------------------------------------------------------------------- the issue's examples

@pytest.mark.parametrize("text, expected", [
    ("He added that Libya bears no full responsibility for it.",
     [("", "libya", "causal", "deny")]),                               # "He": no antecedent, no actor
    ("Libya and its people refuse to be held responsible for the failure of the international community.",
     [("libya", "libya", "causal", "deny"), ("(outlet)", "international_community", "causal", "assign")]),
    ("Of course, the European Union should take part in these efforts and assist Libya.",
     [("(outlet)", "europe", "treatment", "assign")]),
    ("Without borders, smugglers and traffickers would not have a chance to do such a crime.", []),
    ("If those migrants did not come to Libya, smugglers and traffickers would not have a chance to do such a crime.",
     [("(outlet)", "migrants", "causal", "assign"), ("(outlet)", "smugglers_traffickers", "causal", "assign")]),
    ("Not providing air cover is outside the capacity of the government of national accord.",
     [("(outlet)", "libya", "treatment", "deny")]),
    ("The government accused the rival eastern-based army of carrying out the attack.",
     [("government_unresolved", "armed_groups", "causal", "assign")]),   # no state named before it
])
def test_the_issue_examples(text, expected):
    assert triples(text) == expected


def test_the_issue_examples_in_the_seeds_with_their_speakers():
    table = attributions(analysis.load_corpus())
    got = {(r.doc_id[:3], r.sent_id, r.speaker_actor, r.actor, r.kind, r.polarity) for r in table.itertuples()}
    assert {("001", 3, "libya", "libya", "causal", "deny"),
            ("000", 8, "libya", "libya", "causal", "deny"),
            ("000", 8, "libya", "international_community", "causal", "assign"),
            ("003", 3, "europe", "europe", "treatment", "assign"),
            ("001", 8, "libya", "smugglers_traffickers", "causal", "assign"),
            ("002", 2, "libya", "libya", "treatment", "deny"),
            ("002", 5, "libya", "armed_groups", "causal", "assign")} <= got
    row = table[table.doc_id.str.startswith("002") & (table.sent_id == 5) & (table.speaker_actor == "libya")].iloc[0]
    assert (row.cue, row.evidence) == ("accused", "accused the rival eastern-based army")


# ----------------------------------------------------------------------------- constructions, other actors

@pytest.mark.parametrize("text, expected", [
    # blame and responsibility words, negated and not
    ("Italy bears responsibility for the deaths at sea.", [("(outlet)", "europe", "causal", "assign")]),
    ("Italy bears no responsibility for the deaths at sea.", [("(outlet)", "europe", "causal", "deny")]),
    ("The smugglers are to blame for the shipwreck.",
     [("(outlet)", "smugglers_traffickers", "causal", "assign")]),
    ("The smugglers are not to blame for the shipwreck.",
     [("(outlet)", "smugglers_traffickers", "causal", "deny")]),
    ("There is no doubt, the militias are responsible.", [("(outlet)", "armed_groups", "causal", "assign")]),
    ("The EU refuses to be held responsible for the drownings.", [("europe", "europe", "causal", "deny")]),
    ("Deaths rose after the failure of the UN to act.", [("(outlet)", "un_agencies", "causal", "assign")]),
    # burden
    ("Tunisia's neighbours say Italy is bearing the burden of arrivals.",
     [("tunisia", "europe", "treatment", "assign")]),                  # Tunisia is an actor of its own
    # obligation, requirement, appeal
    ("The IOM must open a humanitarian corridor.", [("(outlet)", "un_agencies", "treatment", "assign")]),
    ("The UN said the talks must end.", []),
    ("Ending the crisis requires help from the EU and the UN.",
     [("(outlet)", "europe", "treatment", "assign"), ("(outlet)", "un_agencies", "treatment", "assign")]),
    ("Amnesty urged Italy to stop returns to Libya.", [("", "europe", "treatment", "assign")]),   # Amnesty speaks; no actor
    ("The UNHCR called on the international community to resettle refugees.",
     [("un_agencies", "international_community", "treatment", "assign")]),
    # accusation and denial
    ("The UN accused militias of abusing migrants.", [("un_agencies", "armed_groups", "causal", "assign")]),
    ("The militias denied the charges.", [("armed_groups", "armed_groups", "causal", "deny")]),
    ("Migrants were denied access to lawyers.", []),
    ("Italy rejected the accusations.", []),
    # capacity denial
    ("Rescuing everyone is beyond the capacity of the Italian government.",
     [("(outlet)", "europe", "treatment", "deny")]),
    ("The capacity of the coast guard grew.", []),
    # causal constructions
    ("Crossings rose because of smugglers.", [("(outlet)", "smugglers_traffickers", "causal", "assign")]),
    ("Crossings rose due to the EU's policies.", [("(outlet)", "europe", "causal", "assign")]),
    ("Crossings fell due to bad weather.", []),
    ("If the EU had not funded the camps, militias would not profit from detention.",
     [("(outlet)", "europe", "causal", "assign"), ("(outlet)", "armed_groups", "causal", "assign")]),
    ("If Europe had not closed its ports, migrants would not have drowned.",
     [("(outlet)", "europe", "causal", "assign")]),
    ("If Europe opens its ports, militias would not profit.", []),
    # passives, relative clauses, other refusals
    ("Italy must not be held responsible for the deaths.", [("(outlet)", "europe", "causal", "deny")]),
    ("Greece cannot be blamed for the crisis.", [("(outlet)", "europe", "causal", "deny")]),
    ("Greece can be blamed for the crisis.", [("(outlet)", "europe", "causal", "assign")]),
    ("Malta refused to take responsibility for the boat.", [("europe", "europe", "causal", "deny")]),
    ("The traffickers, who abused the migrants, were arrested.",
     [("(outlet)", "smugglers_traffickers", "causal", "assign")]),
    ("The migrants were abused in the camps.", []),
    # a cue inside a name is no cue
    ("The Framework for Technical Cooperation with the EU met.", []),
])
def test_constructions_with_other_actors(text, expected):
    assert triples(text) == expected


def test_speaker_is_the_quoted_speaker_or_the_outlet():
    assert triples('"The EU must act," the IOM said.') == [("un_agencies", "europe", "treatment", "assign")]
    assert triples("The EU must act.") == [("(outlet)", "europe", "treatment", "assign")]
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
    assert table[["doc_id", "sent_id", "speaker_actor", "actor"]].values.tolist() == [
        ["a", 0, "un_agencies", "europe"], ["b", 0, "government_unresolved", "armed_groups"],
        ["c", 0, "(outlet)", "europe"],
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
    with pytest.raises(ValueError, match=r"attributions\(\) needs columns \['doc_id', 'text'\]; missing \['text'\]"):
        attributions(pd.DataFrame({"doc_id": ["d"]}))


# ----------------------------------------------------------------------------- matrix

TOY = pd.DataFrame({
    "doc_id": ["a", "a", "a", "b", "b"],
    "speaker_actor": ["libya", "libya", "(outlet)", "un_agencies", "libya"],
    "actor": ["europe", "europe", "libya", "libya", "libya"],
    "kind": ["treatment", "treatment", "causal", "treatment", "causal"],
    "polarity": ["assign", "assign", "assign", "assign", "deny"],
})


def test_responsibility_matrix_counts_and_outlet():
    assert responsibility_matrix(TOY).values.tolist() == [
        ["(outlet)", "libya", "causal", "assign", 1],
        ["libya", "europe", "treatment", "assign", 2],
        ["libya", "libya", "causal", "deny", 1],
        ["un_agencies", "libya", "treatment", "assign", 1]]
    by_doc = responsibility_matrix(TOY, by="doc_id")
    assert by_doc[by_doc.doc_id == "b"].n.tolist() == [1, 1]
    assert list(by_doc.columns) == ["doc_id", "speaker_actor", "actor", "kind", "polarity", "n"]
    by_outlet = responsibility_matrix(TOY.assign(outlet="X"), by=["outlet", "doc_id"])
    assert by_outlet.drop(columns="outlet").equals(by_doc) and set(by_outlet["outlet"]) == {"X"}
    with pytest.raises(ValueError, match="missing"):
        responsibility_matrix(TOY.drop(columns="kind"))


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


# ----------------------------------------------------------------------------- errors a new user met (issue 21)

@pytest.mark.parametrize("text, expected", [
    # "due to" + a verb after "be" is a schedule, not a cause; + a noun phrase it is a cause
    ("The Home Secretary is due to outline plans to the EU on Monday.", []),
    ("Talks were due to begin with Italy in May.", []),
    ("The deaths were due to smugglers.", [("(outlet)", "smugglers_traffickers", "causal", "assign")]),
    ("The delay was due to the EU's rules.", [("(outlet)", "europe", "causal", "assign")]),
    # a denial is of a responsibility, or of something named before it ("denied it")
    ("Turkey denied it amounted to a crisis.", []),
    ("Hungary sought to deny entry to migrants.", []),
    ("Turkey denied the charges.", [("turkey", "turkey", "causal", "deny")]),
    ("Libya denied abusing migrants.", [("libya", "libya", "causal", "deny")]),
    ("Greece strongly denied it.", [("europe", "europe", "causal", "deny")]),
    # a modal's subject stands right before it; a passive after it names no one who must act
    ("The UK government said non-EU citizens will have to undergo tests.", []),
    ("Italy's minister was suggesting the criminally insane should be killed.", []),
    ("Smugglers should be punished.", []),
    ("EU leaders will have to act.", [("(outlet)", "europe", "treatment", "assign")]),
    ("The UN and its agencies must act.", [("(outlet)", "un_agencies", "treatment", "assign")]),
    ("Italy must be prepared to take more migrants.", [("(outlet)", "europe", "treatment", "assign")]),
    # the subject of a passive accusation or appeal is the one held responsible; the agent speaks
    ("Italy has been accused of abandoning migrants.", [("(outlet)", "europe", "causal", "assign")]),
    ("Italy was accused by the UN of abandoning migrants.", [("un_agencies", "europe", "causal", "assign")]),
    ("Libya was urged to close the camps.", [("(outlet)", "libya", "treatment", "assign")]),
])
def test_the_errors_a_new_user_met(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a speaker after the statement, or in an -ing clause, speaks it (not the outlet)
    ("The EU has failed migrants, Italy's minister claimed.", [("europe", "europe", "causal", "assign")]),
    ("Italy must act, with Germany claiming the UN has failed.", [("(outlet)", "europe", "treatment", "assign"),
                                                                   ("europe", "un_agencies", "causal", "assign")]),
    ("Europe has failed migrants, the UNHCR argued.", [("un_agencies", "europe", "causal", "assign")]),
    # "X, apposition, says Y": X speaks, Y is what was said
    ("Filippo Grandi, UNHCR chief, says Italy must act.", [("un_agencies", "europe", "treatment", "assign")]),
])
def test_speakers_after_the_statement_and_in_apposition(text, expected):
    assert triples(text) == expected


def test_a_speakers_we_and_us_are_the_speakers_actor_and_none_in_the_outlets_voice():
    assert triples('"We must restart the economy," the US president said.') == [
        ("united_states", "united_states", "treatment", "assign")]
    assert triples('"Italy called on us to act," the Libyan minister said.') == [   # us: the minister's, not Italy's
        ("europe", "libya", "treatment", "assign")]
    assert triples("We must act.") == []


def test_a_generic_reference_in_a_states_statement_is_that_states():
    # the article names Libya most, but Italy's minister speaks of "the government": Italy's
    text = ("Libya wants money. Libya patrols the sea. Libya's coast guard is weak. Tunisia agreed. Italy's minister "
            "said yesterday in an interview with the press in Tunisia that the government must pay.")
    table = attributions(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert table[["speaker_actor", "actor", "actor_resolution"]].values.tolist() == [
        ["europe", "europe", "speaker_state"]]
    assert [m.actor for m in analysis.find_actors(text) if m.alias == "government"] == ["libya"]   # the article alone


def test_the_accused_of_a_passive_accusation_is_held_responsible_with_a_users_own_actors():
    uk = {"actors": {"labour": {"definition": "The Labour Party.", "aliases": ["Labour Party", "Labour"]},
                     "conservatives": {"definition": "The Conservative Party.", "aliases": ["Tories", "Conservatives"]}},
          "countries": {"others": "own"}}
    text = "The Labour Party has been accused of ignoring voters by the Tories."
    table = attributions(pd.DataFrame({"doc_id": ["d"], "text": [text]}), actors=uk)
    assert table[["speaker_actor", "actor", "kind", "polarity"]].values.tolist() == [
        ["conservatives", "labour", "causal", "assign"]]
