"""Cues of speech and of responsibility attribution, as data.

A cues file lists the speech verbs that open or close a quote, the anaphors that
refer back to a speaker ("he", "the ministry"), the pronouns by which speakers
name themselves ("we", "us": optional), words that type a speaker as a
person or an organisation, and the responsibility rules of
:func:`analysis.attributions` (cue words, the kind and polarity they carry, where
the actor held responsible stands). ``analysis/data/cues.yaml`` holds cues of
English news on any topic; ``analysis/data/migration/cues.yaml`` extends it with
cues of news on migration, and is the default of the kit's functions.

A file may start from another: ``extends: PATH`` (relative to the file's folder,
or ``shipped:cues.yaml`` for a file shipped with the kit). Its lists are added to
the base's; a responsibility rule with the id of a base rule adds its cues to
that rule (its other keys replace the base's); a new id is a new rule.

>>> cues = Cues.load()
>>> [(s, e) for s, e, _, _ in cues.speech_lexicon.find("Italy said it would act.")]
[(6, 10)]
>>> from analysis.paths import shipped
>>> Cues.load(shipped("cues.yaml")).version
'4'
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..errors import CuesError, LexiconError
from ..matching import Lexicon
from ._base import Resource, freeze, thaw
from ._files import key_problems, referenced_file

WORD_LISTS = ("speech", "person_titles", "organisation_words", "speaker_trailers")
SLOTS = ("subject", "object", "objects", "speaker")
#: What a responsibility rule's ``kind`` and ``polarity`` may be (each file defines them in ``kinds:`` and ``polarities:``).
KINDS = ("causal", "treatment")
POLARITIES = ("assign", "deny")
_TOP_KEYS = {"version", "extends", "description", "kinds", "polarities", "speech", "anaphors", "speaker_pronouns",
             *WORD_LISTS,
             "responsibility", "counterfactual"}
_RULE_KEYS = {"id", "cues", "kind", "polarity", "actor", "speaker", "negatable", "not_after", "not_before", "needs_object",
              "adjacent", "not_passive", "passive_subject", "note"}
_RULE_FLAGS = ("negatable", "adjacent", "not_passive", "passive_subject")
_COUNTERFACTUAL = ("condition", "negation", "consequence", "wrongdoing")


@dataclass(frozen=True)
class Cues(Resource):
    """Validated, immutable cues (see the module docstring), with their
    matchers compiled once on the object. ``data`` is the whole validated
    mapping (after ``extends``), read-only.

    Parameters
    ----------
    data : mapping
        The validated cues mapping, in the layout of
        ``analysis/data/cues.yaml``: ``speech``, ``anaphors``,
        ``person_titles``, ``organisation_words``, ``speaker_trailers``,
        ``kinds``, ``polarities``, ``responsibility`` and ``counterfactual``.
    version : str
        The file's ``version:`` (or that of the file it extends); default
        "unversioned".
    source : str
        Where the cues were read from (a path, or "<mapping>"), named in
        error messages; default "<mapping>". Two objects that differ only in
        ``source`` are equal.

    Examples
    --------
    >>> cues = Cues.load()
    >>> cues.rules["accusation"]["kind"], cues.anaphor_kind("the ministry")
    ('causal', 'organisation')
    """

    data: object
    version: str = "unversioned"
    source: str = field(default="<mapping>", compare=False)

    kind = "cues"
    error = CuesError
    default = ("migration", "cues.yaml")
    hint = "pass the path of a YAML file like analysis/data/cues.yaml."

    @classmethod
    def from_dict(cls, data, *, source: str = "<mapping>", base=None) -> "Cues":
        data = thaw(data)
        if "extends" in data:
            parent = _parent(data["extends"], base, source)
            _check_extension(data, parent, source)
            data = _extend(thaw(parent.data), data)
        cues = cls(freeze(_validate(data, source)), str(data.get("version", "unversioned")), source)
        for key, lexicon in (("speech", "speech_lexicon"), ("responsibility", "cue_lexicon")):
            try:                                    # compile now (once, on the object) so bad entries fail here
                getattr(cues, lexicon)
            except LexiconError as err:
                raise CuesError(f"{source}: {key}: {err}") from None
        return cues

    # -- the parts, compiled once -----------------------------------------------------------

    @cached_property
    def digest(self) -> str:
        """SHA-256 of the whole validated mapping (after ``extends``): a model
        fitted on these cues records it, to be refused with others.

        >>> Cues.load().digest == Cues.load("shipped:cues.yaml").digest
        False
        """
        return hashlib.sha256(json.dumps(thaw(self.data), ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()

    @cached_property
    def rules(self) -> dict[str, dict]:
        """Responsibility rules by id, in file order."""
        return {rule["id"]: rule for rule in self.data["responsibility"]}

    @cached_property
    def rule_filters(self) -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
        """Per rule id, its ``not_after`` words (a set) and ``not_before`` phrases, lower case."""
        return {rule_id: (frozenset(w.lower() for w in rule.get("not_after", ())),
                          tuple(w.lower() for w in rule.get("not_before", ())))
                for rule_id, rule in self.rules.items()}

    @cached_property
    def rule_objects(self) -> dict[str, re.Pattern]:
        """Per rule id with ``needs_object``: a pattern of its words and of the
        counterfactual wrongdoings (globs as ``\\w*``, case ignored)."""
        wrongdoing = list(self.data["counterfactual"]["wrongdoing"])
        return {rule_id: _word_pattern([*rule["needs_object"], *wrongdoing])
                for rule_id, rule in self.rules.items() if rule.get("needs_object")}

    @cached_property
    def rule_order(self) -> dict[str, int]:
        return {rule_id: i for i, rule_id in enumerate(self.rules)}

    @cached_property
    def speech_lexicon(self) -> Lexicon:
        """The speech cues ("said", "told", ...) as one lexicon."""
        return Lexicon.from_entries({"speech": list(self.data["speech"])})

    @cached_property
    def cue_lexicon(self) -> Lexicon:
        """The responsibility rules' cues, one label per rule id."""
        return Lexicon.from_entries({rule_id: list(rule["cues"]) for rule_id, rule in self.rules.items()})

    @cached_property
    def anaphors(self) -> dict[str, str]:
        """Anaphor -> its type (person or organisation; the first listed if both)."""
        kinds: dict[str, str] = {}
        for kind, words in self.data["anaphors"].items():
            for word in words:
                kinds.setdefault(word, kind)
        return kinds

    def anaphor_kind(self, phrase: str) -> str | None:
        """"person", "organisation", or None if ``phrase`` is no anaphor.

        Parameters
        ----------
        phrase : str
            A word or phrase ("he", "the ministry"), compared in lower case
            with each run of white space as one space.

        Returns
        -------
        str or None
            The type the file's ``anaphors:`` give it ("person" if it is under
            both), or None.

        Examples
        --------
        >>> Cues.load().anaphor_kind("The  Ministry"), Cues.load().anaphor_kind("Italy")
        ('organisation', None)
        """
        return self.anaphors.get(" ".join(phrase.lower().split()))

    @cached_property
    def speaker_pronouns(self) -> re.Pattern | None:
        """The file's ``speaker_pronouns`` ("we", "us") as one pattern of whole
        words in lower case or capitalised ("We"), not in capitals ("US" is a
        state); None if it has none.

        >>> [m.group() for m in Cues.load().speaker_pronouns.finditer("We said US troops help us.")]
        ['We', 'us']
        """
        words = self.data.get("speaker_pronouns")
        if not words:
            return None
        forms = {form for w in words for form in (w, w[:1].upper() + w[1:])}
        return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(forms))) + r")\b")

    @cached_property
    def person_titles(self) -> frozenset[str]:
        return frozenset(self.data["person_titles"])

    @cached_property
    def organisation_words(self) -> frozenset[str]:
        return frozenset(self.data["organisation_words"])

    @cached_property
    def trailers(self) -> tuple[str, ...]:
        """Speaker trailers ("on monday", "also"), longest first."""
        return tuple(sorted(self.data["speaker_trailers"], key=len, reverse=True))

    @cached_property
    def trailer_set(self) -> tuple[frozenset[str], int]:
        """The speaker trailers as a set, and the length of the longest."""
        return frozenset(self.trailers), max(map(len, self.trailers))

    @cached_property
    def content_lead(self) -> re.Pattern:
        """What stands between a speech cue and the reported words ("on Monday that ...")."""
        return re.compile(rf"[\s,]*(?:(?:{'|'.join(map(re.escape, self.trailers))})\b)?[\s,]*"
                          r"(?:in a statement[^,]*,\s*)?(?:that\s+)?", re.IGNORECASE)

    @cached_property
    def counterfactual_pattern(self) -> re.Pattern:
        """"If X had not ..., Y would not ...", with named groups if, ante, neg, cons, would."""
        words = self.data["counterfactual"]

        def alternatives(key: str) -> str:
            return "|".join(r"\w+n't" if w == "n't" else re.escape(w).replace(r"\ ", r"\s+") for w in words[key])
        return re.compile(rf"\b(?P<if>{alternatives('condition')})\b(?P<ante>[^,;.]*?\b(?P<neg>"
                          rf"{alternatives('negation')})\b[^,;.]*)[,;]\s*(?P<cons>[^.;]*?)\b(?P<would>"
                          rf"{alternatives('consequence')})(?!\w)[^.;]*", re.IGNORECASE)

    def may_be_counterfactual(self, text: str) -> bool:
        """False where :attr:`counterfactual_pattern` cannot match ``text``: a
        counterfactual needs a comma or a semicolon, and the first word of a
        condition ("if"), of a negation and of a consequence, which in ASCII
        text are in the lower-cased text (there, ignoring case is
        lower-casing). A quick test before the search.

        Parameters
        ----------
        text : str
            A sentence.

        Returns
        -------
        bool
            False if the counterfactual pattern cannot match; True if it may.

        Examples
        --------
        >>> cues = Cues.load()
        >>> cues.may_be_counterfactual("If so, it would be fine."), cues.may_be_counterfactual("IF NOT, WOULD NOT.")
        (False, True)
        """
        if "," not in text and ";" not in text:
            return False
        heads = self._counterfactual_heads
        if heads is None or not text.isascii():
            return True
        lower = text.lower()
        for part in heads:
            for head in part:
                if head in lower:
                    break
            else:
                return False
        return True

    @cached_property
    def _counterfactual_heads(self) -> tuple[tuple[str, ...], ...] | None:
        """The first words of the conditions, negations and consequences of
        :attr:`counterfactual_pattern`, lower case (None if one is not ASCII)."""
        words = self.data["counterfactual"]
        heads = tuple(tuple("n't" if w == "n't" else w.split(" ")[0].lower() for w in words[key])
                      for key in ("condition", "negation", "consequence"))
        return heads if all(head.isascii() for part in heads for head in part) else None

    @cached_property
    def wrongdoing_pattern(self) -> re.Pattern:
        return _word_pattern(self.data["counterfactual"]["wrongdoing"])


def _word_pattern(words) -> re.Pattern:
    """Whole words or phrases (a ``*`` for any word characters, a space for any
    white space), case ignored."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\*", r"\w*").replace(r"\ ", r"\s+") for w in words)
                      + r")\b", re.IGNORECASE)


def load_cues(path=None) -> Cues:
    """The cues of a file, validated.

    Parameters
    ----------
    path : str or Path, optional
        The cues file (default the shipped migration cues); it may extend
        another with ``extends: shipped:cues.yaml``.

    Returns
    -------
    Cues

    Raises
    ------
    CuesError
        Naming the file and key path, when a required key is missing or has
        the wrong shape, or a rule has an unknown kind, polarity or actor slot.

    Examples
    --------
    >>> sorted(load_cues().rules)[:3]
    ['accusation', 'admission', 'appeal']
    """
    return Cues.load(path)


def _parent(extends, base, source) -> Cues:
    return Cues.load(referenced_file(extends, base, source, CuesError, "extends"))


def _check_rules(rules: list, source: str, *, known: frozenset = frozenset(), base: str = "") -> None:
    """Each rule of a file's ``responsibility:`` list (key paths as in the
    file): a mapping with a unique id and known keys and values. A rule whose
    id is ``known`` (from the file it extends, ``base``) may give only the keys
    it changes; any other rule needs cues, kind, polarity and actor."""
    allowed = {"kind": set(KINDS), "polarity": set(POLARITIES), "actor": set(SLOTS)}
    ids = set()
    for i, rule in enumerate(rules):
        where = f"{source}: responsibility[{i}]" + (f" (id {rule.get('id')!r})" if isinstance(rule, dict) else "")
        if not isinstance(rule, dict) or not isinstance(rule.get("id"), str) or rule["id"] in ids:
            raise CuesError(f"{where}: each rule is a mapping with a unique 'id:'.")
        ids.add(rule["id"])
        problem = key_problems(rule, _RULE_KEYS)
        if problem:
            raise CuesError(f"{where}: {problem}")
        missing = [] if rule["id"] in known else [k for k in ("cues", *allowed) if k not in rule]
        if missing:
            extends = f"; {base} has no rule of this id to add to" if base else ""
            raise CuesError(f"{where}: a rule needs cues, kind, polarity and actor; missing {missing}{extends}.")
        for key, values in allowed.items():
            if key in rule and rule[key] not in values:
                raise CuesError(f"{where}.{key}: {rule[key]!r} is not one of {sorted(values)}.")
        if rule.get("speaker", "quote") not in ("quote", "subject"):
            raise CuesError(f"{where}.speaker: {rule['speaker']!r} is not 'quote' or 'subject'.")
        for key in ("cues", "not_after", "not_before", "needs_object"):
            if key in rule:
                _words(rule, key, f"{where}.{key}")
        for key in _RULE_FLAGS:
            if not isinstance(rule.get(key, False), bool):
                raise CuesError(f"{where}.{key}: must be true or false.")
        if rule.get("adjacent") and rule.get("actor", "subject") != "subject":
            raise CuesError(f"{where}.adjacent: only a rule whose actor is the subject can have it right before "
                            "its cue; remove it or set actor: subject.")
        if rule.get("passive_subject") and rule.get("actor", "object") not in ("object", "objects"):
            raise CuesError(f"{where}.passive_subject: only a rule whose actor is the object can take the subject "
                            "of a passive instead; remove it or set actor: object.")


def _check_extension(child: dict, parent: Cues, source: str) -> None:
    """What a file that ``extends`` another gives, checked as written (its own
    key paths) before it is merged with ``parent``."""
    problem = key_problems(child, _TOP_KEYS)
    if problem:
        raise CuesError(f"{source}: {problem}")
    for key in (*WORD_LISTS, "speaker_pronouns"):
        if key in child:
            _words(child, key, f"{source}: {key}")
    anaphors = child.get("anaphors", {})
    if not isinstance(anaphors, dict) or not set(anaphors) <= {"person", "organisation"}:
        raise CuesError(f"{source}: 'anaphors:' maps 'person' and/or 'organisation' to lists of words.")
    for kind in anaphors:
        _words(anaphors, kind, f"{source}: anaphors.{kind}")
    rules = child.get("responsibility", [])
    if not isinstance(rules, list):
        raise CuesError(f"{source}: 'responsibility:' must be a list of rules.")
    _check_rules(rules, source, known=frozenset(parent.rules), base=parent.source)


def _extend(base: dict, child: dict) -> dict:
    """``child`` on top of ``base`` (see the module docstring)."""
    merged = dict(base)
    for key, value in child.items():
        if key == "extends":
            continue
        if key == "responsibility" and isinstance(value, list):
            rules = {r["id"]: dict(r) for r in base.get("responsibility", [])}
            for rule in value:
                if isinstance(rule, dict) and rule.get("id") in rules:
                    old = rules[rule["id"]]
                    rules[rule["id"]] = {**old, **rule, "cues": _union(old.get("cues", []), rule.get("cues", []))}
                else:
                    rules[rule.get("id") if isinstance(rule, dict) else len(rules)] = rule
            merged[key] = list(rules.values())
        elif isinstance(value, list) and isinstance(base.get(key), list):
            merged[key] = _union(base[key], value)
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = {k: _union(base[key].get(k, []), v) if isinstance(v, list) else v
                           for k, v in {**base[key], **value}.items()}
        else:
            merged[key] = value
    return merged


def _union(first: list, second: list) -> list:
    return list(dict.fromkeys([*first, *second])) if all(isinstance(x, str) for x in [*first, *second]) \
        else [*first, *second]


def _words(data, key: str, where: str) -> list[str]:
    """``data[key]``, checked to be a non-empty list of words; ``where`` is its
    key path in the file ("FILE: responsibility[3] (id 'blame').cues")."""
    values = data.get(key)
    if not isinstance(values, list) or not values:
        raise CuesError(f"{where}: must be a non-empty list of words or phrases.")
    for i, w in enumerate(values):
        if not isinstance(w, str) or not w.strip():
            raise CuesError(f"{where}[{i}]: {w!r} is not a word or phrase; quote it in the file.")
    return values


def _validate(data: dict, source: str) -> dict:
    problem = key_problems(data, _TOP_KEYS)
    if problem:
        raise CuesError(f"{source}: {problem}")
    out = dict(data)
    for key in WORD_LISTS:
        out[key] = [w.lower() for w in _words(data, key, f"{source}: {key}")]
    if "speaker_pronouns" in data:
        out["speaker_pronouns"] = [w.lower() for w in _words(data, "speaker_pronouns", f"{source}: speaker_pronouns")]
    anaphors = data.get("anaphors")
    if not isinstance(anaphors, dict) or set(anaphors) != {"person", "organisation"}:
        raise CuesError(f"{source}: 'anaphors:' must map 'person' and 'organisation' to lists of words.")
    out["anaphors"] = {kind: [" ".join(w.lower().split()) for w in _words(anaphors, kind, f"{source}: anaphors.{kind}")]
                       for kind in ("person", "organisation")}
    for key, expected in (("kinds", set(KINDS)), ("polarities", set(POLARITIES))):
        values = data.get(key)
        if not isinstance(values, dict) or set(values) != expected:
            raise CuesError(f"{source}: '{key}:' must define {' and '.join(sorted(expected))} (each with a "
                            "sentence saying what it means).")
        for name, text in values.items():
            if not isinstance(text, str):
                raise CuesError(f"{source}: {key}.{name}: must be text, not {text!r}; quote it.")
    rules = data.get("responsibility")
    if not isinstance(rules, list) or not rules:
        raise CuesError(f"{source}: 'responsibility:' must be a non-empty list of rules.")
    _check_rules(rules, source)
    counterfactual = data.get("counterfactual")
    if not isinstance(counterfactual, dict):
        raise CuesError(f"{source}: 'counterfactual:' must list {', '.join(_COUNTERFACTUAL)}.")
    for key in _COUNTERFACTUAL:
        _words(counterfactual, key, f"{source}: counterfactual.{key}")
    return out
