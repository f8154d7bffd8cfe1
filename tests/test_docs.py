"""The documentation: every public name has a runnable example and an entry in
the API reference; the docstrings the build does not yet check only shrink; the
site builds offline with warnings as errors, as `make docs` builds it; and a
real browser shows its home page, an API page and its search."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

import analysis
from analysis.paths import project_root

from .browser import chrome, serve

ROOT = project_root()
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS / "_ext"))
import kitdocs  # noqa: E402

#: what `make docs` passes to Sphinx (tests/test_docs.py checks that the Makefile does)
SPHINX_OPTIONS = ["-E", "-n", "-W", "--keep-going"]
CHECKS = {"GL08", "PR01", "PR02", "RT01"}


def _doc(name: str) -> str:
    """The documentation of a public name: its docstring, or for a constant the
    ``#:`` comment above its assignment (what Sphinx shows)."""
    obj = getattr(analysis, name)
    if callable(obj):
        return inspect.getdoc(obj) or ""
    module = kitdocs.public_sources()[name]
    source = inspect.getsource(sys.modules[module]).splitlines()
    line = next(i for i, text in enumerate(source) if re.match(rf"{name}\s*[:=]", text))
    comments = []
    while line > 0 and source[line - 1].lstrip().startswith("#:"):
        line -= 1
        comments.insert(0, source[line].lstrip()[2:].strip())
    return "\n".join(comments)


@pytest.mark.parametrize("name", analysis.__all__)
def test_every_public_name_has_an_example(name):
    doc = _doc(name)
    assert re.search(r"^Examples\n-{3,}$", doc, re.M) or ">>>" in doc, \
        f"analysis.{name}: add an Examples section or a >>> example to its docstring"


@pytest.mark.parametrize("name", [n for n in analysis.__all__ if not callable(getattr(analysis, n))])
def test_the_examples_of_constants_run(name):
    """A constant's example is in a ``#:`` comment, which --doctest-modules does not see."""
    import doctest
    test = doctest.DocTestParser().get_doctest(_doc(name), {}, f"analysis.{name}", None, 0)
    assert test.examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_every_public_name_is_on_exactly_one_reference_page():
    pages = kitdocs.api_pages()
    for name in analysis.__all__:
        found = [group for group, text in pages.items() if re.search(rf"^\.\. auto\w+:: {name}$", text, re.M)]
        assert len(found) == 1, (name, found)
    assert list(pages) == ["matching", "resources", "corpus", "text", "textstats", "measures", "evaluation", "report",
                           "synthetic", "errors"]


def test_errors_are_on_the_errors_page_and_functions_with_their_folder():
    assert kitdocs.group_of("CodingSheetError", "analysis.errors") == "errors"
    assert kitdocs.group_of("load_corpus", "analysis.corpus.load") == "corpus"
    assert kitdocs.group_of("FrameClassifier", "analysis.measures.classifier") == "measures"
    assert kitdocs.group_of("Lexicon", "analysis.matching") == "matching"
    assert kitdocs.group_of("keyness", "analysis.textstats.keyness") == "textstats"


# -- the docstrings the build checks ---------------------------------------------

def _failed_checks(name: str) -> set[str]:
    from numpydoc.validate import validate
    return {code for code, _ in validate(name)["errors"]} & CHECKS


def _half_documented(text, n=1):
    """Count words.

    Parameters
    ----------
    text : str
        The text.
    """
    return len(text.split()) * n


def test_every_documented_name_has_its_parameters_and_returns():
    pytest.importorskip("numpydoc", reason="numpydoc is in the docs extra: `make docs` or `make test` installs it")
    assert _failed_checks(f"{__name__}._half_documented") == {"PR01", "RT01"}     # the checks see a gap
    failing = {name: sorted(_failed_checks(name)) for name in kitdocs.documented_names()}
    assert {name: codes for name, codes in failing.items() if codes} == {}, \
        "complete these docstrings (Parameters, Returns)"

# -- the build -------------------------------------------------------------------

def test_make_docs_builds_offline_with_warnings_as_errors():
    out = subprocess.run(["make", "-n", "-C", str(ROOT), "docs"], capture_output=True, text=True, check=True).stdout
    command = next(line for line in out.splitlines() if "-m sphinx" in line)
    assert " ".join(SPHINX_OPTIONS) in command and "docs/_build/html" in command
    conf = (DOCS / "conf.py").read_text()
    assert "sphinx.ext.intersphinx" not in conf            # nothing is fetched at build time
    assert 'nb_execution_mode = "off"' in conf             # the notebooks are shown as executed, not run
    assert "docs/_build/" in (ROOT / ".gitignore").read_text().splitlines()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site, built as `make docs` builds it, into a scratch folder. Yields
    (html folder, seconds the build took)."""
    pytest.importorskip("sphinx", reason="Sphinx is in the docs extra: `make docs` or `make test` installs it")
    out = tmp_path_factory.mktemp("docs")
    start = time.perf_counter()
    build = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", *SPHINX_OPTIONS, "-d", str(out / "doctrees"),
                            str(DOCS), str(out / "html")], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    assert build.returncode == 0, "the docs build failed:\n" + "\n".join(
        line for line in (build.stdout + build.stderr).splitlines() if "WARNING" in line or "ERROR" in line)[-6000:]
    print(f"docs built in {seconds:.1f} s")
    return out / "html", seconds


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.remote, self.h1 = [], [], []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        loads = {"script": "src", "img": "src", "iframe": "src", "link": "href"}
        url = attrs.get(loads.get(tag, ""), "") or ""
        if tag == "link" and attrs.get("rel") not in ("stylesheet", "preload", "icon"):
            url = ""
        if re.match(r"(https?:)?//", url):
            self.remote.append(f"<{tag}> {url}")
        self._in_h1 = tag == "h1"

    def handle_data(self, data):
        if self._in_h1 and data.strip():
            self.h1.append(data.strip())
            self._in_h1 = False


def _parse(path: Path) -> _Tags:
    tags = _Tags()
    tags.feed(path.read_text(encoding="utf-8"))
    return tags


def test_the_reference_documents_every_public_name_once(site):
    html, _ = site
    anchors = {}
    for page in sorted((html / "api").glob("*.html")):
        for anchor in _parse(page).ids:
            anchors.setdefault(anchor, []).append(page.stem)
    missing = [n for n in analysis.__all__ if f"analysis.{n}" not in anchors]
    assert missing == []
    assert {n: anchors[f"analysis.{n}"] for n in analysis.__all__ if len(anchors[f"analysis.{n}"]) != 1} == {}
    assert anchors["analysis.load_corpus"] == ["corpus"] and anchors["analysis.CorpusError"] == ["errors"]


def test_the_site_loads_nothing_from_the_network_and_shows_every_notebook(site):
    html, _ = site
    pages = sorted(html.rglob("*.html"))
    assert {f"{p.relative_to(html)}: {r}" for p in pages for r in _parse(p).remote} == set()
    for notebook in sorted((ROOT / "figures" / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        page = html / "gallery" / f"{notebook.stem}.html"
        assert page.exists(), notebook.name
        title, _ = kitdocs._notebook_summary(notebook)
        assert _parse(page).h1 == [title]
    assert _parse(html / "codebook.html").h1 == ["Codebook"]
    assert (html / "guide.html").exists() and (html / "cite.html").exists()


@pytest.mark.integration
def test_a_browser_shows_the_home_page_an_api_page_and_search(site, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    html, _ = site
    with serve(html) as base, chrome(tmp_path / "chromium-profile") as browser:
        browser.get(f"{base}/index.html")
        assert browser.find_element(By.TAG_NAME, "h1").text == "analysis: a research kit for how news frames migration"
        nav = browser.find_element(By.CSS_SELECTOR, ".sidebar-tree")
        for entry in ["Your own corpus and topic", "Notebook gallery", "API reference", "Codebook", "How to cite"]:
            assert entry in nav.text, entry

        browser.find_element(By.LINK_TEXT, "API reference").click()
        WebDriverWait(browser, 30).until(lambda b: b.find_element(By.TAG_NAME, "h1").text == "API reference")
        browser.find_element(By.CSS_SELECTOR, "article a[href='corpus.html']").click()
        WebDriverWait(browser, 30).until(lambda b: b.current_url.endswith("/api/corpus.html"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Corpus: loading, cleaning, NewsArticles"
        entry = browser.find_element(By.ID, "analysis.load_corpus")
        assert entry.is_displayed() and entry.text.startswith("analysis.load_corpus(source=None")
        body = entry.find_element(By.XPATH, "following-sibling::dd[1]")
        sections = [p.text for p in body.find_elements(By.CSS_SELECTOR, "dl.field-list > dt, p.rubric")]
        assert [s.rstrip(":").upper() for s in sections][:2] == ["PARAMETERS", "RETURNS"], sections
        assert "load_corpus(df, text_col=\"body\", id_col=\"url\")" in body.text      # the example, rendered

        browser.get(f"{base}/search.html?q=collocates")                             # Sphinx's search runs in the page
        WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results li"))
        results = browser.find_element(By.ID, "search-results").text
        assert "analysis.collocates" in results or "collocates" in results.lower()
