"""The Snowball stemmer for English (NLTK's; it needs no data), built once,
when a stem is first needed: NLTK is not imported with the kit.

>>> english_stemmer().stem("rescued") == english_stemmer().stem("rescues")
True
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def english_stemmer():
    """NLTK's ``SnowballStemmer("english")``, one for the process."""
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")
