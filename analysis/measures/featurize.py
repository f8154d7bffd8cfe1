"""Featurize a corpus of any size in one call: sentences with frame counts,
naming and the number of attributions, plus the attributions themselves.

* A corpus table (``analysis.load_corpus``) is processed in chunks of
  ``chunksize`` documents, with a progress bar.
* A path to a ``.csv``, ``.tsv``, ``.jsonl``/``.ndjson`` or ``.parquet`` file is
  streamed (:mod:`analysis.corpus.stream`), so memory holds one chunk of input
  at a time. Other paths (a folder of ``.txt`` files, a ``.zip``) are loaded
  whole with :func:`analysis.load_corpus`.
  :func:`featurize_to_parquet` writes the tables chunk by chunk, so not even
  the output has to fit in memory.
* A Dask DataFrame with ``doc_id`` and ``text`` (one row per document, its text
  already clean) gives two Dask DataFrames with the same columns and dtypes,
  built with ``map_partitions`` and an explicit ``meta``. Compute them together,
  ``dask.compute(sentences, attributions)``, so each partition is featurized
  once. Dask is imported only on this path.

Results do not depend on ``chunksize`` or on the partitions: each document is
featurized on its own. The resources (``codebook=``, ``actors=``, ``cues=``)
are those of :func:`analysis.frame_scores` and :func:`analysis.attributions`.

>>> import analysis
>>> sents, attrs = featurize(analysis.load_corpus(), progress=False)
>>> list(sents.columns[:6]), list(sents.columns[-2:])
(['doc_id', 'sent_id', 'par_id', 'start', 'end', 'text'], ['naming', 'n_attributions'])
>>> int(sents["n_attributions"].sum()) == len(attrs)
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from .._output import progress_enabled
from ..corpus.stream import CHUNKSIZE, corpus_chunks, require_texts
from ..errors import TableError, require_columns
from ..resources.codebook import Codebook
from ..text.segment import sentences
from .attribution import COLUMNS as ATTRIBUTION_COLUMNS
from .attribution import attributions
from .frames import frame_scores, resolve_method
from .naming import migrant_naming

_INTS = {"sent_id", "par_id", "start", "end", "n_attributions"}
READ_OPTIONS = ("text_col", "id_col", "clean", "cleaning", "on_error", "encoding")


def featurize(corpus, *, codebook=None, actors=None, cues=None, segmentation=None, method: str = "auto",
              model=None, chunksize: int = CHUNKSIZE, progress: bool = True,
              text_col: str = "text", id_col: str | None = "doc_id", clean: bool = True, cleaning=None,
              on_error: str = "raise", encoding: str = "utf-8"):
    """Sentences with features, and attributions, of a corpus table, a file, or a Dask DataFrame.

    Parameters
    ----------
    corpus : DataFrame, path, or dask DataFrame
        A corpus table (``doc_id``, ``text``), a file or folder that
        :func:`analysis.load_corpus` reads (tables are streamed), or a Dask
        DataFrame with ``doc_id`` and ``text``. A text that is not a string,
        or is empty, is refused (in a Dask DataFrame, when its partition is
        computed); a doc_id repeated in two Dask partitions is not found, as
        that would mean computing them all.
    chunksize : int
        Documents per chunk (pandas path; ignored for Dask, which uses its partitions).
    progress : bool
        Show a tqdm progress bar over documents.
    codebook : Codebook, path or mapping, optional
        Frames and naming labels; default the shipped migration codebook.
    actors, cues : Actors, Cues, path or mapping, optional
        The resources of :func:`analysis.attributions`; default the shipped ones.
    segmentation : SegmentationRules, path or mapping, optional
        The abbreviations that do not end a sentence, as in :func:`analysis.sentences`.
    method, model
        How frames are measured, as in :func:`analysis.frame_scores`: "classifier"
        (0/1 from the frame classifier ``model``, and a ``<frame>_probability``
        column each), "dictionary" (hits), or "auto" (the classifier when there is
        one for the codebook).
    text_col, id_col, clean, cleaning, on_error, encoding
        How to read a file, as in :func:`analysis.load_corpus`.

    Returns
    -------
    (sentences, attributions) : two DataFrames (Dask DataFrames for Dask input)
        ``sentences``: doc_id, sent_id, par_id, start, end, text, one integer
        column per frame (0/1 from the classifier, then a ``<frame>_probability``
        column each; or the dictionary's hits: :func:`analysis.frame_scores`), naming
        (the naming labels of the sentence, :func:`analysis.migrant_naming`
        without proper names, distinct, in text order, joined by ``"; "``;
        empty if none), n_attributions. ``attributions``: the columns of
        :func:`analysis.attributions`.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Italy accused smugglers of the deaths of migrants."]})
    >>> sents, attrs = featurize(docs, progress=False)
    >>> sents[["criminality", "naming", "n_attributions"]].values.tolist()
    [[1, 'migrants', 1]]
    >>> attrs[["speaker_actor", "actor", "kind"]].values.tolist()
    [['europe', 'smugglers_traffickers', 'causal']]
    """
    method = resolve_method(method, codebook=codebook, model=model, where="featurize")
    resources = {"codebook": codebook, "actors": actors, "cues": cues, "segmentation": segmentation,
                 "method": method, "model": model}
    if _is_dask(corpus):
        return _featurize_dask(corpus, resources)
    parts = list(featurize_chunks(corpus, **resources, chunksize=chunksize, progress=progress,
                                  text_col=text_col, id_col=id_col, clean=clean, cleaning=cleaning,
                                  on_error=on_error, encoding=encoding))
    empty = empty_tables(codebook=codebook, method=method)
    return tuple(pd.concat([e] + [p[i] for p in parts], ignore_index=True).astype(e.dtypes.to_dict())
                 for i, e in enumerate(empty))


def featurize_chunks(corpus, *, codebook=None, actors=None, cues=None, segmentation=None, method: str = "auto",
                     model=None,
                     chunksize: int = CHUNKSIZE,
                     progress: bool = True, text_col: str = "text", id_col: str | None = "doc_id",
                     clean: bool = True, cleaning=None, on_error: str = "raise",
                     encoding: str = "utf-8") -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """``(sentences, attributions)`` of one chunk of ``chunksize`` documents at a
    time; the parameters are those of :func:`featurize`.

    >>> import analysis
    >>> [len(s) for s, _ in featurize_chunks(analysis.load_corpus(), chunksize=2, progress=False)]
    [22, 29, 10]
    """
    method = resolve_method(method, codebook=codebook, model=model, where="featurize")
    chunks, total = corpus_chunks(corpus, chunksize=chunksize, text_col=text_col, id_col=id_col, clean=clean,
                                  cleaning=cleaning, on_error=on_error, encoding=encoding)
    with tqdm(total=total, unit="doc", desc="featurize", disable=not progress_enabled(progress)) as bar:
        for chunk in chunks:
            yield featurize_frame(chunk, codebook=codebook, actors=actors, cues=cues, segmentation=segmentation,
                                  method=method, model=model)
            bar.update(len(chunk))


def featurize_frame(corpus: pd.DataFrame, *, codebook=None, actors=None, cues=None, segmentation=None,
                    method: str = "auto", model=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(sentences, attributions)`` of an in-memory corpus table, in one go
    (what :func:`featurize` does to each chunk).

    >>> import pandas as pd
    >>> s, a = featurize_frame(pd.DataFrame({"doc_id": ["a"], "text": ["Aid for refugees. No more."]}))
    >>> s[["sent_id", "humanitarian", "naming"]].values.tolist()
    [[0, 1, 'refugees'], [1, 0, '']]
    """
    cb = Codebook.load(codebook)
    method = resolve_method(method, codebook=cb, model=model)
    if len(corpus) == 0:
        return empty_tables(codebook=cb, method=method)
    segmented = sentences(corpus, segmentation=segmentation)
    sents = frame_scores(segmented, codebook=cb, method=method, model=model)
    naming = migrant_naming(sents[["doc_id", "sent_id", "start", "text"]], codebook=cb)
    labels: dict[tuple[str, int], list[str]] = {}
    for key, label, proper in zip(zip(naming["doc_id"].tolist(), naming["sent_id"].tolist()),
                                  naming["label"].tolist(), naming["proper_name"].tolist()):
        if not proper and label not in labels.setdefault(key, []):
            labels[key].append(label)
    attrs = attributions(corpus[["doc_id", "text"]], sentences=segmented, actors=actors, cues=cues)
    counts = Counter(zip(attrs["doc_id"].tolist(), attrs["sent_id"].tolist()))
    keys = list(zip(sents["doc_id"].tolist(), sents["sent_id"].tolist()))
    sents["naming"] = pd.Series(["; ".join(labels.get(key, ())) for key in keys], index=sents.index, dtype="str")
    sents["n_attributions"] = pd.Series([counts[key] for key in keys], index=sents.index, dtype="int64")
    sent_types, attr_types = _dtypes(tuple(cb.frame_ids), method)
    return _conform(sents, sent_types), _conform(attrs, attr_types)


def empty_tables(*, codebook=None, method: str = "auto", model=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two result tables with no rows: their columns and dtypes (Dask's ``meta``).

    >>> s, a = empty_tables()
    >>> str(s["humanitarian"].dtype), len(a.columns)
    ('int64', 13)
    """
    return tuple(pd.DataFrame({c: pd.Series([], dtype=t) for c, t in types.items()})
                 for types in _dtypes(tuple(Codebook.load(codebook).frame_ids),
                                      resolve_method(method, codebook=codebook, model=model)))


@lru_cache(maxsize=8)
def _dtypes(frame_ids: tuple[str, ...], method: str = "dictionary") -> tuple[dict[str, str], dict[str, str]]:
    """Column -> dtype of the sentences and the attributions tables."""
    probabilities = [f"{f}_probability" for f in frame_ids] if method == "classifier" else []
    sent_cols = ["doc_id", "sent_id", "par_id", "start", "end", "text", *frame_ids, *probabilities, "naming",
                 "n_attributions"]
    ints = _INTS | set(frame_ids)
    return tuple({c: "int64" if c in ints else "float64" if c in probabilities else "str" for c in cols}
                 for cols in (sent_cols, ATTRIBUTION_COLUMNS))


def _conform(table: pd.DataFrame, types: dict[str, str]) -> pd.DataFrame:
    """``table`` with exactly these columns, in this order, of these dtypes."""
    table = table[list(types)]
    wrong = {c: t for c, t in types.items() if table[c].dtype != t}
    return (table.astype(wrong) if wrong else table).reset_index(drop=True)


def featurize_to_parquet(corpus, directory: str | Path, *, codebook=None, actors=None, cues=None, segmentation=None,
                         method: str = "auto", model=None, chunksize: int = CHUNKSIZE, progress: bool = True,
                         **read) -> tuple[Path, Path]:
    """Featurize chunk by chunk into ``directory/sentences.parquet`` and
    ``directory/attributions.parquet``, holding one chunk in memory at a time.
    Refuses to overwrite either file.

    Parameters
    ----------
    corpus : DataFrame or path
        A corpus table (``doc_id``, ``text``), or a file or folder that
        :func:`analysis.load_corpus` reads (``.csv``, ``.tsv``,
        ``.jsonl``/``.ndjson`` and ``.parquet`` files are streamed). Not a Dask
        DataFrame.
    directory : str or path
        The folder to write into; made if missing.
    codebook, actors, cues, segmentation, method, model
        The resources, and how frames are measured, as in :func:`analysis.featurize`.
    chunksize : int
        Documents per chunk.
    progress : bool
        Show a tqdm progress bar over documents.
    **read
        How to read a file: text_col, id_col, clean, cleaning, on_error and
        encoding, as in :func:`analysis.featurize`.

    Returns
    -------
    tuple of two Path
        The paths of ``sentences.parquet`` and ``attributions.parquet``, which
        hold the two tables of :func:`analysis.featurize`, with their columns
        and dtypes. Both are written under a ``.partial`` suffix and renamed
        when complete; if featurizing fails, the partial files are removed.

    Raises
    ------
    FileExistsError
        If either file already exists.
    TypeError
        If an option is not one of these.
    TableError
        If ``corpus`` is a Dask DataFrame.

    Nothing is made until the options, the corpus and its first chunk are
    checked; a later chunk's error leaves the folder (but no file) behind.

    Examples
    --------
    >>> featurize_to_parquet("big.csv", "features/", progress=False)  # doctest: +SKIP
    (PosixPath('features/sentences.parquet'), PosixPath('features/attributions.parquet'))
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    unknown = sorted(set(read) - set(READ_OPTIONS))
    if unknown:
        raise TypeError(f"featurize_to_parquet() got unexpected keyword argument(s) {unknown}; its options are "
                        "codebook, actors, cues, segmentation, method, model, chunksize, progress and, to read a "
                        f"file, {', '.join(READ_OPTIONS)}.")
    if _is_dask(corpus):
        raise TableError("featurize_to_parquet() takes a corpus table or a path, not a Dask DataFrame. Use "
                         "featurize(dask_frame), which gives two Dask DataFrames, and write each with its "
                         "to_parquet(); or compute each partition and pass it here, into a directory of its own.")
    directory = Path(directory)
    paths = (directory / "sentences.parquet", directory / "attributions.parquet")
    existing = [str(p) for p in paths if p.exists()]
    if existing:
        raise FileExistsError(f"{existing} already exist; delete them or choose another directory.")
    method = resolve_method(method, codebook=codebook, model=model, where="featurize_to_parquet")
    schemas = [pa.Schema.from_pandas(e, preserve_index=False) for e in empty_tables(codebook=codebook, method=method)]
    chunks = featurize_chunks(corpus, codebook=codebook, actors=actors, cues=cues, segmentation=segmentation,
                              method=method, model=model, chunksize=chunksize, progress=progress, **read)
    first = list(islice(chunks, 1))             # reads and checks the corpus before anything is made
    directory.mkdir(parents=True, exist_ok=True)
    writers = []
    try:
        for path, schema in zip(paths, schemas):
            writers.append(pq.ParquetWriter(path.with_suffix(".parquet.partial"), schema))
        for tables in chain(first, chunks):
            for writer, table, schema in zip(writers, tables, schemas):
                writer.write_table(pa.Table.from_pandas(table, schema=schema, preserve_index=False))
    except BaseException:
        for writer in writers:
            writer.close()
        for path in paths:
            path.with_suffix(".parquet.partial").unlink(missing_ok=True)
        raise
    for writer, path in zip(writers, paths):
        writer.close()
        path.with_suffix(".parquet.partial").replace(path)
    return paths


# --------------------------------------------------------------------------- dask


def _is_dask(corpus) -> bool:
    return type(corpus).__module__.split(".")[0] == "dask"


def _featurize_dask(corpus, resources: dict):
    require_columns(corpus, ["doc_id", "text"], "featurize", hint="Pass a Dask DataFrame with doc_id and text.")
    sent_meta, attr_meta = empty_tables(codebook=resources["codebook"], method=resources["method"])
    # None stays None: each worker then uses the shipped resources as compiled
    # once in its process, with their warm caches; a user's travel with every partition.
    nested = corpus[["doc_id", "text"]].map_partitions(
        _nested_partition, resources, meta=sent_meta.assign(attributions=pd.Series([], dtype=object)))
    sents = nested.map_partitions(_sentences_part, meta=sent_meta)
    attrs = nested.map_partitions(_attributions_part, list(attr_meta.dtypes.items()), meta=attr_meta)
    return sents, attrs


def _nested_partition(part: pd.DataFrame, resources: dict) -> pd.DataFrame:
    """Sentences of one partition, each with the list of its attributions (as
    tuples), so both tables come from one pass over the partition."""
    require_texts(part, "featurize", where="a Dask partition")
    sents, attrs = featurize_frame(part.astype({"doc_id": "str", "text": "str"}), **resources)
    rest = [attrs[c].tolist() for c in attrs.columns if c not in ("doc_id", "sent_id")]
    grouped: dict[tuple[str, int], list[tuple]] = {}
    for key, row in zip(zip(attrs["doc_id"].tolist(), attrs["sent_id"].tolist()), zip(*rest)):
        grouped.setdefault(key, []).append(row)
    keys = zip(sents["doc_id"].tolist(), sents["sent_id"].tolist())
    sents["attributions"] = [grouped.get(key, ()) for key in keys]
    return sents


def _sentences_part(nested: pd.DataFrame) -> pd.DataFrame:
    return nested.drop(columns="attributions").astype({"doc_id": "str", "text": "str", "naming": "str"})


def _attributions_part(nested: pd.DataFrame, dtypes: list[tuple[str, object]]) -> pd.DataFrame:
    found = [(i, attributions) for i, attributions in enumerate(nested["attributions"].tolist()) if attributions]
    doc_ids, sent_ids = nested["doc_id"].tolist(), nested["sent_id"].tolist()
    rows = [(doc_ids[i], sent_ids[i], *attribution) for i, attributions in found for attribution in attributions]
    columns = list(zip(*rows)) or [()] * len(dtypes)
    return pd.DataFrame({c: pd.Series(values, dtype=t) for (c, t), values in zip(dtypes, columns)})
