"""Inclusion probabilities of the coded samples that did not record them, so that
the corrected estimates of issue 23 (analysis.prevalence) can use them.

    .venv/bin/python data/coding/design_probabilities.py     # writes the two files below

Writes ``design_probabilities.csv`` and ``news_article_halves.csv`` (the half,
test or dev, of each of the 481 migration articles in the frame study's split,
``sample_news_sentences.test_articles``; the frame samples' strata are drawn
within these halves).

* ``news_frames_sample.csv`` (the first wave's frame sample, test and
  development halves): in each half, a simple random sample of 150 sentences
  with a migration term and 110 others, so ``n_h / N_h`` with ``N_h`` the
  sentences of that half and stratum in the population of
  ``sample_news_sentences.py`` (3 to 120 words, not among the 50 of
  frames_news_coding.csv).
* ``news_attribution_sample.csv`` (the first wave's attribution sample): in each
  half (its own split of the articles outside the frame sample), 55 sentences
  naming an actor and holding a cue and 35 others, from the population of
  ``sample_news_attribution.py``: ``n_h / N_h``.
* ``news_frames_round4_sample.csv``: its ``coding_probability`` is the
  probability given the development pool left after the attribution
  development sample (news_attribution_v2_dev_sample.csv, stratified by the
  rules' strata) was drawn; over the whole pool it is ``(1 - q_h) * pi`` with
  ``q_h`` the attribution sample's probability in the sentence's rule stratum
  (the two draws taken as independent, as sample_news_v2.py does for the test
  supplement).

The strata are recomputed with today's segmentation, actors and cues; the
samples were drawn with those of their commits. A sampled sentence whose
stratum differs today keeps the stratum it was drawn in (its ``n_h / N_h``
with today's ``N_h``); the script prints how many differ and how far today's
``N_h`` may be from the one the draw used. Columns: sample, split, stratum,
doc_id, sent_id, coding_probability.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import analysis
from analysis.corpus.news import MIGRATION_TERMS
from analysis.measures.actors import unit_mentions
from sample_news_attribution import PER_SPLIT as ATTRIBUTION_PER_SPLIT
from sample_news_attribution import SEED as ATTRIBUTION_SEED
from sample_news_sentences import MAX_WORDS, MIN_WORDS, PER_SPLIT, SEED, test_articles
from sample_news_v2 import rule_strata

HERE = Path(__file__).resolve().parent


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(HERE / name, dtype={"doc_id": str}, keep_default_na=False)


def eligible_sentences(articles: pd.DataFrame, taken: set) -> pd.DataFrame:
    sents = analysis.sentences(articles)
    n_words = sents["text"].map(lambda t: len(analysis.words(t)))
    keys = pd.Series(list(zip(sents["doc_id"], sents["sent_id"])), index=sents.index)
    return sents[n_words.between(MIN_WORDS, MAX_WORDS) & ~keys.isin(taken)].reset_index(drop=True)


def probabilities(sample: pd.DataFrame, population: pd.DataFrame, per: dict, name: str) -> pd.DataFrame:
    """n_h / N_h of each sampled sentence, its stratum as drawn; prints where today's strata differ."""
    sizes = population.groupby(["split", "stratum"]).size()
    today = population.set_index(["doc_id", "sent_id"])["stratum"]
    keys = list(zip(sample["doc_id"], sample["sent_id"].astype(int)))
    moved = sum(today.get(k) != s for k, s in zip(keys, sample["stratum"]))
    out = sample[["split", "stratum", "doc_id", "sent_id"]].assign(sample=name)
    out["coding_probability"] = [per[s] / sizes[(h, s)] for h, s in zip(sample["split"], sample["stratum"])]
    print(f"{name}: strata N_h today {sizes.to_dict()}; {moved} of {len(sample)} sampled sentences are in "
          "another stratum (or none) today")
    return out


def main() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                  # the empty articles of NewsArticles
        articles = analysis.migration_articles(analysis.news_corpus())
    earlier = read("frames_news_coding.csv")
    earlier_keys = set(zip(earlier["doc_id"], earlier["sent_id"].astype(int)))

    frames = read("news_frames_sample.csv")
    pool = eligible_sentences(articles, earlier_keys)
    lexicon = analysis.Lexicon.from_entries({"migration": MIGRATION_TERMS})
    term = np.zeros(len(pool), dtype=bool)
    term[sorted({i for i, *_ in lexicon.find_all(pool["text"].tolist())})] = True
    test_docs = test_articles(articles["doc_id"], earlier["doc_id"], np.random.default_rng(SEED))
    halves = articles[["doc_id"]].assign(half=np.where(articles["doc_id"].isin(test_docs), "test", "dev"))
    halves.to_csv(HERE / "news_article_halves.csv", index=False, lineterminator="\n")
    pool = pool.assign(stratum=np.where(term, "migration_term", "other"),
                       split=np.where(pool["doc_id"].isin(test_docs), "test", "dev"))
    parts = [probabilities(frames, pool, PER_SPLIT, "news_frames_sample.csv")]

    attribution = read("news_attribution_sample.csv")
    taken = earlier_keys | set(zip(frames["doc_id"], frames["sent_id"].astype(int)))
    pool = eligible_sentences(articles, taken)
    texts = pool["text"].tolist()
    cues = analysis.Cues.load()
    cued = np.zeros(len(texts), dtype=bool)
    cued[sorted({i for i, *_ in cues.cue_lexicon.find_all(texts)})] = True
    named = np.array([bool(m) for m in unit_mentions(texts, analysis.Actors.load())])
    split_of = dict(zip(frames["doc_id"], frames["split"]))
    split_of.update({d: "dev" for d in earlier["doc_id"]})
    rest = sorted(set(articles["doc_id"]) - set(split_of), key=lambda d: (len(d), d))
    shuffled = list(np.random.default_rng(ATTRIBUTION_SEED).permutation(rest))
    split_of.update({d: "test" if i < len(shuffled) // 2 else "dev" for i, d in enumerate(shuffled)})
    pool = pool.assign(stratum=np.where(named & cued, "actor_and_cue", "other"), split=pool["doc_id"].map(split_of))
    parts.append(probabilities(attribution, pool, ATTRIBUTION_PER_SPLIT, "news_attribution_sample.csv"))

    round4 = read("news_frames_round4_sample.csv")
    q = read("news_attribution_v2_dev_sample.csv").groupby("stratum")["coding_probability"].first().astype(float)
    stratum = rule_strata(round4["sentence"].tolist(), analysis.Actors.load(), analysis.Cues.load())
    conditional = round4["coding_probability"].astype(float).to_numpy()
    out = round4[["split", "doc_id", "sent_id"]].assign(sample="news_frames_round4_sample.csv", stratum=stratum)
    out["coding_probability"] = (1 - pd.Series(stratum).map(q).to_numpy()) * conditional
    print(f"news_frames_round4_sample.csv: attribution probabilities by rule stratum {q.round(4).to_dict()}")
    parts.append(out)

    table = pd.concat(parts, ignore_index=True)[["sample", "split", "stratum", "doc_id", "sent_id",
                                                 "coding_probability"]]
    table["coding_probability"] = table["coding_probability"].round(10)
    table.to_csv(HERE / "design_probabilities.csv", index=False, lineterminator="\n")
    print(f"wrote design_probabilities.csv: {len(table)} sentences")


if __name__ == "__main__":
    main()
