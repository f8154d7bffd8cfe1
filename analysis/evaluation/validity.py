"""The machine against hand coding: frames and responsibility attributions.

* ``frame_validity(sentences, coding)``: precision, recall, F1 per frame;
* ``attribution_sets(attributions, units)``: per sentence, the sets of actors,
  kinds, polarities and whole attributions, for :func:`precision_recall_f1`;
* ``attributions_agreement(attributions, coding)``: precision, recall, F1 of
  (actor, kind, polarity) triples and the accuracy of their speakers.

>>> import pandas as pd
>>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["Aid."]})
>>> frame_validity(s, pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "humanitarian": [1]}))["f1"].tolist()
[1.0]
"""

from __future__ import annotations

import warnings

import pandas as pd

from ..errors import TableError, require_columns
from ..measures.attribution import NO_ACTOR
from ..measures.classifier import frame_classifier
from ..measures.frames import frame_scores, resolve_method
from ..resources.codebook import Codebook
from .agreement import precision_recall_f1
from .sheets import ATTRIBUTION_FIELDS


def frame_validity(sentences: pd.DataFrame, coding: pd.DataFrame, *, codebook=None, method: str = "auto", model=None,
                   n_boot: int = 0, random_state: int | None = 0, level: float = 0.95) -> pd.DataFrame:
    """Precision, recall and F1 per frame of the codebook against hand coding
    with one 0/1 column per frame id, matched on doc_id and sent_id. The
    machine gives a sentence a frame as :func:`analysis.frame_scores` does
    with ``method`` (the dictionary: at least one hit).

    Scores of a classifier on sentences it was fitted on are in-sample, and
    optimistic: the column ``in_training`` says how many of the coded
    sentences the classifier was fitted on (from the digests of its training
    texts, :meth:`analysis.FrameClassifier.trained_on`), and a warning says so
    when any is. The dictionary keeps no record of the sentences it was tuned
    on: for it, ``in_training`` is missing, and it is for you to say whether
    the coded sentences were used in tuning.

    Parameters
    ----------
    sentences : DataFrame
        The sentences for the machine to code: doc_id, sent_id and text (e.g.
        :func:`analysis.sentences`), each once; every coded sentence must be
        among them.
    coding : DataFrame
        The hand coding: doc_id, sent_id and a 0/1 column per frame id, one row
        per sentence (e.g. :func:`analysis.read_frame_coding`). Frames without
        a column are left out.
    codebook : Codebook, path or mapping, optional
        The frames (default the shipped codebook).
    method : {"auto", "classifier", "dictionary"}
        How the machine codes, as in :func:`analysis.frame_scores`.
    model : FrameClassifier or path, optional
        The classifier for ``method="classifier"`` (or "auto"), as in
        :func:`analysis.frame_scores`.
    n_boot : int
        Bootstrap replicates over the sentences; 0 (the default) for no
        intervals.
    random_state : int, optional
        The seed of the bootstrap.
    level : float
        The confidence level of the intervals.

    Returns
    -------
    DataFrame
        One row per frame of the codebook that the coding has (in codebook
        order), with the columns of :func:`analysis.precision_recall_f1`, then
        ``in_training``: how many of the coded sentences the classifier was
        fitted on (missing for the dictionary, or a model file that does not
        record its training texts).

    Warns
    -----
    UserWarning
        If the classifier was fitted on any of the coded sentences.

    Raises
    ------
    TableError
        If a table lacks doc_id or sent_id (``sentences`` also text),
        ``coding`` has none of the codebook's frame columns, a sentence is
        listed twice in either table, or a coded one is missing from
        ``sentences``.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "text": ["Aid.", "Relief."]})
    >>> coding = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "humanitarian": [1, 0]})
    >>> frame_validity(s, coding, method="dictionary")[["column", "tp", "fp", "fn", "precision"]].values.tolist()
    [['humanitarian', 1, 1, 0, 0.5]]
    >>> frame_validity(s, coding)["in_training"].tolist()      # the shipped classifier was not fitted on these
    [0]
    """
    cb = Codebook.load(codebook)
    frames = [f for f in cb.frame_ids if f in coding.columns]
    if not frames:
        raise TableError(f"frame_validity(): the coding has none of the frame columns {cb.frame_ids}.")
    keys = ["doc_id", "sent_id"]
    require_columns(sentences, [*keys, "text"], "frame_validity")
    require_columns(coding, keys, "frame_validity")
    machine = frame_scores(sentences, codebook=cb, method=method, model=model).set_index(keys)[frames].gt(0).astype(int)
    table = precision_recall_f1(machine, coding.set_index(keys)[frames], n_boot=n_boot, random_state=random_state,
                                level=level)
    table["in_training"] = pd.array([pd.NA] * len(table), dtype="Int64")
    if resolve_method(method, codebook=cb, model=model) == "classifier":
        classifier = frame_classifier(model, codebook=cb)
        coded = coding[keys].drop_duplicates().merge(sentences[[*keys, "text"]], on=keys)
        seen = classifier.trained_on(coded["text"])
        if seen is not None:
            n = int(seen.sum())
            table["in_training"] = n
            if n:
                warnings.warn(f"frame_validity(): {n} of the {len(coded)} coded sentences {'is' if n == 1 else 'are'} "
                              f"among the {classifier.n_training_:,} the classifier was fitted on, so its scores on "
                              "them are in-sample and optimistic (column in_training). Score it on sentences it was "
                              "not fitted on, or fit a model without them.", stacklevel=2)
    return table


def attribution_sets(attributions: pd.DataFrame, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per sentence, the sets of actors, kinds, polarities and whole
    attributions ("actor/kind/polarity") of an attribution table, ready for
    ``precision_recall_f1``.

    Parameters
    ----------
    attributions : DataFrame
        A table with doc_id, sent_id, actor, kind, polarity: one row per
        attribution (:func:`analysis.attributions`; blank fields for a
        sentence without one) or one row per sentence with ";"-separated
        lists, in the same order in the three fields (:func:`analysis.read_coding`).
    units : DataFrame, optional
        The sentences to return (doc_id, sent_id), by default those in
        ``attributions``: sentences without attributions get empty sets,
        attributions of other sentences are left out.

    Returns
    -------
    DataFrame
        One row per sentence, indexed by doc_id and sent_id, in the order of
        ``units`` (or of first appearance): actor, kind, polarity and
        attribution ("actor/kind/polarity"), each a frozenset.

    Raises
    ------
    TableError
        If a column is missing, or a row's actor, kind and polarity do not
        list as many items each.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 0], "actor": ["libya", "un"],
    ...                   "kind": ["causal", "treatment"], "polarity": ["deny", "assign"]})
    >>> sorted(attribution_sets(t).loc[("d", 0), "attribution"])
    ['libya/causal/deny', 'un/treatment/assign']
    """
    require_columns(attributions, ["doc_id", "sent_id", *ATTRIBUTION_FIELDS], "attribution_sets")
    found: dict[tuple, list[tuple]] = {}
    for i, rec in enumerate(attributions[["doc_id", "sent_id", *ATTRIBUTION_FIELDS]].itertuples(index=False)):
        parts = [[p.strip() for p in v.split(";") if p.strip()] if isinstance(v, str) else [] for v in rec[2:]]
        if len({len(p) for p in parts}) > 1:
            raise TableError(f"Row {i} ({rec.doc_id}, {rec.sent_id}): actor, kind and polarity must all be given "
                             f"(or all be blank), with as many items each; got {rec[2:]}.")
        found.setdefault((rec.doc_id, int(rec.sent_id)), []).extend(zip(*parts))
    keys = list(found) if units is None else list(zip(units["doc_id"], units["sent_id"].astype(int)))
    rows = [[frozenset(t[j] for t in found.get(key, [])) for j in range(3)]
            + [frozenset("/".join(t) for t in found.get(key, []))] for key in keys]
    index = pd.MultiIndex.from_tuples(keys, names=["doc_id", "sent_id"])
    return pd.DataFrame(rows, index=index, columns=[*ATTRIBUTION_FIELDS, "attribution"])


def attributions_agreement(attributions: pd.DataFrame, coding: pd.DataFrame, *, n_boot: int = 0,
                           random_state: int | None = 0, level: float = 0.95) -> pd.DataFrame:
    """Machine against hand coding, per sentence: precision, recall and F1 of
    the set of (actor, kind, polarity) triples (:func:`precision_recall_f1` of
    the ``attribution`` sets of :func:`attribution_sets`, over the sentences
    of either table), and the share of matched triples whose speaker agrees.

    Parameters
    ----------
    attributions : DataFrame
        The machine's attributions (:func:`analysis.attributions`): doc_id,
        sent_id, speaker_actor, actor, kind, polarity, one row per
        attribution. ``speaker_actor`` is an actor id,
        :data:`~analysis.OUTLET_VOICE`, or ``"(no actor)"``, which a blank one
        means.
    coding : DataFrame
        The hand coding, with the same columns, one row per attribution (rows
        with an empty actor are sentences without an attribution), as
        ``data/coding/news_attribution_test.csv``; a row may also list several
        ("libya; un" with as many kinds and polarities), all said by its
        speaker. A sentence that only one of
        the two tables has counts as one without attributions in the other.
    n_boot : int
        Bootstrap replicates over the sentences for an interval of F1; 0 (the
        default) for none.
    random_state : int, optional
        The seed of the bootstrap.
    level : float
        The confidence level of the interval.

    Returns
    -------
    DataFrame
        One row: machine and coder (their numbers of triples, each counted
        once per sentence), tp, fp, fn, precision, recall, f1,
        speaker_accuracy (NaN when no triple matched) and, with ``n_boot``,
        f1_low and f1_high.

    Raises
    ------
    TableError
        If either table lacks a column, or a row's actor, kind and polarity do
        not list as many items each.

    Examples
    --------
    >>> m = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "speaker_actor": ["libya"], "actor": ["libya"],
    ...                   "kind": ["causal"], "polarity": ["deny"]})
    >>> c = pd.concat([m, m.assign(actor="migrants", polarity="assign")])
    >>> attributions_agreement(m, c).loc[0, ["precision", "recall", "speaker_accuracy"]].tolist()
    [1.0, 0.5, 1.0]
    """
    keys = ["doc_id", "sent_id", "speaker_actor", *ATTRIBUTION_FIELDS]
    for table in (attributions, coding):
        require_columns(table, keys, "attributions_agreement")
    machine, coder = (_attribution_rows(table[keys]) for table in (attributions, coding))
    units = pd.concat([coder, machine])[["doc_id", "sent_id"]].drop_duplicates()
    found = [table[table["actor"] != ""] for table in (machine, coder)]
    scores = precision_recall_f1(*(attribution_sets(t, units)[["attribution"]] for t in found),
                                 n_boot=n_boot, random_state=random_state, level=level).iloc[0]
    speakers = [t.groupby(["doc_id", "sent_id", *ATTRIBUTION_FIELDS])["speaker_actor"].agg(set) for t in found]
    matched = speakers[0].index.intersection(speakers[1].index)
    agree = sum(bool(speakers[0][k] & speakers[1][k]) for k in matched)
    row = {"machine": int(scores["machine_labels"]), "coder": int(scores["coder_labels"]),
           **{k: int(scores[k]) for k in ("tp", "fp", "fn")}, **{k: scores[k] for k in ("precision", "recall", "f1")},
           "speaker_accuracy": agree / len(matched) if len(matched) else float("nan")}
    if n_boot:
        row.update(f1_low=scores["f1_low"], f1_high=scores["f1_high"])
    return pd.DataFrame([row])


def _attribution_rows(table: pd.DataFrame) -> pd.DataFrame:
    """One row per attribution, as text: ";"-lists of actor, kind and polarity
    (the form :func:`analysis.read_coding` also reads) split into rows that
    share the row's speaker, sent_id whole, a blank speaker_actor as NO_ACTOR."""
    rows = table.fillna("").astype({"sent_id": "int64"})
    rows[[*ATTRIBUTION_FIELDS, "speaker_actor"]] = rows[[*ATTRIBUTION_FIELDS, "speaker_actor"]].astype(str)
    split = {field: [[p.strip() for p in value.split(";") if p.strip()] or [""] for value in rows[field]]
             for field in ATTRIBUTION_FIELDS}
    for i, lists in enumerate(zip(*split.values())):
        if len({len(items) for items in lists}) > 1:
            raise TableError(f"Row {i} ({rows['doc_id'].iloc[i]}, {rows['sent_id'].iloc[i]}): actor, kind and "
                             "polarity must all be given (or all be blank), with as many items each; got "
                             f"{tuple(rows[field].iloc[i] for field in ATTRIBUTION_FIELDS)}.")
    rows = rows.assign(**split).explode(list(ATTRIBUTION_FIELDS), ignore_index=True)
    return rows.assign(speaker_actor=rows["speaker_actor"].replace("", NO_ACTOR))
