"""Tests for analysis.evaluation.agreement: agreement statistics with known
answers (Krippendorff's alpha, Cohen's kappa, precision, recall and F1), coders
compared, the machine as a second coder, and disagreements."""

import numpy as np
import pandas as pd
import pytest
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, interval_distance
from sklearn.metrics import cohen_kappa_score

from analysis.evaluation import agreement
from analysis.evaluation.agreement import (agreement_table, coder_agreement, coders_table, cohen_kappa,
                                           krippendorff_alpha, label_set, precision_recall_f1)

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


# --------------------------------------------------------------------------- coders, and the machine as a coder

def test_coders_compare_attribution_lists_as_sets():
    coding = pd.DataFrame({"doc_id": ["d"] * 6, "sent_id": [0, 1, 2] * 2, "coder": ["ann"] * 3 + ["bo"] * 3,
                           "actor": ["libya;europe", "", "media", "europe;libya", "", "libya"]})
    assert coders_table(coding, "actor").values.tolist() == [["europe;libya", "europe;libya"], ["none", "none"],
                                                             ["media", "libya"]]
    # kappa: p_o = 2/3; each coder 1/3 per category, 'media' and 'libya' unshared: p_e = 2/9 -> (2/3 - 2/9) / (7/9)
    assert coder_agreement(coding, ["actor"]).loc[0, "kappa"] == pytest.approx((2 / 3 - 2 / 9) / (7 / 9))


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


def test_disagreements_list_missed_and_extra_labels():
    idx = pd.MultiIndex.from_tuples([("d", 0), ("d", 1), ("d", 2)], names=["doc_id", "sent_id"])
    coder = pd.DataFrame({"f": [1, 0, 1], "actor": ["libya;europe", "", "un_agencies"]}, index=idx)
    machine = pd.DataFrame({"f": [1, 1, 1], "actor": ["libya;media", "", "un_agencies"]}, index=idx)
    table = agreement.disagreements(machine, coder)
    assert table.values.tolist() == [["d", 0, "actor", "europe", "media"], ["d", 1, "f", "", "1"]]
    with pytest.raises(ValueError, match="no machine row"):
        agreement.disagreements(machine.iloc[:1], coder)


def test_weights_estimate_the_population_a_stratified_sample_was_drawn_from():
    """A population of 100 sentences: 10 with the frame, all found, and 90 without, 18 of them wrongly
    found (F1 = 20 / 38). A sample takes all 10 positives (probability 1) and 10 of the negatives
    (probability 1/9), 2 of them wrongly found: unweighted F1 is 20 / 22, weighted by 1 / probability
    it is the population's."""
    coder = pd.DataFrame({"f": [1] * 10 + [0] * 10})
    machine = pd.DataFrame({"f": [1] * 10 + [1, 1] + [0] * 8})
    probability = np.array([1.0] * 10 + [1 / 9] * 10)
    plain = precision_recall_f1(machine, coder, n_boot=0)
    weighted = precision_recall_f1(machine, coder, n_boot=200, weights=1 / probability)
    assert plain["f1"].iloc[0] == pytest.approx(20 / 22)
    assert weighted["f1"].iloc[0] == pytest.approx(20 / 38) and weighted["fp"].iloc[0] == pytest.approx(18.0)
    assert weighted["f1_low"].iloc[0] <= 20 / 38 <= weighted["f1_high"].iloc[0]
    with pytest.raises(ValueError, match=r"weights= needs one finite weight >= 0 per unit of the coder \(20\)"):
        precision_recall_f1(machine, coder, n_boot=0, weights=[1.0] * 19)
