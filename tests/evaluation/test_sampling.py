"""Tests for analysis.evaluation.sampling: stratified samples, and coding sheets
drawn with their context, their header, and never over a file."""

import pandas as pd
import pytest

from analysis.evaluation.sampling import coding_sheet, sample_stratified
from analysis.evaluation.sheets import read_coding, resource_versions
from analysis.resources.codebook import load_codebook

from .sheet_helpers import ACTOR_FILE, CODEBOOK, FRAMES, VERSION, make_sheet, sents  # noqa: F401 (sents: a fixture)


def test_stratified_sample_is_proportional_with_largest_remainders():
    table = pd.DataFrame({"g": ["a"] * 5 + ["b"] * 3 + ["c"] * 2})
    # quotas 2.5, 1.5, 1.0 -> floors 2, 1, 1; one left, tie of remainders -> first stratum
    assert table.loc[sample_stratified(table, 5, "g")]["g"].value_counts().to_dict() == {"a": 3, "b": 1, "c": 1}
    assert len(sample_stratified(table, None, "g")) == 10
    with pytest.raises(ValueError, match="between 1 and"):
        sample_stratified(table, 11, "g")


def test_sheet_has_context_blank_columns_and_is_reproducible(sents):
    sheet = coding_sheet(sents, n=5, codebook=CODEBOOK, actors=ACTOR_FILE)
    assert list(sheet.columns) == ["doc_id", "sent_id", "previous", "sentence", "next", *FRAMES,
                                   "actor", "kind", "polarity", "coder", "notes"]
    # quotas 3.0, 1.5, 0.5 of 5: floors 3, 1, 0; the one left goes to the first of the tied remainders
    assert sheet["doc_id"].value_counts().to_dict() == {"a": 3, "b": 2}
    for row in sheet.itertuples():
        assert row.sentence == f"Sentence {row.sent_id} of {row.doc_id}."
        assert row.previous == ("" if row.sent_id == 0 else f"Sentence {row.sent_id - 1} of {row.doc_id}.")
        last = {"a": 5, "b": 2, "c": 0}[row.doc_id]
        assert row.next == ("" if row.sent_id == last else f"Sentence {row.sent_id + 1} of {row.doc_id}.")
    assert (sheet[FRAMES + ["actor", "kind", "polarity", "coder"]] == "").all().all()
    again = coding_sheet(sents, n=5, codebook=CODEBOOK, actors=ACTOR_FILE, random_state=0)
    pd.testing.assert_frame_equal(sheet, again)
    others = [coding_sheet(sents, n=5, codebook=CODEBOOK, actors=ACTOR_FILE, random_state=s)["sent_id"].tolist()
              for s in range(1, 6)]
    assert any(o != sheet["sent_id"].tolist() for o in others)


def test_sheet_header_names_codebook_version_and_never_overwrites(sents, tmp_path):
    path = tmp_path / "sheet.csv"
    make_sheet(sents, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# codebook_version: {VERSION}"
    assert VERSION.startswith("<mapping> v9; <mapping> v9; ")             # the versions of the resources given
    assert any("libya europe un_agencies" in line for line in lines if line.startswith("#"))
    path.write_text("my coding", encoding="utf-8")
    with pytest.raises(FileExistsError, match="overwrite=True"):
        make_sheet(sents, path)
    assert path.read_text(encoding="utf-8") == "my coding"
    make_sheet(sents, path, overwrite=True)
    assert path.read_text(encoding="utf-8").startswith("# codebook_version")


def test_sheet_defaults_come_from_the_shipped_codebook(tmp_path):
    from analysis import load_corpus, sentences
    sents = sentences(load_corpus())
    path = tmp_path / "sheet.csv"
    sheet = coding_sheet(sents, n=12, path=path)
    assert [c for c in sheet.columns if c in load_codebook().frame_ids] == load_codebook().frame_ids
    assert path.read_text(encoding="utf-8").startswith(
        f"# codebook_version: {resource_versions()}\n")
    assert len(read_coding(path)) == 12
