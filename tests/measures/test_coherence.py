"""Tests for analysis.measures.coherence: NPMI coherence (by hand and against
gensim), topic diversity, stability, and the choice of k on planted topics."""

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from analysis.errors import TopicInputError
from analysis.measures.coherence import (STABILITY_THRESHOLD, npmi_coherence, recommend_k, select_k,
                                         topic_diversity, topic_stability)
from analysis.measures.topics import fit_topics, topic_tokens, unit_texts


# --- coherence ---------------------------------------------------------------


def gensim_npmi(topics, texts, window_size, topn):
    """gensim's c_npmi per topic and mean (gensim is a test-only dependency)."""
    coherencemodel = pytest.importorskip("gensim.models.coherencemodel")
    dictionary = pytest.importorskip("gensim.corpora").Dictionary(texts)
    model = coherencemodel.CoherenceModel(topics=topics, texts=texts, dictionary=dictionary, coherence="c_npmi",
                                          window_size=window_size, topn=topn, processes=1)
    return np.array(model.get_coherence_per_topic()), model.get_coherence()


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
    ours = npmi_coherence(topics, texts, window_size=window_size, n=10, per_topic=True)
    theirs, mean = gensim_npmi(topics, texts, window_size, 10)
    assert np.abs(ours - theirs).max() < 1e-6
    assert abs(npmi_coherence(topics, texts, window_size=window_size, n=10) - mean) < 1e-6


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
    ours = npmi_coherence(model.top_terms(15), tokens, window_size=window_size, n=topn, per_topic=True)
    assert np.abs(ours - gensim_npmi(model.top_terms(15), tokens, window_size, topn)[0]).max() < 1e-6
    seeds = fit_topics(corpus, 4, unit="paragraphs")
    tokens = [topic_tokens(t) for t in unit_texts(corpus, seeds.unit)["text"]]
    ours = npmi_coherence(seeds.top_terms(topn), tokens, window_size=window_size, n=topn, per_topic=True)
    assert np.abs(ours - gensim_npmi(seeds.top_terms(topn), tokens, window_size, topn)[0]).max() < 1e-6


def test_npmi_drops_words_absent_from_the_texts_like_gensim_and_says_so():
    texts, topics = _random_corpus(2)
    topics = [["zzz"] + t for t in topics]     # absent first word: the next 10 are used
    with pytest.warns(UserWarning, match="zzz"):
        ours = npmi_coherence(topics, texts, window_size=5, n=10, per_topic=True)
    assert np.abs(ours - gensim_npmi(topics, texts, 5, 10)[0]).max() < 1e-6


@pytest.mark.parametrize("kwargs, message", [
    ({"window_size": 1}, r"npmi_coherence\(\): window_size= must be a whole number >= 2 \(words co-occur"),
    ({"n": 1}, r"npmi_coherence\(\): n= must be a whole number >= 2 \(coherence scores pairs of words\); got 1"),
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
    with pytest.raises(TopicInputError, match="at least one topic's top words; got none"):
        topic_diversity([], n=3)


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


# --- choosing k on planted topics ------------------------------------------------


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
        select_k(texts, [2, 3], random_states=(0,), progress=False)
    with pytest.raises(TopicInputError, match="more than the 8 texts"):
        select_k(texts[:10], [2, 9], progress=False)       # 80% of 10 texts per run


def test_select_k_is_deterministic(easy):
    texts, _, _ = easy
    a = select_k(texts[:100], [2, 3, 4], progress=False).table
    b = select_k(texts[:100], [2, 3, 4], progress=False).table
    pd.testing.assert_frame_equal(a, b, check_exact=True)
