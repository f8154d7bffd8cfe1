"""Stop words, as data: a plain text file, one word per line (``#`` starts a
comment). The shipped list, ``analysis/data/stopwords_en.txt``, holds English
closed-class words only (articles, pronouns, prepositions, conjunctions,
auxiliaries, negation), so no content word is ever dropped by it.

Functions that can leave stop words out (:func:`analysis.keyness`,
:func:`analysis.collocates`, :func:`analysis.clusters`) take the list as a
keyword argument, ``stopwords=``, and use none unless given one; topic models
(:func:`analysis.fit_topics`, :class:`analysis.TopicModel`,
:func:`analysis.select_k`) use the shipped list unless given another.
``stopwords_news_topics.txt`` adds news boilerplate for topics.

>>> words = load_stopwords()
>>> "the" in words, "migrants" in words, "don't" in words
(True, False, True)
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..errors import AnalysisError
from ..paths import shipped
from ._files import as_path, cached_by_file

DEFAULT = ("stopwords_en.txt",)


def load_stopwords(path=None) -> frozenset[str]:
    """The stop words of a file: one word a line; lines starting with ``#`` are comments.

    Parameters
    ----------
    path : str or Path, optional
        The file (default the shipped English list of function words,
        ``analysis/data/stopwords_en.txt``).

    Returns
    -------
    frozenset of str
        The words, lower case, with ``’`` read as ``'``.

    Raises
    ------
    AnalysisError
        Naming the file and line, if the file is missing or a line holds more
        than one word.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "stop.txt"
    >>> _ = p.write_text("# mine\\nThe\\nsaid\\n")
    >>> sorted(load_stopwords(p))
    ['said', 'the']
    """
    source = shipped(*DEFAULT) if path is None else as_path(path)
    if not source.is_file():
        raise AnalysisError(f"{source}: no such stop-word file; pass the path of a text file with one word "
                            "per line, or leave it out for the shipped English list.")
    return cached_by_file(source, _read, key="stopwords")


def _read(path) -> frozenset[str]:
    words = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if len(line.split()) > 1:
            raise AnalysisError(f"{path}: line {number}: {line!r} is more than one word; put one word per line.")
        words.add(normalize_word(line))
    return frozenset(words)


def normalize_word(word: str) -> str:
    """The form in which stop words are compared: lower case, ``’`` as ``'``.

    >>> normalize_word("Don’t")
    "don't"
    """
    return word.lower().replace("’", "'")


def stopword_set(stopwords, who: str) -> frozenset[str]:
    """``stopwords`` as given to a function: None (none), an iterable of words,
    or a path to a stop-word file; checked, normalised. ``who`` names the
    function in the error.

    >>> sorted(stopword_set(["The", "of"], "keyness"))
    ['of', 'the']
    """
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, os.PathLike):
        return load_stopwords(stopwords)
    if isinstance(stopwords, str) or not isinstance(stopwords, Iterable):
        raise AnalysisError(f"{who}(): stopwords= takes a set of words (e.g. analysis.load_stopwords()) or a "
                            f"pathlib.Path to a stop-word file, not {stopwords!r}.")
    words = list(stopwords)
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise AnalysisError(f"{who}(): stop words must be strings; got {bad[:3]!r}.")
    return frozenset(map(normalize_word, words))
