"""Frame classifiers learned from hand coding, with the codebook's dictionary and
pretrained word vectors as features, and the words behind each decision as evidence.

:class:`FrameClassifier` is one linear model per frame of a codebook, trained
on sentences coded by hand (1 if the sentence carries the frame, 0 if not):

* **features** (``features=``, all three by default):

  - ``"terms"``: word unigrams and bigrams (lower case, reduced to their stems
    by NLTK's Snowball stemmer, which needs no data; TF-IDF with sublinear term
    frequency, rows scaled to unit length; terms in at least ``min_df``
    training sentences);
  - ``"dictionary"``: for every frame of the codebook the dictionary's hits in
    the sentence (``log(1 + hits)``, :func:`analysis.frame_hits`), and the
    names for people on the move of the codebook's naming labels
    (``log(1 + names)``, :func:`analysis.migrant_naming`), since the frames
    are frames of migration;
  - ``"vectors"``: the meaning of the words, from word vectors (``vectors=``,
    default GloVe 6B 50d, :class:`analysis.WordVectors`): the sentence's
    SIF-weighted mean vector with its common component removed (Arora et al.
    2017; the component is the first singular vector of the training
    sentences' vectors) and its cosine to each frame's prototype, the mean
    vector of the frame's dictionary entries
    (:mod:`analysis.measures.sentence_vectors`); each of these columns
    standardised on the training sentences, the block scaled to unit
    expected length, as the TF-IDF rows are;

* **model**: per frame, a logistic regression with balanced class weights,
  its ``C`` chosen from ``Cs`` by stratified cross-validation on the training
  sentences; probabilities calibrated by Platt scaling on the cross-validated
  decision values; the threshold on them that maximises the cross-validated F1
  (:mod:`analysis.measures.linear`, whose helpers other classifiers share);
* **evidence**: each positive comes with the features present in the sentence
  that pushed it up most, each with its character span: a word or word pair,
  the dictionary entries of the frame that matched, or a word whose vector
  moved the sentence towards the frame (the vector features are linear in the
  words, so their part of the score splits exactly into one share per word);
* **files**: :meth:`FrameClassifier.save` writes plain JSON (vocabulary, idf,
  the vector block's component, means, scales and prototypes, coefficients,
  Platt parameters, thresholds, the codebook's version, frames and entries,
  the word vectors' name and digest, and a digest of each training sentence,
  so that :meth:`FrameClassifier.trained_on` and :func:`analysis.frame_validity`
  can tell in-sample sentences without the texts being stored);
  :meth:`FrameClassifier.load` refuses a file made for another codebook or
  with other word vectors. Learned numbers are kept to 7 significant digits,
  so a loaded model predicts exactly as the fitted one. Never pickle.

The kit ships a model fitted on the hand coding of the migration codebook
(``analysis/data/migration/frame_classifier.json``); fit your own on your coding.

>>> import pandas as pd
>>> model = FrameClassifier.load()
>>> s = pd.DataFrame({"doc_id": ["a"], "text": ["Smugglers were arrested after migrants drowned off the coast."]})
>>> model.predict(s)[0].tolist()
[0, 1, 0, 1, 0]
"""

from __future__ import annotations

import hashlib
import json
import math
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from .._deprecation import renamed
from .._output import write_text_atomic
from ..errors import ModelError, TableError, VectorsError
from ..paths import shipped
from ..resources._files import as_path, cached_by_file
from ..resources.codebook import Codebook
from ..resources.vectors import WordVectors
from ..text._units import estimator_texts, unit_column
from .dictionary import frame_counts
from .linear import fit_label, rounded, sigmoid
from .sentence_vectors import entry_prototypes, piece_contributions, pooled, text_pieces
from .terms import TOKEN, TOKEN_PATTERN, cached_stems, term_matrix, term_vocabulary, text_tokens

FORMAT = "analysis.FrameClassifier"
#: 3: the word-vector features and ``features=`` (2: stems and the names feature; 1, never released, had
#: neither); a file of another version is refused.
FORMAT_VERSION = 3
#: Fewer positive (or negative) training sentences than this for a frame: no model.
MIN_POSITIVES = 8
#: The kinds of features a model can use (``features=``).
FEATURES = ("terms", "dictionary", "vectors")


class FrameClassifier(BaseEstimator):
    """One calibrated logistic regression per frame, trained on hand coding
    (see the module docstring).

    Parameters
    ----------
    codebook : Codebook, path or mapping, optional
        The frames and the dictionary used as features; default the shipped one.
    vectors : WordVectors, path or mapping, optional
        The word vectors of the ``"vectors"`` features; default the kit's GloVe
        6B 50d (:class:`analysis.WordVectors`).
    features : tuple of str
        Which features to use, any of "terms", "dictionary" and "vectors"
        (see the module docstring); default all three.
    Cs : tuple of float
        Inverse regularisation strengths tried per frame by cross-validation.
    min_df : int
        A word or word pair is a feature if it occurs in at least this many
        training sentences.
    cv : int
        Folds of the stratified cross-validation that chooses C, calibrates and
        chooses the threshold.
    random_state : int
        Seed of the folds.

    Attributes
    ----------
    frames_ : list of str
    vocabulary_ : dict of str -> int
    idf_ : ndarray
    component_, vector_mean_, vector_scale_, prototypes_ : ndarray
        The vector features' common component, the mean and the scale of each
        of their columns, and the frames' prototypes (empty without "vectors").
    vectors_ : WordVectors, or None without "vectors"
    coef_ : ndarray (n_frames, n_features)
    intercept_, platt_ (n_frames, 2), threshold_, C_ : per frame
    cv_f1_ : ndarray, the cross-validated F1 of each frame at its threshold
    codebook_ : Codebook
    n_training_ : int, the number of training texts
    training_digests_ : frozenset of str, or None
        A digest of each training text (``text_digest``); None for a model
        file that does not record them.

    Examples
    --------
    >>> texts = ["Aid reached the camp.", "Talks went on."] * 10      # two texts: too few for word vectors
    >>> labels = pd.DataFrame({"aid": [1, 0] * 10})
    >>> model = FrameClassifier(codebook={"aid": ["aid"]}, features=("terms", "dictionary"), cv=2).fit(texts, labels)
    >>> model.predict(["More aid came.", "Talks went on again."]).tolist()
    [[1], [0]]
    """

    def __init__(self, codebook=None, *, vectors=None, features=FEATURES, Cs=(0.3, 1.0, 3.0, 10.0), min_df: int = 2,
                 cv: int = 5, random_state: int = 0):
        self.codebook = codebook
        self.vectors = vectors
        self.features = features
        self.Cs = Cs
        self.min_df = min_df
        self.cv = cv
        self.random_state = random_state

    # -- fitting ------------------------------------------------------------------------------

    def fit(self, X, y):
        """Learn each frame of the codebook from hand-coded texts.

        For each frame, the regularisation C is chosen from ``Cs`` by
        cross-validated F1 (``cv`` stratified folds), the probabilities are
        calibrated (Platt) and the threshold set where cross-validated F1 is
        highest (``analysis.measures.linear.fit_label``).

        Parameters
        ----------
        X : list of str, Series or DataFrame
            The texts, or a table with ``text`` (such as :func:`analysis.read_frame_coding` gives).
        y : DataFrame or array
            The codes: a table with one 0/1 column per frame of the codebook (other
            columns are ignored), or an array in the codebook's frame order.

        Returns
        -------
        FrameClassifier
            self, fitted.

        Raises
        ------
        ModelError
            No ``y``; a frame with fewer than 8 (or ``cv``) coded texts with it, or
            without it; ``features`` empty or with an unknown kind.
        """
        if y is None:
            raise ModelError("FrameClassifier requires y to be passed, but the target y is None: pass the hand "
                             "coding, one 0/1 column per frame (analysis.read_frame_coding gives it).")
        kinds = _feature_kinds(self.features)
        codebook = Codebook.load(self.codebook)
        texts = _texts(X)
        labels = _labels(y, codebook.frame_ids, len(texts))
        self.codebook_ = codebook
        self.frames_ = list(codebook.frame_ids)
        self.features_ = kinds
        if "terms" in kinds:
            self.vocabulary_, self.idf_ = term_vocabulary(texts, self.min_df, self._stems)
        else:
            self.vocabulary_, self.idf_ = {}, np.zeros(0)
        self.vectors_ = WordVectors.load(self.vectors) if "vectors" in kinds else None
        self.component_ = self.vector_mean_ = self.vector_scale_ = np.zeros(0)
        self.prototypes_ = np.zeros((0, 0))
        if self.vectors_ is not None:
            self.prototypes_ = rounded(entry_prototypes(codebook, self.vectors_))
            raw, _ = self._raw_vectors(texts)
            _, _, right = np.linalg.svd(raw, full_matrices=False)
            self.component_ = rounded(right[0] * np.sign(right[0][np.argmax(np.abs(right[0]))]))
            dense = self._vector_columns(raw)
            self.vector_mean_ = rounded(dense.mean(axis=0))
            spread = dense.std(axis=0)
            self.vector_scale_ = rounded(1.0 / (np.where(spread > 0, spread, 1.0) * math.sqrt(dense.shape[1])))
        features = self._features(texts)
        needed = max(MIN_POSITIVES, self.cv)
        fitted = []
        for j, frame in enumerate(self.frames_):
            target = labels[:, j]
            n_pos = int(target.sum())
            if min(n_pos, len(target) - n_pos) < needed:
                raise ModelError(f"frame {frame!r} has {n_pos} positive and {len(target) - n_pos} negative training "
                                 f"sentences; the classifier needs at least {needed} of each. Code more sentences: "
                                 "coding_sheet(sentences, n=..., codebook=<this codebook>, exclude=<the coding so "
                                 "far>) draws a random sample of those not yet coded, stratified by document "
                                 "(strategy='uncertain' needs a model already fitted on these frames: the shipped one "
                                 "for the shipped codebook, else model=...). Or leave the frame out of the codebook "
                                 "you train on.")
            fitted.append(fit_label(features, target, Cs=self.Cs, cv=self.cv, random_state=self.random_state))
        self.coef_ = np.array([f.coef for f in fitted])
        self.intercept_ = np.array([f.intercept for f in fitted])
        self.platt_ = np.array([f.platt for f in fitted])
        self.threshold_ = np.array([f.threshold for f in fitted])
        self.C_ = np.array([f.C for f in fitted])
        self.cv_f1_ = np.array([f.cv_f1 for f in fitted])
        self.n_training_ = len(texts)
        self.n_positive_ = labels.sum(axis=0).astype(int)
        self.training_digests_ = frozenset(text_digest(text) for text in texts)
        return self

    def trained_on(self, X) -> np.ndarray | None:
        """Which of the texts the model was fitted on (the same text, up to
        white space and Unicode composition), from the digests of its training
        texts: scores on them are in-sample.

        Parameters
        ----------
        X : list of str, Series or DataFrame
            The texts, or a table with ``text``.

        Returns
        -------
        ndarray of bool, or None
            One value per text; None if the model (a file saved before models
            recorded their training texts) cannot tell.

        Examples
        --------
        >>> texts = ["Aid reached the camp.", "Talks went on."] * 10
        >>> model = FrameClassifier(codebook={"aid": ["aid"]}, cv=2).fit(texts, pd.DataFrame({"aid": [1, 0] * 10}))
        >>> model.trained_on(["Aid  reached the camp.", "Aid reached another camp."]).tolist()
        [True, False]
        """
        check_is_fitted(self, "coef_")
        if self.training_digests_ is None:
            return None
        return np.array([text_digest(text) in self.training_digests_ for text in _texts(X)], dtype=bool)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True          # texts in, as sklearn's CountVectorizer
        tags.input_tags.two_d_array = False
        tags.target_tags.required = True       # the hand coding
        return tags

    # -- predicting ---------------------------------------------------------------------------

    def predict_proba(self, X) -> np.ndarray:
        """Calibrated probability of each frame.

        Parameters
        ----------
        X : list of str, Series or DataFrame
            The texts, or a table with ``text``.

        Returns
        -------
        ndarray
            Shape ``(n_texts, n_frames)``, frames in the order of ``frames_``.
        """
        check_is_fitted(self, "coef_")
        return self._probability(self._features(_texts(X)))

    def predict(self, X) -> np.ndarray:
        """1 where a frame's probability reaches its threshold, else 0.

        Parameters
        ----------
        X : list of str, Series or DataFrame
            The texts, or a table with ``text``.

        Returns
        -------
        ndarray of int
            Shape ``(n_texts, n_frames)``, frames in the order of ``frames_``.
        """
        return (self.predict_proba(X) >= self.threshold_).astype(np.int64)

    def scores(self, sentences: pd.DataFrame) -> pd.DataFrame:
        """The frames of each row of a table, as :func:`analysis.frame_scores` gives them.

        Parameters
        ----------
        sentences : DataFrame
            A table with ``text`` (:func:`analysis.sentences`, or any rows of text).

        Returns
        -------
        DataFrame
            The input table with, per frame, a 0/1 column named by the frame id and
            its probability in ``<frame>_probability``.
        """
        texts = _texts(sentences)
        clash = [c for f in self.frames_ for c in (f, f"{f}_probability") if c in sentences.columns]
        if clash:
            raise TableError(f"the input already has column(s) {clash}; drop or rename them first.")
        probability = self.predict_proba(texts)
        table = sentences.copy()
        for j, frame in enumerate(self.frames_):
            table[frame] = (probability[:, j] >= self.threshold_[j]).astype(np.int64)
        for j, frame in enumerate(self.frames_):
            table[f"{frame}_probability"] = probability[:, j]
        return table

    @renamed(top="n")
    def evidence(self, sentences: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
        """Why each positive is positive: for every sentence and frame the model
        gives, the ``n`` features present in the sentence with the largest
        positive contribution to the frame's score (coefficient times value).

        A word, word pair, the dictionary or the names of people on the move
        each count once; the vector features count once per word of the
        sentence: what that word's vector adds to the score (its weighted
        vector, over the sentence's number of words, projected on the frame's
        direction in the vector features).

        Parameters
        ----------
        sentences : DataFrame
            A table with ``text``; with doc_id, a unit id (sent_id or par_id) and
            ``start``, the spans are offsets into the document.
        n : int
            Features per sentence and frame (``top=`` is its old name, accepted
            with a FutureWarning).

        Returns
        -------
        DataFrame
            doc_id, the unit id (if any), frame, probability, rank, feature (a word,
            a word pair, "dictionary: <frame>", "names for people on the move",
            or "meaning: <word>" for a word's vector), contribution, start, end,
            matched. A dictionary feature lists the frame's entries that matched,
            with the span of the first.

        Examples
        --------
        >>> import analysis
        >>> sents = analysis.sentences(analysis.load_corpus())
        >>> evidence = FrameClassifier.load().evidence(sents)
        >>> list(evidence.columns)
        ['doc_id', 'sent_id', 'frame', 'probability', 'rank', 'feature', 'contribution', 'start', 'end', 'matched']
        """
        check_is_fitted(self, "coef_")
        texts = _texts(sentences)
        unit = unit_column(sentences)
        base = sentences["start"].tolist() if "start" in sentences.columns else [0] * len(texts)
        doc_ids = sentences["doc_id"].tolist() if "doc_id" in sentences.columns else list(range(len(texts)))
        units = sentences[unit].tolist() if unit else [None] * len(texts)
        features = self._features(texts)
        probability = self._probability(features)
        terms = self._terms()
        n_terms, n_frames = len(terms), len(self.frames_)
        n_dictionary = n_frames + 1 if "dictionary" in self.features_ else 0
        hits_of: dict[tuple[int, str], list[tuple[int, int]]] = {}
        if n_dictionary:
            for i, start, end, frame, _ in self.codebook_.lexicon.find_all(texts):
                hits_of.setdefault((i, frame), []).append((start, end))
        raw = norms = None
        if self.vectors_ is not None:
            raw, counts = self._raw_vectors(texts)
            norms = np.linalg.norm(raw, axis=1)
        rows = []
        for i, j in zip(*np.nonzero(probability >= self.threshold_)):
            row = slice(features.indptr[i], features.indptr[i + 1])
            indices = features.indices[row]
            contribution = features.data[row] * self.coef_[j, indices]
            candidates = []                                # (contribution, feature, start, end, matched)
            for index, value in zip(indices.tolist(), contribution.tolist()):
                if value <= 0 or index >= n_terms + n_dictionary:
                    continue
                if index == n_terms + n_frames:                   # the number of names
                    found = [(a, b) for a, b, _, _ in self.codebook_.naming_lexicon.find(texts[i])]
                    start, end = found[0]
                    candidates.append((value, "names for people on the move", start, end,
                                       "; ".join(texts[i][a:b] for a, b in found)))
                elif index >= n_terms:
                    frame = self.frames_[index - n_terms]
                    found = hits_of[(i, frame)]
                    candidates.append((value, f"dictionary: {frame}", *found[0],
                                       "; ".join(dict.fromkeys(texts[i][a:b] for a, b in found))))
                else:
                    start, end = self._span(texts[i], terms[index])
                    candidates.append((value, terms[index], start, end, texts[i][start:end]))
            if raw is not None:
                pieces = text_pieces(texts[i], self.vectors_)
                shares = piece_contributions(pieces, counts[i], self._vector_direction(j, norms[i]), self.vectors_)
                for value, start, end in zip(shares.tolist(), pieces.start.tolist(), pieces.end.tolist()):
                    if value > 0:
                        word = texts[i][start:end]
                        candidates.append((value, f"meaning: {word.lower()}", start, end, word))
            candidates.sort(key=lambda c: (-c[0], c[2]))
            for rank, (value, feature, start, end, matched) in enumerate(candidates[:n], start=1):
                rows.append((doc_ids[i], *([units[i]] if unit else []), self.frames_[j], float(probability[i, j]),
                             rank, feature, float(value), base[i] + start, base[i] + end, matched))
        columns = ["doc_id", *([unit] if unit else []), "frame", "probability", "rank", "feature", "contribution",
                   "start", "end", "matched"]
        return pd.DataFrame(rows, columns=columns).astype({"rank": "int64", "start": "int64", "end": "int64"})

    # -- files --------------------------------------------------------------------------------

    def to_dict(self) -> dict:
        """The fitted model as plain data (what :meth:`save` writes).

        Returns
        -------
        dict
            Format and version, the codebook's version, frames and
            ``entries_digest``, the word vectors' name, size and digest, the
            parameters, the features (terms and idf; the vector block's
            component, means, scales and prototypes) and, per frame,
            coefficients, intercept, calibration, threshold, chosen C and
            cross-validated F1; the number of training texts and a digest of
            each (sorted; the texts themselves are not stored).
        """
        check_is_fitted(self, "coef_")
        vectors = None if self.vectors_ is None else {
            "name": self.vectors_.name, "digest": self.vectors_.digest, "words": len(self.vectors_),
            "dimensions": self.vectors_.dim}
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION,
            "codebook": {"version": self.codebook_.version, "frames": self.frames_,
                         "source": Path(self.codebook_.source).name, "entries_digest": self.codebook_.entries_digest},
            "vectors": vectors,
            "parameters": {"features": list(self.features_), "Cs": list(self.Cs), "min_df": self.min_df,
                           "cv": self.cv, "random_state": self.random_state},
            "features": {"token_pattern": TOKEN_PATTERN, "lowercase": True, "ngram_range": [1, 2],
                         "tf": "1 + log(count)", "norm": "l2", "dictionary": "log(1 + hits) of each frame",
                         "terms": self._terms(), "idf": self.idf_.tolist(),
                         "vectors": "SIF mean (a=0.001, Zipf frequencies from rank) minus its common component, "
                                    "then its cosine to each frame's prototype; each column (x - mean) * scale",
                         "component": self.component_.tolist(), "mean": self.vector_mean_.tolist(),
                         "scale": self.vector_scale_.tolist(), "prototypes": self.prototypes_.tolist()},
            "frames": {frame: {"coef": self.coef_[j].tolist(), "intercept": float(self.intercept_[j]),
                               "platt": self.platt_[j].tolist(), "threshold": float(self.threshold_[j]),
                               "C": float(self.C_[j]), "cv_f1": float(self.cv_f1_[j]),
                               "n_positive": int(self.n_positive_[j])}
                       for j, frame in enumerate(self.frames_)},
            "n_training": self.n_training_,
            **({} if self.training_digests_ is None else {"training_texts": {
                "digest": DIGEST_NOTE, "digests": sorted(self.training_digests_)}}),
        }

    def save(self, path, *, overwrite: bool = False) -> Path:
        """Write the model as JSON (plain data, never pickle).

        Parameters
        ----------
        path : str or Path
            The file to write.
        overwrite : bool
            Replace an existing file; without it an existing file is an error.

        Returns
        -------
        Path
            The file written.
        """
        path = Path(path)
        if path.exists() and not overwrite:
            raise FileExistsError(f"{path} exists; pass overwrite=True to replace it.")
        text = json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))
        return write_text_atomic(path, text + "\n")

    @classmethod
    def load(cls, path=None, *, codebook=None, vectors=None) -> "FrameClassifier":
        """A saved model, checked against the codebook and word vectors it is to be used with.

        Parameters
        ----------
        path : str or Path, optional
            A file written by :meth:`save`; default the shipped model.
        codebook : Codebook, path or mapping, optional
            The codebook in use (default the shipped one): its version, frame
            ids and entries (``entries_digest``, if the file records it) must
            be those the model was trained with.
        vectors : WordVectors, path or mapping, optional
            The word vectors in use, for a model with vector features (default
            the kit's GloVe 6B 50d): their digest must be the one the model
            recorded.

        Returns
        -------
        FrameClassifier
            The fitted model.

        Raises
        ------
        ModelError
            The file cannot be read, is not a frame classifier, or was trained for
            another codebook.
        VectorsError
            The model was fitted with other word vectors than ``vectors``.

        Examples
        --------
        >>> FrameClassifier.load().frames_
        ['sovereignty', 'humanitarian', 'security', 'criminality', 'cooperation']
        """
        source = shipped("migration", "frame_classifier.json") if path is None else Path(path)
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise ModelError(f"{source}: cannot be read as a frame classifier ({err}).") from None
        if data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
            found = f"format {data.get('format')} v{data.get('format_version')}" if isinstance(data, dict) else "?"
            raise ModelError(f"{source}: not a frame classifier file of format {FORMAT} v{FORMAT_VERSION} ({found}); "
                             "a model saved by an earlier version of the kit cannot be read: fit it again on its "
                             "coding (FrameClassifier(...).fit(texts, codes).save(path)).")
        book = Codebook.load(codebook)
        saved = data["codebook"]
        if saved["frames"] != book.frame_ids or saved["version"] != book.version:
            raise ModelError(f"{source}: the model was trained for codebook {saved['source']} v{saved['version']} "
                             f"with frames {saved['frames']}; the codebook in use is {Path(book.source).name} "
                             f"v{book.version} with frames {book.frame_ids}. Pass that codebook, or fit a model on "
                             "coding made with yours.")
        if saved.get("entries_digest", book.entries_digest) != book.entries_digest:
            raise ModelError(f"{source}: the model was trained with other entries of codebook {saved['source']} "
                             f"v{saved['version']} than those of {book.source} (same version and frames); its "
                             "dictionary features would count other words. Pass the codebook it was trained with, "
                             "or fit the model again with yours (and give your codebook a new version).")
        parameters = {k: tuple(v) if k in ("Cs", "features") else v for k, v in data["parameters"].items()}
        model = cls(codebook, vectors=vectors, **parameters)
        model.vectors_ = None
        if data["vectors"] is not None:
            model.vectors_ = WordVectors.load(vectors)
            if model.vectors_.digest != data["vectors"]["digest"]:
                saved_vectors = data["vectors"]
                raise VectorsError(
                    f"{source}: the model was fitted with the word vectors {saved_vectors['name']} "
                    f"({saved_vectors['words']:,} words x {saved_vectors['dimensions']}, digest "
                    f"{saved_vectors['digest'][:12]}...); the vectors in use are {model.vectors_.name} "
                    f"({len(model.vectors_):,} x {model.vectors_.dim}, digest {model.vectors_.digest[:12]}...). "
                    "Its vector features would mean other things: pass vectors= with the vectors it was fitted "
                    "with, or fit the model again with yours.")
        elif vectors is not None:
            raise VectorsError(f"{source}: the model uses no word vectors (features {parameters['features']}); "
                               "leave vectors= out.")
        model.codebook_, model.frames_ = book, list(book.frame_ids)
        model.features_ = parameters["features"]
        features = data["features"]
        model.vocabulary_ = {term: i for i, term in enumerate(features["terms"])}
        model.idf_ = np.array(features["idf"])
        model.component_ = np.array(features["component"])
        model.vector_mean_ = np.array(features["mean"])
        model.vector_scale_ = np.array(features["scale"])
        model.prototypes_ = np.array(features["prototypes"], dtype=float) if features["prototypes"] else np.zeros((0, 0))
        frames = [data["frames"][f] for f in model.frames_]
        model.coef_ = np.array([f["coef"] for f in frames])
        model.intercept_ = np.array([f["intercept"] for f in frames])
        model.platt_ = np.array([f["platt"] for f in frames])
        model.threshold_ = np.array([f["threshold"] for f in frames])
        model.C_ = np.array([f["C"] for f in frames])
        model.cv_f1_ = np.array([f["cv_f1"] for f in frames])
        model.n_positive_ = np.array([f["n_positive"] for f in frames])
        model.n_training_ = data["n_training"]
        recorded = data.get("training_texts")
        model.training_digests_ = None if recorded is None else frozenset(recorded["digests"])
        return model

    # -- features -----------------------------------------------------------------------------

    def _probability(self, features: sparse.csr_matrix) -> np.ndarray:
        """Calibrated probability of each frame from the features of the texts."""
        return sigmoid((features @ self.coef_.T + self.intercept_) * self.platt_[:, 0] + self.platt_[:, 1])

    def _stems(self, tokens: list[str]) -> list[str]:
        """The stem of each token, each distinct token stemmed once (kept on the model)."""
        return cached_stems(tokens, self.__dict__.setdefault("_stem_cache", {}))

    def _span(self, text: str, term: str) -> tuple[int, int]:
        """Offsets of the first words of ``text`` whose stems are the term (a stem or a pair)."""
        words = term.split(" ")
        lower, origin = _lowered(text)
        found = list(TOKEN.finditer(lower))
        stems = self._stems([m.group() for m in found])
        for k in range(len(found) - len(words) + 1):
            if stems[k:k + len(words)] == words:
                return origin[found[k].start()], origin[found[k + len(words) - 1].end()]
        raise ModelError(f"term {term!r} is not in {text!r}; the model and its features disagree.")

    def _terms(self) -> list[str]:
        terms = [""] * len(self.vocabulary_)
        for term, i in self.vocabulary_.items():
            terms[i] = term
        return terms

    def _raw_vectors(self, texts: list[str], tokens=None) -> tuple[np.ndarray, np.ndarray]:
        """The SIF sentence vectors of the texts and their numbers of words found."""
        if tokens is None:
            tokens = text_tokens(texts)
        words, text_of, _ = tokens              # a separator is in no vocabulary: it adds nothing
        return pooled(words, text_of, len(texts), self.vectors_)

    def _vector_columns(self, raw: np.ndarray) -> np.ndarray:
        """The vector features before standardising: the vectors minus their
        common component, then the cosine of each (as it was) to each prototype."""
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        cosines = (raw / np.where(norms > 0, norms, 1.0)) @ self.prototypes_.T
        return np.hstack([raw - np.outer(raw @ self.component_, self.component_), cosines])

    def _vector_direction(self, frame: int, norm: float) -> np.ndarray:
        """The direction in word-vector space that frame ``frame``'s vector
        features score, for a sentence whose mean vector has length ``norm``:
        a word's share of the score is its weighted vector projected on it."""
        dim = self.component_.shape[0]
        weights = self.coef_[frame, -(dim + len(self.frames_)):] * self.vector_scale_
        direction = weights[:dim] - (weights[:dim] @ self.component_) * self.component_
        return direction + (weights[dim:] @ self.prototypes_) / (norm if norm > 0 else 1.0)

    def _features(self, texts: list[str]) -> sparse.csr_matrix:
        """TF-IDF of the terms, the dictionary's log(1 + hits) per frame and log(1 + names), and the vector
        features, as ``features_`` asks."""
        tokens = text_tokens(texts)
        blocks = []
        if "terms" in self.features_:
            words = term_matrix(tokens, len(texts), self.vocabulary_, self._stems)
            words.data = 1.0 + np.log(words.data)
            words = words.multiply(self.idf_).tocsr()
            norms = np.sqrt(np.asarray(words.multiply(words).sum(axis=1)).ravel())
            blocks.append(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ words)
        if "dictionary" in self.features_:
            dictionary = np.log1p(frame_counts(self.codebook_, texts))
            names = np.zeros((len(texts), 1))
            np.add.at(names[:, 0], [hit[0] for hit in self.codebook_.naming_lexicon.find_all(texts)], 1)
            blocks.append(sparse.csr_matrix(np.hstack([dictionary, np.log1p(names)])))
        if self.vectors_ is not None:
            raw, _ = self._raw_vectors(texts, tokens)
            blocks.append(sparse.csr_matrix((self._vector_columns(raw) - self.vector_mean_) * self.vector_scale_))
        return sparse.hstack(blocks, format="csr")


#: How :func:`text_digest` is made, as a model file records it.
DIGEST_NOTE = "blake2b, 8 bytes, hex, of the text in Unicode NFC with each run of white space as one space, trimmed"


def text_digest(text: str) -> str:
    """A short digest of a text that does not depend on its white space or
    Unicode composition (:data:`DIGEST_NOTE`): what a model file records of
    each training text.

    >>> text_digest("Aid  reached\\nthe camp.") == text_digest("Aid reached the camp.")
    True
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=8).hexdigest()


def frame_classifier(model=None, *, codebook=None, vectors=None) -> FrameClassifier:
    """``model`` as a fitted :class:`FrameClassifier` checked against
    ``codebook`` (if given, it must have the model's frames) and ``vectors``:
    the model itself, or the one saved in its file (None: the shipped one). A
    file's model is read once per process, codebook content (version, frames
    and entries, a mapping's too) and vectors, and again when the file
    changes, so chunk after chunk shares its stems.

    >>> frame_classifier().frames_[:2]
    ['sovereignty', 'humanitarian']
    >>> frame_classifier() is frame_classifier()
    True
    """
    if isinstance(model, FrameClassifier):
        check_is_fitted(model, "coef_")
        if codebook is not None and Codebook.load(codebook).frame_ids != model.frames_:
            raise ModelError(f"the model was fitted for the frames {model.frames_}, the codebook has "
                             f"{Codebook.load(codebook).frame_ids}; pass the codebook the model was fitted with "
                             "(or none: the model's is used).")
        if vectors is not None and model.vectors_ != WordVectors.load(vectors):
            raise VectorsError("the model was fitted with other word vectors than those passed as vectors=; pass "
                               "none (the model's are used) or the ones it was fitted with.")
        return model
    book = Codebook.load(codebook)
    source = shipped("migration", "frame_classifier.json") if model is None else model
    # what the model's features depend on: the frames and their entries (a mapping too has them), and the vectors
    key = f"FrameClassifier for {book.version} {book.frame_ids} {book.entries_digest} {_vectors_key(vectors)}"
    return cached_by_file(as_path(source), lambda path: FrameClassifier.load(path, codebook=book, vectors=vectors),
                          key=key)


# --------------------------------------------------------------------------- helpers


def _vectors_key(vectors) -> str:
    """What identifies ``vectors`` for the model cache, without reading a file's numbers."""
    if vectors is None or isinstance(vectors, (str, Path)):
        return str(vectors)
    return WordVectors.load(vectors).digest


def _feature_kinds(features) -> tuple[str, ...]:
    kinds = (features,) if isinstance(features, str) else tuple(features)
    unknown = [k for k in kinds if k not in FEATURES]
    if unknown or not kinds:
        raise ModelError(f"features= takes one or more of {list(FEATURES)}, not {list(kinds)}.")
    return tuple(k for k in FEATURES if k in kinds)


def _texts(X) -> list[str]:
    return estimator_texts(X, "FrameClassifier")


def _labels(y, frames: list[str], n: int) -> np.ndarray:
    if isinstance(y, pd.DataFrame):
        missing = [f for f in frames if f not in y.columns]
        if missing:
            raise TableError(f"the coding lacks the frame column(s) {missing} of the codebook {frames}.")
        y = y[frames].to_numpy()
    labels = np.asarray(y)
    if labels.ndim == 1 and len(frames) == 1:
        labels = labels.reshape(-1, 1)
    if labels.shape != (n, len(frames)):
        raise TableError(f"the codes have shape {labels.shape}; expected ({n}, {len(frames)}): one row per text, "
                         f"one column per frame {frames}.")
    if not np.isin(labels, (0, 1)).all():
        raise TableError("codes must be 0 or 1.")
    return labels.astype(np.int64)


def _lowered(text: str) -> tuple[str, list[int]]:
    """``text.lower()`` and, for each of its offsets (and its end), the offset
    in ``text`` it comes from: lower-casing can lengthen a character ("İ")."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower, list(range(len(text) + 1))
    origin = [i for i, char in enumerate(text) for _ in char.lower()]
    return lower, [*origin, len(text)]
