"""Tests for analysis.report.figures: deterministic figure files, the column
width, the colour-blind-safe palette, and the check of overlapping labels."""

import hashlib

from analysis.report.figures import PALETTE, bar_labels_fit, new_figure, save_figure


def _digest(paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def _figure():
    fig, ax = new_figure()
    ax.bar(["a", "b", "c"], [3, 1, 2])
    ax.set_xlabel("letter")
    ax.set_title("demo")
    return fig


def test_save_figure_is_byte_identical_across_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path / "one"))
    first = _digest(save_figure(_figure(), "demo"))
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path / "two"))
    second = _digest(save_figure(_figure(), "demo"))
    assert first == second
    svg = (tmp_path / "one" / "demo.svg").read_text()
    assert "<dc:date>" not in svg


def test_save_figure_leaves_no_temporary_files(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_FIGURES_DIR", str(tmp_path))
    save_figure(_figure(), "demo", formats=("png", "svg", "pdf"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.pdf", "demo.png", "demo.svg"]


def test_new_figure_uses_column_width_and_the_colour_blind_safe_palette():
    fig, ax = new_figure()
    assert fig.get_size_inches()[0] == 3.5
    bars = ax.bar(["a"], [1])
    assert bars[0].get_facecolor()[:3] == tuple(int(PALETTE[0][i:i + 2], 16) / 255 for i in (1, 3, 5))


def test_bar_labels_fit_detects_overlapping_labels():
    fig, ax = new_figure()
    ax.bar([f"a rather long label number {i}" for i in range(8)], range(8))
    assert not bar_labels_fit(fig)


def test_a_one_panel_plot_draws_into_the_one_axes_it_is_given_in_a_list():
    import pandas as pd

    from analysis import bootstrap_means, new_figure
    from analysis.report.groups import plot_group_means

    table = pd.DataFrame({"outlet": ["a", "a", "b", "b"], "x": [1, 2, 3, 4]})
    fig, ax = new_figure()
    drawn, axes = plot_group_means(bootstrap_means(table, "outlet", ["x"], n_boot=50), ax=[ax])
    assert drawn is fig and axes == [ax] and len(ax.collections) > 0
