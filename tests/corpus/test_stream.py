"""Tests for analysis.corpus.stream: a table file read in chunks gives the corpus
table that load_corpus gives."""

import pandas as pd
import pytest

import analysis
from analysis.corpus.stream import corpus_chunks
from analysis.synthetic import generated_corpus


def test_streamed_chunks_are_corpus_tables_like_load_corpus(tmp_path):
    path = tmp_path / "c.csv"
    generated_corpus().to_csv(path, index=False)
    chunks, total = corpus_chunks(path, chunksize=4)
    streamed = pd.concat(list(chunks), ignore_index=True)
    loaded = analysis.load_corpus(path)
    assert total is None
    pd.testing.assert_frame_equal(streamed, loaded)
    assert streamed["source"].iloc[5] == "c.csv row 6"


def test_streamed_errors_give_the_row_in_the_file_and_the_first_copy(tmp_path):
    path = tmp_path / "dup.csv"
    table = pd.DataFrame({"doc_id": [f"d{i}" for i in range(30)], "text": [f"Text number {i}." for i in range(30)]})
    table.loc[24, "doc_id"] = "d9"
    table.to_csv(path, index=False)
    chunks, _ = corpus_chunks(path, chunksize=10)
    with pytest.raises(analysis.CorpusError, match=r"^dup\.csv row 25: duplicate doc_id 'd9' \(first seen in "
                                                   r"dup\.csv row 10\)\. Doc ids must be unique"):
        list(chunks)
    with pytest.raises(analysis.CorpusError) as loaded:
        analysis.load_corpus(path)
    with pytest.raises(analysis.CorpusError) as streamed:
        list(corpus_chunks(path, chunksize=10)[0])
    assert str(streamed.value) == str(loaded.value)


def test_a_streamed_file_without_the_text_column_is_named_once(tmp_path):
    path = tmp_path / "mis.csv"
    pd.DataFrame({"doc_id": ["a"], "body": ["Text."]}).to_csv(path, index=False)
    with pytest.raises(analysis.CorpusError, match=r"^mis\.csv: no column 'text'; the table has columns "
                                                   r"\['doc_id', 'body'\]\. Pass text_col="):
        list(corpus_chunks(path)[0])


@pytest.mark.parametrize("text, problem", [
    (None, "empty 'text' cell"),
    (float("nan"), "empty 'text' cell"),
    (7, "text is of type int, not a string"),
    ("", "text is empty or whitespace only"),
    (" \n\t", "text is empty or whitespace only"),
])
def test_a_corpus_table_with_a_document_without_text_is_refused(text, problem):
    table = pd.DataFrame({"doc_id": ["a", "b"], "text": ["The government must act.", text]}, dtype=object)
    with pytest.raises(analysis.TableError) as caught:
        corpus_chunks(table)
    assert str(caught.value) == (
        f"featurize(): 1 document of the corpus has no text: doc_id 'b' (row 1): {problem}. Load the table with "
        "analysis.load_corpus(), which cleans it and reports each bad row, or drop or fill those rows.")


def test_a_corpus_table_names_the_first_three_documents_without_text():
    table = pd.DataFrame({"doc_id": list("abcdef"), "text": ["Fine.", None, "", "Fine.", " ", None]})
    with pytest.raises(analysis.TableError) as caught:
        corpus_chunks(table)
    assert ("4 documents of the corpus have no text: doc_id 'b' (row 1): empty 'text' cell; doc_id 'c' (row 2): "
            "text is empty or whitespace only; doc_id 'e' (row 4): text is empty or whitespace only; and 1 more. "
            ) in str(caught.value)


def test_a_streamed_file_that_does_not_decode_names_the_byte_and_line(tmp_path):
    path = tmp_path / "c.csv"
    rows = "".join(f"d{i},Text number {i}.\n" for i in range(200))
    path.write_bytes(("doc_id,text\n" + rows + "late,Caf\u00e9 au lait.\n").encode("cp1252"))
    bad = len(("doc_id,text\n" + rows + "late,Caf").encode())
    chunks, _ = corpus_chunks(path, chunksize=10)
    with pytest.raises(analysis.CorpusError, match=rf"c\.csv: cannot be decoded as utf-8 at byte {bad} "
                                                   r"\(line 202\): byte 0xe9.*encoding='cp1252'"):
        list(chunks)


def test_copies_across_chunks_of_a_streamed_file_are_named_at_the_end(tmp_path):
    path = tmp_path / "news.csv"
    texts = ["Story one.", "Story two.", "Story three.", "Story one.", "Story two."]
    pd.DataFrame({"doc_id": list("abcde"), "text": texts}).to_csv(path, index=False)
    chunks, _ = corpus_chunks(path, chunksize=2)
    with pytest.warns(UserWarning, match=r"2 documents have exactly the text of an earlier one.*'d' \(copy of 'a'\), "
                                         r"'e' \(copy of 'b'\).*load_corpus\(\.\.\., duplicates='drop'\)"):
        read = pd.concat(list(chunks))
    assert read["doc_id"].tolist() == list("abcde")          # kept, as load_corpus keeps them by default
