"""Load a corpus into a pandas DataFrame, one row per document.

>>> import analysis
>>> corpus = analysis.load_corpus()          # the bundled seeds/
>>> list(corpus.columns[:4])
['doc_id', 'text', 'raw_text', 'source']
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from .._validation import check_option
from ..errors import CorpusError, require_columns
from ..paths import checkout_path
from ..resources.rules import CleaningRules
from .cleaning import clean_text, normalize_text

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"}
ARCHIVE_SUFFIXES = {".zip"}
SEPARATORS = {".csv": ",", ".tsv": "\t"}
ENCODING_ADVICE = "Save it as UTF-8, or pass its encoding, e.g. load_corpus(..., encoding='cp1252')."

#: What load_corpus does with a bad document: raise an error, or skip it (one warning lists them all).
ON_ERROR = ("raise", "skip")


def load_corpus(
    source: str | Path | pd.DataFrame | None = None,
    *,
    text_col: str = "text",
    id_col: str | None = "doc_id",
    encoding: str = "utf-8",
    clean: bool = True,
    cleaning=None,
    on_error: str = "raise",
    duplicates: str = "warn",
) -> pd.DataFrame:
    """Read documents into a table: ``doc_id``, ``text``, ``raw_text``, ``source``,
    ``title`` and any metadata columns.

    Parameters
    ----------
    source : path or DataFrame, optional
        A directory of ``.txt`` files (doc_id = file stem; hidden files and
        folders and other extensions are ignored; a ``metadata.csv`` beside
        them is merged by doc_id), a ``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``
        or ``.parquet`` file, a ``.zip`` archive holding one such table, or a
        DataFrame. A directory's subfolders are read too (one per category, as
        in the BBC News corpus): their documents' doc_id is the path below the
        directory without ``.txt`` (``business/001``) and the column
        ``folder`` names their subfolder (``business``; ``""`` for a file in
        the directory itself, and a warning names such files when there are
        subfolders too). Defaults to the project's ``seeds/`` when the kit runs
        from a checkout of the project; installed elsewhere, pass a source.
    text_col, id_col : str
        Columns holding the text and the document id in a table. ``id_col=None``
        numbers the rows (``row-1``, ``row-2``...).
    encoding : str
        Encoding of text files and CSV, TSV and JSONL files (a folder's
        ``metadata.csv`` is always read as UTF-8). A byte that does not
        decode is an error naming its offset in the file, its line and, in a
        CSV/TSV file, its row.
    clean : bool
        Remove non-article lines and a leading headline (see
        :mod:`analysis.corpus.cleaning`); ``raw_text`` always keeps the text as read.
    cleaning : CleaningRules, path or mapping, optional
        The rules of non-article lines (default ``analysis/data/cleaning.yaml``).
    on_error : {"raise", "skip"}
        What to do with a bad document (undecodable, binary, empty, duplicate id):
        raise :class:`CorpusError`, or skip it with one warning listing them all.
    duplicates : {"warn", "drop"}
        What to do with a document whose ``text`` (after cleaning) is exactly
        that of an earlier one, which every measure would count twice: keep
        it with a warning naming each copy and the document it copies (the
        default), or drop it, keeping the first, with a warning naming what was
        dropped (``corpus.attrs["dropped_copies"]`` maps each dropped doc_id to
        the one kept). :func:`cleaning_report` lists them too.

    Returns
    -------
    DataFrame
        One row per document, ordered by doc_id for directories and by position
        for tables. ``text`` is normalised (BOM removed, CRLF/CR to LF, Unicode
        NFC) and, if ``clean``, cleaned; every analysis uses ``text``.

    Raises
    ------
    CorpusError
        Naming the file, row or line and what to do: a missing path, no
        documents, undecodable bytes, a binary file, an empty document, a
        duplicate id, a missing column, a malformed JSON line (bad documents
        are skipped instead with ``on_error="skip"``).

    Warns
    -----
    UserWarning
        Listing the documents skipped (``on_error="skip"``), exact copies
        (``duplicates``), and files beside subfolders of a directory.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"url": ["a", "b"], "body": ["One.", "Two."]})
    >>> load_corpus(df, text_col="body", id_col="url")[["doc_id", "text"]].values.tolist()
    [['a', 'One.'], ['b', 'Two.']]
    """
    check_option("on_error", on_error, ON_ERROR, where="load_corpus")
    check_option("duplicates", duplicates, DUPLICATES, where="load_corpus")
    if source is None:
        source = checkout_path("seeds", error=CorpusError, what="a folder of .txt files, a table file (.csv, .tsv, "
                               ".jsonl, .parquet) or a DataFrame to load_corpus()")
    rules = CleaningRules.load(cleaning) if clean else None
    problems: list[str] = []
    records = _read_records(source, text_col, id_col, encoding, on_error, problems)
    docs = _build(records, rules, on_error, problems)
    if problems:
        warnings.warn(
            f"load_corpus skipped {len(problems)} document(s):\n  " + "\n  ".join(problems),
            stacklevel=2,
        )
    if not docs:
        raise CorpusError("No documents left to load" + (" (all were skipped, see the warning)." if problems else "."))
    copies = exact_copies(docs)
    if copies and duplicates == "drop":
        docs = [doc for doc in docs if doc["doc_id"] not in copies]
    if copies:
        warnings.warn(copies_message("load_corpus", copies, dropped=duplicates == "drop"), stacklevel=2)
    corpus = pd.DataFrame(docs).reset_index(drop=True)
    if duplicates == "drop":
        corpus.attrs["dropped_copies"] = copies
    return corpus


#: What ``load_corpus(duplicates=...)`` does with a document that copies an earlier one.
DUPLICATES = ("warn", "drop")
#: How many copies a warning names before it says how many more there are.
COPIES_NAMED = 20


def text_digest(text: str) -> bytes:
    """A 16-byte digest of a document's text, to find exact copies without keeping every text."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def exact_copies(docs, first: dict[bytes, str] | None = None) -> dict[str, str]:
    """``{doc_id: doc_id of the first document with the same text}`` for each
    document (a dict with doc_id and text) whose ``text`` is that of an earlier
    one; ``first`` (digest -> doc_id, updated) carries the texts seen before,
    e.g. in earlier chunks.

    >>> exact_copies([{"doc_id": "a", "text": "Hi."}, {"doc_id": "b", "text": "Hi."}, {"doc_id": "c", "text": "No."}])
    {'b': 'a'}
    """
    first = {} if first is None else first
    copies = {}
    for doc in docs:
        digest = text_digest(doc["text"])
        if digest in first:
            copies[doc["doc_id"]] = first[digest]
        else:
            first[digest] = doc["doc_id"]
    return copies


def copies_message(who: str, copies: dict[str, str], *, dropped: bool, total: int | None = None,
                   advice: str = "Pass duplicates='drop' to keep only the first of each") -> str:
    """The warning about exact copies (``{copy: original}``; ``total`` copies
    in all, if ``copies`` holds only the first), naming the first
    :data:`COPIES_NAMED`; ``advice`` says how to drop them.

    >>> print(copies_message("load_corpus", {"b": "a"}, dropped=False))
    load_corpus: 1 document has exactly the text of an earlier one, and would count twice in every measure: 'b' (copy of 'a'). Pass duplicates='drop' to keep only the first of each, or remove the copies from the source.
    """
    total = len(copies) if total is None else total
    named = ", ".join(f"{copy!r} (copy of {original!r})" for copy, original in list(copies.items())[:COPIES_NAMED])
    more = f" and {total - COPIES_NAMED} more" if total > COPIES_NAMED else ""
    n = f"{total} document{'s' if total > 1 else ''}"
    if dropped:
        return f"{who}: dropped {n} whose text is exactly that of an earlier one, keeping the first: {named}{more}."
    return (f"{who}: {n} {'have' if total > 1 else 'has'} exactly the text of an earlier one, and would count "
            f"twice in every measure: {named}{more}. {advice}, or remove the copies from the source.")


# -- reading -------------------------------------------------------------------------


def _fail(message: str, on_error: str, problems: list[str]) -> None:
    if on_error == "raise":
        raise CorpusError(message)
    problems.append(message)


def _read_records(source, text_col, id_col, encoding, on_error, problems) -> list[dict]:
    """Records with doc_id, raw_text, source and metadata; not yet normalised."""
    if isinstance(source, pd.DataFrame):
        return _records_from_frame(source, text_col, id_col, "DataFrame", on_error, problems)
    path = Path(source)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or directory. Give the path to a folder of .txt files or to a "
                          f"{'/'.join(sorted(TABLE_SUFFIXES))} file.")
    if path.is_dir():
        return _records_from_dir(path, encoding, on_error, problems)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        text = _decode(path, encoding, on_error, problems)
        return [] if text is None else [{"doc_id": path.stem, "raw_text": text, "source": path.name}]
    if suffix in ARCHIVE_SUFFIXES:
        member, frame = _read_zip(path, encoding)
        return _records_from_frame(frame, text_col, id_col, f"{path.name}:{member}", on_error, problems)
    if suffix not in TABLE_SUFFIXES:
        raise CorpusError(f"{path}: unsupported file type {suffix!r}. Use a folder of .txt files or a "
                          f"{'/'.join(sorted(TABLE_SUFFIXES))} file.")
    return _records_from_frame(_read_table(path, encoding), text_col, id_col, path.name, on_error, problems)


def _decode(path: Path, encoding: str, on_error: str, problems: list[str]) -> str | None:
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        _fail(f"{path}: looks like a binary file (it contains NUL bytes), not text. Remove it from the "
              "corpus folder or convert it to plain text.", on_error, problems)
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        _fail(_undecodable(str(path), data, err, ENCODING_ADVICE), on_error, problems)
        return None


def _records_from_dir(path: Path, encoding, on_error, problems) -> list[dict]:
    files = sorted((p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".txt"
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)),
                   key=lambda p: p.relative_to(path).as_posix())
    if not files:
        raise CorpusError(f"{path}: no .txt documents in this folder or its subfolders (hidden files and other "
                          "extensions are ignored). Put one .txt file per document here, or load a table file.")
    nested = any(len(p.relative_to(path).parts) > 1 for p in files)
    records = []
    for file in files:
        text = _decode(file, encoding, on_error, problems)
        if text is None:
            continue
        relative = file.relative_to(path)
        record = {"doc_id": relative.with_suffix("").as_posix(), "raw_text": text, "source": relative.as_posix()}
        if nested:
            record["folder"] = relative.parent.as_posix() if len(relative.parts) > 1 else ""
        records.append(record)
    if nested:
        top = [p.name for p in files if len(p.relative_to(path).parts) == 1]
        if top:
            folders = sorted({p.relative_to(path).parts[0] for p in files if len(p.relative_to(path).parts) > 1})
            warnings.warn(f"{path}: read the documents of the subfolders {folders} (column 'folder') and "
                          f"{len(top)} file(s) in the folder itself, with folder '': {top[:10]}"
                          f"{' ...' if len(top) > 10 else ''}. If they are not documents (a README), move them out "
                          "of the folder.", stacklevel=4)
        for stray in sorted(p for p in path.rglob("metadata.csv") if p.parent != path
                            and not any(part.startswith(".") for part in p.relative_to(path).parts)):
            warnings.warn(f"{stray}: not read; only {path / 'metadata.csv'} is merged, by doc_id "
                          "('business/001' for business/001.txt). Move its rows there.", stacklevel=4)
    metadata = path / "metadata.csv"
    if metadata.exists():
        records = _merge_metadata(records, metadata, {p.relative_to(path).with_suffix("").as_posix() for p in files},
                                  reserved={"folder"} if nested else set())
    return records


def _merge_metadata(records: list[dict], path: Path, stems: set[str], reserved: set[str] = frozenset()) -> list[dict]:
    meta = _read_table(path, "utf-8", advice="Save it as UTF-8: metadata.csv is read as UTF-8 whatever the "
                       "documents' encoding= is.").astype("string")
    if "doc_id" not in meta.columns:
        raise CorpusError(f"{path}: needs a 'doc_id' column (the file stem of each document); it has "
                          f"{list(meta.columns)}.")
    dup = meta["doc_id"][meta["doc_id"].duplicated()].tolist()
    if dup:
        raise CorpusError(f"{path}: doc_id(s) listed more than once: {dup}. Keep one row per document.")
    orphans = sorted(set(meta["doc_id"]) - stems)
    if orphans:
        warnings.warn(f"{path}: metadata rows with no matching .txt file: {orphans}", stacklevel=4)
    clash = [c for c in meta.columns if c in {"text", "raw_text", "source", *reserved}]
    if clash:
        raise CorpusError(f"{path}: column(s) {clash} are reserved by the corpus table; rename them.")
    by_id = meta.set_index("doc_id").to_dict("index")
    return [{**rec, **{k: (None if pd.isna(v) else v) for k, v in by_id.get(rec["doc_id"], {}).items()}}
            for rec in records]


def _read_zip(path: Path, encoding: str) -> tuple[str, pd.DataFrame]:
    """The one table inside a zip archive, as ``(member name, frame)``."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise CorpusError(f"{path}: not a valid zip archive.") from None
    with archive:
        members = [m for m in archive.namelist() if Path(m).suffix.lower() in TABLE_SUFFIXES
                   and not Path(m).name.startswith(".") and not m.startswith("__MACOSX/")]
        if len(members) != 1:
            raise CorpusError(f"{path}: expected exactly one table ({'/'.join(sorted(TABLE_SUFFIXES))}) inside, "
                              f"found {members or 'none'}. Extract the archive and load the file you want.")
        return members[0], _read_table(Path(members[0]), encoding, lambda: archive.open(members[0]),
                                       origin=f"{path}:{members[0]}")


def _read_table(path: Path, encoding: str, opener=None, origin: str | None = None,
                advice: str = ENCODING_ADVICE) -> pd.DataFrame:
    """Read a table file, or the binary handle ``opener()`` opens, named like
    ``path``; ``advice`` says what to do if its bytes are not ``encoding``."""
    suffix, origin = path.suffix.lower(), origin or str(path)
    opener = opener or (lambda: path.open("rb"))
    try:
        with opener() as source:
            if suffix in SEPARATORS:
                return pd.read_csv(source, sep=SEPARATORS[suffix], encoding=encoding, dtype=str,
                                   keep_default_na=False, na_values=[""])
            if suffix == ".parquet":
                return pd.read_parquet(source)
            return _read_jsonl(source, encoding, origin)
    except UnicodeDecodeError:
        # pandas' offset is into a cell or a chunk: decode the whole file to find the byte in it
        with opener() as source:
            data = source.read()
        try:
            data.decode(encoding)
        except UnicodeDecodeError as err:
            raise CorpusError(_undecodable(origin, data, err, advice, SEPARATORS.get(suffix))) from None
        raise
    except (pd.errors.ParserError, pd.errors.EmptyDataError, OSError) as err:
        raise CorpusError(f"{origin}: cannot be read as a {suffix[1:].upper()} table: {err}") from None


def _undecodable(origin: str, data: bytes, err: UnicodeDecodeError, advice: str, sep: str | None = None) -> str:
    """The message for ``data``, the bytes of ``origin``, which ``err`` (from
    decoding them all) says are not its encoding: the first bad byte's offset
    in the file, its line and, in a table with separator ``sep``, its row.

    >>> data = "doc_id,text\\na,Caf\\u00e9.\\n".encode("cp1252")
    >>> try:
    ...     data.decode("utf-8")
    ... except UnicodeDecodeError as err:
    ...     print(_undecodable("t.csv", data, err, "Save as UTF-8.", ","))
    t.csv: cannot be decoded as utf-8 at byte 17 (line 2, row 1): byte 0xe9, invalid continuation byte. Save as UTF-8.
    """
    before = data[: err.start].decode(err.encoding)
    where = "line " + str(before.count("\n") + 1)
    if sep is not None:           # a row can span lines: the bad byte is in the last record read up to it
        row = sum(1 for record in csv.reader(io.StringIO(before + "?"), delimiter=sep) if record) - 1
        where += f", row {row}" if row else ", the header"
    bad = " ".join(f"0x{byte:02x}" for byte in data[err.start:err.end])
    return (f"{origin}: cannot be decoded as {err.encoding} at byte {err.start} ({where}): byte {bad}, "
            f"{err.reason}. {advice}")


def iter_jsonl(source: Path | io.IOBase, encoding: str = "utf-8", origin: str | None = None) -> Iterator[dict]:
    """The JSON objects of a JSON Lines file (a path or an open binary handle),
    one at a time; blank lines are skipped, a bad line raises ``CorpusError``
    naming ``origin`` and the line."""
    origin = origin or str(source)
    lines = source.open(encoding=encoding) if isinstance(source, Path) else io.TextIOWrapper(source, encoding=encoding)
    with lines as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusError(f"{origin}, line {number}: not valid JSON ({err.msg} at column {err.colno}). "
                                  "Each line must hold one JSON object.") from None
            if not isinstance(row, dict):
                raise CorpusError(f"{origin}, line {number}: expected a JSON object, got {type(row).__name__}.")
            yield row


def _read_jsonl(source, encoding: str, origin: str) -> pd.DataFrame:
    return pd.DataFrame(list(iter_jsonl(source, encoding, origin)))


def _records_from_frame(frame: pd.DataFrame, text_col, id_col, origin, on_error, problems,
                        first_row: int = 1) -> list[dict]:
    missing = [c for c in (text_col, id_col) if c is not None and c not in frame.columns]
    if missing:
        raise CorpusError(f"{origin}: no column {missing[0]!r}; the table has columns {list(frame.columns)}. "
                          f"Pass text_col=... and id_col=... (or id_col=None to number the rows).")
    reserved = {"doc_id", "text", "raw_text", "source"} - {text_col, id_col}
    meta_cols = [c for c in frame.columns if c not in {text_col, id_col}]
    clash = [c for c in meta_cols if c in reserved]
    if clash:
        raise CorpusError(f"{origin}: column(s) {clash} would be overwritten by the corpus table; rename them.")
    records = []
    for position, row in enumerate(frame.to_dict("records"), start=first_row):
        where = f"{origin} row {position}"
        doc_id = f"row-{position}" if id_col is None else row[id_col]
        if doc_id is None or pd.isna(doc_id) or str(doc_id).strip() == "":
            _fail(f"{where}: empty {id_col!r}. Give every document an id.", on_error, problems)
            continue
        text = row[text_col]
        if text is None or (not isinstance(text, str) and pd.isna(text)):
            _fail(f"{where} (doc_id {doc_id!r}): empty {text_col!r} cell. Fill it or remove the row.",
                  on_error, problems)
            continue
        meta = {c: row[c] for c in meta_cols}
        records.append({"doc_id": str(doc_id), "raw_text": str(text), "source": where, **meta})
    return records


# -- building ------------------------------------------------------------------------


def _build(records: list[dict], rules: CleaningRules | None, on_error: str, problems: list[str],
           seen: dict[str, str] | None = None) -> list[dict]:
    """Corpus rows from records: normalised, cleaned with ``rules`` (None: not
    cleaned), empty documents and duplicate ids refused or skipped; ``seen``
    maps the doc_ids already built to their source, and is updated."""
    seen = {} if seen is None else seen
    docs = []
    for rec in records:
        doc_id = rec["doc_id"]
        if doc_id in seen:
            _fail(f"{rec['source']}: duplicate doc_id {doc_id!r} (first seen in {seen[doc_id]}). "
                  "Doc ids must be unique; rename or remove one.", on_error, problems)
            continue
        text = normalize_text(rec["raw_text"])
        title = None
        if rules is not None:
            cleaned = clean_text(text, rules=rules)
            text, title = cleaned.text, cleaned.title
        if not text.strip():
            what = "empty or whitespace only" + (" after cleaning" if rec["raw_text"].strip() else "")
            _fail(f"{rec['source']} (doc_id {doc_id!r}): document is {what}. Remove it or add its text.",
                  on_error, problems)
            continue
        seen[doc_id] = rec["source"]
        meta = {k: v for k, v in rec.items() if k not in {"doc_id", "raw_text", "source"}}
        given_title = meta.pop("title", None)
        docs.append({"doc_id": doc_id, "text": text, "raw_text": rec["raw_text"], "source": rec["source"],
                     "title": given_title if given_title not in (None, "") else title, **meta})
    return docs


def documents_from_frame(frame: pd.DataFrame, *, text_col: str, id_col: str | None, origin: str,
                         first_row: int = 1, seen: dict[str, str] | None = None,
                         clean: bool = True, cleaning=None, on_error: str = "raise",
                         problems: list[str] | None = None) -> list[dict]:
    """Corpus rows (dicts) from one table or chunk of a table, exactly as
    ``load_corpus`` builds them; with ``on_error="skip"`` the skipped documents'
    messages are appended to ``problems``. Used to stream large files in chunks:
    the chunk's rows are numbered from ``first_row``, and ``seen`` (doc_id ->
    source, updated) finds ids repeated from earlier chunks.

    >>> seen = {}
    >>> _ = documents_from_frame(pd.DataFrame({"doc_id": ["a"], "text": ["Hi."]}), text_col="text",
    ...                          id_col="doc_id", origin="demo", seen=seen)
    >>> documents_from_frame(pd.DataFrame({"doc_id": ["a"], "text": ["Hi."]}), text_col="text",
    ...                      id_col="doc_id", origin="demo", first_row=2, seen=seen)
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: demo row 2: duplicate doc_id 'a' (first seen in demo row 1). Doc ids must be unique; rename or remove one.
    """
    problems = [] if problems is None else problems
    rules = CleaningRules.load(cleaning) if clean else None
    records = _records_from_frame(frame, text_col, id_col, origin, on_error, problems, first_row)
    return _build(records, rules, on_error, problems, seen)


def cleaning_report(corpus: pd.DataFrame, *, cleaning=None) -> pd.DataFrame:
    """What cleaning removed or replaced in each document, and which documents
    are exact copies of another.

    Parameters
    ----------
    corpus : DataFrame
        A corpus table from :func:`analysis.load_corpus` (it needs ``raw_text``).
    cleaning : CleaningRules, path or mapping, optional
        The rules to report on (default the shipped ones, as ``load_corpus`` uses).

    Returns
    -------
    DataFrame
        One row per removed line or replaced character reference: doc_id,
        rule, line (1-based, in the normalised raw text), removed (the line, or
        the reference) and replaced_by (the characters a reference stands for;
        empty for a removed line). Then one row per document whose ``text`` is
        exactly that of an earlier one, with rule ``exact_copy`` (no line;
        removed: "copy of '<doc_id>'"), and per copy that ``load_corpus(...,
        duplicates="drop")`` dropped (removed: "dropped, copy of '<doc_id>'").

    Examples
    --------
    >>> report = cleaning_report(load_corpus())
    >>> sorted(report["rule"].unique())[:2]
    ['headline', 'likes_widget']
    >>> docs = load_corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["Caf&#233;.", "Caf&#233;."]}))
    >>> cleaning_report(docs)[["doc_id", "rule", "removed", "replaced_by"]].values.tolist()
    [['a', 'html_entities', '&#233;', 'é'], ['b', 'html_entities', '&#233;', 'é'], ['b', 'exact_copy', "copy of 'a'", '']]
    """
    require_columns(corpus, ["doc_id", "raw_text"], "cleaning_report", hint="Pass the table made by load_corpus().")
    rules = CleaningRules.load(cleaning)
    rows = [{"doc_id": doc_id, "replaced_by": "", **item}
            for doc_id, raw in zip(corpus["doc_id"], corpus["raw_text"])
            for item in clean_text(normalize_text(raw), rules=rules).removed]
    if "text" in corpus.columns:
        docs = [{"doc_id": d, "text": t} for d, t in zip(corpus["doc_id"], corpus["text"]) if isinstance(t, str)]
        rows += [{"doc_id": copy, "rule": "exact_copy", "line": None, "removed": f"copy of {original!r}",
                  "replaced_by": ""} for copy, original in exact_copies(docs).items()]
    rows += [{"doc_id": copy, "rule": "exact_copy", "line": None, "removed": f"dropped, copy of {original!r}",
              "replaced_by": ""} for copy, original in corpus.attrs.get("dropped_copies", {}).items()]
    return pd.DataFrame(rows, columns=["doc_id", "rule", "line", "removed", "replaced_by"]).astype({"line": "Int64"})
