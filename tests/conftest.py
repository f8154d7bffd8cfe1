"""Test setup: NLTK may only use an empty data folder, so a hidden dependency on
downloaded NLTK data (punkt, stopwords, wordnet...) fails here as it would offline.

The tests mirror the package: tests/corpus/, tests/text/, tests/resources/,
tests/measures/, tests/evaluation/ and tests/report/ hold one test module per
module of analysis/. The fixtures here are shared by all of them."""

import os
import tempfile

import matplotlib

matplotlib.use("Agg")

_EMPTY = os.environ.get("NLTK_DATA") or tempfile.mkdtemp(prefix="empty_nltk_data_")
os.environ["NLTK_DATA"] = _EMPTY

import nltk  # noqa: E402

nltk.data.path[:] = [_EMPTY]
assert not os.listdir(_EMPTY), f"NLTK_DATA={_EMPTY} must be an empty folder for the tests"

import pytest  # noqa: E402

import analysis  # noqa: E402
from analysis.measures.topics import planted_corpus  # noqa: E402


@pytest.fixture(scope="session")
def corpus():
    """The seed corpus (tests must not modify it)."""
    return analysis.load_corpus()


@pytest.fixture(scope="session")
def sents(corpus):
    """The seed corpus's sentences."""
    return analysis.sentences(corpus)


@pytest.fixture(scope="session")
def easy():
    """Four planted topics, disjoint vocabularies, documents nearly single-topic
    (tests of topic models, their coherence and their figures)."""
    return planted_corpus(n_docs=200, k=4, alpha=0.02, doc_length=60, seed=0)


@pytest.fixture(scope="session")
def overlapping():
    """Four planted topics sharing 10 words, mixed documents."""
    return planted_corpus(n_docs=200, k=4, shared_words=10, alpha=0.1, doc_length=80, seed=1)
