"""The NewsArticles corpus: 3,824 English news articles (dated April 2016 to
March 2017, 97% in 2017) from nine outlets, collected by Dai (2017), Harvard Dataverse,
doi:10.7910/DVN/GMFCTR. ``make news-corpus`` fetches it
(:mod:`analysis.corpus.fetch`) into ``data/external/``.

>>> outlet_name("http://www.aljazeera.com/news/2017/01/x.html")
'Al Jazeera'
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from ..errors import AnalysisError
from ..matching import Lexicon
from ..paths import checkout_path
from .load import load_corpus

#: Where ``make news-corpus`` puts the corpus, relative to the project checkout.
NEWS_ZIP_PARTS = ("data", "external", "NewsArticles.zip")


def default_news_zip() -> Path:
    """``data/external/NewsArticles.zip`` of the project checkout (outside one, an error saying what to pass)."""
    return checkout_path(*NEWS_ZIP_PARTS, what="the path of NewsArticles.zip (news_corpus(path))")


#: Host of ``article_source_link`` -> outlet name. Other hosts keep their host name (without "www.").
OUTLETS = {
    "www.aljazeera.com": "Al Jazeera",
    "www.bbc.co.uk": "BBC",
    "www.cnn.com": "CNN",
    "www.dw.com": "DW",
    "tass.com": "TASS",
    "abcnews.go.com": "ABC News",
    "www.rte.ie": "RTE",
    "www.huffingtonpost.com": "HuffPost",
    "europe.chinadaily.com.cn": "China Daily",
}


#: Articles that use one of these words (whole tokens, any case) are migration-related.
MIGRATION_TERMS = ["migrant*", "refugee*", "asylum*", "immigra*"]


def outlet_name(url: str) -> str:
    """Outlet of an article from its link: the name in :data:`OUTLETS`, else the host.

    >>> outlet_name("http://tass.com/world/930339"), outlet_name("https://www.example.org/a")
    ('TASS', 'example.org')
    """
    host = urlparse(url).netloc.lower()
    return OUTLETS.get(host, host.removeprefix("www."))


def news_corpus(path: str | Path | None = None) -> pd.DataFrame:
    """The NewsArticles corpus as a corpus table with ``title``, ``subtitle``,
    ``url``, ``outlet`` and ``date`` (ISO, ``YYYY-MM-DD``) columns.

    The 36 articles whose text is empty are skipped with a warning that lists
    them (``load_corpus(..., on_error="skip")``), and the 7 whose text is
    exactly that of an earlier article (three stubs reading "-1", three
    HuffPost pages printed twice, an RTE page reading only "View Comments")
    are dropped, keeping the first, with a warning that names them
    (``duplicates="drop"``): 3,781 articles are left.

    Parameters
    ----------
    path : path, optional
        The zip holding ``NewsArticles.csv``; defaults to
        ``data/external/NewsArticles.zip``.

    Returns
    -------
    DataFrame
        One row per article, as :func:`analysis.load_corpus` reads it: doc_id
        (the ``article_id``), text, raw_text, source, title, subtitle; then url
        (the ``article_source_link``), outlet (the outlet's name for the link's
        host, e.g. "Al Jazeera"; other hosts keep their host name) and date.

    Raises
    ------
    FileNotFoundError
        If the file is not there; the message says to run ``make news-corpus``.
    AnalysisError
        If a ``publish_date`` is not ``YYYY/M/D``; the message names the articles.

    Examples
    --------
    >>> corpus = news_corpus()                          # doctest: +SKIP
    >>> corpus["outlet"].value_counts()["Al Jazeera"]   # doctest: +SKIP
    539
    """
    path = default_news_zip() if path is None else Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: the NewsArticles corpus is not there. Run `make news-corpus` "
                                "(or `.venv/bin/python -m analysis fetch-news`) to download it (about 10 MB).")
    corpus = load_corpus(path, text_col="text", id_col="article_id", on_error="skip", duplicates="drop")
    corpus["url"] = corpus.pop("article_source_link")
    corpus["outlet"] = corpus["url"].map(outlet_name)
    corpus["date"] = iso_dates(corpus.pop("publish_date"), corpus["doc_id"])
    return corpus


def iso_dates(published: pd.Series, doc_ids: pd.Series) -> pd.Series:
    """``YYYY-MM-DD`` from NewsArticles' ``publish_date`` ("2017/2/7", once
    "  2016/12/30 7:11"); raises ValueError naming the articles it cannot read.

    >>> iso_dates(pd.Series(["2017/2/7", " 2016/12/30 7:11"]), pd.Series(["a", "b"])).tolist()
    ['2017-02-07', '2016-12-30']
    """
    parts = published.str.extract(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
    bad = doc_ids[parts[0].isna().to_numpy()].tolist()
    if bad:
        raise AnalysisError(f"publish_date of article(s) {bad[:10]} is not YYYY/M/D; fix the file or report it.")
    return parts[0] + "-" + parts[1].str.zfill(2) + "-" + parts[2].str.zfill(2)


def migration_articles(corpus: pd.DataFrame, terms: list[str] | None = None) -> pd.DataFrame:
    """The documents whose ``text`` uses one of ``terms`` (default
    ``MIGRATION_TERMS``: migrants, refugees, asylum, immigration and their
    forms), matched as in :mod:`analysis.matching`.

    Parameters
    ----------
    corpus : DataFrame
        A table with a ``text`` column, such as :func:`analysis.news_corpus`
        or :func:`analysis.load_corpus` gives.
    terms : list of str, optional
        Lexicon entries: words, multi-word expressions or globs
        (``"migrant*"``), matched as whole tokens in any case.

    Returns
    -------
    DataFrame
        The rows of ``corpus`` (same columns, same index) whose text has at
        least one hit, in their order in ``corpus``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Asylum-seekers arrived.", "Birds migrate."]})
    >>> migration_articles(docs)["doc_id"].tolist()
    ['a']
    """
    lexicon = Lexicon.from_entries({"migration": MIGRATION_TERMS if terms is None else terms})
    hit = sorted({i for i, *_ in lexicon.find_all(corpus["text"].tolist())})
    return corpus.iloc[hit]
