"""Tests for analysis.corpus.load: the seed corpus, every input format, and bad
input named by file or row."""

import hashlib
import json
import warnings

import pandas as pd
import pytest

import analysis
from analysis import CorpusError, load_corpus
from analysis.paths import project_root

SEEDS_DIR = project_root() / "seeds"

SEED_SHA256 = {
    "000_bd62f2a1691b9c73.txt": "683763f7a184296dd6f77c345d6246c7aadc7f59751dce56e426c4d4791a4ea2",
    "001_1ec201bc634de039.txt": "36083a2ae697cfe5447a9b700ff4bbc11fcac1766d88ed6923231f7ca5fb13cf",
    "002_4e7e16cfe19459e8.txt": "5cd19ffdc1b5ae7565059261310d6d1a638383626081034ddaa0fc5e24f84663",
    "003_929eec2763dc5bbb.txt": "8702339afab0b381ff755e581794d5ad942637abfd76271d53763fbd6d88baeb",
    "004_0c974b69cb272ea1.txt": "c46067bd89172d81a4dcaf50189cc3ff3e2558c0c81bea443d375c5dd0067d50",
}


def test_seeds_are_byte_identical_to_the_shared_articles():
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(SEEDS_DIR.glob("*.txt"))}
    assert found == SEED_SHA256


def test_seed_corpus_has_one_row_per_article_in_file_order():
    corpus = load_corpus()
    assert corpus["doc_id"].tolist() == [name[:-4] for name in sorted(SEED_SHA256)]
    assert {"doc_id", "text", "raw_text", "source", "title", "outlet", "date", "date_basis"} <= set(corpus.columns)
    assert corpus["source"].tolist() == sorted(SEED_SHA256)


def test_seed_metadata_records_only_what_the_text_supports():
    corpus = load_corpus().set_index("doc_id")
    row = corpus.loc["003_929eec2763dc5bbb"]
    assert row["title"] == "Libyan and Italian Interior Ministers review cooperation in fighting illegal immigration"
    assert row["outlet"] == "Libya Observer"
    assert row["title"] in row["raw_text"] and "Via Libya Observer" in row["raw_text"]
    others = corpus.drop(index="003_929eec2763dc5bbb")
    assert others["outlet"].isna().all() and others["title"].isna().all()
    # every date is inferred from events and says so
    assert corpus["date_basis"].str.startswith("inferred").all()


def test_cleaning_moves_boilerplate_and_headline_out_of_text():
    row = load_corpus().set_index("doc_id").loc["003_929eec2763dc5bbb"]
    for junk in ["Reading Time", "Via Libya Observer", "Once you're here", "bloggers like this",
                 "review cooperation in fighting"]:
        assert junk not in row["text"]
        assert junk in row["raw_text"]
    assert row["text"].startswith("The Libyan Interior Minister Fathi Bashagha met Wednesday")
    assert row["text"].endswith("Christos Stylianides.")


def test_clean_false_keeps_the_normalised_raw_text():
    corpus = load_corpus(clean=False).set_index("doc_id")
    assert corpus.loc["003_929eec2763dc5bbb", "text"].startswith("Libyan and Italian Interior Ministers")


def test_normalisation_bom_newlines_nfc(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffCafe\u0301 one.\r\nTwo.\rThree.".encode("utf-8"))
    row = load_corpus(tmp_path).iloc[0]
    assert row["text"] == "Café one.\nTwo.\nThree."
    assert row["raw_text"].startswith("\ufeff") and "\r\n" in row["raw_text"]


def test_directory_ignores_hidden_files_and_other_extensions(tmp_path):
    (tmp_path / "b.txt").write_text("Bee.")
    (tmp_path / "a.txt").write_text("Ay.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "notes.md").write_text("Notes.")
    assert load_corpus(tmp_path)["doc_id"].tolist() == ["a", "b"]


def test_metadata_csv_is_merged_by_doc_id(tmp_path):
    (tmp_path / "a.txt").write_text("Ay.")
    (tmp_path / "b.txt").write_text("Bee.")
    (tmp_path / "metadata.csv").write_text("doc_id,outlet\nb,BBC\n")
    corpus = load_corpus(tmp_path).set_index("doc_id")
    assert corpus.loc["b", "outlet"] == "BBC" and pd.isna(corpus.loc["a", "outlet"])


def test_metadata_row_without_file_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Ay.")
    (tmp_path / "metadata.csv").write_text("doc_id,outlet\na,BBC\nzzz,CNN\n")
    with pytest.warns(UserWarning, match="zzz"):
        load_corpus(tmp_path)


def test_csv_with_own_columns_keeps_metadata(tmp_path):
    path = tmp_path / "news.csv"
    pd.DataFrame({"url": ["u1", "u2"], "body": ["First.", "Second."], "outlet": ["X", "Y"]}).to_csv(path, index=False)
    corpus = load_corpus(path, text_col="body", id_col="url")
    assert corpus[["doc_id", "text", "outlet"]].values.tolist() == [["u1", "First.", "X"], ["u2", "Second.", "Y"]]
    assert corpus["source"].tolist() == ["news.csv row 1", "news.csv row 2"]


def test_tsv_jsonl_parquet_and_dataframe_give_the_same_corpus(tmp_path):
    frame = pd.DataFrame({"doc_id": ["a", "b"], "text": ["One.", "Two, too."], "year": ["2019", "2020"]})
    frame.to_csv(tmp_path / "c.tsv", sep="\t", index=False)
    frame.to_parquet(tmp_path / "c.parquet")
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in frame.to_dict("records")))
    expected = load_corpus(frame)[["doc_id", "text", "year"]]
    for name in ["c.tsv", "c.parquet", "c.jsonl"]:
        pd.testing.assert_frame_equal(load_corpus(tmp_path / name)[["doc_id", "text", "year"]], expected)


def test_id_col_none_numbers_rows():
    corpus = load_corpus(pd.DataFrame({"text": ["One.", "Two."]}), id_col=None)
    assert corpus["doc_id"].tolist() == ["row-1", "row-2"]


# -- bad input: every case names the file or row and says what to do ------------------------------


def test_missing_path(tmp_path):
    with pytest.raises(CorpusError, match="nope.*no such file"):
        load_corpus(tmp_path / "nope")


def test_directory_without_documents(tmp_path):
    (tmp_path / "readme.md").write_text("x")
    with pytest.raises(CorpusError, match="no .txt documents"):
        load_corpus(tmp_path)


def test_undecodable_file_names_file_byte_and_suggests_encoding(tmp_path):
    (tmp_path / "ok.txt").write_text("Fine.")
    (tmp_path / "bad.txt").write_bytes(b"Caf\xe9 au lait.\n")
    with pytest.raises(CorpusError, match=r"bad\.txt.*byte 3.*encoding="):
        load_corpus(tmp_path)
    assert load_corpus(tmp_path, encoding="cp1252").set_index("doc_id").loc["bad", "text"] == "Café au lait."


def test_undecodable_table_names_the_byte_in_the_file_its_line_and_row(tmp_path):
    # cp1252 as Excel saves it; row 1's text spans two lines, so the bad byte is on line 4 but in row 2
    data = 'doc_id,text\na,"One line.\nAnother."\nb,Caf\u00e9 au lait.\n'.encode("cp1252")
    at = data.index(b"\xe9")
    (tmp_path / "bad_latin1.csv").write_bytes(data)
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path / "bad_latin1.csv")
    message = str(err.value)
    assert f"bad_latin1.csv: cannot be decoded as utf-8 at byte {at} (line 4, row 2): byte 0xe9" in message
    assert "Save it as UTF-8, or pass its encoding, e.g. load_corpus(..., encoding='cp1252')." in message
    assert load_corpus(tmp_path / "bad_latin1.csv", encoding="cp1252")["text"].tolist()[1] == "Café au lait."
    (tmp_path / "header.tsv").write_bytes("doc_id\ttext\u00e9\na\tx\n".encode("cp1252"))
    with pytest.raises(CorpusError, match=r"header\.tsv: .* at byte 11 \(line 1, the header\)"):
        load_corpus(tmp_path / "header.tsv")


def test_undecodable_table_in_a_zip_names_the_byte_in_the_member(tmp_path):
    import zipfile
    data = '{"doc_id": "a", "text": "Hi."}\n{"doc_id": "b", "text": "Caf\u00e9"}\n'.encode("cp1252")
    at = data.index(b"\xe9")
    with zipfile.ZipFile(tmp_path / "n.zip", "w") as archive:
        archive.writestr("n.jsonl", data)
    with pytest.raises(CorpusError, match=rf"n\.zip:n\.jsonl: cannot be decoded as utf-8 at byte {at} \(line 2\)"):
        load_corpus(tmp_path / "n.zip")
    assert load_corpus(tmp_path / "n.zip", encoding="cp1252")["text"].tolist() == ["Hi.", "Café"]


def test_undecodable_metadata_is_to_be_saved_as_utf8_whatever_the_encoding(tmp_path):
    (tmp_path / "a.txt").write_bytes("Caf\u00e9.".encode("cp1252"))
    (tmp_path / "metadata.csv").write_bytes("doc_id,outlet\na,Caf\u00e9 Press\n".encode("cp1252"))
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path, encoding="cp1252")        # the documents' encoding does not apply to metadata.csv
    message = str(err.value)
    assert "metadata.csv: cannot be decoded as utf-8 at byte 19 (line 2, row 1)" in message
    assert "metadata.csv is read as UTF-8" in message and "pass its encoding" not in message


def test_binary_file(tmp_path):
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(CorpusError, match=r"img\.txt.*binary"):
        load_corpus(tmp_path)


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_empty_document(tmp_path, content):
    (tmp_path / "a.txt").write_text("Fine.")
    (tmp_path / "empty.txt").write_text(content)
    with pytest.raises(CorpusError, match=r"empty\.txt.*empty or whitespace"):
        load_corpus(tmp_path)


def test_document_empty_after_cleaning(tmp_path):
    (tmp_path / "a.txt").write_text("Reading Time: 2 minutes\n")
    with pytest.raises(CorpusError, match="after cleaning"):
        load_corpus(tmp_path)


def test_duplicate_ids_name_both_rows():
    frame = pd.DataFrame({"doc_id": ["a", "b", "a"], "text": ["One.", "Two.", "Three."]})
    with pytest.raises(CorpusError, match=r"row 3: duplicate doc_id 'a' \(first seen in DataFrame row 1\)"):
        load_corpus(frame)


def test_table_without_text_column_lists_its_columns(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,body\n1,Hello.\n")
    with pytest.raises(CorpusError, match=r"t\.csv: no column 'text'.*\['id', 'body'\]"):
        load_corpus(path, id_col="id")
    with pytest.raises(CorpusError, match="no column 'doc_id'"):
        load_corpus(path, text_col="body")


def test_empty_text_cell_names_the_row(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("doc_id,text\na,Hello.\nb,\n")
    with pytest.raises(CorpusError, match=r"t\.csv row 2 \(doc_id 'b'\): empty 'text' cell"):
        load_corpus(path)


def test_malformed_json_line_names_the_line(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"doc_id": "a", "text": "Hi."}\n{"doc_id": "b", "text": \n')
    with pytest.raises(CorpusError, match=r"t\.jsonl, line 2: not valid JSON"):
        load_corpus(path)


def test_unsupported_file_type(tmp_path):
    path = tmp_path / "t.docx"
    path.write_bytes(b"PK")
    with pytest.raises(CorpusError, match="unsupported file type '.docx'"):
        load_corpus(path)


def test_corpus_error_is_a_value_error():
    assert issubclass(CorpusError, ValueError)


def test_skip_drops_bad_documents_with_one_warning_listing_them(tmp_path):
    (tmp_path / "good.txt").write_text("Fine.")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe bad")
    (tmp_path / "empty.txt").write_text("")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(tmp_path, on_error="skip")
    assert corpus["doc_id"].tolist() == ["good"]
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "skipped 2 document(s)" in message and "bad.txt" in message and "empty.txt" in message


def test_skip_that_leaves_nothing_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(CorpusError, match="all were skipped"), pytest.warns(UserWarning):
        load_corpus(tmp_path, on_error="skip")


def test_load_corpus_never_modifies_the_source_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfText.\r\n")
    before = (tmp_path / "a.txt").read_bytes()
    load_corpus(tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == before


def test_cleaning_report_lists_every_removed_line_of_the_seeds():
    report = analysis.cleaning_report(load_corpus())
    assert report[["rule", "line"]].values.tolist() == [
        ["headline", 1], ["reading_time", 3], ["via_credit", 27], ["subscribe_widget", 31], ["likes_widget", 33]]
    assert set(report["doc_id"]) == {"003_929eec2763dc5bbb"}


def test_zip_with_one_table_is_read_like_the_table(tmp_path):
    import zipfile
    frame = pd.DataFrame({"article_id": ["1", "2"], "text": ["One.", "Two."], "title": ["T1", "T2"]})
    with zipfile.ZipFile(tmp_path / "news.zip", "w") as archive:
        archive.writestr("News.csv", frame.to_csv(index=False))
    corpus = load_corpus(tmp_path / "news.zip", id_col="article_id")
    assert corpus[["doc_id", "text", "title"]].values.tolist() == [["1", "One.", "T1"], ["2", "Two.", "T2"]]
    assert corpus["source"].tolist() == ["news.zip:News.csv row 1", "news.zip:News.csv row 2"]


def test_zip_with_jsonl_reports_bad_lines_with_the_member(tmp_path):
    import zipfile
    with zipfile.ZipFile(tmp_path / "n.zip", "w") as archive:
        archive.writestr("n.jsonl", '{"doc_id": "a", "text": "Hi."}\n{oops\n')
    with pytest.raises(CorpusError, match=r"n\.zip:n\.jsonl, line 2: not valid JSON"):
        load_corpus(tmp_path / "n.zip")


def test_zip_without_exactly_one_table(tmp_path):
    import zipfile
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as archive:
        archive.writestr("a.csv", "doc_id,text\na,x\n")
        archive.writestr("b.csv", "doc_id,text\nb,y\n")
    with pytest.raises(CorpusError, match=r"two\.zip: expected exactly one table"):
        load_corpus(tmp_path / "two.zip")
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    with pytest.raises(CorpusError, match="not a valid zip"):
        load_corpus(tmp_path / "bad.zip")


# -- silent traps of issue 24: folders of folders, exact copies ----------------------------------


def _bbc_like(root):
    """A folder laid out as the BBC News corpus: README.TXT and one subfolder per category,
    with the same file names in each."""
    (root / "README.TXT").write_text("Consists of 2225 documents from the BBC news website.")
    for category, texts in {"business": ["Shares fell.", "Profits rose."], "politics": ["MPs voted."]}.items():
        (root / category).mkdir()
        for number, text in enumerate(texts, start=1):
            (root / category / f"{number:03d}.txt").write_text(text)


def test_a_folder_of_category_folders_reads_every_subfolder_with_its_name(tmp_path):
    _bbc_like(tmp_path)
    with pytest.warns(UserWarning, match=r"subfolders \['business', 'politics'\].*README\.TXT.*not documents"):
        corpus = load_corpus(tmp_path)
    assert corpus[["doc_id", "folder", "text"]].values.tolist() == [
        ["README", "", "Consists of 2225 documents from the BBC news website."],
        ["business/001", "business", "Shares fell."], ["business/002", "business", "Profits rose."],
        ["politics/001", "politics", "MPs voted."]]
    assert corpus["source"].tolist()[1] == "business/001.txt"


def test_subfolders_alone_give_no_warning_and_metadata_is_merged_by_their_path(tmp_path):
    for category in ("business", "politics"):
        (tmp_path / category).mkdir()
        (tmp_path / category / "001.txt").write_text(f"A {category} story.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("not a document")
    (tmp_path / "metadata.csv").write_text("doc_id,outlet\npolitics/001,BBC\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = load_corpus(tmp_path).set_index("doc_id")
    assert corpus["folder"].to_dict() == {"business/001": "business", "politics/001": "politics"}
    assert corpus.loc["politics/001", "outlet"] == "BBC" and pd.isna(corpus.loc["business/001", "outlet"])


def test_a_metadata_file_in_a_subfolder_is_named_not_ignored(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "1.txt").write_text("One.")
    (tmp_path / "a" / "metadata.csv").write_text("doc_id,outlet\n1,BBC\n")
    with pytest.warns(UserWarning, match=r"a/metadata\.csv: not read"):
        load_corpus(tmp_path)


def test_a_folder_without_subfolders_has_no_folder_column(tmp_path):
    (tmp_path / "a.txt").write_text("Ay.")
    assert "folder" not in load_corpus(tmp_path).columns


def test_exact_copies_are_named_in_a_warning_and_kept(tmp_path):
    frame = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "text": ["Same story.", "Other.", "Same story.", "Other."]})
    with pytest.warns(UserWarning, match=r"2 documents have exactly the text of an earlier one.*'c' \(copy of 'a'\), "
                                         r"'d' \(copy of 'b'\).*duplicates='drop'"):
        corpus = load_corpus(frame)
    assert corpus["doc_id"].tolist() == ["a", "b", "c", "d"]
    report = analysis.cleaning_report(corpus)
    assert report[["doc_id", "rule", "removed"]].values.tolist() == [
        ["c", "exact_copy", "copy of 'a'"], ["d", "exact_copy", "copy of 'b'"]]


def test_exact_copies_can_be_dropped_keeping_the_first_and_saying_which(tmp_path):
    # the same text after cleaning: a headline line differs, the article does not
    frame = pd.DataFrame({"doc_id": ["a", "b", "c"],
                          "text": ["Head one\n\nThe story.", "Head two\n\nThe story.", "New."]})
    with pytest.warns(UserWarning, match=r"dropped 1 document whose text is exactly that of an earlier one, keeping "
                                         r"the first: 'b' \(copy of 'a'\)"):
        corpus = load_corpus(frame, duplicates="drop")
    assert corpus["doc_id"].tolist() == ["a", "c"]
    assert analysis.cleaning_report(corpus).query("rule == 'exact_copy'")[["doc_id", "removed"]].values.tolist() == [
        ["b", "dropped, copy of 'a'"]]
    with pytest.raises(analysis.AnalysisError, match=r"load_corpus\(\): duplicates= must be one of 'warn', 'drop'; "
                                                     r"got 'keep'"):
        load_corpus(frame, duplicates="keep")


def test_distinct_texts_give_no_copy_warning(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["One.", "One!"]}))


def test_html_entities_are_unescaped_in_text_kept_in_raw_text_and_reported():
    raw = "Caf&#233; owners &amp; the EU&#x2019;s &quot;plan&quot;; &nosuch; stays."
    corpus = load_corpus(pd.DataFrame({"doc_id": ["a"], "text": [raw]}))
    assert corpus.loc[0, "text"] == 'Café owners & the EU’s "plan"; &nosuch; stays.'
    assert corpus.loc[0, "raw_text"] == raw
    report = analysis.cleaning_report(corpus)
    assert report[["rule", "line", "removed", "replaced_by"]].values.tolist() == [
        ["html_entities", 1, "&#233;", "é"], ["html_entities", 1, "&amp;", "&"],
        ["html_entities", 1, "&#x2019;", "’"],
        ["html_entities", 1, "&quot;", '"'], ["html_entities", 1, "&quot;", '"']]


def test_readers_comments_are_cut_from_text_kept_in_raw_text_and_reported():
    raw = ("Ministers meet in Rome\n\nThe minister said the plan would work.\n\nIt starts in May.\n\n"
           "Readers' comments\n\nJohn, London: This is a disgrace.\nMary: Send them back!")
    corpus = load_corpus(pd.DataFrame({"doc_id": ["a"], "text": [raw]}))
    assert corpus.loc[0, "text"] == "The minister said the plan would work.\n\nIt starts in May."
    report = analysis.cleaning_report(corpus)
    assert report[["rule", "line"]].values.tolist() == [
        ["headline", 1], ["readers_comments", 7], ["readers_comments", 9], ["readers_comments", 10]]
    assert "Send them back" not in " ".join(analysis.sentences(corpus)["text"])
