"""Fit the attribution model the kit ships (analysis/data/migration/attribution_model.json,
with its sentence classifier also in responsibility_classifier.json) on every sentence
coded for attributions outside the locked test sets, choosing its features by
cross-validation grouped by article.

    .venv/bin/python data/coding/fit_attribution_model.py      # or: make attribution-model

Training sentences: the development coding of the second wave
(news_attribution_v2_dev.csv, 1,500 sentences), that of the first
(news_attribution_dev.csv, 90) and the seeds (attribution_seed_coding.csv, every
sentence of the five articles; its empty speaker is the outlet's voice). Never
news_attribution_test.csv, news_attribution_v2_test.csv or the climate files.

Selection: each candidate configuration (features, window) is fitted with its own
cross-validation, grouped by article (5 folds); the one with the highest
cross-validated F1 of (actor, kind, polarity) triples is kept, the smaller feature
set on a tie. The figures are printed; they are in-sample for the choice (a
selection over a handful of configurations). Deterministic: the same files give the
same models, byte for byte. Needs the NewsArticles corpus (make news-corpus).
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pandas as pd

import analysis
from analysis import AttributionModel, read_attribution_coding
from analysis.paths import project_root

HERE = Path(__file__).resolve().parent
TRAINING = ("news_attribution_v2_dev.csv", "news_attribution_dev.csv")
SEEDS = "attribution_seed_coding.csv"
TARGET = project_root() / "analysis" / "data" / "migration"
CANDIDATES = [
    {"features": ("rules", "words", "sentence"), "window": 4},
    {"features": ("rules", "words", "vectors", "sentence"), "window": 4},
    {"features": ("rules", "words", "vectors", "sentence"), "window": 6},
]


def training_data() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The coding (one row per attribution, checked against the corpus) and
    the corpus of its articles (NewsArticles and the seeds)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")             # the empty articles NewsArticles skips
        news = analysis.news_corpus()
    seeds = analysis.load_corpus()[["doc_id", "text"]]
    corpus = pd.concat([news[["doc_id", "text", "outlet"]], seeds.assign(outlet="seeds")], ignore_index=True)
    sentences = analysis.sentences(corpus)
    coded = read_attribution_coding([HERE / name for name in TRAINING], sentences=sentences)
    seeds = read_attribution_coding(HERE / SEEDS, sentences=sentences, speaker="speaker", blank_speaker="(outlet)")
    return pd.concat([coded, seeds], ignore_index=True), corpus


def main(out: Path = TARGET) -> int:
    coding, corpus = training_data()
    docs = corpus[corpus["doc_id"].isin(set(coding["doc_id"]))]
    fitted = []
    for candidate in CANDIDATES:
        model = AttributionModel(**candidate).fit(coding, docs)
        scores = model.cv_["triples"]
        print(f"{candidate}: cross-validated triples P {scores['precision']:.3f} R {scores['recall']:.3f} "
              f"F1 {scores['f1']:.3f}; (actor, kind) F1 {model.cv_['actor_kind']['f1']:.3f}")
        fitted.append((scores["f1"], -len(candidate["features"]), model))
    model = max(fitted, key=lambda item: item[:2])[2]
    model.save(out / "attribution_model.json", overwrite=True)
    model.sentence_model_.save(out / "responsibility_classifier.json", overwrite=True)
    print(f"wrote {out / 'attribution_model.json'} ({model.features}, window {model.window}): "
          f"{model.n_training_['sentences']} sentences; gate {model.gate_:.3f}")
    print("sentence classifier, cross-validated F1: "
          + ", ".join(f"{label} {m['cv_f1']:.3f}" for label, m in model.sentence_model_.models_.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
