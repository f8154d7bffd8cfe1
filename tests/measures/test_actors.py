"""Tests for analysis.measures.actors: actor mentions of the shipped actors,
aliases worked out by hand, capitals that go on into a name, and mentions with
offsets into the document."""

import pandas as pd
import pytest

import analysis
from analysis.measures.actors import actor_mentions, find_actors, find_actors_each
from analysis.paths import project_root

CLIMATE = project_root() / "examples" / "climate" / "actors.yaml"


def actors_in(text):
    return [(text[m.start:m.end], m.actor) for m in find_actors(text)]


@pytest.mark.parametrize("text, expected", [
    ("the Government of National Unity (GNU) said", [("Government of National Unity", "libya"), ("GNU", "libya")]),
    ("Libya's Anti Illegal Immigration Authority", [("Libya", "libya"), ("Anti Illegal Immigration Authority", "libya")]),
    ("the Libyan coast guard and the Public Prosecutor", [("Libyan coast guard", "libya"), ("Public Prosecutor", "libya")]),
    ("the international community and the world", [("international community", "international_community"),
                                                   ("world", "international_community")]),
    ("UNHCR, IOM, UNSMIL and the Fact-Finding Mission", [("UNHCR", "un_agencies"), ("IOM", "un_agencies"),
                                                        ("UNSMIL", "un_agencies"), ("Fact-Finding Mission", "un_agencies")]),
    ("the European Commission and Italy", [("European Commission", "europe"), ("Italy", "europe")]),
    ("smugglers, traffickers and criminal gangs", [("smugglers", "smugglers_traffickers"),
                                                  ("traffickers", "smugglers_traffickers"),
                                                  ("gangs", "smugglers_traffickers")]),
    ("certain people who took advantage of them", [("certain people who took advantage", "smugglers_traffickers")]),
    ("refugees and asylum seekers", [("refugees", "migrants"), ("asylum seekers", "migrants")]),
    ("Haftar's forces and local militias", [("Haftar's forces", "armed_groups"), ("militias", "armed_groups")]),
    ("a CNN report and media outlets", [("CNN", "media"), ("media outlets", "media")]),
])
def test_aliases_of_each_actor(text, expected):
    assert actors_in(text) == expected


def test_longest_mention_wins_across_actors():
    # "Italian Interior Minister" (europe) not "Interior Minister"; "Libyan National Army" not "Libyan".
    assert actors_in("The Italian Interior Minister met the Libyan National Army.") == [
        ("Italian Interior Minister", "europe"), ("Libyan National Army", "armed_groups")]
    assert actors_in("European states and states") == [("European states", "europe"), ("states", "international_community")]


def test_one_scan_of_many_texts_finds_the_mentions_of_each():
    # The second text's mentions start before the first text's last one ends: overlaps are settled per text.
    texts = ["The Italian Interior Minister met the Libyan National Army.", "", "Libya's coast guard and militias"]
    found = find_actors_each(texts)
    assert [[(text[m.start:m.end], m.actor) for m in mentions] for text, mentions in zip(texts, found)] == [
        [("Italian Interior Minister", "europe"), ("Libyan National Army", "armed_groups")],
        [],
        [("Libya's coast guard", "libya"), ("militias", "armed_groups")]]    # a generic qualified by Libya's
    assert found == [find_actors(text) for text in texts]


def test_near_misses_are_not_mentions():
    assert actors_in("The Migration Working Group discussed migration in Europeans' view") == []


@pytest.mark.parametrize("text, expected", [
    # people of a state are not the state, whichever of its aliases names them (not only a demonym)
    ("Non-EU citizens will have to undergo tests.", []),
    ("EU citizens and US nationals may stay.", []),
    ("Tripoli residents fled.", []),
    ("EU leaders and US officials met.", [("EU", "europe"), ("US officials", "united_states")]),
    # a prefix makes the state a modifier of something else
    ("Anti-EU parties and pro-EU voters marched against the EU.", [("EU", "europe")]),
    ("Migrants from non-EU countries arrived.", [("Migrants", "migrants")]),
])
def test_people_of_a_state_and_prefixed_states_are_no_mention_of_it(text, expected):
    assert actors_in(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Dublin Regulation makes the first country of entry responsible.", []),
    ("Italy signed the Rome Statute in 1998.", [("Italy", "europe")]),
    ("Brussels Airlines cancelled the flight.", []),
    ("The Berlin Wall fell in 1989.", []),
    ("A Brussels-based NGO and a Washington-based think tank objected.", []),
    ("White House-backed plans and a Kremlin-funded channel.", []),
])
def test_a_capital_that_goes_on_into_a_name_is_no_mention_of_its_state(text, expected):
    assert actors_in(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Paris said no. Tripoli rejected it.", [("Paris", "europe"), ("Tripoli", "libya")]),     # metonymy
    ("It met in Paris. The government agreed.", [("Paris", "europe"), ("government", "europe")]),
    ("Migrants in Tripoli\nThe coast guard said", [("Migrants", "migrants"), ("Tripoli", "libya"),
                                                    ("coast guard", "libya")]),                # a new paragraph
    ("Talks in Paris 2024", [("Paris", "europe")]),                     # a number is no name
    # the next word starts a mention of its own: the capital stays one
    ("The Tripoli Government said", [("Tripoli Government", "libya")]),
    ("Rome-Tripoli talks", [("Rome", "europe"), ("Tripoli", "libya")]),
    ("ties with Beijing China", [("Beijing", "china"), ("China", "china")]),
    # country names are not in the rule: "Ghana Health Service" is the state's
    ("The Ghana Health Service said", [("Ghana", "ghana")]),
    # and an ignored phrase still masks the capital in it
    ("the Washington Post reported", []),
    # a day or a month is no part of a name: news drops the "on" of "on Tuesday"
    ("The White House Tuesday said", [("White House", "united_states")]),
    ("Tripoli Monday rejected the plan.", [("Tripoli", "libya")]),
])
def test_a_capital_alone_or_before_another_mention_is_its_state(text, expected):
    assert actors_in(text) == expected


def test_a_capital_in_a_name_is_no_state_to_resolve_a_generic_reference_to():
    doc = analysis.load_corpus(pd.DataFrame({"doc_id": ["x"], "text": [
        "The Paris Agreement sets a limit of 1.5C. The government said it would comply."]}))
    found = analysis.actor_mentions(doc, actors=CLIMATE)
    assert found[["mention", "actor", "resolution"]].values.tolist() == [
        ["government", "government_unresolved", "unresolved"]]          # not Paris -> france, then france
    quoted = analysis.quotes(analysis.load_corpus(pd.DataFrame({"doc_id": ["x"], "text": [
        '"We will sue," said a Brussels-based NGO.']})), actors=CLIMATE)
    assert quoted[["speaker", "speaker_actor"]].values.tolist() == [["a Brussels-based NGO", ""]]   # not belgium


def test_ignored_phrases_mask_a_capital_written_in_lower_case():
    assert [m.actor for m in find_actors("France left the Paris climate accord.", actors=CLIMATE)] == ["france"]
    assert actors_in("Under the Dublin regulations, Dublin decides.") == [("Dublin", "europe")]


def test_actor_mentions_offsets_index_the_document():
    corpus = analysis.load_corpus()
    mentions = analysis.sentences(corpus).pipe(actor_mentions)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    assert all(texts[d][s:e] == m for d, s, e, m in zip(mentions.doc_id, mentions.start, mentions.end, mentions.mention))
    first = mentions[mentions.doc_id == corpus.doc_id[0]].head(3)
    assert first[["mention", "actor"]].values.tolist() == [["UN", "un_agencies"],
                                                          ["Fact-Finding Mission", "un_agencies"], ["Libya", "libya"]]


def test_actor_mentions_needs_text():
    with pytest.raises(ValueError, match=r"actor_mentions\(\) needs columns \['doc_id', 'text'\]; "
                                         r"missing \['text'\]"):
        actor_mentions(pd.DataFrame({"doc_id": ["d"]}))


def test_actor_mentions_refuses_a_document_whose_rows_are_apart():
    table = pd.DataFrame({"doc_id": ["a", "b", "a"], "sent_id": [0, 0, 1],
                          "text": ["Tunisia spoke.", "Niger spoke.", "The government agreed."]})
    with pytest.raises(analysis.TableError, match=r"rows of document 'a' are not together \(rows 0 and 2"):
        actor_mentions(table)
    together = actor_mentions(table.iloc[[0, 2, 1]])
    assert together[["doc_id", "actor", "resolution"]].values.tolist() == [
        ["a", "tunisia", "alias"], ["a", "tunisia", "article"], ["b", "niger", "alias"]]
