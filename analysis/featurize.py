"""Featurize a corpus of any size in one call: sentences with frame counts,
naming and the number of attributions, plus the attributions themselves.

* A corpus table (``analysis.load_corpus``) is processed in chunks of
  ``chunksize`` documents, with a progress bar.
* A path to a ``.csv``, ``.tsv``, ``.jsonl``/``.ndjson`` or ``.parquet`` file is
  streamed: read ``chunksize`` rows at a time (pandas ``chunksize``, pyarrow
  batches), each chunk built into a corpus table with the rules of
  :func:`analysis.load_corpus` (normalising, cleaning, the same errors), so
  memory holds one chunk of input at a time. Other paths (a folder of ``.txt``
  files, a ``.zip``) are loaded whole with :func:`analysis.load_corpus`.
  :func:`featurize_to_parquet` writes the tables chunk by chunk, so not even
  the output has to fit in memory.
* A Dask DataFrame with ``doc_id`` and ``text`` (one row per document, its text
  already clean) gives two Dask DataFrames with the same columns and dtypes,
  built with ``map_partitions`` and an explicit ``meta``. Compute them together,
  ``dask.compute(sentences, attributions)``, so each partition is featurized
  once. Dask is imported only on this path.

Results do not depend on ``chunksize`` or on the partitions: each document is
featurized on its own.

>>> import analysis
>>> sents, attrs = featurize(analysis.load_corpus(), progress=False)
>>> list(sents.columns[:6]), list(sents.columns[-2:])
(['doc_id', 'sent_id', 'par_id', 'start', 'end', 'text'], ['naming', 'n_attributions'])
>>> int(sents["n_attributions"].sum()) == len(attrs)
True
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from .attribution import COLUMNS as ATTRIBUTION_COLUMNS
from .attribution import attributions
from .corpus import CorpusError, documents_from_frame, iter_jsonl, load_corpus
from .output import progress_enabled
from .framing import Codebook, frame_scores, load_codebook, migrant_naming
from .segment import sentences

STREAMED_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"}
CHUNKSIZE = 1000
_INTS = {"sent_id", "par_id", "start", "end", "n_attributions"}


def featurize(corpus, *, chunksize: int = CHUNKSIZE, progress: bool = True, codebook=None,
              text_col: str = "text", id_col: str | None = "doc_id", clean: bool = True,
              on_error: str = "raise", encoding: str = "utf-8"):
    """Sentences with features, and attributions, of a corpus table, a file, or a Dask DataFrame.

    Parameters
    ----------
    corpus : DataFrame, path, or dask DataFrame
        A corpus table (``doc_id``, ``text``), a file or folder that
        :func:`analysis.load_corpus` reads (tables are streamed), or a Dask
        DataFrame with ``doc_id`` and ``text``.
    chunksize : int
        Documents per chunk (pandas path; ignored for Dask, which uses its partitions).
    progress : bool
        Show a tqdm progress bar over documents.
    codebook : Codebook, optional
        Frames and naming labels; defaults to ``analysis/data/frames.yaml``.
    text_col, id_col, clean, on_error, encoding
        How to read a file, as in :func:`analysis.load_corpus`.

    Returns
    -------
    (sentences, attributions) : two DataFrames (Dask DataFrames for Dask input)
        ``sentences``: doc_id, sent_id, par_id, start, end, text, one integer
        column per frame (hits, :func:`analysis.framing.frame_scores`), naming
        (the naming labels of the sentence, :func:`analysis.framing.migrant_naming`
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
    >>> attrs[["speaker", "actor", "kind"]].values.tolist()
    [['europe', 'smugglers_traffickers', 'causal']]
    """
    if type(corpus).__module__.split(".")[0] == "dask":
        return _featurize_dask(corpus, codebook)
    parts = list(featurize_chunks(corpus, chunksize=chunksize, progress=progress, codebook=codebook,
                                  text_col=text_col, id_col=id_col, clean=clean, on_error=on_error,
                                  encoding=encoding))
    empty = empty_tables(codebook)
    return tuple(pd.concat([e] + [p[i] for p in parts], ignore_index=True).astype(e.dtypes.to_dict())
                 for i, e in enumerate(empty))


def featurize_chunks(corpus, *, chunksize: int = CHUNKSIZE, progress: bool = True, codebook=None,
                     text_col: str = "text", id_col: str | None = "doc_id", clean: bool = True,
                     on_error: str = "raise", encoding: str = "utf-8") -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """``(sentences, attributions)`` of one chunk of ``chunksize`` documents at a
    time; the parameters are those of :func:`featurize`.

    >>> import analysis
    >>> [len(s) for s, _ in featurize_chunks(analysis.load_corpus(), chunksize=2, progress=False)]
    [22, 29, 10]
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be a positive number of documents, not {chunksize!r}.")
    chunks, total = corpus_chunks(corpus, chunksize=chunksize, text_col=text_col, id_col=id_col, clean=clean,
                                  on_error=on_error, encoding=encoding)
    with tqdm(total=total, unit="doc", desc="featurize", disable=not progress_enabled(progress)) as bar:
        for chunk in chunks:
            yield featurize_frame(chunk, codebook)
            bar.update(len(chunk))


def featurize_frame(corpus: pd.DataFrame, codebook=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(sentences, attributions)`` of an in-memory corpus table, in one go
    (what :func:`featurize` does to each chunk).

    >>> import pandas as pd
    >>> s, a = featurize_frame(pd.DataFrame({"doc_id": ["a"], "text": ["Aid for refugees. No more."]}))
    >>> s[["sent_id", "humanitarian", "naming"]].values.tolist()
    [[0, 1, 'refugees'], [1, 0, '']]
    """
    cb = _codebook(codebook)
    if len(corpus) == 0:
        return empty_tables(cb)
    segmented = sentences(corpus)
    sents = frame_scores(segmented, cb)
    naming = migrant_naming(sents[["doc_id", "sent_id", "start", "text"]], cb)
    labels: dict[tuple[str, int], list[str]] = {}
    for key, label, proper in zip(zip(naming["doc_id"].tolist(), naming["sent_id"].tolist()),
                                  naming["label"].tolist(), naming["proper_name"].tolist()):
        if not proper and label not in labels.setdefault(key, []):
            labels[key].append(label)
    attrs = attributions(corpus[["doc_id", "text"]], sentences=segmented)
    counts = Counter(zip(attrs["doc_id"].tolist(), attrs["sent_id"].tolist()))
    keys = list(zip(sents["doc_id"].tolist(), sents["sent_id"].tolist()))
    sents["naming"] = pd.Series(["; ".join(labels.get(key, ())) for key in keys], index=sents.index, dtype="str")
    sents["n_attributions"] = pd.Series([counts[key] for key in keys], index=sents.index, dtype="int64")
    sent_types, attr_types = _dtypes(tuple(cb.frame_ids))
    return _conform(sents, sent_types), _conform(attrs, attr_types)


def empty_tables(codebook=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two result tables with no rows: their columns and dtypes (Dask's ``meta``).

    >>> s, a = empty_tables()
    >>> str(s["humanitarian"].dtype), len(a.columns)
    ('int64', 11)
    """
    return tuple(pd.DataFrame({c: pd.Series([], dtype=t) for c, t in types.items()})
                 for types in _dtypes(tuple(_codebook(codebook).frame_ids)))


@lru_cache(maxsize=8)
def _dtypes(frame_ids: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """Column -> dtype of the sentences and the attributions tables."""
    sent_cols = ["doc_id", "sent_id", "par_id", "start", "end", "text", *frame_ids, "naming", "n_attributions"]
    ints = _INTS | set(frame_ids)
    return tuple({c: "int64" if c in ints else "str" for c in cols} for cols in (sent_cols, ATTRIBUTION_COLUMNS))


def _conform(table: pd.DataFrame, types: dict[str, str]) -> pd.DataFrame:
    """``table`` with exactly these columns, in this order, of these dtypes."""
    table = table[list(types)]
    wrong = {c: t for c, t in types.items() if table[c].dtype != t}
    return (table.astype(wrong) if wrong else table).reset_index(drop=True)


def featurize_to_parquet(corpus, directory: str | Path, *, chunksize: int = CHUNKSIZE, progress: bool = True,
                         codebook=None, **read) -> tuple[Path, Path]:
    """Featurize chunk by chunk into ``directory/sentences.parquet`` and
    ``directory/attributions.parquet``, holding one chunk in memory at a time.
    Refuses to overwrite either file. ``read`` takes text_col, id_col, clean,
    on_error and encoding, as in :func:`featurize`.

    >>> featurize_to_parquet("big.csv", "features/", progress=False)  # doctest: +SKIP
    (PosixPath('features/sentences.parquet'), PosixPath('features/attributions.parquet'))
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    directory = Path(directory)
    paths = (directory / "sentences.parquet", directory / "attributions.parquet")
    existing = [str(p) for p in paths if p.exists()]
    if existing:
        raise FileExistsError(f"{existing} already exist; delete them or choose another directory.")
    directory.mkdir(parents=True, exist_ok=True)
    schemas = [pa.Schema.from_pandas(e, preserve_index=False) for e in empty_tables(codebook)]
    writers = [pq.ParquetWriter(p.with_suffix(".parquet.partial"), s) for p, s in zip(paths, schemas)]
    try:
        for tables in featurize_chunks(corpus, chunksize=chunksize, progress=progress, codebook=codebook, **read):
            for writer, table, schema in zip(writers, tables, schemas):
                writer.write_table(pa.Table.from_pandas(table, schema=schema, preserve_index=False))
    except BaseException:
        for writer, path in zip(writers, paths):
            writer.close()
            path.with_suffix(".parquet.partial").unlink(missing_ok=True)
        raise
    for writer, path in zip(writers, paths):
        writer.close()
        path.with_suffix(".parquet.partial").replace(path)
    return paths


# --------------------------------------------------------------------------- reading in chunks


def corpus_chunks(source, *, chunksize: int = CHUNKSIZE, text_col: str = "text", id_col: str | None = "doc_id",
                  clean: bool = True, on_error: str = "raise", encoding: str = "utf-8"):
    """``(chunks, total)``: an iterator of corpus tables of at most ``chunksize``
    documents, and the number of documents if known without reading (else None).
    Table files are streamed; problems are raised, or with ``on_error="skip"``
    collected into one warning at the end, as in :func:`analysis.load_corpus`.

    >>> import analysis
    >>> chunks, total = corpus_chunks(analysis.load_corpus(), chunksize=2)
    >>> total, [len(c) for c in chunks]
    (5, [2, 2, 1])
    """
    if isinstance(source, pd.DataFrame):
        missing = [c for c in ("doc_id", "text") if c not in source.columns]
        if missing:
            raise ValueError(f"featurize() needs a corpus table with doc_id and text; missing {missing}. "
                             "Pass the table made by analysis.load_corpus(), or a path to load.")
        return (source.iloc[i:i + chunksize] for i in range(0, len(source), chunksize)), len(source)
    path = Path(source)
    if path.suffix.lower() not in STREAMED_SUFFIXES or not path.is_file():
        corpus = load_corpus(path, text_col=text_col, id_col=id_col, clean=clean, on_error=on_error,
                             encoding=encoding)
        return corpus_chunks(corpus, chunksize=chunksize)
    if on_error not in {"raise", "skip"}:
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    total = None
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq
        total = pq.ParquetFile(path).metadata.num_rows
    return _stream(path, chunksize, text_col, id_col, clean, on_error, encoding), total


def _stream(path: Path, chunksize, text_col, id_col, clean, on_error, encoding) -> Iterator[pd.DataFrame]:
    problems: list[str] = []
    seen: set[str] = set()
    first, n_docs = 1, 0
    key = "\0row" if id_col is None else id_col
    for raw in _raw_chunks(path, chunksize, encoding):
        last = first + len(raw) - 1
        if id_col is None:                      # number rows across chunks: row-1, row-2...
            raw.insert(0, key, [f"row-{i}" for i in range(first, last + 1)])
        origin = f"{path.name} rows {first}-{last}:"
        docs = documents_from_frame(raw, text_col=text_col, id_col=key, origin=origin, clean=clean,
                                    on_error=on_error, problems=problems)
        kept = []
        for doc in docs:
            if doc["doc_id"] in seen:
                message = (f"{doc['source']}: duplicate doc_id {doc['doc_id']!r} (seen in an earlier row). "
                           "Doc ids must be unique; rename or remove one.")
                if on_error == "raise":
                    raise CorpusError(message)
                problems.append(message)
                continue
            seen.add(doc["doc_id"])
            kept.append(doc)
        first = last + 1
        n_docs += len(kept)
        if kept:
            yield pd.DataFrame(kept)
    if problems:
        warnings.warn(f"featurize skipped {len(problems)} document(s) of {path}:\n  " + "\n  ".join(problems),
                      stacklevel=3)
    if not n_docs:
        raise CorpusError(f"{path}: no documents to featurize" + (" (all were skipped, see the warning)."
                                                                  if problems else "."))


def _raw_chunks(path: Path, chunksize: int, encoding: str) -> Iterator[pd.DataFrame]:
    """The rows of a table file, ``chunksize`` at a time, as read (strings for CSV/TSV)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            import pyarrow.parquet as pq
            for batch in pq.ParquetFile(path).iter_batches(batch_size=chunksize):
                yield batch.to_pandas()
        elif suffix in {".csv", ".tsv"}:
            with pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",", encoding=encoding, dtype=str,
                             keep_default_na=False, na_values=[""], chunksize=chunksize) as reader:
                yield from reader
        else:
            yield from _jsonl_chunks(path, chunksize, encoding)
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: cannot be decoded as {encoding}: {err.reason}. "
                          "Pass the file's encoding, e.g. featurize(..., encoding='cp1252').") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, OSError) as err:
        raise CorpusError(f"{path}: cannot be read as a {suffix[1:].upper()} table: {err}") from None


def _jsonl_chunks(path: Path, chunksize: int, encoding: str) -> Iterator[pd.DataFrame]:
    rows = []
    for row in iter_jsonl(path, encoding):
        rows.append(row)
        if len(rows) == chunksize:
            yield pd.DataFrame(rows)
            rows = []
    if rows:
        yield pd.DataFrame(rows)


def _codebook(codebook) -> Codebook:
    return codebook if isinstance(codebook, Codebook) else load_codebook(codebook)


# --------------------------------------------------------------------------- dask


def _featurize_dask(corpus, codebook):
    missing = [c for c in ("doc_id", "text") if c not in corpus.columns]
    if missing:
        raise ValueError(f"featurize() needs a Dask DataFrame with doc_id and text; missing {missing} "
                         f"(has {list(corpus.columns)}).")
    sent_meta, attr_meta = empty_tables(codebook)
    # None stays None: each worker then uses our codebook as compiled once in its
    # process, with its warm caches; a user's codebook travels with every partition.
    codebook = None if codebook is None else _codebook(codebook)
    nested = corpus[["doc_id", "text"]].map_partitions(
        _nested_partition, codebook, meta=sent_meta.assign(attributions=pd.Series([], dtype=object)))
    sents = nested.map_partitions(_sentences_part, meta=sent_meta)
    attrs = nested.map_partitions(_attributions_part, list(attr_meta.dtypes.items()), meta=attr_meta)
    return sents, attrs


def _nested_partition(part: pd.DataFrame, codebook) -> pd.DataFrame:
    """Sentences of one partition, each with the list of its attributions (as
    tuples), so both tables come from one pass over the partition."""
    sents, attrs = featurize_frame(part.astype({"doc_id": "str", "text": "str"}), codebook)
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
