"""Tests for analysis.corpus.stream: a table file read in chunks gives the corpus
table that load_corpus gives."""

import pandas as pd
import pytest

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


def test_a_streamed_file_that_does_not_decode_names_the_byte_and_line(tmp_path):
    path = tmp_path / "c.csv"
    rows = "".join(f"d{i},Text number {i}.\n" for i in range(200))
    path.write_bytes(("doc_id,text\n" + rows + "late,Caf\u00e9 au lait.\n").encode("cp1252"))
    bad = len(("doc_id,text\n" + rows + "late,Caf").encode())
    chunks, _ = corpus_chunks(path, chunksize=10)
    with pytest.raises(analysis.CorpusError, match=rf"c\.csv: cannot be decoded as utf-8 at byte {bad} "
                                                   r"\(line 202\): byte 0xe9.*encoding='cp1252'"):
        list(chunks)
