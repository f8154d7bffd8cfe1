"""Attribution models measured out of sample on the development coding.

``cross_validate_attributions`` gives, for every coded sentence, the
attributions of a model that did not see its article (a random split of the
articles into folds) or its group (``by="outlet"``: leave one outlet out, the
proxy for news the model never saw), optionally trained on fewer coded
sentences (``sizes``: a learning curve). Score the result against the coding
with :func:`analysis.attributions_agreement`.

>>> import analysis, pandas as pd
>>> corpus = analysis.load_corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(24)], "text": [
...     "Italy must act. Italy met Libya.", "Libya accused smugglers. Libya met Italy."] * 12}))
>>> coding = pd.DataFrame({"doc_id": [f"d{i}" for i in range(24) for _ in (0, 1)], "sent_id": [0, 1] * 24,
...     "actor": ["europe", "", "smugglers_traffickers", ""] * 12, "kind": ["treatment", "", "causal", ""] * 12,
...     "polarity": ["assign", "", "assign", ""] * 12, "speaker_actor": ["(outlet)", "", "libya", ""] * 12})
>>> model = analysis.AttributionModel(features=("rules", "words"), cv=3, polarity="rules")
>>> found = cross_validate_attributions(coding, corpus, estimator=model, n_splits=3)
>>> analysis.attributions_agreement(found, coding)[["precision", "recall"]].values.tolist()
[[1.0, 1.0]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import clone
from tqdm.auto import tqdm

from .._output import progress_enabled
from .._validation import check_interval
from ..errors import AnalysisError, require_columns
from ..measures.roles import AttributionModel


def cross_validate_attributions(coding: pd.DataFrame, corpus: pd.DataFrame, *, estimator=None, by: str | None = None,
                                n_splits: int = 5, sizes=None, random_state: int = 0,
                                progress: bool = False) -> pd.DataFrame:
    """The attributions of the coded sentences by models fitted without them.

    Parameters
    ----------
    coding : DataFrame
        One row per coded attribution (:func:`analysis.read_attribution_coding`):
        doc_id, sent_id, actor, kind, polarity, speaker_actor (and ``by``).
    corpus : DataFrame
        doc_id and text of the coded articles.
    estimator : AttributionModel, optional
        Cloned (``sklearn.base.clone``) and fitted afresh for every fold;
        default ``AttributionModel()``.
    by : str, optional
        A column of ``coding`` (``"outlet"``): each of its groups is held out
        in turn; rows whose group is missing (blank, NaN) are always trained
        on, never tested. None: the articles are split at random into
        ``n_splits`` folds.
    n_splits : int
        Folds of the random split.
    sizes : sequence of int, optional
        Train on this many coded sentences of the training folds (whole
        articles, drawn at random with ``random_state``), one model per size
        and fold: a learning curve. None: all of them.
    random_state : int
        Seed of the split and of the draws.
    progress : bool
        Show a progress bar over the fits.

    Returns
    -------
    DataFrame
        The attributions (the columns of :func:`analysis.attributions`) of
        the held-out coded sentences, with ``held_out`` (the fold or group)
        and ``n_training`` (coded sentences the model was fitted on).

    Raises
    ------
    AnalysisError
        Fewer than two folds or groups.

    Examples
    --------
    >>> from analysis import attributions_agreement
    >>> from analysis.synthetic import coded_attributions
    >>> corpus, coding = coded_attributions(30)
    >>> model = AttributionModel(features=("rules", "words"), cv=3, polarity="rules")
    >>> found = cross_validate_attributions(coding, corpus, estimator=model, n_splits=3, progress=False)
    >>> sorted(found["held_out"].unique().tolist()), found["n_training"].unique().tolist()
    ([0, 1, 2], [100])
    >>> attributions_agreement(found, coding, n_boot=0)["f1"].tolist()
    [1.0]
    """
    require_columns(coding, ["doc_id", "sent_id", "actor", "kind", "polarity"], "cross_validate_attributions",
                    hint="Pass the table made by analysis.read_attribution_coding().")
    check_interval("n_splits", n_splits, 2, integer=True, where="cross_validate_attributions")
    for size in sizes or ():
        check_interval("sizes", size, 1, integer=True, where="cross_validate_attributions")
    coding = coding.assign(doc_id=coding["doc_id"].astype(str))
    corpus = corpus.assign(doc_id=corpus["doc_id"].astype(str))
    estimator = AttributionModel() if estimator is None else estimator
    articles = sorted(set(coding["doc_id"]))
    if by is None:
        order = np.random.default_rng(random_state).permutation(len(articles))
        fold_of = {articles[k]: int(r % n_splits) for r, k in enumerate(order)}
        group = coding["doc_id"].map(fold_of)
    else:
        require_columns(coding, [by], "cross_validate_attributions")
        group = coding[by].where(coding[by].notna() & (coding[by].astype(str) != ""), None)
    groups = sorted({g for g in group if g is not None}, key=str)
    if len(groups) < 2:
        raise AnalysisError(f"cross_validate_attributions(): {len(groups)} fold or group; at least two are needed.")
    keys = coding[["doc_id", "sent_id"]].drop_duplicates()
    jobs = [(g, n) for g in groups for n in (sizes or [None])]
    found = []
    for held, size in tqdm(jobs, desc="fits", disable=not progress_enabled(progress)):
        test = group == held
        train = coding[~test & ~coding["doc_id"].isin(set(coding.loc[test, "doc_id"]))]
        if size is not None:
            train = _subsample(train, size, random_state)
        model = clone(estimator).fit(train, corpus[corpus["doc_id"].isin(set(train["doc_id"]))])
        tested = keys.merge(coding.loc[test, ["doc_id", "sent_id"]].drop_duplicates())
        table = model.attributions(corpus[corpus["doc_id"].isin(set(tested["doc_id"]))])
        found.append(table.merge(tested).assign(held_out=held,
                                                n_training=len(train[["doc_id", "sent_id"]].drop_duplicates())))
    return pd.concat(found, ignore_index=True)


def _subsample(coding: pd.DataFrame, size: int, random_state: int) -> pd.DataFrame:
    """The coding of whole articles drawn at random until ``size`` sentences are reached."""
    sentences = coding[["doc_id", "sent_id"]].drop_duplicates()
    per_article = sentences.groupby("doc_id").size()
    order = np.random.default_rng(random_state).permutation(per_article.index.to_numpy())
    kept, total = [], 0
    for doc_id in order:
        if total >= size:
            break
        kept.append(doc_id)
        total += int(per_article[doc_id])
    return coding[coding["doc_id"].isin(set(kept))]
