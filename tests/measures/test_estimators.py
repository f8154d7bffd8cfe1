"""FrameScorer, TopicModel and FrameClassifier as scikit-learn estimators:
sklearn's estimator checks, and the same conventions on texts (Pipeline,
GridSearchCV, clone, set_output).

All three take texts, and say so in their tags (``input_tags.string``, not
``two_d_array``, as sklearn's ``CountVectorizer`` does); for such estimators
``parametrize_with_checks`` runs only the checks that need no data. To run
sklearn's data checks too on our ``fit``, ``transform`` and ``predict``, the
``*OnNumbers`` subclasses below read each row of the numeric data those checks
make as a text (column j's word, repeated as the value says) and hand it on;
nothing else is changed, but for the classifier's codes (see
:class:`FrameClassifierOnNumbers`). The checks that are about numeric input itself are skipped, each named
in NOT_FOR_TEXT with its reason; where part of a skipped check does apply to
texts, a test below does that part on texts.
"""

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.utils.estimator_checks import estimator_checks_generator, parametrize_with_checks
from sklearn.utils.validation import check_array

from analysis import FrameClassifier, FrameScorer, TopicModel
from analysis.synthetic import planted_corpus

#: words the codebook knows (so FrameScorer's counts are not all zero), one per column
WORDS = ["sovereignty", "aid", "smugglers", "security", "cooperation", "victims", "border", "traffickers"]


def as_texts(X):
    """Each row of a numeric array as a text: column j's word, ``int(|value| * 3) % 5`` times."""
    if isinstance(X, list) and all(isinstance(t, str) for t in X):
        return X                                            # already texts (TopicModel.fit_transform calls fit)
    X = check_array(X)
    return [" ".join(w for j, v in enumerate(row) for w in [WORDS[j % len(WORDS)]] * (int(abs(v) * 3) % 5))
            for row in X]


class OnNumbers:
    """Reads sklearn's numeric test data as texts; says it takes 2-D arrays."""

    def fit(self, X, y=None):
        return super().fit(as_texts(X), y)

    def transform(self, X):
        return super().transform(as_texts(X))

    def fit_transform(self, X, y=None):
        return super().fit_transform(as_texts(X), y)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array, tags.input_tags.string = True, False
        return tags


class FrameScorerOnNumbers(OnNumbers, FrameScorer):
    pass


class TopicModelOnNumbers(OnNumbers, TopicModel):
    pass


class FrameClassifierOnNumbers(FrameClassifier):
    """Reads sklearn's numeric test data as texts, and its targets as codes of
    one frame. sklearn's generic checks give any target (a regression target,
    two or three classes, a constant); the classifier learns 0/1 codes and
    needs at least 8 of each, so a row is coded 1 when its target is in the
    upper half of the targets' ranks: every check with 16 rows or more gets
    at least 8 of each."""

    def fit(self, X, y):
        if y is None:
            return super().fit(as_texts(X), y)
        codes = np.zeros(len(y), dtype=np.int64)
        codes[np.argsort(np.asarray(y, dtype=float), kind="stable")[len(y) // 2:]] = 1
        return super().fit(as_texts(X), codes)

    def predict(self, X):
        return super().predict(as_texts(X))

    def predict_proba(self, X):
        return super().predict_proba(as_texts(X))

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array, tags.input_tags.string = True, False
        return tags


def numeric(what: str) -> str:
    return f"about numeric X ({what}), which texts do not have; here only the adapter's check_array would meet it"


#: sklearn's checks that do not apply to estimators of texts, and why.
NOT_FOR_TEXT = {
    "check_n_features_in": numeric("n_features_in_, its number of columns; sklearn's text vectorizers set none either"),
    "check_n_features_in_after_fitting": numeric("n_features_in_, its number of columns"),
    "check_transformer_general": "its last step expects an error when transform gets another number of columns "
                                 "than fit; texts have no columns. Its other steps (fit_transform agrees with "
                                 "fit().transform(), repeated calls agree) are test_fit_transform_agrees_with_transform",
    "check_readonly_memmap_input": numeric("read-only memory maps"),
    "check_positive_only_tag_during_fit": numeric("negative values"),
    "check_estimators_dtypes": numeric("float32, int32 and int64 dtypes"),
    "check_complex_data": numeric("complex values"),
    "check_dtype_object": numeric("object arrays of numbers and strings that are not numbers"),
    "check_estimators_empty_data_messages": numeric("zero columns") + "; an empty list of texts is "
                                            "test_an_empty_list_of_texts",
    "check_estimators_nan_inf": numeric("NaN and inf") + "; a missing text is test_a_missing_text_is_named",
    "check_estimator_sparse_tag": numeric("sparse matrices"),
    "check_estimator_sparse_array": numeric("sparse arrays"),
    "check_estimator_sparse_matrix": numeric("sparse matrices"),
    "check_array_api_input": numeric("CuPy, PyTorch... arrays"),
    "check_f_contiguous_array_estimator": numeric("Fortran memory layout"),
    "check_transformer_data_not_an_array": numeric("an array-like wrapper") + "; lists, tuples, Series, object "
                                           "arrays and tables of texts are test_texts_come_as_list_series_array_or_table",
    "check_fit1d": "expects 1-D input refused, but a 1-D sequence of texts is what these estimators take",
    "check_fit2d_predict1d": "expects 1-D input refused by transform, but a 1-D sequence of texts is the input",
}
#: TopicModel only: the error for one text or one vocabulary term names texts and
#: topics ("k=2 topics is more than the 1 texts"), not sklearn's "n_samples=1" /
#: "1 feature(s)" wording for arrays; tests/measures/test_topics.py checks it.
NOT_FOR_TOPICS = {
    "check_fit2d_1sample": "one text cannot hold k=2 topics: refused with a TopicInputError about texts and topics, "
                           "not sklearn's array wording ('n_samples=1')",
    "check_fit2d_1feature": "one vocabulary term cannot hold k=2 topics: refused with a TopicInputError about terms, "
                            "not sklearn's array wording ('1 feature(s)')",
}

#: FrameClassifier only: with fewer than 8 coded texts with a frame (or without
#: it) the classifier refuses to fit (analysis.measures.classifier.MIN_POSITIVES),
#: with a ModelError saying what to code, not with sklearn's array wording;
#: tests/measures/test_classifier.py checks it.
NOT_FOR_CLASSIFIER = {
    "check_fit2d_1sample": "one coded text has no frame to learn 8 times: refused with a ModelError about coding "
                           "more sentences, not sklearn's array wording ('n_samples=1')",
    "check_fit2d_1feature": "its 10 rows cannot hold 8 texts with the frame and 8 without: refused with a "
                            "ModelError about coding more sentences, not sklearn's array wording ('1 feature(s)')",
}

ON_NUMBERS = [
    (FrameScorerOnNumbers(), NOT_FOR_TEXT),
    (FrameScorerOnNumbers(negated="skip", weighted=True), NOT_FOR_TEXT),
    # every distinct word kept: sklearn's small test data would lose the words in most texts to max_df=0.5
    (TopicModelOnNumbers(2, min_df=1, max_df=1.0), {**NOT_FOR_TEXT, **NOT_FOR_TOPICS}),
    (TopicModelOnNumbers(2, method="lda", min_df=1, max_df=1.0), {**NOT_FOR_TEXT, **NOT_FOR_TOPICS}),
    # a one-frame codebook of the words the numbers become, so that the dictionary features count something
    (FrameClassifierOnNumbers(codebook={"aid": WORDS}),
     {**{check: why for check, why in NOT_FOR_TEXT.items() if not check.startswith("check_transformer")},
      **NOT_FOR_CLASSIFIER}),
]


def _check_id(value):
    if hasattr(value, "get_params"):
        return repr(value).replace("\n", "").replace(" ", "")
    name = getattr(value, "__wrapped__", value)
    name = getattr(name, "func", name)
    keywords = getattr(value, "keywords", None) or getattr(getattr(value, "__wrapped__", None), "keywords", None)
    return name.__name__ + (f"({','.join(f'{k}={v}' for k, v in keywords.items())})" if keywords else "")


@parametrize_with_checks([FrameScorer(), TopicModel(2), FrameClassifier()])
def test_sklearn_checks_for_estimators_of_texts(estimator, check):
    """What sklearn runs for string input as the estimators declare it."""
    check(estimator)


@pytest.mark.parametrize(
    ("estimator", "check"),
    [pair for estimator, skipped in ON_NUMBERS
     for pair in estimator_checks_generator(estimator, legacy=True, expected_failed_checks=skipped, mark="skip")],
    ids=_check_id)
def test_sklearn_checks_on_texts_made_from_numbers(estimator, check):
    """Every check sklearn runs for a transformer of 2-D arrays (as parametrize_with_checks
    does), with the ones about numeric input skipped, each with its reason."""
    check(estimator)


def test_every_skipped_check_is_one_sklearn_runs():
    """So the skip list names real checks (a renamed check would otherwise go unnoticed)."""
    for estimator, skipped in ON_NUMBERS:
        names = {getattr(c, "__wrapped__", c).func.__name__ for _, c in estimator_checks_generator(estimator)}
        assert set(skipped) <= names, set(skipped) - names
        assert len(names - set(skipped)) >= 20          # most checks run


@pytest.fixture(scope="module")
def planted():
    texts, theta, topic_words = planted_corpus(n_docs=240, k=3, random_state=4)
    return texts, theta, topic_words


ESTIMATORS = [FrameScorer(), TopicModel(3), TopicModel(3, method="lda")]


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=repr)
def test_fit_transform_agrees_with_transform(estimator, planted):
    texts = planted[0][:120] if isinstance(estimator, TopicModel) else [
        "Aid for the victims of the smugglers.", "Libya's sovereignty is not negotiable.", "Security at the border."]
    first = clone(estimator).fit_transform(texts)
    fitted = clone(estimator).fit(texts)
    assert np.allclose(first, fitted.transform(texts), atol=1e-2)   # sklearn's tolerance in the check
    assert np.array_equal(fitted.transform(texts), fitted.transform(texts))
    assert first.shape == (len(texts), len(fitted.get_feature_names_out()))


def test_an_empty_list_of_texts():
    assert FrameScorer().fit_transform([]).shape == (0, 5)          # as CountVectorizer().transform([])
    model = TopicModel(2).fit(["aid victims rescue", "smugglers traffickers arrests", "aid rescue"])
    with pytest.raises(ValueError, match="no texts to transform"):
        model.transform([])


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=repr)
def test_a_missing_text_is_named(estimator, planted):
    fitted = clone(estimator).fit(planted[0][:60] if isinstance(estimator, TopicModel) else ["aid"])
    with pytest.raises(ValueError, match=r"item 1 is None, not a string|positions \[1\] are not"):
        fitted.transform(["aid", None])


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=repr)
def test_texts_come_as_list_series_array_or_table(estimator, planted):
    texts = planted[0][:60] if isinstance(estimator, TopicModel) else ["Aid for victims.", "Smugglers held."]
    fitted = clone(estimator).fit(texts)
    expected = fitted.transform(texts)
    for form in (pd.Series(texts), np.asarray(texts, dtype=object), pd.DataFrame({"text": texts}), tuple(texts)):
        assert np.array_equal(fitted.transform(form), expected), type(form)


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=repr)
def test_set_output_pandas_names_the_columns(estimator, planted):
    texts = planted[0][:60]
    out = clone(estimator).set_output(transform="pandas").fit(texts).transform(texts)
    assert isinstance(out, pd.DataFrame) and len(out) == 60
    expected = (["sovereignty", "humanitarian", "security", "criminality", "cooperation"]
                if isinstance(estimator, FrameScorer) else ["topic_0", "topic_1", "topic_2"])
    assert list(out.columns) == expected


def test_grid_search_over_a_topic_model_in_a_pipeline_finds_the_planted_k(planted):
    """Planted: 3 topics; the label of a text is its main planted topic. A pipeline
    of topic shares and a classifier does best with k=3, and GridSearchCV says so."""
    texts, theta, _ = planted
    labels = theta.argmax(axis=1)
    pipe = make_pipeline(TopicModel(2), LogisticRegression(max_iter=1000))
    search = GridSearchCV(pipe, {"topicmodel__k": [1, 2, 3]}, cv=3).fit(texts, labels)
    assert search.best_params_ == {"topicmodel__k": 3}
    scores = search.cv_results_["mean_test_score"]
    assert scores[2] > 0.9 and scores[0] < 0.6


def test_grid_search_over_frame_scorer_options():
    texts = ["Aid for the victims.", "No aid reached the victims.", "Smugglers were arrested.",
             "Smugglers were not arrested.", "Rescue the victims.", "Traffickers and smugglers."] * 3
    labels = [1, 0, 1, 0, 1, 1] * 3          # 0: the frame word is negated
    pipe = make_pipeline(FrameScorer(), LogisticRegression())
    search = GridSearchCV(pipe, {"framescorer__negated": ["count", "skip"]}, cv=3).fit(texts, labels)
    assert search.best_params_ == {"framescorer__negated": "skip"}
    assert clone(search.best_estimator_).get_params()["framescorer__negated"] == "skip"


def test_a_frame_classifier_clones_and_predicts_texts_in_any_form():
    texts = [f"Aid reached camp {i}." if i % 2 else f"Talks went on in round {i}." for i in range(40)]
    codes = pd.DataFrame({"aid": [i % 2 for i in range(40)]})
    model = clone(FrameClassifier(codebook={"aid": ["aid"]}, cv=3)).fit(texts, codes)
    assert model.get_params()["cv"] == 3 and clone(model).get_params() == model.get_params()
    expected = model.predict(texts)
    assert expected[:, 0].tolist() == codes["aid"].tolist()
    for form in (pd.Series(texts), np.asarray(texts, dtype=object), pd.DataFrame({"text": texts}), tuple(texts)):
        assert np.array_equal(model.predict(form), expected), type(form)
