"""TopicModel.transform on texts it has not seen, what a fitted model keeps, and
the one spelling of the estimator's options."""

import pickle
import warnings

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

import analysis
from analysis import TopicModel, doc_topics_table, fit_topics, select_k, topic_prevalence
from analysis.measures.topics import unit_texts
from analysis.synthetic import planted_corpus


@pytest.fixture(scope="module")
def planted():
    return planted_corpus(n_docs=400, k=4, random_state=7)


def _match(model, topic_words):
    """Fitted topic index for each planted topic (by their top words)."""
    top = model.top_terms(20)
    overlap = np.array([[len(set(top[f]) & set(words[:20])) for f in range(len(top))] for words in topic_words])
    planted_idx, fitted_idx = linear_sum_assignment(-overlap)
    return fitted_idx[np.argsort(planted_idx)]


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_transform_recovers_the_planted_shares_of_unseen_texts(planted, method):
    texts, theta, topic_words = planted
    model = TopicModel(4, method=method).fit(texts[:300])
    shares = model.transform(texts[300:])[:, _match(model, topic_words)]
    assert shares.shape == (100, 4)
    assert np.allclose(shares.sum(axis=1), 1)
    assert (shares.argmax(axis=1) == theta[300:].argmax(axis=1)).mean() >= 0.9
    assert np.abs(shares - theta[300:]).mean() < 0.1


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_transform_of_the_training_texts_is_close_to_doc_topics(planted, method):
    texts = planted[0][:200]
    model = TopicModel(4, method=method).fit(texts)
    assert np.abs(model.transform(texts) - model.doc_topics_).max() < 0.05


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_a_text_gets_the_same_shares_whatever_is_transformed_with_it(planted, method):
    """Chunks (featurize, Dask partitions) give exactly the numbers of one call."""
    texts = planted[0]
    model = TopicModel(4, method=method).fit(texts[:300])
    whole = model.transform(texts[300:])
    chunks = np.vstack([model.transform(texts[i:i + 7]) for i in range(300, 400, 7)])
    assert np.array_equal(whole, chunks)
    assert np.array_equal(model.transform(texts[350:351]), whole[50:51])


def test_nmf_transform_solves_the_least_squares_problem_exactly(planted):
    """Our per-text solution is at least as good as sklearn's iterative one, text by text."""
    texts = planted[0]
    model = TopicModel(4).fit(texts[:300])
    x = model.vectorizer_.transform(texts[300:]).toarray()
    h = model.estimator_.components_
    ours = analysis.measures.topics._nmf_transform(h, model.vectorizer_.transform(texts[300:]))
    theirs = model.estimator_.transform(model.vectorizer_.transform(texts[300:]))
    loss = lambda w: ((x - w @ h) ** 2).sum(axis=1)  # noqa: E731
    assert (ours >= 0).all() and (loss(ours) <= loss(theirs) + 1e-12).all()


def test_options_that_change_nmf_s_loss_use_sklearn_s_transform(planted):
    texts = planted[0][:100]
    model = TopicModel(4, options={"beta_loss": "kullback-leibler", "solver": "mu", "max_iter": 400}).fit(texts)
    expected = model.estimator_.transform(model.vectorizer_.transform(texts[:5]))
    assert np.allclose(model.transform(texts[:5]), expected / expected.sum(axis=1, keepdims=True))


def test_transform_splits_a_table_into_the_model_s_units(corpus):
    model = fit_topics(corpus, 3, unit="paragraphs")
    shares = model.transform(corpus)
    assert shares.shape == (len(unit_texts(corpus, "paragraphs")), 3) == model.doc_topics_.shape
    assert np.abs(shares - model.doc_topics_).max() < 0.05
    one = model.transform(["Migrants were rescued off the coast of Libya."])   # plain texts: one row each
    assert one.shape == (1, 3) and np.isclose(one.sum(), 1)


def test_transform_warns_about_texts_without_a_vocabulary_word(planted):
    model = TopicModel(4).fit(planted[0][:100])
    with pytest.warns(UserWarning, match="1 of 2 texts contain no vocabulary term"):
        shares = model.transform([planted[0][0], "nothing the model knows"])
    assert shares[1].tolist() == [0, 0, 0, 0]


def test_the_model_keeps_ids_not_texts(corpus, planted):
    model = fit_topics(corpus, 3, unit="paragraphs")
    assert list(model.units_.columns) == ["doc_id", "par_id"]
    assert model.units_.equals(unit_texts(corpus, "paragraphs")[["doc_id", "par_id"]])
    assert list(doc_topics_table(model).columns) == ["doc_id", "par_id", "topic_0", "topic_1", "topic_2"]
    assert topic_prevalence(model, corpus, "doc_id")["n_texts"].sum() == len(model.units_)
    plain = fit_topics(planted[0][:50], 2)
    assert list(plain.units_.columns) == ["text_id"]
    assert all(t not in pickle.dumps(plain) for t in [planted[0][0].encode(), planted[0][1].encode()])


def test_options_have_one_spelling_and_the_old_one_still_works_with_a_warning(planted):
    texts = planted[0][:60]
    assert TopicModel(4, options={"max_iter": 7}).fit(texts).estimator_.max_iter == 7
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        assert fit_topics(texts, 4, options={"max_iter": 7}).estimator_.max_iter == 7
    with pytest.warns(FutureWarning, match=r"options=\{'max_iter': 7\}"):
        old = fit_topics(texts, 4, max_iter=7)
    assert old.estimator_.max_iter == 7 and old.get_params()["options"] == {"max_iter": 7}
    with pytest.warns(FutureWarning, match=r"select_k\(\.\.\., max_iter=\.\.\.\)"):
        select_k(texts, [2, 3], progress=False, max_iter=50)
