"""Helpers shared by the functions that read a table of text units (a corpus,
paragraphs or sentences): its texts, its unit id column, each row's keys, and
the words around a match.

>>> import pandas as pd
>>> t = pd.DataFrame({"doc_id": ["a"], "sent_id": [3], "start": [10], "text": ["Hello there."]})
>>> unit_column(t), row_keys(t)
('sent_id', (['a'], [(3,)], [10]))
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

import pandas as pd

from ..errors import TableError, require_columns
from .segment import TOKEN_PATTERN

_SPACE = re.compile(r"\s")


def texts_of(frame: pd.DataFrame, who: str) -> list[str]:
    """The ``text`` column as a list, checked: a DataFrame with doc_id and
    text, every text a string (else :class:`~analysis.errors.TableError`
    naming the row)."""
    require_columns(frame, ["doc_id", "text"], who,
                    hint="Pass the table made by analysis.load_corpus() or analysis.sentences().")
    texts = frame["text"].tolist()
    bad = None if set(map(type, texts)) <= {str} else next(
        (i for i, t in enumerate(texts) if not isinstance(t, str)), None)
    if bad is not None:
        raise TableError(f"{who}(): row {bad} (doc_id {frame['doc_id'].iloc[bad]!r}) has text {texts[bad]!r}, "
                         "not a string; drop or fill such rows first.")
    return texts


def estimator_texts(X, who: str) -> list[str]:
    """The texts an estimator is given (a list or Series of strings, or a
    DataFrame with ``text``), checked: one string is refused (wrap it in a
    list) and so is an item that is not a string (named by its position)."""
    if isinstance(X, str):
        raise TableError(f"{who} takes a list of texts or a table with 'text', not one string; wrap it: [text].")
    if isinstance(X, pd.DataFrame):
        if "text" not in X.columns:
            raise TableError(f"{who}: a table needs a 'text' column (has {list(X.columns)}).")
        X = X["text"]
    texts = list(X)
    bad = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
    if bad is not None:
        raise TableError(f"{who}: item {bad} is {texts[bad]!r}, not a string.")
    return texts


def unit_column(frame: pd.DataFrame) -> str | None:
    """The unit id column of a table: sent_id, par_id, or None for documents."""
    return next((c for c in ("sent_id", "par_id") if c in frame.columns), None)


def row_keys(frame: pd.DataFrame) -> tuple[list, list[tuple], list[int]]:
    """Per row, as lists (indexing a column per hit is slow): doc_id, the unit
    id as a tuple (``(sent_id,)``, ``(par_id,)`` or ``()``) and the offset of
    the text in its document (``start``, else 0)."""
    unit = unit_column(frame)
    units = list(zip(frame[unit].tolist())) if unit else [()] * len(frame)
    starts = frame["start"].tolist() if "start" in frame.columns else [0] * len(frame)
    return frame["doc_id"].tolist(), units, starts


def context(text: str, start: int, end: int, window: int) -> tuple[str, str, str]:
    """``(left, match, right)``: up to ``window`` tokens each side of ``text[start:end]``.

    >>> context("Aid reached the camp at dawn.", 12, 20, 2)
    ('Aid reached', 'the camp', 'at dawn')
    """
    before = tokens_before(text, start, window) if window > 0 else []
    after = [m.group() for m in islice(TOKEN_PATTERN.finditer(text, end), max(window, 0))]
    return " ".join(before), text[start:end], " ".join(after)


def tokens_before(text: str, start: int, n: int, keep: Callable[[str], bool] | None = None) -> list[str]:
    """The last ``n`` tokens of ``text[:start]`` (of those ``keep`` accepts),
    read back from ``start`` in growing steps, not from the start of the text.
    A step begins right after a space: no token spans one, so the tokens found
    are those of the whole text.

    >>> tokens_before("One two, three four.", 20, 3), tokens_before("One two, three four.", 20, 3, str.isalpha)
    (['three', 'four', '.'], ['two', 'three', 'four'])
    """
    step, lo = 64 + 16 * n, start
    while True:
        lo = max(0, lo - step)
        space = _SPACE.search(text, lo, start) if lo > 0 else None
        if lo == 0 or space:
            found = [m.group() for m in TOKEN_PATTERN.finditer(text, space.end() if space else 0, start)]
            found = [t for t in found if keep(t)] if keep else found
            if len(found) >= n or lo == 0:
                return found[-n:] if n > 0 else []
        step *= 2
