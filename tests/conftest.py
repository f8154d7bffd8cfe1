"""Test setup: NLTK may only use an empty data folder, so a hidden dependency on
downloaded NLTK data (punkt, stopwords, wordnet...) fails here as it would offline."""

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


@pytest.fixture(scope="session")
def corpus():
    """The seed corpus (tests must not modify it)."""
    return analysis.load_corpus()


@pytest.fixture(scope="session")
def sents(corpus):
    """The seed corpus's sentences."""
    return analysis.sentences(corpus)
