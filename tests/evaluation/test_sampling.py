"""Tests for analysis.evaluation.sampling: samples drawn with known
probabilities (each unit is drawn with the probability it records), and coding
sheets drawn with their document's context, stamped, with instructions, never over a file."""

import numpy as np
import pandas as pd
import pytest

from analysis import AnalysisError, TableError, coding_sample
from analysis.evaluation.sampling import coding_sheet, inclusion_probabilities, systematic_sample
from analysis.evaluation.sheets import read_coding, resource_versions
from analysis.resources.codebook import load_codebook

from .sheet_helpers import ACTOR_FILE, CODEBOOK, FRAMES, VERSION, make_sheet, sents  # noqa: F401 (sents: a fixture)


def test_sheet_has_context_blank_columns_and_is_reproducible(sents):
    sheet = coding_sheet(sents, n=5, codebook=CODEBOOK, actors=ACTOR_FILE)
    assert list(sheet.columns) == ["doc_id", "sent_id", "previous", "sentence", "next", *FRAMES,
                                   "actor", "kind", "polarity", "coder", "notes", "coding_probability"]
    # quotas 3.0, 1.5, 0.5 of 5: a gets 3; b 1 or 2 and c 0 or 1, at random; every sentence 5 of 10
    counts = sheet["doc_id"].value_counts().to_dict()
    assert counts["a"] == 3 and counts.get("b", 0) + counts.get("c", 0) == 2 and counts.get("c", 0) <= 1
    assert (sheet["coding_probability"] == 0.5).all()
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


@pytest.fixture
def units():
    rng = np.random.default_rng(0)
    n = 40
    return pd.DataFrame({"doc_id": [f"d{i // 4}" for i in range(n)], "sent_id": [i % 4 for i in range(n)],
                         "outlet": np.where(np.arange(n) < 30, "big", "small"),
                         "aid_probability": rng.uniform(0, 1, n).round(3),
                         "crime_probability": np.r_[np.zeros(20), rng.uniform(0, 1, 20)].round(3)})


def _frequencies(units, n, draws=1500, **options):
    """How often each unit is drawn over ``draws`` seeds, and the probabilities recorded."""
    counts = np.zeros(len(units))
    recorded = np.full(len(units), np.nan)
    for seed in range(draws):
        sample = coding_sample(units, n, random_state=seed, **options)
        assert len(sample) == n and not sample.index.duplicated().any()
        positions = units.index.get_indexer(sample.index)
        counts[positions] += 1
        assert np.all(np.isnan(recorded[positions]) | np.isclose(recorded[positions], sample["coding_probability"]))
        recorded[positions] = sample["coding_probability"]
    return counts / draws, recorded


@pytest.mark.parametrize("options", [{"strategy": "random"},
                                     {"strategy": "stratified", "by": "outlet"},
                                     {"strategy": "stratified", "by": "outlet", "allocation": "equal"},
                                     {"strategy": "uncertain", "floor": 0.2}])
def test_each_unit_is_drawn_with_the_probability_recorded(units, options):
    frequency, recorded = _frequencies(units, 8, **options)
    assert not np.isnan(recorded).any()                      # every unit can be drawn
    assert recorded.sum() == pytest.approx(8)
    tolerance = 4 * np.sqrt(recorded * (1 - recorded) / 1500) + 1e-9
    assert np.all(np.abs(frequency - recorded) <= tolerance)


def test_designs_probabilities_by_hand(units):
    equal = coding_sample(units, 8, strategy="stratified", by="outlet", allocation="equal")
    assert equal.groupby("outlet")["coding_probability"].agg(["size", "max"]).values.tolist() == [[4, 4 / 30],
                                                                                                 [4, 4 / 10]]
    proportional = coding_sample(units, 8, strategy="stratified", by="outlet")
    assert sorted(proportional["outlet"].value_counts().tolist()) in ([2, 6], [1, 7])   # quotas 2 and 6
    assert (proportional["coding_probability"] == 8 / 40).all()
    uncertain = coding_sample(units, 8, strategy="uncertain", floor=0.2, frames=["crime"])
    assert uncertain["coding_probability"].min() >= 0.2 * 8 / 40 - 1e-12


def test_inclusion_probabilities_cap_at_one_and_share_the_rest():
    assert inclusion_probabilities([10.0, 10.0, 1.0, 1.0, 2.0], 3).tolist() == pytest.approx([1, 1, 0.25, 0.25, 0.5])
    assert inclusion_probabilities([0.0, 0.0, 0.0], 1).tolist() == pytest.approx([1 / 3] * 3)


def test_systematic_sample_always_takes_the_certain_units():
    for seed in range(50):
        chosen = systematic_sample([1.0, 0.3, 0.7, 1.0, 0.5, 0.5], np.random.default_rng(seed))
        assert len(chosen) == 4 and {0, 3} <= set(chosen.tolist())


def test_exclude_leaves_out_units_coded_before(units):
    done = units.iloc[:20]
    sample = coding_sample(units, 10, exclude=done)
    assert not sample.index.isin(done.index).any()
    assert (sample["coding_probability"] == 10 / 20).all()


@pytest.mark.parametrize("options, error, message", [
    ({"n": 0}, AnalysisError, r"n= must be a whole number in \[1, 40\] \(the 40 units not excluded\)"),
    ({"n": 41}, AnalysisError, "n= must be"),
    ({"n": 5, "strategy": "top"}, AnalysisError, "strategy= must be one of"),
    ({"n": 5, "strategy": "stratified"}, AnalysisError, "needs by="),
    ({"n": 1, "strategy": "stratified", "by": "outlet", "allocation": "equal"}, AnalysisError, "at least 2"),
    ({"n": 5, "strategy": "uncertain", "floor": 0}, AnalysisError, r"floor= must be a number in \(0, 1\]"),
    ({"n": 5, "strategy": "uncertain", "frames": ["sovereignty"]}, TableError, "sovereignty_probability"),
])
def test_bad_options_are_named(units, options, error, message):
    with pytest.raises(error, match=message):
        coding_sample(units, **options)


def test_uncertain_needs_probabilities_in_range(units):
    with pytest.raises(TableError, match="'aid_probability' holds 1.5 in row 3"):
        coding_sample(units.assign(aid_probability=[0.1] * 3 + [1.5] + [0.1] * 36), 5, strategy="uncertain")
    with pytest.raises(TableError, match="needs the machine's <frame>_probability"):
        coding_sample(units[["doc_id", "sent_id"]], 5, strategy="uncertain")


def test_uncertain_sheet_draws_proportionally_to_the_models_uncertainty_with_a_floor():
    from analysis import FrameClassifier, load_corpus, sentences
    sents = sentences(load_corpus())
    model = FrameClassifier.load()
    sheet = coding_sheet(sents, n=20, strategy="uncertain", floor=0.5)
    p = model.predict_proba(sents.sort_values(["doc_id", "sent_id"])["text"].tolist())
    size = np.sqrt((p * (1 - p)).mean(axis=1))
    expected = 0.5 * inclusion_probabilities(size, 20) + 0.5 * 20 / len(sents)
    ordered = sents.sort_values(["doc_id", "sent_id"]).reset_index(drop=True)
    position = pd.MultiIndex.from_frame(ordered[["doc_id", "sent_id"]]).get_indexer(
        pd.MultiIndex.from_frame(sheet[["doc_id", "sent_id"]]))
    assert len(sheet) == 20
    assert sheet["coding_probability"].to_numpy() == pytest.approx(expected[position])
    assert expected.min() >= 0.5 * 20 / len(sents)


def test_a_whole_sheet_has_probability_one(sents):
    sheet = coding_sheet(sents, codebook=CODEBOOK, actors=ACTOR_FILE)
    assert len(sheet) == 10 and (sheet["coding_probability"] == 1.0).all()


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
