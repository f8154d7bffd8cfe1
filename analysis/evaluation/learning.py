"""What each coded sentence buys: a learning curve of the frame classifier.

:func:`learning_curve` simulates coding a pool of sentences in batches: start
from ``initial`` sentences (always in the training set, e.g. the seeds) and a
random batch of the pool; then add one batch at a time, chosen at random or by
uncertainty sampling (the sentences the current model is least sure about, as
``coding_sheet(strategy="uncertain")`` chooses them); after each batch, fit a
:class:`~analysis.FrameClassifier` and score it on a held-out test set. Several
seeds give the spread of the random choices.

>>> import pandas as pd
>>> texts = ["Aid reached the camp.", "Talks went on.", "More aid came.", "A match was played."] * 15
>>> labels = pd.DataFrame({"aid": [1, 0, 1, 0] * 15})
>>> curve = learning_curve(texts[:40], labels[:40], texts[40:], labels[40:], batch=10, random_states=(0,),
...                        codebook={"aid": ["aid"]}, cv=2)
>>> sorted(curve["n_coded"].unique().tolist())
[20, 30, 40]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._deprecation import renamed
from .._validation import check_interval, check_option
from ..errors import AnalysisError
from ..measures.classifier import FrameClassifier
from ..resources.codebook import Codebook
from .agreement import precision_recall_f1
from .sampling import uncertainty_order

STRATEGIES = ("random", "uncertain")


@renamed(seeds="random_states")
def learning_curve(pool_texts, pool_labels: pd.DataFrame, test_texts, test_labels: pd.DataFrame, *,
                   initial_texts=(), initial_labels: pd.DataFrame | None = None, batch: int = 100,
                   strategies=STRATEGIES, random_states=(0, 1, 2), codebook=None, **model_parameters) -> pd.DataFrame:
    """Test-set F1 per frame against the number of coded pool sentences.

    Parameters
    ----------
    pool_texts, pool_labels
        The sentences that could be coded, and their codes (one 0/1 column per frame).
    test_texts, test_labels
        The held-out sentences and their codes.
    initial_texts, initial_labels
        Sentences always in the training set (not counted in ``n_coded``).
    batch : int
        Sentences coded per step; the first step is a random batch of twice
        this size, since a model needs positives of every frame to start.
    strategies : "random" and/or "uncertain"
    random_states : sequence of int
        Seeds of the random choices (and the classifier's ``random_state``),
        one curve each (``seeds=`` is its old name, accepted with a
        FutureWarning).
    codebook, **model_parameters
        Passed to :class:`~analysis.FrameClassifier`.

    Returns
    -------
    DataFrame
        strategy, seed (the random state), n_coded, frame, f1 (one row per step and frame), and a
        row per step with frame "mean" (the mean F1 over frames). A step where
        the training set has too few positives of a frame to fit is left out.

    Examples
    --------
    >>> import pandas as pd
    >>> texts = [f"Aid reached camp {i}." if i % 2 else f"Talks went on in round {i}." for i in range(60)]
    >>> codes = pd.DataFrame({"aid": [i % 2 for i in range(60)]})
    >>> curve = learning_curve(texts[:40], codes[:40], texts[40:], codes[40:], batch=10, strategies=("random",),
    ...                        random_states=(0,), codebook={"aid": ["aid"]})
    >>> curve[curve.frame == "aid"][["n_coded", "f1"]].values.tolist()
    [[20.0, 1.0], [30.0, 1.0], [40.0, 1.0]]
    """
    frames = Codebook.load(codebook).frame_ids
    pool_texts, test_texts = list(pool_texts), list(test_texts)
    pool_labels = pool_labels[frames].reset_index(drop=True)
    if not strategies:
        raise AnalysisError(f"learning_curve(): strategies= must name at least one of {STRATEGIES}; got none.")
    for strategy in strategies:
        check_option("strategies", strategy, STRATEGIES, where="learning_curve")
    check_interval("batch", batch, 1, len(pool_texts) // 2, integer=True, where="learning_curve",
                   why="at most half the pool, as the first step draws two batches")
    initial_labels = (pd.DataFrame(columns=frames) if initial_labels is None else initial_labels)[frames]
    truth = test_labels[frames].reset_index(drop=True)
    rows = []
    for seed in random_states:
        for strategy in strategies:
            rng = np.random.default_rng(seed)
            chosen = list(rng.choice(len(pool_texts), size=2 * batch, replace=False))
            while True:
                left = np.setdiff1d(np.arange(len(pool_texts)), chosen)
                texts = [*initial_texts, *(pool_texts[i] for i in chosen)]
                labels = pd.concat([initial_labels, pool_labels.iloc[chosen]], ignore_index=True)
                model = FrameClassifier(codebook=codebook, random_state=seed, **model_parameters)
                try:
                    model.fit(texts, labels.astype(int))
                except AnalysisError:                       # too few positives of a frame yet
                    model = None
                if model is not None:
                    predicted = pd.DataFrame(model.predict(test_texts), columns=frames)
                    scores = precision_recall_f1(predicted, truth, n_boot=0)
                    rows += [(strategy, seed, len(chosen), f, v) for f, v in zip(scores["column"], scores["f1"])]
                    rows.append((strategy, seed, len(chosen), "mean", float(np.nanmean(scores["f1"]))))
                if len(left) == 0:
                    break
                take = min(batch, len(left))
                if strategy == "uncertain" and model is not None:
                    order = uncertainty_order(model, [pool_texts[i] for i in left], rng)
                    chosen += left[order[:take]].tolist()
                else:
                    chosen += rng.choice(left, size=take, replace=False).tolist()
    return pd.DataFrame(rows, columns=["strategy", "seed", "n_coded", "frame", "f1"])
