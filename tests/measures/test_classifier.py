"""The frame classifier (analysis.measures.classifier): learns what the dictionary
lacks and unlearns what it misreads, on planted data with known answers; saves
and loads as plain data with identical predictions; refuses a model made for
another codebook; explains its positives with spans; reads coding files strictly."""

import json

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import CodingSheetError, FrameClassifier, FrameScorer, ModelError, TableError
from analysis.measures.classifier import MIN_POSITIVES

AID = {"aid": ["aid", "relief"]}


def planted(n=40, seed=0):
    """Sentences where the frame 'aid' is signalled by "blorf" (a word the
    dictionary lacks) or by "aid" for refugees, and never by a "hearing aid"."""
    rng = np.random.default_rng(seed)
    fillers = ["the town", "the ministry", "a report", "the region", "the committee", "the week"]
    texts, labels = [], []
    for i in range(n):
        place = fillers[rng.integers(len(fillers))]
        texts += [f"Blorf reached {place} at last.", f"Food aid for refugees reached {place}.",
                  f"His hearing aid broke in {place}.", f"Talks in {place} went on."]
        labels += [1, 1, 0, 0]
    return texts, pd.DataFrame({"aid": labels})


@pytest.fixture(scope="module")
def model():
    texts, labels = planted()
    return FrameClassifier(codebook=AID, cv=3).fit(texts, labels)


def test_a_frame_signalled_by_a_word_the_dictionary_lacks_is_learned(model):
    new = ["Blorf came to the village.", "Blorf again."]
    assert analysis.frame_scores(pd.DataFrame({"doc_id": ["a", "b"], "text": new}), codebook=AID)["aid"].tolist() == [0, 0]
    assert model.predict(new).ravel().tolist() == [1, 1]


def test_a_dictionary_word_in_a_non_frame_sense_is_unlearned(model):
    new = ["Her hearing aid was lost in the village.", "Emergency aid for refugees arrived in the village."]
    assert analysis.frame_scores(pd.DataFrame({"doc_id": ["a", "b"], "text": new}), codebook=AID)["aid"].tolist() == [1, 1]
    assert model.predict(new).ravel().tolist() == [0, 1]
    probability = model.predict_proba(new).ravel()
    assert probability[0] < model.threshold_[0] <= probability[1]


def test_saving_and_loading_gives_identical_predictions(model, tmp_path):
    path = model.save(tmp_path / "model.json")
    data = json.loads(path.read_text())
    assert data["codebook"]["frames"] == ["aid"] and data["format"] == "analysis.FrameClassifier"
    again = FrameClassifier.load(path, codebook=AID)
    texts = planted(10, seed=1)[0] + ["Blorf and aid.", "Nothing at all."]
    assert np.array_equal(again.predict_proba(texts), model.predict_proba(texts))
    with pytest.raises(FileExistsError):
        model.save(path)
    assert b"pickle" not in path.read_bytes()


def test_a_model_made_for_another_codebook_is_refused(model, tmp_path):
    path = model.save(tmp_path / "model.json")
    with pytest.raises(ModelError, match=r"trained for codebook <mapping> vunversioned with frames \['aid'\]"):
        FrameClassifier.load(path)                                    # the shipped codebook has five frames
    with pytest.raises(ModelError, match="trained for codebook"):
        FrameClassifier.load(path, codebook={"aid": ["aid", "relief"], "help": ["help"]})
    data = json.loads(path.read_text())
    data["codebook"]["version"] = "9.9"
    path.write_text(json.dumps(data))
    with pytest.raises(ModelError, match="v9.9"):
        FrameClassifier.load(path, codebook=AID)
    path.write_text("{not json")
    with pytest.raises(ModelError, match="cannot be read as a frame classifier"):
        FrameClassifier.load(path, codebook=AID)


def test_a_model_is_refused_with_edited_entries_under_the_same_version(model, tmp_path):
    path = model.save(tmp_path / "model.json")
    with pytest.raises(ModelError, match=r"trained with other entries of codebook <mapping> vunversioned"):
        FrameClassifier.load(path, codebook={"aid": ["aid", "relief", "blorf"]})
    assert FrameClassifier.load(path, codebook={"aid": ["aid", "relief"]}).frames_ == ["aid"]
    data = json.loads(path.read_text())
    del data["codebook"]["entries_digest"]                     # a file saved before the digest was recorded
    path.write_text(json.dumps(data))
    assert FrameClassifier.load(path, codebook={"aid": ["aid", "relief", "blorf"]}).frames_ == ["aid"]


def test_evidence_names_the_words_and_their_spans(model):
    sents = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 1], "start": [0, 30],
                          "text": ["Blorf reached the town.", "Food aid for refugees came."]})
    evidence = model.evidence(sents, n=1)
    assert evidence[["doc_id", "sent_id", "frame", "rank"]].values.tolist() == [["d", 0, "aid", 1], ["d", 1, "aid", 1]]
    text = "Blorf reached the town.       Food aid for refugees came."
    for row in evidence.itertuples():
        assert text[row.start:row.end].lower() == row.matched.split("; ")[0].lower()
    assert "blorf" in evidence["feature"].iloc[0]
    # "İ" lower-cases to two characters: the spans still point into the text as written
    turkish = pd.DataFrame({"doc_id": ["t"], "sent_id": [0], "start": [0], "text": ["İİ İzmir: blorf reached it."]})
    row = model.evidence(turkish, n=1).iloc[0]
    assert turkish["text"].iloc[0][row.start:row.end] == {"blorf": "blorf", "blorf reach": "blorf reached"}[row.feature]


def test_frame_scores_with_the_shipped_classifier_gives_codes_and_probabilities(sents):
    scores = analysis.frame_scores(sents, method="classifier")
    frames = analysis.Codebook.load().frame_ids
    assert list(scores.columns) == [*sents.columns, *frames, *(f"{f}_probability" for f in frames)]
    model = FrameClassifier.load()
    for j, frame in enumerate(frames):
        assert scores[frame].tolist() == (scores[f"{frame}_probability"] >= model.threshold_[j]).astype(int).tolist()
    assert scores[frames].isin([0, 1]).all().all() and scores[frames].sum().gt(0).all()
    with pytest.raises(analysis.AnalysisError, match=r"frame_scores\(\): method= must be one of 'auto', 'classifier', 'dictionary'; got 'bert'"):
        analysis.frame_scores(sents, method="bert")


def test_featurize_can_use_the_classifier(corpus):
    by_dictionary, _ = analysis.featurize(corpus, progress=False)
    by_model, attributions = analysis.featurize(corpus, progress=False, method="classifier")
    frames = analysis.Codebook.load().frame_ids
    assert by_model[frames].isin([0, 1]).all().all()
    assert (by_model["humanitarian_probability"].between(0, 1)).all()
    assert by_model[["doc_id", "sent_id", "naming", "n_attributions"]].equals(
        by_dictionary[["doc_id", "sent_id", "naming", "n_attributions"]])


def test_too_few_positives_is_a_clear_error_whose_advice_works_with_an_own_codebook():
    texts = ["Aid came."] * (MIN_POSITIVES - 1) + ["Talks."] * 30
    labels = pd.DataFrame({"aid": [1] * (MIN_POSITIVES - 1) + [0] * 30})
    with pytest.raises(ModelError, match=rf"frame 'aid' has {MIN_POSITIVES - 1} positive .* at least "
                                         rf"{MIN_POSITIVES} of each") as err:
        FrameClassifier(codebook=AID).fit(texts, labels)
    message = str(err.value)
    assert ("Code more sentences: coding_sheet(sentences, n=..., codebook=<this codebook>, exclude=<the coding so far>) "
            "draws a random sample of those not yet coded, stratified by document") in message
    assert "strategy='uncertain' needs a model already fitted on these frames" in message
    # what it advises works with the own codebook and no model of it; uncertainty sampling alone does not
    sents = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0], "text": ["Aid came.", "Talks.", "More aid."]})
    coded = pd.DataFrame({"doc_id": ["a"], "sent_id": [0]})
    sheet = analysis.coding_sheet(sents, n=2, codebook=AID, exclude=coded)
    assert sheet[["doc_id", "sent_id", "aid"]].values.tolist() == [["a", 1, ""], ["b", 0, ""]]
    with pytest.raises(ModelError, match="the model was trained for codebook frames.yaml"):
        analysis.coding_sheet(sents, n=2, codebook=AID, exclude=coded, strategy="uncertain")


@pytest.mark.parametrize("labels, message", [
    (pd.DataFrame({"relief": [1, 0]}), r"lacks the frame column\(s\) \['aid'\]"),
    (pd.DataFrame({"aid": [1, 2]}), "codes must be 0 or 1"),
    (pd.DataFrame({"aid": [1]}), r"shape \(1, 1\); expected \(2, 1\)"),
])
def test_bad_codes_are_refused(labels, message):
    with pytest.raises(TableError, match=message):
        FrameClassifier(codebook=AID).fit(["Aid came.", "Talks."], labels)


@pytest.mark.parametrize("content, row, column, problem", [
    ("doc_id,sent_id,sentence\nd,0,Aid.\n", 1, "aid", "column missing"),
    ("doc_id,sent_id,sentence,aid\nd,0,Aid.,1\nd,1,Talks.,yes\n", 3, "aid", "must be 0 or 1"),
    ("doc_id,sent_id,sentence,aid\nd,0,Aid.,1\nd,0,Aid.,1\n", 3, "sent_id", r"also coded in .* row 2"),
    ("doc_id,sent_id,sentence,aid\nd,x,Aid.,1\n", 2, "sent_id", "whole number"),
])
def test_a_bad_coding_file_names_file_row_and_column(tmp_path, content, row, column, problem):
    path = tmp_path / "coded.csv"
    path.write_text(content)
    with pytest.raises(CodingSheetError, match=rf"coded\.csv, row {row}, column '{column}': .*{problem}"):
        analysis.read_frame_coding(path, codebook=AID)


def test_a_coding_file_of_another_corpus_is_refused(tmp_path):
    sents = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "text": ["Aid came."]})
    path = tmp_path / "coded.csv"
    path.write_text("doc_id,sent_id,sentence,aid\nd,0,Aid came.,1\nd,1,Talks.,0\n")
    with pytest.raises(CodingSheetError, match=r"row 3, column 'doc_id': sentence \('d', 1\) is not in the corpus"):
        analysis.read_frame_coding(path, codebook=AID, sentences=sents)
    path.write_text("doc_id,sent_id,sentence,aid\nd,0,Aid went.,1\n")
    with pytest.raises(CodingSheetError, match=r"row 2, column 'sentence': the text differs from that of sentence "
                                               r"\('d', 0\) in the corpus after 4 characters: the file has 'Aid went\.', "
                                               r"the corpus 'Aid came\.'"):
        analysis.read_frame_coding(path, codebook=AID, sentences=sents)


def test_uncertainty_sampling_picks_the_sentences_nearest_the_threshold(model):
    table = pd.DataFrame({"doc_id": ["a"] * 4, "sent_id": range(4),
                          "text": ["Blorf reached the town.", "Aid.", "Talks went on.", "Blorf aid hearing."]})
    margin = np.abs(model.predict_proba(table["text"]) - model.threshold_).min(axis=1)
    sheet = analysis.coding_sheet(table, 2, strategy="uncertain", model=model, codebook=AID)
    assert sorted(sheet["sent_id"]) == sorted(np.argsort(margin, kind="stable")[:2].tolist())
    again = analysis.coding_sheet(table, 2, strategy="uncertain", model=model, codebook=AID,
                                  exclude=sheet[["doc_id", "sent_id"]])
    assert not set(again["sent_id"]) & set(sheet["sent_id"])


def test_the_sampling_is_seeded(corpus):
    sents = analysis.sentences(corpus)
    first = analysis.coding_sheet(sents, 10, random_state=3)
    assert first.equals(analysis.coding_sheet(sents, 10, random_state=3))
    assert not first.equals(analysis.coding_sheet(sents, 10, random_state=4))


@pytest.mark.parametrize("estimator", [FrameClassifier.load(), FrameScorer().fit([])], ids=["classifier", "scorer"])
def test_both_estimators_refuse_bad_texts_naming_the_item(estimator):
    transform = estimator.predict if isinstance(estimator, FrameClassifier) else estimator.transform
    name = type(estimator).__name__
    with pytest.raises(TableError, match=f"{name} takes a list of texts .* wrap it: \\[text\\]"):
        transform("Aid for refugees.")
    with pytest.raises(TableError, match=f"{name}: item 1 is None, not a string"):
        transform(["Aid for refugees.", None])
    with pytest.raises(TableError, match=rf"{name}: a table needs a 'text' column \(has \['body'\]\)"):
        transform(pd.DataFrame({"body": ["Aid."]}))
    texts = ["Aid for refugees.", "Smugglers were arrested."]
    assert np.array_equal(transform(pd.DataFrame({"text": texts})), transform(pd.Series(texts)))
