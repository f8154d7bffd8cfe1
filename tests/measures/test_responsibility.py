"""Tests for analysis.measures.responsibility (ResponsibilityClassifier, responsibility_scores)
and analysis.measures.calibration: labels learned from a planted coding whose words no
rule knows, the model file, refusals, and cross-validation that keeps articles apart."""

import json

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import ModelError, ResponsibilityClassifier
from analysis.measures.calibration import fit_grouped_label
from analysis.measures.linear import best_threshold

# "scolded" (causal) and "pledged" (treatment) are no cue of the rules: only the coding says what they mean
TEMPLATES = [("{a} scolded {b} over the boats.", "causal"), ("{a} pledged to fund the camps.", "treatment"),
             ("{a} met {b} in the capital.", ""), ("The weather in {a} was mild.", "")]
STATES = ["Italy", "Libya", "Tunisia", "Egypt", "Turkey", "Greece", "Niger", "Chad", "Mali"]


def planted(n_docs: int, offset: int = 0):
    texts, rows = [], []
    for d in range(n_docs):
        parts = []
        for s, (template, kind) in enumerate(TEMPLATES):
            parts.append(template.format(a=STATES[(d + s) % 9], b=STATES[(d + s + 4) % 9]))
            rows.append({"doc_id": f"d{d + offset}", "sent_id": s, "kind": kind})
        texts.append(" ".join(parts))
    corpus = analysis.load_corpus(pd.DataFrame({"doc_id": [f"d{d + offset}" for d in range(n_docs)], "text": texts}))
    return corpus, pd.DataFrame(rows)


@pytest.fixture(scope="module")
def fitted():
    corpus, coding = planted(24)
    return ResponsibilityClassifier(features=("terms", "cues"), cv=3).fit(coding, corpus)


def test_labels_no_rule_sees_are_learned(fitted):
    corpus, coding = planted(4, offset=100)
    scored = fitted.scores(analysis.sentences(corpus), corpus)
    assert scored["responsibility"].tolist() == [int(k != "") for k in coding["kind"]]
    assert scored["causal"].tolist() == [int(k == "causal") for k in coding["kind"]]
    assert scored["treatment"].tolist() == [int(k == "treatment") for k in coding["kind"]]
    assert scored["causal_probability"].between(0, 1).all()
    assert fitted.n_training_ == {"sentences": 96, "responsibility": 48, "causal": 24, "treatment": 24}


def test_the_file_is_plain_json_predicts_the_same_and_is_refused_with_other_cues(fitted, tmp_path):
    path = fitted.save(tmp_path / "sentences.json")
    assert json.loads(path.read_text())["format"] == "analysis.ResponsibilityClassifier"
    corpus, _ = planted(3, offset=50)
    pd.testing.assert_frame_equal(analysis.responsibility_scores(corpus, model=path),
                                  fitted.scores(analysis.sentences(corpus), corpus))
    with pytest.raises(ModelError, match=r"fitted with the cues of cues\.yaml v4; .* differ .* fit a model on your "
                                         r"coding with yours \(ResponsibilityClassifier"):
        ResponsibilityClassifier.load(path, cues="shipped:cues.yaml")


def test_too_few_sentences_of_a_label_is_an_error():
    corpus, coding = planted(24)
    coding.loc[coding["kind"] == "causal", "kind"] = ""
    with pytest.raises(ModelError, match=r"label 'causal': the coding has 0 sentences with it .* at least 8"):
        ResponsibilityClassifier(features=("cues",), cv=3).fit(coding, corpus)


def test_the_sentence_classifier_is_a_feature_of_the_role_model_with_its_gate():
    corpus, coding = planted(24)
    coding = coding.assign(actor=[{"causal": STATES[(int(d[1:]) + 4) % 9], "treatment": STATES[(int(d[1:]) + 1) % 9]}
                                  .get(k, "") for d, k in zip(coding["doc_id"], coding["kind"])])
    ids = {"Italy": "europe", "Greece": "europe", "Libya": "libya"}
    coding["actor"] = [ids.get(a, a.lower()) for a in coding["actor"]]
    coding["polarity"] = np.where(coding["kind"] != "", "assign", "")
    model = analysis.AttributionModel(features=("rules", "sentence"), cv=3, polarity="rules").fit(coding, corpus)
    assert isinstance(model.sentence_model_, ResponsibilityClassifier) and 0 <= model.gate_ <= 1
    assert [n for n in model.feature_names_ if n.startswith("sentence:")] == [
        "sentence:responsibility", "sentence:causal", "sentence:treatment"]


def test_grouped_cross_validation_never_sees_a_group_it_tests():
    # Each group's rows share a feature that says its label; labels are random per group. A fold that had seen
    # the group would predict it perfectly; one that has not can only guess.
    rng = np.random.default_rng(0)
    groups = np.repeat(np.arange(40), 5)
    X = np.eye(40)[groups]
    y = np.repeat(rng.integers(0, 2, 40), 5)
    label, probability = fit_grouped_label(X, y, groups, cv=5)
    assert label["cv_f1"] < 0.9
    assert all(len(set(probability[groups == g])) == 1 for g in range(40))     # one fold's model per group


def test_best_threshold_counts_positives_without_a_row():
    assert best_threshold(np.array([0.9, 0.6, 0.2]), np.array([1, 0, 1]))[0] == pytest.approx(0.8)
    assert best_threshold(np.array([0.9, 0.6, 0.2]), np.array([1, 0, 1]), n_positive=4)[0] == pytest.approx(4 / 7)
