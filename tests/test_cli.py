"""Tests for analysis.cli: the codebook command writes the codebook; an unknown command is refused."""

from analysis import cli
from analysis.report.codebook import codebook_markdown


def test_codebook_command_writes_the_file(tmp_path, capsys):
    out = tmp_path / "figs" / "codebook.md"
    assert cli.main(["codebook", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == codebook_markdown()
    assert cli.main(["codebok", str(out)]) == 2
