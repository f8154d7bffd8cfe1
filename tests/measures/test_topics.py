import math
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import normalized_mutual_info_score

import analysis
from analysis.topics import (
    STABILITY_THRESHOLD, TopicInputError, TopicModel, doc_topics_table, fit_topics, npmi_coherence,
    planted_corpus, plot_doc_topics, plot_k_selection, plot_prevalence, recommend_k, select_k,
    top_terms_table, topic_diversity, topic_prevalence, topic_stability, topic_tokens, unit_texts,
    vocabulary_thresholds,
)


def gensim_npmi(topics, texts, window_size, topn):
    """gensim's c_npmi per topic and mean (gensim is a test-only dependency)."""
    coherencemodel = pytest.importorskip("gensim.models.coherencemodel")
    dictionary = pytest.importorskip("gensim.corpora").Dictionary(texts)
    model = coherencemodel.CoherenceModel(topics=topics, texts=texts, dictionary=dictionary, coherence="c_npmi",
                                          window_size=window_size, topn=topn, processes=1)
    return np.array(model.get_coherence_per_topic()), model.get_coherence()


@pytest.fixture(scope="module")
def easy():
    """Four planted topics, disjoint vocabularies, documents nearly single-topic."""
    return planted_corpus(n_docs=200, k=4, alpha=0.02, doc_length=60, seed=0)


@pytest.fixture(scope="module")
def overlapping():
    """Four planted topics sharing 10 words, mixed documents."""
    return planted_corpus(n_docs=200, k=4, shared_words=10, alpha=0.1, doc_length=80, seed=1)


# --- preprocessing -----------------------------------------------------------


def test_topic_tokens_drop_stop_words_domain_words_numbers_and_single_letters():
    text = "Officials said on Monday that 3,300 migrants, a U.N. figure, were rescued in 2019 by the UN."
    # "said", "monday": domain list; "on", "that", "were", "in", "by", "the": sklearn; 3,300 and 2019:
    # no letter; "a": one letter. "u.n." keeps its dots (analysis.words); "un" is kept although
    # sklearn lists it.
    assert topic_tokens(text) == ["officials", "migrants", "u.n.", "figure", "rescued", "un"]


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
    (["a text"], "chapters", "unit must be one of"),
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


# --- coherence ---------------------------------------------------------------


def test_npmi_known_answer_by_hand():
    # Two texts shorter than the window: two windows. P(a)=1, P(b)=P(c)=1/2,
    # P(a,b)=P(a,c)=1/2, P(b,c)=0.
    # NPMI(a,b) = log((1/2 + e) / (1 * 1/2)) / -log(1/2 + e) ~ 0;  NPMI(b,c) = log(e / (1/4)) / -log(e).
    e = 1e-12
    ab = math.log((0.5 + e) / 0.5) / -math.log(0.5 + e)
    bc = math.log(e / 0.25) / -math.log(e)
    expected = (4 * ab + 2 * bc) / 6   # mean over the six ordered pairs
    texts = [["a", "b"], ["a", "c"]]
    assert npmi_coherence([["a", "b", "c"]], texts) == pytest.approx(expected, abs=1e-12)
    assert round(expected, 4) == -0.3166
    # a second topic averages in: (b, a) alone -> ~0
    per_topic = npmi_coherence([["a", "b", "c"], ["b", "a"]], texts, per_topic=True)
    assert per_topic == pytest.approx([expected, ab], abs=1e-12)


def test_npmi_counts_sliding_windows_with_stride_one():
    # window 2 over x y z: windows (x y), (y z). P(x)=1/2, P(z)=1/2, P(x,z)=0; P(x,y)=1/2, P(y)=1.
    e = 1e-12
    xz = math.log(e / 0.25) / -math.log(e)
    xy = math.log((0.5 + e) / 0.5) / -math.log(0.5 + e)
    assert npmi_coherence([["x", "z"]], [["x", "y", "z"]], window_size=2) == pytest.approx(xz, abs=1e-12)
    assert npmi_coherence([["x", "y"]], [["x", "y", "z"]], window_size=2) == pytest.approx(xy, abs=1e-12)
    # with window 3 the whole text is one window: x and z always together, NPMI(x,z) = log(1+e)/-log(1+e) = -1
    assert npmi_coherence([["x", "z"]], [["x", "y", "z"]], window_size=3) == pytest.approx(-1.0)


def _random_corpus(seed):
    rng = np.random.default_rng(seed)
    vocab = [f"w{i}" for i in range(25)]
    # lengths 0..40 (empty texts, texts shorter and longer than the windows); repeats within windows
    texts = [[str(w) for w in rng.choice(vocab, size=rng.integers(0, 41))] for _ in range(80)]
    topics = [[str(w) for w in rng.choice(vocab, 10, replace=False)] for _ in range(6)]
    return texts, topics


@pytest.mark.parametrize("window_size", [2, 3, 10, 110])
@pytest.mark.parametrize("seed", [0, 1])
def test_npmi_equals_gensim_on_random_corpora(seed, window_size):
    texts, topics = _random_corpus(seed)
    ours = npmi_coherence(topics, texts, window_size=window_size, topn=10, per_topic=True)
    theirs, mean = gensim_npmi(topics, texts, window_size, 10)
    assert np.abs(ours - theirs).max() < 1e-6
    assert abs(npmi_coherence(topics, texts, window_size=window_size, topn=10) - mean) < 1e-6


def test_npmi_reproduces_gensims_window_update_for_repeated_words():
    # Windows of 2 over a a b c: (a a), (a b), (b c). gensim drops "a" when the first a
    # leaves, so it counts a in one window and never with b; we must do the same.
    texts = [["a", "a", "b", "c"], ["c", "a", "c", "a", "b"]]
    for window_size in (2, 3):
        ours = npmi_coherence([["a", "b", "c"]], texts, window_size=window_size, per_topic=True)
        theirs, _ = gensim_npmi([["a", "b", "c"]], texts, window_size, 10)
        assert np.abs(ours - theirs).max() < 1e-6


@pytest.mark.parametrize("topn, window_size", [(5, 5), (10, 10), (10, 30)])
def test_npmi_equals_gensim_on_model_topics(easy, corpus, topn, window_size):
    texts, _, _ = easy
    model = fit_topics(texts, 4)
    tokens = [topic_tokens(t) for t in texts]
    ours = npmi_coherence(model.top_terms(15), tokens, window_size=window_size, topn=topn, per_topic=True)
    assert np.abs(ours - gensim_npmi(model.top_terms(15), tokens, window_size, topn)[0]).max() < 1e-6
    seeds = fit_topics(corpus, 4, unit="paragraphs")
    tokens = [topic_tokens(t) for t in seeds.units_["text"]]
    ours = npmi_coherence(seeds.top_terms(topn), tokens, window_size=window_size, topn=topn, per_topic=True)
    assert np.abs(ours - gensim_npmi(seeds.top_terms(topn), tokens, window_size, topn)[0]).max() < 1e-6


def test_npmi_drops_words_absent_from_the_texts_like_gensim_and_says_so():
    texts, topics = _random_corpus(2)
    topics = [["zzz"] + t for t in topics]     # absent first word: the next 10 are used
    with pytest.warns(UserWarning, match="zzz"):
        ours = npmi_coherence(topics, texts, window_size=5, topn=10, per_topic=True)
    assert np.abs(ours - gensim_npmi(topics, texts, 5, 10)[0]).max() < 1e-6


@pytest.mark.parametrize("kwargs, message", [
    ({"window_size": 1}, "window_size must be at least 2"),
    ({"topn": 1}, "topn must be at least 2"),
])
def test_npmi_rejects_bad_parameters(kwargs, message):
    with pytest.raises(TopicInputError, match=message):
        npmi_coherence([["a", "b"]], [["a", "b"]], **kwargs)


def test_npmi_rejects_untokenised_texts_and_topics_without_two_known_words():
    with pytest.raises(TopicInputError, match="token lists"):
        npmi_coherence([["a", "b"]], ["a b", "b a"])
    with warnings.catch_warnings(), pytest.raises(TopicInputError, match="topic 1 has 1"):
        warnings.simplefilter("ignore")
        npmi_coherence([["a", "b"], ["a", "zzz"]], [["a", "b"]])


def test_topic_diversity_known_answers():
    assert topic_diversity([["a", "b"], ["c", "d"]], n=2) == 1.0
    assert topic_diversity([["a", "b"], ["a", "b"]], n=2) == 0.5
    assert topic_diversity([["a", "b", "x"], ["b", "c", "y"]], n=2) == 0.75   # only the top 2 count
    with pytest.raises(TopicInputError, match="needs 3 words"):
        topic_diversity([["a", "b"]], n=3)


# --- stability and the rule for k ---------------------------------------------


def test_topic_stability_known_answers():
    a = np.array([[2.0, 0.0, 0.0], [0.0, 1.0, 1.0]])
    assert topic_stability([a, a[::-1] * 3]) == pytest.approx(1.0)          # same topics, other order and scale
    b = np.array([[1.0, 1.0, 0.0], [0.0, 1.0, 1.0]])
    # best match a0-b0 (cos 1/sqrt 2) and a1-b1 (cos 1), mean 0.8536; a third run equal to a adds 1.0 and 0.8536
    assert topic_stability([a, b]) == pytest.approx((1 / math.sqrt(2) + 1) / 2)
    assert topic_stability([a, b, a]) == pytest.approx((2 * (1 / math.sqrt(2) + 1) / 2 + 1) / 3)
    with pytest.raises(TopicInputError, match="two runs"):
        topic_stability([a])


def test_recommend_k_follows_the_stated_rule():
    table = pd.DataFrame({"k": [2, 3, 4, 5], "coherence": [0.5, 0.2, 0.3, 0.3],
                          "stability": [0.7, 0.95, 0.9, 0.85]})
    k, rule = recommend_k(table)
    assert k == 4          # 2 is the most coherent but unstable; 4 and 5 tie on coherence: the smaller
    assert str(STABILITY_THRESHOLD) in rule
    table["stability"] = [0.5, 0.6, 0.7, 0.65]
    assert recommend_k(table)[0] == 4   # none stable enough: the most stable


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


@pytest.mark.parametrize("fixture", ["easy", "overlapping"])
def test_select_k_recovers_planted_k(fixture, request):
    texts, _, _ = request.getfixturevalue(fixture)
    selection = select_k(texts, range(2, 8), progress=False)
    assert selection.k == 4
    table = selection.table
    assert table["k"].tolist() == [2, 3, 4, 5, 6, 7]
    assert table.loc[table["recommended"], "k"].tolist() == [4]
    assert table.loc[table["k"] == 4, "stability"].item() > 0.95
    # diversity falls as k grows past the planted k: extra topics reuse words
    assert table["diversity"].iloc[2] > table["diversity"].iloc[-1]


def test_select_k_shows_a_progress_bar_only_when_asked(easy, capsys):
    texts, _, _ = easy
    select_k(texts[:60], [2, 3], progress=True)
    assert "select_k" in capsys.readouterr().err
    select_k(texts[:60], [2, 3], progress=False)
    assert capsys.readouterr().err == ""


def test_select_k_rejects_bad_input(easy):
    texts, _, _ = easy
    with pytest.raises(TopicInputError, match="two distinct seeds"):
        select_k(texts, [2, 3], seeds=(0,), progress=False)
    with pytest.raises(TopicInputError, match="more than the 8 texts"):
        select_k(texts[:10], [2, 9], progress=False)       # 80% of 10 texts per run


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


def test_select_k_is_deterministic(easy):
    texts, _, _ = easy
    a = select_k(texts[:100], [2, 3, 4], progress=False).table
    b = select_k(texts[:100], [2, 3, 4], progress=False).table
    pd.testing.assert_frame_equal(a, b, check_exact=True)


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
    (["migrants rescued", "boats arrived"], 0, "positive integer"),
    (["the and of", "it was said"], 1, "no vocabulary left"),
    ([], 1, "no texts"),
])
def test_fit_topics_rejects_bad_input(texts, k, message):
    with pytest.raises(TopicInputError, match=message):
        fit_topics(texts, k)


def test_fit_topics_rejects_unknown_method_and_warns_on_texts_without_vocabulary():
    with pytest.raises(TopicInputError, match="method must be one of"):
        fit_topics(["a b"], 1, method="bert")
    texts = ["migrants boats sea", "boats sea migrants", "the and of"]
    with pytest.warns(UserWarning, match="1 of 3 texts contain no vocabulary term"):
        model = fit_topics(texts, 2)
    assert model.doc_topics_[2].tolist() == [0.0, 0.0]    # kept, not dropped


# --- the seeds at paragraph level, tables and figures --------------------------------


def test_seed_paragraphs_give_a_model_with_one_row_per_paragraph(corpus):
    model = fit_topics(corpus, 4, unit="paragraphs")
    pars = analysis.paragraphs(corpus)
    assert model.units_[["doc_id", "par_id"]].equals(pars[["doc_id", "par_id"]])
    assert model.doc_topics_.shape == (50, 4)
    sums = model.doc_topics_.sum(axis=1)
    assert np.allclose(sums[sums > 0], 1)
    assert len(model.vocabulary_) >= 50
    assert not set(model.vocabulary_) & {"said", "the", "according"}


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


def test_plot_k_selection_draws_the_table_and_marks_k(easy):
    texts, _, _ = easy
    selection = select_k(texts[:100], [2, 3, 4, 5], progress=False)
    fig = plot_k_selection(selection)
    axes = fig.axes
    assert [ax.get_ylabel() for ax in axes] == ["NPMI coherence", "topic diversity", "stability"]
    assert axes[-1].get_xlabel() == "number of topics k"
    for ax, column in zip(axes, ["coherence", "diversity", "stability"]):
        line = ax.get_lines()[0]
        assert line.get_xdata().tolist() == [2, 3, 4, 5]
        assert np.allclose(line.get_ydata(), selection.table[column])
        assert any(list(l.get_xdata()) == [selection.k, selection.k] for l in ax.get_lines()[1:])
    assert f"k = {selection.k}" in axes[0].get_title()


def test_plot_doc_topics_shows_every_text_and_topic(corpus):
    model = fit_topics(corpus, 3, unit="paragraphs")
    fig = plot_doc_topics(model)
    ax = fig.axes[0]
    image = ax.get_images()[0]
    assert np.array_equal(image.get_array(), model.doc_topics_)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(labels) == 3 and labels[0].startswith("0: " + model.top_terms(1)[0][0])
    assert [t.get_text() for t in ax.get_yticklabels()] == corpus["doc_id"].tolist()


def test_plot_prevalence_has_one_cell_per_group_and_topic(corpus):
    model = fit_topics(corpus, 3, unit="paragraphs")
    prevalence = topic_prevalence(model, corpus, "date")
    fig = plot_prevalence(prevalence, "date", model=model)
    ax = fig.axes[0]
    assert np.allclose(ax.get_images()[0].get_array(), prevalence[["topic_0", "topic_1", "topic_2"]])
    assert len(ax.texts) == len(prevalence) * 3
    assert ax.texts[0].get_text() == f"{prevalence.loc[0, 'topic_0']:.2f}"
    first_label = f"{prevalence.loc[0, 'date']} (n={prevalence.loc[0, 'n_texts']})"
    assert ax.get_yticklabels()[0].get_text() == first_label


def test_prevalence_by_document_counts_its_paragraphs(corpus):
    model = fit_topics(corpus, 3, unit="paragraphs")
    by_doc = topic_prevalence(model, corpus, "doc_id")
    assert by_doc["doc_id"].tolist() == corpus["doc_id"].tolist()
    assert by_doc["n_texts"].tolist() == [9, 10, 11, 11, 9]
    first = model.doc_topics_[:9].mean(axis=0)
    assert by_doc.loc[0, ["topic_0", "topic_1", "topic_2"]].tolist() == pytest.approx(first.tolist())


def test_planted_corpus_is_deterministic_and_follows_its_topics():
    a = planted_corpus(n_docs=30, k=3, shared_words=4, seed=5)
    b = planted_corpus(n_docs=30, k=3, shared_words=4, seed=5)
    assert a[0] == b[0] and np.array_equal(a[1], b[1])
    texts, theta, topic_words = a
    assert np.allclose(theta.sum(axis=1), 1) and theta.shape == (30, 3)
    allowed = set().union(*map(set, topic_words))
    assert all(len(t.split()) == 60 and set(t.split()) <= allowed for t in texts)
    assert all(len(words) == 24 and sum(w.startswith("shw") for w in words) == 4 for words in topic_words)
    assert planted_corpus(n_docs=30, k=3, seed=6)[0] != texts
