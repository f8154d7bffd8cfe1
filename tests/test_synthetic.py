"""Tests for analysis.synthetic: the generated corpora hold what they promise."""

import numpy as np

from analysis.synthetic import SENTENCES, generated_corpus, planted_corpus


def test_generated_corpus_picks_its_sentences_by_rule():
    table = generated_corpus(2)
    assert table["doc_id"].tolist() == ["d0", "d1"] and table["outlet"].tolist() == ["A", "B"]
    # doc 0: 2 sentences, step 1 from sentence 0; doc 1: 3 sentences, step 2 from sentence 1, two per paragraph
    assert table.loc[0, "text"] == f"{SENTENCES[0]} {SENTENCES[1]}"
    assert table.loc[1, "text"] == f"{SENTENCES[1]} {SENTENCES[3]}\n{SENTENCES[5]}"


def test_planted_corpus_is_deterministic_and_follows_its_topics():
    a = planted_corpus(n_docs=30, k=3, shared_words=4, random_state=5)
    b = planted_corpus(n_docs=30, k=3, shared_words=4, random_state=5)
    assert a[0] == b[0] and np.array_equal(a[1], b[1])
    texts, theta, topic_words = a
    assert np.allclose(theta.sum(axis=1), 1) and theta.shape == (30, 3)
    allowed = set().union(*map(set, topic_words))
    assert all(len(t.split()) == 60 and set(t.split()) <= allowed for t in texts)
    assert all(len(words) == 24 and sum(w.startswith("shw") for w in words) == 4 for words in topic_words)
    assert planted_corpus(n_docs=30, k=3, random_state=6)[0] != texts
