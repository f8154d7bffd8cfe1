"""Drawing units for hand coding with known probabilities, so that the units
drawn for teaching a classifier and the units drawn for correcting its findings
are one design: :func:`coding_sample` draws them and records each drawn unit's
probability of having been drawn in ``coding_probability``, which
:func:`analysis.prevalence` and the other corrected estimators read;
:func:`coding_sheet` draws a sample the same way and writes it as a CSV for
coders, each sentence with the sentences before and after it in its document
(the sheet's format, and reading it back, are :mod:`analysis.evaluation.sheets`).

* "random": a simple random sample, ``pi = n / N``.
* "stratified": strata from ``by`` (a group such as the outlet, or the
  machine's 0/1 label to oversample its positives). "proportional" allocation
  draws a systematic sample through the units sorted by stratum (random order
  within), so every stratum gets its share of ``n`` rounded up or down at
  random and every unit ``pi = n / N``; "equal" allocation takes the same
  number from each stratum (a simple random sample in each, ``pi = n_h / N_h``).
* "uncertain": probability proportional to the machine's uncertainty with a
  floor. The size of a unit is ``sqrt(mean over frames of p (1 - p))``, the
  standard deviation of its code if the probabilities ``p`` are calibrated,
  which is where a coded unit teaches a classifier most and, drawn in
  proportion to it, where it narrows a corrected estimate most (Neyman
  allocation for the DSL estimator). ``pi`` mixes the probabilities
  proportional to size (capped at 1) with a simple random sample:
  ``(1 - floor) * pi_size + floor * n / N``, so every unit keeps at least
  ``floor * n / N``. The sample is a systematic sample in random order (fixed
  size ``n``, each unit drawn with exactly its ``pi``), not the ``n`` most
  uncertain units: a top-k choice gives the other units no chance of being
  coded, and no estimate over them can be corrected.

The corrected estimators' variances treat a sample as if units had been drawn
independently (Poisson sampling), the usual approximation for these designs.

>>> import pandas as pd
>>> units = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)], "outlet": list("AAAAAAAABB")})
>>> sample = coding_sample(units, 4, strategy="stratified", by="outlet", allocation="equal")
>>> sample.groupby("outlet")["coding_probability"].agg(["size", "first"]).values.tolist()
[[2.0, 0.25], [2.0, 1.0]]
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .._output import write_atomic
from .._validation import check_interval, check_option
from ..errors import AnalysisError, TableError, plain, require_columns
from ..measures.classifier import frame_classifier
from ..resources.codebook import Codebook
from .sheets import (ATTRIBUTION_FIELDS, CONTEXT_COLUMNS, PROBABILITY_COLUMN, STAMP, coding_actor_ids, instructions_path,
                     resource_versions, sheet_instructions, write_sheet)

STRATEGIES = ("random", "stratified", "uncertain")
ALLOCATIONS = ("proportional", "equal")


def coding_sheet(sentences: pd.DataFrame, n: int | None = None, stratify_by: str | list[str] | None = "doc_id",
                 random_state: int | None = 0, path: str | Path | None = None, *, strategy: str = "random",
                 allocation: str = "proportional", floor: float = 0.25, model=None,
                 exclude: pd.DataFrame | None = None, codebook=None, actors=None, cues=None,
                 overwrite: bool = False, context: pd.DataFrame | None = None) -> pd.DataFrame:
    """A sheet for hand coding: a sample of sentences drawn with known
    probabilities, with their context, one blank column per frame and the
    attribution fields, and each sentence's ``coding_probability``.

    Parameters
    ----------
    sentences : DataFrame
        The sentences to draw from: ``analysis.sentences(corpus)`` (doc_id,
        sent_id, text), or some of its rows, with ``context=``.
    n : int, optional
        Sentences to sample, from 1 to the number not excluded; all of them
        (probability 1) if None.
    stratify_by : str or list of str or None
        Column(s) of ``sentences`` defining the strata of ``strategy="random"``
        (default: documents; a column of the machine's 0/1 label stratifies by
        it; None: a simple random sample).
    random_state : int, optional
        The seed of the sample.
    path : str or Path, optional
        If given, the sheet is also written there as CSV (UTF-8; the column
        names on its first line, no comment lines), with a last column
        ``codebook_version`` that stamps every row with the versions of the
        resources used (:func:`resource_versions`), and beside it
        ``<name>.instructions.txt``, which tells coders how to code.
    strategy : {"random", "uncertain"}
        "random" (the default): a stratified random sample (:func:`coding_sample`
        with ``strategy="stratified"``, or "random" without strata): with
        proportional allocation every sentence has probability ``n / N`` and
        each stratum gets its share of ``n`` rounded up or down at random.
        "uncertain": probability proportional to how unsure the frame
        classifier ``model`` is, with a floor (:func:`coding_sample` with
        ``strategy="uncertain"``): the sentences it is least sure about are
        the likeliest, and every sentence keeps a chance, so that the coding
        serves both to teach the model and to correct its findings.
    allocation : {"proportional", "equal"}
        For "random" with strata: shares of ``n`` proportional to the strata's
        sizes, or equal (oversampling small strata, such as the machine's
        positives).
    floor : float
        For "uncertain": the share of the design that is simple random, in (0, 1].
    model : FrameClassifier or path, optional
        For ``strategy="uncertain"``: a fitted :class:`analysis.FrameClassifier`
        or its file (default the shipped one). Without ``codebook``, the sheet
        has the model's frames; with it, the two must have the same frames.
    exclude : DataFrame, optional
        Sentences (doc_id, sent_id) never to draw, e.g. those already coded;
        the probabilities are then those among the others (to estimate over
        all sentences, code the excluded ones too and give them probability 1).
    codebook, actors, cues : Codebook, Actors, Cues, path or mapping, optional
        The frames (a column each), the actor ids coders may use, and the
        cues whose kinds and polarities they code; default the shipped ones.
    overwrite : bool
        Replace an existing file at ``path`` (or its instructions); by default
        neither is ever replaced.
    context : DataFrame, optional
        The full segmentation of the documents (``analysis.sentences(corpus)``)
        that ``previous`` and ``next`` are taken from. Without it they are
        taken from ``sentences``, which must then hold every sentence of its
        documents (sent_id 0, 1, 2... in each): pass ``context=`` when you
        draw from some of the sentences (a stratum, those of some length), so
        that a sentence's context is its document's, not a sentence from
        elsewhere. (A table cut only at the end of its documents cannot be
        told from a whole one: the last sentence kept gets no ``next``.)

    Returns
    -------
    DataFrame
        The drawn sentences in document order, one row each: doc_id, sent_id,
        previous, sentence, next (``previous`` and ``next`` are the sentences
        before and after it in its document, by sent_id, context only; "" at
        its ends), then one column per frame, actor, kind, polarity, coder and
        notes, all blank (""), and coding_probability (each sentence's
        probability of having been drawn; coders leave it as it is).

    Raises
    ------
    FileExistsError
        If ``path`` or its instructions exist and ``overwrite`` is false.
    AnalysisError
        If a frame id clashes with the sheet's own columns, ``strategy`` or
        ``allocation`` is unknown, ``n`` or ``floor`` is out of range, ``model`` and ``codebook`` have
        different frames (:class:`analysis.ModelError`), ``sentences``,
        ``context`` or ``exclude`` lacks a column (:class:`analysis.TableError`),
        ``sentences`` lacks some sentences of its documents and no ``context``
        is given, or a drawn sentence is not in ``context`` with the same text.

    Examples
    --------
    >>> import analysis
    >>> sents = analysis.sentences(analysis.load_corpus())
    >>> sheet = coding_sheet(sents, n=10, codebook={"crime": ["crime*"]})
    >>> list(sheet.columns)[5:]
    ['crime', 'actor', 'kind', 'polarity', 'coder', 'notes', 'coding_probability']
    >>> len(sheet), bool((sheet["coding_probability"] == 10 / len(sents)).all())
    (10, True)
    """
    require_columns(sentences, ["doc_id", "sent_id", "text"], "coding_sheet",
                    hint="Pass the table of analysis.sentences().")
    if strategy == "uncertain":
        model = frame_classifier(model, codebook=codebook)
        codebook = model.codebook_ if codebook is None else codebook
    book = Codebook.load(codebook)
    frames = book.frame_ids
    actor_ids = coding_actor_ids(actors)
    clash = set(frames) & set(CONTEXT_COLUMNS + list(ATTRIBUTION_FIELDS) + ["coder", "notes", PROBABILITY_COLUMN, STAMP])
    if clash:
        raise AnalysisError(f"Frame ids {sorted(clash)} clash with the sheet's own columns; rename them in the codebook.")
    if path is not None and not overwrite:
        for file in (Path(path), instructions_path(path)):
            if file.exists():
                raise FileExistsError(f"{file} exists and may hold coding or its instructions; pick another path or "
                                      "pass overwrite=True.")
    check_option("strategy", strategy, ("random", "uncertain"), where="coding_sheet")
    texts = _document_sentences(sentences if context is None else context, "sentences" if context is None else "context")
    ordered = sentences.sort_values(["doc_id", "sent_id"]).reset_index(drop=True)
    if exclude is not None:
        require_columns(exclude, ["doc_id", "sent_id"], "coding_sheet", hint="exclude= lists sentences already coded.")
        done = set(zip(exclude["doc_id"].astype(str), exclude["sent_id"].astype(int)))
        ordered = ordered[[(str(d), int(i)) not in done for d, i in zip(ordered["doc_id"], ordered["sent_id"])]]
    if n is None:
        rows = ordered.assign(**{PROBABILITY_COLUMN: 1.0})
    elif strategy == "uncertain":
        probability = model.predict_proba(ordered["text"].tolist())
        scored = ordered.assign(**{f"{frame}_probability": probability[:, j] for j, frame in enumerate(model.frames_)})
        rows = coding_sample(scored, n, strategy="uncertain", frames=model.frames_, floor=floor,
                             random_state=random_state)
    else:
        rows = coding_sample(ordered, n, strategy="random" if stratify_by is None else "stratified", by=stratify_by,
                             allocation=allocation, random_state=random_state)
    sheet = _with_context(rows, texts)
    for col in frames + list(ATTRIBUTION_FIELDS) + ["coder", "notes"]:
        sheet[col] = ""
    sheet[PROBABILITY_COLUMN] = rows[PROBABILITY_COLUMN].to_numpy()
    sheet = sheet.reset_index(drop=True)
    if path is not None:
        version = resource_versions(codebook=codebook, actors=actors, cues=cues)
        write_atomic(instructions_path(path), lambda tmp: tmp.write_text(
            sheet_instructions(Path(path).name, version, book, actor_ids), encoding="utf-8"))
        write_atomic(Path(path), lambda tmp: write_sheet(tmp, sheet, version))
    return sheet


def _document_sentences(table: pd.DataFrame, name: str) -> dict[tuple[str, int], str]:
    """``(doc_id, sent_id) -> text`` of the sentences that give the context.
    ``sentences`` (name) must hold all of its documents' sentences, 0, 1, 2...;
    ``context`` must name each sentence once."""
    require_columns(table, ["doc_id", "sent_id", "text"], "coding_sheet",
                    hint=f"{name}= is the table of analysis.sentences(corpus).")
    keys = table[["doc_id", "sent_id"]].astype({"doc_id": str, "sent_id": int})
    repeated = keys[keys.duplicated()]
    if len(repeated):
        doc, sent = repeated.iloc[0]
        raise AnalysisError(f"coding_sheet(): {name} holds sentence {(doc, int(sent))} more than once; pass "
                            "each sentence once (analysis.sentences(corpus)).")
    if name == "sentences":
        numbers = keys.groupby("doc_id")["sent_id"].agg(sorted)
        gaps = {doc: sorted(set(range(ids[-1] + 1)) - set(ids)) for doc, ids in numbers.items()
                if ids != list(range(len(ids)))}
        if gaps:
            doc, missing = next(iter(gaps.items()))
            raise AnalysisError(
                f"coding_sheet(): sentences holds only some sentences of {len(gaps)} document(s) (e.g. {doc!r} lacks "
                f"sent_id {', '.join(map(str, missing[:5]))}{'...' if len(missing) > 5 else ''}), so the sentences "
                "around a drawn one would not be its document's. Pass context=analysis.sentences(corpus), the full "
                "segmentation, to take previous and next from the documents.")
    return dict(zip(zip(keys["doc_id"], keys["sent_id"]), table["text"]))


def _with_context(rows: pd.DataFrame, texts: dict[tuple[str, int], str]) -> pd.DataFrame:
    """doc_id, sent_id, previous, sentence, next of the drawn ``rows``: the
    sentences before and after each in its document ("" at its ends)."""
    keys = list(zip(rows["doc_id"].astype(str), rows["sent_id"].astype(int)))
    for key, text in zip(keys, rows["text"]):
        if texts.get(key) != text:
            found = "is not in it" if key not in texts else f"has another text there: {texts[key]!r}"
            raise AnalysisError(f"coding_sheet(): sentence {key} ({text!r}) {found}; pass as context= the "
                                "segmentation the sentences come from (analysis.sentences(corpus)).")
    return pd.DataFrame({"doc_id": rows["doc_id"].to_numpy(), "sent_id": rows["sent_id"].to_numpy(),
                         "previous": [texts.get((d, i - 1), "") for d, i in keys], "sentence": rows["text"].to_numpy(),
                         "next": [texts.get((d, i + 1), "") for d, i in keys]})


def coding_sample(units: pd.DataFrame, n: int, *, strategy: str = "random", by=None,
                  allocation: str = "proportional", frames=None, floor: float = 0.25, exclude=None,
                  random_state=0) -> pd.DataFrame:
    """Draw ``n`` units for hand coding with known probabilities, recorded in
    ``coding_probability`` (see the module docstring for the designs).

    Parameters
    ----------
    units : DataFrame
        One row per unit of the population (doc_id, and sent_id for
        sentences): :func:`analysis.sentences`, or :func:`analysis.frame_scores`
        for ``strategy="uncertain"``, which reads the ``<frame>_probability`` columns.
    n : int
        Units to draw, from 1 to the number of units not excluded.
    strategy : {"random", "stratified", "uncertain"}
    by : str or list of str, optional
        For "stratified": the column(s) whose values are the strata.
    allocation : {"proportional", "equal"}
        For "stratified": shares of ``n`` proportional to the strata's sizes
        (every unit ``pi = n / N``), or the same number from each stratum
        (all of a stratum smaller than its share, the rest spread over the others).
    frames : list of str, optional
        For "uncertain": the frames whose probabilities define the
        uncertainty; default every ``<frame>_probability`` column.
    floor : float
        For "uncertain": the share of the design that is a simple random
        sample, in (0, 1]; every unit's ``pi`` is at least ``floor * n / N``
        (1 gives a simple random sample).
    exclude : DataFrame, optional
        Units (doc_id, sent_id) not to draw, such as those coded before. The
        probabilities are then those of the units not excluded; to estimate
        over all units, add the excluded ones to the coding with
        ``coding_probability`` 1 (they are known for certain).
    random_state : int, numpy Generator or None
        The seed (``numpy.random.default_rng``).

    Returns
    -------
    DataFrame
        The drawn rows of ``units`` in their order and with their index, and
        ``coding_probability``.

    Raises
    ------
    TableError
        A missing column (keys, ``by``, the probability columns), or
        probabilities that are not numbers in [0, 1].
    AnalysisError
        An unknown strategy or allocation; ``n`` out of range; a floor
        outside (0, 1]; equal allocation with fewer units than strata.

    Examples
    --------
    Sizes sqrt(p (1 - p)): 0.5, 0.5, 0.3, 0.3 and four 0 (sum 1.6); in
    proportion to size, 2 * 0.5 / 1.6 = 0.625 and 0.375; with half the design
    simple random (2 / 8 = 0.25): 0.4375, 0.3125, and 0.125 for the units the machine is sure of:

    >>> units = pd.DataFrame({"doc_id": list("abcdefgh"), "aid_probability": [0.5, 0.5, 0.1, 0.1, 0, 0, 0, 0]})
    >>> coding_sample(units, 2, strategy="uncertain", floor=0.5)[["doc_id", "coding_probability"]].values.tolist()
    [['b', 0.4375], ['g', 0.125]]
    """
    require_columns(units, ["doc_id"], "coding_sample", hint="units= is the table of every unit (sentences()).")
    check_option("strategy", strategy, STRATEGIES, where="coding_sample")
    check_option("allocation", allocation, ALLOCATIONS, where="coding_sample")
    pool = units if exclude is None else units[~_excluded(units, exclude)]
    size = len(pool)
    check_interval("n", n, 1, size, integer=True, where="coding_sample", why=f"the {size} units not excluded")
    rng = np.random.default_rng(random_state)
    if strategy == "random":
        chosen = rng.choice(size, n, replace=False)
        probability = np.full(size, n / size)
    elif strategy == "stratified":
        if by is None:
            raise AnalysisError("coding_sample(): strategy='stratified' needs by= (the column(s) of the strata).")
        by = [by] if isinstance(by, str) else list(by)
        require_columns(pool, by, "coding_sample")
        strata = pool.groupby(by, sort=True, dropna=False).ngroup().to_numpy()
        if allocation == "proportional":
            probability = np.full(size, n / size)
            order = np.lexsort((rng.permutation(size), strata))
            chosen = order[systematic_sample(probability[order], rng)]
        else:
            chosen, probability = _equal_allocation(strata, n, rng)
    else:
        check_interval("floor", floor, 0, 1, closed="right", where="coding_sample",
                       why="the share of the design that is simple random")
        uncertainty = _uncertainty(pool, frames)
        probability = (1 - floor) * inclusion_probabilities(uncertainty, n) + floor * n / size
        order = rng.permutation(size)
        chosen = order[systematic_sample(probability[order], rng)]
    chosen = np.sort(chosen)
    return pool.iloc[chosen].assign(coding_probability=probability[chosen])


def inclusion_probabilities(size, n: int) -> np.ndarray:
    """Probabilities proportional to ``size`` that sum to ``n``, none above 1:
    units whose share would pass 1 are taken for certain and the rest of ``n``
    is shared among the others in proportion to their sizes (equally where
    their sizes are all 0).

    Parameters
    ----------
    size : array of float
        Non-negative sizes.
    n : int
        The sample size, at most the number of units.

    Returns
    -------
    ndarray

    Examples
    --------
    >>> inclusion_probabilities([8.0, 1.0, 1.0, 0.0], 2).tolist()
    [1.0, 0.5, 0.5, 0.0]
    """
    size = np.asarray(size, dtype=float)
    probability = np.zeros(len(size))
    certain = np.zeros(len(size), dtype=bool)
    while True:
        rest = n - certain.sum()
        total = size[~certain].sum()
        probability[~certain] = size[~certain] * rest / total if total > 0 else rest / (~certain).sum()
        probability[certain] = 1.0
        over = ~certain & (probability >= 1)
        if not over.any():
            return probability
        certain |= over


def systematic_sample(probability, rng: np.random.Generator) -> np.ndarray:
    """Positions drawn by systematic sampling in the given order: units are laid
    end to end on a line, each as long as its probability, and the units under
    the points ``u, u + 1, u + 2, ...`` (``u`` uniform in [0, 1)) are drawn.
    Each unit is drawn with exactly its probability, and ``sum(probability)``
    units in all (certain units, probability 1, always).

    Parameters
    ----------
    probability : array of float
        In [0, 1], summing to a whole number.
    rng : numpy Generator

    Returns
    -------
    ndarray of int
        Positions, sorted.

    Examples
    --------
    >>> systematic_sample([1.0, 0.5, 0.5, 0.0], np.random.default_rng(0)).tolist()
    [0, 2]
    """
    probability = np.asarray(probability, dtype=float)
    certain = probability >= 1 - 1e-12
    rest = np.flatnonzero(~certain)
    k = int(round(probability[rest].sum()))
    chosen = np.flatnonzero(certain)
    if k:
        ends = np.cumsum(probability[rest])
        ends *= k / ends[-1]
        points = rng.uniform() + np.arange(k)
        picked = np.minimum(np.searchsorted(ends, points, side="right"), len(rest) - 1)
        chosen = np.concatenate([chosen, rest[picked]])
    return np.sort(chosen)


def _equal_allocation(strata: np.ndarray, n: int, rng: np.random.Generator):
    sizes = np.bincount(strata)
    if n < len(sizes):
        raise AnalysisError(f"coding_sample(): equal allocation over {len(sizes)} strata needs n of at least "
                            f"{len(sizes)}; got {n}.")
    take = np.zeros(len(sizes), dtype=int)
    open_ = np.ones(len(sizes), dtype=bool)
    while n - take.sum() > 0:
        share = (n - take.sum()) // open_.sum()
        extra = (n - take.sum()) % open_.sum()
        room = sizes - take
        step = np.where(open_, share, 0)
        step[np.flatnonzero(open_)[:extra]] += 1
        take += np.minimum(step, room)
        open_ = take < sizes
    probability = (take / sizes)[strata]
    chosen = np.concatenate([rng.choice(np.flatnonzero(strata == h), take[h], replace=False)
                             for h in range(len(sizes))])
    return chosen, probability


def _uncertainty(pool: pd.DataFrame, frames) -> np.ndarray:
    columns = ([c for c in pool.columns if str(c).endswith("_probability")] if frames is None
               else [f"{f}_probability" for f in ([frames] if isinstance(frames, str) else frames)])
    if not columns:
        raise TableError("coding_sample(): strategy='uncertain' needs the machine's <frame>_probability columns "
                         "(frame_scores() of the units, or cross_fit()); units has none.")
    require_columns(pool, columns, "coding_sample", hint="strategy='uncertain' reads <frame>_probability columns.")
    p = pool[columns].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    bad = ~((p >= 0) & (p <= 1))
    if bad.any():
        row, col = np.argwhere(bad)[0]
        raise TableError(f"coding_sample(): column {columns[col]!r} holds {plain(pool[columns[col]].iloc[row])!r} in row "
                         f"{plain(pool.index[row])!r}; a probability must be a number from 0 to 1.")
    return np.sqrt((p * (1 - p)).mean(axis=1))


def _excluded(units: pd.DataFrame, exclude: pd.DataFrame) -> np.ndarray:
    keys = ["doc_id", "sent_id"] if "sent_id" in units.columns else ["doc_id"]
    require_columns(exclude, keys, "coding_sample", hint="exclude= lists units (e.g. those coded before).")
    index = pd.MultiIndex.from_frame(units[keys].astype({"doc_id": str}))
    return index.isin(pd.MultiIndex.from_frame(exclude[keys].astype({"doc_id": str})))


def uncertainty_order(classifier, texts: list[str], rng: np.random.Generator) -> np.ndarray:
    """Positions of ``texts``, least certain first: by the smallest distance
    between a frame's probability and its threshold, ties in ``rng``'s order.

    >>> from analysis import FrameClassifier
    >>> uncertainty_order(FrameClassifier.load(), ["The match ended 2-1.", "Border talks resumed."],
    ...                   np.random.default_rng(0)).tolist()
    [1, 0]
    """
    margin = np.abs(classifier.predict_proba(texts) - classifier.threshold_).min(axis=1)
    return np.lexsort((rng.permutation(len(texts)), margin))
