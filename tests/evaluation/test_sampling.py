"""Tests for analysis.evaluation.sampling: stratified samples, and coding sheets
drawn with their document's context, stamped, with instructions, never over a file."""

import pandas as pd
import pytest

from analysis.errors import AnalysisError
from analysis.evaluation.sampling import coding_sheet, sample_stratified
from analysis.evaluation.sheets import read_coding, resource_versions
from analysis.resources.codebook import load_codebook

from .sheet_helpers import ACTOR_FILE, CODEBOOK, FRAMES, VERSION, make_sheet, sents  # noqa: F401 (sents: a fixture)


def test_stratified_sample_is_proportional_with_largest_remainders():
    table = pd.DataFrame({"g": ["a"] * 5 + ["b"] * 3 + ["c"] * 2})
    # quotas 2.5, 1.5, 1.0 -> floors 2, 1, 1; one left, tie of remainders -> first stratum
    assert table.loc[sample_stratified(table, 5, "g")]["g"].value_counts().to_dict() == {"a": 3, "b": 1, "c": 1}
    assert len(sample_stratified(table, None, "g")) == 10
    with pytest.raises(ValueError, match=r"sample_stratified\(\): n= must be a whole number in \[1, 10\]"):
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


def test_sheet_stamps_every_row_has_instructions_beside_it_and_never_overwrites(sents, tmp_path):
    path = tmp_path / "sheet.csv"
    sheet = make_sheet(sents, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join([*sheet.columns, "codebook_version"])      # the column names first, no comment lines
    assert VERSION.startswith("<mapping> v9; <mapping> v9; ")             # the versions of the resources given
    assert [line.rsplit(",", 1)[1] for line in lines[1:]] == [VERSION] * 5
    instructions = (tmp_path / "sheet.instructions.txt").read_text(encoding="utf-8")
    assert instructions.startswith(f"How to code sheet.csv (made with {VERSION}; ")
    assert "actor: who is held responsible - one of: libya europe un_agencies government_unresolved." in instructions
    for mine in (path, tmp_path / "sheet.instructions.txt"):
        path.unlink(), (tmp_path / "sheet.instructions.txt").unlink()
        mine.write_text("my coding", encoding="utf-8")
        with pytest.raises(FileExistsError, match=f"{mine.name} exists.*overwrite=True"):
            make_sheet(sents, path)
        assert mine.read_text(encoding="utf-8") == "my coding"
        make_sheet(sents, path, overwrite=True)
        assert mine.read_text(encoding="utf-8") != "my coding"


def test_a_hash_in_a_sentence_survives_reading_the_sheet_with_pandas(tmp_path):
    """Issue 24: the '#' lines of the old sheets made pandas.read_csv(comment="#") cut the
    row of a sentence holding '&#233;' (and drop one starting with '#')."""
    sents = pd.DataFrame({"doc_id": ["a", "a", "a"], "sent_id": [0, 1, 2],
                          "text": ["Caf&#233; owners, 3,300 of them, protested.", "#refugeeswelcome, they wrote.",
                                   "Police came."]})
    path = tmp_path / "sheet.csv"
    sheet = coding_sheet(sents, path=path, codebook=CODEBOOK, actors=ACTOR_FILE)
    for read in (pd.read_csv(path, comment="#", dtype=str, keep_default_na=False),
                 pd.read_csv(path, dtype=str, keep_default_na=False)):
        assert read["sentence"].tolist() == sents["text"].tolist()
        pd.testing.assert_frame_equal(read.drop(columns="codebook_version"), sheet.astype(str))
    assert read_coding(path, codebook=CODEBOOK, actors=ACTOR_FILE)["sent_id"].tolist() == [0, 1, 2]


def test_sheet_defaults_come_from_the_shipped_codebook(tmp_path):
    from analysis import load_corpus, sentences
    sents = sentences(load_corpus())
    path = tmp_path / "sheet.csv"
    sheet = coding_sheet(sents, n=12, path=path)
    assert [c for c in sheet.columns if c in load_codebook().frame_ids] == load_codebook().frame_ids
    assert path.read_text(encoding="utf-8").splitlines()[1].endswith(f",{resource_versions()}")
    assert len(read_coding(path)) == 12


# --------------------------------------------------------------------------- context from the document

def test_context_comes_from_the_document_not_from_the_rows_passed_in(sents):
    """Issue 24: drawn from a stratum (here the even sentences), a sentence's previous and next were the
    neighbouring rows of the stratum (sentence 2's previous was sentence 0); they are its document's."""
    even = sents[sents["sent_id"] % 2 == 0]
    sheet = coding_sheet(even, codebook=CODEBOOK, actors=ACTOR_FILE, context=sents)
    assert sheet[["doc_id", "sent_id"]].values.tolist() == [["a", 0], ["a", 2], ["a", 4], ["b", 0], ["b", 2],
                                                            ["c", 0]]
    assert sheet["previous"].tolist() == ["", "Sentence 1 of a.", "Sentence 3 of a.", "", "Sentence 1 of b.", ""]
    assert sheet["next"].tolist() == ["Sentence 1 of a.", "Sentence 3 of a.", "Sentence 5 of a.", "Sentence 1 of b.",
                                      "", ""]
    shuffled = sents.sample(frac=1, random_state=3)                         # rows in any order: by sent_id
    pd.testing.assert_frame_equal(coding_sheet(shuffled, codebook=CODEBOOK, actors=ACTOR_FILE),
                                  coding_sheet(sents, codebook=CODEBOOK, actors=ACTOR_FILE))


def test_some_sentences_of_a_document_without_their_context_are_refused(sents):
    with pytest.raises(AnalysisError, match=r"sentences holds only some sentences of 2 document\(s\) \(e\.g\. 'a' "
                                            r"lacks sent_id 1, 3\).*Pass context=analysis\.sentences\(corpus\)"):
        coding_sheet(sents[sents["sent_id"] % 2 == 0], codebook=CODEBOOK, actors=ACTOR_FILE)
    with pytest.raises(AnalysisError, match=r"'b' lacks sent_id 0"):
        coding_sheet(sents[sents["doc_id"].eq("b") & sents["sent_id"].gt(0)], codebook=CODEBOOK, actors=ACTOR_FILE)
    other = sents.assign(text=sents["text"].str.replace("Sentence", "Line"))
    with pytest.raises(AnalysisError, match=r"sentence \('a', (\d)\) \('Sentence \1 of a\.'\) has another text "
                                            r"there: 'Line \1 of a\.'; pass as context= the segmentation"):
        coding_sheet(sents, n=3, codebook=CODEBOOK, actors=ACTOR_FILE, context=other)
    with pytest.raises(AnalysisError, match=r"context holds sentence \('a', 0\) more than once"):
        coding_sheet(sents, n=3, codebook=CODEBOOK, actors=ACTOR_FILE, context=pd.concat([sents, sents]))
