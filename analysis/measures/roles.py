"""Actor roles learned from hand coding: the learned method of
:func:`analysis.attributions`.

:class:`AttributionModel` decides, for each actor mention of a sentence
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
  ``features``;
* **model**: per kind, a logistic regression (balanced class weights) whose
  ``C`` is chosen from ``Cs`` by cross-validation grouped by article
  (``cv`` folds: no article on both sides), its probabilities calibrated by
  Platt scaling on the cross-validated decisions, and its threshold set where
  the cross-validated F1 of (sentence, actor, kind) is highest (a sentence's
  actor takes its most probable mention); a third model decides the polarity
  of an actor held responsible (``polarity="learned"``), or the rules' polarity
  is taken (``polarity="rules"``: a rule that found the actor, else assign);
* **evidence**: each attribution comes with the span of its mention and cue,
  its probability and the features that pushed it most (``reasons``);
* **files**: :meth:`AttributionModel.save` writes plain JSON (feature names,
  coefficients, calibration, thresholds, the digests of the actors, cues and
  word vectors); :meth:`AttributionModel.load` refuses a file fitted with other
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

import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.stem.snowball import SnowballStemmer
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.utils.validation import check_is_fitted

from .._output import write_text_atomic
from ..errors import ModelError, TableError, require_columns
from ..matching import is_negated
from ..paths import shipped
from ..resources._files import as_path, cached_by_file
from ..resources.actors import Actors
from ..resources.cues import KINDS, Cues
from ..resources.vectors import WordVectors
from ..text.segment import sentences_for
from .cue_rules import RulePass, rule_pass

FORMAT = "analysis.AttributionModel"
FORMAT_VERSION = 1
#: Fewer coded examples than this of a kind (or of a denial, to learn polarity): no model.
MIN_EXAMPLES = 8
FEATURES = ("rules", "words", "vectors")
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
_STEMMER = SnowballStemmer("english")
_CLAUSE_BREAK = re.compile(r"[,;:“”\"()]|\b(?:that|which|who|whom|but|while|whereas|because|if)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\s+(?:\w+ly\s+|not\s+)*(?:is|are|was|were|be|been|being|has been|have been|had been)\s+"
                      r"(?:\w+ly\s+)*\w+(?:ed|en|wn)\b", re.IGNORECASE)
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\b")
_SPEECH_NEAR = 2                        # words between a mention and a speech cue that make it a speaker
_DIGITS = 7
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
        windows), ``"vectors"`` (their mean word vectors).
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
    cv_ : dict
        Cross-validated figures of the chosen model on the training coding
        (sentences, precision, recall, f1 of (actor, kind, polarity) triples
        and of (actor, kind) pairs, the share of coded attributions whose actor
        has a mention to learn from).
    n_training_ : dict
        Coded sentences, candidates and positives per label.
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
            A kind with fewer than :data:`MIN_EXAMPLES` coded actors that
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
        gold, keys = _gold(coding)
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
        names, rows, dense = self._raw_features(found, cands)
        self.feature_names_ = sorted({n for row in rows for n in row})
        self._index = {n: j for j, n in enumerate(self.feature_names_)}
        if dense is not None:
            self.dense_mean_ = _rounded(dense.mean(axis=0))
            self.dense_scale_ = _rounded(np.where(dense.std(axis=0) > 0, dense.std(axis=0), 1.0))
            self.feature_names_ += names
        X = self._matrix(rows, dense)
        labels, groups, unit = _labels(cands, found, gold)
        reachable = sum(1 for key, triples in gold.items() for t in triples
                        if (key, t[0]) in {(u[0], u[1]) for u in unit})
        total = sum(len(t) for t in gold.values())
        self.models_, self.cv_ = {}, {}
        decisions = {}
        for kind in KINDS:
            y = labels[kind]
            if y.sum() < MIN_EXAMPLES:
                raise ModelError(f"the coding has {int(y.sum())} actors held {kind} responsible that are mentioned in "
                                 f"their sentence; a role model needs at least {MIN_EXAMPLES}. Code more sentences "
                                 "(analysis.coding_sheet draws them), or fit on more coding files together.")
            self.models_[kind], decisions[kind] = _fit_label(X, y, groups, self.Cs, self.cv, self.random_state)
        if self.polarity == "learned":
            responsible = (labels["causal"] + labels["treatment"]) > 0
            y = labels[_POLARITY][responsible]
            if y.sum() < MIN_EXAMPLES:
                raise ModelError(f"the coding has {int(y.sum())} denied responsibilities of actors mentioned in their "
                                 f"sentence; learning the polarity needs at least {MIN_EXAMPLES}. Code more sentences, "
                                 "or pass polarity='rules' to take the rules' polarity.")
            self.models_[_POLARITY], deny_decision = _fit_label(X[responsible], y, groups[responsible], self.Cs,
                                                                self.cv, self.random_state)
            decisions[_POLARITY] = np.zeros(len(groups))
            decisions[_POLARITY][responsible] = deny_decision
        self._set_thresholds(decisions, cands, found, gold, unit)
        self.cv_["reachable"] = reachable / total if total else float("nan")
        self.n_training_ = {"sentences": len(keys), "candidates": len(cands),
                            **{k: int(labels[k].sum()) for k in (*KINDS, _POLARITY)}}
        return self

    def _check_parameters(self) -> None:
        unknown = [f for f in self.features if f not in FEATURES]
        if unknown or not self.features:
            raise ModelError(f"features: {unknown or 'none'}; choose from {list(FEATURES)}.")
        if self.polarity not in ("learned", "rules"):
            raise ModelError(f"polarity: {self.polarity!r} is not 'learned' or 'rules'.")

    def _set_thresholds(self, decisions: dict, cands: list, found: RulePass, gold: dict, unit: list) -> None:
        """Each kind's threshold where the cross-validated F1 of (sentence,
        actor, kind) pairs is highest; the figures of the chosen model."""
        probability = {k: _sigmoid(d * self.models_[k]["platt"][0] + self.models_[k]["platt"][1])
                       for k, d in decisions.items()}
        for kind in KINDS:
            best = _pair_probabilities(probability[kind], unit)
            coded = {(key, a) for key, triples in gold.items() for a, k, _ in triples if k == kind}
            levels = sorted(set(best.values()), reverse=True)
            scores = []
            for level in levels:
                chosen = {p for p, v in best.items() if v >= level}
                tp = len(chosen & coded)
                scores.append((2 * tp / (len(chosen) + len(coded)) if coded or chosen else 0.0, level))
            f1, level = max(scores, key=lambda s: (s[0], s[1])) if scores else (0.0, 1.0)
            below = [lv for lv in levels if lv < level]
            self.models_[kind]["threshold"] = float((level + (below[0] if below else 0.0)) / 2)
            self.models_[kind]["pair_f1"] = float(f1)
        predicted = self._decide(probability, unit, cands, found)
        self.cv_.update(_triple_scores(predicted, gold, found))

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
        (:func:`~analysis.measures.cue_rules.rule_pass`), in the layout of its
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
        cands = _candidates(found, sorted(found.mentions))
        if not cands:
            return _pass_through(found, {})
        _, rows, dense = self._raw_features(found, cands)
        X = self._matrix(rows, dense)
        probability = {k: _sigmoid((X @ np.asarray(m["coef"]) + m["intercept"]) * m["platt"][0] + m["platt"][1])
                       for k, m in self.models_.items()}
        unit = [(_key(found, c[0]), c[1].actor) for c in cands]
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
        for ((_, actor), kind), (p, j) in sorted(best.items(), key=lambda item: item[1][1]):
            i, mention = cands[j]
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
            else:
                start, end = min(mention.start, cue_start), max(mention.end, cue_end)
                cue = found.texts[i][cue_start:cue_end] if cue_rule else ""
                rule, speaker, cue_at = "learned", "", cue_start if cue_rule else mention.start
            reasons = self._reasons(X, j, kind) if X is not None else ""
            decided.setdefault(i, []).append({
                "start": start, "end": end, "actor": actor, "resolution": mention.resolution, "kind": kind,
                "polarity": polarity, "cue": cue, "rule": rule, "speaker": speaker, "cue_at": cue_at,
                "mention_at": mention.start, "probability": round(p, 4), "reasons": reasons})
        for founds in decided.values():
            founds.sort(key=lambda f: (f["start"], f["end"], f["actor"]))
        return decided

    def _reasons(self, X, j: int, kind: str, top: int = 3) -> str:
        """The ``top`` features of row ``j`` that pushed ``kind`` up most."""
        row = X[j].tocoo() if sparse.issparse(X) else sparse.coo_matrix(X[j])
        coef = np.asarray(self.models_[kind]["coef"])
        contribution = row.data * coef[row.col]
        order = np.argsort(-contribution, kind="stable")[:top]
        names = [self.feature_names_[row.col[k]] for k in order if contribution[k] > 0]
        return "; ".join(names)

    # -- features -----------------------------------------------------------------------------

    def _raw_features(self, found: RulePass, cands: list) -> tuple[list, list, np.ndarray | None]:
        """The sparse features of each candidate (lists of names) and the dense
        ones (an array, or None), with the dense features' names."""
        rows = _sparse_features(found, cands, self.cues_, self.actors_, self.features, self.window, self._stems)
        if "vectors" not in self.features:
            return [], rows, None
        dense = _window_vectors(found, cands, self.vectors_, self.window)
        names = [f"vec:{side}{k}" for side in ("left", "right") for k in range(self.vectors_.dim)]
        return names, rows, dense

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
        cache = self.__dict__.setdefault("_stem_cache", {})
        new = set(words).difference(cache)
        cache.update(zip(new, map(_STEMMER.stem, new)))
        return [cache[w] for w in words]

    # -- files --------------------------------------------------------------------------------

    def to_dict(self) -> dict:
        """The fitted model as plain data (what :meth:`save` writes).

        Returns
        -------
        dict
        """
        check_is_fitted(self, "models_")
        vectors = None if self.vectors_ is None else {"name": self.vectors_.name, "digest": self.vectors_.digest}
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION,
            "actors": {"source": _name(self.actors_.source), "version": self.actors_.version,
                       "digest": self.actors_.digest},
            "cues": {"source": _name(self.cues_.source), "version": self.cues_.version, "digest": self.cues_.digest},
            "vectors": vectors,
            "parameters": {"features": list(self.features), "window": self.window, "Cs": list(self.Cs), "cv": self.cv,
                           "polarity": self.polarity, "random_state": self.random_state},
            "feature_names": self.feature_names_,
            "dense": None if self.vectors_ is None else {"mean": self.dense_mean_.tolist(),
                                                         "scale": self.dense_scale_.tolist()},
            "models": {k: {**m, "coef": list(m["coef"]), "platt": list(m["platt"])} for k, m in self.models_.items()},
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
        path = Path(path)
        if path.exists() and not overwrite:
            raise FileExistsError(f"{path} exists; pass overwrite=True to replace it.")
        return write_text_atomic(path, json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")

    @classmethod
    def load(cls, path=None, *, actors=None, cues=None, vectors=None) -> "AttributionModel":
        """A saved model, checked against the resources it is to be used with.

        Parameters
        ----------
        path : str or Path, optional
            A file written by :meth:`save`; default the shipped model.
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
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise ModelError(f"{source}: cannot be read as an attribution model ({err}).") from None
        if data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
            raise ModelError(f"{source}: not an attribution model file of format {FORMAT} v{FORMAT_VERSION}.")
        actors, cues = Actors.load(actors), Cues.load(cues)
        for what, resource in (("actors", actors), ("cues", cues)):
            saved = data[what]
            if saved["digest"] != resource.digest:
                raise ModelError(f"{source}: the model was fitted with the {what} of {saved['source']} "
                                 f"v{saved['version']}; those in use ({_name(resource.source)} v{resource.version}) "
                                 f"differ (another digest), so its features would mean other things. Pass the {what} "
                                 "it was fitted with, or fit a model on your coding with yours "
                                 "(AttributionModel(actors=..., cues=...).fit(coding, corpus)).")
        parameters = data["parameters"]
        model = cls(actors, cues, vectors=vectors, **{k: tuple(v) if isinstance(v, list) else v
                                                      for k, v in parameters.items()})
        model.actors_, model.cues_ = actors, cues
        model.vectors_ = None
        if data["vectors"] is not None:
            model.vectors_ = WordVectors.load(vectors)
            if model.vectors_.digest != data["vectors"]["digest"]:
                raise ModelError(f"{source}: the model was fitted with the word vectors {data['vectors']['name']}; "
                                 f"those in use ({model.vectors_.name}) differ. Pass those vectors, or fit again.")
            model.dense_mean_ = np.array(data["dense"]["mean"])
            model.dense_scale_ = np.array(data["dense"]["scale"])
        model.feature_names_ = data["feature_names"]
        n_dense = 0 if model.vectors_ is None else 2 * model.vectors_.dim
        model._index = {n: j for j, n in enumerate(model.feature_names_[:len(model.feature_names_) - n_dense])}
        model.models_ = {k: {**m, "coef": np.array(m["coef"]), "platt": np.array(m["platt"])}
                         for k, m in data["models"].items()}
        model.cv_, model.n_training_ = data["cv"], data["n_training"]
        return model


def attribution_model(model=None, *, actors=None, cues=None) -> AttributionModel:
    """``model`` as a fitted :class:`AttributionModel` for ``actors`` and
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
    """(sentence position, mention) of every mention of an actor (not a
    speaker pronoun) in the sentences at ``positions``."""
    return [(i, m) for i in positions for m in found.mentions.get(i, ()) if m.actor]


def _key(found: RulePass, i: int) -> tuple:
    return found.doc_ids[i], found.sent_ids[i]


def _gold(coding: pd.DataFrame) -> tuple[dict, list]:
    """{(doc_id, sent_id): set of (actor, kind, polarity)} and the coded sentences."""
    gold: dict = {}
    for doc_id, sent_id, actor, kind, polarity in coding[["doc_id", "sent_id", "actor", "kind", "polarity"]] \
            .fillna("").itertuples(index=False):
        key = (str(doc_id), int(sent_id))
        triples = gold.setdefault(key, set())
        for a, k, p in zip(*(str(v).split(";") if str(v).strip() else [] for v in (actor, kind, polarity))):
            triples.add((a.strip(), k.strip(), p.strip()))
    return gold, list(gold)


def _labels(cands: list, found: RulePass, gold: dict) -> tuple[dict, np.ndarray, list]:
    """Per candidate: 0/1 per kind and for a denial, its article (the CV
    group), and its (sentence key, actor)."""
    unit = [(_key(found, i), m.actor) for i, m in cands]
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
    known = set(zip(sents["doc_id"].astype(str), sents["sent_id"].astype(int)))
    for row in coding.itertuples(index=False):
        if (str(row.doc_id), int(row.sent_id)) not in known:
            where = f"{row.file}, row {row.row}: " if hasattr(row, "file") and hasattr(row, "row") else ""
            raise TableError(f"AttributionModel.fit(): {where}sentence ({row.doc_id}, {row.sent_id}) is not among "
                             "the corpus's sentences; pass the corpus the coding was made from (read the coding with "
                             "read_attribution_coding(..., sentences=analysis.sentences(corpus)) to check every text).")


def _pass_through(found: RulePass, decided: dict) -> dict:
    """``decided`` with the rules' attributions that hold the speaker
    responsible (no mention to learn from: "we must", a rebuttal)."""
    for i, founds in found.founds.items():
        kept = [f for f in founds if not f["actor"]]
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
    speech = cues.speech_lexicon
    speech_at: dict = {}
    positions = sorted({i for i, _ in cands})
    for k, hits in zip(positions, speech.find_each([found.texts[i] for i in positions])):
        speech_at[k] = [(s, e) for s, e, _, _ in hits]
    states = actors.state_actors
    rows = []
    by_sentence: dict = {}
    for j, (i, m) in enumerate(cands):
        by_sentence.setdefault(i, []).append(j)
    for i in positions:
        text = found.texts[i]
        tokens = [(t.start(), t.end(), t.group().lower()) for t in _TOKEN.finditer(text)]
        token_starts = [t[0] for t in tokens]
        stemmed = stems([t[2] for t in tokens]) if "words" in features else []
        hits = found.cue_hits.get(i, ())
        founds = found.founds.get(i, ())
        quotes = _quoted_spans(text)
        mentions = [cands[j][1] for j in by_sentence[i]]
        for j in by_sentence[i]:
            m = cands[j][1]
            names = ["bias"]
            first = _bisect(token_starts, m.start)
            last = _bisect(token_starts, m.end)
            if "rules" in features:
                mine = [f for f in founds if f["actor"] == m.actor and f["mention_at"] == m.start]
                for f in mine:
                    names += [f"rule={f['rule']}", f"rule_role={f['kind']}/{f['polarity']}"]
                if not mine and any(f["actor"] == m.actor for f in founds):
                    names.append("rule_same_actor_elsewhere")
                if any(f["actor"] != m.actor for f in founds):
                    names.append("rule_other_actor")
                for side, hit in (("L", _cue_before(hits, m)), ("R", _cue_after(hits, m))):
                    if hit is None:
                        names.append(f"{side}cue=none")
                        continue
                    rule = rules[hit[2]]
                    lo, hi = (hit[1], m.start) if side == "L" else (m.end, hit[0])
                    distance = _bin(len(_TOKEN.findall(text[lo:hi])))
                    clause = "clause" if _CLAUSE_BREAK.search(text[lo:hi]) else "same"
                    negated = "neg" if is_negated(text, hit[0], window=3) else "pos"
                    names += [f"{side}cue={hit[2]}", f"{side}cue_kind={rule['kind']}/{rule['polarity']}",
                              f"{side}cue={hit[2]}|{distance}|{clause}", f"{side}cue_kind={rule['kind']}|{negated}",
                              f"{side}dist={distance}|{clause}"]
                names.append(f"resolution={m.resolution}")
                names.append("state" if m.actor in states else "not_state")
                names.append(f"mentions={min(len(mentions), 4)}")
                if mentions[0] is m:
                    names.append("first_mention")
                if _PASSIVE.match(text, m.end):
                    names.append("passive_after")
                if _BY.search(text, max(0, m.start - 12), m.start):
                    names.append("by_before")
                if _POSSESSIVE.match(text, m.end):
                    names.append("possessive")
                for s, e in speech_at.get(i, ()):
                    gap = len(_TOKEN.findall(text[m.end:s])) if s >= m.end else len(_TOKEN.findall(text[e:m.start]))
                    if gap <= _SPEECH_NEAR and (s >= m.end or e <= m.start):
                        names.append("speech_after" if s >= m.end else "speech_before")
                if speech_at.get(i):
                    names.append("sentence_speech")
                if any(a <= m.start < b for a, b in quotes):
                    names.append("in_quote")
                names.append(f"position={_bin(first)}")
            if "words" in features:
                left = stemmed[max(0, first - window):first]
                right = stemmed[last:last + window]
                names += [f"L={w}" for w in left] + [f"R={w}" for w in right]
                if left:
                    names.append(f"L1={left[-1]}")
                if right:
                    names.append(f"R1={right[0]}")
            rows.append(names)
    ordered: list = [None] * len(cands)
    k = 0
    for i in positions:
        for j in by_sentence[i]:
            ordered[j] = rows[k]
            k += 1
    return ordered


def _window_vectors(found: RulePass, cands: list, vectors: WordVectors, window: int) -> np.ndarray:
    """The SIF-weighted mean vector of the ``window`` words left of each
    mention and of those right of it, side by side (zeros where none is in
    the vocabulary)."""
    words, owner = [], []
    for j, (i, m) in enumerate(cands):
        text = found.texts[i]
        left = _TOKEN.findall(text[:m.start].lower())[-window:]
        right = _TOKEN.findall(text[m.end:].lower())[:window]
        words += left + right
        owner += [2 * j] * len(left) + [2 * j + 1] * len(right)
    unique, code = np.unique(np.array(words, dtype=object), return_inverse=True) if words else (np.array([]), [])
    rows = vectors.rows([w.replace("’", "'") for w in unique])
    weights = _sif(rows, len(vectors))
    known = rows[code] >= 0 if len(words) else np.zeros(0, dtype=bool)
    owner = np.asarray(owner, dtype=np.int64)[known]
    used = np.asarray(code)[known]
    matrix = sparse.csr_matrix((weights[used], (owner, rows[used])), shape=(2 * len(cands), len(vectors)))
    counts = np.bincount(owner, minlength=2 * len(cands))
    present = np.unique(rows[rows >= 0])
    summed = matrix[:, present] @ np.asarray(vectors.vectors[present], dtype=np.float64)
    pooled = summed / np.where(counts > 0, counts, 1)[:, None]
    return pooled.reshape(len(cands), 2 * vectors.dim)


def _sif(rows: np.ndarray, n_words: int, a: float = 1e-3) -> np.ndarray:
    """SIF weights a / (a + p) with the Zipf frequency of each vocabulary row (0 for a word not there)."""
    harmonic = math.log(n_words) + 0.5772156649 + 1 / (2 * n_words)
    p = 1.0 / ((np.maximum(rows, 0).astype(np.float64) + 1) * harmonic)
    return np.where(rows >= 0, a / (a + p), 0.0)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans, open_ = [], None
    for k, ch in enumerate(text):
        if ch in "“\"" and open_ is None:
            open_ = k
        elif ch in "”\"" and open_ is not None:
            spans.append((open_, k))
            open_ = None
    return spans


def _cue_before(hits, m):
    before = [h for h in hits if h[1] <= m.start]
    return before[-1] if before else None


def _cue_after(hits, m):
    return next((h for h in hits if h[0] >= m.end), None)


def _nearest_cue(hits, m) -> tuple[int, int, str]:
    """The cue hit nearest to a mention (start, end, rule id), or the mention's own span and ""."""
    near = [(m.start - h[1] if h[1] <= m.start else h[0] - m.end, h) for h in hits if h[1] <= m.start or h[0] >= m.end]
    if not near:
        return m.start, m.end, ""
    h = min(near, key=lambda item: item[0])[1]
    return h[0], h[1], h[2]


def _bin(n: int) -> str:
    return "0" if n == 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else ">10"


def _bisect(starts: list[int], at: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] < at:
            lo = mid + 1
        else:
            hi = mid
    return lo


# --------------------------------------------------------------------------- the estimator


def _fit_label(X, y, groups, Cs, cv: int, random_state: int) -> tuple[dict, np.ndarray]:
    """One label's logistic regression: C by grouped cross-validated F1,
    Platt scaling on the cross-validated decisions; the model refitted on all
    rows, and those decisions."""
    n_splits = min(cv, len(set(groups)))
    split = list(StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
                 .split(np.zeros(len(y)), y, groups))
    best = None
    for c in Cs:
        decision = np.zeros(len(y))
        for train, test in split:
            model = _logistic(c).fit(X[train], y[train])
            decision[test] = model.decision_function(X[test])
        platt = _platt(decision, y)
        f1 = _best_f1(_sigmoid(decision * platt[0] + platt[1]), y)
        if best is None or f1 > best[2]:
            best = (c, platt, f1, decision)
    c, platt, f1, decision = best
    model = _logistic(c).fit(X, y)
    return {"coef": _rounded(model.coef_[0]), "intercept": float(_rounded(model.intercept_)[0]),
            "platt": _rounded(platt), "threshold": 0.5, "C": float(c), "cv_f1": float(f1)}, decision


def _logistic(C: float) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=1000)


def _platt(decision: np.ndarray, y: np.ndarray) -> np.ndarray:
    n_pos, n_neg = int(y.sum()), int(len(y) - y.sum())
    soft = np.where(y == 1, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    platt = LogisticRegression(C=1e6, solver="lbfgs").fit(
        np.concatenate([decision, decision]).reshape(-1, 1), np.r_[np.ones(len(y)), np.zeros(len(y))],
        sample_weight=np.r_[soft, 1 - soft])
    return np.array([float(platt.coef_[0, 0]), float(platt.intercept_[0])])


def _best_f1(probability: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(-probability, kind="stable")
    tp = np.cumsum(y[order])
    f1 = 2 * tp / (np.arange(1, len(y) + 1) + y.sum())
    return float(f1.max()) if len(f1) else 0.0


def _pair_probabilities(probability: np.ndarray, unit: list) -> dict:
    best: dict = {}
    for j, key in enumerate(unit):
        if probability[j] > best.get(key, -1.0):
            best[key] = float(probability[j])
    return best


def _triple_scores(predicted: dict, gold: dict, found: RulePass) -> dict:
    """Precision, recall, F1 of (sentence, actor, kind, polarity) and of (sentence, actor, kind)."""
    machine = {(_key(found, i), f["actor"], f["kind"], f["polarity"]) for i, founds in predicted.items()
               for f in founds}
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


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _rounded(values) -> np.ndarray:
    return np.array([float(f"{v:.{_DIGITS}g}") for v in np.ravel(values)]).reshape(np.shape(values))


def _name(source: str) -> str:
    return source if source.startswith("<") else Path(source).name
