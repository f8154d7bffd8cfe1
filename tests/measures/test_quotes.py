"""Tests for analysis.measures.quotes: every quote and reported statement of the seeds with
its speaker (read off the articles by hand), and each construction on sentences
of our own."""

import pandas as pd
import pytest

import analysis
from analysis.measures.quotes import QuoteContext, _subject, quotes
from analysis.paths import project_root
from analysis.resources.actors import Actors
from analysis.resources.cues import Cues

CLIMATE = {"actors": project_root() / "examples" / "climate" / "actors.yaml",
           "cues": project_root() / "examples" / "climate" / "cues.yaml"}

# (doc, kind, first_sent_id, last_sent_id, speaker as written, resolved speaker, actor), read off the seeds.
SEED_QUOTES = [
    ("000", "reported", 0, 0, "the Government of National Unity (GNU)", "the Government of National Unity (GNU)", "libya"),
    ("000", "reported", 1, 1, "Libya's Foreign Ministry", "Libya's Foreign Ministry", "libya"),
    ("000", "reported", 2, 2, "The ministry", "Libya's Foreign Ministry", "libya"),
    ("000", "reported", 3, 3, "the statement", "Libya's Foreign Ministry", "libya"),
    ("000", "reported", 5, 5, "It", "Libya's Foreign Ministry", "libya"),
    ("000", "reported", 6, 6, "The ministry", "Libya's Foreign Ministry", "libya"),
    ("000", "direct", 7, 7, "the statement", "Libya's Foreign Ministry", "libya"),
    ("000", "reported", 8, 8, "The ministry", "Libya's Foreign Ministry", "libya"),
    ("001", "reported", 0, 0, "The Chief of Anti-Illegal Immigration Department (AIID) Mohammed Besher",
     "The Chief of Anti-Illegal Immigration Department (AIID) Mohammed Besher", "libya"),
    ("001", "reported", 1, 1, "Besher", "Besher", "libya"),
    ("001", "direct", 2, 2, "Besher", "Besher", "libya"),
    ("001", "reported", 2, 2, "Besher", "Besher", "libya"),          # ", adding that ..."
    ("001", "reported", 3, 3, "He", "Besher", "libya"),
    ("001", "direct", 4, 5, "Besher", "Besher", "libya"),            # two paragraphs, then "Besher added."
    ("001", "direct", 7, 8, "He", "Besher", "libya"),                # then "He further added."
    ("001", "reported", 11, 11, "The Libyan Foreign Ministry", "The Libyan Foreign Ministry", "libya"),
    ("001", "reported", 12, 12, "It", "The Libyan Foreign Ministry", "libya"),
    ("002", "reported", 0, 0, "Interior Minister of Libya's UN-backed government Fat'hi Bashagha",
     "Interior Minister of Libya's UN-backed government Fat'hi Bashagha", "libya"),
    ("002", "direct", 2, 3, "Bashagha", "Bashagha", "libya"),
    ("002", "reported", 5, 5, "The government", "The government", "libya"),
    ("002", "reported", 6, 6, "The UN Higher Commission of Refugees (UNHCR) and the International Organization "
     "for Migration (IOM)", "The UN Higher Commission of Refugees (UNHCR) and the International Organization "
     "for Migration (IOM)", "un_agencies"),
    ("002", "direct", 7, 9, "the IOM and the UNHCR", "the IOM and the UNHCR", "un_agencies"),
    ("003", "reported", 0, 0, "Libya’s Anti Illegal Immigration Authority", "Libya’s Anti Illegal Immigration Authority",
     "libya"),
    ("003", "reported", 1, 1, "the Italian Interior Minister", "the Italian Interior Minister", "europe"),
    ("003", "direct", 2, 3, "The Italian Interior Minister", "The Italian Interior Minister", "europe"),
    ("003", "reported", 4, 4, "The Italian Interior Minister", "The Italian Interior Minister", "europe"),
    ("003", "reported", 5, 5, "Bashagha", "Bashagha", "libya"),
    ("003", "direct", 6, 6, "Bashagha", "Bashagha", "libya"),
    ("003", "reported", 7, 7, "Bashagha", "Bashagha", "libya"),
    ("003", "reported", 8, 8, "He", "Bashagha", "libya"),
    ("003", "reported", 10, 10, "the European Commission", "the European Commission", "europe"),
    ("003", "reported", 11, 11, "The European Commission", "The European Commission", "europe"),
    ("003", "direct", 12, 12, "The European Commission", "The European Commission", "europe"),
    ("003", "direct", 14, 14, "Commissioner for Humanitarian Aid and Crisis Management, Christos Stylianides",
     "Commissioner for Humanitarian Aid and Crisis Management, Christos Stylianides", "europe"),
    ("004", "reported", 0, 0, "the UNSMIL", "the UNSMIL", "un_agencies"),
    ("004", "reported", 1, 1, "The UNSMIL", "The UNSMIL", "un_agencies"),
    ("004", "reported", 2, 2, "the UNSMIL", "the UNSMIL", "un_agencies"),
    ("004", "direct", 4, 4, "The UNSMIL", "The UNSMIL", "un_agencies"),
    ("004", "reported", 6, 6, "Jaalal Alashi", "Jaalal Alashi", "libya"),
    ("004", "direct", 7, 7, "Othman Belbeisi, IOM’s Chief of Mission", "Othman Belbeisi, IOM’s Chief of Mission",
     "un_agencies"),
    ("004", "reported", 8, 8, "It", "The UNSMIL", "un_agencies"),
    ("004", "reported", 9, 9, "CNN", "CNN", "media"),
]


@pytest.fixture(scope="module")
def seed_quotes():
    corpus = analysis.load_corpus()
    return corpus, quotes(corpus)


def one(text, **resources):
    return quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), **resources)


def test_every_quote_and_statement_of_the_seeds_with_its_speaker(seed_quotes):
    _, table = seed_quotes
    got = [(r.doc_id[:3], r.kind, r.first_sent_id, r.last_sent_id, r.speaker, r.resolved_speaker, r.speaker_actor)
           for r in table.itertuples()]
    assert got == SEED_QUOTES


def test_offsets_index_the_document_and_quotes_exclude_the_marks(seed_quotes):
    corpus, table = seed_quotes
    texts = dict(zip(corpus.doc_id, corpus.text))
    assert all(texts[d][s:e] == t for d, s, e, t in zip(table.doc_id, table.start, table.end, table.text))
    assert all(texts[d][s:s + len(w)] == w for d, s, w in zip(table.doc_id, table.speaker_start, table.speaker))
    besher = table[(table.kind == "direct") & (table.first_sent_id == 4) & table.doc_id.str.startswith("001")]
    assert besher.text.iloc[0].startswith("Libya is bearing") and besher.text.iloc[0].endswith("to the world.")


def test_cues_are_the_words_of_the_text(seed_quotes):
    _, table = seed_quotes
    assert table[table.doc_id.str.startswith("000")].cue.tolist() == [
        "said", "said", "said", "according to", "noted", "demanded", "read", "underscored"]


def test_attribution_after_the_quote_speaker_first_or_cue_first():
    assert one('"We will not stop," the coast guard said.')[["kind", "text", "speaker", "cue", "speaker_actor"]].values.tolist() == [
        ["direct", "We will not stop,", "the coast guard", "said", "government_unresolved"]]  # no state named
    assert one('"Ports stay open," said Italy’s Matteo Piantedosi, the interior minister.')[
        ["speaker", "speaker_actor"]].values.tolist() == [["Italy’s Matteo Piantedosi, the interior minister", "europe"]]


def test_attribution_line_on_its_own_after_a_quote_over_two_sentences():
    table = one('“Boats left at night. Nobody stopped them.” The IOM explained.')
    assert table[["kind", "first_sent_id", "last_sent_id", "text", "speaker", "speaker_actor"]].values.tolist() == [
        ["direct", 0, 1, "Boats left at night. Nobody stopped them.", "The IOM", "un_agencies"]]


def test_quote_over_paragraphs_reopened_or_not():
    reopened = one('“The sea is deadly.\n“Europe must act.” Frontex said.')
    assert reopened[["first_sent_id", "last_sent_id", "speaker"]].values.tolist() == [[0, 1, "Frontex"]]
    not_reopened = one('“The sea is deadly.\n\nEurope must act.” Frontex said.')
    assert not_reopened[["first_sent_id", "last_sent_id", "speaker"]].values.tolist() == [[0, 1, "Frontex"]]


def test_attribution_inside_and_before_the_quote():
    inside = one('"Camps are full," the UNHCR said. "They must close."')
    assert inside[["text", "speaker"]].values.tolist() == [["Camps are full,", "the UNHCR"], ["They must close.", "the UNHCR"]]
    before = one('The EU said: "We will fund the coast guard."')
    assert before[["kind", "text", "speaker", "speaker_actor"]].values.tolist() == [
        ["direct", "We will fund the coast guard.", "The EU", "europe"]]
    own_line = one('Bashagha spoke. The IOM said:\n"We will act."')
    assert own_line[["kind", "text", "speaker", "speaker_actor"]].values.tolist() == [
        ["direct", "We will act.", "The IOM", "un_agencies"]]


def test_reported_speech_before_and_after_and_according_to():
    assert one("The UNHCR said that 300 people drowned.")[["text", "speaker"]].values.tolist() == [
        ["300 people drowned", "The UNHCR"]]
    assert one("Three boats sank, Italy's coast guard said on Twitter.")[["text", "speaker"]].values.tolist() == [
        ["Three boats sank", "Italy's coast guard"]]
    assert one("According to the IOM, 300 people drowned.")[["text", "speaker", "cue"]].values.tolist() == [
        ["300 people drowned", "the IOM", "According to"]]


def test_short_quotation_inside_a_sentence_is_not_a_quote_of_its_own():
    table = one('The ministry said the file was "thorny and painful" for Libya.')
    assert table[["kind", "speaker"]].values.tolist() == [["reported", "The ministry"]]


def test_anaphors_take_the_most_recent_speaker_of_their_type():
    text = ("Italy's interior minister said ports will close. The EU Commission said it will pay. "
            "He added that boats must stop. It added that funds are ready. The minister said boats are coming. "
            "UNHCR chief Filippo Grandi said camps are full. The minister added that Italy agrees.")
    table = one(text)
    assert table[["speaker", "resolved_speaker", "speaker_actor"]].values.tolist() == [
        ["Italy's interior minister", "Italy's interior minister", "europe"],
        ["The EU Commission", "The EU Commission", "europe"],
        ["He", "Italy's interior minister", "europe"],
        ["It", "The EU Commission", "europe"],
        ["The minister", "Italy's interior minister", "europe"],
        ["UNHCR chief Filippo Grandi", "UNHCR chief Filippo Grandi", "un_agencies"],
        ["The minister", "Italy's interior minister", "europe"],     # "minister" beats the more recent chief
    ]


def test_anaphor_without_antecedent_stays_unresolved():
    assert one("He said that boats must stop.")[["speaker", "resolved_speaker", "speaker_actor"]].values.tolist() == [
        ["He", "", ""]]


def test_sentence_without_speech_cue_gives_no_row():
    assert one("Three boats sank off Libya on Monday.").empty


def test_missing_columns():
    with pytest.raises(ValueError, match=r"quotes\(\) needs columns \['doc_id', 'text'\]; missing \['doc_id'\]"):
        quotes(pd.DataFrame({"text": ["x"]}))


def test_ready_made_sentences_give_the_same_quotes():
    corpus = analysis.load_corpus()
    pd.testing.assert_frame_equal(quotes(corpus, sentences=analysis.sentences(corpus)), quotes(corpus))


def test_sentences_of_another_corpus_are_refused_naming_the_documents():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ['He said "no".', 'She said: "We will act."']})
    sents = analysis.sentences(corpus)
    with pytest.raises(ValueError, match=r"quotes\(\).*no rows for 1 document.*\['b'\].*analysis.sentences"):
        quotes(corpus, sentences=sents[sents["doc_id"] == "a"])
    with pytest.raises(ValueError, match=r"quotes\(\).*rows for 1 document not in the corpus.*\['b'\]"):
        quotes(corpus.iloc[:1], sentences=sents)
    with pytest.raises(ValueError, match=r"quotes\(\) needs columns.*missing \['start'\]"):
        quotes(corpus, sentences=sents.drop(columns="start"))


@pytest.mark.parametrize("head, phrase", [("Besher on Monday", "Besher"), ("Besher, on Monday, also", "Besher"),
                                          ("yesterday", None), ("The minister", "The minister")])
def test_speaker_trailers_are_stripped_longest_first(head, phrase):
    found = _subject(QuoteContext(Cues.load(), Actors.load()), head)
    assert (found[0] if found else None) == phrase


@pytest.mark.parametrize("speaker, actor", [("Mr. John Smith", ""), ("Dr. Amara Osei", ""),
                                            ("Prof. Carlo Buontempo", ""), ("Mr. Antonio Guterres", "un"),
                                            ("U.S. Secretary of State Antony Blinken", "united_states")])
def test_a_title_after_the_cue_keeps_its_name(speaker, actor):
    # the period of an abbreviation is inside the sentence: it does not end the speaker
    table = one(f"“We reject it,” said {speaker}.", **CLIMATE)
    assert table[["kind", "speaker", "speaker_actor", "cue"]].values.tolist() == [["direct", speaker, actor, "said"]]


def test_who_was_told_is_neither_what_was_said_nor_the_speaker():
    def said(text, columns):
        return one(text, **CLIMATE)[columns].values.tolist()
    assert said("“We owe it to the next generation,” he told reporters in Brussels.", ["kind", "speaker", "cue"]) == [
        ["direct", "he", "told"]]
    assert said("He told reporters in Brussels.", ["kind"]) == []
    assert said("The plan will fail, he told reporters in Brussels.", ["text", "speaker"]) == [
        ["The plan will fail", "he"]]
    for text in ("The minister told reporters that the plan would fail.",
                 "The minister told reporters the plan would fail.",
                 "The minister told the AFP news agency on Monday that the plan would fail."):
        assert said(text, ["kind", "text", "speaker"]) == [["reported", "the plan would fail", "The minister"]]
    assert said('He told Al Jazeera: "We will act."', ["kind", "text", "speaker"]) == [
        ["direct", "We will act.", "He"]]
    assert said('"Prices will rise," one trader told CNN.', ["kind", "speaker"]) == [["direct", ""]]  # not CNN


def test_a_place_and_that_before_the_reported_words(seed_quotes):
    assert one("The UNHCR said on its website that 300 people drowned.")[["text", "speaker"]].values.tolist() == [
        ["300 people drowned", "The UNHCR"]]
    _, table = seed_quotes                          # "It added in a statement that there is a probe ..., indicating ..."
    probe = table[table.doc_id.str.startswith("001") & (table.first_sent_id == 12)]
    assert probe.text.iloc[0].startswith("there is a probe that has been opened")


def test_a_description_and_a_name_in_apposition_after_the_cue_as_the_minister_and_a_name():
    for speaker, actor in [("its director, Jo Dardenne", ""), ("the minister, Klara Hoffmann", "government_unresolved")]:
        direct = one(f"“Airlines should pay,” said {speaker}.", **CLIMATE)
        assert direct[["kind", "speaker", "speaker_actor", "cue"]].values.tolist() == [
            ["direct", speaker, actor, "said"]]
        reported = one(f"Airlines should pay, said {speaker}.", **CLIMATE)
        assert reported[["kind", "text", "speaker", "cue"]].values.tolist() == [
            ["reported", "Airlines should pay", speaker, "said"]]


def test_an_appositive_that_describes_the_speaker_goes_with_it_and_names_its_actor():
    speaker = "Sherry Rehman, the climate minister of Pakistan"
    table = one(f"“Airlines should pay,” said {speaker}. The minister added that rich countries must pay.", **CLIMATE)
    assert table[["kind", "speaker", "resolved_speaker", "speaker_actor"]].values.tolist() == [
        ["direct", speaker, speaker, "pakistan"], ["reported", "The minister", speaker, "pakistan"]]
    reported = one(f"Airlines should pay, said {speaker}.", **CLIMATE)
    assert reported[["text", "speaker", "speaker_actor"]].values.tolist() == [
        ["Airlines should pay", speaker, "pakistan"]]
    not_about_her = one("“Airlines should pay,” said Sherry Rehman, a day after the floods in Pakistan.", **CLIMATE)
    assert not_about_her[["speaker", "speaker_actor"]].values.tolist() == [["Sherry Rehman", ""]]


def test_a_place_or_a_time_without_that_before_the_reported_words():
    for text, said, speaker in [("The minister said on Monday the plan would fail.", "the plan would fail", "The minister"),
                                ("Officials said at least 300 people drowned.", "at least 300 people drowned", "Officials"),
                                ("Lidington told MPs on Thursday the bill was flawed.", "the bill was flawed", "Lidington"),
                                ("The UNHCR said in a statement released on Monday it would act.", "it would act", "The UNHCR"),
                                ("The IOM said at the end of the meeting 300 people had drowned.", "300 people had drowned",
                                 "The IOM")]:
        assert one(text)[["kind", "text", "speaker"]].values.tolist() == [["reported", said, speaker]]
    # a place without a clause after it reports nothing; a name after it opens no clause
    for text in ("The minister said on Monday at a news conference in Rome.", "Officials said in northern Syria.",
                 "Officials said on the ground in northern Syria are thousands of troops."):
        assert one(text).empty


def test_after_a_name_who_was_told_a_lower_case_clause_is_what_was_said():
    def said(text):
        return one(text)[["kind", "text", "speaker"]].values.tolist()
    assert said("The official told CNN large numbers of people had been displaced.") == [
        ["reported", "large numbers of people had been displaced", "The official"]]
    assert said("The official told Reuters news agency the plan would fail.") == [
        ["reported", "the plan would fail", "The official"]]
    assert said("The official told CNN.") == []
    # a possessive goes on with who was told, and a colon opens a direct quote
    assert said("“No,” he told Sunday's edition of Germany's Bild newspaper, calling it a red line.") == [
        ["direct", "No,", "he"], ["reported", "calling it a red line", "he"]]
    assert said("The official told ABC News today: “This is a perfect example.”") == [
        ["direct", "This is a perfect example.", "The official"]]


def test_a_name_and_its_appositive_between_commas_before_the_cue():
    speaker = "Sherry Rehman, the climate minister of Pakistan"
    for text, said in [(f"{speaker}, said the floods were unprecedented.", "the floods were unprecedented"),
                       (f"{speaker}, said Pakistan needs help.", "Pakistan needs help")]:   # not "..., said X."
        assert one(text, **CLIMATE)[["kind", "text", "speaker", "speaker_actor"]].values.tolist() == [
            ["reported", said, speaker, "pakistan"]]
    direct = one(f"“Airlines should pay,” {speaker}, said.", **CLIMATE)
    assert direct[["kind", "speaker", "speaker_actor"]].values.tolist() == [["direct", speaker, "pakistan"]]
    # no closing comma, no appositive: "Meanwhile" is not a name of the minister
    assert one("Meanwhile, the minister said the plan would fail.")[["text", "speaker"]].values.tolist() == [
        ["the plan would fail", "the minister"]]


def test_according_to_a_name_and_its_appositive():
    table = one("According to Jan Egeland, the head of the Norwegian Refugee Council, the camps are full.")
    assert table[["text", "speaker", "cue"]].values.tolist() == [
        ["the camps are full", "Jan Egeland, the head of the Norwegian Refugee Council", "According to"]]
    # an appositive's head is a person title or an organisation word, not a clause's last word
    for text, said in [("According to RBB, the report also said the service, the BND, had failed.",
                        "the report also said the service, the BND, had failed"),
                       ("According to UNHCR, the agency recorded 300 deaths, mostly at sea.",
                        "the agency recorded 300 deaths, mostly at sea")]:
        assert one(text)[["text", "speaker"]].values.tolist() == [[said, text.split(",")[0][len("According to "):]]]


@pytest.mark.parametrize("text, said, speaker", [
    # "X, apposition, says Y": X (with what describes it) speaks, Y is what was said, not the other way round
    ("Jeremy Corbyn, the Labour leader, says the government has failed.", "the government has failed",
     "Jeremy Corbyn, the Labour leader"),
    ("Jeremy Corbyn, Labour leader, says the government has failed.", "the government has failed",
     "Jeremy Corbyn, Labour leader"),
    ("Yvette Cooper, a Labour MP, says migrants are exploited.", "migrants are exploited", "Yvette Cooper, a Labour MP"),
    ("Theresa May, who is Home Secretary, says the EU must act.", "the EU must act",
     "Theresa May, who is Home Secretary"),
    # a clause after the cue is no speaker even after a comma; an inverted speaker still is one
    ("The camps are full, says the government has failed.", None, None),
    ("Europe has failed migrants, said the IOM chief.", "Europe has failed migrants", "the IOM chief"),
])
def test_a_speaker_in_apposition_before_the_cue_is_not_swapped_with_what_was_said(text, said, speaker):
    got = one(text)[["text", "speaker"]].values.tolist()
    assert got == ([] if said is None else [[said, speaker]])


@pytest.mark.parametrize("text, said, speaker", [
    ("The EU has failed migrants, he claimed.", "The EU has failed migrants", "he"),
    ("The plan will fail, Italy's minister argued.", "The plan will fail", "Italy's minister"),
    ("Italy must act, with the Tories claiming the EU has failed.", "the EU has failed", "the Tories"),
    ("The report was damning, saying authorities were informed.", None, None),   # no speaker after an -ing cue
    ("Italy has been accused of abandoning migrants.", None, None),              # a passive subject did not speak
])
def test_claims_and_arguments_and_speech_in_an_ing_clause(text, said, speaker):
    got = one(text)[["text", "speaker"]].values.tolist()
    assert got == ([] if said is None else [[said, speaker]])
