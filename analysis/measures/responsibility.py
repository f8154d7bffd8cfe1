"""Responsibility in a sentence, as a classifier: does the sentence hold
anyone responsible, for causing the problem (``causal``) or for solving it
(``treatment``), assigned or denied?

``ResponsibilityClassifier`` is the sentence-level measure of the
attribution coding, with the estimator design of
:class:`analysis.FrameClassifier`, so that "the share of sentences that blame
someone" is a measure with a validity figure of its own:

* **labels**: ``responsibility`` (the coders found at least one attribution in
  the sentence), ``causal`` and ``treatment`` (at least one of that kind);
* **features**: the words (stems and pairs of stems, TF-IDF with sublinear
  term frequency, rows of unit length, terms in at least ``min_df`` training
  sentences); the cues (``log(1 + hits)`` of each responsibility rule's cues,
  of the attributions the rules make, per kind and polarity, of the actor
  mentions and of the speech cues); and the SIF-weighted mean word vector of
  the sentence (:class:`analysis.WordVectors`), standardised;
* **model**: per label, a logistic regression whose ``C`` is chosen by
  cross-validation grouped by article, calibrated by Platt scaling, with the
  threshold of highest cross-validated F1 (:mod:`analysis.measures.calibration`);
* **evidence**: the features that pushed each positive most;
* **files**: plain JSON with the digests of the actors, cues and vectors it was
  fitted with; refused with others.

>>> import analysis, pandas as pd
>>> texts = ["Italy must act now.", "The sun shone.", "Smugglers are to blame.", "Talks went on."] * 12
>>> corpus = analysis.load_corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(48)], "text": texts}))
>>> coding = pd.DataFrame({"doc_id": corpus["doc_id"], "sent_id": 0, "kind": ["treatment", "", "causal", ""] * 12})
>>> model = ResponsibilityClassifier(features=("terms", "cues"), cv=3).fit(coding, corpus)
>>> new = analysis.sentences(analysis.load_corpus(pd.DataFrame({"doc_id": ["x"], "text": ["Greece must act. Rain fell."]})))
>>> model.scores(new)[["responsibility", "treatment"]].values.tolist()
[[1, 1], [0, 0]]
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from .._validation import check_interval, check_option
from ..errors import ModelError, TableError, require_columns
from ..paths import shipped
from ..resources.actors import Actors
from ..resources.cues import KINDS, POLARITIES, Cues
from ..resources.vectors import WordVectors
from ..text.segment import sentences_for
from .calibration import fit_grouped_label, probability_of
from .cue_rules import RulePass, rule_pass
from .linear import rounded
from .model_files import (check_resource_stamps, labels_as_data, labels_from_data, read_model_file, resource_stamps,
                          write_model_file)
from .sentence_vectors import sif_weights
from .terms import cached_stems, term_matrix, term_vocabulary, text_tokens

FORMAT = "analysis.ResponsibilityClassifier"
FORMAT_VERSION = 1
LABELS = ("responsibility", *KINDS)
FEATURES = ("terms", "cues", "vectors")
#: Fewer coded sentences than this with a label (or without it): no model.
MIN_EXAMPLES = 8


class ResponsibilityClassifier(BaseEstimator):
    """Whether a sentence attributes responsibility, of either kind (see the module docstring).

    Parameters
    ----------
    actors : Actors, path or mapping, optional
        The actors (default the shipped migration actors).
    cues : Cues, path or mapping, optional
        The speech cues and responsibility rules (default the shipped migration cues).
    vectors : WordVectors, path or mapping, optional
        Word vectors for the ``"vectors"`` features (default the kit's GloVe 6B 50d).
    features : tuple of str
        Any of ``"terms"``, ``"cues"``, ``"vectors"``.
    Cs : tuple of float
        Inverse regularisation strengths tried by cross-validation.
    min_df : int
        A word or word pair is a feature if it is in at least this many training sentences.
    cv : int
        Folds of the cross-validation, grouped by article.
    random_state : int
        Seed of the folds.

    Attributes
    ----------
    labels_ : list of str
    feature_names_ : list of str
    models_ : dict
        Per label: coef, intercept, platt, threshold, C, cv_f1.
    n_training_ : dict
        Coded sentences and positives per label.

    Examples
    --------
    >>> from analysis.synthetic import coded_attributions
    >>> corpus, coding = coded_attributions(30)
    >>> model = ResponsibilityClassifier(features=("terms",), cv=3).fit(coding, corpus)
    >>> unseen = corpus.head(1).assign(text="Chad scolded Mali over the boats. Chad and Mali held talks.")
    >>> responsibility_scores(unseen, model=model)[["responsibility", "causal", "treatment"]].values.tolist()
    [[1, 1, 0], [0, 0, 0]]
    """

    def __init__(self, actors=None, cues=None, *, vectors=None, features: tuple = FEATURES,
                 Cs: tuple = (0.1, 0.3, 1.0, 3.0), min_df: int = 2, cv: int = 5, random_state: int = 0):
        self.actors = actors
        self.cues = cues
        self.vectors = vectors
        self.features = features
        self.Cs = Cs
        self.min_df = min_df
        self.cv = cv
        self.random_state = random_state

    def fit(self, coding: pd.DataFrame, corpus: pd.DataFrame, sentences: pd.DataFrame | None = None):
        """Learn the labels from hand coding.

        Parameters
        ----------
        coding : DataFrame
            One row per coded attribution (doc_id, sent_id, kind; a sentence
            without any has a row with kind blank), as
            :func:`analysis.read_attribution_coding` gives.
        corpus : DataFrame
            doc_id and text of the coded articles (others are ignored).
        sentences : DataFrame, optional
            The corpus's :func:`analysis.sentences`, if already made.

        Returns
        -------
        ResponsibilityClassifier
            self, fitted.

        Raises
        ------
        ModelError
            A label with fewer than ``MIN_EXAMPLES`` coded sentences with
            it or without it; an unknown feature.
        TableError
            A coded sentence that is not in the corpus, or a missing column.
        """
        found, rows, codes = self._training_pass(coding, corpus, sentences)
        X, groups = self._fit_features(found, rows), np.array([found.doc_ids[i] for i in rows], dtype=object)
        self.labels_, self.models_ = list(LABELS), {}
        self.cv_probability_ = {}
        for label in LABELS:
            y = codes[label]
            if min(y.sum(), len(y) - y.sum()) < MIN_EXAMPLES:
                raise ModelError(f"label {label!r}: the coding has {int(y.sum())} sentences with it and "
                                 f"{int(len(y) - y.sum())} without; the classifier needs at least {MIN_EXAMPLES} of "
                                 "each. Code more sentences (analysis.coding_sheet draws them).")
            self.models_[label], self.cv_probability_[label] = fit_grouped_label(
                X, y, groups, Cs=self.Cs, cv=self.cv, random_state=self.random_state,
                label=f"ResponsibilityClassifier, label {label!r}")
        self.n_training_ = {"sentences": len(rows), **{label: int(codes[label].sum()) for label in LABELS}}
        return self

    def _training_pass(self, coding, corpus, sentences):
        """The rule pass over the coded articles, the positions of the coded
        sentences in it, and their 0/1 codes per label."""
        where = "ResponsibilityClassifier"
        if not self.features:
            raise ModelError(f"{where}(): features= must name at least one of {', '.join(map(repr, FEATURES))}.")
        for feature in self.features:
            check_option("features", feature, FEATURES, where=where, error=ModelError)
        check_interval("min_df", self.min_df, 1, integer=True, where=where, error=ModelError)
        check_interval("cv", self.cv, 2, integer=True, where=where, error=ModelError)
        require_columns(coding, ["doc_id", "sent_id", "kind"], "ResponsibilityClassifier.fit",
                        hint="Pass the table made by analysis.read_attribution_coding().")
        self.actors_, self.cues_ = Actors.load(self.actors), Cues.load(self.cues)
        self.vectors_ = WordVectors.load(self.vectors) if "vectors" in self.features else None
        kinds: dict = {}
        for doc_id, sent_id, kind in coding[["doc_id", "sent_id", "kind"]].fillna("").itertuples(index=False):
            kinds.setdefault((str(doc_id), int(sent_id)), set()).update(k.strip() for k in str(kind).split(";")
                                                                        if k.strip())
        docs = corpus[corpus["doc_id"].astype(str).isin({d for d, _ in kinds})]
        docs = docs.assign(doc_id=docs["doc_id"].astype(str))
        given = None if sentences is None else sentences.assign(doc_id=sentences["doc_id"].astype(str))
        sents = sentences_for(docs, None if given is None else given[given["doc_id"].isin(set(docs["doc_id"]))],
                              "ResponsibilityClassifier.fit")
        found = rule_pass(docs, sents, actors=self.actors_, cues=self.cues_, every_sentence=True)
        position = {(d, s): i for i, (d, s) in enumerate(zip(found.doc_ids, found.sent_ids))}
        missing = [k for k in kinds if k not in position]
        if missing:
            raise TableError(f"ResponsibilityClassifier.fit(): {len(missing)} coded sentence(s) are not among the "
                             f"corpus's sentences, e.g. {missing[0]}; pass the corpus the coding was made from.")
        rows = [position[k] for k in kinds]
        codes = {"responsibility": np.array([int(bool(kinds[k])) for k in kinds]),
                 **{kind: np.array([int(kind in kinds[k]) for k in kinds]) for kind in KINDS}}
        return found, rows, codes

    # -- predicting ---------------------------------------------------------------------------

    def probabilities(self, found: RulePass, rows: list[int]) -> np.ndarray:
        """The calibrated probability of each label for the sentences at
        ``rows`` of a rule pass made with ``every_sentence``.

        Parameters
        ----------
        found : RulePass
        rows : list of int

        Returns
        -------
        ndarray
            Shape ``(len(rows), len(labels_))``.
        """
        check_is_fitted(self, "models_")
        X = self._features(found, rows)
        return np.column_stack([probability_of(self.models_[label], X) for label in self.labels_]) if rows else \
            np.zeros((0, len(self.labels_)))

    def scores(self, sentences: pd.DataFrame, corpus: pd.DataFrame | None = None) -> pd.DataFrame:
        """The labels of each sentence of a table.

        Parameters
        ----------
        sentences : DataFrame
            :func:`analysis.sentences` of a corpus (doc_id, sent_id, start,
            end, text); with ``corpus``, generic references are resolved in
            their articles (else in the sentences' text joined).
        corpus : DataFrame, optional
            The corpus the sentences come from.

        Returns
        -------
        DataFrame
            The sentences with, per label, a 0/1 column and its
            ``<label>_probability``.
        """
        require_columns(sentences, ["doc_id", "sent_id", "text"], "ResponsibilityClassifier.scores",
                        hint="Pass the table made by analysis.sentences().")
        clash = [c for label in LABELS for c in (label, f"{label}_probability") if c in sentences.columns]
        if clash:
            raise TableError(f"the input already has column(s) {clash}; drop or rename them first.")
        sents = sentences.reset_index(drop=True)
        if "start" not in sents.columns:
            raise TableError("ResponsibilityClassifier.scores: the sentences need start and end (analysis.sentences()).")
        docs = corpus if corpus is not None else _documents_of(sents)
        found = rule_pass(docs, sents, actors=self.actors_, cues=self.cues_, every_sentence=True)
        probability = self.probabilities(found, list(range(len(sents))))
        table = sentences.copy()
        for j, label in enumerate(self.labels_):
            table[label] = (probability[:, j] >= self.models_[label]["threshold"]).astype(np.int64)
        for j, label in enumerate(self.labels_):
            table[f"{label}_probability"] = probability[:, j]
        return table

    # -- features -----------------------------------------------------------------------------

    def _fit_features(self, found: RulePass, rows: list[int]):
        names = []
        if "terms" in self.features:
            texts = [found.texts[i] for i in rows]
            self.vocabulary_, self.idf_ = term_vocabulary(texts, self.min_df, self._stems)
            names += list(self.vocabulary_)
        if "cues" in self.features:
            names += _cue_feature_names(self.cues_)
        if "vectors" in self.features:
            dense = _sentence_vectors(text_tokens([found.texts[i] for i in rows]), len(rows), self.vectors_)
            self.dense_mean_ = rounded(dense.mean(axis=0))
            self.dense_scale_ = rounded(np.where(dense.std(axis=0) > 0, dense.std(axis=0), 1.0))
            names += [f"vec:{k}" for k in range(self.vectors_.dim)]
        self.feature_names_ = names
        return self._features(found, rows)

    def _features(self, found: RulePass, rows: list[int]):
        parts = []
        texts = [found.texts[i] for i in rows]
        tokens = text_tokens(texts) if {"terms", "vectors"} & set(self.features) else None
        if "terms" in self.features:
            words = term_matrix(tokens, len(texts), self.vocabulary_, self._stems)
            words.data = 1.0 + np.log(words.data)
            words = words.multiply(self.idf_).tocsr()
            norms = np.sqrt(np.asarray(words.multiply(words).sum(axis=1)).ravel())
            parts.append(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ words)
        if "cues" in self.features:
            parts.append(sparse.csr_matrix(_cue_features(found, rows, self.cues_)))
        if "vectors" in self.features:
            dense = _sentence_vectors(tokens, len(texts), self.vectors_)
            parts.append(sparse.csr_matrix((dense - self.dense_mean_) / self.dense_scale_))
        return sparse.hstack(parts, format="csr")

    def _stems(self, tokens: list[str]) -> list[str]:
        return cached_stems(tokens, self.__dict__.setdefault("_stem_cache", {}))

    def evidence(self, found: RulePass, row: int, label: str, top: int = 3) -> str:
        """The ``top`` features of the sentence at ``row`` of a rule pass that
        pushed ``label`` up most, joined by "; ".

        Parameters
        ----------
        found : RulePass
        row : int
        label : str
        top : int

        Returns
        -------
        str
        """
        X = self._features(found, [row]).tocoo()
        contribution = X.data * np.asarray(self.models_[label]["coef"])[X.col]
        order = np.argsort(-contribution, kind="stable")[:top]
        return "; ".join(self.feature_names_[X.col[k]] for k in order if contribution[k] > 0)

    # -- files --------------------------------------------------------------------------------

    def to_dict(self) -> dict:
        """The fitted model as plain data (what ``save`` writes).

        Returns
        -------
        dict
        """
        check_is_fitted(self, "models_")
        data = {"format": FORMAT, "format_version": FORMAT_VERSION, **resource_stamps(self),
                "parameters": {"features": list(self.features), "Cs": list(self.Cs), "min_df": self.min_df,
                               "cv": self.cv, "random_state": self.random_state},
                "feature_names": self.feature_names_,
                "labels": labels_as_data(self.models_),
                "n_training": self.n_training_}
        if "terms" in self.features:
            data["idf"] = self.idf_.tolist()
        if "vectors" in self.features:
            data["dense"] = {"mean": self.dense_mean_.tolist(), "scale": self.dense_scale_.tolist()}
        return data

    def save(self, path, *, overwrite: bool = False) -> Path:
        """Write the model as JSON (plain data, never pickle).

        Parameters
        ----------
        path : str or Path
        overwrite : bool
            Replace an existing file; without it an existing file is an error.

        Returns
        -------
        Path
        """
        return write_model_file(path, self.to_dict(), overwrite=overwrite)

    @classmethod
    def load(cls, path=None, *, actors=None, cues=None, vectors=None) -> "ResponsibilityClassifier":
        """A saved classifier, checked against the resources it is to be used with.

        Parameters
        ----------
        path : str or Path, optional
            A file written by ``save``; default the shipped one.
        actors, cues, vectors : resources, optional
            Those in use (default the kit's): they must be those it was fitted with.

        Returns
        -------
        ResponsibilityClassifier

        Raises
        ------
        ModelError
            The file cannot be read, is no responsibility classifier, or was
            fitted with other actors, cues or vectors.
        """
        source = shipped("migration", "responsibility_classifier.json") if path is None else Path(path)
        data = read_model_file(source, FORMAT, FORMAT_VERSION, "a responsibility classifier")
        return cls.from_dict(data, source=source, actors=actors, cues=cues, vectors=vectors)

    @classmethod
    def from_dict(cls, data: dict, *, source="<dict>", actors=None, cues=None,
                  vectors=None) -> "ResponsibilityClassifier":
        """A classifier from what ``to_dict`` gave, checked against the
        resources in use (see ``load``).

        Parameters
        ----------
        data : dict
        source : str or path
            Named in errors.
        actors, cues, vectors : resources, optional

        Returns
        -------
        ResponsibilityClassifier
        """
        model = cls(actors, cues, vectors=vectors, **{k: tuple(v) if isinstance(v, list) else v
                                                      for k, v in data["parameters"].items()})
        check_resource_stamps(model, data, source)
        model.labels_ = list(data["labels"])
        model.models_ = labels_from_data(data["labels"])
        model.feature_names_ = data["feature_names"]
        if "terms" in model.features:
            terms = [n for n in model.feature_names_ if not n.startswith(("cue:", "vec:"))]
            model.vocabulary_ = {t: i for i, t in enumerate(terms)}
            model.idf_ = np.array(data["idf"])
        if "vectors" in model.features:
            model.dense_mean_, model.dense_scale_ = np.array(data["dense"]["mean"]), np.array(data["dense"]["scale"])
        model.n_training_ = data["n_training"]
        return model


def responsibility_scores(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None, *, model=None, actors=None,
                          cues=None) -> pd.DataFrame:
    """Per sentence of a corpus: does it hold anyone responsible, causal or
    treatment (0/1 and a probability each), by a ``ResponsibilityClassifier``.

    The share of sentences that blame someone is the mean of ``causal``;
    its validity on unseen news is reported in notebook ``10_attribution``.

    Parameters
    ----------
    corpus : DataFrame
        doc_id and text.
    sentences : DataFrame, optional
        The corpus's :func:`analysis.sentences`, if already made.
    model : ResponsibilityClassifier or path, optional
        Default: the classifier shipped for the migration actors and cues
        (``analysis/data/migration/responsibility_classifier.json``).
    actors, cues : Actors, Cues, path or mapping, optional
        The resources the model was fitted with (default the shipped ones).

    Returns
    -------
    DataFrame
        The sentences with responsibility, causal, treatment (0/1) and their
        ``_probability`` columns.

    Raises
    ------
    ModelError
        A model fitted with other actors, cues or vectors.

    Examples
    --------
    >>> import analysis
    >>> table = responsibility_scores(analysis.load_corpus())
    >>> round(float(table["causal"].mean()), 2) > 0
    True
    """
    require_columns(corpus, ["doc_id", "text"], "responsibility_scores",
                    hint="Pass the table made by analysis.load_corpus().")
    if not isinstance(model, ResponsibilityClassifier):
        model = ResponsibilityClassifier.load(model, actors=actors, cues=cues)
    sents = sentences_for(corpus, sentences, "responsibility_scores")
    return model.scores(sents, corpus)


# --------------------------------------------------------------------------- helpers


def _documents_of(sents: pd.DataFrame) -> pd.DataFrame:
    """A corpus rebuilt from sentences with offsets: each document's text with
    its sentences at their places (spaces between)."""
    texts = {}
    for doc_id, group in sents.groupby("doc_id", sort=False):
        end = int(group["end"].max())
        chars = [" "] * end
        for start, text in zip(group["start"], group["text"]):
            chars[start:start + len(text)] = text
        texts[doc_id] = "".join(chars)
    return pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})


def _cue_feature_names(cues: Cues) -> list[str]:
    return ([f"cue:{rule}" for rule in cues.rules] + [f"cue:{k}/{p}" for k in KINDS for p in POLARITIES]
            + [f"cue:rule {k}/{p}" for k in KINDS for p in POLARITIES] + ["cue:actor mentions", "cue:speech"])


def _cue_features(found: RulePass, rows: list[int], cues: Cues) -> np.ndarray:
    """log(1 + n) of each rule's cue hits, of the hits per kind and polarity,
    of the rules' attributions per kind and polarity, of the actor mentions
    and of the speech cues, per sentence."""
    names = _cue_feature_names(cues)
    column = {n: j for j, n in enumerate(names)}
    counts = np.zeros((len(rows), len(names)))
    speech = found.speech_hits(rows)
    for r, (i, hits) in enumerate(zip(rows, speech)):
        for _, _, rule, _ in found.cue_hits.get(i, ()):
            counts[r, column[f"cue:{rule}"]] += 1
            counts[r, column[f"cue:{cues.rules[rule]['kind']}/{cues.rules[rule]['polarity']}"]] += 1
        for f in found.founds.get(i, ()):
            counts[r, column[f"cue:rule {f['kind']}/{f['polarity']}"]] += 1
        counts[r, column["cue:actor mentions"]] = len(found.mentions.get(i, ()))
        counts[r, column["cue:speech"]] = len(hits)
    return np.log1p(counts)


def _sentence_vectors(tokens: tuple, n_texts: int, vectors: WordVectors) -> np.ndarray:
    """The SIF-weighted mean vector of the words of each of ``n_texts`` texts
    whose ``_tokens`` are ``tokens`` (zeros without any in the vocabulary)."""
    tokens, text_of, is_separator = tokens
    keep = ~is_separator
    words = np.array(tokens, dtype=object)[keep] if len(tokens) else np.array([], dtype=object)
    owner = text_of[keep]
    if not len(words):
        return np.zeros((n_texts, vectors.dim))
    code, unique = pd.factorize(words)
    rows = vectors.rows([w.replace("’", "'") for w in unique])
    weight = np.where(rows >= 0, sif_weights(np.maximum(rows, 0), len(vectors)), 0.0)
    known = rows[code] >= 0
    present, column = np.unique(rows[code][known], return_inverse=True)
    matrix = sparse.csr_matrix((weight[code][known], (owner[known], column)), shape=(n_texts, len(present)))
    counts = np.bincount(owner[known], minlength=n_texts)
    summed = matrix @ np.asarray(vectors.vectors[present], dtype=np.float64)
    return summed / np.where(counts > 0, counts, 1)[:, None]
