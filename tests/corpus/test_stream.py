"""Tests for analysis.corpus.stream: a table file read in chunks gives the corpus
table that load_corpus gives."""

import pandas as pd

import analysis
from analysis.corpus.stream import corpus_chunks

from ..generated import generated_corpus


def test_streamed_chunks_are_corpus_tables_like_load_corpus(tmp_path):
    path = tmp_path / "c.csv"
    generated_corpus().to_csv(path, index=False)
    chunks, total = corpus_chunks(path, chunksize=4)
    streamed = pd.concat(list(chunks), ignore_index=True)
    loaded = analysis.load_corpus(path)
    assert total is None
    pd.testing.assert_frame_equal(streamed.drop(columns="source"), loaded.drop(columns="source"))
    assert streamed["source"].iloc[5] == "c.csv rows 5-8: row 2"
