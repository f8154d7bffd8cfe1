"""Every notebook runs on the seeds with its folder as working directory; a failing
notebook publishes nothing; JupyterLab serves the notebooks as notebooks."""

import json
import re
import urllib.request
from pathlib import Path

import pytest

from analysis.errors import NotebookError
from analysis.paths import project_root
from analysis.report.notebooks import run_notebook

PROJ_ROOT = project_root()
NOTEBOOKS = sorted((PROJ_ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
#: notebooks that need the corpus fetched by `make news-corpus`: those the Makefile runs only then
NEEDS_NEWS_CORPUS = set(re.findall(r"notebooks/(\w+)\.py",
                                   re.search(r"^NEWS_NOTEBOOKS :=(.*)$", (PROJ_ROOT / "Makefile").read_text(), re.M)[1]))


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Run a notebook once for the module: ``executed(path)`` is ``(out_dir, published paths)``."""
    runs = {}

    def run(notebook: Path):
        if notebook not in runs:
            out = tmp_path_factory.mktemp(notebook.stem)
            runs[notebook] = out, run_notebook(notebook, out)
        return runs[notebook]
    return run


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_publishes_its_outputs(notebook, executed):
    if notebook.stem in NEEDS_NEWS_CORPUS and not (PROJ_ROOT / "data" / "external" / "NewsArticles.zip").exists():
        pytest.skip("needs the NewsArticles corpus: run `make news-corpus`")
    tmp_path, published = executed(notebook)
    names = {p.name for p in published}
    prefix = notebook.stem[:2] + "_"
    assert f"{notebook.stem}.ipynb" in names
    outputs = names - {f"{notebook.stem}.ipynb"}
    assert outputs, "a notebook must write at least one figure or table"
    assert all(name.startswith(prefix) for name in outputs), outputs
    # every figure in PNG and SVG, every table in CSV, Markdown and LaTeX
    stems = {Path(n).stem for n in outputs}
    for stem in stems:
        formats = {Path(n).suffix for n in outputs if Path(n).stem == stem}
        assert formats in ({".png", ".svg"}, {".csv", ".md", ".tex"}), (stem, formats)
    executed_text = (tmp_path / "notebooks" / f"{notebook.stem}.ipynb").read_text()
    assert all("outputs" in c for c in json.loads(executed_text)["cells"] if c["cell_type"] == "code")
    assert str(PROJ_ROOT) not in executed_text, "the executed notebook names where the project lives"


def test_failing_notebook_names_the_cell_and_writes_nothing(tmp_path):
    bad = tmp_path / "99_bad.py"
    bad.write_text(
        "# %%\nfrom analysis import save_table\nimport pandas as pd\n"
        "save_table(pd.DataFrame({'a': [1]}), '99_partial')\n\n# %%\nraise RuntimeError('boom')\n")
    out = tmp_path / "out"
    with pytest.raises(NotebookError, match=r"99_bad.py: cell 2 .*failed(.|\n)*boom"):
        run_notebook(bad, out)
    assert [p.name for p in out.iterdir()] == []


def test_printed_text_is_one_output_however_the_kernel_flushed_it(tmp_path):
    """Two prints the kernel sends apart (a flush, a pause) are one stream in
    the executed copy, so that its bytes do not depend on timing."""
    notebook = tmp_path / "99_prints.py"
    notebook.write_text("# %%\nimport sys, time\nprint('a'); sys.stdout.flush()\ntime.sleep(0.5)\nprint('b')\n")
    executed = json.loads(run_notebook(notebook, tmp_path / "out")[-1].read_text())
    outputs = executed["cells"][0]["outputs"]
    assert [(o["name"], "".join(o["text"])) for o in outputs] == [("stdout", "a\nb\n")]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, json.loads(response.read() or b"null")


def test_jupyterlab_serves_the_kernel_and_opens_the_notebooks_as_notebooks(jupyterlab):
    base, token = jupyterlab                         # the fixture checked that the token is required
    _, specs = _get(f"{base}/api/kernelspecs?token={token}")
    assert "python3" in specs["kernelspecs"]
    _, listing = _get(f"{base}/api/contents?token={token}")
    assert {p.name for p in NOTEBOOKS} <= {item["name"] for item in listing["content"]}
    for notebook in NOTEBOOKS:
        _, model = _get(f"{base}/api/contents/{notebook.name}?type=notebook&token={token}")
        assert model["type"] == "notebook"
        assert model["content"]["cells"][0]["cell_type"] == "markdown"
    with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=10) as page:
        status = page.status
    assert status == 200


def test_running_a_notebook_twice_gives_byte_identical_files(executed, tmp_path):
    notebook = PROJ_ROOT / "notebooks" / "01_corpus.py"
    first = {p.name: p.read_bytes() for p in executed(notebook)[1]}
    second = {p.name: p.read_bytes() for p in run_notebook(notebook, tmp_path / "b")}
    assert first.keys() == second.keys() and len(first) > 1
    assert [name for name in first if first[name] != second[name]] == []
    # nothing that depends on where the project lives (paths in warnings or outputs)
    assert str(PROJ_ROOT).encode() not in first["01_corpus.ipynb"]
