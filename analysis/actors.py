"""Actors as data: canonical ids, definitions and aliases from ``analysis/data/actors.yaml``.

The file maps each actor id to a ``definition`` (what a coder codes as this
actor) and ``aliases`` (words, multi-word expressions or globs, matched by
:class:`analysis.matching.Lexicon`: case-insensitive, whole tokens). Pass your
own file to :func:`load_actors` to replace it.

Where aliases of two actors overlap ("Italian Interior Minister" and
"Interior Minister"), the longer mention wins; of two equally long ones, the
actor listed first in the file.

>>> import analysis
>>> [(m.actor, m.alias) for m in analysis.find_actors("Italy urged the Libyan coast guard to act.")]
[('europe', 'Italy'), ('libya', 'Libyan coast guard')]
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .matching import Lexicon, LexiconError
from .datafile import read_yaml_mapping
from .paths import PACKAGE_DATA

ACTORS_FILE = PACKAGE_DATA / "actors.yaml"


class ActorsError(ValueError):
    """An actors file that cannot be used; the message names the file and key."""


class Mention(NamedTuple):
    """One actor mention: ``text[start:end]`` matched ``alias`` of ``actor``."""
    start: int
    end: int
    actor: str
    alias: str


def load_actors(path: str | Path | None = None) -> dict[str, dict]:
    """Actors of a YAML file (default: the shipped ``actors.yaml``), validated:
    ``{actor_id: {"definition": str, "aliases": [str, ...]}}`` in file order.

    Raises :class:`ActorsError` naming the file and key when the file is not a
    mapping with ``actors:``, an actor lacks a definition or aliases, an alias
    is not a non-empty string, or one alias is listed for two actors.

    >>> list(load_actors())[:3]
    ['libya', 'international_community', 'un_agencies']
    """
    path = Path(path) if path else ACTORS_FILE
    return _load_actors(path.resolve())


def find_actors(text: str, path: str | Path | None = None) -> list[Mention]:
    """Actor mentions in ``text``, in order, without overlaps (longest wins).

    >>> [(m.actor, m.alias) for m in find_actors("the eastern-based army and militias")]
    [('armed_groups', 'eastern-based army'), ('armed_groups', 'militia*')]
    """
    return find_actors_each([text], path)[0]


def find_actors_each(texts: list[str], path: str | Path | None = None) -> list[list[Mention]]:
    """``find_actors(text)`` for each of ``texts``, computed in one scan.

    >>> [[m.actor for m in found] for found in find_actors_each(["Italy and IOM", "nobody", "the EU"])]
    [['europe', 'un_agencies'], [], ['europe']]
    """
    lexicon, order = _finder(Path(path) if path else ACTORS_FILE)
    mentions: list[list[Mention]] = [[] for _ in texts]
    for i, start, end, actor, alias in sorted(lexicon.find_all(texts),
                                              key=lambda h: (h[0], h[1], -(h[2] - h[1]), order[h[3]])):
        found = mentions[i]
        if found and start < found[-1].end:
            continue
        found.append(Mention(start, end, actor, alias))
    return mentions


def actor_mentions(frame: pd.DataFrame, path: str | Path | None = None) -> pd.DataFrame:
    """One row per actor mention in a sentences (or paragraphs, corpus) table:
    the frame's id columns, start, end (offsets into the document's text),
    mention, actor, alias.

    >>> import analysis
    >>> m = analysis.sentences(analysis.load_corpus()).pipe(actor_mentions)
    >>> m.loc[1, ["mention", "actor"]].tolist()
    ['Fact-Finding Mission', 'un_agencies']
    """
    missing = [c for c in ("doc_id", "text") if c not in frame.columns]
    if missing:
        raise ValueError(f"actor_mentions() needs columns doc_id and text; missing {missing}. "
                         "Pass the table made by analysis.sentences() or analysis.load_corpus().")
    ids = [c for c in ("doc_id", "sent_id", "par_id") if c in frame.columns]
    records = frame.to_dict("records")
    rows = []
    for record, mentions in zip(records, find_actors_each([r["text"] for r in records], path)):
        base = int(record.get("start", 0))
        for m in mentions:
            rows.append([record[c] for c in ids]
                        + [base + m.start, base + m.end, record["text"][m.start:m.end], m.actor, m.alias])
    return pd.DataFrame(rows, columns=[*ids, "start", "end", "mention", "actor", "alias"])


@lru_cache(maxsize=8)
def _load_actors(path: Path) -> dict[str, dict]:
    data = read_yaml_mapping(path, ActorsError, kind="actors",
                             hint="pass the path of a YAML file with an 'actors:' mapping.")
    if not isinstance(data.get("actors"), dict) or not data["actors"]:
        raise ActorsError(f"{path}: expected a top-level key 'actors:' mapping each actor id to "
                          "'definition:' and 'aliases:'.")
    actors, owner = {}, {}
    for actor, entry in data["actors"].items():
        where = f"{path}: actors.{actor}"
        if not isinstance(entry, dict):
            raise ActorsError(f"{where}: expected a mapping with 'definition:' and 'aliases:'.")
        definition, aliases = entry.get("definition"), entry.get("aliases")
        if not isinstance(definition, str) or not definition.strip():
            raise ActorsError(f"{where}.definition: missing or empty; say in a sentence what counts as {actor}.")
        if not isinstance(aliases, list) or not aliases:
            raise ActorsError(f"{where}.aliases: expected a non-empty list of words or phrases.")
        for alias in aliases:
            if not isinstance(alias, str) or not alias.strip():
                raise ActorsError(f"{where}.aliases: {alias!r} is not a non-empty string; quote it.")
            key = " ".join(alias.lower().replace("-", " ").replace("’", "'").split())
            if key in owner:
                raise ActorsError(f"{where}.aliases: {alias!r} is also an alias of {owner[key]!r}; "
                                  "keep it under one actor.")
            owner[key] = actor
        actors[str(actor)] = {"definition": definition.strip(), "aliases": list(aliases)}
    try:
        Lexicon.from_entries({a: e["aliases"] for a, e in actors.items()})
    except LexiconError as err:
        raise ActorsError(f"{path}: actors.{err}") from err
    return actors


@lru_cache(maxsize=8)
def _lexicon(path: Path) -> Lexicon:
    return Lexicon.from_entries({a: e["aliases"] for a, e in _load_actors(path).items()})


@lru_cache(maxsize=8)
def _finder(path: Path) -> tuple[Lexicon, dict[str, int]]:
    """The lexicon of an actors file and each actor's place in it (the path resolved once)."""
    lexicon = _lexicon(path.resolve())
    return lexicon, {actor: i for i, actor in enumerate(lexicon.labels)}
