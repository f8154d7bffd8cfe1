"""Tests for analysis/__init__.py: the curated public API."""

from collections import Counter

import analysis


def test_all_names_each_public_name_once_and_every_name_exists():
    assert [name for name, n in Counter(analysis.__all__).items() if n > 1] == []
    assert [name for name in analysis.__all__ if not hasattr(analysis, name)] == []


def test_the_corpus_linguistic_tools_are_public():
    for name in ["keyness", "collocates", "dispersion", "clusters", "kwic", "load_stopwords", "plot_keyness",
                 "plot_collocates"]:
        assert name in analysis.__all__
