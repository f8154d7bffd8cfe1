"""Draw the second round of development sentences to hand-code for the frames
(issue 15, "code what to code next"; protocol in data/coding/README.md).

    .venv/bin/python data/coding/sample_news_round2.py

Pool: sentences of 3 to 120 words of the development articles (never a test
article: the split of sample_news_sentences.py), not coded yet. The classifier
used to choose (round1_model.json) was fitted on everything coded before this
round (seeds, the 50 earlier news sentences, the 260 development sentences).
Draws 300 sentences it is least sure about (coding_sheet(strategy="uncertain")),
then 150 random sentences with a migration term and 150 random others, and
writes them in a random order to news_frames_round2_sample.csv.
"""

from __future__ import annotations

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
SEED_ROUND2 = 20261201
N_UNCERTAIN, N_TERM, N_OTHER = 300, 150, 150


def coded() -> pd.DataFrame:
    """Every sentence coded before this round, with its text and codes."""
    read = lambda name: pd.read_csv(HERE / name, dtype={"doc_id": str}, keep_default_na=False)  # noqa: E731
    parts = [read(name)[["doc_id", "sent_id", "sentence", *FRAMES]]
             for name in ("frames_seed_coding.csv", "frames_news_coding.csv", "news_frames_dev.csv")]
    return pd.concat(parts, ignore_index=True)


def main() -> None:
    training = coded()
    model_path = HERE / "round1_model.json"
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
    done = pd.concat([training[["doc_id", "sent_id"]], sample[["doc_id", "sent_id"]]])
    uncertain = analysis.coding_sheet(pool, N_UNCERTAIN, strategy="uncertain", model=model, exclude=done,
                                      random_state=SEED_ROUND2).assign(stratum="uncertain")
    done = pd.concat([done, uncertain[["doc_id", "sent_id"]]])
    lexicon = analysis.Lexicon.from_entries({"migration": MIGRATION_TERMS})
    has_term = np.zeros(len(pool), dtype=bool)
    has_term[sorted({i for i, *_ in lexicon.find_all(pool["text"].tolist())})] = True
    term = analysis.coding_sheet(pool[has_term], N_TERM, stratify_by=None, exclude=done,
                                 random_state=SEED_ROUND2).assign(stratum="migration_term")
    other = analysis.coding_sheet(pool[~has_term], N_OTHER, stratify_by=None, exclude=done,
                                  random_state=SEED_ROUND2).assign(stratum="other")
    chosen = pd.concat([uncertain, term, other], ignore_index=True)
    chosen = chosen.iloc[np.random.default_rng(SEED_ROUND2).permutation(len(chosen))]
    columns = ["stratum", "doc_id", "sent_id", "previous", "sentence", "next"]
    chosen[columns].to_csv(HERE / "news_frames_round2_sample.csv", index=False, lineterminator="\n")
    print(chosen.groupby("stratum").size().to_string())


if __name__ == "__main__":
    main()
