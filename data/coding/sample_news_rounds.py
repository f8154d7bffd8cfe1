"""Draw a further round of development sentences to hand-code for the frames
(issue 15, "code what to code next"; protocol in data/coding/README.md).

    .venv/bin/python data/coding/sample_news_rounds.py 3

Pool: sentences of 3 to 120 words of the development articles (never a test
article: the split of sample_news_sentences.py), not coded yet. The classifier
used to choose (round<N-1>_model.json) is fitted on everything coded before the
round. Round 2 (frames codebook v1.2): 300 sentences it is least sure about
(coding_sheet(strategy="uncertain")), 150 random sentences with a migration term
and 150 random others; Round 3 (codebook v1.3): 250, 125 and 125. Written in a
random order to news_frames_round<N>_sample.csv.

The sheets of rounds 2 and 3 were drawn before coding_sheet took previous and
next from the document (issue 24): drawn from the pool and its strata, a
sentence's context was the neighbouring row of the stratum where a sentence
between them was left out (138 of the 500 sentences of round 3, 110 of its 125
with a migration term; 164 of the 600 of round 2). Coders coded the sentence
itself; some saw context from elsewhere in the article. The script now passes
context=, so drawing round 3 again gives the same sentences with their own
context.

Round 2 was drawn with round1_model.json, fitted by the first version of the
classifier (before stems and the names feature; that version was never
committed), so it cannot be drawn again: the classifier refuses that file. Its
sample as drawn is news_frames_round2_sample.csv; this script draws round 3.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import analysis
from analysis.corpus.news import MIGRATION_TERMS
from analysis.measures.classifier import FrameClassifier
from sample_news_sentences import MAX_WORDS, MIN_WORDS, SEED, test_articles

HERE = Path(__file__).resolve().parent
FRAMES = ["sovereignty", "humanitarian", "security", "criminality", "cooperation"]
ROUNDS = {3: {"seed": 20261202, "sizes": (250, 125, 125),
              "coded": ("frames_seed_coding.csv", "frames_news_coding.csv", "news_frames_dev.csv",
                        "news_frames_round2_coded.csv")}}


def coded(names) -> pd.DataFrame:
    """Every sentence coded before this round, with its text and codes."""
    read = lambda name: pd.read_csv(HERE / name, dtype={"doc_id": str}, keep_default_na=False)  # noqa: E731
    return pd.concat([read(name)[["doc_id", "sent_id", "sentence", *FRAMES]] for name in names], ignore_index=True)


def main(round_: int) -> None:
    SEED_ROUND, (N_UNCERTAIN, N_TERM, N_OTHER) = ROUNDS[round_]["seed"], ROUNDS[round_]["sizes"]
    training = coded(ROUNDS[round_]["coded"])
    model_path = HERE / f"round{round_ - 1}_model.json"
    if not model_path.exists():
        FrameClassifier().fit(training["sentence"], training[FRAMES]).save(model_path)
    model = FrameClassifier.load(model_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = analysis.migration_articles(analysis.news_corpus())
    earlier = pd.read_csv(HERE / "frames_news_coding.csv", dtype={"doc_id": str})
    test = test_articles(articles["doc_id"], earlier["doc_id"], np.random.default_rng(SEED))
    sentences = analysis.sentences(articles[~articles["doc_id"].isin(test)])
    n_words = sentences["text"].map(lambda t: len(analysis.words(t)))
    pool = sentences[n_words.between(MIN_WORDS, MAX_WORDS)]
    sample = pd.read_csv(HERE / "news_frames_sample.csv", dtype={"doc_id": str})
    done = pd.concat([training[["doc_id", "sent_id"]], sample[["doc_id", "sent_id"]]]
                     + [pd.read_csv(HERE / f"news_frames_round{r}_sample.csv", dtype={"doc_id": str})[["doc_id", "sent_id"]]
                        for r in range(2, round_)])
    uncertain = analysis.coding_sheet(pool, N_UNCERTAIN, strategy="uncertain", model=model, exclude=done,
                                      random_state=SEED_ROUND, context=sentences).assign(stratum="uncertain")
    done = pd.concat([done, uncertain[["doc_id", "sent_id"]]])
    lexicon = analysis.Lexicon.from_entries({"migration": MIGRATION_TERMS})
    has_term = np.zeros(len(pool), dtype=bool)
    has_term[sorted({i for i, *_ in lexicon.find_all(pool["text"].tolist())})] = True
    term = analysis.coding_sheet(pool[has_term], N_TERM, stratify_by=None, exclude=done, random_state=SEED_ROUND,
                                 context=sentences).assign(stratum="migration_term")
    other = analysis.coding_sheet(pool[~has_term], N_OTHER, stratify_by=None, exclude=done, random_state=SEED_ROUND,
                                  context=sentences).assign(stratum="other")
    chosen = pd.concat([uncertain, term, other], ignore_index=True)
    chosen = chosen.iloc[np.random.default_rng(SEED_ROUND).permutation(len(chosen))]
    columns = ["stratum", "doc_id", "sent_id", "previous", "sentence", "next"]
    chosen[columns].to_csv(HERE / f"news_frames_round{round_}_sample.csv", index=False, lineterminator="\n")
    print(chosen.groupby("stratum").size().to_string())


if __name__ == "__main__":
    main(int(sys.argv[1]))
