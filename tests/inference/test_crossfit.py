"""cross_fit(): no unit is predicted by a model that saw it."""

import numpy as np
import pandas as pd
import pytest
from sklearn.base import BaseEstimator, ClassifierMixin

from analysis import AnalysisError, FrameClassifier, TableError, cross_fit, prevalence


class Memory(BaseEstimator, ClassifierMixin):
    """Says 1 for a text it was trained on, 0 for any other: what a model that
    overfits its training data does at the extreme."""

    def fit(self, X, y):
        self.seen_ = set(X)
        self.classes_ = np.array([0, 1])
        return self

    def predict_proba(self, X):
        p = np.array([float(x in self.seen_) for x in X])
        return np.column_stack([1 - p, p])

    def predict(self, X):
        return self.predict_proba(X)[:, 1].astype(int)


@pytest.fixture
def units():
    return pd.DataFrame({"doc_id": [f"d{i // 3}" for i in range(30)], "sent_id": [i % 3 for i in range(30)],
                         "text": [f"sentence {i}" for i in range(30)]})


def test_no_coded_unit_is_predicted_by_a_model_that_saw_it(units):
    coded = units.iloc[::2].assign(aid=1)
    outside = pd.DataFrame({"doc_id": ["seed"], "sent_id": [0], "text": ["sentence 1"], "aid": [1]})  # not a unit
    scores = cross_fit(Memory(), units, pd.concat([coded, outside]), frames=["aid"], k=3, progress=False)
    assert scores.loc[coded.index, "aid_probability"].eq(0).all()       # a model that saw the unit would say 1
    # "sentence 1" is also the text of the coded unit outside units, which trains every model
    assert scores.loc[1, "aid_probability"] == 1.0
    assert sorted(scores["crossfit_fold"].value_counts().tolist()) == [10, 10, 10]
    assert list(scores.columns) == ["doc_id", "sent_id", "text", "aid", "aid_probability", "crossfit_fold"]


def test_a_frame_classifier_learns_every_frame_at_once_and_prevalence_says_cross_fitted():
    texts = ["Aid reached the camp.", "Smugglers were arrested.", "Talks went on.", "The weather was mild."] * 20
    units = pd.DataFrame({"doc_id": [f"d{i}" for i in range(80)], "text": texts})
    coding = units.assign(aid=[1, 0, 0, 0] * 20, crime=[0, 1, 0, 0] * 20)
    book = {"aid": ["aid"], "crime": ["smuggl*"]}
    scores = cross_fit(FrameClassifier(codebook=book, cv=2), units, coding, k=2, progress=False)
    assert scores[["aid", "crime"]].to_numpy().tolist() == coding[["aid", "crime"]].to_numpy().tolist()
    table = prevalence(scores, coding.assign(coding_probability=1.0), codebook=book)
    assert table["prediction"].tolist() == ["aid_probability, cross-fitted (2 folds)",
                                            "crime_probability, cross-fitted (2 folds)"]


def test_bad_input(units):
    coded = units.assign(aid=1)
    with pytest.raises(AnalysisError, match="k must be a whole number of folds, at least 2"):
        cross_fit(Memory(), units, coded, frames=["aid"], k=1)
    with pytest.raises(AnalysisError, match="name the frames="):
        cross_fit(Memory(), units, coded)
    with pytest.raises(TableError, match="already has column"):
        cross_fit(Memory(), units.assign(aid=0), coded, frames=["aid"])
    with pytest.raises(TableError, match="'crime'"):
        cross_fit(Memory(), units, coded, frames=["aid", "crime"])
