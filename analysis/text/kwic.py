"""Keyword in context: every match of a word, phrase or glob, with the words
around it, its offsets into the document, and whether it is negated.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Aid arrived; no aid left."]})
>>> kwic(docs, "aid", window=2)[["left", "keyword", "right", "negated"]].values.tolist()
[['', 'Aid', 'arrived ;', False], ['; no', 'aid', 'left .', True]]
"""

from __future__ import annotations

import pandas as pd

from ._units import context, row_keys, texts_of, unit_column
from .matching import Lexicon, is_negated


def kwic(corpus: pd.DataFrame, pattern, window: int = 8) -> pd.DataFrame:
    """Keyword in context: one row per match of ``pattern`` in ``corpus["text"]``.

    ``pattern`` is an entry or glob ("humanitarian*", "human rights"), a list
    of them, or a :class:`~analysis.text.matching.Lexicon`; matching follows
    :mod:`analysis.text.matching`. ``corpus`` is any table with doc_id and text (a
    corpus, paragraphs or sentences; with ``start``, offsets are into the
    document). ``window`` is the number of tokens shown on each side.
    Columns: doc_id, unit id (if any), start, end, left, keyword, right,
    label, entry, negated.

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["They did not save lives at sea, officials said."]})
    >>> kwic(docs, "sav* lives", window=3)[["left", "keyword", "right", "negated"]].values.tolist()
    [['They did not', 'save lives', 'at sea ,', True]]
    """
    lexicon = pattern if isinstance(pattern, Lexicon) else Lexicon.from_entries(
        {"pattern": [pattern] if isinstance(pattern, str) else list(pattern)})
    texts = texts_of(corpus, "kwic")
    unit = unit_column(corpus)
    doc_ids, units, base = row_keys(corpus)
    rows = []
    for i, s, e, label, entry in lexicon.find_all(texts):
        left, keyword, right = context(texts[i], s, e, window)
        rows.append((doc_ids[i], *units[i], base[i] + s, base[i] + e, left, keyword, right, label, entry,
                     is_negated(texts[i], s)))
    columns = ["doc_id", *([unit] if unit else []), "start", "end", "left", "keyword", "right", "label", "entry",
               "negated"]
    return pd.DataFrame(rows, columns=columns).astype({"start": "int64", "end": "int64", "negated": bool})
