"""Topic models with deliberate defaults.

* :func:`fit_topics` fits NMF (default) or LDA on the kit's word tokens
  without stop words (``stopwords=``; default the shipped function words) and
  returns a scikit-learn style :class:`TopicModel`; its ``transform(texts)``
  gives the topic shares of texts it has not seen.
* Tables: :func:`top_terms_table`, :func:`doc_topics_table`, :func:`topic_prevalence`.

How many topics: :mod:`analysis.measures.coherence`; figures: :mod:`analysis.report.topics`;
texts from known topics, for tests: :func:`analysis.synthetic.planted_corpus`.

>>> from analysis.synthetic import planted_corpus
>>> texts, theta, topics = planted_corpus(n_docs=60, k=3, random_state=0)
>>> model = fit_topics(texts, 3)
>>> model.doc_topics_.shape
(60, 3)
>>> shares = model.transform(["t0w1 t0w2 t0w3 t0w1", "t2w0 t2w4 t2w1"])   # two unseen texts
>>> [model.top_terms(1)[topic][0][:2] for topic in shares.argmax(axis=1)]
['t0', 't2']
"""

from __future__ import annotations

import warnings
from functools import partial

import numpy as np
import pandas as pd
from scipy.linalg import LinAlgError, cholesky, solve_triangular
from scipy.optimize import nnls
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .._validation import check_interval, check_option
from ..errors import TopicInputError, require_unique_ids
from ..resources.stopwords import load_stopwords, normalize_word, stopword_set
from ..text.segment import paragraphs, sentences, words


METHODS = ("nmf", "lda")


UNITS = ("documents", "paragraphs", "sentences")


def topic_tokens(text: str, stopwords: frozenset[str] = frozenset()) -> list[str]:
    """The tokens a topic model sees: :func:`analysis.words`, without ``stopwords``
    (compared as :func:`~analysis.resources.stopwords.normalize_word` writes them),
    one-letter tokens, or tokens with no letter (numbers).

    >>> topic_tokens("The UN said 3,300 migrants were rescued off Libya's coast.", frozenset({"the", "were", "off"}))
    ['un', 'said', 'migrants', 'rescued', 'libya', 'coast']
    """
    return [w for w in words(text)
            if len(w) > 1 and normalize_word(w) not in stopwords and any(c.isalpha() for c in w)]


def topic_stopwords(stopwords, who: str) -> frozenset[str]:
    """The stop words of a topic model: None gives the shipped function words
    (:func:`analysis.load_stopwords`); otherwise as ``stopwords=`` of
    :func:`analysis.keyness` (words, or a Path to a file). ``who`` names the caller.

    >>> "the" in topic_stopwords(None, "fit_topics"), topic_stopwords(["Said"], "fit_topics")
    (True, frozenset({'said'}))
    """
    return load_stopwords() if stopwords is None else stopword_set(stopwords, who)


def vocabulary_thresholds(n_texts: int) -> tuple[int, float]:
    """``(min_df, max_df)`` for a corpus of ``n_texts`` texts.

    Fewer than 20 texts: keep every word (1, 1.0); there is too little text to
    discard any. Otherwise a word must occur in at least ``clip(n_texts // 200, 2, 5)``
    texts (a word seen once cannot link texts into a topic) and in at most half of
    them (a word everywhere separates nothing).

    >>> vocabulary_thresholds(5), vocabulary_thresholds(50), vocabulary_thresholds(2000)
    ((1, 1.0), (2, 0.5), (5, 0.5))
    """
    if n_texts < 20:
        return 1, 1.0
    return int(np.clip(n_texts // 200, 2, 5)), 0.5


def unit_texts(texts, unit: str = "documents") -> pd.DataFrame:
    """The texts to model as a table: id columns and ``text``.

    ``texts`` is a list of strings or a Series (ids: ``text_id``, the position),
    or a corpus, paragraphs or sentences table (ids: ``doc_id`` and ``par_id`` or
    ``sent_id``). ``unit`` splits a table into "documents", "paragraphs" or
    "sentences"; a table already at that unit is used as it is.

    >>> import analysis
    >>> unit_texts(analysis.load_corpus(), "paragraphs").shape
    (50, 3)
    """
    check_option("unit", unit, UNITS, where="unit_texts", error=TopicInputError)
    if isinstance(texts, pd.DataFrame):
        return _frame_units(texts, unit)
    if isinstance(texts, str):
        raise TopicInputError("texts is one string; pass a list of strings (one per text) or a table.")
    texts = list(texts)
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
    if bad:
        raise TopicInputError(f"texts must all be strings; positions {bad[:5]} are not (e.g. "
                              f"{type(texts[bad[0]]).__name__}). Fill or drop missing texts first.")
    if unit != "documents":
        raise TopicInputError(f"unit={unit!r} needs a corpus table with doc_id and text; a list of strings "
                              "is modelled as it is (unit='documents').")
    return pd.DataFrame({"text_id": np.arange(len(texts)), "text": texts})


def _frame_units(frame: pd.DataFrame, unit: str) -> pd.DataFrame:
    if "text" not in frame.columns:
        raise TopicInputError(f"the table needs a 'text' column; it has {list(frame.columns)}.")
    held = "sentences" if "sent_id" in frame.columns else "paragraphs" if "par_id" in frame.columns else "documents"
    if held == unit:
        ids = [c for c in ("doc_id", "par_id", "sent_id") if c in frame.columns]
        table = (frame[ids + ["text"]] if ids
                 else pd.DataFrame({"text_id": np.arange(len(frame)), "text": frame["text"].to_numpy()}))
    elif held == "documents" and "doc_id" in frame.columns:
        split = paragraphs(frame) if unit == "paragraphs" else sentences(frame)
        table = split[["doc_id", "par_id" if unit == "paragraphs" else "sent_id", "text"]]
    else:
        raise TopicInputError(f"unit={unit!r} but the table holds {held}; pass the corpus table "
                              f"(analysis.load_corpus(), with doc_id and text) or set unit={held!r}.")
    bad = [i for i, t in enumerate(table["text"]) if not isinstance(t, str)]
    if bad:
        raise TopicInputError(f"texts must all be strings; rows {bad[:5]} are not. Fill or drop missing texts first.")
    return table.reset_index(drop=True)


def make_vectorizer(method: str, n_texts: int, min_df, max_df, stopwords: frozenset[str]):
    """The vectorizer of ``method`` (tf-idf for NMF, counts for LDA) over :func:`topic_tokens`
    without ``stopwords``, with :func:`vocabulary_thresholds` where ``min_df`` or ``max_df`` is None."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer   # here: not with the kit

    auto_min, auto_max = vocabulary_thresholds(n_texts)
    params = dict(analyzer=partial(topic_tokens, stopwords=stopwords),
                  min_df=auto_min if min_df is None else min_df, max_df=auto_max if max_df is None else max_df)
    return TfidfVectorizer(**params) if method == "nmf" else CountVectorizer(**params)


def make_estimator(method: str, k: int, random_state, options: dict | None):
    """sklearn's NMF or LDA with the kit's defaults (see :class:`TopicModel`), updated by ``options``."""
    from sklearn.decomposition import NMF, LatentDirichletAllocation              # here: not with the kit

    if method == "nmf":
        params = dict(init="nndsvd", max_iter=1000, tol=1e-4)
        params.update(options or {})
        return NMF(n_components=k, random_state=random_state, **params)
    params = dict(learning_method="batch", max_iter=100, evaluate_every=10, perp_tol=1e-2, n_jobs=1)
    params.update(options or {})
    return LatentDirichletAllocation(n_components=k, random_state=random_state, **params)


def document_term_matrix(vectorizer, texts: list[str]):
    """Fit ``vectorizer`` on ``texts``; no vocabulary left is a :class:`~analysis.TopicInputError`."""
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError as err:  # sklearn: "empty vocabulary" / "After pruning, no terms remain"
        raise TopicInputError(f"no vocabulary left for {len(texts)} texts ({err}). The texts may be empty or "
                              "only stop words; lower min_df or raise max_df, or pass longer texts.") from None
    return matrix


def check_k(k: int, n_texts: int, n_terms: int) -> None:
    """Refuse a ``k`` that is not a positive integer or exceeds the texts or the vocabulary terms."""
    check_interval("k", k, 1, integer=True, where="TopicModel", error=TopicInputError)
    if k > n_texts:
        raise TopicInputError(f"k={k} topics is more than the {n_texts} texts; choose k <= {n_texts} "
                              "or model smaller units (unit='paragraphs' or 'sentences').")
    if k > n_terms:
        raise TopicInputError(f"k={k} topics is more than the {n_terms} vocabulary terms; choose a smaller k "
                              "or lower min_df.")


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    totals = matrix.sum(axis=1, keepdims=True)
    return np.divide(matrix, totals, out=np.zeros_like(matrix, dtype=float), where=totals > 0)


def _nmf_transform(components: np.ndarray, matrix) -> np.ndarray:
    """For each row x of ``matrix``, argmin over w >= 0 of ||x - w H||^2 (H:
    ``components``), solved exactly and for each row alone.

    This is the problem NMF's ``transform`` solves (Frobenius loss, no penalty on
    W), but sklearn's solver stops on a tolerance summed over all the rows it is
    given, so a text's shares change (by ~1e-7) with the texts transformed beside
    it. Here each row is an active-set NNLS on the k x k normal equations
    (H H^T = R^T R; ||R w - R^-T H x||^2 differs from the loss by a constant).
    """
    weights = np.zeros((matrix.shape[0], components.shape[0]))
    used = np.flatnonzero(components.any(axis=1))          # an all-zero topic gets no share
    h = components[used]
    try:
        r = cholesky(h @ h.T, lower=False)
    except LinAlgError:                                    # topics linearly dependent: solve on the terms
        dense = h.T
        for i in range(matrix.shape[0]):
            weights[i, used] = nnls(dense, np.asarray(matrix[i].todense()).ravel())[0]
        return weights
    projected = solve_triangular(r, np.asarray(matrix @ h.T).T, trans="T", lower=False).T
    for i, row in enumerate(projected):
        weights[i, used] = nnls(r, row)[0]
    return weights


def _warn_empty(matrix, what: str) -> None:
    empty = int((matrix.getnnz(axis=1) == 0).sum())
    if empty:
        warnings.warn(f"{empty} of {matrix.shape[0]} texts contain no vocabulary term; their {what} "
                      "rows carry no information (zeros for NMF, the prior for LDA).", stacklevel=3)


def merge_legacy_options(options: dict | None, legacy: dict, caller: str) -> dict | None:
    """``options``, with keyword options of the old spelling merged in (and a FutureWarning)."""
    if not legacy:
        return options
    spelled = ", ".join(f"{key!r}: {value!r}" for key, value in legacy.items())
    warnings.warn(f"{caller}(..., {', '.join(f'{k}=...' for k in legacy)}) is deprecated and will stop working; "
                  f"pass the estimator's options as one dict, as TopicModel takes them: options={{{spelled}}}.",
                  FutureWarning, stacklevel=3)
    return {**(options or {}), **legacy}


class TopicModel(TransformerMixin, BaseEstimator):
    """A topic model over the kit's tokens (:func:`fit_topics` makes one in one call).

    Parameters
    ----------
    k : int
        Number of topics.
    method : {"nmf", "lda"}
        "nmf": NMF on tf-idf (l2-normalised rows), ``init="nndsvd"`` (deterministic,
        sparse, good for short texts), ``max_iter=1000`` so it converges rather than
        stopping at sklearn's 200 with a warning. "lda": LDA on counts, batch
        variational Bayes, ``max_iter=100`` with a perplexity check every 10
        iterations (``perp_tol=1e-2``); sklearn's ``max_iter=10`` under-fits.
    random_state : int
        Seed of the estimator (NMF with nndsvd does not use it; LDA does).
    unit : {"documents", "paragraphs", "sentences"}
        For a corpus table, the unit each row of ``doc_topics_`` stands for.
    min_df, max_df : int or float, optional
        Vocabulary thresholds; default ``vocabulary_thresholds()`` of the number of texts.
    options : dict, optional
        Extra parameters for the sklearn estimator (e.g. ``{"max_iter": 50}``);
        the one spelling, in :func:`fit_topics` and :func:`select_k` too.
    stopwords : set of str or Path, optional
        Words left out of the vocabulary (as :func:`analysis.keyness` takes
        them); default (None) the shipped function words,
        :func:`analysis.load_stopwords`; ``()`` for none. News boilerplate
        ("said", "according", weekdays) is in a shipped list the notebooks
        pass: ``analysis.load_stopwords("shipped:stopwords_news_topics.txt")``.

    Attributes
    ----------
    doc_topics_ : ndarray (n_texts, k)
        Topic shares of each text, rows summing to 1 (a text with no vocabulary
        word gets zeros under NMF, the prior under LDA; a warning counts them).
        ``fit_transform`` returns it.
    topic_terms_ : ndarray (k, n_terms)
        Term weights of each topic, rows summing to 1.
    vocabulary_ : ndarray of str
    units_ : DataFrame
        Which text each row of ``doc_topics_`` stands for: the id columns
        (``doc_id`` and ``par_id``/``sent_id``, or ``text_id``, the position in
        the list). The texts themselves are not kept, so a model of a large
        corpus stays small; ``unit_texts(texts, model.unit)`` gives them again.
    vectorizer_, estimator_ : the fitted sklearn objects.

    Examples
    --------
    >>> from analysis.synthetic import planted_corpus
    >>> texts = planted_corpus(n_docs=40, k=2, doc_length=30, random_state=0)[0]     # two known topics
    >>> model = TopicModel(k=2).fit(texts)
    >>> [sorted({word[:2] for word in terms}) for terms in model.top_terms(3)]     # each topic's own words
    [['t0'], ['t1']]
    >>> texts, theta, topics = planted_corpus(n_docs=80, k=2, random_state=0)     # texts it has not seen
    >>> model = TopicModel(2).fit(texts[:60])
    >>> model.transform(texts[60:]).shape, model.get_feature_names_out().tolist()
    ((20, 2), ['topic_0', 'topic_1'])
    """

    def __init__(self, k: int = 10, *, method: str = "nmf", random_state=0, unit: str = "documents",
                 min_df=None, max_df=None, options: dict | None = None, stopwords=None):
        self.k = k
        self.method = method
        self.random_state = random_state
        self.unit = unit
        self.min_df = min_df
        self.max_df = max_df
        self.options = options
        self.stopwords = stopwords

    def fit(self, texts, y=None):
        """Fit on a list of strings, a Series, or a corpus/paragraphs/sentences table; return self.

        Parameters
        ----------
        texts : list of str, Series, or DataFrame
            The texts, one per string (``unit`` must then be "documents"); or
            a table with ``text``, split into ``unit`` units (a table already
            at that unit is used as it is).
        y : None
            Ignored, present for scikit-learn's API.

        Returns
        -------
        TopicModel
            self, fitted: ``doc_topics_``, ``topic_terms_``, ``vocabulary_``,
            ``units_``, ``vectorizer_`` and ``estimator_`` are set.

        Raises
        ------
        TopicInputError
            If ``method`` or ``unit`` is unknown, ``texts`` is one string or
            holds a text that is not a string, no text or no vocabulary term
            is left, or ``k`` is not a positive integer or is more than the
            texts or the vocabulary terms.
        """
        check_option("method", self.method, METHODS, where="TopicModel", error=TopicInputError)
        units = unit_texts(texts, self.unit)
        if len(units) == 0:
            raise TopicInputError("no texts to model; pass at least k texts.")
        stopwords = topic_stopwords(self.stopwords, type(self).__name__)
        vectorizer = make_vectorizer(self.method, len(units), self.min_df, self.max_df, stopwords)
        matrix = document_term_matrix(vectorizer, units["text"].tolist())
        check_k(self.k, *matrix.shape)
        _warn_empty(matrix, "doc_topics_")
        estimator = make_estimator(self.method, self.k, self.random_state, self.options)
        self.doc_topics_ = _normalise_rows(estimator.fit_transform(matrix))
        self.topic_terms_ = _normalise_rows(estimator.components_)
        self.vocabulary_ = vectorizer.get_feature_names_out()
        self.units_ = units.drop(columns="text")
        self.vectorizer_, self.estimator_ = vectorizer, estimator
        return self

    def fit_transform(self, texts, y=None) -> np.ndarray:
        """Fit, and return ``doc_topics_``.

        Parameters
        ----------
        texts : list of str, Series, or DataFrame
            As in :meth:`fit`.
        y : None
            Ignored (scikit-learn's signature).

        Returns
        -------
        ndarray
            ``(n_units, k)``: the shares found while fitting, as sklearn's NMF
            and LDA return them (``transform`` of the same texts is close to it,
            not equal).

        Examples
        --------
        >>> from analysis.synthetic import planted_corpus
        >>> texts = planted_corpus(n_docs=20, k=2, random_state=0)[0]
        >>> TopicModel(2).fit_transform(texts).shape
        (20, 2)
        """
        return self.fit(texts).doc_topics_.copy()

    def transform(self, texts) -> np.ndarray:
        """Topic shares of texts, seen in fitting or not: shape ``(n_texts, k)``,
        rows summing to 1.

        ``texts`` is a list (or Series) of strings, one row each, whatever unit
        the model was fitted on, or a table, split into ``self.unit`` units as in
        ``fit`` (``unit_texts()`` gives their ids). The vocabulary
        and topics are those learned in ``fit``: words outside the vocabulary are
        ignored, and a text with none of its words gets zeros (NMF) or the
        prior (LDA), with a warning counting them.

        A text's shares do not depend on the texts transformed with it, so
        transforming in chunks gives the same numbers: under NMF each text is
        solved exactly on its own (non-negative least squares against the
        topics; sklearn's own solver stops on a tolerance shared by the batch,
        which it still does when ``options`` change the loss or penalise the
        shares); LDA's inference already treats each text alone.

        Parameters
        ----------
        texts : list of str, Series, or DataFrame
            The texts (one row each), or a corpus/paragraphs/sentences table.

        Returns
        -------
        ndarray
            ``(n_texts, k)`` topic shares.

        Examples
        --------
        >>> from analysis.synthetic import planted_corpus
        >>> texts = planted_corpus(n_docs=80, k=2, random_state=0)[0]
        >>> TopicModel(2).fit(texts[:60]).transform(texts[60:]).sum(axis=1).round(6).tolist()[:3]
        [1.0, 1.0, 1.0]
        """
        check_is_fitted(self, "topic_terms_")
        units = unit_texts(texts, self.unit if isinstance(texts, pd.DataFrame) else "documents")
        if len(units) == 0:
            raise TopicInputError("no texts to transform; pass at least one text.")
        matrix = self.vectorizer_.transform(units["text"].tolist())
        _warn_empty(matrix, "topic share")
        estimator = self.estimator_
        if (self.method == "nmf" and estimator.beta_loss in ("frobenius", 2)
                and not getattr(estimator, "alpha_W", 0.0)):
            return _normalise_rows(_nmf_transform(estimator.components_, matrix))
        return _normalise_rows(estimator.transform(matrix))

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The names of the output columns of :meth:`transform`.

        Parameters
        ----------
        input_features : None
            Ignored (scikit-learn's signature: the input is texts, not columns).

        Returns
        -------
        ndarray of str
            ``topic_0`` ... ``topic_<k-1>``, as in :func:`doc_topics_table`.

        Examples
        --------
        >>> from analysis.synthetic import planted_corpus
        >>> TopicModel(2).fit(planted_corpus(n_docs=20, k=2, random_state=0)[0]).get_feature_names_out().tolist()
        ['topic_0', 'topic_1']
        """
        check_is_fitted(self, "topic_terms_")
        return np.asarray([f"topic_{i}" for i in range(self.topic_terms_.shape[0])], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True          # texts in, as sklearn's CountVectorizer
        tags.input_tags.two_d_array = False
        tags.transformer_tags.preserves_dtype = []   # shares are float64 whatever comes in
        return tags

    def top_terms(self, n: int = 10) -> list[list[str]]:
        """The ``n`` heaviest terms of each topic, best first (ties in vocabulary order).

        Parameters
        ----------
        n : int
            Terms per topic (the whole vocabulary if it has fewer).

        Returns
        -------
        list of list of str
            One list of terms per topic, in topic order.
        """
        check_is_fitted(self, "topic_terms_")
        order = np.argsort(-self.topic_terms_, axis=1, kind="stable")[:, :n]
        return [self.vocabulary_[row].tolist() for row in order]


def fit_topics(texts, k: int, *, method: str = "nmf", random_state=0, unit: str = "documents",
               min_df=None, max_df=None, options: dict | None = None, stopwords=None,
               **legacy_options) -> TopicModel:
    """Fit a topic model; see :class:`TopicModel` for the defaults and why.

    Parameters
    ----------
    texts : list of str, Series, or DataFrame
        Texts, or a corpus/paragraphs/sentences table (``unit`` picks the unit).
    k : int
        Number of topics (at most the number of texts).
    method : {"nmf", "lda"}
    random_state : int
    unit : {"documents", "paragraphs", "sentences"}
    min_df, max_df : optional vocabulary thresholds (default adapt to the corpus size).
    options : dict, optional
        Passed to sklearn's ``NMF`` or ``LatentDirichletAllocation``, e.g.
        ``options={"max_iter": 50}``.
    stopwords : set of str or Path, optional
        Words left out of the vocabulary; default the shipped function words
        (see :class:`TopicModel`).
    **legacy_options
        The old spelling of ``options`` (``max_iter=50`` as a keyword): still
        works, with a FutureWarning naming the dict to pass.

    Returns
    -------
    TopicModel
        Fitted: ``doc_topics_``, ``top_terms(n)``, ``transform(new_texts)``, ``vectorizer_``, ``estimator_``.

    Examples
    --------
    >>> import analysis
    >>> model = fit_topics(analysis.load_corpus(), 3, unit="paragraphs")
    >>> model.doc_topics_.shape, len(model.top_terms(5)[0])
    ((50, 3), 5)
    """
    options = merge_legacy_options(options, legacy_options, "fit_topics")
    return TopicModel(k, method=method, random_state=random_state, unit=unit, min_df=min_df,
                      max_df=max_df, options=options, stopwords=stopwords).fit(texts)


def top_terms_table(model: TopicModel, n: int = 10, *, layout: str = "long") -> pd.DataFrame:
    """Top terms of each topic with their weights (share of the topic's weight).

    Parameters
    ----------
    model : TopicModel
        A fitted topic model (:func:`analysis.fit_topics`).
    n : int
        Terms per topic.
    layout : {"long", "wide"}
        "long": one row per topic and rank. "wide": one row per topic, its
        terms in one cell.

    Returns
    -------
    DataFrame
        ``layout="long"``: topic, rank, term, weight. ``layout="wide"``: topic,
        share (the mean share of the texts), terms ("term (weight), ...").

    Examples
    --------
    >>> import analysis
    >>> model = analysis.fit_topics(analysis.load_corpus(), k=3, unit="paragraphs")
    >>> top_terms_table(model, 3).head(3)[["topic", "rank", "term"]].values.tolist()
    [[0, 1, 'illegal'], [0, 2, 'immigrants'], [0, 3, 'said']]
    >>> list(top_terms_table(model, 3, layout="wide").columns)
    ['topic', 'share', 'terms']
    """
    check_is_fitted(model, "topic_terms_")
    order = np.argsort(-model.topic_terms_, axis=1, kind="stable")[:, :n]
    long = pd.DataFrame([(t, r + 1, model.vocabulary_[j], float(model.topic_terms_[t, j]))
                         for t, row in enumerate(order) for r, j in enumerate(row)],
                        columns=["topic", "rank", "term", "weight"])
    if check_option("layout", layout, ("long", "wide"), where="top_terms_table", error=TopicInputError) == "long":
        return long
    terms = long.groupby("topic")[["term", "weight"]].apply(
        lambda g: ", ".join(f"{t} ({w:.3f})" for t, w in zip(g["term"], g["weight"])))
    return pd.DataFrame({"topic": np.arange(model.k), "share": model.doc_topics_.mean(axis=0),
                         "terms": terms.to_numpy()})


def doc_topics_table(model: TopicModel) -> pd.DataFrame:
    """The topic shares of each text the model was fitted on.

    Parameters
    ----------
    model : TopicModel
        A fitted topic model (:func:`analysis.fit_topics`).

    Returns
    -------
    DataFrame
        One row per text: its id columns (doc_id, and par_id or sent_id for
        paragraphs or sentences) and one ``topic_<i>`` column of shares per topic.

    Examples
    --------
    >>> import analysis
    >>> model = analysis.fit_topics(analysis.load_corpus(), k=3, unit="paragraphs")
    >>> table = doc_topics_table(model)
    >>> list(table.columns), len(table)
    (['doc_id', 'par_id', 'topic_0', 'topic_1', 'topic_2'], 50)
    """
    check_is_fitted(model, "doc_topics_")
    ids = model.units_.reset_index(drop=True)
    shares = pd.DataFrame(model.doc_topics_, columns=[f"topic_{i}" for i in range(model.k)])
    return pd.concat([ids, shares], axis=1)


def topic_prevalence(model: TopicModel, corpus: pd.DataFrame, by: str) -> pd.DataFrame:
    """Mean topic share of the texts in each value of the corpus column ``by``
    (e.g. "outlet", "date", or "doc_id" for each document): columns ``by``,
    ``n_texts``, ``topic_<i>``. Documents with no value form a "(missing)" group.

    Parameters
    ----------
    model : TopicModel
        A topic model fitted on a corpus table (:func:`analysis.fit_topics`),
        so that its texts have a doc_id.
    corpus : DataFrame
        A table with doc_id and ``by`` that holds every document of the model,
        such as the corpus it was fitted on.
    by : str
        The column of ``corpus`` to group by.

    Returns
    -------
    DataFrame
        One row per value of ``by`` (as a string), in sorted order: ``by``,
        n_texts (the model's texts in the group: documents, paragraphs or
        sentences, as fitted), topic_0 ... topic_<k-1> (their mean shares).

    Raises
    ------
    TopicInputError
        If the model was fitted on plain texts, ``corpus`` lacks doc_id or
        ``by``, or a document of the model is not in ``corpus``.
    TableError
        If ``corpus`` holds a doc_id twice.

    Examples
    --------
    >>> import analysis
    >>> corpus = analysis.load_corpus()
    >>> model = fit_topics(corpus, 2, unit="paragraphs")
    >>> topic_prevalence(model, corpus, "date")["n_texts"].tolist()
    [19, 11, 11, 9]
    """
    check_is_fitted(model, "doc_topics_")
    if "doc_id" not in model.units_.columns:
        raise TopicInputError("the model was fitted on plain texts; fit it on a corpus table to group by metadata.")
    if by not in corpus.columns or "doc_id" not in corpus.columns:
        raise TopicInputError(f"corpus needs columns 'doc_id' and {by!r}; it has {list(corpus.columns)}.")
    require_unique_ids(corpus, "topic_prevalence")
    values = corpus.set_index("doc_id", drop=False)[by]
    unknown = sorted(set(model.units_["doc_id"]) - set(values.index))
    if unknown:
        raise TopicInputError(f"documents {unknown[:5]} of the model are not in the corpus; "
                              "pass the corpus it was fitted on.")
    table = doc_topics_table(model)
    table[by] = model.units_["doc_id"].map(values).astype(object).where(lambda v: v.notna(), "(missing)").astype(str)
    topics = [f"topic_{i}" for i in range(model.k)]
    grouped = table.groupby(by, sort=True)
    return pd.concat([grouped.size().rename("n_texts"), grouped[topics].mean()], axis=1).reset_index()
