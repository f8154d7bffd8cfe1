"""Every notebook runs on the seeds with its folder as working directory; a failing
notebook publishes nothing; JupyterLab serves the notebooks as notebooks; an
executed notebook shows every figure and table it saved, and the numbers its
text quotes are those it computed."""

import base64
import json
import re
import urllib.request
from pathlib import Path

import pytest

from analysis.errors import NotebookError
from analysis.paths import project_root
from analysis.report.notebooks import quoted_phrases, run_notebook, unquoted_numbers

PROJ_ROOT = project_root()
NOTEBOOKS = sorted((PROJ_ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
#: notebooks that need the corpus fetched by `make news-corpus`: those the Makefile runs only then
NEEDS_NEWS_CORPUS = set(re.findall(r"notebooks/(\w+)\.py",
                                   re.search(r"^NEWS_NOTEBOOKS :=(.*)$", (PROJ_ROOT / "Makefile").read_text(), re.M)[1]))


FIGURES = PROJ_ROOT / "figures"
#: Phrases of a notebook's text whose numbers define a unit or a convention, not a result.
DEFINITIONS = {
    "02_framing": ("per 1,000",),
    "07_keywords": ("1 = twice as frequent", "0 = spread as the text is, near 1 = in one article",
                    "0.05 divided by the number of terms tested"),
    "08_unseen_news": ("SHA-256",),
}


def shown(executed: Path) -> dict[str, list[dict]]:
    """What each save_figure and save_table call of an executed notebook showed:
    name -> the data of the outputs whose metadata names it."""
    found: dict[str, list[dict]] = {}
    for cell in json.loads(executed.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("analysis", {}).get("saved")
            if name:
                found.setdefault(name, []).append(output["data"])
    return found


def unshown(executed: Path, saved: list[str]) -> list[str]:
    """The files of ``saved`` (figures .png, tables .csv) that ``executed`` does not show
    (a figure as its PNG, byte for byte; a table as HTML)."""
    outputs = shown(executed)
    missing = []
    for path in map(Path, saved):
        datas = outputs.get(path.stem, [])
        if path.suffix == ".png":
            if not any(base64.b64decode(d.get("image/png", "")) == path.read_bytes() for d in datas):
                missing.append(path.name)
        elif path.suffix == ".csv" and not any("text/html" in d for d in datas):
            missing.append(path.name)
    return missing


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
    executed_copy = tmp_path / "notebooks" / f"{notebook.stem}.ipynb"
    executed_text = executed_copy.read_text()
    assert all("outputs" in c for c in json.loads(executed_text)["cells"] if c["cell_type"] == "code")
    assert str(PROJ_ROOT) not in executed_text, "the executed notebook names where the project lives"
    assert "ipykernel_" not in executed_text, "a warning's source line names the kernel's scratch file: print it"
    assert "jupytext" not in json.loads(executed_text)["metadata"], "a copy that claims a pair JupyterLab cannot open"
    # it shows every figure and table it saved, and its text quotes the numbers it computed
    assert unshown(executed_copy, [p for p in published if p.suffix in (".png", ".csv")]) == []
    assert unquoted_numbers(notebook, executed_copy, definitions=DEFINITIONS.get(notebook.stem, ())) == []


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_the_executed_copy_shows_what_the_notebook_saved_and_its_text_the_numbers_it_computed(notebook):
    """The executed copies in figures/notebooks/ (what a reader and the docs
    gallery see, for the notebooks that need NewsArticles too): every figure and
    table in figures/ with the notebook's number is shown in its copy, and every
    number of the notebook's text (as written now) is one the copy computed."""
    copy = FIGURES / "notebooks" / f"{notebook.stem}.ipynb"
    saved = sorted(FIGURES.glob(f"{notebook.stem[:2]}_*.png")) + sorted(FIGURES.glob(f"{notebook.stem[:2]}_*.csv"))
    assert saved, f"figures/ holds no output of {notebook.stem}: run `make figures`"
    assert unshown(copy, saved) == [], f"run `make figures`: {copy.name} does not show these"
    assert "jupytext" not in json.loads(copy.read_text(encoding="utf-8"))["metadata"], \
        "the copy claims to be paired with a .py, and JupyterLab refuses to open it: run `make figures`"
    assert unquoted_numbers(notebook, copy, definitions=DEFINITIONS.get(notebook.stem, ())) == []


def test_a_figure_or_table_saved_without_being_shown_is_found(tmp_path):
    notebook = tmp_path / "98_quiet.py"
    notebook.write_text(
        "# %% [markdown]\n# # 98 · Quiet\n#\n# Two words, one figure: 2 words.\n\n"
        "# %%\nimport pandas as pd\nfrom analysis import new_figure, quoted, save_figure, save_table\n"
        "table = pd.DataFrame({'word': ['a', 'b']})\nsave_table(table, '98_shown')\n"
        "save_table(table, '98_hidden', show=False)\n"
        "fig, ax = new_figure(); _ = ax.plot([0, 1])\nsave_figure(fig, '98_figure')\n"
        "fig, ax = new_figure(); _ = ax.plot([1, 0])\nsave_figure(fig, '98_hidden_figure', show=False)\n"
        "quoted(f'{len(table)} words')\n")
    published = run_notebook(notebook, tmp_path / "out")
    copy = tmp_path / "out" / "notebooks" / "98_quiet.ipynb"
    assert unshown(copy, [p for p in published if p.suffix in (".png", ".csv")]) == [
        "98_hidden.csv", "98_hidden_figure.png"]
    assert quoted_phrases(copy) == ["2 words"]
    assert unquoted_numbers(notebook, copy) == []
    notebook.write_text(notebook.read_text().replace("Two words, one figure: 2 words.", "3 words, as typed."))
    assert unquoted_numbers(notebook, copy) == [
        "the text does not say '2 words', which the notebook computed",
        "'3' is quoted but not computed: ...3 words, as typed....",
    ]


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
