"""Draw the sample of NewsArticles sentences hand-coded for responsibility
attributions (issue 15; protocol in data/coding/README.md).

    .venv/bin/python data/coding/sample_news_attribution.py OUT.csv

Population: sentences of 3 to 120 words of the migration articles, not in the
frame sample (news_frames_sample.csv) nor among the 50 sentences coded earlier;
articles keep the test/development split of the frame sample (articles outside
it are split by the same kind of seeded shuffle). Attributions are rare, so two
strata are drawn in each half: sentences that name an actor of the shipped
actors file and hold a responsibility cue of the shipped cues file (where the
kit looks), and any other sentences (where it does not; they measure what it
misses). Writes split, stratum, doc_id, sent_id, outlet, title, context (the
article up to the sentence, at most 1,200 characters), sentence, next.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import analysis
from analysis.measures.actors import unit_mentions

SEED = 20261130
PER_SPLIT = {"actor_and_cue": 55, "other": 35}
MIN_WORDS, MAX_WORDS = 3, 120
CONTEXT_CHARS = 1200
HERE = Path(__file__).resolve().parent


def sample(out: Path) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = analysis.migration_articles(analysis.news_corpus())
    sents = analysis.sentences(articles)
    sents["next"] = sents["text"].shift(-1).where(sents["doc_id"].eq(sents["doc_id"].shift(-1)), "")
    frames = pd.read_csv(HERE / "news_frames_sample.csv", dtype={"doc_id": str}, keep_default_na=False)
    earlier = pd.read_csv(HERE / "frames_news_coding.csv", dtype={"doc_id": str})
    taken = set(zip(frames["doc_id"], frames["sent_id"])) | set(zip(earlier["doc_id"], earlier["sent_id"]))
    n_words = sents["text"].map(lambda t: len(analysis.words(t)))
    keep = n_words.between(MIN_WORDS, MAX_WORDS).to_numpy() & np.array(
        [k not in taken for k in zip(sents["doc_id"], sents["sent_id"])])
    eligible = sents[keep].reset_index(drop=True)
    actors, cues = analysis.Actors.load(), analysis.Cues.load()
    texts = eligible["text"].tolist()
    named = [bool(m) for m in unit_mentions(texts, actors)]
    cued = np.zeros(len(texts), dtype=bool)
    cued[sorted({i for i, *_ in cues.cue_lexicon.find_all(texts)})] = True
    eligible["stratum"] = np.where(np.array(named) & cued, "actor_and_cue", "other")

    rng = np.random.default_rng(SEED)
    split_of = dict(zip(frames["doc_id"], frames["split"]))
    split_of.update({d: "dev" for d in earlier["doc_id"]})
    rest = sorted(set(articles["doc_id"]) - set(split_of), key=lambda d: (len(d), d))
    shuffled = list(rng.permutation(rest))
    split_of.update({d: "test" if i < len(shuffled) // 2 else "dev" for i, d in enumerate(shuffled)})
    eligible["split"] = eligible["doc_id"].map(split_of)
    parts = []
    for split in ("test", "dev"):
        for stratum, n in PER_SPLIT.items():
            pool = eligible[(eligible["split"] == split) & (eligible["stratum"] == stratum)]
            parts.append(pool.iloc[np.sort(rng.choice(len(pool), size=n, replace=False))])
    chosen = pd.concat(parts)
    chosen = chosen.iloc[rng.permutation(len(chosen))]
    doc = articles.set_index("doc_id")
    context = [doc.at[d, "text"][max(0, s - CONTEXT_CHARS):s] for d, s in zip(chosen["doc_id"], chosen["start"])]
    table = chosen.assign(outlet=chosen["doc_id"].map(doc["outlet"]), title=chosen["doc_id"].map(doc["title"]),
                          context=context).rename(columns={"text": "sentence"})
    table = table[["split", "stratum", "doc_id", "sent_id", "outlet", "title", "context", "sentence", "next"]]
    table.to_csv(out, index=False, lineterminator="\n")
    return table


if __name__ == "__main__":
    table = sample(Path(sys.argv[1]))
    print(table.groupby(["split", "stratum"]).size().to_string())
    print(f"{table['doc_id'].nunique()} articles")
