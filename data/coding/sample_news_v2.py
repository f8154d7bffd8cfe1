"""Draw the second wave of NewsArticles sentences to hand-code (issues 21, 22;
protocol in data/coding/README.md, "Second wave").

    .venv/bin/python data/coding/sample_news_v2.py        # writes the five samples below

Every sample is a probability sample: each sentence's ``coding_probability`` is
its inclusion probability under the design that drew it, so weighted figures
estimate the population of its stratum frame (issue 23). Populations are the
sentences (``analysis.sentences``) of 3 to 120 words of their articles, minus
every sentence drawn for coding before (the first wave's samples). The articles
keep the first wave's split into a test half and a development half
(``sample_news_sentences.test_articles``); test sets come only from test
articles, training sets only from development articles. Within one population,
the samples are disjoint (drawn in the order below, each excluding those drawn
before it).

1. ``news_frames_v2_test_sample.csv``: 800 test-half sentences for the frames,
   stratified by the shipped classifier's labels (as of the commit that added
   this script) so that the rare frames reach 40 positives: ``rare`` (the
   classifier gives criminality or cooperation a probability of at least 0.25,
   or the dictionary has a hit of either), ``framed`` (another frame at 0.25 or
   a hit), ``migration_term`` (none of those, a migration term), ``other``.
2. ``news_attribution_v2_test_sample.csv``: 450 test-half sentences for the
   attributions, stratified by what the kit's rules see (shipped actors v3 and
   cues v3): ``actor_and_cue``, ``actor_no_cue``, ``cue_no_actor``, ``neither``.
3. ``news_attribution_v2_dev_sample.csv``: 1,500 development-half sentences
   for the attributions, the same strata.
4. ``news_frames_round4_sample.csv``: 600 development-half sentences for the
   frames: systematic sampling with probability proportional to the shipped
   classifier's uncertainty with a floor (size ``max(u, 0.15)``, where ``u`` is
   the largest of the five frames' ``1 - |2p - 1|``), a fixed-size design with known
   inclusion probabilities (Madow 1949), which gives uncertain sentences more
   chance without giving any sentence none.
5. ``news_attribution_climate_sample.csv``: 300 sentences of the climate
   articles of NewsArticles (at least two climate terms, ``CLIMATE_TERMS``; not
   a migration article),
   split by a seeded shuffle of articles into a test half and a development
   half, 150 each, stratified by what the rules see with the climate example's
   actors and cues (``examples/climate/``): ``actor_and_cue``, ``actor_no_cue``,
   ``other``.

6. ``news_frames_v2_test_supplement_sample.csv``: 100 more test-half sentences
   of the ``rare`` stratum, drawn after the first 800 were coded (see
   ``supplement``); ``news_frames_v2_test_probabilities.csv`` gives every frame
   test sentence's inclusion probability under both phases.

Columns: split, stratum, coding_probability, doc_id, sent_id, outlet, title,
context (the article up to the sentence, at most 1,200 characters), previous,
sentence, next. Rows in a random order.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import analysis
from analysis.corpus.news import MIGRATION_TERMS
from analysis.measures.actors import unit_mentions
from sample_news_sentences import MAX_WORDS, MIN_WORDS, SEED as FIRST_SEED, test_articles

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = 20261206
CONTEXT_CHARS = 1200
FRAMES = ["sovereignty", "humanitarian", "security", "criminality", "cooperation"]
FRAME_STRATA = {"rare": 300, "framed": 250, "migration_term": 130, "other": 120}
ATTRIBUTION_TEST = {"actor_and_cue": 200, "actor_no_cue": 120, "cue_no_actor": 50, "neither": 80}
ATTRIBUTION_DEV = {"actor_and_cue": 450, "actor_no_cue": 550, "cue_no_actor": 200, "neither": 300}
ROUND4_N, ROUND4_FLOOR = 600, 0.15
SUPPLEMENT_N = 100
CLIMATE_STRATA = {"actor_and_cue": 45, "actor_no_cue": 65, "other": 40}
CLIMATE_TERMS = r"\b(climate|global warming|greenhouse gas(es)?|carbon (emissions?|dioxide|tax)|emissions? (cuts?|targets?)|" \
                r"Paris (climate )?(agreement|accord|deal)|fossil fuels?|renewable energy|coal (plants?|mines?|industry))\b"
MIN_CLIMATE_HITS = 2
FIRST_WAVE = ("news_frames_sample.csv", "news_frames_round2_sample.csv", "news_frames_round3_sample.csv",
              "news_attribution_sample.csv", "frames_news_coding.csv")
COLUMNS = ["split", "stratum", "coding_probability", "doc_id", "sent_id", "outlet", "title", "context", "previous",
           "sentence", "next"]


def population(articles: pd.DataFrame, exclude: set) -> pd.DataFrame:
    """Sentences of 3 to 120 words of ``articles`` not in ``exclude``, with previous, next and context."""
    sents = analysis.sentences(articles)
    same_prev = sents["doc_id"].eq(sents["doc_id"].shift(1))
    same_next = sents["doc_id"].eq(sents["doc_id"].shift(-1))
    sents["previous"] = sents["text"].shift(1).where(same_prev, "")
    sents["next"] = sents["text"].shift(-1).where(same_next, "")
    text = articles.set_index("doc_id")["text"]
    sents["context"] = [text[d][max(0, s - CONTEXT_CHARS):s] for d, s in zip(sents["doc_id"], sents["start"])]
    n_words = sents["text"].map(lambda t: len(analysis.words(t)))
    keys = pd.Series(list(zip(sents["doc_id"], sents["sent_id"])), index=sents.index)
    keep = n_words.between(MIN_WORDS, MAX_WORDS) & ~keys.isin(exclude)
    meta = articles.set_index("doc_id")
    out = sents[keep].rename(columns={"text": "sentence"}).reset_index(drop=True)
    return out.assign(outlet=out["doc_id"].map(meta["outlet"]), title=out["doc_id"].map(meta["title"]))


def stratified(pool: pd.DataFrame, sizes: dict, rng) -> pd.DataFrame:
    """A simple random sample of ``sizes[stratum]`` rows of each stratum, with n_h / N_h."""
    parts = []
    for stratum, n in sizes.items():
        rows = pool[pool["stratum"] == stratum]
        if len(rows) < n:
            raise SystemExit(f"stratum {stratum!r} has {len(rows)} sentences, fewer than the {n} to draw")
        chosen = rows.iloc[np.sort(rng.choice(len(rows), size=n, replace=False))]
        parts.append(chosen.assign(coding_probability=n / len(rows)))
        print(f"  {stratum}: {n} of {len(rows)} (p = {n / len(rows):.4f})")
    return pd.concat(parts)


def systematic_pps(sizes: np.ndarray, n: int, rng) -> tuple[np.ndarray, np.ndarray]:
    """Indices drawn and every unit's inclusion probability under systematic
    sampling with probability proportional to ``sizes`` (in a random order):
    probabilities ``n * s / sum(s)``, those that would exceed 1 taken with
    certainty and the rest rescaled."""
    pi = np.zeros(len(sizes))
    certain = np.zeros(len(sizes), dtype=bool)
    while True:
        rest = n - certain.sum()
        pi[~certain] = rest * sizes[~certain] / sizes[~certain].sum()
        pi[certain] = 1.0
        if not (pi[~certain] > 1).any():
            break
        certain |= pi > 1
    order = rng.permutation(len(sizes))
    cum = np.cumsum(pi[order])
    points = rng.uniform(0, 1) + np.arange(round(pi.sum()))
    drawn = order[np.searchsorted(cum, points, side="right")]
    return np.sort(drawn), pi


def flags(texts: list[str], lexicon) -> np.ndarray:
    found = np.zeros(len(texts), dtype=bool)
    found[sorted({i for i, *_ in lexicon.find_all(texts)})] = True
    return found


def rule_strata(texts: list[str], actors, cues, *, split_cue: bool = True) -> np.ndarray:
    named = np.array([bool(m) for m in unit_mentions(texts, actors)])
    cued = flags(texts, cues.cue_lexicon)
    if not split_cue:
        return np.where(named & cued, "actor_and_cue", np.where(named, "actor_no_cue", "other"))
    return np.select([named & cued, named, cued], ["actor_and_cue", "actor_no_cue", "cue_no_actor"], "neither")


def write(table: pd.DataFrame, name: str, rng) -> None:
    table = table.iloc[rng.permutation(len(table))]
    table[COLUMNS].to_csv(HERE / name, index=False, lineterminator="\n")
    print(f"wrote {name}: {len(table)} sentences from {table['doc_id'].nunique()} articles")


def main() -> None:
    rng = np.random.default_rng(SEED)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                  # the empty articles of NewsArticles
        corpus = analysis.news_corpus()
    articles = analysis.migration_articles(corpus)
    earlier = pd.read_csv(HERE / "frames_news_coding.csv", dtype={"doc_id": str})
    test_docs = test_articles(articles["doc_id"], earlier["doc_id"], np.random.default_rng(FIRST_SEED))
    taken = set()
    for name in FIRST_WAVE:
        done = pd.read_csv(HERE / name, dtype={"doc_id": str})
        taken |= set(zip(done["doc_id"], done["sent_id"]))
    pool = population(articles, taken)
    pool["split"] = np.where(pool["doc_id"].isin(test_docs), "test", "dev")
    print(f"population: {len(pool)} sentences not coded before ({(pool['split'] == 'test').sum()} in test articles)")

    model = analysis.FrameClassifier.load()
    texts = pool["sentence"].tolist()
    probability = model.predict_proba(texts)
    hits = analysis.frame_scores(pool.rename(columns={"sentence": "text"})[["doc_id", "sent_id", "text"]],
                                 method="dictionary")[FRAMES].to_numpy() > 0
    likely = (probability >= 0.25) | hits
    rare = likely[:, [FRAMES.index("criminality"), FRAMES.index("cooperation")]].any(axis=1)
    term = flags(texts, analysis.Lexicon.from_entries({"migration": MIGRATION_TERMS}))
    pool["frame_stratum"] = np.select([rare, likely.any(axis=1), term], ["rare", "framed", "migration_term"], "other")
    pool["uncertainty"] = (1 - np.abs(2 * probability - 1)).max(axis=1)
    pool["rule_stratum"] = rule_strata(texts, analysis.Actors.load(), analysis.Cues.load())

    print("1. frames, test v2")
    test = pool[pool["split"] == "test"].assign(stratum=lambda t: t["frame_stratum"])
    frames_test = stratified(test, FRAME_STRATA, rng)
    write(frames_test, "news_frames_v2_test_sample.csv", rng)

    print("2. attributions, test v2")
    rest = test[~test.index.isin(frames_test.index)].assign(stratum=lambda t: t["rule_stratum"])
    attribution_test = stratified(rest, ATTRIBUTION_TEST, rng)
    write(attribution_test, "news_attribution_v2_test_sample.csv", rng)

    print("3. attributions, development")
    dev = pool[pool["split"] == "dev"].assign(stratum=lambda t: t["rule_stratum"])
    attribution_dev = stratified(dev, ATTRIBUTION_DEV, rng)
    write(attribution_dev, "news_attribution_v2_dev_sample.csv", rng)

    print("4. frames, development round 4")
    dev_rest = dev[~dev.index.isin(attribution_dev.index)]
    drawn, pi = systematic_pps(np.maximum(dev_rest["uncertainty"].to_numpy(), ROUND4_FLOOR), ROUND4_N, rng)
    round4 = dev_rest.iloc[drawn].assign(stratum="uncertainty_pps", coding_probability=pi[drawn])
    print(f"  {len(round4)} of {len(dev_rest)}; probabilities {pi[drawn].min():.4f} to {pi[drawn].max():.4f}")
    write(round4, "news_frames_round4_sample.csv", rng)

    print("5. attributions, climate articles")
    climate_hits = corpus["text"].map(lambda t: len(re.findall(CLIMATE_TERMS, t, flags=re.IGNORECASE)))
    climate = corpus[(climate_hits >= MIN_CLIMATE_HITS) & ~corpus["doc_id"].isin(articles["doc_id"])]
    ids = sorted(climate["doc_id"], key=lambda d: (len(d), d))
    shuffled = list(rng.permutation(ids))
    climate_test = set(shuffled[: len(shuffled) // 2])
    cpool = population(climate, set())
    cpool["split"] = np.where(cpool["doc_id"].isin(climate_test), "test", "dev")
    examples = ROOT / "examples" / "climate"
    cpool["stratum"] = rule_strata(cpool["sentence"].tolist(), analysis.Actors.load(examples / "actors.yaml"),
                                   analysis.Cues.load(examples / "cues.yaml"), split_cue=False)
    print(f"  {len(climate)} articles ({len(climate_test)} test), {len(cpool)} sentences")
    parts = [stratified(cpool[cpool["split"] == split], CLIMATE_STRATA, rng) for split in ("test", "dev")]
    write(pd.concat(parts), "news_attribution_climate_sample.csv", rng)

    print("6. frames, test v2 supplement")
    supplement(test, frames_test, attribution_test, np.random.default_rng([SEED, 6]))


def supplement(test: pd.DataFrame, frames_test: pd.DataFrame, attribution_test: pd.DataFrame, rng) -> None:
    """A second phase of the frame test's ``rare`` stratum, and every test unit's
    inclusion probability under the two phases together.

    Added after the first 800 were coded, when cooperation had 39 positives,
    one short of the issue's 40: a simple random sample of 100 of the ``rare``
    sentences that no earlier sample drew. A ``rare`` sentence is in the test
    set if the first phase drew it (p1 = 300 / N), or, if not, the attribution
    test did not (its stratum's probability q) and the second phase did (m /
    N_rest): pi = p1 + (1 - p1) (1 - q) m / N_rest (the first two draws taken as
    independent, an approximation: they were stratified by other features).
    Other strata keep their first-phase probabilities."""
    rare = test[test["frame_stratum"] == "rare"]
    taken = frames_test.index.union(attribution_test.index)
    pool = rare[~rare.index.isin(taken)]
    m = SUPPLEMENT_N
    chosen = pool.iloc[np.sort(rng.choice(len(pool), size=m, replace=False))].assign(stratum="rare")
    p1 = FRAME_STRATA["rare"] / len(rare)
    q = attribution_test.groupby("stratum")["coding_probability"].first()
    pi = lambda units: p1 + (1 - p1) * (1 - units["rule_stratum"].map(q)) * m / len(pool)  # noqa: E731
    chosen = chosen.assign(coding_probability=pi(chosen))
    write(chosen, "news_frames_v2_test_supplement_sample.csv", rng)
    both = pd.concat([frames_test, chosen])
    both.loc[both["stratum"] == "rare", "coding_probability"] = pi(both[both["stratum"] == "rare"])
    both = both.sort_values(["doc_id", "sent_id"], key=lambda c: c.astype(int) if c.name == "sent_id" else c.str.zfill(8))
    both[["doc_id", "sent_id", "stratum", "coding_probability"]].to_csv(HERE / "news_frames_v2_test_probabilities.csv",
                                                                       index=False, lineterminator="\n")
    print(f"  {m} of the {len(pool)} rare sentences not drawn before; rare probabilities now "
          f"{both.loc[both['stratum'] == 'rare', 'coding_probability'].min():.4f} to "
          f"{both.loc[both['stratum'] == 'rare', 'coding_probability'].max():.4f}")


if __name__ == "__main__":
    main()
