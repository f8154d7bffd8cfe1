"""Keyword in context: every match of a word, phrase or glob, with the words
around it, its offsets into the document, and whether it is negated; sorted
by the words around it, or a seeded sample of it, shown in Jupyter with the
node words aligned.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Aid arrived; no aid left."]})
>>> kwic(docs, "aid", window=2)[["left", "keyword", "right", "negated"]].values.tolist()
[['', 'Aid', 'arrived ;', False], ['; no', 'aid', 'left .', True]]
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from .._deprecation import renamed
from .._validation import check_interval
from ..errors import AnalysisError
from ..matching import Lexicon, is_negated
from ._units import context, row_keys, texts_of, tokens_before, unit_column
from .segment import TOKEN_PATTERN, is_word

_SORT_KEY = re.compile(r"([LR])([1-9]\d*)|keyword")


class Concordance(pd.DataFrame):
    """The table :func:`kwic` returns: a plain DataFrame (any operation on it
    gives a ``pandas.DataFrame``) that Jupyter shows as a concordance, left
    context right-aligned and right context left-aligned, so the node words
    line up. Up to ``pandas.options.display.max_rows`` lines are shown.

    >>> import pandas as pd
    >>> c = kwic(pd.DataFrame({"doc_id": ["a"], "text": ["Aid <arrived>."]}), "aid")
    >>> "&lt; arrived &gt;" in c._repr_html_(), type(c[["left"]]).__name__
    (True, 'DataFrame')
    """

    @property
    def _constructor(self):
        return pd.DataFrame

    def _repr_html_(self) -> str:
        limit = pd.get_option("display.max_rows") or len(self)
        ids = [c for c in ("doc_id", "sent_id", "par_id") if c in self.columns]
        cell = "padding:1px 6px;white-space:nowrap;font-family:monospace"
        head = "".join(f'<th style="{cell}">{html.escape(c)}</th>' for c in ids)
        head += (f'<th style="{cell};text-align:right">left</th><th style="{cell};text-align:left">keyword</th>'
                 f'<th style="{cell};text-align:left">right</th>')
        lines = []
        for row in self.head(limit).itertuples(index=False):
            values = row._asdict()
            lines.append("<tr>" + "".join(f'<td style="{cell};text-align:left">{html.escape(str(values[c]))}</td>'
                                          for c in ids)
                         + f'<td style="{cell};text-align:right">{html.escape(values["left"])}</td>'
                         + f'<td style="{cell};text-align:left;font-weight:bold">{html.escape(values["keyword"])}</td>'
                         + f'<td style="{cell};text-align:left">{html.escape(values["right"])}</td></tr>')
        more = (f'<p style="font-family:monospace">… {len(self) - limit} more of {len(self)} lines '
                "(pandas.options.display.max_rows)</p>" if len(self) > limit else "")
        return (f'<table class="analysis-concordance" style="border-collapse:collapse">'
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>{more}")


@renamed(sample="n")
def kwic(corpus: pd.DataFrame, pattern, window: int = 8, *, sort=None, n: int | None = None,
         random_state=None) -> Concordance:
    """Keyword in context: one row per match of ``pattern`` in ``corpus["text"]``.

    Parameters
    ----------
    corpus : DataFrame
        Any table with doc_id and text: a corpus, paragraphs or sentences; with
        ``start``, offsets are into the document.
    pattern : str, list of str or Lexicon
        An entry or glob ("humanitarian*", "human rights"), a list of them, or
        a :class:`~analysis.Lexicon`; matching follows :mod:`analysis.matching`.
    window : int
        Tokens shown on each side.
    sort : str or list of str, optional
        "L1", "L2", "L3"... (the first, second, third word left of the
        keyword), "R1", "R2", "R3"..., "keyword", or a list of them (the first
        decides, the next break ties). Words are compared in lower case,
        punctuation skipped, an absent word (at the edge of the text) first,
        ties in corpus order; they are read from the whole text row, not only
        from the shown window.
    n : int, optional
        Show this many matches, drawn without replacement with
        ``numpy.random.default_rng(random_state)``, in corpus order (as
        ``DataFrame.sample(n=...)``); all of them if None. Sampling comes
        before sorting. ``sample=`` is its old name, accepted with a
        FutureWarning.
    random_state : int, optional
        The seed of the sample: pass one for the same lines every time.

    Returns
    -------
    Concordance
        A DataFrame that Jupyter shows with the keywords aligned: doc_id, unit
        id (if any), start, end, left, keyword, right, label, entry, negated.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["They did not save lives at sea, officials said."]})
    >>> kwic(docs, "sav* lives", window=3)[["left", "keyword", "right", "negated"]].values.tolist()
    [['They did not', 'save lives', 'at sea ,', True]]
    >>> docs = pd.DataFrame({"doc_id": ["a"],
    ...                      "text": ["Migrants drowned. Many migrants arrived. The migrants, again."]})
    >>> kwic(docs, "migrants", window=2, sort="R1")[["left", "keyword", "right"]].values.tolist()
    [['. The', 'migrants', ', again'], ['. Many', 'migrants', 'arrived .'], ['', 'Migrants', 'drowned .']]
    """
    keys = _sort_keys(sort)
    if n is not None:
        check_interval("n", n, 0, integer=True, where="kwic", why="a number of lines")
    lexicon = pattern if isinstance(pattern, Lexicon) else Lexicon.from_entries(
        {"pattern": [pattern] if isinstance(pattern, str) else list(pattern)})
    texts = texts_of(corpus, "kwic")
    unit = unit_column(corpus)
    doc_ids, units, base = row_keys(corpus)
    hits = lexicon.find_all(texts)
    if n is not None and n < len(hits):
        chosen = np.sort(np.random.default_rng(random_state).choice(len(hits), size=n, replace=False))
        hits = [hits[i] for i in chosen.tolist()]
    rows = []
    for i, s, e, label, entry in hits:
        left, keyword, right = context(texts[i], s, e, window)
        rows.append((doc_ids[i], *units[i], base[i] + s, base[i] + e, left, keyword, right, label, entry,
                     is_negated(texts[i], s)))
    columns = ["doc_id", *([unit] if unit else []), "start", "end", "left", "keyword", "right", "label", "entry",
               "negated"]
    table = pd.DataFrame(rows, columns=columns).astype({"start": "int64", "end": "int64", "negated": bool})
    if keys and len(table):
        order = pd.DataFrame({f"k{j}": [_sort_word(texts[i], s, e, key) for i, s, e, _, _ in hits]
                              for j, key in enumerate(keys)})
        table = table.iloc[order.sort_values(list(order.columns), kind="stable").index].reset_index(drop=True)
    return Concordance(table)


def _sort_keys(sort) -> list[str]:
    if sort is None:
        return []
    keys = [sort] if isinstance(sort, str) else list(sort) if isinstance(sort, (list, tuple)) else None
    if not keys or not all(isinstance(k, str) and _SORT_KEY.fullmatch(k.strip()) for k in keys):
        raise AnalysisError(f"kwic(): sort= takes 'L1', 'L2', 'L3'..., 'R1', 'R2', 'R3'..., 'keyword', or a "
                            f"list of them, not {sort!r}.")
    return [k.strip() for k in keys]


def _sort_word(text: str, start: int, end: int, key: str) -> str:
    """The word that ``key`` ("L2", "R1", "keyword") names around ``text[start:end]``, lower case; "" if none."""
    if key == "keyword":
        return text[start:end].lower()
    side, k = key[0], int(key[1:])
    if side == "R":
        for m in TOKEN_PATTERN.finditer(text, end):
            if is_word(m.group()):
                k -= 1
                if k == 0:
                    return m.group().lower()
        return ""
    before = tokens_before(text, start, k, is_word)
    return before[0].lower() if len(before) == k else ""
