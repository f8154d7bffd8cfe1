"""Test setup: NLTK may only use an empty data folder, so a hidden dependency on
downloaded NLTK data (punkt, stopwords, wordnet...) fails here as it would offline.

The tests mirror the package: tests/corpus/, tests/text/, tests/textstats/,
tests/resources/, tests/measures/, tests/evaluation/ and tests/report/ hold one
test module per module of analysis/, and tests/test_<module>.py one per module
of its ground floor (matching, errors...). The fixtures here are shared by all of them."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

_EMPTY = os.environ.get("NLTK_DATA") or tempfile.mkdtemp(prefix="empty_nltk_data_")
os.environ["NLTK_DATA"] = _EMPTY

import nltk  # noqa: E402

nltk.data.path[:] = [_EMPTY]
assert not os.listdir(_EMPTY), f"NLTK_DATA={_EMPTY} must be an empty folder for the tests"

import pytest  # noqa: E402

import analysis  # noqa: E402
from analysis.paths import project_root  # noqa: E402
from analysis.synthetic import planted_corpus  # noqa: E402


@pytest.fixture(scope="session")
def corpus():
    """The seed corpus (tests must not modify it)."""
    return analysis.load_corpus()


@pytest.fixture(scope="session")
def sents(corpus):
    """The seed corpus's sentences."""
    return analysis.sentences(corpus)


@pytest.fixture(scope="session")
def easy():
    """Four planted topics, disjoint vocabularies, documents nearly single-topic
    (tests of topic models, their coherence and their figures)."""
    return planted_corpus(n_docs=200, k=4, alpha=0.02, doc_length=60, random_state=0)


@pytest.fixture(scope="session")
def overlapping():
    """Four planted topics sharing 10 words, mixed documents."""
    return planted_corpus(n_docs=200, k=4, shared_words=10, alpha=0.1, doc_length=80, random_state=1)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def _jupyterlab(folder: Path, tmp_path: Path):
    """JupyterLab from this environment serving ``folder``, as `make lab` starts it
    (loopback, token, --allow-root as root), with an empty home folder so that only
    the environment's settings count. Yields (base URL, token)."""
    port, token = _free_port(), "browser-test-token"
    home = tmp_path / "home"
    home.mkdir()
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--IdentityProvider.token={token}", f"--notebook-dir={folder}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("JUPYTER", "JUPYTERLAB"))}
    env.update(HOME=str(home), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    log = (tmp_path / "jupyterlab.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("JupyterLab did not start:\n" + (tmp_path / "jupyterlab.log").read_text()[-3000:])
                time.sleep(0.5)
        with pytest.raises(urllib.error.HTTPError) as denied:
            urllib.request.urlopen(f"{base}/api/contents", timeout=5)
        assert denied.value.code == 403                     # the token is required
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory):
    """JupyterLab serving the notebooks folder, as `make lab` starts it. Yields (base URL, token)."""
    with _jupyterlab(project_root() / "notebooks", tmp_path_factory.mktemp("jupyterlab")) as served:
        yield served


@pytest.fixture(scope="session")
def jupyterlab_executed(tmp_path_factory):
    """JupyterLab serving the executed copies in figures/notebooks/ (what a reader
    opens without running anything). Yields (base URL, token)."""
    folder = project_root() / "figures" / "notebooks"
    with _jupyterlab(folder, tmp_path_factory.mktemp("jupyterlab_executed")) as served:
        yield served
