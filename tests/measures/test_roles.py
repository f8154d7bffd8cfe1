"""Tests for analysis.measures.roles (AttributionModel): roles learned from a planted
coding where a word no rule knows decides the role, the model file (plain JSON, the
same predictions after loading, refused with other resources), bad input, and the
learned method of attributions()."""

import json

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import AttributionModel, ModelError, TableError
from analysis.measures.roles import MIN_EXAMPLES

STATES = ["Italy", "Libya", "Tunisia", "Egypt", "Turkey", "Greece", "Spain", "Niger", "Chad", "Mali", "Sudan", "Jordan"]
ID = {"Italy": "europe", "Libya": "libya", "Tunisia": "tunisia", "Egypt": "egypt", "Turkey": "turkey",
      "Greece": "europe", "Spain": "europe", "Niger": "niger", "Chad": "chad", "Mali": "mali", "Sudan": "sudan",
      "Jordan": "jordan"}
# No rule of the cues knows "scolded" or "pledged to fund": only the coding says what they mean.
TEMPLATES = [("{a} scolded {b} over the boats.", [("b", "causal")]),
             ("{a} pledged to fund the camps.", [("a", "treatment")]),
             ("{a} met {b} in the capital.", []),
             ("{a} and {b} held talks.", [])]


def planted(n_docs: int, offset: int = 0):
    """A corpus of articles of templated sentences, and its coding (one row per attribution)."""
    texts, rows = [], []
    for d in range(n_docs):
        doc_id = f"d{d + offset}"
        sentences = []
        for s, (template, roles) in enumerate(TEMPLATES):
            a, b = STATES[(d + s) % len(STATES)], STATES[(d + s + 5) % len(STATES)]
            sentences.append(template.format(a=a, b=b))
            coded = [(ID[{"a": a, "b": b}[who]], kind) for who, kind in roles]
            for actor, kind in coded or [("", "")]:
                rows.append({"doc_id": doc_id, "sent_id": s, "speaker_actor": "(outlet)" if actor else "",
                             "actor": actor, "kind": kind, "polarity": "assign" if actor else ""})
        texts.append(" ".join(sentences))
    corpus = analysis.load_corpus(pd.DataFrame({"doc_id": [f"d{d + offset}" for d in range(n_docs)], "text": texts}))
    return corpus, pd.DataFrame(rows)


def triples(table):
    return sorted(table[["doc_id", "sent_id", "actor", "kind", "polarity"]].itertuples(index=False, name=None))


@pytest.fixture(scope="module")
def fitted():
    corpus, coding = planted(30)
    return AttributionModel(features=("rules", "words"), cv=3, polarity="rules").fit(coding, corpus)


def test_roles_no_rule_sees_are_learned_from_the_coding(fitted):
    corpus, coding = planted(6, offset=100)                  # articles the model never saw
    expected = triples(coding[coding["actor"] != ""])
    assert triples(fitted.attributions(corpus)) == expected
    assert triples(analysis.attributions(corpus, method="rules")) == []     # the rules know none of these words
    assert fitted.cv_["triples"]["f1"] == 1.0 and fitted.cv_["reachable"] == 1.0


def test_each_attribution_has_its_evidence_probability_and_reasons(fitted):
    corpus, _ = planted(2, offset=200)
    table = fitted.attributions(corpus)
    text = dict(zip(corpus["doc_id"], corpus["text"]))
    assert all(text[d][s:e] == ev for d, s, e, ev in zip(table["doc_id"], table["start"], table["end"],
                                                          table["evidence"]))
    assert table["probability"].between(0, 1).all() and (table["rule"] == "learned").all()
    scolded = table[table["kind"] == "causal"]
    assert scolded["evidence"].str.contains("scolded").all()      # the mention and the cue nearest it
    assert scolded["reasons"].str.contains("L=scold").all()       # the word before the mention pushed it


def test_the_model_file_is_plain_json_and_predicts_the_same(fitted, tmp_path):
    path = fitted.save(tmp_path / "model.json")
    data = json.loads(path.read_text())
    assert data["format"] == "analysis.AttributionModel" and data["actors"]["digest"] == analysis.Actors.load().digest
    loaded = AttributionModel.load(path)
    corpus, _ = planted(3, offset=300)
    pd.testing.assert_frame_equal(loaded.attributions(corpus), fitted.attributions(corpus))
    with pytest.raises(FileExistsError):
        fitted.save(path)


def test_a_model_file_is_refused_with_other_actors_or_cues(fitted, tmp_path):
    path = fitted.save(tmp_path / "model.json")
    other_actors = {"actors": {"greens": {"definition": "Green parties.", "aliases": ["Greens"]}}}
    with pytest.raises(ModelError, match=r"fitted with the actors of actors\.yaml v4; those in use \(<mapping> "
                                         r"\(unversioned\)|<mapping> vunversioned\) differ"):
        AttributionModel.load(path, actors=other_actors)
    with pytest.raises(ModelError, match=r"fitted with the cues of cues\.yaml v4; .* differ"):
        AttributionModel.load(path, cues="shipped:cues.yaml")
    with pytest.raises(ModelError, match="fitted with other actors or cues"):
        analysis.attributions(planted(1)[0], method="learned", model=fitted, actors=other_actors)
    (tmp_path / "frame.json").write_text('{"format": "analysis.FrameClassifier"}')
    with pytest.raises(ModelError, match="not an attribution model file"):
        AttributionModel.load(tmp_path / "frame.json")


def test_too_few_examples_of_a_role_is_an_error_that_says_what_to_do():
    corpus, coding = planted(30)
    few = coding[(coding["kind"] != "causal") | coding["doc_id"].isin(["d0", "d1", "d2"])]
    with pytest.raises(ModelError, match=rf"3 actors held causal responsible .* at least {MIN_EXAMPLES}\. Code more"):
        AttributionModel(features=("rules",), cv=3, polarity="rules").fit(few, corpus)
    with pytest.raises(ModelError, match=r"0 denied responsibilities .* pass polarity='rules'"):
        AttributionModel(features=("rules",), cv=3).fit(coding, corpus)


def test_positives_in_too_few_articles_for_the_folds_is_an_error_that_says_what_to_do():
    """Ten positives, all in one article: the fold that holds that article out learns from
    negatives only (scikit-learn's own message spoke of multiclass targets)."""
    from analysis.measures.calibration import fit_grouped_label
    rng = np.random.default_rng(0)
    X, groups = rng.normal(size=(60, 4)), np.repeat(np.arange(6), 10)
    y = (groups == 0).astype(int)
    with pytest.raises(ModelError, match=r"^causal: the 10 positive rows of 60 sit in 1 of 6 articles, too few for 3 "
                                         r"folds .* pass a smaller cv=\.$"):
        fit_grouped_label(X, y, groups, cv=3, label="causal")
    y[groups == 1] = 1                                     # in two articles, two folds can keep one on each side
    model, probability = fit_grouped_label(X, y, groups, cv=2)
    assert probability.shape == (60,) and 0 <= model["threshold"] <= 1


def test_a_coded_sentence_not_in_the_corpus_is_named():
    corpus, coding = planted(10)
    coding = pd.concat([coding, pd.DataFrame([{"doc_id": "d3", "sent_id": 40, "actor": "", "kind": "",
                                               "polarity": "", "speaker_actor": "", "file": "mine.csv", "row": 9}])])
    with pytest.raises(TableError, match=r"mine\.csv, row 9: sentence \(d3, 40\) is not among the corpus's sentences"):
        AttributionModel(features=("rules",), cv=3, polarity="rules").fit(coding, corpus)


@pytest.mark.parametrize("options, match", [
    ({"features": ("rules", "syntax")}, r"AttributionModel\(\): features= must be one of 'rules', 'words', 'vectors', "
                                        r"'sentence'; got 'syntax'"),
    ({"features": ("rules", "word")}, r"got 'word'\. Did you mean 'words'\?"),
    ({"polarity": "maybe"}, r"polarity= must be one of 'learned', 'rules'; got 'maybe'"),
    ({"window": 0}, r"window= must be a whole number >= 1; got 0"),
])
def test_unknown_options_are_refused(options, match):
    corpus, coding = planted(10)
    with pytest.raises(ModelError, match=match):
        AttributionModel(**options).fit(coding, corpus)


def test_a_speakers_we_is_a_candidate_and_becomes_the_speakers_actor():
    texts, rows = [], []
    for d in range(24):
        state, other = STATES[d % len(STATES)], STATES[(d + 5) % len(STATES)]
        texts.append(f'"We pledged to fund the camps," the {state} minister said. {state} scolded {other} over the '
                     f"boats. {state} met {other}.")
        rows += [{"doc_id": f"d{d}", "sent_id": 0, "speaker_actor": ID[state], "actor": ID[state], "kind": "treatment",
                  "polarity": "assign"},
                 {"doc_id": f"d{d}", "sent_id": 1, "speaker_actor": "(outlet)", "actor": ID[other], "kind": "causal",
                  "polarity": "assign"},
                 {"doc_id": f"d{d}", "sent_id": 2, "speaker_actor": "", "actor": "", "kind": "", "polarity": ""}]
    corpus = analysis.load_corpus(pd.DataFrame({"doc_id": [f"d{d}" for d in range(24)], "text": texts}))
    model = AttributionModel(features=("rules", "words"), cv=3, polarity="rules").fit(pd.DataFrame(rows), corpus)
    new = analysis.load_corpus(pd.DataFrame({"doc_id": ["x"], "text": ['"We pledged to fund the camps," the Mali '
                                                                       "minister said."]}))
    # "We" and "the Mali minister" both name Mali here: one attribution, said by the minister
    assert analysis.attributions(new, method="learned", model=model)[
        ["speaker_actor", "actor", "kind"]].values.tolist() == [["mali", "mali", "treatment"]]


def test_the_method_is_named_and_rules_stay_the_default():
    corpus = analysis.load_corpus()
    pd.testing.assert_frame_equal(analysis.attributions(corpus), analysis.attributions(corpus, method="rules"))
    with pytest.raises(analysis.AnalysisError, match=r"method 'learnt' is not one of \['rules', 'learned'\]"):
        analysis.attributions(corpus, method="learnt")


def test_cross_validation_keeps_articles_apart_and_learning_curve_sizes(fitted):
    corpus, coding = planted(18)
    found = analysis.cross_validate_attributions(coding, corpus, estimator=fitted, n_splits=3, sizes=[32, 48])
    assert sorted(found["n_training"].unique()) == [32, 48]
    assert set(found["held_out"]) <= {0, 1, 2}
    # every held-out sentence's article was in no training set of its fold
    assert found.groupby(["doc_id"])["held_out"].nunique().eq(1).all()
    outlets = coding.assign(outlet=np.where(coding["doc_id"].isin([f"d{d}" for d in range(9)]), "A", "B"))
    by_outlet = analysis.cross_validate_attributions(outlets, corpus, estimator=fitted, by="outlet")
    assert set(by_outlet["held_out"]) == {"A", "B"}
