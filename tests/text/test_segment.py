"""Tests for analysis.text.segment: paragraphs, sentences and tokens of the seeds
and of sentences of our own, offsets into the document, and the fast Punkt
against NLTK's."""

import random
from collections import Counter

import pandas as pd
import pytest

import analysis
from analysis.errors import TableError
from analysis.resources.rules import SegmentationRules
from analysis.text import segment
from analysis.text._punkt import quick_decision
from analysis.text.segment import TOKEN_PATTERN, sentence_spans, words


def _punkt():
    """The fast Punkt of the shipped segmentation rules, and its pattern of number abbreviations."""
    return segment.punkt(SegmentationRules.load())


def _text(corpus):
    return corpus.set_index("doc_id")["text"]


def test_every_seed_sentence_is_its_own_slice_of_the_document(corpus, sents):
    texts = _text(corpus)
    assert len(sents) == 61
    for row in sents.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_every_paragraph_and_token_is_its_own_slice(corpus, sents):
    texts = _text(corpus)
    pars = analysis.paragraphs(corpus)
    assert len(pars) == 50
    for row in pars.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    toks = analysis.tokens(sents)
    assert all(texts[r.doc_id][r.start:r.end] == r.token for r in toks.itertuples())


def test_sentence_ids_are_zero_based_and_consecutive_per_document(sents):
    for _, group in sents.groupby("doc_id"):
        assert group["sent_id"].tolist() == list(range(len(group)))
        assert group["start"].is_monotonic_increasing


def test_sentences_stay_within_their_paragraph(corpus, sents):
    pars = analysis.paragraphs(corpus).set_index(["doc_id", "par_id"])
    for row in sents.itertuples():
        par = pars.loc[(row.doc_id, row.par_id)]
        assert par.start <= row.start and row.end <= par.end


def _doc_sentences(sents, doc_id):
    return sents[sents["doc_id"] == doc_id]["text"].tolist()


# -- the tricky boundaries found in the seeds, one test each -------------------------------------


def test_attribution_line_after_a_closing_quote_is_its_own_sentence(sents):
    # 001: "... show it to the world.” Besher added."
    texts = _doc_sentences(sents, "001_1ec201bc634de039")
    assert "Besher added." in texts
    assert any(t.endswith("show it to the world.”") for t in texts)
    assert "He further added." in texts


def test_quote_running_over_two_sentences_keeps_both_sentences_and_their_quote_marks(sents):
    # 003: “Italy will be providing ... immigration. Of course, the European Union should ... Libya.”
    texts = _doc_sentences(sents, "003_929eec2763dc5bbb")
    i = next(i for i, t in enumerate(texts) if t.startswith("“Italy will be providing"))
    assert texts[i].endswith("fighting illegal immigration.")
    assert texts[i + 1] == "Of course, the European Union should take part in these efforts and assist Libya.”"
    assert texts[i + 2].startswith("The Italian Interior Minister indicated")


def test_quote_over_three_sentences_ends_with_its_attribution(sents):
    # 002: "Including those victims ... inhumane. Moreover, ... nearby. These centers must be closed," the IOM ...
    texts = _doc_sentences(sents, "002_4e7e16cfe19459e8")
    i = next(i for i, t in enumerate(texts) if t.startswith('"Including those victims'))
    assert texts[i + 1].startswith("Moreover, migrants and refugees")
    assert texts[i + 2] == 'These centers must be closed," the IOM and the UNHCR said in a joint statement.'


def test_closing_quote_before_a_comma_does_not_split(sents):
    # 000: '"Improving the conditions ... community," the statement read.'
    texts = _doc_sentences(sents, "000_bd62f2a1691b9c73")
    assert any(t.startswith('"Improving the conditions') and t.endswith("the statement read.") for t in texts)


def test_abbreviation_like_acronyms_and_numbers_do_not_split(sents):
    # 004: "... a high-level delegation from IOM HQ." and "18 July 2017"; 003: "€2 million"
    texts = _doc_sentences(sents, "004_0c974b69cb272ea1")
    assert any(t.endswith("from IOM HQ.") and t.startswith("The launch, held at") for t in texts)
    assert any("held on 18 July 2017 in Tripoli, said the UNSMIL." in t for t in texts)


def test_news_abbreviations_do_not_end_sentences():
    text = ("Mr. Besher met Dr. Ali and Gen. Haftar in St. Petersburg on Jan. 5. "
            "The U.S. and the U.N. envoy cited No. 12 of the rules. He left.")
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Mr. Besher met Dr. Ali and Gen. Haftar in St. Petersburg on Jan. 5.",
        "The U.S. and the U.N. envoy cited No. 12 of the rules.",
        "He left.",
    ]


def test_initials_do_not_end_sentences():
    text = "George W. Bush spoke. Then J. K. Rowling spoke."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["George W. Bush spoke.", "Then J. K. Rowling spoke."]


def test_lower_case_no_at_the_end_of_a_sentence_still_ends_it():
    text = "He said no. 5 of them left."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["He said no.", "5 of them left."]


def test_tokens_keep_words_with_inner_hyphens_and_apostrophes_and_split_possessives():
    text = "Libya’s eastern-based army, Fat'hi's men and 3,300 U.N. staff won't."
    assert [text[s:e] for s, e in (m.span() for m in TOKEN_PATTERN.finditer(text))] == [
        "Libya", "’s", "eastern-based", "army", ",", "Fat'hi", "'s", "men", "and", "3,300", "U.N.", "staff",
        "won't", "."]
    assert words(text) == ["libya", "eastern-based", "army", "fat'hi", "men", "and", "3,300", "u.n.", "staff", "won't"]


def test_tokens_of_a_sentence_table_carry_sent_id_and_document_offsets():
    corpus = pd.DataFrame({"doc_id": ["d"], "text": ["First one.\nSecond, here."]})
    toks = analysis.tokens(analysis.sentences(corpus))
    assert toks[["sent_id", "tok_id", "start", "end", "token"]].values.tolist() == [
        [0, 0, 0, 5, "First"], [0, 1, 6, 9, "one"], [0, 2, 9, 10, "."],
        [1, 3, 11, 17, "Second"], [1, 4, 17, 18, ","], [1, 5, 19, 23, "here"], [1, 6, 23, 24, "."]]


def test_paragraphs_are_lines_with_or_without_blank_lines_between():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["One.\nTwo.", "  One.  \n\n\nTwo."]})
    pars = analysis.paragraphs(corpus)
    assert pars[["doc_id", "par_id", "start", "end", "text"]].values.tolist() == [
        ["a", 0, 0, 4, "One."], ["a", 1, 5, 9, "Two."], ["b", 0, 2, 6, "One."], ["b", 1, 11, 15, "Two."]]


def test_segmenting_a_table_without_text_says_what_it_needs():
    with pytest.raises(ValueError, match=r"missing \['text'\]"):
        analysis.sentences(pd.DataFrame({"doc_id": ["a"], "body": ["x"]}))


# -- the fast Punkt decides every candidate break as NLTK's Punkt does ---------------------------

def _nltk_punkt():
    """NLTK's own PunktSentenceTokenizer with the abbreviations we ship."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(_punkt()[0]._params.abbrev_types)
    return PunktSentenceTokenizer(params)


def _generated_paragraphs(n: int, seed: int = 0) -> list[str]:
    """Paragraphs of random words, abbreviations, initials, numbers, quote
    marks, brackets and end marks: every kind of candidate break, and the
    contexts the fast path decides as well as those it hands to Punkt."""
    rng = random.Random(seed)
    words = ["said", "migrants", "Libya", "the", "he", "Tripoli", "EU", "I", "a", "no", "No", "coast-guard",
             "Mr.", "Dr.", "Gen.", "St.", "Jan.", "U.S.", "U.N.", "etc.", "J.", "W.", "e.g.", "5.", "2017.",
             "3,300", "...", "--", "Fat'hi", "Libya's", "élan", "Ça", "i.e.", "vs.", "p.m."]
    ends = [".", "?", "!", ".”", ".\"", ".)", "?”", "!'", ".’", "…", ".;", ".:", "", ".."]
    opens = ["", "", "", "“", "\"", "(", "'", "‘", "["]
    paragraphs = []
    for _ in range(n):
        sentences = []
        for _ in range(rng.randint(1, 6)):
            body = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
            sentences.append(rng.choice(opens) + body + rng.choice(ends))
        paragraphs.append(rng.choice([" ", "  ", " "]).join(sentences))
    return paragraphs


def test_fast_punkt_gives_nltk_punkts_spans_on_the_seeds_and_on_generated_text(corpus):
    fast, reference = _punkt()[0], _nltk_punkt()
    texts = analysis.paragraphs(corpus)["text"].tolist() + _generated_paragraphs(3000)
    for text in texts:
        assert fast.spans(text) == list(reference.span_tokenize(text)), text


def test_generated_text_has_breaks_the_fast_path_decides_both_ways_and_breaks_it_leaves_to_punkt():
    abbreviations, reference = _punkt()[0]._params.abbrev_types, _nltk_punkt()
    decisions = Counter(quick_decision(abbreviations, context) for text in _generated_paragraphs(3000)
                        for _, context in reference._match_potential_end_contexts(text))
    assert min(decisions[True], decisions[False], decisions[None]) >= 100, decisions


def test_a_doc_id_given_twice_is_refused_before_offsets_point_into_the_wrong_text():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "a"], "text": ["The EU blamed Libya.", "Aid.", "Italy accused smugglers."]})
    message = r"doc_id 'a' is in rows 0 and 2 of the corpus; each document needs its own id"
    for run in (analysis.sentences, analysis.paragraphs, analysis.attributions, analysis.quotes,
                lambda c: analysis.featurize(c, chunksize=2, progress=False)):
        with pytest.raises(TableError, match=message):
            run(corpus)
    with pytest.raises(TableError, match=message):
        analysis.attributions(corpus, sentences=analysis.sentences(corpus.iloc[:2]))
