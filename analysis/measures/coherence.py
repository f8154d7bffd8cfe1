"""How many topics: exact NPMI coherence, diversity, stability across seeds,
and a stated rule that recommends k.

* :func:`npmi_coherence` is C_NPMI (Röder et al. 2015) computed exactly as
  gensim's ``CoherenceModel(coherence="c_npmi")`` does, by vectorised counting.
* :func:`topic_diversity` is the share of distinct words among all topics' top words.
* :func:`select_k` sweeps k over seeds and recommends one, with a stated rule.

>>> from analysis.synthetic import planted_corpus
>>> texts, _, _ = planted_corpus(n_docs=120, k=3, random_state=1)
>>> select_k(texts, range(2, 5), progress=False).k
3
"""

from __future__ import annotations

import itertools
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from tqdm.auto import tqdm

from .._deprecation import renamed
from .._output import progress_enabled
from .._validation import check_interval, check_option
from ..errors import TopicInputError
from .topics import (METHODS, check_k, document_term_matrix, make_estimator, make_vectorizer, merge_legacy_options,
                     topic_stopwords, topic_tokens, unit_texts)


#: gensim's ``direct_confirmation_measure.EPSILON``.
EPSILON = 1e-12


#: select_k: the smallest stability a k needs to be recommended (see :func:`select_k`).
STABILITY_THRESHOLD = 0.8


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


@renamed(topn="n")
def npmi_coherence(top_words, texts, *, window_size: int = 10, n: int = 10, per_topic: bool = False):
    """C_NPMI topic coherence (Röder et al. 2015), equal to gensim's
    ``CoherenceModel(coherence="c_npmi")``.

    For every ordered pair of a topic's top words,
    ``NPMI = log((P(i,j) + e) / (P(i) P(j))) / -log(P(i,j) + e)`` with ``e = 1e-12``
    and probabilities the share of boolean sliding windows of ``window_size``
    tokens holding the words (see ``_window_counts()``); the topic's value is
    the mean over pairs, the result the mean over topics.

    Parameters
    ----------
    top_words : list of list of str
        Each topic's words, best first.
    texts : list of list of str
        Tokenised reference texts (e.g. ``[topic_tokens(t) for t in texts]``).
    window_size : int
        Tokens per window (at least 2).
    n : int
        Top words used per topic (gensim's ``topn``; ``topn=`` is accepted with
        a FutureWarning). As gensim does, a word that occurs in no text is
        dropped (with a warning) before the first ``n`` are taken.
    per_topic : bool
        Return an array with one value per topic instead of the mean.

    Returns
    -------
    float or ndarray
        The mean coherence over topics; with ``per_topic``, an array of each
        topic's coherence.

    Raises
    ------
    TopicInputError
        If ``window_size`` or ``n`` is below 2, ``texts`` are not token
        lists, ``top_words`` is empty, or a topic has fewer than two of its
        words in the texts.

    Notes
    -----
    Tested equal to gensim 4.4 to 1e-6. One difference by design: gensim cuts
    topics to ``n`` words only if the first topic is longer than ``n``;
    here every topic is cut. Unlike gensim, a topic with fewer than two words
    found in the texts raises an error instead of giving NaN.

    Examples
    --------
    >>> texts = [["a", "b"], ["a", "c"]]   # each text one window; P(a)=1, P(b)=P(c)=1/2
    >>> round(npmi_coherence([["a", "b", "c"]], texts), 4)   # pairs ab, ac: 0; bc: never together
    -0.3166
    """
    check_interval("window_size", window_size, 2, integer=True, where="npmi_coherence",
                   why="words co-occur in a window", error=TopicInputError)
    check_interval("n", n, 2, integer=True, where="npmi_coherence", why="coherence scores pairs of words",
                   error=TopicInputError)
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
        ids = np.array([index[w] for w in topic if seen[index[w]]][:n], dtype=np.int64)
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

    Parameters
    ----------
    top_words : list of list of str
        Each topic's words, best first.
    n : int
        Top words taken from each topic.

    Returns
    -------
    float
        The number of distinct words among the chosen ones, divided by ``n``
        times the number of topics.

    Raises
    ------
    TopicInputError
        If ``top_words`` is empty or a topic has fewer than ``n`` words.

    Examples
    --------
    >>> topic_diversity([["a", "b"], ["b", "c"]], n=2)
    0.75
    """
    if not top_words:
        raise TopicInputError("topic_diversity needs at least one topic's top words; got none.")
    short = [i for i, topic in enumerate(top_words) if len(topic) < n]
    if short:
        raise TopicInputError(f"topic_diversity needs {n} words per topic; topics {short} have fewer. "
                              "Pass more top words or a smaller n.")
    chosen = [list(topic)[:n] for topic in top_words]
    return len(set(itertools.chain.from_iterable(chosen))) / (n * len(chosen))


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


@renamed(seeds="random_states", topn="n")
def select_k(texts, ks=range(2, 16), *, method: str = "nmf", random_states=(0, 1, 2), unit: str = "documents",
             sample_fraction: float = 0.8, window_size: int = 10, n: int = 10, progress: bool = True,
             min_df=None, max_df=None, options: dict | None = None, stopwords=None,
             **legacy_options) -> KSelection:
    """Fit k topics for each k and random state; score coherence, diversity and stability.

    The vocabulary is built once from all texts. For each random state (a
    seed), the model is fitted on a random ``sample_fraction`` of the texts
    drawn with it (and the estimator gets it as its ``random_state``): NMF
    with nndsvd is deterministic, so stability across seeds means stability
    across subsamples (Greene et al. 2014).

    Rule for the recommended k (``recommend_k()``): the highest coherence among
    the k whose stability is at least 0.8; ties go to the smaller k; if no k is that
    stable, the most stable k. The rule is also in ``KSelection.rule``.

    Parameters
    ----------
    texts : list of str, Series, or DataFrame
        Texts, or a corpus/paragraphs/sentences table (``unit`` picks the
        unit), as :class:`TopicModel` takes them.
    ks : iterable of int
        The numbers of topics to try (default 2 to 15), each at most the
        number of texts in a sample and of vocabulary terms; duplicates are
        dropped and k is tried in increasing order.
    method : {"nmf", "lda"}
        The topic model, as in :class:`TopicModel`.
    random_states : sequence of int
        At least two distinct seeds; each draws its sample of the texts and is
        the estimator's ``random_state``. (The plural of the kit's
        ``random_state``, as several runs are compared; ``seeds=`` is its old
        name, accepted with a FutureWarning.)
    unit : {"documents", "paragraphs", "sentences"}
        For a table, the unit to model; a list of strings takes "documents"
        (one text per string).
    sample_fraction : float
        Share of the texts each seed's model is fitted on, in (0, 1].
    window_size : int
        Tokens per window of the coherence (:func:`npmi_coherence`).
    n : int
        Top words per topic scored for coherence (``topn=`` is its old name,
        accepted with a FutureWarning).
    progress : bool
        Show a tqdm progress bar over k.
    min_df, max_df : int or float, optional
        Vocabulary thresholds, as in :class:`TopicModel`; default
        ``vocabulary_thresholds()`` of the number of texts.
    options : dict, optional
        Extra parameters for sklearn's estimator (e.g. ``{"max_iter": 50}``),
        as in :class:`TopicModel`.
    stopwords : set of str or Path, optional
        Words left out of the vocabulary and of the coherence's tokens;
        default the shipped function words, as in :class:`TopicModel`.
    **legacy_options
        The old spelling of ``options`` (``max_iter=50`` as a keyword): still
        works, with a FutureWarning naming the dict to pass.

    Returns
    -------
    KSelection
        ``table``: one row per k, with columns ``k``; ``coherence`` and
        ``coherence_sd``, NPMI (:func:`npmi_coherence` of the top ``n``
        words on all texts' tokens) mean and standard deviation over seeds;
        ``diversity`` (:func:`topic_diversity`, top 25 words, or the whole
        vocabulary if smaller, mean over seeds); ``stability``
        (``topic_stability()`` of the seeds' topic-word vectors);
        ``recommended`` (True for the recommended k). ``k``: the recommended
        k. ``rule``: the rule that chose it, in words.

    Raises
    ------
    TopicInputError
        If ``method`` or ``unit`` is unknown, ``random_states`` are fewer than two or
        repeat one, ``sample_fraction`` is out of range, there are no texts,
        no k or no vocabulary, or a k is more than the sampled texts or the
        vocabulary terms.

    Examples
    --------
    >>> from analysis.synthetic import planted_corpus
    >>> texts, _, _ = planted_corpus(n_docs=120, k=3, random_state=1)
    >>> select_k(texts, range(2, 5), progress=False).k
    3
    """
    check_option("method", method, METHODS, where="select_k", error=TopicInputError)
    options = merge_legacy_options(options, legacy_options, "select_k")
    seeds, ks = list(random_states), sorted(set(ks))
    if len(seeds) < 2 or len(set(seeds)) < len(seeds):
        raise TopicInputError(f"select_k(): random_states= must be at least two distinct seeds (stability compares "
                              f"runs); got {random_states!r}.")
    check_interval("sample_fraction", sample_fraction, 0, 1, closed="right", where="select_k", error=TopicInputError)
    units = unit_texts(texts, unit)
    if len(units) == 0 or not ks:
        raise TopicInputError("select_k needs texts and at least one k.")
    stop = topic_stopwords(stopwords, "select_k")
    vectorizer = make_vectorizer(method, len(units), min_df, max_df, stop)
    matrix = document_term_matrix(vectorizer, units["text"].tolist())
    vocabulary = vectorizer.get_feature_names_out()
    tokens = [topic_tokens(t, stop) for t in units["text"]]
    n_sample = max(1, round(sample_fraction * len(units)))
    samples = {s: np.sort(np.random.default_rng(s).choice(len(units), n_sample, replace=False)) for s in seeds}
    for k in ks:
        check_k(k, n_sample, len(vocabulary))
    n_diverse = min(25, len(vocabulary))
    rows = []
    for k in tqdm(ks, desc=f"select_k ({method})") if progress_enabled(progress) else ks:
        coherences, diversities, components = [], [], []
        for seed in seeds:
            estimator = make_estimator(method, k, seed, options).fit(matrix[samples[seed]])
            order = np.argsort(-estimator.components_, axis=1, kind="stable")
            coherences.append(npmi_coherence([vocabulary[r[:n]].tolist() for r in order], tokens,
                                             window_size=window_size, n=n))
            diversities.append(topic_diversity([vocabulary[r[:n_diverse]].tolist() for r in order], n_diverse))
            components.append(estimator.components_)
        rows.append({"k": k, "coherence": float(np.mean(coherences)), "coherence_sd": float(np.std(coherences)),
                     "diversity": float(np.mean(diversities)), "stability": topic_stability(components)})
    table = pd.DataFrame(rows)
    k, rule = recommend_k(table)
    table["recommended"] = table["k"] == k
    return KSelection(table, k, rule)
