"""Text normalisation and cleaning: small ``str -> str`` functions.

Normalisation (applied to every document, in this order):

1. ``remove_bom``: drop a leading byte-order mark (U+FEFF);
2. ``normalize_newlines``: CRLF and lone CR become LF;
3. ``normalize_unicode``: Unicode NFC.

Cleaning removes lines that are not part of the article (rules in
``analysis/data/cleaning.yaml``, or yours: :class:`analysis.CleaningRules`) and a
headline standing alone on the first line, then trims blank lines left at the
ends and collapses runs of blank lines.

>>> normalize_text("\\ufeffCafe\\u0301\\r\\nnext")
'Café\\nnext'
>>> clean_text("Title of the piece\\n\\nReading Time: 2 minutes\\n\\nBody text.").text
'Body text.'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..resources.rules import CleaningRules, Rule

#: A headline: one line of at most this many words, not ending like a sentence.
HEADLINE_MAX_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?:;…\"”’')\]]\s*$")


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


def remove_lines(text: str, rules: tuple[Rule, ...]) -> tuple[str, list[dict]]:
    """Remove lines matched in full by a rule; return the text and what was removed
    (rule name, 1-based line number in the input, line text)."""
    kept, removed = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        rule = next((r for r in rules if line.strip() and r.matches(line)), None)
        if rule is None:
            kept.append(line)
        else:
            removed.append({"rule": rule.name, "line": number, "removed": line.strip()})
    return "\n".join(kept), removed


def tidy_blank_lines(text: str) -> str:
    """Strip spaces at line ends, collapse 2+ blank lines into one, trim the ends."""
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def clean_text(text: str, *, rules=None, headline: bool = True) -> Cleaned:
    """Clean a normalised document: remove lines that a rule matches (``rules``:
    :class:`~analysis.CleaningRules`, a path or a mapping; default the shipped
    ones), split off a headline, tidy.

    Line numbers in ``removed`` refer to the normalised text; the headline, if
    any, is reported with rule ``headline``.

    >>> clean_text("Body.\\nAdvertisement", rules={"rules": [{"name": "ad", "pattern": "Advertisement"}]}).removed
    [{'rule': 'ad', 'line': 2, 'removed': 'Advertisement'}]
    """
    body, removed = remove_lines(text, CleaningRules.load(rules).rules)
    title = None
    if headline:
        title, body = extract_headline(body)
        if title is not None:
            line = next(i for i, l in enumerate(text.split("\n"), 1) if l.strip() == title)
            removed.insert(0, {"rule": "headline", "line": line, "removed": title})
    return Cleaned(tidy_blank_lines(body), title, removed)
