"""Tests for analysis.measures.topics: preprocessing, planted topics recovered,
determinism and scikit-learn conventions, the seeds at paragraph level, and the
tables of a fitted model. The planted corpora (easy, overlapping) are fixtures
of tests/conftest.py."""

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import normalized_mutual_info_score

import analysis
from analysis.errors import TopicInputError
from analysis.measures.coherence import select_k
from analysis.measures.topics import (TopicModel, doc_topics_table, fit_topics, top_terms_table, topic_prevalence,
                                      topic_stopwords, topic_tokens, unit_texts, vocabulary_thresholds)
from analysis.resources.stopwords import load_stopwords


# --- preprocessing -----------------------------------------------------------


def test_topic_tokens_drop_stop_words_numbers_and_single_letters():
    text = "Officials said on Monday that 3,300 migrants, a U.N. figure, were rescued in 2019 by the UN."
    # "said", "monday": news list; "on", "that", "were", "in", "by", "the": sklearn's list; 3,300 and 2019:
    # no letter; "a": one letter. "u.n." keeps its dots (analysis.words); "un" is kept although
    # sklearn lists it.
    news = load_stopwords("shipped:stopwords_news_topics.txt")
    assert topic_tokens(text, news) == ["officials", "migrants", "u.n.", "figure", "rescued", "un"]
    # the default of the models, function words only: "said" and "monday" stay
    assert topic_tokens(text, topic_stopwords(None, "test")) == [
        "officials", "said", "monday", "migrants", "u.n.", "figure", "rescued", "un"]
    assert topic_tokens("Don’t go", frozenset({"don't"})) == ["go"]      # compared as load_stopwords writes them


def test_the_news_stop_words_are_the_lists_the_topic_models_used_before():
    """The shipped file keeps the topic figures as they were: scikit-learn's list
    without "un", plus the news words that were written into topics.py."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
    news_words = set("""said says say saying told tell tells according added adding stated statement noted
        also would could may might must shall just like including include includes mr mrs ms dr reported reportedly
        year years month months week weeks day days today yesterday time monday tuesday wednesday thursday friday
        saturday sunday january february march april june july august september october november december""".split())
    assert load_stopwords("shipped:stopwords_news_topics.txt") == (set(ENGLISH_STOP_WORDS) - {"un"}) | news_words


def test_stop_words_are_a_parameter_of_the_models(corpus):
    """A term's document frequency does not depend on the other terms, so leaving
    words out removes those words from the vocabulary and nothing else."""
    words = ["migrants", "detention", "said"]
    everything = set(fit_topics(corpus, 2, unit="paragraphs", stopwords=()).vocabulary_)
    assert set(words) <= everything
    model = fit_topics(corpus, 2, unit="paragraphs", stopwords=words)
    assert model.get_params()["stopwords"] == words                    # stored as given
    assert set(model.vocabulary_) == everything - set(words)
    default = set(fit_topics(corpus, 2, unit="paragraphs").vocabulary_)   # the shipped function words
    assert default == everything - load_stopwords() and "said" in default
    news = load_stopwords("shipped:stopwords_news_topics.txt")
    assert set(fit_topics(corpus, 2, unit="paragraphs", stopwords=news).vocabulary_) == everything - news
    selection = select_k(corpus, [2, 3], unit="paragraphs", stopwords=words, progress=False)
    assert selection.table["k"].tolist() == [2, 3]
    with pytest.raises(analysis.AnalysisError, match=r"TopicModel\(\): stopwords= takes a set of words"):
        TopicModel(2, stopwords="the").fit(["a text", "another text"])


def test_vocabulary_thresholds_adapt_to_corpus_size():
    assert vocabulary_thresholds(5) == (1, 1.0)
    assert vocabulary_thresholds(19) == (1, 1.0)
    assert vocabulary_thresholds(50) == (2, 0.5)
    assert vocabulary_thresholds(600) == (3, 0.5)
    assert vocabulary_thresholds(100_000) == (5, 0.5)


def test_unit_texts_splits_a_corpus_and_keeps_ids(corpus):
    pars = unit_texts(corpus, "paragraphs")
    expected = analysis.paragraphs(corpus)
    assert list(pars.columns) == ["doc_id", "par_id", "text"]
    assert pars["text"].tolist() == expected["text"].tolist()
    sents = unit_texts(corpus, "sentences")
    assert list(sents.columns) == ["doc_id", "sent_id", "text"] and len(sents) == len(analysis.sentences(corpus))
    assert unit_texts(corpus)["doc_id"].tolist() == corpus["doc_id"].tolist()
    # a paragraphs table at unit="paragraphs" is used as it is
    assert unit_texts(expected, "paragraphs")["text"].tolist() == expected["text"].tolist()
    assert unit_texts(pd.Series(["x y", "z"]))["text_id"].tolist() == [0, 1]


@pytest.mark.parametrize("texts, unit, message", [
    ("one string", "documents", "one string"),
    (["ok", None], "documents", "positions \\[1\\]"),
    (["a text"], "paragraphs", "needs a corpus table"),
    (["a text"], "chapters", r"unit_texts\(\): unit= must be one of 'documents', 'paragraphs', 'sentences'; got 'chapters'"),
])
def test_unit_texts_rejects_bad_input(texts, unit, message):
    with pytest.raises(TopicInputError, match=message):
        unit_texts(texts, unit)


def test_unit_texts_rejects_a_unit_that_does_not_match_the_table(corpus):
    with pytest.raises(TopicInputError, match="holds sentences"):
        unit_texts(analysis.sentences(corpus), "paragraphs")
    with pytest.raises(TopicInputError, match="holds paragraphs"):
        unit_texts(analysis.paragraphs(corpus), "documents")
    with pytest.raises(TopicInputError, match="rows \\[1\\]"):
        unit_texts(pd.DataFrame({"text": ["a", None]}))
    assert list(unit_texts(pd.DataFrame({"text": ["a", "b"]})).columns) == ["text_id", "text"]


# --- planted topics: known answers ----------------------------------------------


def _planted_match(model):
    """For each fitted topic, the planted topic whose own words make up its top 10 words."""
    matches = []
    for terms in model.top_terms(10):
        owners = {t.split("w")[0] for t in terms if not t.startswith("sh")}
        assert len(owners) == 1, terms          # top words come from one planted topic
        matches.append(int(owners.pop()[1:]))
    return matches


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_dominant_topic_recovers_planted_topic_on_easy_corpus(easy, method):
    texts, theta, topic_words = easy
    model = fit_topics(texts, 4, method=method)
    assert normalized_mutual_info_score(theta.argmax(axis=1), model.doc_topics_.argmax(axis=1)) >= 0.9
    # top words: each fitted topic's top 10 are the planted topic's own words, one fitted topic per planted one
    matches = _planted_match(model)
    assert sorted(matches) == [0, 1, 2, 3]
    for fitted, planted in enumerate(matches):
        assert set(model.top_terms(5)[fitted]) <= set(topic_words[planted][:10])


def test_top_words_match_planted_topics_with_overlapping_vocabularies(overlapping):
    texts, theta, topic_words = overlapping
    model = fit_topics(texts, 4)
    matches = _planted_match(model)
    assert sorted(matches) == [0, 1, 2, 3]
    assert normalized_mutual_info_score(theta.argmax(axis=1), model.doc_topics_.argmax(axis=1)) >= 0.8


# --- determinism and sklearn conventions ------------------------------------------


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_same_seed_gives_byte_identical_results(overlapping, method):
    texts, _, _ = overlapping
    first, second = (fit_topics(texts, 4, method=method, random_state=3) for _ in range(2))
    assert first.doc_topics_.tobytes() == second.doc_topics_.tobytes()
    assert first.topic_terms_.tobytes() == second.topic_terms_.tobytes()


def test_lda_seed_changes_the_fit(overlapping):
    texts, _, _ = overlapping
    a = fit_topics(texts, 4, method="lda", random_state=0)
    b = fit_topics(texts, 4, method="lda", random_state=1)
    assert a.doc_topics_.tobytes() != b.doc_topics_.tobytes()


def test_topic_model_follows_sklearn_conventions(easy):
    texts, _, _ = easy
    model = TopicModel(4, method="lda", options={"max_iter": 20})
    assert model.get_params()["options"] == {"max_iter": 20} and model.k == 4
    with pytest.raises(NotFittedError):
        model.top_terms()
    assert model.fit(texts) is model
    assert model.estimator_.max_iter == 20 and model.estimator_.n_jobs == 1
    assert clone(model).get_params() == model.get_params()
    assert fit_topics(texts, 4, max_iter=7).estimator_.max_iter == 7     # **options reach the estimator


@pytest.mark.parametrize("texts, k, message", [
    (["migrants rescued", "boats arrived"], 3, "more than the 2 texts"),
    (["migrants rescued", "boats arrived"], 0, r"TopicModel\(\): k= must be a whole number >= 1; got 0"),
    (["the and of", "it was by"], 1, "no vocabulary left"),
    ([], 1, "no texts"),
])
def test_fit_topics_rejects_bad_input(texts, k, message):
    with pytest.raises(TopicInputError, match=message):
        fit_topics(texts, k)


def test_fit_topics_rejects_unknown_method_and_warns_on_texts_without_vocabulary():
    with pytest.raises(TopicInputError, match="method= must be one of 'nmf', 'lda'"):
        fit_topics(["a b"], 1, method="bert")
    texts = ["migrants boats sea", "boats sea migrants", "the and of"]
    with pytest.warns(UserWarning, match="1 of 3 texts contain no vocabulary term"):
        model = fit_topics(texts, 2)
    assert model.doc_topics_[2].tolist() == [0.0, 0.0]    # kept, not dropped


# --- the seeds at paragraph level, tables --------------------------------------------


def test_seed_paragraphs_give_a_model_with_one_row_per_paragraph(corpus):
    model = fit_topics(corpus, 4, unit="paragraphs")
    pars = analysis.paragraphs(corpus)
    assert model.units_[["doc_id", "par_id"]].equals(pars[["doc_id", "par_id"]])
    assert model.doc_topics_.shape == (50, 4)
    sums = model.doc_topics_.sum(axis=1)
    assert np.allclose(sums[sums > 0], 1)
    assert len(model.vocabulary_) >= 50
    assert not set(model.vocabulary_) & load_stopwords()


def test_top_terms_table_lists_weights_best_first(easy):
    texts, _, _ = easy
    model = fit_topics(texts, 4)
    long = top_terms_table(model, 5)
    assert list(long.columns) == ["topic", "rank", "term", "weight"] and len(long) == 20
    for topic, group in long.groupby("topic"):
        assert group["term"].tolist() == model.top_terms(5)[topic]
        assert group["weight"].is_monotonic_decreasing
        vocab = list(model.vocabulary_)
        assert group["weight"].tolist() == [model.topic_terms_[topic, vocab.index(t)] for t in group["term"]]
    wide = top_terms_table(model, 2, layout="wide")
    first = long[long["topic"] == 0].head(2)
    assert wide.loc[0, "terms"] == ", ".join(f"{t} ({w:.3f})" for t, w in zip(first["term"], first["weight"]))
    assert wide["share"].sum() == pytest.approx(1.0)


def test_doc_topics_table_and_prevalence_by_metadata():
    corpus = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4"],
                           "text": ["migrants boats sea rescue", "boats sea rescue migrants",
                                    "border police fence wall", "police fence border wall"],
                           "outlet": ["A", "A", "B", None]})
    model = fit_topics(corpus, 2)
    table = doc_topics_table(model)
    assert list(table.columns) == ["doc_id", "topic_0", "topic_1"]
    # documents 1-2 and 3-4 share all their words: each pair is one topic
    dominant = model.doc_topics_.argmax(axis=1)
    assert dominant[0] == dominant[1] != dominant[2] == dominant[3]
    prevalence = topic_prevalence(model, corpus, "outlet")
    assert prevalence["outlet"].tolist() == ["(missing)", "A", "B"]
    assert prevalence["n_texts"].tolist() == [1, 2, 1]
    expected_a = model.doc_topics_[:2].mean(axis=0)
    assert prevalence.loc[1, ["topic_0", "topic_1"]].tolist() == pytest.approx(expected_a.tolist())
    with pytest.raises(TopicInputError, match="'region'"):
        topic_prevalence(model, corpus, "region")
    with pytest.raises(TopicInputError, match="plain texts"):
        topic_prevalence(fit_topics(corpus["text"].tolist(), 2), corpus, "outlet")
    with pytest.raises(ValueError, match=r"topic_prevalence\(\): doc_id 'd1' is in rows 0 and 4"):
        topic_prevalence(model, pd.concat([corpus, corpus.head(1)], ignore_index=True), "outlet")


def test_prevalence_by_document_counts_its_paragraphs(corpus):
    model = fit_topics(corpus, 3, unit="paragraphs")
    by_doc = topic_prevalence(model, corpus, "doc_id")
    assert by_doc["doc_id"].tolist() == corpus["doc_id"].tolist()
    assert by_doc["n_texts"].tolist() == [9, 10, 11, 11, 9]
    first = model.doc_topics_[:9].mean(axis=0)
    assert by_doc.loc[0, ["topic_0", "topic_1", "topic_2"]].tolist() == pytest.approx(first.tolist())
