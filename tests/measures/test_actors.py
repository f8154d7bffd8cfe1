"""Tests for analysis.measures.actors: actor mentions of the shipped actors,
aliases worked out by hand, and mentions with offsets into the document."""

import pandas as pd
import pytest

import analysis
from analysis.measures.actors import actor_mentions, find_actors, find_actors_each


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
        ["a", "tunisia", "alias"], ["a", "tunisia", "nearest"], ["b", "niger", "alias"]]
