"""`make clean`, run for real in a copy of the project's Makefile: it removes what
`make figures` rebuilds and keeps what it could not rebuild."""

import shutil
import subprocess

import pytest

from analysis.paths import project_root

FIGURES = ["01_corpus_words.png", "01_corpus_words.svg", "04_top_terms.csv", "codebook.md",
           "06_outlet_frames.png", "06_outlet_frames.svg", "06_outlet_articles.csv", "07_collocates.svg",
           "08_frame_scores.csv", "notebooks/01_corpus.ipynb", "notebooks/06_outlets.ipynb",
           "notebooks/08_unseen_news.ipynb", ".stamps/01_corpus.done", ".stamps/06_outlets.done"]
NEWS_FIGURES = {f for f in FIGURES if f.split("/")[-1][:3] in ("06_", "07_", "08_") and not f.startswith(".stamps")}


@pytest.fixture
def project(tmp_path):
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    shutil.copy(project_root() / "Makefile", tmp_path / "Makefile")
    for path in ["notebooks/01_corpus.py", "notebooks/06_outlets.py", "seeds/001.txt", "analysis/__init__.py",
                 *(f"figures/{f}" for f in FIGURES)]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x")
    return tmp_path


def _files(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_clean_keeps_the_figures_it_cannot_rebuild_without_the_corpus(project):
    done = subprocess.run(["make", "-C", str(project), "clean"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _files(project / "figures") == NEWS_FIGURES
    assert "kept figures/06_* 07_* 08_*" in done.stdout and "make news-corpus" in done.stdout
    assert (project / "seeds" / "001.txt").exists()


def test_clean_removes_them_too_once_the_corpus_can_rebuild_them(project):
    (project / "data" / "external").mkdir(parents=True)
    (project / "data" / "external" / "NewsArticles.zip").write_text("zip")
    done = subprocess.run(["make", "-C", str(project), "clean"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _files(project / "figures") == set()
    assert (project / "seeds" / "001.txt").exists() and (project / "data" / "external" / "NewsArticles.zip").exists()


def test_help_says_what_clean_keeps():
    out = subprocess.run(["make", "-s", "-C", str(project_root())], capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if "make clean" in line)
    assert "notebooks 06-09" in line and "seeds" in line
