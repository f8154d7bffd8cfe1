"""Tests for analysis.matching: known texts whose hits were worked out by hand."""

import pytest

from analysis.errors import LexiconError
from analysis.matching import Lexicon, is_negated, normalize_entry


def spans(lexicon, text):
    return [(text[s:e], label, entry) for s, e, label, entry in lexicon.find(text)]


def test_case_insensitive_and_whole_tokens_only():
    lex = Lexicon.from_entries({"x": ["sea", "won", "libya"]})
    text = "Research at SEA: Italy won't help; Libya's coast and LIBYA."
    assert spans(lex, text) == [("SEA", "x", "sea"), ("Libya", "x", "libya"), ("LIBYA", "x", "libya")]


def test_hyphen_ends_a_token_but_apostrophe_inside_a_word_does_not():
    lex = Lexicon.from_entries({"crime": ["smuggling"], "name": ["hi"]})
    assert spans(lex, "anti-smuggling units") == [("smuggling", "crime", "smuggling")]
    assert spans(lex, "Fat'hi Bashagha") == []


def test_multiword_matches_any_whitespace_and_hyphen_variants():
    lex = Lexicon.from_entries({"x": ["human rights", "eastern-based army"]})
    text = "human\n  rights, Human-Rights, the eastern based army and the eastern - based  army."
    assert [m for m, _, _ in spans(lex, text)] == ["human\n  rights", "Human-Rights", "eastern based army",
                                                   "eastern - based  army"]


def test_apostrophe_variants_are_interchangeable():
    lex = Lexicon.from_entries({"x": ["libya's right"]})
    assert [m for m, _, _ in spans(lex, "Libya’s right and Libya's right")] == ["Libya’s right", "Libya's right"]


def test_globs_match_within_one_word():
    lex = Lexicon.from_entries({"aid": ["humanitarian*", "sav* lives"], "n": ["refugee?"]})
    text = "Humanitarians, humanitarian aid, inhumanitarian, saving lives, refugees, refugee."
    assert spans(lex, text) == [("Humanitarians", "aid", "humanitarian*"), ("humanitarian", "aid", "humanitarian*"),
                                ("saving lives", "aid", "sav* lives"), ("refugees", "n", "refugee?")]


def test_glob_does_not_cross_a_hyphen_or_space():
    lex = Lexicon.from_entries({"x": ["cross*"]})
    assert spans(lex, "cross-border crossings") == [("cross", "x", "cross*"), ("crossings", "x", "cross*")]


def test_leftmost_longest_within_a_label_and_independent_across_labels():
    lex = Lexicon.from_entries({"sov": ["national security", "national"], "sec": ["security", "security threat"]})
    text = "a national security threat"
    # sov: "national security" (longest at 2); sec: "security threat" starts inside it and still counts.
    assert lex.find(text) == [(2, 19, "sov", "national security"), (11, 26, "sec", "security threat")]


def test_hits_in_one_label_do_not_overlap():
    lex = Lexicon.from_entries({"x": ["illegal immigrants", "immigrants in libya"]})
    assert spans(lex, "illegal immigrants in Libya") == [("illegal immigrants", "x", "illegal immigrants")]


def test_find_all_keeps_texts_apart_and_offsets_are_local():
    lex = Lexicon.from_entries({"x": ["human rights", "rights"]})
    texts = ["human", "rights here", "no\x00human rights"]
    assert lex.find_all(texts) == [(1, 0, 6, "x", "rights"), (2, 3, 15, "x", "human rights")]


def test_entry_returned_as_written():
    lex = Lexicon.from_entries({"x": ["Eastern-Based"]})
    assert lex.find("eastern based") == [(0, 13, "x", "Eastern-Based")]


def test_normalize_entry():
    assert normalize_entry("  Human -\tRights’ ") == "human rights'"


@pytest.mark.parametrize("text, word, expected", [
    ("Libya bears no full responsibility", "responsibility", True),
    ("They did not rescue anyone", "rescue", True),
    ("They never rescue anyone", "rescue", True),
    ("Detained without protection", "protection", True),
    ("neither aid nor protection", "protection", True),
    ("Italy won’t provide assistance", "assistance", True),
    ("Italy can't provide assistance", "assistance", True),
    ("Italy will provide assistance", "assistance", False),
    ("not now, but later protection came", "protection", False),    # clause break
    ("No doubt; the rescue worked", "rescue", False),                # clause break
    ("not one of the many many people who fled sought asylum", "asylum", False),  # beyond the window
    ("The notion of protection", "protection", False),               # "notion" is not "not"
])
def test_is_negated(text, word, expected):
    assert is_negated(text, text.index(word)) is expected


@pytest.mark.parametrize("text, word, expected", [
    # an extraposed subject: the negator denies the predicate, not the infinitive after "to"
    ("It's not racist to impose limits", "limits", False),
    ("It's not racist to impose limits", "impose", False),
    ("It's not racist to impose limits", "racist", True),
    ("It isn't racist to impose limits", "limits", False),
    ("It would not be fair to blame Libya", "blame", False),
    ("This is not the time to retreat", "retreat", False),
    ("It is not a crime to help refugees", "refugees", False),
    ("It's not racist to say we cannot take more refugees", "refugees", True),   # a negator of its own after "to"
    # the infinitive is the complement of the negated word, or the negated predicate itself: still negated
    ("It is not going to stop migration", "migration", True),
    ("It is not likely to succeed", "succeed", True),
    ("It can't be allowed to continue", "continue", True),
    ("That is not enough to stop the boats", "boats", True),
    ("Migrants are not allowed to stay", "stay", True),          # a subject of its own: no extraposition
    ("We did not want to return to Libya", "return", True),
    ("Libya is not to blame", "blame", True),
])
def test_negation_stops_at_the_infinitive_of_an_extraposed_subject(text, word, expected):
    assert is_negated(text, text.index(word)) is expected


def test_is_negated_window_can_be_widened():
    text = "not one of the many many people who fled sought asylum"
    assert is_negated(text, text.index("asylum"), window=12)


@pytest.mark.parametrize("entries, message", [
    (["a"], "mapping"),
    ({"": ["a"]}, "label ''"),
    ({"x": "refugees"}, "label 'x': entries must be a list"),
    ({"x": ["ok", 3]}, "entry 3 is not a string"),
    ({"x": ["  "]}, "label 'x': an entry is empty"),
    ({"x": ["human (rights)"]}, "entry 'human (rights)'"),
    ({"x": ["***"]}, "no letter or digit"),
    ({"x": ["human rights", "Human-Rights"]}, "'human rights' and 'Human-Rights' are the same"),
])
def test_malformed_lexicon_errors_name_label_and_entry(entries, message):
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Lexicon.from_entries(entries)


def test_same_entry_in_two_labels_is_allowed():
    lex = Lexicon.from_entries({"a": ["border"], "b": ["border"]})
    assert [label for _, _, label, _ in lex.find("the border")] == ["a", "b"]


def test_uppercase_text_whose_lowercase_changes_length_still_gets_true_offsets():
    lex = Lexicon.from_entries({"x": ["rights"]})
    text = "İİ rights"          # "İ".lower() is two characters long
    assert [(text[s:e]) for s, e, _, _ in lex.find(text)] == ["rights"]


def test_entry_starting_with_a_glob_may_start_where_a_word_ends():
    # "O'Neill" is refused as a word start (a letter and an apostrophe before
    # it), so the glob matches nothing at the end of the word and the hit is "-led".
    lex = Lexicon.from_entries({"x": ["*-led"]})
    assert spans(lex, "O'Neill-led forces and Saudi-led, US-LED ones") == [
        ("-led", "x", "*-led"), ("Saudi-led", "x", "*-led"), ("US-LED", "x", "*-led")]


def test_generators_are_read_once_and_kept():
    lexicon = Lexicon.from_entries({"x": (word for word in ["aid", "relief"])})
    assert lexicon.entries["x"] == ["aid", "relief"]
    texts = ["aid", "none", "more relief"]
    assert lexicon.find_each(text for text in texts) == lexicon.find_each(texts) == \
        [[(0, 3, "x", "aid")], [], [(5, 11, "x", "relief")]]
