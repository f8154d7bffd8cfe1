"""Transfer (analysis.evaluation.transfer): a model is never tested on a group
it was trained on; a label carried by words one outlet alone uses transfers
badly, and the table says so beside the random split."""

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import FrameClassifier, TableError, cross_validate_by_group, transfer_scores

AID = {"aid": ["aid"]}


class Spy:
    """An estimator that remembers what each copy was trained on and predicts 1 for every text."""

    seen: list = []

    def get_params(self, deep=True):
        return {}

    def fit(self, texts, codes):
        Spy.seen.append(set(texts))
        return self

    def predict(self, texts):
        return np.ones((len(texts), 1), dtype=int)


def test_no_model_sees_the_group_it_is_tested_on():
    texts = [f"text {i}" for i in range(12)]
    outlet = ["A", "A", "B", "B", "C", "C", None, "A", "B", "C", "A", None]
    Spy.seen = []
    predicted = cross_validate_by_group(texts, pd.DataFrame({"aid": [0] * 12}), by=outlet, estimator=Spy())
    assert len(Spy.seen) == 3
    for held, seen in zip(["A", "B", "C"], Spy.seen):
        tested = {t for t, o in zip(texts, outlet) if o == held}
        assert not tested & seen and {"text 6", "text 11"} <= seen     # no group: always trained on
    assert predicted["held_out"].tolist() == [o for o in outlet if o is not None]
    assert predicted.index.tolist() == [i for i, o in enumerate(outlet) if o is not None]


def test_the_random_split_keeps_an_article_together():
    texts = [f"text {i}" for i in range(20)]
    article = [i // 4 for i in range(20)]
    Spy.seen = []
    predicted = cross_validate_by_group(texts, pd.DataFrame({"aid": [0] * 20}), within=article, estimator=Spy(),
                                        n_splits=5)
    assert predicted.groupby(np.array(article))["held_out"].nunique().eq(1).all()
    assert all(len(seen) == 16 for seen in Spy.seen)


def test_a_frame_told_in_one_outlets_words_does_not_transfer():
    """Outlet A says 'blorf' for aid and 'glorp' for talks, B 'zibble' and
    'wubble': held out, an outlet's sentences are all unknown words to the
    model trained on the other, so it cannot tell its two kinds apart; at
    random, it can."""
    rng = np.random.default_rng(0)
    texts, codes, outlet, article = [], [], [], []
    for i in range(80):
        own = "A" if i % 2 else "B"
        word, other = ("blorf", "glorp") if own == "A" else ("zibble", "wubble")
        place = ["the town", "the port", "the coast", "the camp"][rng.integers(4)]
        texts += [f"The {word} reached {place}.", f"The {other} reached {place}."]
        codes += [1, 0]
        outlet += [own, own]
        article += [i, i]
    model = FrameClassifier(codebook={"aid": ["aid"]}, features=("terms",), cv=3)
    table = transfer_scores(texts, pd.DataFrame({"aid": codes}), by=outlet, within=article, estimator=model)
    f1 = table.set_index("split")["f1"]
    assert f1["random split"] == 1.0 and f1["leave one group out"] <= 2 / 3     # at best: every sentence a 1
    assert table["n_units"].tolist() == [160, 160]


def test_groups_are_read_from_a_column_and_checked():
    table = pd.DataFrame({"text": ["a b", "c d", "e f"], "outlet": ["A", "B", "A"]})
    with pytest.raises(TableError, match=r"by='source' names no column of X"):
        cross_validate_by_group(table, pd.DataFrame({"aid": [0, 1, 0]}), by="source", estimator=Spy())
    with pytest.raises(TableError, match=r"by= has 2 values for 3 texts"):
        cross_validate_by_group(table, pd.DataFrame({"aid": [0, 1, 0]}), by=["A", "B"], estimator=Spy())
    with pytest.raises(TableError, match=r"by= has 1 group\(s\); holding one out needs two"):
        cross_validate_by_group(table, pd.DataFrame({"aid": [0, 1, 0]}), by=["A", "A", None], estimator=Spy())
    Spy.seen = []
    assert cross_validate_by_group(table, pd.DataFrame({"aid": [0, 1, 0]}), by="outlet",
                                   estimator=Spy())["held_out"].tolist() == ["A", "B", "A"]
    with pytest.raises(analysis.AnalysisError, match="by= is needed"):
        transfer_scores(table, pd.DataFrame({"aid": [0, 1, 0]}), by=None)
