"""JupyterLab opens the kit's .py notebooks as notebooks: the settings file that
`make setup` writes into the environment, and what a real browser shows."""

import json
import os
import re
import subprocess
import sys

import pytest

from analysis.errors import AnalysisError
from analysis.jupyterlab import VIEWER_SETTINGS, lab_settings_path, main, write_lab_settings
from analysis.paths import project_root

from .browser import chrome

NOTEBOOKS_DIR = project_root() / "notebooks"
PLUGIN = "@jupyterlab/docmanager-extension:plugin"


# -- the settings file --------------------------------------------------------

def test_settings_go_into_the_environment_and_keep_what_is_there(tmp_path):
    path = lab_settings_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({PLUGIN: {"defaultViewers": {"markdown": "Markdown Preview"}, "autosave": False},
                                "@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    assert write_lab_settings(tmp_path) == path
    once = path.read_text()
    assert json.loads(once) == {
        PLUGIN: {"defaultViewers": {"markdown": "Markdown Preview", "python": "Jupytext Notebook"}, "autosave": False},
        "@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}
    write_lab_settings(tmp_path)
    assert path.read_text() == once                      # idempotent
    assert path.stat().st_mode & 0o777 == 0o644


def test_settings_are_readable_by_every_user_of_the_environment_whatever_the_umask(tmp_path):
    previous = os.umask(0o077)
    try:
        path = write_lab_settings(tmp_path)
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == 0o644


def test_settings_replace_another_default_viewer_for_python(tmp_path):
    path = lab_settings_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({PLUGIN: {"defaultViewers": {"python": "Editor"}}}))
    write_lab_settings(tmp_path)
    assert json.loads(path.read_text()) == VIEWER_SETTINGS


def test_a_broken_settings_file_is_named_not_overwritten(tmp_path, capsys):
    path = lab_settings_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    with pytest.raises(AnalysisError, match="overrides.json is not valid JSON"):
        write_lab_settings(tmp_path)
    assert main(["--prefix", str(tmp_path)]) == 1
    assert "fix or remove it" in capsys.readouterr().err
    assert path.read_text() == "{not json"


def test_settings_are_not_written_into_a_python_that_is_no_environment(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "prefix", str(tmp_path))          # no pyvenv.cfg, no conda-meta/
    with pytest.raises(AnalysisError, match="not a virtual or conda environment"):
        write_lab_settings()
    assert not lab_settings_path(tmp_path).exists()


def test_make_setup_and_make_lab_write_the_settings_into_the_venv_only():
    dry = subprocess.run(["make", "-n", "-B", "-C", str(project_root()), ".venv/share/jupyter/lab/settings/overrides.json"],
                         capture_output=True, text=True, check=True).stdout
    assert ".venv/bin/python -m analysis lab-settings" in dry and "HOME" not in dry and "~" not in dry
    makefile = (project_root() / "Makefile").read_text()
    for target in ("setup", "lab", "test"):
        assert re.search(rf"^{target}:.*\$\(LAB_SETTINGS\)", makefile, re.M), target


def test_this_environment_opens_python_files_as_notebooks():
    path = lab_settings_path()
    assert path.exists(), f"{path} is missing: run `make setup` (or `python -m analysis lab-settings`)"
    assert json.loads(path.read_text())[PLUGIN]["defaultViewers"]["python"] == "Jupytext Notebook"


# -- what a browser shows -----------------------------------------------------

@pytest.mark.integration
def test_a_python_notebook_opens_as_a_notebook_in_a_real_browser(jupyterlab, tmp_path):
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    source = (NOTEBOOKS_DIR / "01_corpus.py").read_text(encoding="utf-8")
    n_cells = len(re.findall(r"^# %%", source, re.M))
    n_markdown = len(re.findall(r"^# %% \[markdown\]", source, re.M))
    heading = re.search(r"^# # (.+)$", source, re.M).group(1)

    base, token = jupyterlab
    with chrome(tmp_path / "chromium-profile") as browser:
        browser.get(f"{base}/lab/tree/01_corpus.py?token={token}")
        main_area = "#jp-main-dock-panel"
        try:   # the document opens as one or the other; a notebook then renders its cells
            WebDriverWait(browser, 90).until(lambda b: b.find_elements(
                By.CSS_SELECTOR, f"{main_area} .jp-FileEditor, {main_area} .jp-Notebook .jp-Cell"))
            WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, f"{main_area} .jp-FileEditor")
                                             or len(b.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-Cell")) >= n_cells)
        except TimeoutException:
            pytest.fail("JupyterLab showed neither a notebook nor an editor within two minutes:\n"
                        + browser.find_element(By.TAG_NAME, "body").text[:2000])
        assert browser.find_elements(By.CSS_SELECTOR, f"{main_area} .jp-FileEditor") == [], \
            "01_corpus.py opened in the plain file editor, not as a notebook"
        tab = browser.find_element(By.CSS_SELECTOR, f"{main_area} .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel")
        assert tab.text == "01_corpus.py"
        notebook = browser.find_element(By.CSS_SELECTOR, f"{main_area} .jp-Notebook")
        assert len(notebook.find_elements(By.CSS_SELECTOR, ".jp-Cell")) == n_cells
        assert len(notebook.find_elements(By.CSS_SELECTOR, ".jp-MarkdownCell")) == n_markdown
        assert len(notebook.find_elements(By.CSS_SELECTOR, ".jp-CodeCell")) == n_cells - n_markdown
        # markdown rendered as HTML (a heading, not "# 01 ..." text), code in code cells
        # markdown is rendered a moment after the cells appear (later on a loaded machine)
        WebDriverWait(browser, 30).until(lambda b: notebook.find_elements(
            By.CSS_SELECTOR, ".jp-MarkdownCell .jp-RenderedMarkdown h1"))
        assert notebook.find_element(By.CSS_SELECTOR, ".jp-MarkdownCell .jp-RenderedMarkdown h1").text == heading
        first_code = notebook.find_element(By.CSS_SELECTOR, ".jp-CodeCell .jp-InputArea-editor").text
        assert first_code.startswith("import analysis"), first_code
        assert "# %%" not in notebook.text


@pytest.mark.integration
def test_an_executed_notebook_opens_with_its_figures_and_tables_in_a_real_browser(jupyterlab_executed, tmp_path):
    """What a reader meets who opens an executed copy (figures/notebooks/): a
    notebook, with each figure it saved drawn as an image and its tables as tables."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    figures = project_root() / "figures"
    copy = json.loads((figures / "notebooks" / "01_corpus.ipynb").read_text(encoding="utf-8"))
    n_figures = len(list(figures.glob("01_*.png")))
    n_tables = len(list(figures.glob("01_*.csv")))
    base, token = jupyterlab_executed
    with chrome(tmp_path / "chromium-profile") as browser:
        browser.set_window_size(1280, 6000)             # every cell on screen: JupyterLab renders what is visible
        browser.get(f"{base}/lab/tree/01_corpus.ipynb?token={token}")
        try:
            WebDriverWait(browser, 120).until(lambda b: len(b.find_elements(
                By.CSS_SELECTOR, ".jp-Notebook .jp-Cell")) == len(copy["cells"]))
            WebDriverWait(browser, 30).until(lambda b: len(b.find_elements(
                By.CSS_SELECTOR, ".jp-Notebook .jp-OutputArea-output img")) >= n_figures)
        except TimeoutException:
            pytest.fail("JupyterLab did not show the executed notebook with its figures:\n"
                        + browser.find_element(By.TAG_NAME, "body").text[:2000])
        images = browser.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-OutputArea-output img")
        assert len(images) == n_figures
        assert all(image.size["width"] >= 300 and image.size["height"] >= 200 for image in images)   # drawn, not broken
        assert len(browser.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-OutputArea-output table")) >= n_tables
        assert "Unable to read" not in browser.find_element(By.TAG_NAME, "body").text
