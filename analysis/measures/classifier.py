"""Frame classifiers learned from hand coding, with the codebook's dictionary as
features and as evidence.

:class:`FrameClassifier` is one linear model per frame of a codebook, trained
on sentences coded by hand (1 if the sentence carries the frame, 0 if not):

* **features**: word unigrams and bigrams (lower case, reduced to their stems by
  NLTK's Snowball stemmer, which needs no data; TF-IDF with sublinear term
  frequency, rows scaled to unit length; terms in at least ``min_df`` training
  sentences); for every frame of the codebook the dictionary's hits in the
  sentence (``log(1 + hits)``, :func:`analysis.frame_scores`); and the names
  for people on the move of the codebook's naming labels (``log(1 + names)``,
  :func:`analysis.migrant_naming`), since the frames are frames of migration;
* **model**: logistic regression with balanced class weights, its ``C`` chosen
  per frame from ``Cs`` by stratified cross-validation on the training
  sentences; probabilities calibrated by Platt scaling on the cross-validated
  decision values; the threshold on them that maximises the cross-validated F1;
* **evidence**: each positive comes with the features present in the sentence
  that pushed it up most (a word or word pair with its character span, or the
  dictionary entries of the frame that matched), as :func:`analysis.frame_hits`
  gives for the dictionary;
* **files**: :meth:`FrameClassifier.save` writes plain JSON (vocabulary, idf,
  coefficients, Platt parameters, thresholds, the codebook version and frame
  ids, and a digest of each training sentence, so that
  :meth:`FrameClassifier.trained_on` and :func:`analysis.frame_validity` can
  tell in-sample sentences without the texts being stored);
  :meth:`FrameClassifier.load` refuses a file made for another codebook.
  Coefficients and idf are kept to 7 significant digits, so a loaded model
  predicts exactly as the fitted one. Never pickle.

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
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from .._deprecation import renamed
from .._output import write_text_atomic
from ..errors import ModelError, TableError
from ..paths import shipped
from ..resources._files import as_path, cached_by_file
from ..resources.codebook import Codebook
from ..text._stemmer import english_stemmer
from ..text._units import estimator_texts, unit_column
from .dictionary import frame_counts

FORMAT = "analysis.FrameClassifier"
#: 2: stems and the names feature (1, never released, had neither); a file of another version is refused.
FORMAT_VERSION = 2
#: Fewer positive (or negative) training sentences than this for a frame: no model.
MIN_POSITIVES = 8
TOKEN_PATTERN = r"\w+(?:['’-]\w+)*"
_TOKEN = re.compile(TOKEN_PATTERN)
_SEPARATOR = "\x00"
_TOKEN_OR_SEPARATOR = re.compile(f"{TOKEN_PATTERN}|{_SEPARATOR}")
_DIGITS = 7


class FrameClassifier(BaseEstimator):
    """One calibrated logistic regression per frame, trained on hand coding
    (see the module docstring).

    Parameters
    ----------
    codebook : Codebook, path or mapping, optional
        The frames and the dictionary used as features; default the shipped one.
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
    coef_ : ndarray (n_frames, n_terms + n_frames)
    intercept_, platt_ (n_frames, 2), threshold_, C_ : per frame
    cv_f1_ : ndarray, the cross-validated F1 of each frame at its threshold
    codebook_ : Codebook
    n_training_ : int, the number of training texts
    training_digests_ : frozenset of str, or None
        A digest of each training text (``text_digest``); None for a model
        file that does not record them.

    Examples
    --------
    >>> texts = ["Aid reached the camp.", "Talks went on."] * 10
    >>> labels = pd.DataFrame({"aid": [1, 0] * 10})
    >>> model = FrameClassifier(codebook={"aid": ["aid"]}, cv=2).fit(texts, labels)
    >>> model.predict(["More aid came.", "Talks went on again."]).tolist()
    [[1], [0]]
    """

    def __init__(self, codebook=None, *, Cs=(0.3, 1.0, 3.0, 10.0), min_df: int = 2, cv: int = 5,
                 random_state: int = 0):
        self.codebook = codebook
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
        highest.

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
            No ``y``, or a frame with fewer than 8 (or ``cv``) coded texts with it, or without it.
        """
        if y is None:
            raise ModelError("FrameClassifier requires y to be passed, but the target y is None: pass the hand "
                             "coding, one 0/1 column per frame (analysis.read_frame_coding gives it).")
        codebook = Codebook.load(self.codebook)
        texts = _texts(X)
        labels = _labels(y, codebook.frame_ids, len(texts))
        self.codebook_ = codebook
        self.frames_ = list(codebook.frame_ids)
        self.vocabulary_, self.idf_ = _vocabulary(texts, self.min_df, self._stems)
        features = self._features(texts)
        needed = max(MIN_POSITIVES, self.cv)
        coefs, intercepts, platts, thresholds, chosen, scores = [], [], [], [], [], []
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
            split = list(_folds(self.cv, self.random_state).split(features, target))
            c, platt, f1, threshold = max(((c, *_cross_validated(features, target, c, split)) for c in self.Cs),
                                          key=lambda item: (item[2], -item[0]))
            model = _logistic(C=c, class_weight="balanced", solver="liblinear", max_iter=1000)
            model.fit(features, target)
            coefs.append(model.coef_[0])
            intercepts.append(model.intercept_[0])
            platts.append(platt)
            thresholds.append(threshold)
            chosen.append(c)
            scores.append(f1)
        self.coef_ = _rounded(np.array(coefs))
        self.intercept_ = _rounded(np.array(intercepts))
        self.platt_ = _rounded(np.array(platts))
        self.threshold_ = np.array(thresholds)
        self.C_ = np.array(chosen)
        self.cv_f1_ = np.array(scores)
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
            a word pair, or "dictionary: <frame>"), contribution, start, end,
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
        hits_of: dict[tuple[int, str], list[tuple[int, int]]] = {}
        for i, start, end, frame, _ in self.codebook_.lexicon.find_all(texts):
            hits_of.setdefault((i, frame), []).append((start, end))
        rows = []
        for i, j in zip(*np.nonzero(probability >= self.threshold_)):
            row = slice(features.indptr[i], features.indptr[i + 1])
            indices = features.indices[row]
            contribution = features.data[row] * self.coef_[j, indices]
            order = np.argsort(-contribution, kind="stable")
            rank = 0
            for k in order:
                if contribution[k] <= 0 or rank == n:
                    break
                rank += 1
                index = indices[k]
                if index >= len(terms) + len(self.frames_):        # the number of names
                    found = [(a, b) for a, b, _, _ in self.codebook_.naming_lexicon.find(texts[i])]
                    start, end = found[0]
                    feature, matched = "names for people on the move", "; ".join(texts[i][a:b] for a, b in found)
                elif index >= len(terms):
                    frame = self.frames_[index - len(terms)]
                    found = hits_of[(i, frame)]
                    start, end = found[0]
                    feature, matched = f"dictionary: {frame}", "; ".join(dict.fromkeys(texts[i][a:b] for a, b in found))
                else:
                    feature = terms[index]
                    start, end = self._span(texts[i], feature)
                    matched = texts[i][start:end]
                rows.append((doc_ids[i], *([units[i]] if unit else []), self.frames_[j], float(probability[i, j]),
                             rank, feature, float(contribution[k]), base[i] + start, base[i] + end, matched))
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
            ``entries_digest``, the parameters,
            the features (terms and idf) and, per frame, coefficients, intercept,
            calibration, threshold, chosen C and cross-validated F1; the number
            of training texts and a digest of each (sorted; the texts
            themselves are not stored).
        """
        check_is_fitted(self, "coef_")
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION,
            "codebook": {"version": self.codebook_.version, "frames": self.frames_,
                         "source": Path(self.codebook_.source).name, "entries_digest": self.codebook_.entries_digest},
            "parameters": {"Cs": list(self.Cs), "min_df": self.min_df, "cv": self.cv,
                           "random_state": self.random_state},
            "features": {"token_pattern": TOKEN_PATTERN, "lowercase": True, "ngram_range": [1, 2],
                         "tf": "1 + log(count)", "norm": "l2", "dictionary": "log(1 + hits) of each frame",
                         "terms": self._terms(), "idf": self.idf_.tolist()},
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
    def load(cls, path=None, *, codebook=None) -> "FrameClassifier":
        """A saved model, checked against the codebook it is to be used with.

        Parameters
        ----------
        path : str or Path, optional
            A file written by :meth:`save`; default the shipped model.
        codebook : Codebook, path or mapping, optional
            The codebook in use (default the shipped one): its version, frame
            ids and entries (``entries_digest``, if the file records it) must
            be those the model was trained with.

        Returns
        -------
        FrameClassifier
            The fitted model.

        Raises
        ------
        ModelError
            The file cannot be read, is not a frame classifier, or was trained for
            another codebook.

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
            raise ModelError(f"{source}: not a frame classifier file of format {FORMAT} v{FORMAT_VERSION}.")
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
        model = cls(codebook, **{k: tuple(v) if k == "Cs" else v for k, v in data["parameters"].items()})
        model.codebook_, model.frames_ = book, list(book.frame_ids)
        model.vocabulary_ = {term: i for i, term in enumerate(data["features"]["terms"])}
        model.idf_ = np.array(data["features"]["idf"])
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
        return _sigmoid((features @ self.coef_.T + self.intercept_) * self.platt_[:, 0] + self.platt_[:, 1])

    def _stems(self, tokens: list[str]) -> list[str]:
        """The stem of each token, each distinct token stemmed once (kept on the model)."""
        cache = self.__dict__.setdefault("_stem_cache", {})
        new = set(tokens).difference(cache)
        cache.update(zip(new, map(english_stemmer().stem, new)))
        return list(map(cache.__getitem__, tokens))

    def _span(self, text: str, term: str) -> tuple[int, int]:
        """Offsets of the first words of ``text`` whose stems are the term (a stem or a pair)."""
        words = term.split(" ")
        lower, origin = _lowered(text)
        found = list(_TOKEN.finditer(lower))
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

    def _features(self, texts: list[str]) -> sparse.csr_matrix:
        """TF-IDF of the terms, the dictionary's log(1 + hits) per frame, and log(1 + names)."""
        words = _term_matrix(texts, self.vocabulary_, self._stems)
        words.data = 1.0 + np.log(words.data)
        words = words.multiply(self.idf_).tocsr()
        norms = np.sqrt(np.asarray(words.multiply(words).sum(axis=1)).ravel())
        words = sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ words
        dictionary = np.log1p(frame_counts(self.codebook_, texts))
        names = np.zeros((len(texts), 1))
        np.add.at(names[:, 0], [hit[0] for hit in self.codebook_.naming_lexicon.find_all(texts)], 1)
        return sparse.hstack([words, sparse.csr_matrix(np.hstack([dictionary, np.log1p(names)]))], format="csr")


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


def frame_classifier(model=None, *, codebook=None) -> FrameClassifier:
    """``model`` as a fitted :class:`FrameClassifier` checked against
    ``codebook`` (if given, it must have the model's frames): the model
    itself, or the one saved in its file (None: the shipped one). A file's
    model is read once per process and codebook content (version, frames and
    entries, a mapping's too), and again when the file changes, so chunk
    after chunk shares its stems.

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
        return model
    book = Codebook.load(codebook)
    source = shipped("migration", "frame_classifier.json") if model is None else model
    # what the model's features depend on: the frames and their entries (a mapping too has them)
    key = f"FrameClassifier for {book.version} {book.frame_ids} {book.entries_digest}"
    return cached_by_file(as_path(source), lambda path: FrameClassifier.load(path, codebook=book), key=key)


# --------------------------------------------------------------------------- helpers


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


def _tokens(texts: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """All tokens of all texts (lower case, with a separator token between
    texts), the text each belongs to, and which are separators."""
    joined = _SEPARATOR.join(t.replace(_SEPARATOR, " ") for t in texts).lower()
    tokens = _TOKEN_OR_SEPARATOR.findall(joined)
    is_separator = np.fromiter((t == _SEPARATOR for t in tokens), dtype=bool, count=len(tokens))
    text_of = np.cumsum(is_separator) - is_separator
    return tokens, text_of, is_separator


def _vocabulary(texts: list[str], min_df: int, stems) -> tuple[dict[str, int], np.ndarray]:
    """Terms (stems and pairs of stems) in at least ``min_df`` texts, sorted, and their smooth idf."""
    documents: dict[str, set] = {}
    for i, text in enumerate(texts):
        words = stems(_TOKEN.findall(text.lower()))
        for term in {*words, *(f"{a} {b}" for a, b in zip(words, words[1:]))}:
            documents.setdefault(term, set()).add(i)
    kept = sorted(term for term, found in documents.items() if len(found) >= min_df)
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + len(documents[t]))) + 1 for t in kept])
    return {term: i for i, term in enumerate(kept)}, _rounded(idf)


def _term_matrix(texts: list[str], vocabulary: dict[str, int], stems) -> sparse.csr_matrix:
    """Counts of the vocabulary's terms in each text, in one pass over all tokens:
    tokens become stems, stems integers, pairs of stems pairs of integers looked up at once."""
    tokens, text_of, is_separator = _tokens(texts)
    tokens = stems(tokens)
    names = sorted({w for term in vocabulary for w in term.split(" ")})
    number = {w: i for i, w in enumerate(names)}
    ids = np.fromiter(map(number.get, tokens, [-1] * len(tokens)), dtype=np.int64, count=len(tokens))
    ids[is_separator] = -1
    width = len(names) + 1
    unigram = np.full(width, -1, dtype=np.int64)
    pairs, pair_features = [], []
    for term, feature in vocabulary.items():
        words = term.split(" ")
        if len(words) == 1:
            unigram[number[term]] = feature
        else:
            pairs.append(number[words[0]] * width + number[words[1]])
            pair_features.append(feature)
    known = ids >= 0
    single = unigram[np.where(known, ids, width - 1)]          # the last slot of unigram is -1
    hit = known & (single >= 0)
    rows, cols = [text_of[hit]], [single[hit]]
    if pairs:
        order = np.argsort(pairs)
        pair_keys, pair_features = np.array(pairs)[order], np.array(pair_features)[order]
        both = known[:-1] & known[1:]
        keys = np.where(both, ids[:-1] * width + ids[1:], -1)
        place = np.minimum(np.searchsorted(pair_keys, keys), len(pair_keys) - 1)
        found = both & (pair_keys[place] == keys)
        rows.append(text_of[:-1][found])
        cols.append(pair_features[place[found]])
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(vocabulary)))


def _cross_validated(features, target, c: float, split) -> tuple[np.ndarray, float, float]:
    """For one C: the Platt parameters fitted on the cross-validated decision
    values, and the best cross-validated F1 over thresholds with its threshold."""
    decision = np.zeros(len(target))
    for train, test in split:
        model = _logistic(C=c, class_weight="balanced", solver="liblinear", max_iter=1000)
        model.fit(features[train], target[train])
        decision[test] = model.decision_function(features[test])
    # Platt (1999) scaling with his smoothed targets, so that separable folds give no infinite slope
    n_pos, n_neg = int(target.sum()), int(len(target) - target.sum())
    soft = np.where(target == 1, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    platt = _logistic(C=1e6, solver="lbfgs").fit(
        np.concatenate([decision, decision]).reshape(-1, 1), np.r_[np.ones(len(target)), np.zeros(len(target))],
        sample_weight=np.r_[soft, 1 - soft])
    a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    probability = _sigmoid(decision * a + b)
    # F1 of "probability >= t" for every distinct probability t, from the highest down
    levels, level_of = np.unique(-probability, return_inverse=True)
    positives = np.bincount(level_of, weights=target, minlength=len(levels))
    counted = np.bincount(level_of, minlength=len(levels))
    f1 = 2 * np.cumsum(positives) / (np.cumsum(counted) + target.sum())
    best = int(np.argmax(f1))                                  # ties: the highest threshold
    below = -levels[best + 1] if best + 1 < len(levels) else 0.0
    return np.array([a, b]), float(f1[best]), float((-levels[best] + below) / 2)   # midway to the next one down


def _logistic(**params):
    """sklearn's LogisticRegression, imported when a model is fitted, not with the kit."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(**params)


def _folds(cv: int, random_state):
    """Stratified, shuffled folds (sklearn's StratifiedKFold, imported when a model is fitted)."""
    from sklearn.model_selection import StratifiedKFold

    return StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _rounded(values: np.ndarray) -> np.ndarray:
    """Values kept to 7 significant digits, as they are saved."""
    return np.array([float(f"{v:.{_DIGITS}g}") for v in np.ravel(values)]).reshape(np.shape(values))


