"""Tests for analysis.report.tables: cells, Markdown and LaTeX formatting, and
byte-identical files from run to run."""

import pandas as pd

from analysis.report.tables import format_cells, save_table, to_latex, to_markdown


def test_format_cells_rounds_floats_and_blanks_missing():
    table = pd.DataFrame({"x": [1.23456, None], "n": [1, 2], "s": ["a", None]})
    assert format_cells(table, 2).values.tolist() == [["1.23", "1", "a"], ["", "2", ""]]


def test_markdown_aligns_numbers_right_and_escapes_pipes():
    md = to_markdown(pd.DataFrame({"name": ["a|b"], "n": [3]}))
    assert md.splitlines() == ["| name | n |", "|---|---:|", "| a\\|b | 3 |"]


def test_latex_escapes_specials_and_uses_booktabs():
    tex = to_latex(pd.DataFrame({"doc_id": ["a_1"], "share": [0.5]}))
    assert tex.splitlines() == [r"\begin{tabular}{lr}", r"\toprule", r"doc\_id & share \\", r"\midrule",
                                r"a\_1 & 0.500 \\", r"\bottomrule", r"\end{tabular}"]


def test_save_table_writes_three_identical_files_each_run(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path))
    table = pd.DataFrame({"doc_id": ["a", "b"], "share": [0.25, 1 / 3]})
    paths = save_table(table, "t")
    first = [p.read_bytes() for p in paths]
    save_table(table, "t")
    assert [p.read_bytes() for p in paths] == first
    assert (tmp_path / "t.csv").read_text() == "doc_id,share\na,0.250\nb,0.333\n"
