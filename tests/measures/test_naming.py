"""Tests for analysis.measures.naming: the names given to people on the move, who
says them, and counts per group."""

import pandas as pd
import pytest

from analysis.measures.naming import migrant_naming, naming_speakers, naming_table


def test_naming_known_sentence_and_proper_names():
    s = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0], "start": [0, 0], "text": [
        "The Anti-Illegal Immigration Department said illegal immigrants and asylum-seekers arrived.",
        "Migrants and refugees met the UN High Commissioner for Refugees and irregular migrants."]})
    n = migrant_naming(s)
    assert n[["doc_id", "label", "matched", "proper_name"]].values.tolist() == [
        ["a", "illegal_immigration", "Illegal Immigration", True],
        ["a", "illegal_immigrants", "illegal immigrants", False],
        ["a", "asylum_seekers", "asylum-seekers", False],
        ["b", "migrants_and_refugees", "Migrants and refugees", False],
        ["b", "refugees", "Refugees", True],
        ["b", "irregular_migrants", "irregular migrants", False]]
    table = naming_table(n).set_index("doc_id")
    assert table.loc["a", ["illegal_immigrants", "asylum_seekers", "illegal_immigration", "total"]].tolist() == [1, 1, 0, 2]
    assert table.loc["b", ["migrants_and_refugees", "refugees", "irregular_migrants", "total"]].tolist() == [1, 0, 1, 2]


def test_naming_table_by_any_column_keeps_groups_without_names():
    n = pd.DataFrame({"speaker": ["x", "x", "y"], "label": ["migrants", "refugees", "refugees"],
                      "proper_name": [False, False, True]})
    t = naming_table(n, by="speaker").set_index("speaker")
    assert t.loc["x", ["migrants", "refugees", "total"]].tolist() == [1, 1, 2]
    assert t.loc["y", "total"] == 0


def test_naming_speakers_by_span_containment():
    n = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "label": ["migrants", "refugees", "migrants", "migrants"],
                      "start": [5, 25, 60, 5], "end": [13, 33, 68, 13], "proper_name": False})
    q = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 50], "end": [30, 70], "speaker": ["He", "the IOM"],
                      "resolved_speaker": ["Besher", "the IOM"], "speaker_actor": ["libya", ""]})
    out = naming_speakers(n, q)
    # 25-33 sticks out of the first quote (0-30): the outlet's own voice; b has no quotes at all.
    assert out[["speaker", "resolved_speaker", "speaker_actor"]].values.tolist() == [
        ["He", "Besher", "libya"], ["(outlet)"] * 3, ["the IOM", "the IOM", ""], ["(outlet)"] * 3]
    no_resolution = naming_speakers(n, q.drop(columns="resolved_speaker"))
    assert no_resolution["resolved_speaker"].tolist() == no_resolution["speaker"].tolist()
    assert naming_table(out, by="speaker_actor").set_index("speaker_actor")["total"].to_dict() == {
        "libya": 1, "(outlet)": 2, "": 1}
    with pytest.raises(ValueError, match=r"naming_speakers\(\) needs columns .*missing \['speaker_actor'\]"):
        naming_speakers(n, q.drop(columns="speaker_actor"))
