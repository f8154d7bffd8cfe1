"""Tests for analysis._deprecation and every renamed option of the public API
(issue 24, one vocabulary): the old name still works for one release, gives
what the new name gives, and warns with a FutureWarning naming the new one."""

import warnings

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis._deprecation import renamed
from analysis.synthetic import planted_corpus

CODED = pd.DataFrame({"A": [1, 2, 3, 3, 2, 1, 4, 1, 2], "B": [1, 2, 3, 3, 2, 2, 4, 1, 2]})
ATTRIBUTIONS = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker_actor": ["libya", "", "libya"],
                             "actor": ["europe"] * 3, "kind": ["causal"] * 3, "polarity": ["assign"] * 3})


def _old_and_new(old, new):
    """``old()`` under a FutureWarning check, and ``new()``: both results."""
    with pytest.warns(FutureWarning) as caught:
        before = old()
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)       # the new name warns of nothing
        after = new()
    return before, after, [str(w.message) for w in caught if w.category is FutureWarning]


def _same(a, b):
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif isinstance(a, tuple) and a and hasattr(a[0], "axes"):          # (fig, ax) of a plot
        texts = [[t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_xticklabels()]
                 for ax in np.atleast_1d(a[1])]
        again = [[t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_xticklabels()]
                 for ax in np.atleast_1d(b[1])]
        assert texts == again
    elif hasattr(a, "table"):                                          # KSelection
        pd.testing.assert_frame_equal(a.table, b.table)
    else:
        np.testing.assert_equal(a, b)


@pytest.fixture(scope="module")
def sents():
    return analysis.sentences(analysis.load_corpus())


@pytest.fixture(scope="module")
def planted():
    return planted_corpus(n_docs=60, k=3, random_state=2)[0]


def _cases(sents, planted):
    """(function, old keyword, new keyword, call with old, call with new)."""
    model = analysis.fit_topics(planted, 3)
    tokens = [text.split() for text in planted]
    keys = analysis.keyness(sents[sents.doc_id == sents.doc_id.iloc[0]], sents[sents.doc_id != sents.doc_id.iloc[0]],
                            min_count=1)
    colls = analysis.collocates(sents, ["migrants", "illegal"])
    texts = [f"Aid reached camp {i}." if i % 2 else f"Talks went on in round {i}." for i in range(60)]
    codes = pd.DataFrame({"aid": [i % 2 for i in range(60)]})
    curve = dict(batch=10, strategies=("random",), codebook={"aid": ["aid"]})
    return {
        "krippendorff_alpha level": ("level", "level_of_measurement",
                                     lambda: analysis.krippendorff_alpha(CODED, level="interval"),
                                     lambda: analysis.krippendorff_alpha(CODED, level_of_measurement="interval")),
        "alpha_interval level": ("level", "level_of_measurement",
                                 lambda: analysis.alpha_interval(CODED, level="interval", n_boot=50),
                                 lambda: analysis.alpha_interval(CODED, level_of_measurement="interval", n_boot=50)),
        "alpha_interval confidence": ("confidence", "level",
                                      lambda: analysis.alpha_interval(CODED, n_boot=50, confidence=0.8),
                                      lambda: analysis.alpha_interval(CODED, n_boot=50, level=0.8)),
        "FrameClassifier.evidence top": ("top", "n",
                                         lambda: analysis.FrameClassifier.load().evidence(sents, top=1),
                                         lambda: analysis.FrameClassifier.load().evidence(sents, n=1)),
        "npmi_coherence topn": ("topn", "n",
                                lambda: analysis.npmi_coherence(model.top_terms(8), tokens, topn=4),
                                lambda: analysis.npmi_coherence(model.top_terms(8), tokens, n=4)),
        "select_k seeds": ("seeds", "random_states",
                           lambda: analysis.select_k(planted, [2, 3], seeds=(3, 4), progress=False),
                           lambda: analysis.select_k(planted, [2, 3], random_states=(3, 4), progress=False)),
        "select_k topn": ("topn", "n",
                          lambda: analysis.select_k(planted, [2, 3], topn=4, progress=False),
                          lambda: analysis.select_k(planted, [2, 3], n=4, progress=False)),
        "learning_curve seeds": ("seeds", "random_states",
                                 lambda: analysis.learning_curve(texts[:40], codes[:40], texts[40:], codes[40:],
                                                                 seeds=(1,), **curve),
                                 lambda: analysis.learning_curve(texts[:40], codes[:40], texts[40:], codes[40:],
                                                                 random_states=(1,), **curve)),
        "kwic sample": ("sample", "n",
                        lambda: analysis.kwic(sents, "migrant*", sample=3, random_state=1),
                        lambda: analysis.kwic(sents, "migrant*", n=3, random_state=1)),
        "responsibility_matrix by_doc": ("by_doc", "by",
                                         lambda: analysis.responsibility_matrix(ATTRIBUTIONS, by_doc=True),
                                         lambda: analysis.responsibility_matrix(ATTRIBUTIONS, by="doc_id")),
        "plot_doc_topics n_words": ("n_words", "n",
                                    lambda: analysis.plot_doc_topics(model, n_words=2),
                                    lambda: analysis.plot_doc_topics(model, n=2)),
        "plot_keyness top": ("top", "n",
                             lambda: analysis.plot_keyness(keys, top=3),
                             lambda: analysis.plot_keyness(keys, n=3)),
        "plot_collocates top": ("top", "n",
                                lambda: analysis.plot_collocates(colls, top=2),
                                lambda: analysis.plot_collocates(colls, n=2)),
    }


CASES = ["krippendorff_alpha level", "alpha_interval level", "alpha_interval confidence",
         "FrameClassifier.evidence top", "npmi_coherence topn", "select_k seeds", "select_k topn",
         "learning_curve seeds", "kwic sample", "responsibility_matrix by_doc", "plot_doc_topics n_words",
         "plot_keyness top", "plot_collocates top"]


@pytest.mark.parametrize("case", CASES)
def test_an_old_name_gives_what_the_new_name_gives_with_a_future_warning(case, sents, planted):
    old_name, new_name, old, new = _cases(sents, planted)[case]
    before, after, messages = _old_and_new(old, new)
    _same(before, after)
    assert any(f"{old_name}= is now called {new_name}=" in m and "next release" in m for m in messages), messages


def test_every_renamed_option_is_tested():
    """The renamed options are those the decorator lists; each has its case above."""
    import inspect
    found = set()
    for name in analysis.__all__:
        obj = getattr(analysis, name)
        functions = [m for _, m in inspect.getmembers(obj, inspect.isfunction)] if inspect.isclass(obj) else [obj]
        for function in filter(inspect.isfunction, functions):
            rules = inspect.getclosurevars(function).nonlocals.get("rules") or {}
            found |= {f"{function.__qualname__} {old}" for old in rules}
    assert found == set(CASES)


def test_the_old_level_of_alpha_interval_is_told_from_the_new_by_its_value():
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        assert analysis.alpha_interval(CODED, level=0.8, n_boot=50) == analysis.alpha_interval(CODED, n_boot=50,
                                                                                             level=0.8)
    with pytest.warns(FutureWarning, match="level_of_measurement="):
        ordinal = analysis.alpha_interval(CODED, level="ordinal", confidence=0.8, n_boot=50)
    assert ordinal == analysis.alpha_interval(CODED, "ordinal", level=0.8, n_boot=50)


def test_responsibility_matrix_takes_the_old_flag_by_position():
    with pytest.warns(FutureWarning, match="pass by='doc_id'"):
        old = analysis.responsibility_matrix(ATTRIBUTIONS, True)
    pd.testing.assert_frame_equal(old, analysis.responsibility_matrix(ATTRIBUTIONS, by="doc_id"))
    with pytest.warns(FutureWarning, match="pass by=None"):
        pd.testing.assert_frame_equal(analysis.responsibility_matrix(ATTRIBUTIONS, by_doc=False),
                                      analysis.responsibility_matrix(ATTRIBUTIONS))


def test_an_old_and_a_new_name_at_once_is_refused():
    with pytest.raises(TypeError, match=r"got top= \(the old name of n=\) and n=; pass n= only"):
        analysis.plot_keyness(pd.DataFrame(), top=3, n=3)


def test_the_decorator_keeps_the_signature_and_converts_values():
    @renamed(old=("new", lambda v: v > 0, lambda v: v * 10))
    def f(*, new=1):
        """Doc."""
        return new

    import inspect
    assert str(inspect.signature(f)) == "(*, new=1)" and f.__doc__ == "Doc."
    with pytest.warns(FutureWarning, match=r"f\(\): old= is now called new=; pass new=20"):
        assert f(old=2) == 20
    with pytest.raises(TypeError):
        f(old=-1)                       # the test says it is not the old option: Python refuses it
