"""Cross-fitting: predictions for every unit from models that never saw it, for
when the classifier learns from the same coding that corrects it.

A classifier fitted on the coded units predicts them better than it predicts
the others (it has seen their codes), so their errors look smaller than the
machine's errors elsewhere, and a corrected estimate that uses those
predictions is too sure of itself. Design-based supervised learning (Egami,
Hinck, Stewart and Wei 2023) splits the units at random into K folds and fits
one model per fold on the coded units of the other folds; each unit, coded or
not, is predicted by the model that left its fold out, so no prediction comes
from a model that saw the unit. (Cross-prediction, Zrnic and Candes 2024, splits
the coded units only and gives the uncoded ones the mean of the K models; with
unequal coding probabilities that makes a coded unit's prediction differ in
kind from an uncoded one's, which the DSL correction does not allow, so the
kit splits all units as DSL does.)

>>> import pandas as pd
>>> from sklearn.feature_extraction.text import CountVectorizer
>>> from sklearn.linear_model import LogisticRegression
>>> from sklearn.pipeline import make_pipeline
>>> units = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)],
...                       "text": ["Aid reached the camp.", "Talks went on."] * 20})
>>> coding = units.iloc[:20].assign(aid=[1, 0] * 10)
>>> scores = cross_fit(make_pipeline(CountVectorizer(), LogisticRegression()), units, coding, frames=["aid"],
...                    k=2, progress=False)
>>> list(scores.columns), scores["aid"].tolist()[:4]
(['doc_id', 'text', 'aid', 'aid_probability', 'crossfit_fold'], [1, 0, 1, 0])
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import clone
from tqdm.auto import tqdm

from ..errors import AnalysisError, TableError, require_columns
from ..measures.classifier import FrameClassifier
from ..resources.codebook import Codebook
from ._tables import FOLD_COLUMN


def cross_fit(estimator, units: pd.DataFrame, coding: pd.DataFrame, *, frames=None, k: int = 5, random_state=0,
              progress: bool = True) -> pd.DataFrame:
    """Predict every unit with a model fitted on coded units of the other folds.

    Parameters
    ----------
    estimator : FrameClassifier or scikit-learn classifier
        Unfitted (it is cloned for each fold). A :class:`analysis.FrameClassifier`
        learns all frames at once; any other classifier of texts (a pipeline
        that takes a list of strings) is fitted once per frame on its 0/1 codes.
    units : DataFrame
        Every unit to predict: doc_id (and sent_id), text; such as
        :func:`analysis.sentences`.
    coding : DataFrame
        The coded units (keys, text, one 0/1 column per frame), such as
        :func:`analysis.read_frame_coding` gives. Coded units that are not in
        ``units`` (from another corpus, say) belong to no fold and help fit
        every model.
    frames : list of str, optional
        The frames; default the frames of the FrameClassifier's codebook
        (needed for any other estimator).
    k : int
        Folds, at least 2.
    random_state : int, numpy Generator or None
        The seed of the split into folds.
    progress : bool
        Show a progress bar over the folds.

    Returns
    -------
    DataFrame
        ``units`` (same rows and index) with, per frame, ``<frame>`` (the
        model's 0/1) and ``<frame>_probability``, then ``crossfit_fold``
        (the unit's fold, 0 to k - 1), which :func:`analysis.prevalence` reads
        to say that its predictions were cross-fitted.

    Raises
    ------
    TableError
        A missing column, a frame not in the coding, or a column of
        ``units`` that the predictions would overwrite.
    AnalysisError
        ``k`` below 2, or frames missing for an estimator other than a
        FrameClassifier.
    ModelError
        If a fold leaves too few coded positives of a frame to fit a
        FrameClassifier (lower ``k`` or code more).

    Examples
    --------
    Forty sentences, twenty of them coded; each fold's model learns from the
    ten coded sentences of the other fold:

    >>> from sklearn.feature_extraction.text import CountVectorizer
    >>> from sklearn.linear_model import LogisticRegression
    >>> from sklearn.pipeline import make_pipeline
    >>> units = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)],
    ...                       "text": ["Aid reached the camp.", "Talks went on."] * 20})
    >>> coding = units.iloc[:20].assign(aid=[1, 0] * 10)
    >>> scores = cross_fit(make_pipeline(CountVectorizer(), LogisticRegression()), units, coding, frames="aid",
    ...                    k=2, progress=False)
    >>> scores["crossfit_fold"].value_counts().tolist(), scores["aid"].tolist()[:2]
    ([20, 20], [1, 0])
    """
    keys = ["doc_id", "sent_id"] if "sent_id" in units.columns else ["doc_id"]
    require_columns(units, [*keys, "text"], "cross_fit", hint="units= is every unit to predict (sentences()).")
    require_columns(coding, [*keys, "text"], "cross_fit", hint="coding= is the hand coding (read_frame_coding()).")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 2:
        raise AnalysisError(f"cross_fit(): k must be a whole number of folds, at least 2, not {k!r}.")
    joint = isinstance(estimator, FrameClassifier)
    if frames is None:
        if not joint:
            raise AnalysisError("cross_fit(): name the frames= to learn; only a FrameClassifier knows its own.")
        frames = Codebook.load(estimator.codebook).frame_ids
    frames = [frames] if isinstance(frames, str) else list(frames)
    require_columns(coding, frames, "cross_fit", hint="The coding needs a 0/1 column per frame.")
    clash = [c for f in frames for c in (f, f"{f}_probability") if c in units.columns] + \
        [c for c in [FOLD_COLUMN] if c in units.columns]
    if clash:
        raise TableError(f"cross_fit(): units already has column(s) {clash}, which the predictions would "
                         "overwrite; drop or rename them.")
    rng = np.random.default_rng(random_state)
    fold = rng.permutation(np.arange(len(units)) % k)
    unit_index = pd.MultiIndex.from_frame(units[keys].astype({"doc_id": str}))
    coded_fold = np.full(len(coding), -1)
    position = unit_index.get_indexer(pd.MultiIndex.from_frame(coding[keys].astype({"doc_id": str})))
    coded_fold[position >= 0] = fold[position[position >= 0]]
    texts, coded_texts = units["text"].tolist(), coding["text"].tolist()
    labels = coding[frames].to_numpy()
    probability = np.zeros((len(units), len(frames)))
    label = np.zeros((len(units), len(frames)), dtype=np.int64)
    for j in tqdm(range(k), desc="cross-fitting", disable=not progress):
        train = np.flatnonzero(coded_fold != j)
        target = np.flatnonzero(fold == j)
        train_texts, target_texts = [coded_texts[i] for i in train], [texts[i] for i in target]
        if joint:
            model = clone(estimator).fit(train_texts, pd.DataFrame(labels[train], columns=frames))
            probability[target] = model.predict_proba(target_texts)
            label[target] = model.predict(target_texts)
            continue
        for f in range(len(frames)):
            model = clone(estimator).fit(train_texts, labels[train, f])
            probability[target, f] = model.predict_proba(target_texts)[:, list(model.classes_).index(1)]
            label[target, f] = model.predict(target_texts)
    table = units.copy()
    for f, frame in enumerate(frames):
        table[frame] = label[:, f]
    for f, frame in enumerate(frames):
        table[f"{frame}_probability"] = probability[:, f]
    table[FOLD_COLUMN] = fold
    return table
