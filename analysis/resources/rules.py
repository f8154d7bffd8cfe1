"""Cleaning rules and segmentation rules, as data.

* :class:`CleaningRules`: named regular expressions for what is not article
  text: a line matching one in full, a section from a heading to the end (readers'
  comments), or characters to replace (HTML entities) (``analysis/data/cleaning.yaml``).
* :class:`SegmentationRules`: abbreviations after which a period does not end a
  sentence, and those that stand before a number ("No. 5")
  (``analysis/data/segmentation.yaml``).

>>> [rule.name for rule in CleaningRules.load().rules][:3]
['html_entities', 'reading_time', 'via_credit']
>>> "mr" in SegmentationRules.load().abbreviations
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import RulesError
from ._base import Resource
from ._files import key_problems

#: What a cleaning rule does with what its pattern matches:
#: ``remove_line``: a line matching in full is removed (the default);
#: ``remove_rest``: a line matching in full, after the first line of text, is a
#: heading (readers' comments), and it and every line after it are removed;
#: ``unescape_html``: each match anywhere (an HTML character reference such as
#: ``&#233;``) is replaced by the character it stands for.
ACTIONS = ("remove_line", "remove_rest", "unescape_html")
_RULE_KEYS = {"name", "pattern", "note", "action"}


@dataclass(frozen=True)
class Rule:
    """A named pattern and what to do with what it matches (one of :data:`ACTIONS`)."""

    name: str
    pattern: re.Pattern
    note: str = ""
    action: str = "remove_line"

    def matches(self, line: str) -> bool:
        """True if ``line``, stripped of surrounding spaces, matches the pattern in full."""
        return bool(self.pattern.fullmatch(line.strip()))


@dataclass(frozen=True)
class CleaningRules(Resource):
    """Validated cleaning rules: ``rules``, a tuple of ``Rule``.

    Parameters
    ----------
    rules : tuple of Rule
        The rules in file order, each with a unique ``name``, a ``pattern``
        (a compiled regular expression), a ``note`` and an ``action``:
        ``remove_line`` (the default: a line that matches the pattern in full,
        surrounding spaces stripped, is not article text), ``remove_rest``
        (such a line after the first line of text starts a section that runs
        to the end, such as readers' comments: it and every line after it are
        removed) or ``unescape_html`` (every match, anywhere, is an HTML
        character reference, replaced by the character it stands for).
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
            problem = key_problems(item, _RULE_KEYS)
            if problem:
                raise RulesError(f"{where} (name {item['name']!r}): {problem}")
            action = item.get("action", "remove_line")
            if action not in ACTIONS:
                raise RulesError(f"{where} (name {item['name']!r}).action: must be one of {list(ACTIONS)}, "
                                 f"not {action!r}.")
            try:
                pattern = re.compile(item["pattern"])
            except re.error as err:
                raise RulesError(f"{where} (name {item['name']!r}).pattern: not a valid regular expression "
                                 f"({err}); fix it or quote it in single quotes.") from None
            note = item.get("note", "")
            if not isinstance(note, str):
                raise RulesError(f"{where} (name {item['name']!r}).note: must be text, not {note!r}.")
            rules.append(Rule(item["name"], pattern, note, action))
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
