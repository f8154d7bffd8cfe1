"""Tests for analysis.measures.scorer: FrameScorer agrees with frame_scores and
follows scikit-learn's conventions."""

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from analysis.measures.frames import frame_scores
from analysis.measures.scorer import FrameScorer
from analysis.paths import project_root
from analysis.resources.codebook import load_codebook

FRAMES = ["sovereignty", "humanitarian", "security", "criminality", "cooperation"]

CODEBOOK_V1 = project_root() / "data" / "coding" / "frames_codebook_v1.0.yaml"


def test_frame_scorer_matches_frame_scores_and_follows_sklearn(sents):
    scorer = FrameScorer()
    assert scorer.fit(sents["text"]) is scorer
    assert np.array_equal(scorer.transform(sents["text"]), frame_scores(sents, method="dictionary")[FRAMES].to_numpy())
    assert np.array_equal(scorer.transform(sents), scorer.transform(list(sents["text"])))
    assert scorer.get_feature_names_out().tolist() == FRAMES
    assert scorer.get_params() == {"codebook": None, "negated": "count", "weighted": False}
    copy = clone(FrameScorer(codebook=str(CODEBOOK_V1), negated="skip"))
    assert copy.get_params()["negated"] == "skip" and not hasattr(copy, "codebook_")
    assert clone(FrameScorer(codebook=load_codebook())).fit([]).frames_ == FRAMES


def test_frame_scorer_in_a_pipeline_learns_a_planted_rule():
    texts = ["Smugglers were arrested.", "Traffickers face prosecution.", "Aid and relief arrived.",
             "Rescue teams saved lives."] * 5
    y = [1, 1, 0, 0] * 5
    pipe = Pipeline([("frames", FrameScorer()), ("clf", LogisticRegression())]).fit(texts, y)
    assert pipe.predict(["Gangs of smugglers.", "Humanitarian relief."]).tolist() == [1, 0]


def test_frame_scorer_errors():
    with pytest.raises(Exception, match="not fitted"):
        FrameScorer().transform(["aid"])
    with pytest.raises(ValueError, match="not one string"):
        FrameScorer().fit([]).transform("aid")
    with pytest.raises(ValueError, match=r"FrameScorer\(\): negated= must be one of 'count', 'skip'; got 'maybe'"):
        FrameScorer(negated="maybe").fit([])
