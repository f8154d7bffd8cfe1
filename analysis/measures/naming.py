"""How people on the move are named, sentence by sentence, by whom, and per group.

* ``migrant_naming(sentences)``: one row per name ("illegal immigrants",
  "refugees", "migrants and refugees"), with offsets, from the naming labels of
  the codebook (``naming:`` in ``frames.yaml``);
* ``naming_speakers(naming, quotes)``: who says each name (a quote's speaker, or
  the outlet's own voice);
* ``naming_table(naming, by)``: counts per label and group.

>>> import pandas as pd
>>> s = pd.DataFrame({"doc_id": ["a"], "text": ["Illegal immigrants and refugees."]})
>>> migrant_naming(s)["label"].tolist()
['illegal_immigrants', 'refugees']
"""

from __future__ import annotations

import re

import pandas as pd

from ..errors import require_columns
from ..resources.codebook import Codebook
from ..text._units import row_keys, texts_of, unit_column
from .quotes import OUTLET_VOICE

_WORD_CHAR = re.compile(r"\w")


_LETTERS = re.compile(r"[^\W\d_]+")


def migrant_naming(sentences: pd.DataFrame, *, codebook=None) -> pd.DataFrame:
    """One row per name given to people on the move (or their movement):
    doc_id, unit id, label (naming id), kind (people/phenomenon), entry, start,
    end (offsets into the document when the input has ``start``), matched,
    proper_name.

    Labels do not overlap: at one place the longest label wins. ``proper_name``
    is True when every word of the match is capitalised and it is not the
    sentence's first word ("Anti-Illegal Immigration Department"); such rows
    are kept but left out of :func:`naming_table`.

    Parameters
    ----------
    sentences : DataFrame
        A table with doc_id and text (sentences, paragraphs or a corpus); with
        ``start``, offsets are into the document.
    codebook : Codebook, path or mapping, optional
        The naming labels (``naming:`` of the codebook; default the shipped
        codebook).

    Returns
    -------
    DataFrame
        One row per name, in the order of the rows and then of the text:
        doc_id, the unit id (sent_id or par_id, if present), label, kind,
        entry, start, end, matched (the text), proper_name (bool).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a"], "text": ["Illegal immigrants, migrants and refugees met the Commissioner for Refugees."]})
    >>> migrant_naming(s)[["label", "matched", "proper_name"]].values.tolist()
    [['illegal_immigrants', 'Illegal immigrants', False], ['migrants_and_refugees', 'migrants and refugees', False], ['refugees', 'Refugees', True]]
    """
    cb = Codebook.load(codebook)
    texts = texts_of(sentences, "migrant_naming")
    unit = unit_column(sentences)
    doc_ids, units, base = row_keys(sentences)
    kinds = {n["id"]: n["kind"] for n in cb.naming}
    hits = sorted(cb.naming_lexicon.find_all(texts), key=lambda h: (h[0], h[1], h[1] - h[2]))
    rows, last = [], (-1, -1)
    for i, s, e, label, entry in hits:
        if (i, s) < last:
            continue
        last = (i, e)
        matched = texts[i][s:e]
        proper = bool(_WORD_CHAR.search(texts[i], 0, s)) and all(w[:1].isupper() for w in _LETTERS.findall(matched))
        rows.append((doc_ids[i], *units[i], label, kinds[label], entry, base[i] + s, base[i] + e, matched, proper))
    columns = ["doc_id", *([unit] if unit else []), "label", "kind", "entry", "start", "end", "matched", "proper_name"]
    return pd.DataFrame(rows, columns=columns).astype({"start": "int64", "end": "int64", "proper_name": bool})


def naming_table(naming: pd.DataFrame, by: str | list[str] = "doc_id", *, codebook=None) -> pd.DataFrame:
    """Counts of each naming label per group (proper names left out): one row
    per group, one column per label in codebook order, and ``total``.

    Parameters
    ----------
    naming : DataFrame
        The table of :func:`analysis.migrant_naming`, with any columns joined
        in; it needs label, proper_name and the ``by`` columns.
    by : str or list of str
        The column(s) to group by (default documents): any column of
        ``naming``, e.g. a speaker added by :func:`analysis.naming_speakers`.
    codebook : Codebook, path or mapping, optional
        The naming labels, which give the count columns and their order
        (default the shipped codebook).

    Returns
    -------
    DataFrame
        The ``by`` column(s), one integer column per naming label of the
        codebook and ``total`` (their sum). One row per group of ``naming``, in
        order of first appearance; a group with only proper names has zeros.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Illegal immigrants and migrants.", "Refugees."]})
    >>> naming_table(migrant_naming(s))[["doc_id", "illegal_immigrants", "migrants", "refugees", "total"]].values.tolist()
    [['a', 1, 1, 0, 2], ['b', 0, 0, 1, 1]]
    """
    cb = Codebook.load(codebook)
    by = [by] if isinstance(by, str) else list(by)
    require_columns(naming, [*by, "label", "proper_name"], "naming_table",
                    hint="Pass the table made by migrant_naming().")
    kept = naming[~naming["proper_name"]]
    table = pd.crosstab([kept[c] for c in by], kept["label"]) if len(kept) else pd.DataFrame(
        index=pd.MultiIndex.from_tuples([], names=by) if len(by) > 1 else pd.Index([], name=by[0]))
    groups = naming[by].drop_duplicates()
    table = table.reindex(pd.MultiIndex.from_frame(groups) if len(by) > 1 else pd.Index(groups[by[0]], name=by[0]),
                          fill_value=0)
    table = table.reindex(columns=cb.naming_ids, fill_value=0).astype("int64")
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table.reset_index()


def naming_speakers(naming: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """``naming`` with who says each name: ``speaker`` (as written),
    ``resolved_speaker`` (an anaphor such as "he" resolved) and
    ``speaker_actor`` of the quote or reported statement (from
    :func:`analysis.quotes`) whose span holds the name (speaker_actor is empty
    if the speaker is no known actor), and :data:`~analysis.OUTLET_VOICE` in
    all three for names in the outlet's own text.

    Parameters
    ----------
    naming : DataFrame
        Names with doc_id, start and end as offsets into the document's text:
        :func:`analysis.migrant_naming` of a table with ``start`` (such as
        :func:`analysis.sentences` gives).
    quotes : DataFrame
        Quotes and reported statements with doc_id, start and end as offsets
        into the same texts, speaker and speaker_actor, and resolved_speaker
        (else the speaker stands for it): :func:`analysis.quotes`.

    Returns
    -------
    DataFrame
        ``naming`` (its index reset) with the columns speaker,
        resolved_speaker and speaker_actor added. A name inside several spans
        takes the speaker of the one that starts last.

    Examples
    --------
    >>> import pandas as pd
    >>> n = pd.DataFrame({"doc_id": ["a", "a"], "label": ["migrants", "refugees"], "start": [5, 40],
    ...                   "end": [13, 48], "proper_name": [False, False]})
    >>> q = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [30], "speaker": ["He"],
    ...                   "resolved_speaker": ["Besher"], "speaker_actor": ["libya"]})
    >>> naming_speakers(n, q)[["label", "speaker", "resolved_speaker", "speaker_actor"]].values.tolist()
    [['migrants', 'He', 'Besher', 'libya'], ['refugees', '(outlet)', '(outlet)', '(outlet)']]
    """
    hint = "Pass migrant_naming(...) and analysis.quotes(corpus)."
    require_columns(naming, ["doc_id", "start", "end"], "naming_speakers", hint=hint)
    require_columns(quotes, ["doc_id", "start", "end", "speaker", "speaker_actor"], "naming_speakers", hint=hint)
    who = ["speaker", "resolved_speaker", "speaker_actor"]
    spans = quotes.assign(resolved_speaker=quotes.get("resolved_speaker", quotes["speaker"]))[
        ["doc_id", "start", "end", *who]].rename(columns={"start": "_q_start", "end": "_q_end"})
    out = naming.reset_index(drop=True).assign(_row=lambda t: range(len(t)))
    pairs = out[["_row", "doc_id", "start", "end"]].merge(spans, on="doc_id")
    inside = pairs[(pairs["_q_start"] <= pairs["start"]) & (pairs["end"] <= pairs["_q_end"])]
    inside = inside.sort_values(["_row", "_q_start"]).drop_duplicates("_row", keep="last").set_index("_row")
    for column in who:
        out[column] = out["_row"].map(inside[column]).fillna(OUTLET_VOICE).astype(str)
    return out.drop(columns="_row")
