"""Tests for analysis.corpus.summary: the size of each document, counted by hand."""

import pandas as pd

from analysis.corpus.summary import corpus_summary

CORPUS = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
                       "text": ["Zorg. Brown came by boat. They sank.\n\nA new paragraph here.", "One line"]})


def test_words_sentences_and_paragraphs_of_each_document():
    summary = corpus_summary(CORPUS)
    assert list(summary.columns) == ["doc_id", "title", "outlet", "date", "words", "sentences", "paragraphs"]
    assert summary[["doc_id", "outlet", "words", "sentences", "paragraphs"]].values.tolist() == [
        ["a", "X", 11, 4, 2], ["b", "Y", 2, 1, 1]]
    assert summary["title"].isna().all() and summary["date"].isna().all()


def test_sentences_are_counted_with_the_segmentation_rules_given():
    summary = corpus_summary(CORPUS, segmentation={"abbreviations": ["zorg"]})
    assert summary["sentences"].tolist() == [3, 1]
