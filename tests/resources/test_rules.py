"""Tests for analysis.resources.rules: a user's cleaning rules file is validated."""

import pytest

from analysis.resources.rules import CleaningRules


def test_user_rules_file_is_validated(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text("rules:\n  - name: x\n    pattern: '(unclosed'\n")
    with pytest.raises(ValueError, match=r"rules\[0\] \(name 'x'\)\.pattern: not a valid regular expression"):
        CleaningRules.load(bad)
    bad.write_text("rules:\n  - pattern: 'x'\n")
    with pytest.raises(ValueError, match=r"rules\[0\]: a rule needs a 'name'"):
        CleaningRules.load(bad)
