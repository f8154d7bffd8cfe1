"""coding_sample(): every design draws each unit with the probability it records."""

import numpy as np
import pandas as pd
import pytest

from analysis import AnalysisError, TableError, coding_sample
from analysis.inference.design import inclusion_probabilities, systematic_sample


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
    ({"n": 0}, AnalysisError, "n must be a whole number from 1 to the 40"),
    ({"n": 41}, AnalysisError, "n must be"),
    ({"n": 5, "strategy": "top"}, AnalysisError, "strategy must be one of"),
    ({"n": 5, "strategy": "stratified"}, AnalysisError, "needs by="),
    ({"n": 1, "strategy": "stratified", "by": "outlet", "allocation": "equal"}, AnalysisError, "at least 2"),
    ({"n": 5, "strategy": "uncertain", "floor": 0}, AnalysisError, r"floor must be in \(0, 1\]"),
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
