"""Tests for analysis.resources.stopwords: the shipped list, your own, bad files."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

import analysis
from analysis import AnalysisError, load_stopwords
from analysis.resources.stopwords import stopword_set


def test_the_shipped_list_holds_function_words_only():
    words = load_stopwords()
    assert {"the", "of", "and", "they", "would", "not", "don't"} <= words
    assert not {"bill", "fire", "system", "found", "call", "migrants", "said", "people", "government"} & words
    assert all(w == w.lower() and " " not in w for w in words)


def test_your_own_file_with_comments_and_curly_apostrophes(tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("# a comment\n\nSaid\nwon’t\n", encoding="utf-8")
    assert load_stopwords(path) == {"said", "won't"}
    assert stopword_set(path, "keyness") == {"said", "won't"}


def test_bad_files_and_values(tmp_path):
    with pytest.raises(AnalysisError, match="no such stop-word file"):
        load_stopwords(tmp_path / "missing.txt")
    bad = tmp_path / "bad.txt"
    bad.write_text("the\nhuman rights\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match="line 2: 'human rights' is more than one word"):
        load_stopwords(bad)
    with pytest.raises(AnalysisError, match="not 'the'"):
        stopword_set("the", "collocates")
    with pytest.raises(AnalysisError, match="must be strings"):
        stopword_set(["the", 3], "collocates")


def test_the_list_is_package_data():
    root = Path(analysis.__file__).resolve().parent.parent
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["analysis"]
    assert any(fnmatch("data/stopwords_en.txt", p) for p in patterns)
