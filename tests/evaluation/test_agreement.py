"""Tests for analysis.validation: agreement statistics with known answers,
coding sheets (round trip and every malformed case), the codebook rendering."""

import csv

import numpy as np
import pandas as pd
import pytest
import yaml
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, interval_distance
from sklearn.metrics import cohen_kappa_score

from analysis import validation
from analysis.actors import load_actors
from analysis.paths import PACKAGE_DATA
from analysis.validation import (KINDS, POLARITIES, CodingSheetError, agreement_table, attribution_sets, codebook,
                                 coder_agreement, coders_table, coding_sheet, cohen_kappa, krippendorff_alpha,
                                 label_set, plot_scores, precision_recall_f1, read_coding, sample_stratified)

nan = np.nan

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers
# (A-D) x 12 units, "." = missing. Checked cell by cell against the paper's table as reproduced
# in the irr/DescTools ("the 'C' data from Krippendorff") and rel::kra examples.
KRIPPENDORFF_2011 = pd.DataFrame({
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    "C": [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
}, index=range(1, 13))


# --------------------------------------------------------------------------- Krippendorff's alpha

def test_alpha_nominal_reproduces_krippendorff_2011():
    # By hand: pairable values n = 40 (unit 12 has one value), n_c = 9, 13, 10, 5, 3 for values 1-5;
    # mismatching coincidences: unit 2 gives 2, unit 6 gives 4, unit 8 gives 2, total 8.
    # alpha = 1 - (n - 1) * 8 / (n^2 - sum n_c^2) = 1 - 39 * 8 / (1600 - 384) = 0.7434...
    assert krippendorff_alpha(KRIPPENDORFF_2011) == pytest.approx(1 - 39 * 8 / 1216)
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, "nominal"), 3) == 0.743


@pytest.mark.parametrize("level, published", [("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)])
def test_alpha_other_levels_reproduce_krippendorff_2011(level, published):
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, level), 3) == published


def _nltk_alpha(table, distance):
    data = [(coder, unit, value) for coder in table.columns for unit, value in table[coder].items()
            if not pd.isna(value)]
    return AnnotationTask(data=data, distance=distance).alpha()


@pytest.mark.parametrize("level, distance", [("nominal", binary_distance), ("interval", interval_distance)])
def test_alpha_agrees_with_nltk_on_the_worked_example(level, distance):
    assert krippendorff_alpha(KRIPPENDORFF_2011, level) == pytest.approx(_nltk_alpha(KRIPPENDORFF_2011, distance))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_alpha_agrees_with_nltk_on_random_tables_with_missing_values(seed):
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, 5, size=40)
    table = pd.DataFrame({f"c{j}": np.where(rng.random(40) < 0.7, truth, rng.integers(1, 5, size=40))
                          for j in range(3)}).astype(float)
    table = table.mask(rng.random(table.shape) < 0.2)
    for level, distance in [("nominal", binary_distance), ("interval", interval_distance)]:
        assert krippendorff_alpha(table, level) == pytest.approx(_nltk_alpha(table, distance))


def test_alpha_perfect_agreement_is_one():
    table = pd.DataFrame({"a": ["x", "y", "z", "x"], "b": ["x", "y", "z", "x"], "c": ["x", None, "z", "x"]})
    assert krippendorff_alpha(table) == 1.0


def test_alpha_systematic_disagreement_is_negative():
    # Every unit disagrees: 8 mismatching coincidences, n = 8, n_a = n_b = 4:
    # alpha = 1 - 7 * 8 / (64 - 32) = -0.75
    table = pd.DataFrame({"a": ["x", "y", "x", "y"], "b": ["y", "x", "y", "x"]})
    assert krippendorff_alpha(table) == pytest.approx(-0.75)


def test_alpha_of_independent_random_coders_is_near_zero():
    rng = np.random.default_rng(0)
    table = pd.DataFrame({"a": rng.integers(0, 3, 4000), "b": rng.integers(0, 3, 4000)})
    assert abs(krippendorff_alpha(table)) < 0.03


def test_alpha_ignores_units_with_one_value_and_index_labels():
    padded = pd.concat([KRIPPENDORFF_2011,
                        pd.DataFrame({"A": [4.0, nan], "B": [nan, nan], "C": [nan, nan], "D": [nan, nan]},
                                     index=[3, 3])])  # one value, no values; duplicate index labels
    assert krippendorff_alpha(padded) == pytest.approx(krippendorff_alpha(KRIPPENDORFF_2011))


def test_alpha_nominal_on_strings_equals_alpha_on_codes():
    as_text = KRIPPENDORFF_2011.apply(lambda col: col.map(lambda v: None if pd.isna(v) else f"v{int(v)}"))
    assert krippendorff_alpha(as_text) == pytest.approx(krippendorff_alpha(KRIPPENDORFF_2011))


def test_alpha_undefined_without_variation_and_errors():
    assert np.isnan(krippendorff_alpha(pd.DataFrame({"a": [1, 1], "b": [1, 1]})))
    with pytest.raises(ValueError, match="two or more coders"):
        krippendorff_alpha(pd.DataFrame({"a": [1, nan], "b": [nan, 2]}))
    with pytest.raises(ValueError, match="level"):
        krippendorff_alpha(KRIPPENDORFF_2011, "circular")
    with pytest.raises(ValueError, match="numeric"):
        krippendorff_alpha(pd.DataFrame({"a": ["x", "y"], "b": ["x", "x"]}), "interval")
    with pytest.raises(ValueError, match="two coder columns"):
        krippendorff_alpha(pd.DataFrame({"a": [1, 2]}))
    with pytest.raises(ValueError, match="a mix"):
        krippendorff_alpha(pd.DataFrame({"a": [1, "x"], "b": [1, "x"]}))


# --------------------------------------------------------------------------- Cohen's kappa

def test_kappa_textbook_example():
    # 50 applications, two readers: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    # p_o = 35/50 = 0.7; p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_kappa_agrees_with_sklearn(seed):
    rng = np.random.default_rng(seed)
    a = rng.choice(["x", "y", "z"], 60)
    b = np.where(rng.random(60) < 0.6, a, rng.choice(["x", "y", "z"], 60))
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))


def test_kappa_perfect_chance_and_errors():
    assert cohen_kappa([1, 2, 3], [1, 2, 3]) == 1.0
    assert cohen_kappa(["y", "y", "n", "n"], ["y", "n", "y", "n"]) == 0.0
    assert np.isnan(cohen_kappa(["y", "y"], ["y", "y"]))
    with pytest.raises(ValueError, match=r"positions \[1\]"):
        cohen_kappa(["y", None, "n"], ["y", "n", "n"])
    with pytest.raises(ValueError, match="different lengths"):
        cohen_kappa(["y"], ["y", "n"])


# --------------------------------------------------------------------------- machine vs coder

def test_label_set_reads_cells():
    assert label_set("libya; europe ;") == {"libya", "europe"}
    assert label_set(2) == {True} and label_set(True) == {True}
    assert label_set(0) == label_set(False) == label_set("") == label_set(None) == label_set(nan) == frozenset()
    assert label_set(["a", "a"]) == {"a"}


def test_precision_recall_f1_counts_by_hand():
    coder = pd.DataFrame({"crime": [1, 1, 0, 0, 1], "actor": ["libya", "libya;europe", "", None, "un"]})
    machine = pd.DataFrame({"crime": [1, 0, 1, 0, 1], "actor": ["libya", "europe", "media", "", "libya"]})
    table = precision_recall_f1(machine, coder, n_boot=0).set_index("column")
    # crime: tp units 0, 4; fp unit 2; fn unit 1
    assert table.loc["crime", ["tp", "fp", "fn"]].tolist() == [2, 1, 1]
    assert table.loc["crime", "precision"] == pytest.approx(2 / 3)
    assert table.loc["crime", "f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    # actor: tp libya(0), europe(1); fp media(2), libya(4); fn libya(1), un(4)
    assert table.loc["actor", ["tp", "fp", "fn", "coder_labels", "machine_labels"]].tolist() == [2, 2, 2, 4, 4]
    assert table.loc["actor", "recall"] == pytest.approx(0.5)
    assert np.isnan(table.loc["actor", "f1_low"])


def test_precision_undefined_when_machine_gives_nothing():
    table = precision_recall_f1(pd.DataFrame({"f": [0, 0]}), pd.DataFrame({"f": [1, 0]}), n_boot=50)
    assert np.isnan(table.loc[0, "precision"]) and table.loc[0, "recall"] == 0 and table.loc[0, "f1"] == 0


def test_bootstrap_resamples_units_and_is_reproducible():
    rng = np.random.default_rng(5)
    coder = pd.DataFrame({"f": rng.integers(0, 2, 30), "g": rng.integers(0, 2, 30)})
    machine = pd.DataFrame({"f": rng.integers(0, 2, 30), "g": coder["g"]})
    first = precision_recall_f1(machine, coder, n_boot=200, random_state=7)
    pd.testing.assert_frame_equal(first, precision_recall_f1(machine, coder, n_boot=200, random_state=7))
    assert not first.equals(precision_recall_f1(machine, coder, n_boot=200, random_state=8))
    f = first.set_index("column").loc["f"]
    assert f.f1_low < f.f1 < f.f1_high and 0 <= f.precision_low and f.recall_high <= 1
    assert first.set_index("column").loc["g", ["f1_low", "f1", "f1_high"]].tolist() == [1.0, 1.0, 1.0]
    # one replicate = the F1 of the units drawn by the generator
    drawn = np.random.default_rng(3).integers(0, 30, 30)
    m, c = machine["f"].to_numpy()[drawn], coder["f"].to_numpy()[drawn]
    tp, fp, fn = ((m == 1) & (c == 1)).sum(), ((m == 1) & (c == 0)).sum(), ((m == 0) & (c == 1)).sum()
    one = precision_recall_f1(machine, coder, ["f"], n_boot=1, random_state=3).iloc[0]
    assert one.f1_low == one.f1_high == pytest.approx(2 * tp / (2 * tp + fp + fn))


def test_machine_is_evaluated_on_the_coded_units_only():
    idx = pd.MultiIndex.from_tuples([("d", 0), ("d", 1), ("d", 2)], names=["doc_id", "sent_id"])
    machine = pd.DataFrame({"f": [1, 1, 1]}, index=idx)
    coder = pd.DataFrame({"f": [1]}, index=idx[[0]])
    assert precision_recall_f1(machine, coder, n_boot=0).loc[0, ["tp", "fp"]].tolist() == [1, 0]
    with pytest.raises(ValueError, match="no machine row"):
        precision_recall_f1(coder, machine, n_boot=0)
    with pytest.raises(ValueError, match="no column"):
        precision_recall_f1(machine, coder, ["g"], n_boot=0)
    with pytest.raises(ValueError, match="machine table has duplicate units"):
        precision_recall_f1(pd.concat([machine, machine]), coder, n_boot=0)
    with pytest.raises(ValueError, match="n_boot"):
        precision_recall_f1(machine, coder, n_boot=-1)


# --------------------------------------------------------------------------- coding sheets

FRAMES = ["sovereignty", "humanitarian"]
ACTORS = ["libya", "europe", "un_agencies"]
VERSION = "frames.yaml v9; actors.yaml v9"


@pytest.fixture
def sents():
    docs = {"a": 6, "b": 3, "c": 1}
    return pd.DataFrame([(d, i, f"Sentence {i} of {d}.") for d, k in docs.items() for i in range(k)],
                        columns=["doc_id", "sent_id", "text"])


def _sheet(sents, path, **kw):
    kw = {"n": 5, "frames": FRAMES, "actors": ACTORS, "codebook_version": VERSION, **kw}
    return coding_sheet(sents, path=path, **kw)


def _read(*paths, **kw):
    return read_coding(list(paths), **{"frames": FRAMES, "actors": ACTORS, "codebook_version": VERSION, **kw})


def _edit(path, edits=None, rows=None, drop_lines=(), text=None):
    """Rewrite a sheet: ``edits`` maps (data row index, column) -> value."""
    records = list(csv.reader(open(path, encoding="utf-8", newline="")))
    start = next(i for i, r in enumerate(records) if not r[0].startswith("#"))
    columns = records[start]
    for (i, col), value in (edits or {}).items():
        records[start + 1 + i][columns.index(col)] = value
    records += rows or []
    records = [r for i, r in enumerate(records) if i not in drop_lines]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(records)
    return start


def test_stratified_sample_is_proportional_with_largest_remainders():
    table = pd.DataFrame({"g": ["a"] * 5 + ["b"] * 3 + ["c"] * 2})
    # quotas 2.5, 1.5, 1.0 -> floors 2, 1, 1; one left, tie of remainders -> first stratum
    assert table.loc[sample_stratified(table, 5, "g")]["g"].value_counts().to_dict() == {"a": 3, "b": 1, "c": 1}
    assert len(sample_stratified(table, None, "g")) == 10
    with pytest.raises(ValueError, match="between 1 and"):
        sample_stratified(table, 11, "g")


def test_sheet_has_context_blank_columns_and_is_reproducible(sents):
    sheet = coding_sheet(sents, n=5, frames=FRAMES, actors=ACTORS, codebook_version=VERSION)
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
    again = coding_sheet(sents, n=5, frames=FRAMES, actors=ACTORS, random_state=0)
    pd.testing.assert_frame_equal(sheet, again)
    others = [coding_sheet(sents, n=5, frames=FRAMES, actors=ACTORS, random_state=s)["sent_id"].tolist()
              for s in range(1, 6)]
    assert any(o != sheet["sent_id"].tolist() for o in others)


def test_sheet_header_names_codebook_version_and_never_overwrites(sents, tmp_path):
    path = tmp_path / "sheet.csv"
    _sheet(sents, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# codebook_version: {VERSION}"
    assert any("libya europe un_agencies" in line for line in lines if line.startswith("#"))
    path.write_text("my coding", encoding="utf-8")
    with pytest.raises(FileExistsError, match="overwrite=True"):
        _sheet(sents, path)
    assert path.read_text(encoding="utf-8") == "my coding"
    _sheet(sents, path, overwrite=True)
    assert path.read_text(encoding="utf-8").startswith("# codebook_version")


def test_round_trip_of_a_coded_sheet(sents, tmp_path):
    path = tmp_path / "ann.csv"
    sheet = _sheet(sents, path)
    _edit(path, {(0, "sovereignty"): "1", (0, "humanitarian"): "0", (1, "humanitarian"): "1.0",
                 (1, "actor"): "libya; europe", (1, "kind"): "causal;treatment", (1, "polarity"): "deny ; assign",
                 (2, "coder"): "Ann", (2, "notes"): "unsure, see context"},
          rows=[["", "", "", "", "", "", "", "", "", "", "", ""]])  # a blank row, as spreadsheets add
    coded = _read(path)
    pd.testing.assert_frame_equal(coded, _read(path, sentences=sents))
    assert coded[["doc_id", "sent_id"]].values.tolist() == sheet[["doc_id", "sent_id"]].values.tolist()
    assert coded["sovereignty"].tolist() == [1, 0, 0, 0, 0]
    assert coded["humanitarian"].tolist() == [0, 1, 0, 0, 0]
    assert coded.loc[1, ["actor", "kind", "polarity"]].tolist() == ["libya;europe", "causal;treatment", "deny;assign"]
    assert coded["actor"].tolist()[2:] == ["", "", ""]
    assert coded["coder"].tolist() == ["ann", "ann", "Ann", "ann", "ann"]
    assert coded.loc[2, "notes"] == "unsure, see context"
    assert coded["row"].tolist() == [8, 9, 10, 11, 12]  # 6 header lines, the column names on row 7


def test_read_coding_tolerates_a_byte_order_mark(sents, tmp_path):
    path = tmp_path / "bom.csv"
    _sheet(sents, path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(_read(path)) == 5


def test_two_coders_agreement(sents, tmp_path):
    ann, bo = tmp_path / "ann.csv", tmp_path / "bo.csv"
    _sheet(sents, ann), _sheet(sents, bo)
    _edit(ann, {(0, "sovereignty"): "1", (1, "sovereignty"): "1"})
    _edit(bo, {(0, "sovereignty"): "1", (2, "sovereignty"): "1"})
    coding = _read(ann, bo)
    assert coders_table(coding, "sovereignty").shape == (5, 2)
    agreement = coder_agreement(coding, ["sovereignty"]).iloc[0]
    # ann 1,1,0,0,0; bo 1,0,1,0,0: p_o = 3/5, p_e = 0.4*0.4 + 0.6*0.6 = 0.52 -> kappa = 0.08/0.48
    assert agreement.kappa == pytest.approx(0.08 / 0.48)
    # n = 10, n_1 = 4, n_0 = 6, mismatching coincidences 4: alpha = 1 - 9 * 4 / (100 - 52)
    assert agreement.alpha == pytest.approx(1 - 9 * 4 / 48)
    with pytest.raises(ValueError, match="at least two coders"):
        coder_agreement(_read(ann))


def test_coders_compare_attribution_lists_as_sets():
    coding = pd.DataFrame({"doc_id": ["d"] * 6, "sent_id": [0, 1, 2] * 2, "coder": ["ann"] * 3 + ["bo"] * 3,
                           "actor": ["libya;europe", "", "media", "europe;libya", "", "libya"]})
    assert coders_table(coding, "actor").values.tolist() == [["europe;libya", "europe;libya"], ["none", "none"],
                                                             ["media", "libya"]]
    # kappa: p_o = 2/3; each coder 1/3 per category, 'media' and 'libya' unshared: p_e = 2/9 -> (2/3 - 2/9) / (7/9)
    assert coder_agreement(coding, ["actor"]).loc[0, "kappa"] == pytest.approx((2 / 3 - 2 / 9) / (7 / 9))


# Each malformed case: how to break the sheet, and the (row, column) the error must name.
MALFORMED = {
    "frame value": ({(0, "sovereignty"): "yes"}, 8, "sovereignty"),
    "frame value 2": ({(1, "humanitarian"): "2"}, 9, "humanitarian"),
    "unknown actor": ({(2, "actor"): "libia", (2, "kind"): "causal", (2, "polarity"): "deny"}, 10, "actor"),
    "unknown kind": ({(0, "actor"): "libya", (0, "kind"): "blame", (0, "polarity"): "deny"}, 8, "kind"),
    "unknown polarity": ({(0, "actor"): "libya", (0, "kind"): "causal", (0, "polarity"): "yes"}, 8, "polarity"),
    "actor without kind": ({(3, "actor"): "libya", (3, "polarity"): "deny"}, 11, "kind"),
    "lists of unequal length": ({(4, "actor"): "libya;europe", (4, "kind"): "causal;causal",
                                 (4, "polarity"): "deny"}, 12, "polarity"),
    "empty item in a list": ({(0, "actor"): "libya;;europe", (0, "kind"): "causal;causal;causal",
                              (0, "polarity"): "deny;deny;deny"}, 8, "actor"),
    "blank doc_id": ({(1, "doc_id"): ""}, 9, "doc_id"),
    "sent_id not a number": ({(1, "sent_id"): "two"}, 9, "sent_id"),
    "negative sent_id": ({(1, "sent_id"): "-1"}, 9, "sent_id"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_values_name_file_row_and_column(case, sents, tmp_path):
    edits, row, column = MALFORMED[case]
    path = tmp_path / "bad.csv"
    _sheet(sents, path)
    _edit(path, edits)
    with pytest.raises(CodingSheetError) as err:
        _read(path)
    assert (err.value.path, err.value.row, err.value.column) == (path, row, column)
    assert str(path) in str(err.value) and f"row {row}" in str(err.value) and repr(column) in str(err.value)


def test_malformed_structure(sents, tmp_path):
    path = tmp_path / "bad.csv"

    def fresh():
        _sheet(sents, path, overwrite=True)

    def error(**kw):
        with pytest.raises(CodingSheetError) as err:
            _read(path, **kw)
        return err.value

    with pytest.raises(CodingSheetError, match="no such file"):
        _read(tmp_path / "missing.csv")
    fresh(); _edit(path, drop_lines=[0])
    assert "codebook_version" in str(error()) and error().row == 1
    fresh()
    assert "v1" in str(error(codebook_version="frames.yaml v1; actors.yaml v1"))
    fresh(); _edit(path, drop_lines=range(7, 20))
    assert "no rows" in str(error())
    fresh(); _edit(path, drop_lines=range(6, 20))
    assert "no column names" in str(error())
    fresh()
    text = path.read_text(encoding="utf-8").replace(",humanitarian,", ",humanitarain,")
    path.write_text(text, encoding="utf-8")
    assert (error().row, error().column) == (7, "humanitarian")  # missing column reported first
    fresh()
    path.write_text(path.read_text(encoding="utf-8").replace(",notes\n", ",notes,extra\n"), encoding="utf-8")
    assert (error().row, error().column) == (7, "extra")
    fresh()
    path.write_text(path.read_text(encoding="utf-8").replace(",notes\n", ",notes,notes\n"), encoding="utf-8")
    assert (error().row, error().column) == (7, "notes") and "repeated" in str(error())
    fresh(); _edit(path, rows=[["a", "1", "", "", ""] + [""] * 7 + ["stray"]])
    assert error().row == 13 and "right of the last column" in str(error())
    fresh(); _edit(path, {(2, "sent_id"): "99"})
    assert len(_read(path)) == 5
    assert (error(sentences=sents).row, error(sentences=sents).column) == (10, "doc_id")
    assert "not in the corpus" in str(error(sentences=sents))
    wrong_frames = error(frames=["sovereignty", "humanitarian", "security"])
    assert wrong_frames.column == "security" and "missing" in str(wrong_frames)


def test_same_coder_twice_on_a_sentence_is_an_error(sents, tmp_path):
    first, second = tmp_path / "ann.csv", tmp_path / "ann2.csv"
    _sheet(sents, first), _sheet(sents, second)
    _edit(first, {(i, "coder"): "ann" for i in range(5)})
    _edit(second, {(i, "coder"): "ann" for i in range(5)})
    with pytest.raises(CodingSheetError, match="twice") as err:
        _read(first, second)
    assert err.value.path == second and err.value.row == 8


# --------------------------------------------------------------------------- attribution sets

def test_attribution_sets_from_long_rows_and_from_lists():
    long = pd.DataFrame({"doc_id": ["d", "d", "d", "e"], "sent_id": [0, 0, 1, 0],
                         "actor": ["libya", "europe", nan, "un_agencies"],
                         "kind": ["causal", "treatment", nan, "causal"],
                         "polarity": ["deny", "assign", nan, "assign"]})
    lists = pd.DataFrame({"doc_id": ["d", "d", "e"], "sent_id": [0, 1, 0], "actor": ["europe;libya", "", "un_agencies"],
                          "kind": ["treatment;causal", "", "causal"], "polarity": ["assign;deny", "", "assign"]})
    units = pd.DataFrame({"doc_id": ["d", "d", "e", "e"], "sent_id": [0, 1, 0, 1]})
    a, b = attribution_sets(long, units), attribution_sets(lists, units)
    pd.testing.assert_frame_equal(a, b)
    assert a.loc[("d", 0), "attribution"] == {"libya/causal/deny", "europe/treatment/assign"}
    assert a.loc[("d", 0), "actor"] == {"libya", "europe"} and a.loc[("d", 1), "actor"] == frozenset()
    assert a.loc[("e", 1), "attribution"] == frozenset()  # a unit with no row at all
    with pytest.raises(ValueError, match=r"Row 0 \(d, 0\)"):
        attribution_sets(long.assign(kind=[nan, "treatment", nan, "causal"]))


def test_attribution_fields_scored_per_field_and_as_triples():
    units = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 1]})
    coder = attribution_sets(pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 0], "actor": ["libya", "europe"],
                                           "kind": ["causal", "treatment"], "polarity": ["deny", "assign"]}), units)
    machine = attribution_sets(pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "actor": ["libya"],
                                             "kind": ["causal"], "polarity": ["assign"]}), units)
    table = precision_recall_f1(machine, coder, n_boot=0).set_index("column")
    assert table.loc["actor", ["tp", "fp", "fn"]].tolist() == [1, 0, 1]
    assert table.loc["polarity", ["tp", "fp", "fn"]].tolist() == [1, 0, 1]  # "assign" found, "deny" missed
    assert table.loc["attribution", ["tp", "fp", "fn"]].tolist() == [0, 1, 2]


# --------------------------------------------------------------------------- plots and codebook

def test_plot_scores_draws_each_interval():
    scores = pd.DataFrame({"column": ["a", "b"], "coder_labels": [4, 9], "f1": [0.5, 0.8],
                           "f1_low": [0.2, 0.7], "f1_high": [0.9, 0.95]})
    fig, ax = plot_scores(scores)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["b (n=9)", "a (n=4)"]
    segments = ax.collections[0].get_segments()  # horizontal error bars, bottom row first
    assert [(s[0][0], s[1][0]) for s in segments] == [pytest.approx((0.7, 0.95)), pytest.approx((0.2, 0.9))]


def test_kinds_and_polarities_match_the_cues_file():
    cues = yaml.safe_load((PACKAGE_DATA / "cues.yaml").read_text(encoding="utf-8"))
    assert list(cues["kinds"]) == list(KINDS) and list(cues["polarities"]) == list(POLARITIES)


FRAMES_YAML = """
version: 7
frames:
  - id: sovereignty
    label: State sovereignty
    definition: Authority of the state over its territory.
    includes: [borders, national law]
    examples: ["Libya's right for sovereignty in the sea, land and sky."]
    entries:
      - sovereign*
      - {entry: national security, weight: 2, note: the state}
  - id: humanitarian
    label: Humanitarian
    definition: Suffering and rescue.
    entries: [rescue*]
naming:
  labels:
    - {id: illegal_immigrants, label: illegal immigrants, kind: people, entries: [illegal immigrant*]}
"""


@pytest.fixture
def frames_file(tmp_path, monkeypatch):
    path = tmp_path / "frames.yaml"
    path.write_text(FRAMES_YAML, encoding="utf-8")
    monkeypatch.setattr(validation, "FRAMES_FILE", path)
    return path


def test_codebook_renders_frames_actors_and_cues(frames_file):
    text = codebook()
    assert text.startswith("# Codebook\n\nVersions: frames.yaml v7; actors.yaml v")
    assert "### `sovereignty`: State sovereignty\n\nDefinition: Authority of the state over its territory." in text
    assert "Includes:\n\n- borders\n- national law" in text
    assert "> Libya's right for sovereignty in the sea, land and sky." in text
    assert "Dictionary entries: `sovereign*`, `national security` (weight 2; the state)." in text
    assert "| `illegal_immigrants` | illegal immigrants | people | `illegal immigrant*` |" in text
    for actor, entry in load_actors().items():
        assert f"### `{actor}`\n\n{entry['definition']}" in text
        assert all(f"`{alias}`" in text for alias in entry["aliases"])
    assert "| kind | `causal` |" in text and "| polarity | `deny` |" in text
    assert validation.frame_ids() == ["sovereignty", "humanitarian"]
    with pytest.raises(ValueError, match="markdown"):
        codebook("latex")


def test_codebook_command_writes_the_file(frames_file, tmp_path, capsys):
    out = tmp_path / "figs" / "codebook.md"
    assert validation.main(["codebook", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == codebook()
    assert validation.main(["codebok", str(out)]) == 2


def test_agreement_table_treats_the_machine_as_a_second_coder():
    coder = pd.DataFrame({"f": [1, 1, 0, 0], "actor": ["libya", "libya;europe", "", ""]})
    machine = pd.DataFrame({"f": [1, 0, 0, 0], "actor": ["libya", "europe;libya", "un", ""]})
    table = agreement_table(machine, coder, n_boot=0).set_index("column")
    # f: p_o = 3/4, p_e = 0.25 * 0.5 + 0.75 * 0.5 = 0.5 -> kappa 0.5;
    # alpha: n = 8, n_1 = 3, n_0 = 5, 2 mismatching coincidences -> 1 - 7 * 2 / (64 - 34)
    assert table.loc["f", "kappa"] == pytest.approx(0.5)
    assert table.loc["f", "alpha"] == pytest.approx(1 - 7 * 2 / 30)
    # actor sets as categories: libya | europe;libya | none | none vs libya | europe;libya | un | none
    # p_o = 3/4; p_e = 1/4*1/4 + 1/4*1/4 + 2/4*1/4 = 0.25 -> kappa = 0.5 / 0.75
    assert table.loc["actor", "kappa"] == pytest.approx(0.5 / 0.75)
    assert table.loc["actor", ["tp", "fp", "fn"]].tolist() == [3, 1, 0]


def test_sheet_defaults_come_from_the_shipped_codebook(tmp_path):
    from analysis import load_corpus, sentences
    from analysis.framing import load_codebook
    sents = sentences(load_corpus())
    path = tmp_path / "sheet.csv"
    sheet = coding_sheet(sents, n=12, path=path)
    assert [c for c in sheet.columns if c in load_codebook().frame_ids] == load_codebook().frame_ids
    assert path.read_text(encoding="utf-8").startswith(
        f"# codebook_version: {validation.current_codebook_version()}\n")
    assert len(read_coding(path)) == 12


def test_disagreements_list_missed_and_extra_labels():
    idx = pd.MultiIndex.from_tuples([("d", 0), ("d", 1), ("d", 2)], names=["doc_id", "sent_id"])
    coder = pd.DataFrame({"f": [1, 0, 1], "actor": ["libya;europe", "", "un_agencies"]}, index=idx)
    machine = pd.DataFrame({"f": [1, 1, 1], "actor": ["libya;media", "", "un_agencies"]}, index=idx)
    table = validation.disagreements(machine, coder)
    assert table.values.tolist() == [["d", 0, "actor", "europe", "media"], ["d", 1, "f", "", "1"]]
    with pytest.raises(ValueError, match="no machine row"):
        validation.disagreements(machine.iloc[:1], coder)
