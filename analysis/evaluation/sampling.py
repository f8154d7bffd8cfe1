"""Drawing sentences for hand coding: a coding sheet of a stratified random
sample, or of the sentences a frame classifier is least sure about.

* :func:`coding_sheet` draws the sample and writes it as a CSV for coders
  (the sheet's format, and reading it back, are :mod:`analysis.evaluation.sheets`);
* ``sample_stratified`` and ``sample_uncertain`` are the two ways of drawing.

>>> import analysis
>>> sheet = coding_sheet(analysis.sentences(analysis.load_corpus()), n=5)
>>> list(sheet.columns[:5])
['doc_id', 'sent_id', 'previous', 'sentence', 'next']
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .._output import write_atomic
from .._validation import check_interval, check_option
from ..errors import AnalysisError, require_columns
from ..measures.classifier import frame_classifier
from ..resources.codebook import Codebook
from .sheets import (ATTRIBUTION_FIELDS, CONTEXT_COLUMNS, STAMP, coding_actor_ids, instructions_path, resource_versions,
                     sheet_instructions, write_sheet)


def coding_sheet(sentences: pd.DataFrame, n: int | None = None, stratify_by: str | list[str] | None = "doc_id",
                 random_state: int | None = 0, path: str | Path | None = None, *, strategy: str = "random",
                 model=None, exclude: pd.DataFrame | None = None, codebook=None, actors=None, cues=None,
                 overwrite: bool = False, context: pd.DataFrame | None = None) -> pd.DataFrame:
    """A sheet for hand coding: a sample of sentences with their context, one
    blank column per frame and the attribution fields.

    Parameters
    ----------
    sentences : DataFrame
        The sentences to draw from: ``analysis.sentences(corpus)`` (doc_id,
        sent_id, text), or some of its rows, with ``context=``.
    n : int, optional
        Sentences to sample, from 1 to the number not excluded; all of them
        if None.
    stratify_by : str or list of str or None
        Column(s) of ``sentences`` defining the strata of ``strategy="random"``
        (default: documents; None: one stratum).
    random_state : int, optional
        The seed of the random sample, or of the order of ties for
        ``strategy="uncertain"``.
    path : str or Path, optional
        If given, the sheet is also written there as CSV (UTF-8; the column
        names on its first line, no comment lines), with a last column
        ``codebook_version`` that stamps every row with the versions of the
        resources used (:func:`resource_versions`), and beside it
        ``<name>.instructions.txt``, which tells coders how to code.
    strategy : {"random", "uncertain"}
        "random" (the default): a stratified random sample. Strata get shares
        of ``n`` proportional to their size (largest remainders round, ties to
        the first stratum); units are drawn without replacement within each
        stratum. "uncertain": the ``n`` sentences the frame classifier
        ``model`` is least sure about: those whose probability for some frame
        is closest to that frame's threshold (uncertainty sampling; ties in a
        random order drawn with ``random_state``); what each coded sentence
        then teaches the model is most.
    model : FrameClassifier or path, optional
        For ``strategy="uncertain"``: a fitted :class:`analysis.FrameClassifier`
        or its file (default the shipped one). Without ``codebook``, the sheet
        has the model's frames; with it, the two must have the same frames.
    exclude : DataFrame, optional
        Sentences (doc_id, sent_id) never to draw, e.g. those already coded.
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
        notes, all blank ("").

    Raises
    ------
    FileExistsError
        If ``path`` or its instructions exist and ``overwrite`` is false.
    AnalysisError
        If a frame id clashes with the sheet's own columns, ``strategy`` is
        unknown, ``n`` is out of range, ``model`` and ``codebook`` have
        different frames (:class:`analysis.ModelError`), ``sentences``,
        ``context`` or ``exclude`` lacks a column (:class:`analysis.TableError`),
        ``sentences`` lacks some sentences of its documents and no ``context``
        is given, or a drawn sentence is not in ``context`` with the same text.

    Examples
    --------
    >>> import analysis
    >>> sents = analysis.sentences(analysis.load_corpus())
    >>> sheet = coding_sheet(sents, n=10, codebook={"crime": ["crime*"]})
    >>> list(sheet.columns)
    ['doc_id', 'sent_id', 'previous', 'sentence', 'next', 'crime', 'actor', 'kind', 'polarity', 'coder', 'notes']
    >>> len(sheet), sheet.groupby("doc_id").size().tolist()
    (10, [2, 2, 2, 2, 2])
    """
    require_columns(sentences, ["doc_id", "sent_id", "text"], "coding_sheet",
                    hint="Pass the table of analysis.sentences().")
    if strategy == "uncertain":
        model = frame_classifier(model, codebook=codebook)
        codebook = model.codebook_ if codebook is None else codebook
    book = Codebook.load(codebook)
    frames = book.frame_ids
    actor_ids = coding_actor_ids(actors)
    clash = set(frames) & set(CONTEXT_COLUMNS + list(ATTRIBUTION_FIELDS) + ["coder", "notes", STAMP])
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
    if strategy == "uncertain":
        rows = ordered.loc[sample_uncertain(ordered, n, model=model, codebook=codebook, random_state=random_state)]
    else:
        rows = ordered.loc[sample_stratified(ordered, n, stratify_by, random_state)]
    sheet = _with_context(rows, texts)
    for col in frames + list(ATTRIBUTION_FIELDS) + ["coder", "notes"]:
        sheet[col] = ""
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


def sample_uncertain(table: pd.DataFrame, n: int | None, *, model=None, codebook=None,
                     random_state: int | None = 0) -> pd.Index:
    """Index labels of the ``n`` rows whose ``text`` the frame classifier is
    least sure about (the smallest distance between a frame's probability and
    its threshold, over the frames), in the table's order.

    >>> t = pd.DataFrame({"text": ["Migrants drowned at sea.", "The match ended 2-1.", "Border talks resumed."]})
    >>> len(sample_uncertain(t, 2))
    2
    """
    if n is None:
        return table.index
    check_interval("n", n, 1, len(table), integer=True, where="sample_uncertain", why="at most the number of rows")
    classifier = frame_classifier(model, codebook=codebook)
    chosen = uncertainty_order(classifier, table["text"].tolist(), np.random.default_rng(random_state))[:n]
    return table.index[np.sort(chosen)]


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


def sample_stratified(table: pd.DataFrame, n: int | None, stratify_by: str | list[str] | None,
                      random_state: int | None = 0) -> pd.Index:
    """Index labels of a stratified random sample of ``n`` rows (proportional
    allocation, largest remainders), in the table's order.

    >>> t = pd.DataFrame({"g": ["a"] * 6 + ["b"] * 3})
    >>> t.loc[sample_stratified(t, 3, "g")]["g"].tolist()
    ['a', 'a', 'b']
    """
    if n is None:
        return table.index
    check_interval("n", n, 1, len(table), integer=True, where="sample_stratified", why="at most the number of rows")
    rng = np.random.default_rng(random_state)
    groups = [table.index] if stratify_by is None else [g.index for _, g in table.groupby(stratify_by, sort=True)]
    sizes = np.array([len(g) for g in groups])
    quota = sizes * n / sizes.sum()
    take = np.floor(quota).astype(int)
    for i in np.argsort(-(quota - take), kind="stable")[: n - take.sum()]:
        take[i] += 1
    chosen = [label for g, k in zip(groups, take) for label in rng.choice(np.asarray(g), size=k, replace=False)]
    return table.index[table.index.isin(chosen)]
