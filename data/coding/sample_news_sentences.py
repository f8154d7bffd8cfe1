"""Draw the sample of NewsArticles sentences hand-coded for the five frames
(the validation study of issue 15; protocol in data/coding/README.md).

    .venv/bin/python data/coding/sample_news_sentences.py OUT.csv

Population: the sentences (analysis.sentences) of the migration articles of
NewsArticles (analysis.migration_articles, 481 articles), of 3 to 120
words, that are not among the 50 sentences coded earlier
(frames_news_coding.csv). Articles are split once, by a seeded shuffle, into a
test half and a development half; the articles of those 50 sentences go to the
development half (they were read while tuning codebook v1.2). Within each half,
a simple random sample of sentences (seeded) is drawn from two strata:
sentences with a migration term (analysis.corpus.news.MIGRATION_TERMS) and the other
sentences of the same articles. Writes split, stratum, doc_id, sent_id, outlet,
previous, sentence, next, in a random order (so coders do not read the test
sentences together).
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import analysis
from analysis.corpus.news import MIGRATION_TERMS, migration_articles, news_corpus

SEED = 20261129
PER_SPLIT = {"migration_term": 150, "other": 110}
MIN_WORDS, MAX_WORDS = 3, 120
HERE = Path(__file__).resolve().parent


def test_articles(doc_ids, earlier_ids, rng) -> set:
    """The test half of the articles: a seeded shuffle of those without an
    earlier coded sentence (``rng``: the generator seeded with SEED, before any
    other draw), first half."""
    free = [d for d in sorted(doc_ids, key=lambda d: (len(d), d)) if d not in set(earlier_ids)]
    shuffled = list(rng.permutation(free))
    return set(shuffled[: len(shuffled) // 2])


def sample(out: Path) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                  # the 36 empty articles of NewsArticles
        articles = migration_articles(news_corpus())
    sents = analysis.sentences(articles)
    same = sents["doc_id"].eq(sents["doc_id"].shift(1))
    sents["previous"] = sents["text"].shift(1).where(same, "")
    sents["next"] = sents["text"].shift(-1).where(sents["doc_id"].eq(sents["doc_id"].shift(-1)), "")
    n_words = sents["text"].map(lambda t: len(analysis.words(t)))
    earlier = pd.read_csv(HERE / "frames_news_coding.csv", dtype={"doc_id": str})
    coded = set(zip(earlier["doc_id"], earlier["sent_id"]))
    keys = list(zip(sents["doc_id"], sents["sent_id"]))
    eligible = sents[n_words.between(MIN_WORDS, MAX_WORDS).to_numpy() & np.array([k not in coded for k in keys])]
    lexicon = analysis.Lexicon.from_entries({"migration": MIGRATION_TERMS})
    has_term = np.zeros(len(eligible), dtype=bool)
    has_term[sorted({i for i, *_ in lexicon.find_all(eligible["text"].tolist())})] = True
    eligible = eligible.assign(stratum=np.where(has_term, "migration_term", "other"))

    rng = np.random.default_rng(SEED)
    test_docs = test_articles(articles["doc_id"], earlier["doc_id"], rng)
    eligible = eligible.assign(split=np.where(eligible["doc_id"].isin(test_docs), "test", "dev"))
    parts = []
    for split in ("test", "dev"):
        for stratum, n in PER_SPLIT.items():
            pool = eligible[(eligible["split"] == split) & (eligible["stratum"] == stratum)]
            parts.append(pool.iloc[np.sort(rng.choice(len(pool), size=n, replace=False))])
    chosen = pd.concat(parts)
    chosen = chosen.iloc[rng.permutation(len(chosen))]
    outlets = articles.set_index("doc_id")["outlet"]
    table = chosen.assign(outlet=chosen["doc_id"].map(outlets)).rename(columns={"text": "sentence"})
    table = table[["split", "stratum", "doc_id", "sent_id", "outlet", "previous", "sentence", "next"]]
    table.to_csv(out, index=False, lineterminator="\n")
    return table


if __name__ == "__main__":
    table = sample(Path(sys.argv[1]))
    print(table.groupby(["split", "stratum"]).size().to_string())
    print(f"{table['doc_id'].nunique()} articles")
