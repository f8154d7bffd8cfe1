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


def _modules_after(code: str) -> set[str]:
    """The top modules of NLTK and matplotlib a fresh interpreter holds after running ``code``."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", f"{code}\nimport sys\nprint(*sorted(m for m in sys.modules if m in "
                          "('nltk', 'matplotlib', 'matplotlib.pyplot')))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_import_analysis_imports_neither_nltk_nor_matplotlib():
    """Issue 24: NLTK (2 s of imports) is imported when a text is first segmented
    or stemmed, matplotlib and pyplot when a figure is drawn, not with the kit.
    (How long the import takes is benchmarks/import_time.py.)"""
    assert _modules_after("import analysis") == set()
    segmented = "import analysis\nanalysis.sentences(analysis.load_corpus())"
    assert _modules_after(segmented) == {"nltk"}
    assert _modules_after("import analysis\nanalysis.new_figure()") == {"matplotlib", "matplotlib.pyplot"}


def test_each_name_is_imported_on_first_use_from_the_module_that_defines_it():
    """``import analysis`` imports no module of the kit nor pandas (PEP 562); a name is
    the object of its module, looked up once, listed by dir(), and a typo is an AttributeError."""
    import importlib
    import subprocess
    import sys

    import pytest

    code = ("import sys, analysis\nprint(sorted(m for m in sys.modules if m.startswith('analysis.') "
            "or m in ('pandas', 'numpy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    from analysis.measures.frames import frame_scores
    assert analysis.frame_scores is frame_scores
    for name in analysis.__all__:
        value = getattr(analysis, name)
        if callable(value):                                   # functions and classes know their module
            assert getattr(importlib.import_module(value.__module__), name) is value, name
    assert set(analysis.__all__) <= set(dir(analysis))
    with pytest.raises(AttributeError, match="module 'analysis' has no attribute 'frame_score'"):
        analysis.frame_score
