"""Actor roles learned from hand coding: the learned method of
:func:`analysis.attributions`.

``AttributionModel`` decides, for each actor mention of a sentence
(:func:`analysis.actor_mentions`), whether the sentence holds that actor
responsible, for causing the problem (``causal``) or for solving it
(``treatment``), and whether it assigns or denies it:

* **candidates**: every mention of an actor in a sentence (generic references
  resolved in their document); a speaker's "we" (a rule's actor that is the
  speaker) is kept from the rules as it is;
* **features** of a mention: what the responsibility rules of the cues
  (:mod:`analysis.measures.cue_rules`) make of it (the rule, its kind and
  polarity, or a rule that took another actor), the nearest cue to its left
  and to its right (its rule and kind, the distance in words, whether a clause
  break stands between), the words in a window on either side (stems, the
  nearest one apart), passive voice after it and "by" before it, a negator
  before the cue, a speech verb next to it, whether it stands in quotation
  marks, how it was resolved, and the mean word vectors of the two windows
  (:class:`analysis.WordVectors`, SIF weights) where ``"vectors"`` is among
  ``features``; and, with ``"sentence"``, the probabilities that the sentence
  attributes responsibility, causal or treatment, of a
  :class:`analysis.ResponsibilityClassifier` fitted on the same coding (its
  cross-validated probabilities while the roles are learned, so no sentence
  sees a model that was fitted on it: stacking);
* **gate**: with ``"sentence"``, only the mentions of sentences whose
  probability of responsibility reaches a gate are weighed (the others have
  none); the gate is the sentence probability below which the role model,
  in cross-validation, made ``GATE_LOSS`` of its attributions, so it
  costs little and spares most of the work;
* **model**: per kind, a logistic regression (balanced class weights) whose
  ``C`` is chosen from ``Cs`` by cross-validation grouped by article
  (``cv`` folds: no article on both sides), its probabilities calibrated by
  Platt scaling on the cross-validated decisions, and its threshold set where
  the cross-validated F1 of (sentence, actor, kind) is highest (a sentence's
  actor takes its most probable mention); a third model decides the polarity
  of an actor held responsible (``polarity="learned"``), or the rules' polarity
  is taken (``polarity="rules"``: a rule that found the actor, else assign);
* **evidence**: each attribution comes with its span (that of the rule that
  found it, else the mention with the words of its windows and the nearest
  cue), its probability and the features that pushed it most (``reasons``);
* **files**: ``AttributionModel.save`` writes plain JSON (feature names,
  coefficients, calibration, thresholds, the digests of the actors, cues and
  word vectors); ``AttributionModel.load`` refuses a file fitted with other
  actors, cues or vectors. Never pickle.

The kit ships a model fitted on the hand coding of the migration actors and
cues (``analysis/data/migration/attribution_model.json``,
``data/coding/fit_attribution_model.py``); fit your own on your coding:

>>> import analysis, pandas as pd
>>> corpus = analysis.load_corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(24)], "text": [
...     "Italy must act. Italy met Libya.", "Libya accused smugglers. Libya met Italy."] * 12}))
>>> coding = pd.DataFrame({"doc_id": [f"d{i}" for i in range(24) for _ in (0, 1)], "sent_id": [0, 1] * 24,
...     "actor": ["europe", "", "smugglers_traffickers", ""] * 12, "kind": ["treatment", "", "causal", ""] * 12,
...     "polarity": ["assign", "", "assign", ""] * 12, "speaker_actor": ["(outlet)", "", "libya", ""] * 12})
>>> model = AttributionModel(features=("rules", "words"), cv=3, polarity="rules").fit(coding, corpus)
>>> found = model.attributions(analysis.load_corpus(pd.DataFrame({"doc_id": ["x"], "text": ["Greece must act."]})))
>>> found[["actor", "kind", "polarity"]].values.tolist()
[['europe', 'treatment', 'assign']]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from .._validation import check_interval, check_option
from ..errors import ModelError, TableError, require_columns
from ..matching import is_negated
from ..paths import shipped
from ..resources._files import as_path, cached_by_file
from ..resources.actors import Actors
from ..resources.cues import KINDS, Cues
from ..resources.vectors import WordVectors
from ..text.segment import sentences_for
from .calibration import fit_grouped_label, probability_of
from .cue_rules import RulePass, rule_pass
from .linear import best_threshold, rounded
from .model_files import (check_resource_stamps, labels_as_data, labels_from_data, read_model_file, resource_stamps,
                          write_model_file)
from .responsibility import ResponsibilityClassifier
from .sentence_vectors import sif_weights
from .terms import TOKEN, cached_stems

FORMAT = "analysis.AttributionModel"
FORMAT_VERSION = 1
#: Fewer coded examples than this of a kind (or of a denial, to learn polarity): no model.
MIN_EXAMPLES = 8
FEATURES = ("rules", "words", "vectors", "sentence")
#: The share of its cross-validated attributions that the role model may lose to the gate.
GATE_LOSS = 0.01
_CLAUSE_BREAK = re.compile(r"[,;:“”\"()]|\b(?:that|which|who|whom|but|while|whereas|because|if)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\s+(?:\w+ly\s+|not\s+)*(?:is|are|was|were|be|been|being|has been|have been|had been)\s+"
                      r"(?:\w+ly\s+)*\w+(?:ed|en|wn)\b", re.IGNORECASE)
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\b")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_SPEECH_NEAR = 2                        # words between a mention and a speech cue that make it a speaker
_POLARITY = "deny"


class AttributionModel(BaseEstimator):
    """Who a sentence holds responsible, learned per actor mention (see the module docstring).

    Parameters
    ----------
    actors : Actors, path or mapping, optional
        The actors (default the shipped migration actors).
    cues : Cues, path or mapping, optional
        The speech cues and responsibility rules (default the shipped migration cues).
    vectors : WordVectors, path or mapping, optional
        Word vectors for the ``"vectors"`` features (default the kit's GloVe 6B 50d).
    features : tuple of str
        Which features: ``"rules"`` (the rules' output and the nearest cues,
        passive, negation, speech, resolution), ``"words"`` (the words of the
        windows), ``"vectors"`` (their mean word vectors), ``"sentence"`` (the
        sentence classifier's probabilities, and its gate).
    window : int
        Words on each side of a mention.
    Cs : tuple of float
        Inverse regularisation strengths tried by cross-validation.
    cv : int
        Folds of the cross-validation, grouped by article.
    polarity : {"learned", "rules"}
        Learn whether a responsibility is denied, or take the rules' polarity.
    random_state : int
        Seed of the folds.

    Attributes
    ----------
    feature_names_ : list of str
        The sparse features, then the dense ones (``vec:...``).
    models_ : dict
        Per label (causal, treatment, and deny with ``polarity="learned"``):
        coef, intercept, platt (a, b), threshold, C, cv_f1.
    dense_mean_, dense_scale_ : ndarray
        How the dense features are standardised.
    sentence_model_ : ResponsibilityClassifier or None
        With ``"sentence"``: the sentence classifier, and ``gate_``, its gate.
    cv_ : dict
        Cross-validated figures of the chosen model on the training coding
        (sentences, precision, recall, f1 of (actor, kind, polarity) triples
        and of (actor, kind) pairs, the share of coded attributions whose actor
        has a mention to learn from).
    n_training_ : dict
        Coded sentences, candidates and positives per label.

    Examples
    --------
    Articles whose verbs no cue rule knows ("scolded", "pledged to fund"),
    coded: the model learns from the coding who is held responsible.

    >>> from analysis import attributions
    >>> from analysis.synthetic import coded_attributions
    >>> corpus, coding = coded_attributions(30)
    >>> model = AttributionModel(features=("rules", "words"), cv=3, polarity="rules").fit(coding, corpus)
    >>> unseen = corpus.head(1).assign(text="Chad scolded Mali over the boats. Sudan pledged to fund the camps.")
    >>> attributions(unseen, method="learned", model=model)[["actor", "kind", "polarity"]].values.tolist()
    [['mali', 'causal', 'assign'], ['sudan', 'treatment', 'assign']]
    """

    def __init__(self, actors=None, cues=None, *, vectors=None, features: tuple = FEATURES, window: int = 4,
                 Cs: tuple = (0.1, 0.3, 1.0, 3.0), cv: int = 5, polarity: str = "learned", random_state: int = 0):
        self.actors = actors
        self.cues = cues
        self.vectors = vectors
        self.features = features
        self.window = window
        self.Cs = Cs
        self.cv = cv
        self.polarity = polarity
        self.random_state = random_state

    # -- fitting ------------------------------------------------------------------------------

    def fit(self, coding: pd.DataFrame, corpus: pd.DataFrame, sentences: pd.DataFrame | None = None):
        """Learn the roles from hand coding.

        Parameters
        ----------
        coding : DataFrame
            One row per coded attribution, as :func:`analysis.read_attribution_coding`
            gives (doc_id, sent_id, actor, kind, polarity; a sentence without any
            has a row with actor blank); every coded sentence is a training sentence.
        corpus : DataFrame
            doc_id and text of the coded articles (others are ignored).
        sentences : DataFrame, optional
            The corpus's :func:`analysis.sentences`, if already made.

        Returns
        -------
        AttributionModel
            self, fitted.

        Raises
        ------
        ModelError
            A kind with fewer than ``MIN_EXAMPLES`` coded actors that
            have a mention in their sentence (or denials, with
            ``polarity="learned"``); an unknown feature or polarity option.
        TableError
            A coded sentence that is not in the corpus (naming its file and
            row when the coding has them), or a missing column.
        """
        self._check_parameters()
        require_columns(coding, ["doc_id", "sent_id", "actor", "kind", "polarity"], "AttributionModel.fit",
                        hint="Pass the table made by analysis.read_attribution_coding().")
        actors, cues = Actors.load(self.actors), Cues.load(self.cues)
        vectors = WordVectors.load(self.vectors) if "vectors" in self.features else None
        gold, keys, own = _gold(coding)
        docs = corpus[corpus["doc_id"].astype(str).isin({k[0] for k in keys})]
        docs = docs.assign(doc_id=docs["doc_id"].astype(str))
        sents = sentences_for(docs, None if sentences is None else
                              sentences[sentences["doc_id"].astype(str).isin(set(docs["doc_id"]))]
                              .assign(doc_id=lambda t: t["doc_id"].astype(str)), "AttributionModel.fit")
        _check_coded_sentences(coding, sents)
        found = rule_pass(docs, sents, actors=actors, cues=cues, every_sentence=True)
        position = {(d, s): i for i, (d, s) in enumerate(zip(found.doc_ids, found.sent_ids))}
        wanted = sorted(position[k] for k in keys)
        cands = _candidates(found, wanted)
        self.actors_, self.cues_, self.vectors_ = actors, cues, vectors
        self.sentence_model_, sentence_probability = None, None
        if "sentence" in self.features:
            self.sentence_model_ = ResponsibilityClassifier(
                actors, cues, vectors=self.vectors, features=("terms", "cues", "vectors") if vectors else
                ("terms", "cues"), cv=self.cv, random_state=self.random_state).fit(coding, docs, sents)
            order = {k: r for r, k in enumerate(keys)}
            cv_probability = np.column_stack([self.sentence_model_.cv_probability_[label]
                                              for label in self.sentence_model_.labels_])
            sentence_probability = {position[k]: cv_probability[r] for k, r in order.items()}
        names, rows, dense = self._raw_features(found, cands, sentence_probability)
        self.feature_names_ = sorted({n for row in rows for n in row})
        self._index = {n: j for j, n in enumerate(self.feature_names_)}
        if dense is not None:
            self.dense_mean_ = rounded(dense.mean(axis=0))
            self.dense_scale_ = rounded(np.where(dense.std(axis=0) > 0, dense.std(axis=0), 1.0))
            self.feature_names_ += names
        X = self._matrix(rows, dense)
        labels, groups, unit = _labels(cands, found, gold, own)
        mentioned = set(unit)
        reachable = sum(1 for key, triples in gold.items() for t in triples if (key, t[0]) in mentioned)
        total = sum(len(t) for t in gold.values())
        self.models_, self.cv_ = {}, {}
        decisions = {}
        for kind in KINDS:
            y = labels[kind]
            coded = len({unit[j] for j in np.flatnonzero(y)})
            if coded < MIN_EXAMPLES:
                raise ModelError(f"the coding has {coded} actors held {kind} responsible that are mentioned in "
                                 f"their sentence; a role model needs at least {MIN_EXAMPLES}. Code more sentences "
                                 "(analysis.coding_sheet draws them), or fit on more coding files together.")
            self.models_[kind], decisions[kind] = fit_grouped_label(X, y, groups, Cs=self.Cs, cv=self.cv,
                                                                    random_state=self.random_state,
                                                                    label=f"AttributionModel, {kind} responsibility")
        if self.polarity == "learned":
            responsible = (labels["causal"] + labels["treatment"]) > 0
            y = labels[_POLARITY][responsible]
            denied = len({unit[j] for j in np.flatnonzero(responsible & (labels[_POLARITY] > 0))})
            if denied < MIN_EXAMPLES:
                raise ModelError(f"the coding has {denied} denied responsibilities of actors mentioned in their "
                                 f"sentence; learning the polarity needs at least {MIN_EXAMPLES}. Code more sentences, "
                                 "or pass polarity='rules' to take the rules' polarity.")
            self.models_[_POLARITY], deny_probability = fit_grouped_label(
                X[responsible], y, groups[responsible], Cs=self.Cs, cv=self.cv, random_state=self.random_state,
                label="AttributionModel, denied responsibility")
            decisions[_POLARITY] = np.zeros(len(groups))
            decisions[_POLARITY][responsible] = deny_probability
        self._set_thresholds(decisions, cands, found, gold, unit, own)
        if self.sentence_model_ is not None:
            sentence = np.array([sentence_probability[i][0] for i, _ in cands])
            made = np.zeros(len(cands), dtype=bool)
            for kind in KINDS:
                made |= decisions[kind] >= self.models_[kind]["threshold"]
            self.gate_ = float(np.quantile(sentence[made], GATE_LOSS, method="lower")) if made.any() else 0.0
            for kind in KINDS:                              # what the gate keeps out has no attribution
                decisions[kind] = np.where(sentence >= self.gate_, decisions[kind], 0.0)
            self.cv_.update(_triple_scores(self._decide(decisions, unit, cands, found), gold, found, own))
        self.cv_["reachable"] = reachable / total if total else float("nan")
        self.n_training_ = {"sentences": len(keys), "candidates": len(cands),
                            **{k: int(labels[k].sum()) for k in (*KINDS, _POLARITY)}}
        return self

    def _check_parameters(self) -> None:
        where = "AttributionModel"
        if not self.features:
            raise ModelError(f"{where}(): features= must name at least one of {', '.join(map(repr, FEATURES))}.")
        for feature in self.features:
            check_option("features", feature, FEATURES, where=where, error=ModelError)
        check_option("polarity", self.polarity, ("learned", "rules"), where=where, error=ModelError)
        check_interval("window", self.window, 1, integer=True, where=where, error=ModelError)
        check_interval("cv", self.cv, 2, integer=True, where=where, error=ModelError)

    def _set_thresholds(self, probability: dict, cands: list, found: RulePass, gold: dict, unit: list,
                        own: dict) -> None:
        """Each kind's threshold where the cross-validated F1 of (sentence,
        actor, kind) pairs is highest (``probability``: the cross-validated
        ones per label); the figures of the chosen model."""
        for kind in KINDS:
            best = _pair_probabilities(probability[kind], unit)
            coded = {(key, a) for key, triples in gold.items() for a, k, _ in triples if k == kind}
            pairs = list(best)
            f1, threshold = best_threshold(np.array([best[p] for p in pairs]),
                                           np.array([p in coded for p in pairs], dtype=np.int64),
                                           n_positive=len(coded))
            self.models_[kind]["threshold"], self.models_[kind]["pair_f1"] = threshold, f1
        predicted = self._decide(probability, unit, cands, found)
        self.cv_.update(_triple_scores(predicted, gold, found, own))

    # -- predicting ---------------------------------------------------------------------------

    def attributions(self, corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
        """The attributions of a corpus, as :func:`analysis.attributions` gives
        them with ``method="learned"``.

        Parameters
        ----------
        corpus : DataFrame
            doc_id and text.
        sentences : DataFrame, optional
            The corpus's :func:`analysis.sentences`, if already made.

        Returns
        -------
        DataFrame
            The columns of :func:`analysis.attributions`, then probability (of
            the kind) and reasons (the features that pushed it most).
        """
        from .attribution import learned_attributions           # the speaker stage is attribution's
        return learned_attributions(corpus, sentences, model=self)

    def found(self, found: RulePass) -> dict:
        """The learned attributions of a rule pass made with ``every_sentence``
        (``rule_pass``), in the layout of its
        ``founds``, with probability and reasons.

        Parameters
        ----------
        found : RulePass

        Returns
        -------
        dict
            Sentence position -> list of attributions.
        """
        check_is_fitted(self, "models_")
        positions = sorted(found.mentions)
        sentence_probability = None
        if self.sentence_model_ is not None:
            probability = self.sentence_model_.probabilities(found, positions)
            kept = probability[:, 0] >= self.gate_
            positions = [i for i, keep in zip(positions, kept) if keep]
            sentence_probability = dict(zip(positions, probability[kept]))
        cands = _candidates(found, positions)
        if not cands:
            return _pass_through(found, {})
        _, rows, dense = self._raw_features(found, cands, sentence_probability)
        X = self._matrix(rows, dense)
        probability = {k: probability_of(m, X) for k, m in self.models_.items()}
        unit = [(_key(found, i), m.actor or f"(speaker {m.start})") for i, m in cands]
        decided = self._decide(probability, unit, cands, found, X=X)
        return _pass_through(found, decided)

    def _decide(self, probability: dict, unit: list, cands: list, found: RulePass, X=None) -> dict:
        """Sentence position -> the attributions above the thresholds: per
        sentence, actor and kind, the most probable mention; polarity from the
        polarity model or the rules."""
        decided: dict = {}
        best: dict = {}
        for kind in KINDS:
            p = probability[kind]
            for j, key in enumerate(unit):
                if p[j] >= self.models_[kind]["threshold"] and p[j] > best.get((key, kind), (-1.0,))[0]:
                    best[(key, kind)] = (float(p[j]), j)
        for (_, kind), (p, j) in sorted(best.items(), key=lambda item: item[1][1]):
            i, mention = cands[j]
            actor = mention.actor
            rules = [f for f in found.founds.get(i, ()) if f["actor"] == actor and f["kind"] == kind
                     and f["mention_at"] == mention.start] or \
                    [f for f in found.founds.get(i, ()) if f["actor"] == actor and f["kind"] == kind]
            if _POLARITY in self.models_:
                deny = probability[_POLARITY][j] >= self.models_[_POLARITY]["threshold"]
                polarity = "deny" if deny else "assign"
            else:
                polarity = rules[0]["polarity"] if rules else "assign"
            cue_start, cue_end, cue_rule = _nearest_cue(found.cue_hits.get(i, ()), mention)
            if rules:
                start, end, cue, rule, speaker, cue_at = (rules[0]["start"], rules[0]["end"], rules[0]["cue"],
                                                          rules[0]["rule"], rules[0]["speaker"], rules[0]["cue_at"])
            else:                               # the window the model weighed, and the nearest cue
                start, end = _window_span(found.texts[i], mention, self.window)
                start, end = min(start, cue_start), max(end, cue_end)
                cue = found.texts[i][cue_start:cue_end] if cue_rule else ""
                rule, speaker, cue_at = "learned", "", cue_start if cue_rule else mention.start
            decided.setdefault(i, []).append({
                "start": start, "end": end, "actor": actor, "resolution": mention.resolution, "kind": kind,
                "polarity": polarity, "cue": cue, "rule": rule, "speaker": speaker, "cue_at": cue_at,
                "mention_at": mention.start, "probability": round(p, 4), "reasons": "", "_row": j})
        if X is not None:
            self._reasons(X, [f for founds in decided.values() for f in founds])
        for founds in decided.values():
            founds.sort(key=lambda f: (f["start"], f["end"], f["actor"]))
            for f in founds:
                del f["_row"]
        return decided

    def _reasons(self, X, decided: list[dict], top: int = 3) -> None:
        """Set each attribution's ``reasons``: the ``top`` features of its
        mention that pushed its kind up most, the word vectors counted as one
        ("word vectors")."""
        if not decided:
            return
        is_vector = np.array([n.startswith("vec:") for n in self.feature_names_])
        rows = X[[f["_row"] for f in decided]].tocsr()
        for r, f in enumerate(decided):
            span = slice(rows.indptr[r], rows.indptr[r + 1])
            columns = rows.indices[span]
            contribution = rows.data[span] * self.models_[f["kind"]]["coef"][columns]
            vector = is_vector[columns]
            pieces = [(c, self.feature_names_[k]) for c, k in zip(contribution[~vector], columns[~vector]) if c > 0]
            if contribution[vector].sum() > 0:
                pieces.append((contribution[vector].sum(), "word vectors"))
            f["reasons"] = "; ".join(name for _, name in sorted(pieces, key=lambda x: -x[0])[:top])

    # -- features -----------------------------------------------------------------------------

    def _raw_features(self, found: RulePass, cands: list,
                      sentence_probability: dict | None) -> tuple[list, list, np.ndarray | None]:
        """The sparse features of each candidate (lists of names) and the dense
        ones (an array, or None), with the dense features' names."""
        rows = _sparse_features(found, cands, self.cues_, self.actors_, self.features, self.window, self._stems)
        names, dense = [], []
        if "vectors" in self.features:
            dense.append(_window_vectors(found, cands, self.vectors_, self.window))
            names += [f"vec:{side}{k}" for side in ("left", "right") for k in range(self.vectors_.dim)]
        if sentence_probability is not None:
            probability = np.clip(np.array([sentence_probability[i] for i, _ in cands]).reshape(len(cands), -1),
                                  1e-6, 1 - 1e-6)
            dense.append(np.log(probability / (1 - probability)))
            names += [f"sentence:{label}" for label in self.sentence_model_.labels_]
        return names, rows, np.hstack(dense) if dense else None

    def _matrix(self, rows: list, dense) -> sparse.csr_matrix:
        index = self._index
        indptr, indices = [0], []
        for row in rows:
            indices.extend(sorted({index[n] for n in row if n in index}))
            indptr.append(len(indices))
        n_sparse = len(index)
        X = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), n_sparse))
        if dense is None:
            return X
        scaled = (dense - self.dense_mean_) / self.dense_scale_
        return sparse.hstack([X, sparse.csr_matrix(scaled)], format="csr")

    def _stems(self, words: list[str]) -> list[str]:
        return cached_stems(words, self.__dict__.setdefault("_stem_cache", {}))

    # -- files --------------------------------------------------------------------------------

    def to_dict(self) -> dict:
        """The fitted model as plain data (what ``save`` writes).

        Returns
        -------
        dict
        """
        check_is_fitted(self, "models_")
        n_dense = len(self.feature_names_) - len(self._index)
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, **resource_stamps(self),
            "parameters": {"features": list(self.features), "window": self.window, "Cs": list(self.Cs), "cv": self.cv,
                           "polarity": self.polarity, "random_state": self.random_state},
            "feature_names": self.feature_names_,
            "dense": {"mean": self.dense_mean_.tolist(), "scale": self.dense_scale_.tolist()} if n_dense else None,
            "sentence_model": None if self.sentence_model_ is None else self.sentence_model_.to_dict(),
            "gate": getattr(self, "gate_", None),
            "models": labels_as_data(self.models_),
            "cv": self.cv_, "n_training": self.n_training_,
        }

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
    def load(cls, path=None, *, actors=None, cues=None, vectors=None) -> "AttributionModel":
        """A saved model, checked against the resources it is to be used with.

        Parameters
        ----------
        path : str or Path, optional
            A file written by ``save``; default the shipped model.
        actors, cues : Actors, Cues, path or mapping, optional
            The resources in use (default the shipped ones): their digests must
            be those the model was fitted with.
        vectors : WordVectors, path or mapping, optional
            The word vectors (default the kit's), if the model uses them.

        Returns
        -------
        AttributionModel

        Raises
        ------
        ModelError
            The file cannot be read, is no attribution model, or was fitted
            with other actors, cues or vectors.
        """
        source = shipped("migration", "attribution_model.json") if path is None else Path(path)
        data = read_model_file(source, FORMAT, FORMAT_VERSION, "an attribution model")
        model = cls(actors, cues, vectors=vectors, **{k: tuple(v) if isinstance(v, list) else v
                                                      for k, v in data["parameters"].items()})
        check_resource_stamps(model, data, source)
        model.feature_names_ = data["feature_names"]
        n_dense = 0
        if data["dense"] is not None:
            model.dense_mean_, model.dense_scale_ = np.array(data["dense"]["mean"]), np.array(data["dense"]["scale"])
            n_dense = len(model.dense_mean_)
        model._index = {n: j for j, n in enumerate(model.feature_names_[:len(model.feature_names_) - n_dense])}
        model.sentence_model_ = None
        if data["sentence_model"] is not None:
            model.sentence_model_ = ResponsibilityClassifier.from_dict(data["sentence_model"], source=source,
                                                                       actors=actors, cues=cues, vectors=vectors)
            model.gate_ = data["gate"]
        model.models_ = labels_from_data(data["models"])
        model.cv_, model.n_training_ = data["cv"], data["n_training"]
        return model


def attribution_model(model=None, *, actors=None, cues=None) -> AttributionModel:
    """``model`` as a fitted ``AttributionModel`` for ``actors`` and
    ``cues``: the model itself (checked), or the one saved in its file (None:
    the shipped one), read once per process and resources, and again when the
    file changes.

    Parameters
    ----------
    model : AttributionModel, path, or None
    actors, cues : Actors, Cues, path or mapping, optional

    Returns
    -------
    AttributionModel

    Raises
    ------
    ModelError
        A model fitted with other actors or cues.
    """
    actors, cues = Actors.load(actors), Cues.load(cues)
    if isinstance(model, AttributionModel):
        check_is_fitted(model, "models_")
        if model.actors_.digest != actors.digest or model.cues_.digest != cues.digest:
            raise ModelError("the attribution model was fitted with other actors or cues than those passed; pass "
                             "the ones it was fitted with (or none: the model's are used by its own attributions()).")
        return model
    source = shipped("migration", "attribution_model.json") if model is None else model
    key = f"AttributionModel for {actors.digest} {cues.digest}"
    return cached_by_file(as_path(source), lambda path: AttributionModel.load(path, actors=actors, cues=cues), key=key)


# --------------------------------------------------------------------------- candidates and labels


def _candidates(found: RulePass, positions: list[int]) -> list[tuple[int, object]]:
    """(sentence position, mention) of every mention of an actor in the
    sentences at ``positions``, and of every speaker pronoun ("we", "us":
    actor "", the speaker's)."""
    return [(i, m) for i in positions for m in found.mentions.get(i, ())]


def _key(found: RulePass, i: int) -> tuple:
    return found.doc_ids[i], found.sent_ids[i]


def _gold(coding: pd.DataFrame) -> tuple[dict, list, dict]:
    """{(doc_id, sent_id): set of (actor, kind, polarity)}, the coded
    sentences, and per sentence the actors coded as holding themselves
    responsible (actor = speaker: what a speaker's "we" names)."""
    gold: dict = {}
    own: dict = {}
    columns = ["doc_id", "sent_id", "actor", "kind", "polarity"]
    speakers = coding["speaker_actor"].fillna("").tolist() if "speaker_actor" in coding.columns else [""] * len(coding)
    for (doc_id, sent_id, actor, kind, polarity), speaker in zip(coding[columns].fillna("").itertuples(index=False),
                                                                  speakers):
        key = (str(doc_id), int(sent_id))
        triples = gold.setdefault(key, set())
        for a, k, p in zip(*(str(v).split(";") if str(v).strip() else [] for v in (actor, kind, polarity))):
            triples.add((a.strip(), k.strip(), p.strip()))
            if a.strip() == str(speaker).strip():
                own.setdefault(key, set()).add(a.strip())
    return gold, list(gold), own


def _labels(cands: list, found: RulePass, gold: dict, own: dict) -> tuple[dict, np.ndarray, list]:
    """Per candidate: 0/1 per kind and for a denial, its article (the CV
    group), and its (sentence key, actor); a speaker pronoun stands for the
    actor coded as holding itself responsible in its sentence, if any."""
    unit = [(_key(found, i), m.actor or min(own.get(_key(found, i), {""}))) for i, m in cands]
    labels = {k: np.zeros(len(cands), dtype=np.int64) for k in (*KINDS, _POLARITY)}
    for j, (key, actor) in enumerate(unit):
        for a, kind, polarity in gold.get(key, ()):
            if a == actor and kind in KINDS:
                labels[kind][j] = 1
                if polarity == "deny":
                    labels[_POLARITY][j] = 1
    groups = np.array([key[0] for key, _ in unit], dtype=object)
    return labels, groups, unit


def _check_coded_sentences(coding: pd.DataFrame, sents: pd.DataFrame) -> None:
    """Refuse a coded sentence that is not in the corpus, naming its file and row where the coding has them."""
    known = pd.MultiIndex.from_arrays([sents["doc_id"].astype(str), sents["sent_id"].astype(int)])
    coded = pd.MultiIndex.from_arrays([coding["doc_id"].astype(str), coding["sent_id"].astype(int)])
    missing = np.flatnonzero(~coded.isin(known))
    if len(missing):
        row = coding.iloc[missing[0]]
        where = (f"{row['file']}, row {int(row['row'])}: " if {"file", "row"} <= set(coding.columns)
                 and pd.notna(row["file"]) and pd.notna(row["row"]) else "")
        raise TableError(f"AttributionModel.fit(): {where}sentence ({row['doc_id']}, {row['sent_id']}) is not among the "
                         "corpus's sentences; pass the corpus the coding was made from (read the coding with "
                         "read_attribution_coding(..., sentences=analysis.sentences(corpus)) to check every text).")


def _pass_through(found: RulePass, decided: dict) -> dict:
    """``decided`` with the rules' attributions that hold the speaker
    responsible (no mention to learn from: "we must", a rebuttal)."""
    for i, founds in found.founds.items():
        kept = [f for f in founds if not f["actor"] and f["mention_at"] < 0]
        if kept:
            decided.setdefault(i, [])
            decided[i] = sorted([*decided[i], *({**f, "probability": None, "reasons": "rule"} for f in kept)],
                                key=lambda f: (f["start"], f["end"], f["actor"]))
    return decided


# --------------------------------------------------------------------------- features


def _sparse_features(found: RulePass, cands: list, cues: Cues, actors: Actors, features: tuple, window: int,
                     stems) -> list[list[str]]:
    """The names of the sparse features of each candidate (see the module docstring)."""
    rules = cues.rules
    positions = sorted({i for i, _ in cands})
    speech_of = dict(zip(positions, found.speech_hits(positions)))
    states = actors.state_actors
    by_sentence: dict = {}
    for j, (i, _) in enumerate(cands):
        by_sentence.setdefault(i, []).append(j)
    rows: list = [None] * len(cands)
    for i in positions:
        text = found.texts[i]
        starts, ends, words = [], [], []
        for t in TOKEN.finditer(text):
            starts.append(t.start())
            ends.append(t.end())
            words.append(t.group().lower())
        stemmed = stems(words) if "words" in features else []
        breaks = [b.start() for b in _CLAUSE_BREAK.finditer(text)]
        hits = [(h[0], h[1], h[2], bisect_left(starts, h[0]), bisect_left(starts, h[1]),
                 "neg" if is_negated(text, h[0], window=3) else "pos") for h in found.cue_hits.get(i, ())]
        speech = [(bisect_left(starts, a), bisect_left(starts, b)) for a, b, _, _ in speech_of[i]]
        founds = found.founds.get(i, ())
        quotes = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
        mentions = [cands[j][1] for j in by_sentence[i]]
        distinct = {c.actor for c in mentions}
        shared = [f"mentions={min(len(mentions), 4)}", f"actors={min(len(distinct), 4)}"]
        if speech:
            shared.append("sentence_speech")
        for j in by_sentence[i]:
            m = cands[j][1]
            first, last = bisect_left(starts, m.start), bisect_left(starts, m.end)
            names = ["bias", *shared]
            if "rules" in features:
                mine = [f for f in founds if f["actor"] == m.actor and f["mention_at"] == m.start]
                for f in mine:
                    names += [f"rule={f['rule']}", f"rule_role={f['kind']}/{f['polarity']}"]
                if not mine and any(f["actor"] == m.actor for f in founds):
                    names.append("rule_same_actor_elsewhere")
                if any(f["actor"] != m.actor for f in founds):
                    names.append("rule_other_actor")
                left = next((h for h in reversed(hits) if h[1] <= m.start), None)
                right = next((h for h in hits if h[0] >= m.end), None)
                for side, hit in (("L", left), ("R", right)):
                    if hit is None:
                        names.append(f"{side}cue=none")
                        continue
                    rule = rules[hit[2]]
                    lo, hi = (hit[1], m.start) if side == "L" else (m.end, hit[0])
                    distance = _bin(first - hit[4] if side == "L" else hit[3] - last)
                    k = bisect_left(breaks, lo)
                    clause = "clause" if k < len(breaks) and breaks[k] < hi else "same"
                    names += [f"{side}cue={hit[2]}", f"{side}cue_kind={rule['kind']}/{rule['polarity']}",
                              f"{side}cue={hit[2]}|{distance}|{clause}", f"{side}cue_kind={rule['kind']}|{hit[5]}",
                              f"{side}dist={distance}|{clause}"]
                names += [f"resolution={m.resolution}", "state" if m.actor in states else "not_state",
                          f"actor={m.actor or '(speaker)'}", f"position={_bin(first)}"]
                if mentions[0] is m:
                    names.append("first_mention")
                elif len(distinct) > 1 and mentions[-1] is m:
                    names.append("last_mention")
                if _PASSIVE.match(text, m.end):
                    names.append("passive_after")
                if _BY.search(text, max(0, m.start - 12), m.start):
                    names.append("by_before")
                if _POSSESSIVE.match(text, m.end):
                    names.append("possessive")
                for a, b in speech:
                    if 0 <= a - last <= _SPEECH_NEAR:
                        names.append("speech_after")
                    elif 0 <= first - b <= _SPEECH_NEAR:
                        names.append("speech_before")
                if any(a <= m.start < b for a, b in quotes):
                    names.append("in_quote")
            if "words" in features:
                left_words = stemmed[max(0, first - window):first]
                right_words = stemmed[last:last + window]
                names += [f"L={w}" for w in left_words] + [f"R={w}" for w in right_words]
                if left_words:
                    names.append(f"L1={left_words[-1]}")
                if right_words:
                    names.append(f"R1={right_words[0]}")
            rows[j] = names
    return rows


def _window_vectors(found: RulePass, cands: list, vectors: WordVectors, window: int) -> np.ndarray:
    """The SIF-weighted mean vector of the ``window`` words left of each
    mention and of those right of it, side by side (zeros where none is in
    the vocabulary)."""
    words, owner = [], []
    tokens_of: dict = {}
    for j, (i, m) in enumerate(cands):
        if i not in tokens_of:
            found_tokens = [(t.start(), t.group().lower()) for t in TOKEN.finditer(found.texts[i])]
            tokens_of = {i: ([a for a, _ in found_tokens], [w for _, w in found_tokens])}
        starts, sentence_words = tokens_of[i]
        first, last = bisect_left(starts, m.start), bisect_left(starts, m.end)
        left, right = sentence_words[max(0, first - window):first], sentence_words[last:last + window]
        words += left + right
        owner += [2 * j] * len(left) + [2 * j + 1] * len(right)
    pooled = np.zeros((2 * len(cands), vectors.dim))
    if words:
        code, unique = pd.factorize(np.array(words, dtype=object))
        rows = vectors.rows([w.replace("’", "'") for w in unique])
        known = rows[code] >= 0
        column, present = pd.factorize(rows[code][known])
        owner = np.asarray(owner, dtype=np.int64)[known]
        matrix = sparse.csr_matrix((sif_weights(rows[code][known], len(vectors)), (owner, column)),
                                   shape=(2 * len(cands), len(present)))
        counts = np.bincount(owner, minlength=2 * len(cands))
        pooled = matrix @ np.asarray(vectors.vectors[np.asarray(present)], dtype=np.float64)
        pooled /= np.where(counts > 0, counts, 1)[:, None]
    return pooled.reshape(len(cands), 2 * vectors.dim)


def _nearest_cue(hits, m) -> tuple[int, int, str]:
    """The cue hit nearest to a mention (start, end, rule id), or the mention's own span and ""."""
    near = [(m.start - h[1] if h[1] <= m.start else h[0] - m.end, h) for h in hits if h[1] <= m.start or h[0] >= m.end]
    if not near:
        return m.start, m.end, ""
    h = min(near, key=lambda item: item[0])[1]
    return h[0], h[1], h[2]


def _window_span(text: str, mention, window: int) -> tuple[int, int]:
    """From the first of the ``window`` words before a mention to the last of those after it."""
    tokens = list(TOKEN.finditer(text))
    starts = [t.start() for t in tokens]
    first, last = bisect_left(starts, mention.start), bisect_left(starts, mention.end)
    before, after = tokens[max(0, first - window):first], tokens[last:last + window]
    return (before[0].start() if before else mention.start), (after[-1].end() if after else mention.end)


def _bin(n: int) -> str:
    return "0" if n == 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else ">10"


def _pair_probabilities(probability: np.ndarray, unit: list) -> dict:
    best: dict = {}
    for j, key in enumerate(unit):
        if probability[j] > best.get(key, -1.0):
            best[key] = float(probability[j])
    return best


def _triple_scores(predicted: dict, gold: dict, found: RulePass, own: dict) -> dict:
    """Precision, recall, F1 of (sentence, actor, kind, polarity) and of
    (sentence, actor, kind); a speaker's "we" counts as the actor coded as
    holding itself responsible, if any."""
    machine = {(_key(found, i), f["actor"] or min(own.get(_key(found, i), {"(speaker)"})), f["kind"], f["polarity"])
               for i, founds in predicted.items() for f in founds}
    coded = {(key, *t) for key, triples in gold.items() for t in triples}
    scores = {}
    for name, strip in (("triples", lambda t: t), ("actor_kind", lambda t: t[:3])):
        m, c = {strip(t) for t in machine}, {strip(t) for t in coded}
        tp = len(m & c)
        precision = tp / len(m) if m else float("nan")
        recall = tp / len(c) if c else float("nan")
        scores[name] = {"machine": len(m), "coder": len(c), "tp": tp, "precision": precision, "recall": recall,
                        "f1": 2 * tp / (len(m) + len(c)) if m or c else float("nan")}
    return scores


