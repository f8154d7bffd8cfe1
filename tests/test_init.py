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
