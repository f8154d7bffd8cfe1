"""save_figure writes the same bytes for the same drawing, even when a clip
rectangle differs below the printed precision (as layouts do across machines)."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from matplotlib.transforms import Bbox

from analysis.errors import AnalysisError
from analysis.report.figures import SVG_METADATA, new_figure, save_figure, stable_svg_ids, style

#: in display units (points in SVG); the SVG writer prints 6 decimals
BELOW_PRINT_PRECISION = 1e-9


def _figure(perturbation: float = 0.0):
    """A figure with a clip path (p), markers (m), a hatch (h) and a collection (C...),
    one line clipped to a rectangle whose height is perturbed by ``perturbation``."""
    fig, ax = new_figure()
    ax.bar(["a", "b", "c"], [3, 1, 2], hatch="//")
    line, = ax.plot([0, 1, 2], [1, 2.5, 1.5], marker="o")
    line.set_clip_box(Bbox.from_bounds(20.25, 20.5, 200.125, 100.0 + perturbation))
    # two marker sizes cycled over 30 points: the SVG writer defines each sized path once (C...) and <use>s it
    ax.scatter(range(30), [i % 3 for i in range(30)]).set_sizes([5, 20])
    return fig


def _raw_svg(fig) -> str:
    """What matplotlib writes itself, before save_figure's normalisation."""
    out = io.StringIO()
    with style():
        fig.savefig(out, format="svg", metadata=SVG_METADATA)
    return out.getvalue()


def test_raw_matplotlib_ids_change_below_print_precision():
    """The premise: without normalising, the perturbed figure gives other ids, and only other ids."""
    plain, perturbed = _raw_svg(_figure()), _raw_svg(_figure(BELOW_PRINT_PRECISION))
    for kind in ("p", "m", "h", r"C[0-9a-f]+_[0-9a-f]+_"):
        assert re.search(rf'id="{kind}[0-9a-f]{{10}}"', plain), kind
    assert plain != perturbed
    assert stable_svg_ids(plain) == stable_svg_ids(perturbed)


def test_save_figure_gives_the_same_bytes_for_a_clip_rectangle_perturbed_below_print_precision(tmp_path):
    first = save_figure(_figure(), "fig", directory=tmp_path / "a")
    second = save_figure(_figure(BELOW_PRINT_PRECISION), "fig", directory=tmp_path / "b")
    assert [p.name for p in first] == ["fig.png", "fig.svg"]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
    svg = first[1].read_text()
    assert not re.search(r'id="(p|m|h|image)[0-9a-f]{10}"', svg)
    assert 'id="p0"' in svg and 'id="m0"' in svg and 'id="h0"' in svg


def test_a_perturbation_that_shows_in_print_still_shows(tmp_path):
    first = save_figure(_figure(), "fig", ("svg",), directory=tmp_path / "a")
    second = save_figure(_figure(0.01), "fig", ("svg",), directory=tmp_path / "b")
    assert first[0].read_bytes() != second[0].read_bytes()


def test_renumbered_ids_are_unique_and_every_reference_resolves(tmp_path):
    svg = save_figure(_figure(), "fig", ("svg",), directory=tmp_path)[0].read_text()
    ids = [element.get("id") for element in ET.fromstring(svg).iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    references = set(re.findall(r'url\(#([^)]+)\)', svg)) | set(re.findall(r'href="#([^"]+)"', svg))
    assert references and references <= set(ids)


def test_files_carry_no_date_or_software_version(tmp_path):
    png, svg, pdf = save_figure(_figure(), "fig", ("png", "svg", "pdf"), directory=tmp_path)
    assert b"Software" not in png.read_bytes() and b"matplotlib version" not in png.read_bytes()
    assert "<dc:date>" not in svg.read_text() and "<dc:creator>" not in svg.read_text()
    assert b"CreationDate" not in pdf.read_bytes() and b"ModDate" not in pdf.read_bytes()
    again = save_figure(_figure(), "fig", ("pdf",), directory=tmp_path / "again")[0]
    assert again.read_bytes() == pdf.read_bytes()


def test_unknown_format_is_refused_before_anything_is_written(tmp_path):
    fig = _figure()
    with pytest.raises(AnalysisError, match=r"save_figure\(\): formats= must be one of 'png', 'svg', 'pdf'; got 'eps'"):
        save_figure(fig, "fig", ("png", "eps"), directory=tmp_path)
    assert not (tmp_path / "fig.png").exists()
    assert [p.name for p in save_figure(fig, "fig", "png", directory=tmp_path)] == ["fig.png"]
