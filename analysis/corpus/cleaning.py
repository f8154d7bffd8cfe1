"""Text normalisation and cleaning: small ``str -> str`` functions.

Normalisation (applied to every document, in this order):

1. ``remove_bom``: drop a leading byte-order mark (U+FEFF);
2. ``normalize_newlines``: CRLF and lone CR become LF;
3. ``normalize_unicode``: Unicode NFC.

Cleaning (rules in ``analysis/data/cleaning.yaml``, or yours:
:class:`analysis.CleaningRules`) first replaces HTML character references
(``&#233;``, ``&amp;``) by their characters, then removes lines that are not
part of the article and sections of readers' comments (from their heading to the
end), then a headline standing alone on the first line, and trims blank lines
left at the ends and collapses runs of blank lines. Every change is reported
(``Cleaned.removed``), so that :func:`analysis.cleaning_report` can list it.

>>> normalize_text("\\ufeffCafe\\u0301\\r\\nnext")
'Café\\nnext'
>>> clean_text("Title of the piece\\n\\nReading Time: 2 minutes\\n\\nBody text.").text
'Body text.'
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from ..resources.rules import CleaningRules, Rule

#: A headline: one line of at most this many words, not ending like a sentence.
HEADLINE_MAX_WORDS = 25
#: A line ends like a sentence if its last character, after any closing quote
#: marks and brackets, is one of these: ``He said "no."`` does, and a headline
#: ending in a quotation (``Hewitt decries 'career sexism'``) does not.
_SENTENCE_END = re.compile(r"[.!?:;…][\"”’'»)\]]*\s*$")
#: Characters an HTML reference may stand for that would break a line: a space instead.
_LINE_BREAKS = set("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def remove_bom(text: str) -> str:
    """Drop a leading byte-order mark."""
    return text[1:] if text.startswith("\ufeff") else text


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalize_unicode(text: str) -> str:
    """Compose characters (Unicode NFC), so 'e' + combining accent equals 'é'."""
    return unicodedata.normalize("NFC", text)


def normalize_text(text: str) -> str:
    """Apply ``remove_bom``, ``normalize_newlines`` and ``normalize_unicode``."""
    return normalize_unicode(normalize_newlines(remove_bom(text)))


@dataclass
class Cleaned:
    """Result of ``clean_text``: the clean text, the headline if any, what was removed."""

    text: str
    title: str | None = None
    removed: list[dict] = field(default_factory=list)


def extract_headline(text: str) -> tuple[str | None, str]:
    """Split off a headline: a short first line, followed by a blank line, that
    does not end like a sentence. Returns ``(headline or None, rest)``.

    >>> extract_headline("Ministers meet in Rome\\n\\nThe minister said so.")
    ('Ministers meet in Rome', 'The minister said so.')
    >>> extract_headline("The minister said so.\\n\\nMore.")[0] is None
    True
    >>> extract_headline("Hewitt decries 'career sexism'\\n\\nThe minister said so.")[0]
    "Hewitt decries 'career sexism'"
    """
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    line = first.strip()
    if (
        sep
        and rest.startswith("\n")
        and line
        and len(line.split()) <= HEADLINE_MAX_WORDS
        and not _SENTENCE_END.search(line)
        and rest.strip()
    ):
        return line, rest.lstrip("\n")
    return None, text


def unescape_html(text: str, rules: tuple[Rule, ...]) -> tuple[str, list[dict]]:
    """Replace what each ``unescape_html`` rule matches by the character(s) it
    stands for (``html.unescape``; a reference to a line break becomes a space);
    return the text and what was replaced (rule, 1-based line, removed: the
    reference, replaced_by: its characters). References that stand for nothing
    (``&nosuch;``) are left as they are. Other rules are ignored.

    >>> rule = Rule("html", re.compile(r"&#?\\w+;"), action="unescape_html")
    >>> unescape_html("Caf&#233; &amp; bar\\nA&nosuch;", (rule,))
    ('Café & bar\\nA&nosuch;', [{'rule': 'html', 'line': 1, 'removed': '&#233;', 'replaced_by': 'é'}, \
{'rule': 'html', 'line': 1, 'removed': '&amp;', 'replaced_by': '&'}])
    """
    replaced: list[dict] = []
    for rule in rules:
        if rule.action != "unescape_html":
            continue
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            def replace(match, rule=rule, number=number):
                chars = "".join(" " if c in _LINE_BREAKS else c for c in html.unescape(match.group(0)))
                if chars == match.group(0):
                    return chars
                replaced.append({"rule": rule.name, "line": number, "removed": match.group(0), "replaced_by": chars})
                return chars
            lines[number - 1] = rule.pattern.sub(replace, line)
        text = "\n".join(lines)
    replaced.sort(key=lambda r: r["line"])
    return normalize_unicode(text), replaced


def _kept_lines(text: str, rules: tuple[Rule, ...]) -> tuple[list[tuple[int, str]], list[dict]]:
    """The lines no ``remove_line`` or ``remove_rest`` rule removes, as (1-based
    number, line), and what was removed."""
    kept: list[tuple[int, str]] = []
    removed: list[dict] = []
    lines = text.split("\n")
    line_rules = [r for r in rules if r.action == "remove_line"]
    rest_rules = [r for r in rules if r.action == "remove_rest"]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            kept.append((number, line))
            continue
        after_text = any(k.strip() for _, k in kept)
        rest = next((r for r in rest_rules if after_text and r.matches(line)), None)
        if rest is not None:
            removed += [{"rule": rest.name, "line": n, "removed": l.strip()}
                        for n, l in enumerate(lines[number - 1:], start=number) if l.strip()]
            break
        rule = next((r for r in line_rules if r.matches(line)), None)
        if rule is None:
            kept.append((number, line))
        else:
            removed.append({"rule": rule.name, "line": number, "removed": line.strip()})
    return kept, removed


def remove_lines(text: str, rules: tuple[Rule, ...]) -> tuple[str, list[dict]]:
    """Remove lines matched in full by a ``remove_line`` rule, and from a line
    matched in full by a ``remove_rest`` rule (not the first line of text) to
    the end; return the text and what was removed (rule name, 1-based line
    number in the input, line text). ``unescape_html`` rules are ignored.

    >>> rest = Rule("comments", re.compile("Comments"), action="remove_rest")
    >>> remove_lines("Body.\\nComments\\nGreat piece!", (rest,))[0]
    'Body.'
    """
    kept, removed = _kept_lines(text, rules)
    return "\n".join(line for _, line in kept), removed


def tidy_blank_lines(text: str) -> str:
    """Strip spaces at line ends, collapse 2+ blank lines into one, trim the ends."""
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def clean_text(text: str, *, rules=None, headline: bool = True) -> Cleaned:
    """Clean a normalised document: replace HTML character references, remove
    lines and sections that a rule matches (``rules``:
    :class:`~analysis.CleaningRules`, a path or a mapping; default the shipped
    ones), split off a headline, tidy.

    Line numbers in ``removed`` refer to the normalised text; the headline, if
    any, is reported with rule ``headline``; a replaced character reference has
    ``replaced_by`` too.

    >>> clean_text("Body.\\nAdvertisement", rules={"rules": [{"name": "ad", "pattern": "Advertisement"}]}).removed
    [{'rule': 'ad', 'line': 2, 'removed': 'Advertisement'}]
    """
    rules = CleaningRules.load(rules).rules
    text, replaced = unescape_html(text, rules)
    kept, removed = _kept_lines(text, rules)
    body = "\n".join(line for _, line in kept)
    title = None
    if headline:
        title, body = extract_headline(body)
        if title is not None:
            line = next(number for number, line in kept if line.strip())
            removed.insert(0, {"rule": "headline", "line": line, "removed": title})
    return Cleaned(tidy_blank_lines(body), title, sorted(replaced + removed, key=lambda r: r["line"]))
