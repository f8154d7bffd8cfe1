"""Match a dictionary (a lexicon) against text, with character offsets.

A lexicon maps labels to entries; an entry is a word (``"refugees"``), a
multi-word expression (``"human rights"``) or a glob (``"humanitarian*"``:
``*`` stands for any run of word characters, ``?`` for exactly one; a glob never
crosses a space or a hyphen).

How text is matched:

* Case-insensitive. An entry matches whole tokens only: it may not start or
  end inside a word (``"sea"`` does not match "search", ``"won"`` does not match
  "won't"); a possessive ``'s`` and a hyphen end a token, so ``"libya"`` matches
  "Libya's" and ``"smuggling"`` matches "anti-smuggling".
* In a multi-word entry, a space or a hyphen stands for any run of white space
  or one hyphen (with or without spaces): ``"eastern-based"`` and
  ``"eastern based"`` are the same entry and match "eastern-based",
  "eastern based" and "eastern\\nbased". ``'`` and ``’`` are interchangeable.
* Within one label, hits are leftmost-longest and do not overlap:
  with entries ``"security"`` and ``"national security"``, "national security"
  is one hit. Across labels, each label is matched on its own, so one stretch
  of text can be a hit for two labels ("national security" for ``sovereignty``
  and "security" for ``security``), as in quanteda's ``nested_scope = "key"``.
* At one position the longest entry wins, trying literal characters before a
  glob: avoid pairs such as ``"human"`` and ``"hum* rights"`` in one lexicon
  (the literal one would win on "human rights").

All entries are compiled into one regular expression (a prefix tree), so a
lexicon of hundreds of entries costs one scan of the text.

>>> lex = Lexicon.from_entries({"aid": ["humanitarian*", "save lives"], "law": ["illegal"]})
>>> text = "Humanitarian groups did not save  lives of illegal migrants."
>>> [(text[s:e], label, entry) for s, e, label, entry in lex.find(text)]
[('Humanitarian', 'aid', 'humanitarian*'), ('save  lives', 'aid', 'save lives'), ('illegal', 'law', 'illegal')]
>>> is_negated(text, text.index("save"))
True
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from .errors import LexiconError

#: Words that negate what follows them in the same clause (plus any word ending in n't).
NEGATORS = frozenset({"no", "not", "never", "without", "neither", "nor", "none", "nobody", "nothing",
                      "nowhere", "cannot", "hardly"})
#: Subjects of an extraposed infinitive: "It's not racist to impose limits".
EXTRAPOSED_SUBJECTS = frozenset({"it", "this", "that"})
#: Auxiliaries and forms of "be" that may stand between such a subject and its
#: negator, or between the negator and the predicate ("it would not be fair to").
AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "am", "'s", "would", "could", "might", "may",
                         "will", "shall", "should", "can", "must", "does", "did", "do", "has", "have", "had"})
#: Words before "to" that pass a negation on to the infinitive after it, because
#: the infinitive is their complement: "It is not going to happen", "not likely to
#: succeed", "not allowed to stay". After any other word the infinitive of an
#: extraposed subject is outside the negator's scope.
SCOPE_CARRIERS = frozenset({"able", "allowed", "permitted", "going", "likely", "expected", "supposed", "meant",
                            "set", "due", "about", "bound", "certain", "sure", "enough", "willing", "ready",
                            "prepared", "trying", "planning", "seeking", "hoping", "designed", "intended", "used",
                            "required", "obliged", "forced", "authorised", "authorized", "known", "said",
                            "thought", "believed", "reported", "scheduled"})

# An entry starts with a word character, so \b before it is a word start; the
# check for a letter after an apostrophe ("Fat'hi") comes after the entry
# matched (_AFTER_APOSTROPHE), which makes the scan about a fifth faster.
_START = r"\b"
_AFTER_APOSTROPHE = r"(?<!\w['’])"
_END = r"(?!\w|['’](?![sS]\b)\w)"
_SEP = r"(?:\s*[-‐‑]\s*|\s+)"
_APOS = "['’]"
_END_AT = re.compile(_END)
_NORMAL_SEP = re.compile(r"\s*[-‐‑]\s*|\s+")
_ENTRY_OK = re.compile(r"[\w*?][\w*?.,&]*(?:(?:\s+|\s*[-‐‑]\s*|['’])[\w*?.,&]+)*['’]?")
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\"“”«»—–]|\b(?:but|however|although|though|whereas)\b", re.IGNORECASE)
_NEG_WORD = re.compile(r"\w+(?:['’]\w+)*")
_UNIT_SEPARATOR = "\x00"


def normalize_entry(text: str) -> str:
    """The form under which entries and matched text are compared: lower case,
    ``’`` as ``'``, any run of spaces or a hyphen as one space.

    >>> normalize_entry("Eastern -  Based Army’s")
    "eastern based army's"
    """
    return _NORMAL_SEP.sub(" ", text.strip().lower().replace("’", "'"))


def is_negated(text: str, start: int, window: int = 5) -> bool:
    """True if a negator stands before ``text[start:]`` within its scope.

    The scope of a negator is its clause: the clause starts after the last
    ``. , ; : ! ? ( ) [ ] " “ ” « » — –`` or "but", "however", "although",
    "though", "whereas" before ``start``; of its words, the last ``window`` are
    searched for a word in :data:`NEGATORS` or one ending in "n't". Lexical
    negation ("lacked", "denied") is not a negator.

    One clause holds two when its subject is extraposed: in "It's not racist to
    impose limits" (or "this is not the time to", "it would not be fair to"), the
    negator denies the predicate ("racist"), and the infinitive after "to" is the
    real subject, a clause of its own that the negation does not reach. So when
    the negator's verb group has the subject "it", "this" or "that"
    (:data:`EXTRAPOSED_SUBJECTS`, with at most two :data:`AUXILIARIES` between
    them) and at most four words stand between the negator and a following "to",
    the negation stops at that "to" -- unless the word before "to" is one of
    :data:`SCOPE_CARRIERS` ("able", "going", "likely", "allowed"...), whose
    complement the infinitive is ("it is not going to happen": "happen" is
    negated).

    >>> is_negated("Libya bears no full responsibility", 20)
    True
    >>> is_negated("There is no doubt, the rescue saved lives", 30)
    False
    >>> is_negated("Italy won't leave Libya alone", 12)
    True
    >>> text = "It's not racist to impose limits"
    >>> is_negated(text, text.index("racist")), is_negated(text, text.index("limits"))
    (True, False)
    >>> is_negated("It is not going to stop migration", 27)
    True
    """
    head = text[max(0, start - 400):start]
    last = None
    for last in _CLAUSE_BREAK.finditer(head):
        pass
    clause = head[last.end():] if last else head
    words = [w.lower().replace("’", "'") for w in _NEG_WORD.findall(clause)]
    reach = len(words)                     # a negator at i negates the hit if _scope_end(words, i) >= reach
    for i, word in enumerate(words[-window:] if window > 0 else [], start=max(len(words) - window, 0)):
        if (word in NEGATORS or word.endswith("n't")) and _scope_end(words, i) >= reach:
            return True
    return False


def _scope_end(words: list[str], i: int) -> int:
    """Where the scope of the negator ``words[i]`` ends among ``words``: at an
    extraposed subject's "to" (see :func:`is_negated`), else after the last word."""
    subject_at = i - 1                    # "isn't", "cannot": the verb group is the negator itself
    if not (words[i].endswith("n't") or words[i] == "cannot"):
        while subject_at >= 0 and i - subject_at <= 2 and words[subject_at] in AUXILIARIES:
            subject_at -= 1
    if subject_at < 0:
        return len(words)
    subject = words[subject_at]
    if not (subject in EXTRAPOSED_SUBJECTS or subject in ("it's", "that's")):
        return len(words)
    for j in range(i + 1, min(i + 6, len(words))):
        if words[j] == "to":
            between = [w for w in words[i + 1:j] if w not in AUXILIARIES]
            if between and words[j - 1] not in SCOPE_CARRIERS:
                return j
            break
    return len(words)


class Lexicon:
    """Compiled from ``{label: [entry, ...]}``; an entry is a word, a multi-word
    expression, or a glob (``"humanitarian*"``). See the module docstring for
    the matching rules.

    Parameters
    ----------
    entries : dict of str to list of str
        Each label's entries. The order of the labels is that of ``labels``
        and of the hits at one position. Only the entries' text is checked
        here; ``Lexicon.from_entries`` also checks the types (a string given
        for a list of entries would be read as its letters).

    Raises
    ------
    LexiconError
        Naming the label (and entry), if an entry is empty, has characters
        that cannot be matched or no letter or digit, or is the same as
        another entry of its label after normalisation (case, hyphens,
        apostrophes).

    Examples
    --------
    >>> lex = Lexicon.from_entries({"sov": ["sovereignty", "national security"], "sec": ["security"]})
    >>> lex.labels
    ['sov', 'sec']
    >>> [(s, e, label) for s, e, label, _ in lex.find("A national security threat.")]
    [(2, 19, 'sov'), (11, 19, 'sec')]
    """

    def __init__(self, entries: dict[str, list[str]]):
        self.entries = {label: list(values) for label, values in entries.items()}
        self.labels = list(self.entries)
        self._literal: dict[str, list[tuple[str, str]]] = {}
        self._globs: list[tuple[re.Pattern, str, str]] = []
        trie: dict = {}
        seen: dict[tuple[str, str], str] = {}
        for label, values in self.entries.items():
            for entry in values:
                atoms = _atoms(label, entry)
                key = normalize_entry(entry)
                if (label, key) in seen:
                    raise LexiconError(f"label {label!r}: entries {seen[label, key]!r} and {entry!r} are the same "
                                       "after normalisation (case, hyphens, apostrophes); keep one of them.")
                seen[label, key] = entry
                _insert(trie, atoms)
                if any(kind in ("star", "any") for kind, _ in atoms):
                    self._globs.append((re.compile(_glob_regex(atoms)), label, entry))
                else:
                    self._literal.setdefault(key, []).append((label, entry))
        body = _trie_regex(trie) if trie else r"(?!)"
        self.pattern = re.compile(f"{_START}(?=({body}){_END}){_AFTER_APOSTROPHE}", re.IGNORECASE)
        # _matches scans lower-cased text (twice as fast as IGNORECASE) with one
        # character put in front, and a match takes the character before the
        # entry. Unless an entry starts with a glob (which may start where a
        # word ends), that character is not an ASCII word character, and re
        # skips those with a quick set test instead of trying every position;
        # the word-start tests come after the prefix tree, which fails sooner.
        # Together they take a quarter to a half off the scan.
        before = r"(?s:.)" if ("star", "*") in trie else "[^0-9_a-z]"
        self._pattern_lower = re.compile(f"{before}(?=({body}){_END}){_START}{_AFTER_APOSTROPHE}")
        self._cache: dict[str, tuple[tuple[str, int, str], ...]] = {}

    @classmethod
    def from_entries(cls, entries: dict[str, list[str]]) -> "Lexicon":
        """Validate and compile ``{label: [entry, ...]}``.

        Parameters
        ----------
        entries : dict of str to list of str
            Each label (a non-empty string) with its entries (a list of
            strings: words, multi-word expressions or globs).

        Returns
        -------
        Lexicon
            The compiled lexicon, its labels in the order of ``entries``.

        Raises
        ------
        LexiconError
            Naming the label (and entry) if ``entries`` is not a dict, a label
            is not a non-empty string, its entries are not a list of strings,
            or an entry is empty, has characters other than letters, digits,
            spaces, hyphens, apostrophes, ``. , &`` and the glob marks ``* ?``,
            has no letter or digit, or is the same as another entry of its
            label after normalisation.

        Examples
        --------
        >>> Lexicon.from_entries({"x": ["a", "b c"]}).labels
        ['x']
        """
        if not isinstance(entries, dict):
            raise LexiconError(f"a lexicon is a mapping {{label: [entry, ...]}}, not {type(entries).__name__}.")
        listed = {}
        for label, values in entries.items():
            if not isinstance(label, str) or not label.strip():
                raise LexiconError(f"label {label!r}: labels must be non-empty strings.")
            if isinstance(values, str) or not isinstance(values, Iterable):
                raise LexiconError(f"label {label!r}: entries must be a list of strings, not {values!r}.")
            listed[label] = list(values)
            for entry in listed[label]:
                if not isinstance(entry, str):
                    raise LexiconError(f"label {label!r}: entry {entry!r} is not a string; quote it in the file.")
        return cls(listed)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{label}: {len(v)}" for label, v in self.entries.items())
        return f"Lexicon({{{sizes}}})"

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """``(start, end, label, entry)`` for every hit, ordered by start then
        by label order; ``text[start:end]`` is the matched text and ``entry``
        the entry as written in the lexicon.

        Parameters
        ----------
        text : str
            The text to search.

        Returns
        -------
        list of (int, int, str, str)
            One ``(start, end, label, entry)`` per hit; empty if there is none.

        Raises
        ------
        TypeError
            If ``text`` is not a string.

        Examples
        --------
        >>> Lexicon.from_entries({"x": ["migrant*"]}).find("Migrants’ centres")
        [(0, 8, 'x', 'migrant*')]
        """
        if not isinstance(text, str):
            raise TypeError(f"find() takes a string, not {type(text).__name__}.")
        text = text.replace(_UNIT_SEPARATOR, " ")
        return self._matches(text, text.lower())

    def find_each(self, texts: Iterable[str]) -> list[list[tuple[int, int, str, str]]]:
        """``find(text)`` for each of ``texts``, computed in one scan.

        Parameters
        ----------
        texts : iterable of str
            The texts to search.

        Returns
        -------
        list of list of (int, int, str, str)
            For each text, in order, the ``(start, end, label, entry)`` of its
            hits as ``find`` gives them (an empty list for a text without one).

        Examples
        --------
        >>> Lexicon.from_entries({"x": ["aid"]}).find_each(["aid", "none", "more aid"])
        [[(0, 3, 'x', 'aid')], [], [(5, 8, 'x', 'aid')]]
        """
        texts = list(texts)
        hits: list[list[tuple[int, int, str, str]]] = [[] for _ in texts]
        for i, start, end, label, entry in self.find_all(texts):
            hits[i].append((start, end, label, entry))
        return hits

    def find_all(self, texts: list[str]) -> list[tuple[int, int, int, str, str]]:
        """Hits in many texts in one scan: ``(i, start, end, label, entry)``
        with ``i`` the position of the text in ``texts`` and offsets into
        ``texts[i]``. Matches never cross from one text into the next.

        Parameters
        ----------
        texts : list of str
            The texts to search (any iterable of strings).

        Returns
        -------
        list of (int, int, int, str, str)
            One ``(i, start, end, label, entry)`` per hit, ordered by text,
            then as ``find`` orders them (by start, then by label order).

        Examples
        --------
        >>> Lexicon.from_entries({"x": ["human rights"]}).find_all(["no human", "rights", "human rights"])
        [(2, 0, 12, 'x', 'human rights')]
        """
        texts = list(texts)
        if len(texts) == 1:  # a common call: nothing to join, no offsets to map
            return [(0, *hit) for hit in self.find(texts[0])]
        joined = _UNIT_SEPARATOR.join(texts)
        if joined.count(_UNIT_SEPARATOR) != max(len(texts) - 1, 0):
            texts = [t.replace(_UNIT_SEPARATOR, " ") for t in texts]
            joined = _UNIT_SEPARATOR.join(texts)
        # Lower-cased text by text: the same as joined.lower() (the separator stops
        # the final-sigma rule as the end of a text does) and twice as fast, as
        # most texts are ASCII, which str.lower does quickly.
        lower = _UNIT_SEPARATOR.join(map(str.lower, texts))
        bases = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        hits = []
        for start, end, label, entry in self._matches(joined, lower):
            unit = bisect_right(bases, start) - 1
            hits.append((unit, start - bases[unit], end - bases[unit], label, entry))
        return hits

    def _matches(self, text: str, lower: str) -> list[tuple[int, int, str, str]]:
        """:meth:`find` on ``text`` (a text, or texts joined by the unit
        separator) given its lower-cased form ``lower``."""
        scan = (self._pattern_lower.finditer(_UNIT_SEPARATOR + lower) if len(lower) == len(text)
                else self.pattern.finditer(text))
        last_end: dict[str, int] = {}
        cache, resolve = self._cache, self._resolve
        hits = []
        for m in scan:
            start, matched = m.start(), m.group(1)
            found = cache.get(matched)
            if found is None:
                found = cache[matched] = resolve(matched)
            for label, length, entry in found:
                if start >= last_end.get(label, -1):
                    last_end[label] = start + length
                    hits.append((start, start + length, label, entry))
        return hits

    def _resolve(self, matched: str) -> tuple[tuple[str, int, str], ...]:
        """For text matched at one position, the longest entry of each label
        that matches a prefix of it ending at a token boundary."""
        ends = [i for i in range(len(matched) - 1, 0, -1)
                if (matched[i - 1].isalnum() or matched[i - 1] == "_") and _END_AT.match(matched, i)]
        best: dict[str, tuple[int, str]] = {}
        for end in [len(matched), *ends]:
            key = normalize_entry(matched[:end])
            for label, entry in self._lookup(key):
                best.setdefault(label, (end, entry))
        return tuple((label, best[label][0], best[label][1]) for label in self.labels if label in best)

    def _lookup(self, key: str) -> list[tuple[str, str]]:
        found = list(self._literal.get(key, []))
        found += [(label, entry) for rx, label, entry in self._globs if rx.fullmatch(key)]
        return found


def _atoms(label: str, entry: str) -> list[tuple[str, str]]:
    """An entry as a list of (kind, char): kind is c (literal), sep, apos, star or any."""
    text = entry.strip() if isinstance(entry, str) else entry
    if not text:
        raise LexiconError(f"label {label!r}: an entry is empty; remove it.")
    if not _ENTRY_OK.fullmatch(text):
        raise LexiconError(f"label {label!r}: entry {entry!r} has characters that cannot be matched; "
                           "use letters, digits, spaces, hyphens, apostrophes, '.', ',', '&' and the globs '*' '?'.")
    if not any(ch.isalnum() for ch in text):
        raise LexiconError(f"label {label!r}: entry {entry!r} has no letter or digit.")
    atoms: list[tuple[str, str]] = []
    for piece in re.split(r"(\s*[-‐‑]\s*|\s+)", text.lower()):
        if not piece:
            continue
        if _NORMAL_SEP.fullmatch(piece):
            atoms.append(("sep", " "))
            continue
        for ch in piece:
            kind = {"'": "apos", "’": "apos", "*": "star", "?": "any"}.get(ch, "c")
            if kind == "star" and atoms and atoms[-1][0] == "star":
                continue
            atoms.append((kind, ch))
    return atoms


def _insert(trie: dict, atoms: list[tuple[str, str]]) -> None:
    node = trie
    for atom in atoms:
        node = node.setdefault(atom, {})
    node[None] = True


_ATOM_REGEX = {"sep": _SEP, "apos": _APOS, "star": r"\w*", "any": r"\w"}
_ATOM_ORDER = {"c": 0, "apos": 1, "sep": 2, "any": 3, "star": 4}


def _trie_regex(node: dict) -> str:
    children = sorted((a for a in node if a is not None), key=lambda a: (_ATOM_ORDER[a[0]], a[1]))
    alternatives = [(re.escape(ch) if kind == "c" else _ATOM_REGEX[kind]) + _trie_regex(node[(kind, ch)])
                    for kind, ch in children]
    if not alternatives:
        return ""
    terminal = None in node
    if len(alternatives) == 1:
        return f"(?:{alternatives[0]})?" if terminal else alternatives[0]
    return "(?:" + "|".join(alternatives) + (")?" if terminal else ")")


def _glob_regex(atoms: list[tuple[str, str]]) -> str:
    normal = {"sep": " ", "apos": "'", "star": r"\w*", "any": r"\w"}
    return "".join(re.escape(ch) if kind == "c" else normal[kind] for kind, ch in atoms)
