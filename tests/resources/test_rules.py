"""Tests for analysis.resources.rules: a user's cleaning rules file is validated."""

import pytest

from analysis.errors import RulesError
from analysis.resources.rules import CleaningRules, SegmentationRules


def test_user_rules_file_is_validated(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text("rules:\n  - name: x\n    pattern: '(unclosed'\n")
    with pytest.raises(ValueError, match=r"rules\[0\] \(name 'x'\)\.pattern: not a valid regular expression"):
        CleaningRules.load(bad)
    bad.write_text("rules:\n  - pattern: 'x'\n")
    with pytest.raises(ValueError, match=r"rules\[0\]: a rule needs a 'name'"):
        CleaningRules.load(bad)


@pytest.mark.parametrize("key", ["abbreviations", "number_abbreviations"])
def test_an_abbreviation_is_written_without_its_period(key):
    data = {"abbreviations": ["mr"], key: ["No."]}
    with pytest.raises(RulesError, match=rf"{key}\[0\]: 'No\.' must be a word without its final period"):
        SegmentationRules.load(data)
    assert SegmentationRules.load({"abbreviations": ["mr"], "number_abbreviations": ["No"]}).number_abbreviations == ("No",)
