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


# -- issue 24: headlines ending in a quotation, HTML entities, readers' comments ----------------


@pytest.mark.parametrize("headline", [
    "Hewitt decries 'career sexism'",
    "Blair: 'We will not be moved'",
    "Minister warns of “chaos” at the border",
    "Migrants (update)",
])
def test_a_headline_ending_in_a_quote_mark_or_bracket_is_a_headline(headline):
    assert extract_headline(f"{headline}\n\nThe minister said so.") == (headline, "The minister said so.")


@pytest.mark.parametrize("line", ['He said "we will win."', "She asked: 'Why?'", "It was over (for now).",
                                  "“They have gone.”"])
def test_a_line_ending_with_sentence_punctuation_inside_quotes_is_a_sentence(line):
    assert extract_headline(f"{line}\n\nMore text.")[0] is None


def test_html_rule_leaves_lines_in_place_and_reports_each_reference():
    cleaned = clean_text("One&#10;line\n\nCaf&eacute; &lt;b&gt;", headline=False)
    assert cleaned.text == "One line\n\nCafé <b>"
    assert [(r["line"], r["removed"], r["replaced_by"]) for r in cleaned.removed] == [
        (1, "&#10;", " "), (3, "&eacute;", "é"), (3, "&lt;", "<"), (3, "&gt;", ">")]


@pytest.mark.parametrize("heading", ["Comments", "Readers' comments", "Readers’ Comments", "Have your say",
                                     "12 comments", "Comments (12)", "Leave a Reply", "Join the conversation",
                                     "View Comments"])
def test_readers_comments_are_removed_from_their_heading_to_the_end(heading):
    cleaned = clean_text(f"The minister spoke.\n\nHe left.\n{heading}\nDave: rubbish.\n\nAnn: agreed.")
    assert cleaned.text == "The minister spoke.\n\nHe left."
    assert [(r["rule"], r["line"], r["removed"]) for r in cleaned.removed] == [
        ("readers_comments", 4, heading), ("readers_comments", 5, "Dave: rubbish."),
        ("readers_comments", 7, "Ann: agreed.")]


@pytest.mark.parametrize("text", [
    "Comment\n\nThe minister is wrong about migration.",                 # an opinion label, not comments
    "Comments\n\nThe minister's comments angered many.",               # a first line is never a comments heading
    "The minister spoke.\nComments from the minister were brief.",     # the heading must be the whole line
    "The minister spoke.\nHis comments were brief.",
])
def test_article_text_is_not_taken_for_readers_comments(text):
    assert not [r for r in clean_text(text, headline=False).removed if r["rule"] == "readers_comments"]


def test_a_rule_with_an_unknown_action_or_key_is_refused_naming_it():
    from analysis.errors import RulesError
    with pytest.raises(RulesError, match=r"rules\[0\] \(name 'c'\)\.action: must be one of \['remove_line', "
                                         r"'remove_rest', 'unescape_html'\], not 'remove_after'"):
        CleaningRules.load({"rules": [{"name": "c", "pattern": "Comments", "action": "remove_after"}]})
    with pytest.raises(RulesError, match=r"rules\[0\] \(name 'c'\): unknown key 'acton': did you mean 'action'\?"):
        CleaningRules.load({"rules": [{"name": "c", "pattern": "Comments", "acton": "remove_rest"}]})


def test_newsarticles_has_no_comment_sections_or_entities_to_clean():
    """NewsArticles holds each article on one line (no line breaks at all), so no
    line can be a comments heading after text, and it has no HTML references:
    the new rules leave it as it was (checked by reading the raw texts)."""
    from analysis.paths import project_root
    path = project_root() / "data" / "external" / "NewsArticles.zip"
    if not path.exists():
        pytest.skip("needs the NewsArticles corpus: run `make news-corpus`")
    import warnings

    import analysis
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = analysis.news_corpus(path)
    assert not corpus["raw_text"].str.contains("\n").any()
    report = analysis.cleaning_report(corpus)
    assert set(report["rule"]) == {"exact_copy"}
