"""Tests for analysis.measures.featurize: known answers on a generated corpus;
chunked == whole; streamed file == loaded file; pandas == Dask on a two-process
LocalCluster."""

import importlib
import json
import subprocess
import sys

import pandas as pd
import pytest

import analysis
from analysis.errors import CorpusError, TableError
from analysis.measures.featurize import empty_tables, featurize, featurize_to_parquet
from analysis.synthetic import SENTENCES, generated_corpus

featurize_module = importlib.import_module("analysis.measures.featurize")   # analysis.featurize is the function

@pytest.fixture(scope="module")
def corpus():
    return analysis.load_corpus(generated_corpus())


@pytest.fixture(scope="module")
def whole(corpus):
    return featurize(corpus, progress=False)


def test_known_answers_for_one_document():
    doc = pd.DataFrame({"doc_id": ["a"], "text": [SENTENCES[0] + " " + SENTENCES[1] + "\n" + SENTENCES[2]]})
    sents, attrs = featurize(doc, progress=False, method="dictionary")
    assert sents[["sent_id", "par_id", "start", "end"]].values.tolist() == [[0, 0, 0, 50], [1, 0, 51, 96],
                                                                            [2, 1, 97, 124]]
    assert sents["criminality"].tolist() == [1, 0, 0] and sents["humanitarian"].tolist() == [1, 0, 3]
    assert sents["naming"].tolist() == ["migrants", "", ""]
    assert sents["n_attributions"].tolist() == [1, 1, 0]
    assert attrs[["sent_id", "actor", "kind", "polarity"]].values.tolist() == [
        [0, "smugglers_traffickers", "causal", "assign"], [1, "libya", "causal", "deny"]]


def test_naming_lists_distinct_labels_in_text_order():
    doc = pd.DataFrame({"doc_id": ["a"], "text": ["Migrants, illegal immigrants and migrants met the Commissioner "
                                                  "for Refugees."]})
    assert featurize(doc, progress=False)[0]["naming"].tolist() == ["migrants; illegal_immigrants"]


def test_tables_agree_with_the_building_blocks(corpus, whole):
    sents, attrs = whole
    expected = analysis.sentences(corpus)
    pd.testing.assert_frame_equal(sents[expected.columns], expected.astype({"doc_id": "str", "text": "str"}))
    scores = analysis.frame_scores(expected)
    frame_ids = list(scores.columns[len(expected.columns):])
    assert sents[frame_ids].equals(scores[frame_ids])
    pd.testing.assert_frame_equal(attrs, analysis.attributions(corpus).astype(attrs.dtypes.to_dict()))
    assert sents["n_attributions"].sum() == len(attrs) > 0
    assert list(sents.columns) == list(empty_tables()[0].columns)


@pytest.mark.parametrize("chunksize", [1, 2, 4, 1000])
def test_chunked_equals_whole(corpus, whole, chunksize):
    sents, attrs = featurize(corpus, chunksize=chunksize, progress=False)
    pd.testing.assert_frame_equal(sents, whole[0])
    pd.testing.assert_frame_equal(attrs, whole[1])


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".parquet"])
def test_streaming_a_file_equals_loading_it(tmp_path, monkeypatch, suffix):
    path = tmp_path / f"corpus{suffix}"
    table = generated_corpus()
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in table.to_dict("records")), encoding="utf-8")
    elif suffix == ".parquet":
        table.to_parquet(path)
    else:
        table.to_csv(path, sep="\t" if suffix == ".tsv" else ",", index=False)
    loaded = featurize(analysis.load_corpus(path), progress=False)
    seen = []
    real = featurize_module.featurize_frame
    monkeypatch.setattr(featurize_module, "featurize_frame",
                        lambda c, **resources: seen.append(len(c)) or real(c, **resources))
    streamed = featurize(path, chunksize=5, progress=False)
    assert seen == [5, 5, 2]
    pd.testing.assert_frame_equal(streamed[0], loaded[0])
    pd.testing.assert_frame_equal(streamed[1], loaded[1])


def test_streaming_numbers_rows_across_chunks(tmp_path):
    path = tmp_path / "c.csv"
    generated_corpus(5).drop(columns="doc_id").to_csv(path, index=False)
    sents, _ = featurize(path, id_col=None, chunksize=2, progress=False)
    assert sents["doc_id"].unique().tolist() == [f"row-{i}" for i in range(1, 6)]


def test_streaming_finds_duplicates_and_empty_rows_across_chunks(tmp_path):
    path = tmp_path / "c.csv"
    table = generated_corpus(6)
    table.loc[4, "doc_id"] = "d0"
    table.to_csv(path, index=False)
    with pytest.raises(CorpusError, match=r"c\.csv row 5: duplicate doc_id 'd0' \(first seen in c\.csv row 1\)"):
        featurize(path, chunksize=3, progress=False)
    table.loc[5, "text"] = None
    table.to_csv(path, index=False)
    with pytest.warns(UserWarning, match="skipped 2 document") as caught:
        sents, _ = featurize(path, chunksize=3, on_error="skip", progress=False)
    message = str(caught[0].message)
    assert "c.csv row 5: duplicate doc_id 'd0'" in message and "c.csv row 6 (doc_id 'd5'): empty" in message
    assert sents["doc_id"].unique().tolist() == ["d0", "d1", "d2", "d3"]


def test_bad_input_is_named():
    with pytest.raises(ValueError, match=r"missing \['text'\]"):
        featurize(pd.DataFrame({"doc_id": ["a"], "body": ["x"]}), progress=False)
    with pytest.raises(ValueError, match=r"featurize\(\): chunksize= must be a whole number >= 1 \(documents per chunk\)"):
        featurize(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), chunksize=0, progress=False)


@pytest.mark.parametrize("text", [None, "  \n"])
def test_a_document_without_text_is_refused_not_dropped(text):
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["The government must act.", text]})
    with pytest.raises(TableError, match=r"^featurize\(\): 1 document of the corpus has no text: doc_id 'b' "
                                         r"\(row 1\): .*Load the table with analysis\.load_corpus\(\)"):
        featurize(docs, codebook={"blame": ["accus*"]}, progress=False)


def test_parquet_output_equals_the_tables_and_is_never_overwritten(tmp_path, corpus, whole):
    paths = featurize_to_parquet(corpus, tmp_path / "out", chunksize=2, progress=False)
    for path, table in zip(paths, whole):
        pd.testing.assert_frame_equal(pd.read_parquet(path), table)
    with pytest.raises(FileExistsError, match="already exist"):
        featurize_to_parquet(corpus, tmp_path / "out", progress=False)


def test_parquet_output_that_fails_leaves_no_file_behind(tmp_path, corpus, monkeypatch):
    pq = pytest.importorskip("pyarrow.parquet")
    opened = []

    class SecondWriterFails(pq.ParquetWriter):
        def __init__(self, where, *args, **kwargs):
            if opened:
                raise OSError("disk full")
            super().__init__(where, *args, **kwargs)
            opened.append(self)

    monkeypatch.setattr(pq, "ParquetWriter", SecondWriterFails)
    with pytest.raises(OSError, match="disk full"):
        featurize_to_parquet(corpus, tmp_path / "out", progress=False)
    assert list((tmp_path / "out").iterdir()) == [] and opened[0].is_open is False


def test_parquet_output_refuses_bad_input_before_making_the_folder(tmp_path, corpus):
    out = tmp_path / "out"
    with pytest.raises(TypeError, match=r"^featurize_to_parquet\(\) got unexpected keyword argument\(s\) "
                                        r"\['text_column'\]; its options are .*text_col, id_col"):
        featurize_to_parquet(corpus, out, text_column="body")
    with pytest.raises(TableError, match=r"^featurize\(\): 1 document of the corpus has no text: "
                                         r"doc_id 'd1' \(row 1\): empty 'text' cell"):
        featurize_to_parquet(corpus.assign(text=corpus["text"].where(corpus["doc_id"] != "d1")), out, progress=False)
    with pytest.raises(CorpusError, match=r"no such file"):
        featurize_to_parquet(tmp_path / "missing.csv", out, progress=False)
    body = tmp_path / "body.csv"
    corpus[["doc_id", "text"]].rename(columns={"text": "body"}).to_csv(body, index=False)
    with pytest.raises(CorpusError, match=r"^body\.csv: no column 'text'"):
        featurize_to_parquet(body, out, progress=False)
    assert not out.exists()


def test_parquet_output_refuses_a_dask_dataframe_before_making_the_folder(tmp_path, corpus):
    dd = pytest.importorskip("dask.dataframe")
    out = tmp_path / "out"
    with pytest.raises(TableError, match=r"^featurize_to_parquet\(\) takes a corpus table or a path, not a Dask "
                                         r"DataFrame\. Use featurize\(dask_frame\)"):
        featurize_to_parquet(dd.from_pandas(corpus[["doc_id", "text"]], npartitions=2), out, progress=False)
    assert not out.exists()


def test_pandas_path_never_imports_dask():
    code = ("import sys, pandas as pd, analysis; "
            "analysis.featurize(pd.DataFrame({'doc_id': ['a'], 'text': ['Aid.']}), progress=False); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_dask_on_two_worker_processes_equals_pandas(corpus, whole):
    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    lazy = featurize(dd.from_pandas(corpus[["doc_id", "text"]], npartitions=3))
    for table, expected in zip(lazy, whole):
        assert isinstance(table, dd.DataFrame)
        assert table.dtypes.to_dict() == expected.dtypes.to_dict()
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        sents, attrs = dask.compute(*lazy)
    pd.testing.assert_frame_equal(sents.reset_index(drop=True), whole[0])
    pd.testing.assert_frame_equal(attrs.reset_index(drop=True), whole[1])


def test_dask_refuses_a_document_without_text_when_its_partition_is_computed(corpus):
    dd = pytest.importorskip("dask.dataframe")
    docs = corpus[["doc_id", "text"]].astype(object)
    docs.loc[docs["doc_id"] == "d4", "text"] = None
    sents, _ = featurize(dd.from_pandas(docs, npartitions=3))
    with pytest.raises(TableError, match=r"^featurize\(\): 1 document of a Dask partition has no text: "
                                         r"doc_id 'd4' \(row \d\): empty 'text' cell\."):
        sents.compute(scheduler="sync")
