"""Tests for analysis.corpus.cleaning: normalisation, the shipped rules on lines of
news, headlines, and cleaning with rules of one's own."""

import re

import pytest

from analysis.corpus.cleaning import (clean_text, extract_headline, normalize_newlines, normalize_text,
                                      normalize_unicode, remove_bom, remove_lines, tidy_blank_lines)
from analysis.resources.rules import CleaningRules, Rule


def load_rules():
    """The shipped cleaning rules, as remove_lines takes them."""
    return CleaningRules.load().rules


def test_remove_bom_only_at_start():
    assert remove_bom("\ufeffa\ufeff") == "a\ufeff"


def test_normalize_newlines():
    assert normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n"


def test_normalize_unicode_composes():
    assert normalize_unicode("e\u0301") == "é"


def test_normalize_text_applies_all_three():
    assert normalize_text("\ufeffe\u0301\r\n") == "é\n"


@pytest.mark.parametrize("line, rule", [
    ("Reading Time: 2 minutes", "reading_time"),
    ("reading time: 1 min", "reading_time"),
    ("Via Libya Observer", "via_credit"),
    ("Once you're here...", "subscribe_widget"),
    ("Once you’re here...", "subscribe_widget"),
    ("%d bloggers like this:", "likes_widget"),
])
def test_each_shipped_rule_removes_its_line(line, rule):
    text, removed = remove_lines(f"Body one.\n{line}\nBody two.", load_rules())
    assert text == "Body one.\nBody two."
    assert removed == [{"rule": rule, "line": 2, "removed": line}]


@pytest.mark.parametrize("line", [
    "Via the coast road, migrants reached Tripoli.",  # sentence starting with "Via"
    "The reading time: 2 minutes, he said.",          # rule must match the whole line
    "Once you're here, you cannot leave, he said.",
])
def test_rules_leave_article_sentences_alone(line):
    text, removed = remove_lines(line, load_rules())
    assert text == line and removed == []


def test_extract_headline_needs_a_short_unpunctuated_first_line_and_a_blank_line():
    assert extract_headline("Ministers meet\n\nBody.") == ("Ministers meet", "Body.")
    assert extract_headline("Ministers meet\nBody.")[0] is None            # no blank line after it
    assert extract_headline("The minister spoke.\n\nBody.")[0] is None     # ends like a sentence
    assert extract_headline("Only a headline\n\n")[0] is None              # nothing after it
    long_line = " ".join(["word"] * 30)
    assert extract_headline(f"{long_line}\n\nBody.")[0] is None


def test_clean_text_reports_headline_and_rules_with_line_numbers():
    cleaned = clean_text("Headline here\n\nReading Time: 3 minutes\n\nBody.\n\n\n\nVia Some Outlet\n")
    assert cleaned.title == "Headline here"
    assert cleaned.text == "Body."
    assert [(r["rule"], r["line"]) for r in cleaned.removed] == [("headline", 1), ("reading_time", 3),
                                                                 ("via_credit", 9)]


def test_tidy_blank_lines():
    assert tidy_blank_lines("\n\na  \n\n\n\nb\n\n") == "a\n\nb"


def test_custom_rules_apply():
    rules = (Rule("ad", re.compile(r"ADVERTISEMENT")),)
    assert clean_text("Body.\nADVERTISEMENT\nMore.", rules=CleaningRules(rules)).text == "Body.\nMore."
