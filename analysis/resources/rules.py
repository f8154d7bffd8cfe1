"""Cleaning rules and segmentation rules, as data.

* :class:`CleaningRules`: named regular expressions; a line matching one in full
  is not article text (``analysis/data/cleaning.yaml``).
* :class:`SegmentationRules`: abbreviations after which a period does not end a
  sentence, and those that stand before a number ("No. 5")
  (``analysis/data/segmentation.yaml``).

>>> [rule.name for rule in CleaningRules.load().rules][:2]
['reading_time', 'via_credit']
>>> "mr" in SegmentationRules.load().abbreviations
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import RulesError
from ._base import Resource


@dataclass(frozen=True)
class Rule:
    """A named line pattern; a line matching it in full is removed."""

    name: str
    pattern: re.Pattern
    note: str = ""

    def matches(self, line: str) -> bool:
        return bool(self.pattern.fullmatch(line.strip()))


@dataclass(frozen=True)
class CleaningRules(Resource):
    """Validated cleaning rules: ``rules``, a tuple of ``Rule``.

    Parameters
    ----------
    rules : tuple of Rule
        The rules in file order, each with a unique ``name``, a ``pattern``
        (a compiled regular expression) and a ``note``; a line that matches a
        pattern in full (surrounding spaces stripped) is not article text.
    version : str
        The file's ``version:``; default "unversioned".
    source : str
        Where the rules were read from (a path, or "<mapping>"), named in
        error messages; default "<mapping>". Two objects that differ only in
        ``source`` are equal.

    Examples
    --------
    >>> CleaningRules.load({"rules": [{"name": "ad", "pattern": "Advertisement"}]}).rules[0].matches(" Advertisement ")
    True
    """

    rules: tuple
    version: str = "unversioned"
    source: str = field(default="<mapping>", compare=False)

    kind = "cleaning rules"
    error = RulesError
    default = ("cleaning.yaml",)
    hint = "pass the path of a YAML file like analysis/data/cleaning.yaml."

    @classmethod
    def from_dict(cls, data, *, source: str = "<mapping>", base=None) -> "CleaningRules":
        items = data.get("rules")
        if not isinstance(items, list):
            raise RulesError(f"{source}: 'rules:' must be a list of rules with 'name' and 'pattern'.")
        rules = []
        for i, item in enumerate(items):
            where = f"{source}: rules[{i}]"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str) \
                    or not isinstance(item.get("pattern"), str):
                raise RulesError(f"{where}: a rule needs a 'name' and a 'pattern', both text; got {item!r}.")
            try:
                pattern = re.compile(item["pattern"])
            except re.error as err:
                raise RulesError(f"{where} (name {item['name']!r}).pattern: not a valid regular expression "
                                 f"({err}); fix it or quote it in single quotes.") from None
            note = item.get("note", "")
            if not isinstance(note, str):
                raise RulesError(f"{where} (name {item['name']!r}).note: must be text, not {note!r}.")
            rules.append(Rule(item["name"], pattern, note))
        names = [r.name for r in rules]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise RulesError(f"{source}: rule name(s) {twice} appear twice; names must be unique.")
        return cls(tuple(rules), str(data.get("version", "unversioned")), source)


@dataclass(frozen=True)
class SegmentationRules(Resource):
    """Validated segmentation rules: ``abbreviations`` (lower case, without the
    final period) and ``number_abbreviations`` (as written, e.g. "No").

    Parameters
    ----------
    abbreviations : frozenset of str
        Abbreviations after which a period does not end a sentence when the
        next word follows ("mr", "u.n"), in lower case and without the final
        period.
    number_abbreviations : tuple of str
        Abbreviations that stand before a number ("No. 5"), as written (case
        counts) and without the final period; default none.
    version : str
        The file's ``version:``; default "unversioned".
    source : str
        Where the rules were read from (a path, or "<mapping>"), named in
        error messages; default "<mapping>". Two objects that differ only in
        ``source`` are equal.

    Examples
    --------
    >>> SegmentationRules.load({"abbreviations": ["approx"]}).abbreviations
    frozenset({'approx'})
    """

    abbreviations: frozenset
    number_abbreviations: tuple = ()
    version: str = "unversioned"
    source: str = field(default="<mapping>", compare=False)

    kind = "segmentation rules"
    error = RulesError
    default = ("segmentation.yaml",)
    hint = "pass the path of a YAML file like analysis/data/segmentation.yaml."

    @classmethod
    def from_dict(cls, data, *, source: str = "<mapping>", base=None) -> "SegmentationRules":
        lists = {}
        for key in ("abbreviations", "number_abbreviations"):
            values = data.get(key, [] if key == "number_abbreviations" else None)
            if not isinstance(values, list):
                raise RulesError(f"{source}: '{key}:' must be a list of words.")
            for i, value in enumerate(values):
                if not isinstance(value, str) or not value.strip() or value.strip().endswith("."):
                    raise RulesError(f"{source}: {key}[{i}]: {value!r} must be a word without its final period.")
            lists[key] = [v.strip() for v in values]
        return cls(frozenset(a.lower() for a in lists["abbreviations"]), tuple(lists["number_abbreviations"]),
                   str(data.get("version", "unversioned")), source)
