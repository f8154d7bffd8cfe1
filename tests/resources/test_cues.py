"""Tests for analysis.resources.cues: a bad cues file is refused, naming the file and key."""

import pytest
import yaml

from analysis.errors import CuesError
from analysis.resources._base import thaw
from analysis.resources.cues import load_cues


def test_bad_cues_file(tmp_path):
    bad = tmp_path / "cues.yaml"
    bad.write_text("speech: [said]\n", encoding="utf-8")
    with pytest.raises(CuesError, match="cues.yaml.*person_titles"):
        load_cues(bad)
    rules = load_cues()
    body = bad.read_text()
    rules = dict(thaw(rules.data), responsibility=[{"id": "x", "cues": ["must"], "kind": "causal",
                                                    "polarity": "maybe", "actor": "subject"}])
    bad.write_text(yaml.safe_dump(rules), encoding="utf-8")
    with pytest.raises(CuesError, match=r"responsibility\[0\] \(id 'x'\)\.polarity"):
        load_cues(bad)
    assert body
