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

from .._validation import check_interval, check_option
from ..errors import CorpusError, TableError, require_columns, require_unique_ids
from ..resources.rules import CleaningRules
from .load import (COPIES_NAMED, ON_ERROR, SEPARATORS, TABLE_SUFFIXES, copies_message, documents_from_frame,
                   exact_copies, iter_jsonl, load_corpus)


CHUNKSIZE = 1000


def corpus_chunks(source, *, chunksize: int = CHUNKSIZE, text_col: str = "text", id_col: str | None = "doc_id",
                  clean: bool = True, cleaning=None, on_error: str = "raise", encoding: str = "utf-8"):
    """``(chunks, total)``: an iterator of corpus tables of at most ``chunksize``
    documents, and the number of documents if known without reading (else None).
    Table files are streamed; problems are raised, or with ``on_error="skip"``
    collected into one warning at the end, as in :func:`analysis.load_corpus`,
    and exact copies of an earlier document's text are named in a warning at
    the end (kept, as ``load_corpus`` keeps them by default).
    """
    check_interval("chunksize", chunksize, 1, integer=True, where="featurize", why="documents per chunk")
    if isinstance(source, pd.DataFrame):
        require_columns(source, ["doc_id", "text"], "featurize",
                        hint="Pass the table made by analysis.load_corpus(), or a path to load.")
        require_unique_ids(source, "featurize")
        require_texts(source, "featurize")
        return (source.iloc[i:i + chunksize] for i in range(0, len(source), chunksize)), len(source)
    path = Path(source)
    if path.suffix.lower() not in TABLE_SUFFIXES or not path.is_file():
        corpus = load_corpus(path, text_col=text_col, id_col=id_col, clean=clean, cleaning=cleaning,
                             on_error=on_error, encoding=encoding)       # checked there: no second check here
        return (corpus.iloc[i:i + chunksize] for i in range(0, len(corpus), chunksize)), len(corpus)
    check_option("on_error", on_error, ON_ERROR, where="featurize")
    cleaning = CleaningRules.load(cleaning) if clean else None     # compiled once, not once per chunk
    total = None
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq
        total = pq.ParquetFile(path).metadata.num_rows
    return _stream(path, chunksize, text_col, id_col, clean, cleaning, on_error, encoding), total


def require_texts(corpus: pd.DataFrame, who: str, where: str = "the corpus") -> None:
    """Raise :class:`TableError` if a ``text`` of ``corpus`` is not a string, or
    is empty or whitespace only, naming the first few doc_ids and their rows
    (positions in ``where``).

    >>> require_texts(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["Fine.", None, " "]}), "featurize")
    Traceback (most recent call last):
    ...
    analysis.errors.TableError: featurize(): 2 documents of the corpus have no text: doc_id 'b' (row 1): empty 'text' cell; doc_id 'c' (row 2): text is empty or whitespace only. Load the table with analysis.load_corpus(), which cleans it and reports each bad row, or drop or fill those rows.
    """
    bad = [f"doc_id {doc_id!r} (row {row}): {_no_text(text)}"
           for row, (doc_id, text) in enumerate(zip(corpus["doc_id"].tolist(), corpus["text"].tolist()))
           if not isinstance(text, str) or not text or text.isspace()]
    if bad:
        more = f"; and {len(bad) - 3} more" if len(bad) > 3 else ""
        many = len(bad) > 1
        raise TableError(f"{who}(): {len(bad)} document{'s' * many} of {where} ha{'ve' if many else 's'} no text: "
                         f"{'; '.join(bad[:3])}{more}. Load the table with analysis.load_corpus(), which cleans it "
                         "and reports each bad row, or drop or fill those rows.")


def _no_text(text) -> str:
    if isinstance(text, str):
        return "text is empty or whitespace only"
    if pd.api.types.is_scalar(text) and pd.isna(text):
        return "empty 'text' cell"
    return f"text is of type {type(text).__name__}, not a string"


def _stream(path: Path, chunksize, text_col, id_col, clean, cleaning, on_error, encoding) -> Iterator[pd.DataFrame]:
    problems: list[str] = []
    seen: dict[str, str] = {}
    texts: dict[bytes, str] = {}
    copies: dict[str, str] = {}          # the first COPIES_NAMED, for the warning
    n_copies, first, n_docs = 0, 1, 0
    for raw in _raw_chunks(path, chunksize, encoding):
        docs = documents_from_frame(raw, text_col=text_col, id_col=id_col, origin=path.name, first_row=first,
                                    seen=seen, clean=clean, cleaning=cleaning, on_error=on_error, problems=problems)
        found = exact_copies(docs, texts)
        n_copies += len(found)
        copies.update(list(found.items())[:max(COPIES_NAMED - len(copies), 0)])
        first += len(raw)
        n_docs += len(docs)
        if docs:
            yield pd.DataFrame(docs)
    if copies:
        advice = "Load the file with analysis.load_corpus(..., duplicates='drop') to keep only the first of each"
        warnings.warn(copies_message(f"featurize ({path})", copies, dropped=False, total=n_copies, advice=advice),
                      stacklevel=3)
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
