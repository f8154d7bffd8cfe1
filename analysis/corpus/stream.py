"""A corpus in chunks: a corpus table cut into pieces, or a table file read a
chunk of rows at a time (pandas ``chunksize``, pyarrow batches), each chunk
built into a corpus table with the rules of :func:`analysis.load_corpus`
(normalising, cleaning, the same errors), so memory holds one chunk at a time.

>>> import analysis
>>> chunks, total = corpus_chunks(analysis.load_corpus(), chunksize=2)
>>> total, [len(c) for c in chunks]
(5, [2, 2, 1])
"""

from __future__ import annotations

import codecs
import warnings
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from ..errors import AnalysisError, CorpusError, require_columns, require_unique_ids
from ..resources.rules import CleaningRules
from .load import SEPARATORS, TABLE_SUFFIXES, documents_from_frame, iter_jsonl, load_corpus


CHUNKSIZE = 1000


def corpus_chunks(source, *, chunksize: int = CHUNKSIZE, text_col: str = "text", id_col: str | None = "doc_id",
                  clean: bool = True, cleaning=None, on_error: str = "raise", encoding: str = "utf-8"):
    """``(chunks, total)``: an iterator of corpus tables of at most ``chunksize``
    documents, and the number of documents if known without reading (else None).
    Table files are streamed; problems are raised, or with ``on_error="skip"``
    collected into one warning at the end, as in :func:`analysis.load_corpus`.
    """
    if chunksize < 1:
        raise AnalysisError(f"chunksize must be a positive number of documents, not {chunksize!r}.")
    if isinstance(source, pd.DataFrame):
        require_columns(source, ["doc_id", "text"], "featurize",
                        hint="Pass the table made by analysis.load_corpus(), or a path to load.")
        require_unique_ids(source, "featurize")
        return (source.iloc[i:i + chunksize] for i in range(0, len(source), chunksize)), len(source)
    path = Path(source)
    if path.suffix.lower() not in TABLE_SUFFIXES or not path.is_file():
        corpus = load_corpus(path, text_col=text_col, id_col=id_col, clean=clean, cleaning=cleaning,
                             on_error=on_error, encoding=encoding)
        return corpus_chunks(corpus, chunksize=chunksize)
    if on_error not in {"raise", "skip"}:
        raise AnalysisError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    cleaning = CleaningRules.load(cleaning) if clean else None     # compiled once, not once per chunk
    total = None
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq
        total = pq.ParquetFile(path).metadata.num_rows
    return _stream(path, chunksize, text_col, id_col, clean, cleaning, on_error, encoding), total


def _stream(path: Path, chunksize, text_col, id_col, clean, cleaning, on_error, encoding) -> Iterator[pd.DataFrame]:
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
                                    cleaning=cleaning, on_error=on_error, problems=problems)
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


def _undecodable_in_stream(path: Path, encoding: str, block: int = 1 << 20) -> str:
    r"""The message for a file that does not decode as ``encoding``: the first
    bad byte's offset and line, found reading ``block`` bytes at a time (the
    file may be larger than memory; pandas gives an offset into a chunk).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_bytes("doc_id,text\na,Fine.\nb,Caf\u00e9.\n".encode("cp1252"))
    >>> print(_undecodable_in_stream(path, "utf-8", block=4).removeprefix(f"{path}: "))
    cannot be decoded as utf-8 at byte 25 (line 3): byte 0xe9, invalid continuation byte. Save it as UTF-8, or pass its encoding, e.g. featurize(..., encoding='cp1252').
    """
    decoder = codecs.getincrementaldecoder(encoding)()
    offset, lines = 0, 1
    with path.open("rb") as handle:
        while True:
            data = handle.read(block)
            pending = decoder.getstate()[0]            # bytes of the last block that began a character
            try:
                decoder.decode(data, final=not data)
            except UnicodeDecodeError as err:
                start = offset - len(pending) + err.start
                lines -= pending.count(b"\n")
                lines += (pending + data)[:err.start].count(b"\n")
                bad = " ".join(f"0x{byte:02x}" for byte in (pending + data)[err.start:err.end])
                return (f"{path}: cannot be decoded as {encoding} at byte {start} (line {lines}): byte {bad}, "
                        f"{err.reason}. Save it as UTF-8, or pass its encoding, e.g. featurize(..., "
                        "encoding='cp1252').")
            if not data:
                return f"{path}: cannot be decoded as {encoding}. Pass its encoding, e.g. featurize(..., encoding='cp1252')."
            offset, lines = offset + len(data), lines + data.count(b"\n")


def _raw_chunks(path: Path, chunksize: int, encoding: str) -> Iterator[pd.DataFrame]:
    """The rows of a table file, ``chunksize`` at a time, as read (strings for CSV/TSV)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            import pyarrow.parquet as pq
            for batch in pq.ParquetFile(path).iter_batches(batch_size=chunksize):
                yield batch.to_pandas()
        elif suffix in SEPARATORS:
            with pd.read_csv(path, sep=SEPARATORS[suffix], encoding=encoding, dtype=str,
                             keep_default_na=False, na_values=[""], chunksize=chunksize) as reader:
                yield from reader
        else:
            yield from _jsonl_chunks(path, chunksize, encoding)
    except UnicodeDecodeError:
        raise CorpusError(_undecodable_in_stream(path, encoding)) from None
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
