"""Topic models with deliberate defaults, exact NPMI coherence, and k chosen by
coherence and stability.

* :func:`fit_topics` fits NMF (default) or LDA on the kit's word tokens and
  returns a scikit-learn style :class:`TopicModel`.
* :func:`npmi_coherence` is C_NPMI (Röder et al. 2015) computed exactly as
  gensim's ``CoherenceModel(coherence="c_npmi")`` does, by vectorised counting.
* :func:`topic_diversity` is the share of distinct words among all topics' top words.
* :func:`select_k` sweeps k over seeds and recommends one, with a stated rule.
* Tables (:func:`top_terms_table`, :func:`doc_topics_table`, :func:`topic_prevalence`)
  and figures (:func:`plot_k_selection`, :func:`plot_doc_topics`, :func:`plot_prevalence`).
* :func:`planted_corpus` generates texts from known topics (the LDA generative
  process), for tests and benchmarks.

>>> texts, theta, topics = planted_corpus(n_docs=60, k=3, seed=0)
>>> model = fit_topics(texts, 3)
>>> model.doc_topics_.shape
(60, 3)
"""

from __future__ import annotations

import itertools
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.base import BaseEstimator
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer
from sklearn.utils.validation import check_is_fitted
from tqdm.auto import tqdm

from .output import progress_enabled
from .plots import PALETTE, new_figure
from .segment import paragraphs, sentences, words

#: News boilerplate that says nothing about a topic: reporting verbs ("said",
#: "told"), attribution ("according"), honorifics, modal and filler words not in
#: scikit-learn's list, and calendar words. Added to scikit-learn's English stop
#: words, from which "un" is taken out: lower-cased, it is the UN.
DOMAIN_STOP_WORDS = frozenset("""
said says say saying told tell tells according added adding stated statement noted
also would could may might must shall just like including include includes
mr mrs ms dr reported reportedly
year years month months week weeks day days today yesterday time
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
""".split())
STOP_WORDS = (frozenset(ENGLISH_STOP_WORDS) - {"un"}) | DOMAIN_STOP_WORDS
METHODS = ("nmf", "lda")
UNITS = ("documents", "paragraphs", "sentences")
#: gensim's ``direct_confirmation_measure.EPSILON``.
EPSILON = 1e-12
#: select_k: the smallest stability a k needs to be recommended (see :func:`select_k`).
STABILITY_THRESHOLD = 0.8


class TopicInputError(ValueError):
    """Input a topic model cannot use; the message says what is wrong and what to do."""


def topic_tokens(text: str) -> list[str]:
    """The tokens a topic model sees: :func:`analysis.words`, without stop words
    (:data:`STOP_WORDS`), one-letter tokens, or tokens with no letter (numbers).

    >>> topic_tokens("The UN said 3,300 migrants were rescued off Libya's coast.")
    ['un', 'migrants', 'rescued', 'libya', 'coast']
    """
    return [w for w in words(text) if len(w) > 1 and w not in STOP_WORDS and any(c.isalpha() for c in w)]


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
    if unit not in UNITS:
        raise TopicInputError(f"unit must be one of {UNITS}, not {unit!r}.")
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


def _vectorizer(method: str, n_texts: int, min_df, max_df):
    auto_min, auto_max = vocabulary_thresholds(n_texts)
    params = dict(analyzer=topic_tokens, min_df=auto_min if min_df is None else min_df,
                  max_df=auto_max if max_df is None else max_df)
    return TfidfVectorizer(**params) if method == "nmf" else CountVectorizer(**params)


def _estimator(method: str, k: int, random_state, options: dict | None):
    if method == "nmf":
        params = dict(init="nndsvd", max_iter=1000, tol=1e-4)
        params.update(options or {})
        return NMF(n_components=k, random_state=random_state, **params)
    params = dict(learning_method="batch", max_iter=100, evaluate_every=10, perp_tol=1e-2, n_jobs=1)
    params.update(options or {})
    return LatentDirichletAllocation(n_components=k, random_state=random_state, **params)


def _document_term_matrix(vectorizer, texts: list[str]):
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError as err:  # sklearn: "empty vocabulary" / "After pruning, no terms remain"
        raise TopicInputError(f"no vocabulary left for {len(texts)} texts ({err}). The texts may be empty or "
                              "only stop words; lower min_df or raise max_df, or pass longer texts.") from None
    return matrix


def _check_k(k: int, n_texts: int, n_terms: int) -> None:
    if not isinstance(k, (int, np.integer)) or k < 1:
        raise TopicInputError(f"k must be a positive integer, not {k!r}.")
    if k > n_texts:
        raise TopicInputError(f"k={k} topics is more than the {n_texts} texts; choose k <= {n_texts} "
                              "or model smaller units (unit='paragraphs' or 'sentences').")
    if k > n_terms:
        raise TopicInputError(f"k={k} topics is more than the {n_terms} vocabulary terms; choose a smaller k "
                              "or lower min_df.")


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    totals = matrix.sum(axis=1, keepdims=True)
    return np.divide(matrix, totals, out=np.zeros_like(matrix, dtype=float), where=totals > 0)


class TopicModel(BaseEstimator):
    """A topic model over the kit's tokens (use :func:`fit_topics` to make one).

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
        Vocabulary thresholds; default :func:`vocabulary_thresholds` of the number of texts.
    options : dict, optional
        Extra parameters for the sklearn estimator (e.g. ``{"max_iter": 50}``).

    Attributes
    ----------
    doc_topics_ : ndarray (n_texts, k)
        Topic shares of each text, rows summing to 1 (a text with no vocabulary
        word gets zeros under NMF, the prior under LDA; a warning counts them).
    topic_terms_ : ndarray (k, n_terms)
        Term weights of each topic, rows summing to 1.
    vocabulary_ : ndarray of str
    units_ : DataFrame
        The texts modelled: id columns (``doc_id``, ``par_id``/``sent_id``, or ``text_id``) and ``text``.
    vectorizer_, estimator_ : the fitted sklearn objects.
    """

    def __init__(self, k: int = 10, *, method: str = "nmf", random_state=0, unit: str = "documents",
                 min_df=None, max_df=None, options: dict | None = None):
        self.k = k
        self.method = method
        self.random_state = random_state
        self.unit = unit
        self.min_df = min_df
        self.max_df = max_df
        self.options = options

    def fit(self, texts, y=None):
        """Fit on a list of strings, a Series, or a corpus/paragraphs/sentences table; return self."""
        if self.method not in METHODS:
            raise TopicInputError(f"method must be one of {METHODS}, not {self.method!r}.")
        units = unit_texts(texts, self.unit)
        if len(units) == 0:
            raise TopicInputError("no texts to model; pass at least k texts.")
        vectorizer = _vectorizer(self.method, len(units), self.min_df, self.max_df)
        matrix = _document_term_matrix(vectorizer, units["text"].tolist())
        _check_k(self.k, *matrix.shape)
        empty = int((matrix.getnnz(axis=1) == 0).sum())
        if empty:
            warnings.warn(f"{empty} of {matrix.shape[0]} texts contain no vocabulary term; their doc_topics_ "
                          "rows carry no information (zeros for NMF, the prior for LDA).", stacklevel=2)
        estimator = _estimator(self.method, self.k, self.random_state, self.options)
        self.doc_topics_ = _normalise_rows(estimator.fit_transform(matrix))
        self.topic_terms_ = _normalise_rows(estimator.components_)
        self.vocabulary_ = vectorizer.get_feature_names_out()
        self.units_ = units
        self.vectorizer_, self.estimator_ = vectorizer, estimator
        return self

    def top_terms(self, n: int = 10) -> list[list[str]]:
        """The ``n`` heaviest terms of each topic, best first (ties in vocabulary order)."""
        check_is_fitted(self, "topic_terms_")
        order = np.argsort(-self.topic_terms_, axis=1, kind="stable")[:, :n]
        return [self.vocabulary_[row].tolist() for row in order]


def fit_topics(texts, k: int, *, method: str = "nmf", random_state=0, unit: str = "documents",
               min_df=None, max_df=None, **options) -> TopicModel:
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
    **options
        Passed to sklearn's ``NMF`` or ``LatentDirichletAllocation``.

    Returns
    -------
    TopicModel
        Fitted: ``doc_topics_``, ``top_terms(n)``, ``vectorizer_``, ``estimator_``.

    Examples
    --------
    >>> import analysis
    >>> model = fit_topics(analysis.load_corpus(), 3, unit="paragraphs")
    >>> model.doc_topics_.shape, len(model.top_terms(5)[0])
    ((50, 3), 5)
    """
    return TopicModel(k, method=method, random_state=random_state, unit=unit, min_df=min_df,
                      max_df=max_df, options=options or None).fit(texts)


# --- coherence and diversity -------------------------------------------------


def _window_counts(texts: list[list[str]], index: dict[str, int], window_size: int):
    """Boolean sliding-window counts as gensim's ``WordOccurrenceAccumulator``.

    Returns ``(n_windows, counts)``; ``counts[i, j]`` is the number of windows
    holding words i and j, the diagonal the windows holding word i. Each text
    longer than the window gives ``len - window_size + 1`` windows (stride 1);
    a shorter (or empty) text gives one. gensim updates its window by removing
    the token that leaves and adding the one that enters, so a word whose earlier
    occurrence leaves the window counts as absent until it enters again, even if
    another occurrence is still inside; we reproduce that to stay equal to it.
    """
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    n_windows = np.maximum(1, lengths - window_size + 1)
    first_window = np.concatenate([[0], np.cumsum(n_windows)[:-1]])
    first_token = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    ids = np.fromiter((index.get(w, -1) for w in itertools.chain.from_iterable(texts)),
                      dtype=np.int64, count=int(lengths.sum()))
    text_of = np.repeat(np.arange(len(texts)), lengths)
    keep = ids >= 0
    word, text = ids[keep], text_of[keep]
    pos = np.flatnonzero(keep) - first_token[text]
    order = np.lexsort((pos, word, text))
    word, text, pos = word[order], text[order], pos[order]
    # In a text, occurrence p of a word enters the window at step a = max(0, p - w + 1)
    # and leaves at step p + 1 (gensim removes before it adds within a step).
    enter = np.maximum(0, pos - window_size + 1)
    new_group = np.r_[True, (word[1:] != word[:-1]) | (text[1:] != text[:-1])]
    group = np.cumsum(new_group) - 1
    span = int(lengths.max(initial=0)) + 1
    key = group * span + pos
    # After the entry at step a, the word stays until the first of its occurrences
    # at or after position a leaves, or until its next entry (re-evaluated there).
    first_leave = pos[np.searchsorted(key, group * span + enter)]
    next_enter = np.r_[np.where(new_group[1:], np.iinfo(np.int64).max, enter[1:]), np.iinfo(np.int64).max]
    last = np.minimum(np.minimum(first_leave, next_enter - 1), n_windows[text] - 1)
    run = np.maximum(0, last - enter + 1)
    by_word = np.argsort(word, kind="stable")
    word, run, starts = word[by_word], run[by_word], (first_window[text] + enter)[by_word]
    # word x window presence matrix, built row by row: each run adds windows starts .. starts + run - 1
    total = int(run.sum())
    windows = np.repeat(starts - np.concatenate([[0], np.cumsum(run)[:-1]]), run) + np.arange(total)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(word, weights=run, minlength=len(index)))]).astype(np.int64)
    presence = sparse.csr_matrix((np.ones(total, dtype=np.int64), windows, indptr),
                                 shape=(len(index), int(n_windows.sum())))
    return int(n_windows.sum()), (presence @ presence.T).toarray()


def npmi_coherence(top_words, texts, *, window_size: int = 10, topn: int = 10, per_topic: bool = False):
    """C_NPMI topic coherence (Röder et al. 2015), equal to gensim's
    ``CoherenceModel(coherence="c_npmi")``.

    For every ordered pair of a topic's top words,
    ``NPMI = log((P(i,j) + e) / (P(i) P(j))) / -log(P(i,j) + e)`` with ``e = 1e-12``
    and probabilities the share of boolean sliding windows of ``window_size``
    tokens holding the words (see :func:`_window_counts`); the topic's value is
    the mean over pairs, the result the mean over topics.

    Parameters
    ----------
    top_words : list of list of str
        Each topic's words, best first.
    texts : list of list of str
        Tokenised reference texts (e.g. ``[topic_tokens(t) for t in texts]``).
    window_size : int
        Tokens per window (at least 2).
    topn : int
        Top words used per topic. As gensim does, a word that occurs in no text is
        dropped (with a warning) before the first ``topn`` are taken.
    per_topic : bool
        Return an array with one value per topic instead of the mean.

    Notes
    -----
    Tested equal to gensim 4.4 to 1e-6. One difference by design: gensim cuts
    topics to ``topn`` words only if the first topic is longer than ``topn``;
    here every topic is cut. Unlike gensim, a topic with fewer than two words
    found in the texts raises an error instead of giving NaN.

    Examples
    --------
    >>> texts = [["a", "b"], ["a", "c"]]   # each text one window; P(a)=1, P(b)=P(c)=1/2
    >>> round(npmi_coherence([["a", "b", "c"]], texts), 4)   # pairs ab, ac: 0; bc: never together
    -0.3166
    """
    if window_size < 2:
        raise TopicInputError(f"window_size must be at least 2 (words co-occur in a window), not {window_size}.")
    if topn < 2:
        raise TopicInputError(f"topn must be at least 2 (coherence scores pairs of words), not {topn}.")
    if isinstance(texts, (str, pd.DataFrame)) or any(isinstance(t, str) for t in texts[:1]):
        raise TopicInputError("texts must be token lists, e.g. [topic_tokens(t) for t in texts].")
    top_words = [list(topic) for topic in top_words]
    if not top_words:
        raise TopicInputError("top_words is empty; pass one list of words per topic.")
    index = {w: i for i, w in enumerate(dict.fromkeys(itertools.chain.from_iterable(top_words)))}
    n_windows, counts = _window_counts(list(texts), index, window_size)
    seen = np.diag(counts) > 0
    missing = sorted(w for w, i in index.items() if not seen[i])
    if missing:
        warnings.warn(f"{len(missing)} top words occur in no text and are left out, as gensim does: "
                      f"{missing[:10]}", stacklevel=2)
    values = []
    for number, topic in enumerate(top_words):
        ids = np.array([index[w] for w in topic if seen[index[w]]][:topn], dtype=np.int64)
        if len(ids) < 2:
            raise TopicInputError(f"topic {number} has {len(ids)} of its words in the texts; coherence needs "
                                  "two. Pass the texts the topics were fitted on.")
        joint = counts[np.ix_(ids, ids)] / n_windows
        single = np.diag(counts)[ids] / n_windows
        with np.errstate(divide="ignore"):
            npmi = np.log((joint + EPSILON) / np.outer(single, single)) / -np.log(joint + EPSILON)
        values.append(npmi[~np.eye(len(ids), dtype=bool)].mean())
    values = np.array(values)
    return values if per_topic else float(values.mean())


def topic_diversity(top_words, n: int = 25) -> float:
    """Share of distinct words among the top ``n`` words of all topics (Dieng et
    al. 2020): 1 when no two topics share a top word, 1/k when all are the same.

    >>> topic_diversity([["a", "b"], ["b", "c"]], n=2)
    0.75
    """
    short = [i for i, topic in enumerate(top_words) if len(topic) < n]
    if short or not top_words:
        raise TopicInputError(f"topic_diversity needs {n} words per topic; topics {short} have fewer. "
                              "Pass more top words or a smaller n.")
    chosen = [list(topic)[:n] for topic in top_words]
    return len(set(itertools.chain.from_iterable(chosen))) / (n * len(chosen))


# --- choosing k --------------------------------------------------------------


def topic_stability(topic_term_matrices) -> float:
    """Mean best-match cosine similarity of topics across runs.

    For each pair of runs, topics are matched one to one (Hungarian algorithm,
    maximising cosine similarity of the topic-word vectors); the result is the
    mean matched similarity over topics and pairs of runs: 1 when every run finds
    the same topics.

    >>> a = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> topic_stability([a, a[::-1]])
    1.0
    """
    if len(topic_term_matrices) < 2:
        raise TopicInputError("stability needs at least two runs (seeds).")
    unit_rows = [m / np.linalg.norm(m, axis=1, keepdims=True).clip(min=1e-300) for m in topic_term_matrices]
    scores = []
    for a, b in itertools.combinations(unit_rows, 2):
        similarity = a @ b.T
        rows, cols = linear_sum_assignment(similarity, maximize=True)
        scores.append(similarity[rows, cols].mean())
    return float(np.mean(scores))


@dataclass(frozen=True)
class KSelection:
    """What :func:`select_k` returns: the ``table`` (one row per k), the
    recommended ``k``, and the ``rule`` that chose it."""

    table: pd.DataFrame
    k: int
    rule: str


def recommend_k(table: pd.DataFrame, threshold: float = STABILITY_THRESHOLD) -> tuple[int, str]:
    """The k with the highest coherence among those with stability >= ``threshold``
    (ties: the smaller k); if none is that stable, the most stable k. Returns ``(k, rule)``.

    >>> t = pd.DataFrame({"k": [2, 3, 4], "coherence": [0.1, 0.3, 0.2], "stability": [0.9, 0.85, 0.5]})
    >>> recommend_k(t)[0]
    3
    """
    stable = table[table["stability"] >= threshold]
    rule = (f"highest mean NPMI coherence among k with stability >= {threshold} "
            "(ties: smaller k); if no k is that stable, the most stable k")
    if len(stable):
        best = stable.sort_values(["coherence", "k"], ascending=[False, True], kind="stable").iloc[0]
    else:
        best = table.sort_values(["stability", "k"], ascending=[False, True], kind="stable").iloc[0]
    return int(best["k"]), rule


def select_k(texts, ks=range(2, 16), *, method: str = "nmf", seeds=(0, 1, 2), unit: str = "documents",
             sample_fraction: float = 0.8, window_size: int = 10, topn: int = 10, progress: bool = True,
             min_df=None, max_df=None, **options) -> KSelection:
    """Fit k topics for each k and seed; score coherence, diversity and stability.

    The vocabulary is built once from all texts. For each seed, the model is fitted
    on a random ``sample_fraction`` of the texts drawn with that seed (and the
    estimator gets that seed): NMF with nndsvd is deterministic, so stability
    across seeds means stability across subsamples (Greene et al. 2014).

    Columns of the table: ``k``; ``coherence`` and ``coherence_sd``, NPMI
    (:func:`npmi_coherence` of the top ``topn`` words on all texts' tokens) mean
    and standard deviation over seeds; ``diversity`` (:func:`topic_diversity`,
    top 25 words, mean over seeds); ``stability`` (:func:`topic_stability` of the
    seeds' topic-word vectors); ``recommended``.

    Rule for the recommended k (:func:`recommend_k`): the highest coherence among
    the k whose stability is at least 0.8; ties go to the smaller k; if no k is that
    stable, the most stable k. The rule is also in ``KSelection.rule``.

    Examples
    --------
    >>> texts, _, _ = planted_corpus(n_docs=120, k=3, seed=1)
    >>> select_k(texts, range(2, 5), progress=False).k
    3
    """
    if method not in METHODS:
        raise TopicInputError(f"method must be one of {METHODS}, not {method!r}.")
    seeds, ks = list(seeds), sorted(set(ks))
    if len(seeds) < 2 or len(set(seeds)) < len(seeds):
        raise TopicInputError(f"seeds must be at least two distinct seeds (stability compares runs), not {seeds}.")
    if not 0 < sample_fraction <= 1:
        raise TopicInputError(f"sample_fraction must be in (0, 1], not {sample_fraction}.")
    units = unit_texts(texts, unit)
    if len(units) == 0 or not ks:
        raise TopicInputError("select_k needs texts and at least one k.")
    vectorizer = _vectorizer(method, len(units), min_df, max_df)
    matrix = _document_term_matrix(vectorizer, units["text"].tolist())
    vocabulary = vectorizer.get_feature_names_out()
    tokens = [topic_tokens(t) for t in units["text"]]
    n_sample = max(1, round(sample_fraction * len(units)))
    samples = {s: np.sort(np.random.default_rng(s).choice(len(units), n_sample, replace=False)) for s in seeds}
    for k in ks:
        _check_k(k, n_sample, len(vocabulary))
    n_diverse = min(25, len(vocabulary))
    rows = []
    for k in tqdm(ks, desc=f"select_k ({method})") if progress_enabled(progress) else ks:
        coherences, diversities, components = [], [], []
        for seed in seeds:
            estimator = _estimator(method, k, seed, options).fit(matrix[samples[seed]])
            order = np.argsort(-estimator.components_, axis=1, kind="stable")
            coherences.append(npmi_coherence([vocabulary[r[:topn]].tolist() for r in order], tokens,
                                             window_size=window_size, topn=topn))
            diversities.append(topic_diversity([vocabulary[r[:n_diverse]].tolist() for r in order], n_diverse))
            components.append(estimator.components_)
        rows.append({"k": k, "coherence": float(np.mean(coherences)), "coherence_sd": float(np.std(coherences)),
                     "diversity": float(np.mean(diversities)), "stability": topic_stability(components)})
    table = pd.DataFrame(rows)
    k, rule = recommend_k(table)
    table["recommended"] = table["k"] == k
    return KSelection(table, k, rule)


# --- tables ------------------------------------------------------------------


def top_terms_table(model: TopicModel, n: int = 10, *, layout: str = "long") -> pd.DataFrame:
    """Top terms of each topic with their weights (share of the topic's weight).

    ``layout="long"``: one row per topic and rank (topic, rank, term, weight).
    ``layout="wide"``: one row per topic (topic, share = mean share of the texts,
    terms = "term (weight), ...").
    """
    check_is_fitted(model, "topic_terms_")
    order = np.argsort(-model.topic_terms_, axis=1, kind="stable")[:, :n]
    long = pd.DataFrame([(t, r + 1, model.vocabulary_[j], float(model.topic_terms_[t, j]))
                         for t, row in enumerate(order) for r, j in enumerate(row)],
                        columns=["topic", "rank", "term", "weight"])
    if layout == "long":
        return long
    if layout != "wide":
        raise TopicInputError(f"layout must be 'long' or 'wide', not {layout!r}.")
    terms = long.groupby("topic")[["term", "weight"]].apply(
        lambda g: ", ".join(f"{t} ({w:.3f})" for t, w in zip(g["term"], g["weight"])))
    return pd.DataFrame({"topic": np.arange(model.k), "share": model.doc_topics_.mean(axis=0),
                         "terms": terms.to_numpy()})


def doc_topics_table(model: TopicModel) -> pd.DataFrame:
    """One row per text: its id columns and one ``topic_<i>`` column of shares per topic."""
    check_is_fitted(model, "doc_topics_")
    ids = model.units_.drop(columns="text")
    shares = pd.DataFrame(model.doc_topics_, columns=[f"topic_{i}" for i in range(model.k)])
    return pd.concat([ids, shares], axis=1)


def topic_prevalence(model: TopicModel, corpus: pd.DataFrame, by: str) -> pd.DataFrame:
    """Mean topic share of the texts in each value of the corpus column ``by``
    (e.g. "outlet", "date", or "doc_id" for each document): columns ``by``,
    ``n_texts``, ``topic_<i>``. Documents with no value form a "(missing)" group.

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


# --- figures -----------------------------------------------------------------


def plot_k_selection(selection: KSelection):
    """Coherence, diversity and stability against k, the recommended k marked; returns the figure."""
    table = selection.table
    fig, axes = new_figure("column", 4.2, nrows=3)
    panels = [("coherence", "NPMI coherence"), ("diversity", "topic diversity"), ("stability", "stability")]
    for ax, (column, label) in zip(axes, panels):
        ax.plot(table["k"], table[column], marker="o", markersize=3, color=PALETTE[0])
        if column == "coherence":
            ax.fill_between(table["k"], table["coherence"] - table["coherence_sd"],
                            table["coherence"] + table["coherence_sd"], color=PALETTE[0], alpha=0.2, lw=0)
        if column == "stability":
            ax.axhline(STABILITY_THRESHOLD, color=PALETTE[7], lw=0.6, ls=":")
        ax.axvline(selection.k, color=PALETTE[5], lw=0.8, ls="--")
        ax.set_ylabel(label)
        ax.set_xticks(table["k"])
    axes[-1].set_xlabel("number of topics k")
    axes[0].set_title(f"recommended k = {selection.k}")
    return fig


def _topic_labels(model: TopicModel, n_words: int) -> list[str]:
    return [f"{i}: " + ", ".join(terms) for i, terms in enumerate(model.top_terms(n_words))]


def plot_doc_topics(model: TopicModel, *, n_words: int = 3):
    """Heatmap of topic shares: one row per text, one column per topic (labelled
    with its top words); texts of one document are grouped and labelled by doc_id."""
    check_is_fitted(model, "doc_topics_")
    n_texts = len(model.doc_topics_)
    fig, ax = new_figure("page", min(9.0, 1.5 + 0.08 * n_texts))
    image = ax.imshow(model.doc_topics_, aspect="auto", interpolation="nearest", vmin=0, vmax=1)
    ax.set_xticks(range(model.k), _topic_labels(model, n_words), rotation=30, ha="right")
    if "doc_id" in model.units_.columns and model.units_["doc_id"].nunique() < n_texts:
        docs = model.units_["doc_id"].to_numpy()
        starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
        ends = np.r_[starts[1:], n_texts]
        ax.set_yticks((starts + ends - 1) / 2, [str(docs[s]) for s in starts])
        for boundary in starts[1:]:
            ax.axhline(boundary - 0.5, color="white", lw=1)
        ax.set_ylabel(f"document ({model.unit})")
    else:
        id_column = "doc_id" if "doc_id" in model.units_.columns else "text_id"
        step = max(1, n_texts // 25)
        ax.set_yticks(range(0, n_texts, step), [str(v) for v in model.units_[id_column].to_numpy()[::step]])
        ax.set_ylabel(id_column)
    fig.colorbar(image, ax=ax, label="topic share", shrink=0.8)
    return fig


def plot_prevalence(prevalence: pd.DataFrame, by: str, *, model: TopicModel | None = None):
    """Heatmap of mean topic share by group (the output of :func:`topic_prevalence`),
    the share written in each cell; topics labelled with top words if ``model`` is given."""
    topics = [c for c in prevalence.columns if c.startswith("topic_")]
    values = prevalence[topics].to_numpy(dtype=float)
    fig, ax = new_figure("page", 1.2 + 0.35 * len(prevalence))
    image = ax.imshow(values, aspect="auto", interpolation="nearest", vmin=0, vmax=max(values.max(), 1e-9))
    labels = _topic_labels(model, 3) if model is not None else topics
    ax.set_xticks(range(len(topics)), labels, rotation=30, ha="right")
    ax.set_yticks(range(len(prevalence)),
                  [f"{g} (n={n})" for g, n in zip(prevalence[by], prevalence["n_texts"])])
    ax.set_ylabel(by)
    for (i, j), value in np.ndenumerate(values):
        ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=6,
                color="white" if value < 0.6 * values.max() else "black")
    fig.colorbar(image, ax=ax, label="mean topic share", shrink=0.8)
    return fig


# --- planted topics ----------------------------------------------------------


def planted_corpus(n_docs: int = 200, k: int = 4, *, words_per_topic: int = 20, shared_words: int = 0,
                   doc_length: int = 60, alpha: float = 0.1, seed: int = 0):
    """Texts generated by the LDA process from ``k`` known topics.

    Topic t puts its mass on its own words ``t<t>w<j>`` (j < ``words_per_topic``),
    drawn from a Dirichlet(1); ``shared_words`` more words (``shw<j>``), in every
    topic's vocabulary, make the vocabularies overlap. Each document draws topic
    shares from Dirichlet(``alpha``) (small alpha: mostly one topic), then each of
    its ``doc_length`` words a topic and a word.

    Returns ``(texts, theta, topic_words)``: the texts (space-joined words), the
    (n_docs, k) topic shares used, and each topic's own and shared words, most
    probable first.

    >>> texts, theta, topic_words = planted_corpus(n_docs=2, k=2, doc_length=5, seed=0)
    >>> len(texts), theta.shape, topic_words[0][0].startswith("t0w")
    (2, (2, 2), True)
    """
    rng = np.random.default_rng(seed)
    own = [[f"t{t}w{j}" for j in range(words_per_topic)] for t in range(k)]
    shared = [f"shw{j}" for j in range(shared_words)]
    vocabulary = np.array(list(itertools.chain.from_iterable(own)) + shared)
    phi = np.zeros((k, len(vocabulary)))
    topic_columns = [np.r_[np.arange(t * words_per_topic, (t + 1) * words_per_topic),
                           np.arange(k * words_per_topic, len(vocabulary))] for t in range(k)]
    for t, columns in enumerate(topic_columns):
        phi[t, columns] = rng.dirichlet(np.ones(len(columns)))
    theta = rng.dirichlet(np.full(k, alpha), size=n_docs)
    texts = []
    for d in range(n_docs):
        z = rng.choice(k, size=doc_length, p=theta[d])
        doc = np.empty(doc_length, dtype=np.int64)
        for t in range(k):
            doc[z == t] = rng.choice(len(vocabulary), size=int((z == t).sum()), p=phi[t])
        texts.append(" ".join(vocabulary[doc]))
    topic_words = [vocabulary[c[np.argsort(-phi[t, c], kind="stable")]].tolist() for t, c in enumerate(topic_columns)]
    return texts, theta, topic_words
